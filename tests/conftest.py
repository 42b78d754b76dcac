"""Shared helpers: wrap body text in a minimal article and extract it."""
from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest

import articlefacts as af

ROOT = Path(__file__).resolve().parent.parent
# stores that commands create by default go to a scratch folder, not the project's data/processed
os.environ["ARTICLEFACTS_PROCESSED"] = tempfile.mkdtemp(prefix="af-processed-")
atexit.register(shutil.rmtree, os.environ["ARTICLEFACTS_PROCESSED"], ignore_errors=True)  # leave no scratch behind
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PUBLISHED = dt.date(2024, 11, 20)  # a Wednesday


def article(*paragraphs: str) -> str:
    """A minimal article: title, byline, then one paragraph per line."""
    return "Test title\nBy A. Writer\n" + "\n".join(paragraphs) + "\n"


def extract(*paragraphs: str, published: dt.date | None = PUBLISHED) -> af.Tables:
    """Extract figures and claims from body paragraphs."""
    return af.extract_article(article(*paragraphs), "t", published)


def figure_rows(*paragraphs: str, published: dt.date | None = PUBLISHED) -> list[dict]:
    """The figures as a list of dicts (values as floats or None)."""
    df = extract(*paragraphs, published=published).figures
    rows = df.to_dict("records")
    for r in rows:
        for k in ("value_low", "value_high"):
            r[k] = None if r[k] != r[k] else r[k]  # NaN -> None
    return rows


def one(text: str, **kw) -> dict:
    """The single figure in ``text`` (fails when there is not exactly one)."""
    rows = figure_rows(text, **kw)
    assert len(rows) == 1, [r["text"] for r in rows]
    return rows[0]


@pytest.fixture
def root() -> Path:
    return ROOT


def pytest_configure(config: pytest.Config) -> None:
    """The markers this suite uses."""
    config.addinivalue_line("markers", "slow: takes more than 10 s (the 2 MB adversarial article)")
    config.addinivalue_line("markers", "notebooks: executes notebooks (papermill, report runs, accept); "
                            "`make unit` leaves these out")
