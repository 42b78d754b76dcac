"""Rules for language met in real published text (issue 13), each with sentences of our own."""
from __future__ import annotations

import articlefacts as af

from conftest import PUBLISHED, extract, figure_rows, one


def claims_of(*paragraphs: str) -> list[dict]:
    return extract(*paragraphs).claims.to_dict("records")


def test_speaker_labels_attribute_every_sentence_of_their_turn():
    rows = claims_of("MS. LEE: Good morning. We sent 300 inspectors last week.", "They came back on Friday.",
                     "Q Thanks. Did they find anything?", "MS. LEE: I think they found 12 sites.")
    assert [r["source"] for r in rows] == ["MS. LEE", "MS. LEE", "MS. LEE", "Q", "MS. LEE"]
    assert rows[3]["source_type"] == "media"
    assert rows[4]["certainty"] == "hedged"          # "I think": the speaker's own hedge
    assert rows[1]["certainty"] == "reported"


def test_a_run_in_heading_is_no_speaker():
    rows = claims_of("SUPPORTING AMERICAN INDUSTRY: The order covers 40 plants.", "It starts in May.")
    assert {r["source"] for r in rows} == {"author"}


def test_a_label_repeated_in_a_transcript_is_a_speaker_even_without_a_title():
    rows = claims_of("KIM: We counted 400 trucks.", "PARK: No, 500 trucks.", "KIM: Fine.", "PARK: Agreed.")
    assert [r["source"] for r in rows] == ["KIM", "PARK", "KIM", "PARK"]


def test_a_lead_in_ending_in_a_colon_gives_the_quoted_paragraphs_their_speaker():
    rows = claims_of("At the dinner, President Moon toasted the two nations:",
                     "“We have stood together for 70 years. We will stand together for 70 more.”")
    assert [r["source"] for r in rows[1:]] == ["President Moon", "President Moon"]
    assert rows[1]["source_type"] == "government"


def test_a_name_and_a_colon_before_a_quotation_name_its_speaker():
    rows = claims_of("Channel 9’s Ann Diaz: “Prices rose 3% in June.”")
    assert rows[0]["source"].endswith("Ann Diaz") and rows[0]["certainty"] == "reported"


def test_deictic_days_and_periods_resolve_against_publication():
    day = PUBLISHED.isoformat()
    assert one("The ministry confirmed it today.")["date_start"] == day
    assert one("Today’s figures came out.")["date_start"] == day
    past = one("Prices rose over the past week.")
    assert (past["date_start"], past["date_end"]) == ("2024-11-14", day)
    this_past = one("Prices rose this past year.")
    assert (this_past["date_start"], this_past["date_end"]) == ("2024-01-01", "2024-12-31")


def test_a_us_fiscal_year_runs_from_october():
    f = one("The budget for Fiscal Year 2026 grows.")
    assert (f["date_start"], f["date_end"]) == ("2025-10-01", "2026-09-30")
    assert one("The FY2021 budget grows.")["date_start"] == "2020-10-01"


def test_a_year_that_names_an_event_is_a_date_and_a_count_of_people_is_not():
    assert one("She spoke at the 2025 Senate Spouses Luncheon.")["kind"] == "date"
    assert one("The 2021 numbers are projected.")["kind"] == "date"
    assert one("About 2000 troops left.")["kind"] == "personnel"
    assert one("The castle dates from 1066.")["kind"] == "date"
    assert one("The archive holds 1064 records.")["kind"] == "count"


def test_a_range_written_high_to_low_keeps_low_below_high():
    for text in ("Officials put the force at 12,000-10,000 troops.", "Between 5,000 and 3,000 troops remain."):
        f = one(text)
        assert (f["qualifier"], f["value_low"], f["value_high"]) in (("range", 10000, 12000), ("range", 3000, 5000))
        assert f["value_low"] <= f["value_high"]


def test_claiming_a_benefit_or_believing_in_something_is_no_speech_act():
    assert claims_of("Nearly 20 million taxpayers have claimed the new deduction.")[0]["source"] == "author"
    assert claims_of("The administration believes in rewarding 40 hours of work.")[0]["source"] == "author"
    assert claims_of("The ministry claimed that 40 troops died.")[0]["source"] == "The ministry"


def test_progressive_speech_verbs_attribute():
    row = claims_of("The President is announcing that 1,500 troops will come home.")[0]
    assert row["source"] == "The President" and row["cue"] == "announcing"


def test_subjects_are_noun_phrases_or_empty():
    for r in figure_rows("Did you hear them complain when they paid 40 dollars?", "The other 12 stayed.",
                         "It cost the 3 of them $40."):
        assert not r["subject"].split() or r["subject"].split()[-1].lower() not in ("the", "they", "when", "other")
