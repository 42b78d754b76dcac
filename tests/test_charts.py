"""Chart data (what is drawn) and chart drawing (how bounds and ranges are drawn), and byte-stable output.

Expected values are read off the article text, not copied from the code:
the seed says NIS reported that North Korea "initially sent 1,500 troops" (a press release "last
week", published 2024-10-21 -> the week of 2024-10-14) and that intelligence agencies "anticipate"
the number could rise "to as many as 12,000 troops" (an upper bound, hedged, no date in the sentence).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import articlefacts as af
from articlefacts import charts
from articlefacts.corpus import Corpus

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_ID = "000_386969d4a653bff8"


@pytest.fixture(scope="module")
def seed() -> Corpus:
    return af.load_corpus(SEEDS)


def corpus_of(*articles: tuple[str, str, str, str]) -> Corpus:
    """An in-memory corpus from (article_id, text, published, outlet)."""
    tables = [af.extract_article(text, aid, dt.date.fromisoformat(pub)) for aid, text, pub, _ in articles]
    meta = pd.DataFrame([{"article_id": aid, "title": text.splitlines()[0], "outlet": outlet, "author": "",
                          "published": pub, "url": "", "status": "ok", "error": ""}
                         for aid, text, pub, outlet in articles])
    return Corpus(meta, pd.concat([t.figures for t in tables], ignore_index=True),
                  pd.concat([t.claims for t in tables], ignore_index=True))


BOUNDS = ("Bounds and ranges\nBy Someone\nThe Pentagon said at least 3,000 North Korean soldiers were in Kursk. "
          "Officials put the number at between 10,000 and 12,000 troops. "
          "About 200 casualties were reported last week.\n")
OLD = ("Older estimate\nBy Someone\nSeoul said on Monday that about 1,000 North Korean soldiers had crossed.\n"
       "In 1968, some 50,000 South Korean troops served in Vietnam.\n")


def test_seed_gives_a_point_at_1500_and_an_upper_bound_at_12000(seed: Corpus) -> None:
    d = charts.troop_numbers_data(seed)
    assert list(d["text"]) == ["1,500 troops", "as many as 12,000 troops"]
    point, bound = d.iloc[0], d.iloc[1]
    assert (point["mark"], point["value"], point["value_low"], point["value_high"]) == ("point", 1500, 1500, 1500)
    assert bound["mark"] == "upper_bound" and bound["value"] == 12000
    assert bound["value_high"] == 12000 and pd.isna(bound["value_low"])      # a bound, not a point
    assert point["source_type"] == bound["source_type"] == "intelligence"
    assert "NIS" in point["source"] and point["certainty"] == "reported"
    assert bound["certainty"] == "hedged"                                     # "anticipate ... could"
    assert (point["date"], bound["date"]) == ("2024-10-14", "2024-10-21")    # "last week"; published date
    assert "last week" in point["date_basis"] and bound["date_basis"] == "article published"


def test_every_drawn_number_traces_back_to_its_sentence_and_article(seed: Corpus) -> None:
    text = (SEEDS / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    d = charts.troop_numbers_data(seed)
    figs = seed.figures.set_index("figure_id")
    for r in d.itertuples():
        assert r.article_id == SEED_ID and r.outlet == "Views (viewusglobal.com)" and r.published == "2024-10-21"
        f = figs.loc[r.figure_id]
        assert text[f["start"]:f["end"]] == r.text
        sentence = seed.claims.set_index("claim_id").loc[r.claim_id]
        assert sentence["start"] <= f["start"] and f["end"] <= sentence["end"]


def test_lower_bounds_and_ranges_from_text() -> None:
    c = corpus_of(("b1", BOUNDS, "2024-11-20", "Test Outlet"))
    d = charts.troop_numbers_data(c).set_index("text")
    low = d.loc["at least 3,000 North Korean soldiers"]
    assert low["mark"] == "lower_bound" and low["value"] == 3000 and pd.isna(low["value_high"])
    rng = d.loc["between 10,000 and 12,000 troops"]
    assert rng["mark"] == "range" and (rng["value_low"], rng["value_high"]) == (10000, 12000)
    assert pd.isna(rng["value"])                                              # a range has no single value
    assert d.loc["About 200 casualties", "mark"] == "point"
    assert d.loc["About 200 casualties", "date"] == "2024-11-11"              # "last week" before Wed 2024-11-20


def _arrows(ax) -> list:
    return [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]


def test_upper_bound_is_drawn_as_a_capped_arrow_not_a_point(seed: Corpus) -> None:
    fig = charts.draw_troop_numbers(charts.troop_numbers_data(seed))
    ax = fig.axes[0]
    arrows = _arrows(ax)
    assert len(arrows) == 1
    start, tip = arrows[0].xyann, arrows[0].xy
    assert start[0] == 12000 and tip[0] < 12000                             # from the bound towards fewer
    dots = [x for line in ax.lines if line.get_marker() == "o" for x in line.get_xdata()]
    assert dots == [1500]                                                     # only the stated number is a dot
    caps = [line for line in ax.lines if list(line.get_xdata()) == [12000, 12000]]
    assert len(caps) == 1                                                     # the cap at the bound


def test_range_is_drawn_as_a_bar_and_lower_bound_as_arrow_towards_more() -> None:
    c = corpus_of(("b1", BOUNDS, "2024-11-20", "Test Outlet"))
    ax = charts.draw_troop_numbers(charts.troop_numbers_data(c)).axes[0]
    bars = [(p.get_x(), p.get_width()) for p in ax.patches if hasattr(p, "get_width")]
    assert (10000, 2000) in bars
    (arrow,) = _arrows(ax)
    assert arrow.xyann[0] == 3000 and arrow.xy[0] > 3000


def test_chart_has_title_axis_labels_and_source_line(seed: Corpus) -> None:
    d = charts.troop_numbers_data(seed)
    fig = charts.draw_troop_numbers(d)
    assert fig._suptitle.get_text()
    assert "people" in fig.axes[0].get_xlabel()
    source = fig._supxlabel.get_text()
    assert "Views (viewusglobal.com)" in source and "2024-10-21" in source and SEED_ID in source
    for fid in d["figure_id"]:
        assert charts.short_id(fid) in source
    assert fig.get_size_inches()[0] * fig.dpi == 800                        # README width


def test_same_inputs_give_the_same_svg_and_png_bytes(seed: Corpus, tmp_path: Path) -> None:
    d = charts.troop_numbers_data(seed)
    a = charts.save(charts.draw_troop_numbers(d), tmp_path / "a", "troops")
    b = charts.save(charts.draw_troop_numbers(d.copy()), tmp_path / "b", "troops")
    assert [p.name for p in a] == ["troops.png", "troops.svg"]
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes()
    svg = a[1].read_bytes()
    png = a[0].read_bytes()
    assert b"<dc:date>" not in svg and b"Matplotlib v" not in svg           # no date, no version
    assert b"tIME" not in png and b"Software" not in png                     # no timestamp, no version
    assert int.from_bytes(png[16:20], "big") == 800                           # 800 px wide (PNG header)


def test_timeline_sorted_by_date_keeps_troops_and_drops_old_and_casualties() -> None:
    c = corpus_of(("b1", BOUNDS, "2024-11-20", "Outlet B"), ("a0", OLD, "2024-10-23", "Outlet A"))
    t = charts.troop_timeline_data(c, since="2024-01-01")
    assert list(t["date"]) == sorted(t["date"])
    assert list(t["text"]) == ["about 1,000 North Korean soldiers", "at least 3,000 North Korean soldiers",
                               "between 10,000 and 12,000 troops"]
    assert list(t["date"]) == ["2024-10-21", "2024-11-20", "2024-11-20"]   # "on Monday" before Wed 10-23
    assert list(t["article_id"]) == ["a0", "b1", "b1"]
    everything = charts.troop_timeline_data(c)
    assert "1968-01-01" in set(everything["date"])                           # without `since`, the 1968 figure


def test_pay_chart_data_keeps_the_range_and_adjusts_the_point(seed: Corpus) -> None:
    from articlefacts import pay

    p = pay.pay_table(seed, target_year=2024, reference_years={f"{SEED_ID}-f007": 1969}, texts=SEEDS)
    d = charts.pay_chart_data(p)
    russian = d[(d["text"] == "about $3,000 to $5,000 per person")].set_index("series")
    assert (russian.loc["nominal", "value_low"], russian.loc["nominal", "value_high"]) == (3000, 5000)
    assert russian.loc["nominal", "mark"] == "range"
    vietnam = d[d["text"] == "$500 per person"].set_index("series")
    assert vietnam.loc["nominal", "value"] == 500 and vietnam.loc["nominal", "currency_year"] == 1969
    assert vietnam.loc["constant", "value"] == pytest.approx(500 * 313.689 / 36.7)   # CPI-U 2024 / 1969


def test_claims_by_source_counts_match_the_text(seed: Corpus) -> None:
    d = charts.claims_by_source_data(seed).set_index(["source_type", "certainty"])
    # "According to a press release from ... NIS" (reported); "Intelligence agencies anticipate" (hedged)
    assert d.loc[("intelligence", "reported"), "claims"] == 1
    assert d.loc[("intelligence", "hedged"), "claims"] == 1
    # experts and analysts: speculate, suggest, argue, suggest, argue, warn: six sentences, all hedged
    experts = d.loc["expert"]
    assert list(experts.index) == ["hedged"] and experts.loc["hedged", "claims"] == 6
    fig = charts.draw_claims_by_source(charts.claims_by_source_data(seed), seed.articles)
    assert "claims" in fig.axes[0].get_xlabel()


def test_a_timeline_draws_every_mark_in_a_few_artists_however_many_figures():
    """One artist per mark cost seconds per thousand marks; the artists stay as many for 15 marks as for 1,500,
    and every range still shows as its own bar."""
    import numpy as np

    def data(n: int) -> pd.DataFrame:
        marks = ["point", "range", "upper_bound", "lower_bound", "point"] * (n // 5)
        low = np.arange(len(marks), dtype=float) * 10 + 100
        return pd.DataFrame({
            "date": [f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(len(marks))], "mark": marks,
            "qualifier": ["approx" if i % 7 == 0 else "" for i in range(len(marks))],
            "value_low": low, "value_high": low + 50, "value": low,
            "source_type": ["intelligence", "government"] * (len(marks) // 2) + ["media"] * (len(marks) % 2),
            "source": "X", "figure_id": [f"t-f{i:03d}" for i in range(len(marks))], "article_id": "t",
            "text": "x", "unit": "troops", "title": "T", "outlet": "O", "published": "2024-01-01"})

    counts = []
    for n in (15, 1500):
        ax = charts.draw_troop_timeline(data(n)).axes[0]
        counts.append(len(ax.lines) + len(ax.collections))
        assert len(ax.patches) == n // 5   # the ranges, one bar each
    assert counts[0] == counts[1] and counts[0] <= 8, counts
