"""What is new in a report since an earlier one: articles added or removed, articles that failed now
and not before, estimates that are new, whose values changed, or that more articles repeat.

Both reports are read from their folders (``manifest.json`` for the articles and their status,
``data/estimates.parquet`` or ``.csv`` for the estimates), so a report compares with any earlier
one, however it was made. Estimates keep their ids across reports (see
:func:`articlefacts.estimates.estimate_id`); an estimate whose source, measure and date are those of
an estimate of the earlier report that is gone, with other numbers, is ``estimate_changed``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import InputError

CHANGE_COLUMNS = ["change", "article_id", "estimate_id", "source", "measure", "value", "date", "detail"]
KINDS = ("new_article", "removed_article", "newly_failed", "new_estimate", "estimate_changed", "more_mentions")
DATED = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Baseline:
    """An earlier report: its folder, its date, its articles (article_id, status) and estimates
    (None when it has no estimates table)."""

    folder: Path
    day: str
    articles: pd.DataFrame
    estimates: pd.DataFrame | None


def previous_report(reports: Path, before: str) -> Path | None:
    """The newest dated report folder (``YYYY-MM-DD``) in ``reports`` dated before ``before``."""
    if not reports.is_dir():
        return None
    dated = sorted(p for p in reports.iterdir() if p.is_dir() and DATED.fullmatch(p.name) and p.name < before)
    return dated[-1] if dated else None


def read_estimates(folder: Path) -> pd.DataFrame | None:
    """A report's estimates table (``data/estimates.parquet``, else ``.csv``), or None."""
    for name, reader in (("estimates.parquet", pd.read_parquet), ("estimates.csv", pd.read_csv)):
        p = folder / "data" / name
        if p.is_file():
            df = reader(p)
            for col in ("source", "measure", "date", "unit", "per", "qualifier", "article_ids"):
                df[col] = df[col].fillna("").astype(str)
            return df
    return None


def read_baseline(folder: str | Path) -> Baseline:
    """An earlier report from its folder. Raises InputError (naming the folder) when it is not a
    report (no readable manifest.json)."""
    p = Path(folder)
    try:
        manifest = json.loads((p / "manifest.json").read_text(encoding="utf-8"))
        arts = pd.DataFrame(manifest["articles"], columns=["article_id", "status", "error"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(p, f"not a report folder to compare with (no readable manifest.json: "
                            f"{type(exc).__name__})") from None
    day = str(manifest.get("report") or p.name)
    return Baseline(p, day, arts, read_estimates(p))


def _value(r) -> str:
    from .views import figure_value

    v = figure_value("personnel", r.value_low, r.value_high, r.qualifier)
    return f"{v} {r.unit}".strip() + (f" per {r.per}" if r.per else "")


def _estimate_row(change: str, r, detail: str) -> dict:
    first = str(r.article_ids).split()[0] if str(r.article_ids).split() else ""
    return {"change": change, "article_id": first, "estimate_id": r.estimate_id, "source": r.source,
            "measure": r.measure, "value": _value(r), "date": r.date, "detail": detail}


def changes(articles: pd.DataFrame, estimates: pd.DataFrame | None, before: Baseline) -> pd.DataFrame:
    """The changes from ``before`` to a report with ``articles`` (article_id, status, error) and
    ``estimates`` (the estimates table; None when it could not be built): one row per change,
    :data:`CHANGE_COLUMNS`, in the order of :data:`KINDS`."""
    rows: list[dict] = []
    was = dict(zip(before.articles["article_id"], before.articles["status"]))
    now = dict(zip(articles["article_id"], articles["status"]))
    errors = dict(zip(articles["article_id"], articles["error"].fillna("")))
    for a in articles["article_id"]:
        if a not in was:
            rows.append({"change": "new_article", "article_id": a,
                         "detail": "read and extracted" if now[a] == "ok" else f"failed: {errors[a]}"})
    for a in before.articles["article_id"]:
        if a not in now:
            rows.append({"change": "removed_article", "article_id": a, "detail": "no longer in the input"})
    for a in articles["article_id"]:
        if a in was and was[a] == "ok" and now[a] != "ok":
            rows.append({"change": "newly_failed", "article_id": a, "detail": errors[a]})
    if estimates is not None and before.estimates is not None:
        old = before.estimates.set_index("estimate_id", drop=False)
        gone = old[~old["estimate_id"].isin(set(estimates["estimate_id"]))]
        gone_by_key = {(r.source, r.measure, r.date): r for r in gone.itertuples()}
        new_rows, changed_rows, more_rows = [], [], []
        for r in estimates.itertuples():
            if r.estimate_id in old.index:
                o = old.loc[r.estimate_id]
                if int(r.articles) > int(o["articles"]):
                    more_rows.append(_estimate_row("more_mentions", r, f"in {int(r.articles)} articles "
                                                                       f"(was {int(o['articles'])})"))
            elif (r.source, r.measure, r.date) in gone_by_key:
                o = gone_by_key[(r.source, r.measure, r.date)]
                changed_rows.append(_estimate_row("estimate_changed", r, f"was {_value(o)} ({o.estimate_id})"))
            else:
                new_rows.append(_estimate_row("new_estimate", r, f"in {int(r.articles)} article(s)"))
        rows += new_rows + changed_rows + more_rows
    elif estimates is None or before.estimates is None:
        which = "this report" if estimates is None else f"the report of {before.day}"
        rows.append({"change": "note", "detail": f"estimates not compared: {which} has no estimates table"})
    return pd.DataFrame([{c: r.get(c, "") for c in CHANGE_COLUMNS} for r in rows], columns=CHANGE_COLUMNS)


def summary_html(table: pd.DataFrame, day: str, limit: int = 30) -> str:
    """The "New since <day>" section of index.html: a count per kind of change and the first rows."""
    import html

    e = html.escape
    counts = table["change"].value_counts()
    parts = [f"{int(counts[k])} {k.replace('_', ' ')}" for k in (*KINDS, "note") if k in counts]
    head = "".join(f"<th>{e(c)}</th>" for c in CHANGE_COLUMNS)
    body = "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in r) + "</tr>"
                   for r in table.head(limit).itertuples(index=False))
    more = f"<p>… and {len(table) - limit} more in data/changes.csv.</p>" if len(table) > limit else ""
    if table.empty:
        return f"<h2>New since {e(day)}</h2>\n<p>Nothing changed since the report of {e(day)}.</p>"
    return (f"<h2>New since {e(day)}</h2>\n<p>Compared with the report of {e(day)}: {e(', '.join(parts))} "
            f"(<a href=\"data/changes.csv\">data/changes.csv</a>).</p>\n"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}")
