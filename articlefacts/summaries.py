"""Short lists in words for the notebooks: bounded, so that an output stays readable at any
corpus size, and worded so that an empty list reads as a sentence."""
from __future__ import annotations

from typing import Callable

import pandas as pd


def listing(rows: pd.DataFrame, what: str, line: Callable[[object], str], limit: int = 20) -> str:
    """'N <what>:' and one line per row (the first ``limit``, then how many more), or
    'No <what>.' when there are none."""
    if rows.empty:
        return f"No {what}."
    out = [f"{len(rows)} {what}:"]
    out += [f"  {line(r)}" for r in rows.head(limit).itertuples()]
    if len(rows) > limit:
        out.append(f"  … and {len(rows) - limit} more")
    return "\n".join(out)
