"""An article's page marks a speaker's run of sentences once, and loses no claim on the way."""
from __future__ import annotations

from articlefacts import pages


def _claim(i: int, start: int, end: int, source: str = "THE PRESIDENT", certainty: str = "reported") -> dict:
    return {"claim_id": f"a-c{i:03d}", "start": start, "end": end, "source": source, "source_type": "government",
            "certainty": certainty, "cue": ""}


TEXT = "One. Two. Three.\nFour. Five."
#       0    5    10     17    23


def test_a_run_of_one_speakers_sentences_is_one_span_naming_the_ids_as_a_range() -> None:
    claims = [_claim(1, 0, 4), _claim(2, 5, 9), _claim(3, 10, 16), _claim(4, 17, 22), _claim(5, 23, 28)]
    runs = pages.claim_runs(claims, TEXT)
    # the paragraph break after "Three." ends the first run
    assert [(r["start"], r["end"], r["claim_id"]) for r in runs] == [(0, 16, "a-c001–c003"), (17, 28, "a-c004–c005")]
    assert pages.claim_title(runs[0]).startswith("c001–c003 · reported · government: THE PRESIDENT")


def test_another_source_or_certainty_starts_a_new_span() -> None:
    claims = [_claim(1, 0, 4), _claim(2, 5, 9, source="Q"), _claim(3, 10, 16, source="Q", certainty="hedged")]
    assert [r["claim_id"] for r in pages.claim_runs(claims, TEXT)] == ["a-c001", "a-c002", "a-c003"]


def test_the_page_keeps_every_claim_in_its_sources_table() -> None:
    import pandas as pd

    claims = pd.DataFrame([_claim(1, 0, 4), _claim(2, 5, 9), _claim(3, 10, 16)]).assign(
        article_id="a", text="", figure_ids="")
    figures = pd.DataFrame(columns=["article_id", "figure_id", "start", "end", "text", "kind", "value_low",
                                    "value_high", "qualifier", "unit", "per", "date_start", "date_end", "subject",
                                    "claim_id"])
    html = pages.article_page({"article_id": "a", "title": "T"}, TEXT, 0, figures, claims)   # all of it body
    assert html.count('title="c001–c003 · reported') == 1 and "<td class='num'>3</td>" in html
