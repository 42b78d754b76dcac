"""The tables shown in notebooks fit a 1280-pixel window: chosen columns, short ids, values written
out, and nothing dropped or changed on the way."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import articlefacts as af
from articlefacts import analysis, pay, views
from conftest import ROOT

SEED_ID = "000_386969d4a653bff8"


@pytest.fixture(scope="module")
def seed() -> af.Corpus:
    return af.load_corpus(ROOT / "seeds")


def test_short_article_keeps_short_ids_and_the_collision_suffix_of_long_ones() -> None:
    assert views.short_article(SEED_ID) == SEED_ID
    long = "remarks-by-president-biden-on-the-continued-support~1a2b3c"
    short = views.short_article(long)
    assert len(short) == views.ARTICLE_WIDTH and short.startswith("remarks-by-pre") and short.endswith("1a2b3c")
    assert "…" in short


def test_short_ids_drop_the_article_prefix_of_each_id() -> None:
    assert views.short_ids(f"{SEED_ID}-f004 {SEED_ID}-f005") == "f004 f005"
    assert views.short_ids("a-b-c-c012") == "c012"   # article ids may hold hyphens
    assert views.short_ids("") == ""


@pytest.mark.parametrize("kind, low, high, qualifier, expected", [
    ("personnel", 1500, 1500, "exact", "1,500"),
    ("personnel", 1500, 1500, "approx", "about 1,500"),
    ("personnel", math.nan, 12000, "upper_bound", "at most 12,000"),
    ("personnel", 3000, math.nan, "lower_bound", "at least 3,000"),
    ("personnel", 11000, 12000, "range", "11,000–12,000"),
    ("money", 2.5, 2.5, "exact", "2.5"),
])
def test_figure_value_writes_the_bounds_out(kind, low, high, qualifier, expected) -> None:
    assert views.figure_value(kind, low, high, qualifier) == expected


def test_a_date_shows_its_interval_or_says_it_is_unresolved() -> None:
    assert views.figure_value("date", math.nan, math.nan, "", "2024-10-14", "2024-10-20") == "2024-10-14..2024-10-20"
    assert views.figure_value("date", math.nan, math.nan, "", "", "") == "unresolved"


def _min_width_px(df: pd.DataFrame) -> float:
    """A lower bound on a table's rendered width: each column is at least as wide as its longest
    unbreakable word (about 7.5 px a character in JupyterLab's table font) plus cell padding."""
    width = 0.0
    for col in df.columns:
        words = [w for v in [col, *df[col].astype(str)] for w in str(v).split()]
        width += 7.5 * max((len(w) for w in words), default=0) + 20
    return width


def _seed_views(seed: af.Corpus) -> dict[str, pd.DataFrame]:
    payments = pay.pay_table(seed, reference_years={f"{SEED_ID}-f007": 1969}, texts=ROOT / "seeds")
    return {
        "figures": views.figure_view(seed.figures),
        "claims": views.claim_view(seed.claims),
        "troops": views.troop_view(analysis.troop_numbers_data(seed)),
        "pay": pay.pay_view(payments),
        "scenarios": pay.scenario_view(pay.scenario_totals(seed, payments)),
    }


def test_every_view_fits_a_1280_pixel_window_without_squeezing_a_column(seed) -> None:
    for name, view in _seed_views(seed).items():
        assert len(view.columns) <= 8, name
        assert _min_width_px(view) <= 1280 - 100, (name, _min_width_px(view))   # 100 px: the notebook's margins


def test_views_keep_every_row_and_show_short_ids(seed) -> None:
    fv, cv = views.figure_view(seed.figures), views.claim_view(seed.claims)
    assert len(fv) == len(seed.figures) and len(cv) == len(seed.claims)
    assert fv["figure"].str.fullmatch(r"f\d{3}").all() and cv["claim"].str.fullmatch(r"c\d{3}").all()
    assert list(fv["as written"]) == list(seed.figures["text"])
    upper = fv[fv["as written"] == "as many as 12,000 troops"].iloc[0]
    assert (upper["value"], upper["unit"]) == ("at most 12,000", "troops")
    assert "article" not in views.figure_view(seed.figures, with_article=False).columns


def test_the_pay_view_shows_each_amount_with_how_it_was_reached(seed) -> None:
    view = _seed_views(seed)["pay"].set_index("figure")
    f007 = view.loc["f007"]
    assert f007["target-year dollars"] == "4,274 USD (2024)"      # 500 × 313.689 / 36.7, by hand: 4,273.7
    assert "1969 dollars (parameter reference_years)" in f007["how"] and "8.5474" in f007["how"]
