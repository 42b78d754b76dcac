"""Figures: one test per rule family of SCHEMA.md, on sentences written for these tests."""
from __future__ import annotations

import pytest

from conftest import article, figure_rows, one

import articlefacts as af


# --------------------------------------------------------------------------- values

@pytest.mark.parametrize("sentence, span, low, high", [
    ("Pyongyang sent 1,500 troops to the east.", "1,500 troops", 1500, 1500),
    ("The unit lost 2.5 million rounds of ammunition.", "2.5 million rounds", 2_500_000, 2_500_000),
    ("Officials counted twelve thousand soldiers at the base.", "twelve thousand soldiers", 12000, 12000),
    ("A dozen engineers arrived in Kursk.", "A dozen engineers", 12, 12),
    ("The convoy carried twenty-five tanks.", "twenty-five tanks", 25, 25),
    ("Seoul believes 12k soldiers have crossed.", "12k soldiers", 12000, 12000),
    ("The brigade has one hundred and fifty officers.", "one hundred and fifty officers", 150, 150),
])
def test_values_are_normalised(sentence, span, low, high):
    f = one(sentence)
    assert f["text"] == span
    assert (f["value_low"], f["value_high"]) == (low, high)


@pytest.mark.parametrize("sentence, low", [
    ("Several hundred civilians fled the town.", 300),
    ("Dozens of drones hit the depot.", 24),
    ("A few thousand workers were sent to Russia.", 3000),
    ("Thousands of soldiers crossed the border.", 2000),
    ("Tens of thousands of shells were fired.", 20000),
])
def test_vague_quantities_are_lower_bounds_at_their_smallest_reading(sentence, low):
    f = one(sentence)
    assert f["qualifier"] == "lower_bound"
    assert (f["value_low"], f["value_high"]) == (low, None)


def test_multipliers_and_fractions_are_kind_other():
    rows = figure_rows("The budget roughly doubled, and spending is now more than 20 times the 1990 level.")
    by_text = {r["text"]: r for r in rows}
    doubled = by_text["roughly doubled"]  # SCHEMA: "roughly double" = approx 2
    assert (doubled["kind"], doubled["unit"], doubled["value_low"], doubled["qualifier"]) == ("other", "times", 2,
                                                                                            "approx")
    assert by_text["more than 20 times"]["value_low"] == 20
    assert by_text["more than 20 times"]["qualifier"] == "lower_bound"
    f = one("Two-thirds of the recruits never returned.")
    assert (f["kind"], f["unit"], round(f["value_low"], 4)) == ("other", "fraction", 0.6667)


# --------------------------------------------------------------------------- qualifiers

@pytest.mark.parametrize("sentence, qualifier, low, high", [
    ("Roughly 4,000 soldiers were wounded.", "approx", 4000, 4000),
    ("Close to 600 men deserted.", "approx", 600, 600),
    ("Up to 7,000 troops may follow.", "upper_bound", None, 7000),
    ("Fewer than 50 prisoners were exchanged.", "upper_bound", None, 50),
    ("No more than 200 advisers stayed.", "upper_bound", None, 200),
    ("At least 30 trains left Rason.", "lower_bound", 30, None),
    ("Over 9,000 shells were delivered.", "lower_bound", 9000, None),
    ("The toll reached 2,000 or more soldiers.", "lower_bound", 2000, None),
    ("It deployed 500 or so technicians.", "approx", 500, 500),
    ("Between 10,000 and 12,000 soldiers are there.", "range", 10000, 12000),
    ("Some 8,000 to 9,000 troops massed near Kursk.", "range", 8000, 9000),
    ("An average of 300 soldiers died each week.", "exact", 300, 300),
])
def test_qualifiers(sentence, qualifier, low, high):
    rows = [r for r in figure_rows(sentence) if r["kind"] != "date" and r["kind"] != "measure"]
    assert len(rows) == 1, [r["text"] for r in rows]
    f = rows[0]
    assert f["qualifier"] == qualifier
    assert (f["value_low"], f["value_high"]) == (low, high)


def test_hyphenated_range_and_shared_scale():
    f = one("Estimates ranged from $2-3 million a month.")
    assert (f["value_low"], f["value_high"], f["qualifier"]) == (2_000_000, 3_000_000, "range")
    f = one("The force numbers 10,000–12,000 soldiers.")
    assert (f["value_low"], f["value_high"], f["kind"]) == (10000, 12000, "personnel")


def test_a_change_from_x_to_y_is_two_figures_not_a_range():
    rows = figure_rows("The estimate rose from 3,000 to about 10,000 troops.")
    assert [(r["value_low"], r["qualifier"]) for r in rows] == [(3000, "exact"), (10000, "approx")]


# --------------------------------------------------------------------------- currencies and rates

@pytest.mark.parametrize("sentence, unit, low", [
    ("Each recruit gets $2,500 on signing.", "USD", 2500),
    ("The deal is worth €1.2 billion.", "EUR", 1_200_000_000),
    ("Families receive ₩3 million.", "KRW", 3_000_000),
    ("The bonus is 500,000 rubles.", "RUB", 500_000),
    ("Wages are 4,000 North Korean won.", "KPW", 4000),
    ("The fund holds 2 billion yuan.", "CNY", 2_000_000_000),
    ("Moscow paid US$40 million.", "USD", 40_000_000),
])
def test_currencies_are_iso_codes(sentence, unit, low):
    f = one(sentence)
    assert (f["kind"], f["unit"], f["value_low"]) == ("money", unit, low)


def test_a_conversion_is_a_separate_figure_and_keeps_the_rate():
    rows = figure_rows("Soldiers earn 300,000 rubles a month, or about $3,100.")
    assert [(r["unit"], r["per"], r["qualifier"]) for r in rows] == [("RUB", "month", "exact"),
                                                                     ("USD", "month", "approx")]


@pytest.mark.parametrize("sentence, per", [
    ("They are paid $1,800 per month.", "month"),
    ("The state keeps $900 a year.", "year"),
    ("Recruits get $400 per soldier.", "person"),
    ("Pay is $2,000 a month per soldier.", "month"),
    ("The allowance is $50 daily.", "day"),
])
def test_rates_fill_per_with_one_noun_time_first(sentence, per):
    f = one(sentence)
    assert f["per"] == per


# --------------------------------------------------------------------------- kinds and units

@pytest.mark.parametrize("sentence, kind, unit", [
    ("Russia received 40 howitzers and shells.", "count", "howitzers"),
    ("About 90 North Korean special forces officers were trained.", "personnel", "officers"),
    ("The drones flew 300 km.", "measure", "km"),
    ("The fighting lasted three weeks.", "measure", "weeks"),
    ("The factory shipped 5,000 tonnes of steel.", "measure", "tonnes"),
    ("Turnout was 99.9 percent.", "percent", "%"),
    ("A 1,500-strong contingent left Wonsan.", "personnel", "troops"),
])
def test_kinds_and_units(sentence, kind, unit):
    f = one(sentence)
    assert (f["kind"], f["unit"]) == (kind, unit)


def test_an_elided_noun_comes_from_the_antecedent():
    rows = figure_rows("At least 200 North Korean soldiers were killed and 800 wounded, the ministry said.")
    assert [(r["text"], r["kind"], r["unit"]) for r in rows] == [
        ("At least 200 North Korean soldiers", "personnel", "soldiers"), ("800", "personnel", "soldiers")]


def test_every_non_date_figure_has_a_subject():
    rows = figure_rows("Russian soldiers earn about $2,000 a month, and 40% of them are contract troops.")
    assert all(r["subject"] for r in rows if r["kind"] != "date")


# --------------------------------------------------------------------------- dates

@pytest.mark.parametrize("sentence, span, start, end", [
    ("The ships docked on March 3, 2024.", "March 3, 2024", "2024-03-03", "2024-03-03"),
    ("The treaty was signed on 19 June 2024.", "19 June 2024", "2024-06-19", "2024-06-19"),
    ("The data is from 2024-07-01.", "2024-07-01", "2024-07-01", "2024-07-01"),
    ("Talks began in September.", "September", "2024-09-01", "2024-09-30"),
    ("Troops arrived in mid-August.", "mid-August", "2024-08-01", "2024-08-31"),
    ("Production peaked in the late 1980s.", "the late 1980s", "1980-01-01", "1989-12-31"),
    ("Ties warmed in mid-2019.", "mid-2019", "2019-01-01", "2019-12-31"),
    ("The envoy spoke on Tuesday.", "Tuesday", "2024-11-19", "2024-11-19"),
    ("The agency briefed lawmakers last week.", "last week", "2024-11-11", "2024-11-17"),
    ("Prices rose this week.", "this week", "2024-11-18", "2024-11-24"),
    ("Shipments resumed last month.", "last month", "2024-10-01", "2024-10-31"),
    ("Attacks grew earlier this year.", "earlier this year", "2024-01-01", "2024-12-31"),
    ("Fighting paused in the summer of 2023.", "the summer of 2023", "2023-06-01", "2023-08-31"),
    ("Output fell in the second half of 2023.", "the second half of 2023", "2023-07-01", "2023-12-31"),
    ("Drills ran from 2016 to 2018.", "from 2016 to 2018", "2016-01-01", "2018-12-31"),
    ("Fighting was fierce between Nov. 2 and 9.", "between Nov. 2 and 9", "2024-11-02", "2024-11-09"),
])
def test_dates_resolve_against_the_published_date(sentence, span, start, end):
    rows = [r for r in figure_rows(sentence) if r["kind"] == "date"]
    assert [(r["text"], r["date_start"], r["date_end"]) for r in rows] == [(span, start, end)]


def test_a_month_in_a_forward_reference_is_the_coming_one():
    rows = figure_rows("Moscow plans to send the next group by February.")
    assert (rows[0]["date_start"], rows[0]["date_end"]) == ("2025-02-01", "2025-02-28")
    rows = figure_rows("The first group left in December.")  # past narration: the latest past December
    assert rows[0]["date_start"] == "2023-12-01"


def test_chained_dates_count_from_the_previous_date():
    rows = figure_rows("The ship left on Oct. 3. Six days later it docked, and the next day troops disembarked.")
    assert [(r["text"], r["date_start"]) for r in rows] == [
        ("Oct. 3", "2024-10-03"), ("Six days later", "2024-10-09"), ("the next day", "2024-10-10")]


def test_relative_dates_stay_unresolved_without_a_published_date():
    rows = figure_rows("Shipments resumed last month, and on 2 May 2024 a ship docked.", published=None)
    assert [(r["text"], r["date_start"]) for r in rows] == [("last month", ""), ("2 May 2024", "2024-05-02")]


# --------------------------------------------------------------------------- not figures

@pytest.mark.parametrize("sentence", [
    "The 11th Corps is an elite unit.",
    "Under Article 4 of the treaty, help is automatic.",
    "Russia fired KN-23 missiles and flew MiG-29 jets.",
    "Both countries signed, and one of them ratified it.",
    "He was the first to arrive, and one day he may return.",
    "The talks will end soon.",
    "It is the No. 1 priority for them.",
])
def test_labels_ordinals_and_idioms_are_not_figures(sentence):
    assert figure_rows(sentence) == []


def test_numbers_in_title_byline_headings_and_furniture_are_not_figures():
    text = ("Russia gets 10,000 troops\nBy 2 Writers\nThe first paragraph mentions 300 soldiers.\n"
            "Section 5 heading\nAnother paragraph has 40 tanks.\nRelated Articles\nSeoul says 1,500 more left\n")
    rows = af.extract_article(text, "t", None).figures
    assert list(rows["text"]) == ["300 soldiers", "40 tanks"]


def test_offsets_index_the_text_exactly():
    text = article("Crews fired “about 1,000 shells” on Monday — at least 20 tanks burned.")
    figs = af.extract_article(text, "t", None).figures
    assert len(figs) == 3
    for row in figs.itertuples():
        assert text[row.start:row.end] == row.text


# --------------------------------------------------------------------------- more language (found on new articles)

@pytest.mark.parametrize("sentence, span, start, end", [
    ("The ministry spoke three days ago.", "three days ago", "2024-11-17", "2024-11-17"),
    ("Drills were held in the summer.", "the summer", "2024-06-01", "2024-08-31"),
    ("Talks ran 3–5 March 2024 in Vladivostok.", "3–5 March 2024", "2024-03-03", "2024-03-05"),
])
def test_more_date_forms(sentence, span, start, end):
    rows = [r for r in figure_rows(sentence) if r["kind"] == "date"]
    assert [(r["text"], r["date_start"], r["date_end"]) for r in rows] == [(span, start, end)]


def test_a_day_with_last_year_and_a_chain_from_it():
    rows = figure_rows("Crews landed on Feb. 2 last year. A week later they moved west.", published=None)
    assert [r["text"] for r in rows] == ["Feb. 2", "last year", "A week later"]
    rows = figure_rows("Crews landed on Feb. 2 last year. A week later they moved west.")
    assert [(r["date_start"], r["date_end"]) for r in rows] == [
        ("2023-02-02", "2023-02-02"), ("2023-01-01", "2023-12-31"), ("2023-02-09", "2023-02-09")]


def test_a_month_beside_a_dated_event_takes_its_year():
    rows = figure_rows("3 June 2023 — The first ships arrive. By mid-June, the port is full.")
    assert [(r["text"], r["date_start"]) for r in rows] == [("3 June 2023", "2023-06-03"),
                                                            ("mid-June", "2023-06-01")]
    rows = figure_rows("A soldier born in 1999 was captured on Sept. 9.")  # a bare year is not an event date
    assert rows[-1]["date_start"] == "2024-09-09"


def test_earlier_in_the_month_is_the_anchor_month():
    rows = figure_rows("On Oct. 21 the NIS briefed lawmakers. Two soldiers captured earlier in the month were named.")
    assert rows[-1]["text"] == "earlier in the month"
    assert (rows[-1]["date_start"], rows[-1]["date_end"]) == ("2024-10-01", "2024-10-31")


@pytest.mark.parametrize("sentence, kind, unit, low, qualifier", [
    ("Counts differed by as much as a factor of four.", "other", "times", None, "upper_bound"),
    ("Russia sent tens of thousands of tonnes of grain.", "measure", "tonnes", 20000, "lower_bound"),
    ("Missiles now miss by metres, against a mile or more before.", "measure", "miles", 1, "lower_bound"),
    ("The losses are heavy for a nation of 25 million.", "personnel", "people", 25_000_000, "exact"),
    ("Some 400 specialists followed.", "personnel", "specialists", 400, "approx"),
])
def test_more_quantities(sentence, kind, unit, low, qualifier):
    f = one(sentence)
    assert (f["kind"], f["unit"], f["value_low"], f["qualifier"]) == (kind, unit, low, qualifier)


def test_a_number_in_a_name_or_an_ordinal_fraction_is_not_a_figure():
    assert figure_rows("Analysts at 38 North published images.") == []
    assert figure_rows("A third battalion was formed.") == []


# --------------------------------------------------------------------------- second round (own sentences)

@pytest.mark.parametrize("sentence, kind, unit, low, high, qualifier", [
    ("The talks lasted two and a half hours.", "measure", "hours", 2.5, 2.5, "exact"),
    ("He stayed half a year in Vladivostok.", "measure", "years", 0.5, 0.5, "exact"),
    ("Travel takes a fortnight each way.", "measure", "weeks", 2, 2, "exact"),
    ("She has studied the regime for a decade.", "measure", "decades", 1, 1, "exact"),
    ("Witnesses saw one or two companies near the border.", "count", "companies", 1, 2, "range"),
    ("Three-fifths of the shells were duds.", "other", "fraction", 0.6, 0.6, "exact"),
    ("Wages halved after the sanctions.", "other", "times", 0.5, 0.5, "exact"),
    ("A soldier's pay is worth under a dollar.", "money", "USD", None, 1, "upper_bound"),
    ("Contracts are worth $1 million-$2 million each.", "money", "USD", 1_000_000, 2_000_000, "range"),
    ("A 12-nation coalition condemned the move.", "count", "nations", 12, 12, "exact"),
    ("The camp is a couple of miles from the coast.", "measure", "miles", 2, None, "lower_bound"),
    ("Russia received 200,000 artillery and mortar rounds.", "count", "rounds", 200_000, 200_000, "exact"),
    ("Scores of repair workshops opened.", "count", "workshops", 40, None, "lower_bound"),
])
def test_second_round_quantities(sentence, kind, unit, low, high, qualifier):
    f = one(sentence)
    assert (f["kind"], f["unit"], f["value_low"], f["value_high"], f["qualifier"]) == (kind, unit, low, high,
                                                                                      qualifier)


@pytest.mark.parametrize("sentence, span, start, end", [
    ("Prices jumped during the week of Nov. 6.", "the week of Nov. 6", "2024-11-04", "2024-11-10"),
    ("Fuel was scarce at the turn of the year.", "the turn of the year", "2023-12-01", "2024-01-31"),
    ("Kim spoke on New Year's Day.", "New Year's Day", "2024-01-01", "2024-01-01"),
    ("Exports fell in the third quarter.", "the third quarter", "2024-07-01", "2024-09-30"),
    ("He visited Russia two years ago.", "two years ago", "2022-01-01", "2022-12-31"),
])
def test_second_round_dates(sentence, span, start, end):
    rows = [r for r in figure_rows(sentence) if r["kind"] == "date"]
    assert [(r["text"], r["date_start"], r["date_end"]) for r in rows] == [(span, start, end)]


def test_that_evening_is_the_day_before_it():
    rows = figure_rows("Kim met the widows on Oct. 12, and that evening he spoke on television.")
    assert [(r["text"], r["date_start"]) for r in rows] == [("Oct. 12", "2024-10-12"), ("that evening", "2024-10-12")]


def test_a_labelled_question_heading_and_podcast_furniture_are_not_body():
    text = ("Title\nBy X\nThe first paragraph has 300 soldiers.\nClaim 2: “Every soldier gets $2,000”\n"
            "The second paragraph has 40 tanks.\nListen again: episode 142 (48 min)\nComments (37)\n")
    assert list(af.extract_article(text, "t", None).figures["text"]) == ["300 soldiers", "40 tanks"]


# --------------------------------------------------------------------------- third round (own sentences)

@pytest.mark.parametrize("sentence, kind, unit, low", [
    ("Roughly one in four of the recruits deserted.", "other", "fraction", 0.25),
    ("Officials say 1 in 3 drones was shot down.", "other", "fraction", 0.333333),
])
def test_one_in_n_is_a_fraction(sentence, kind, unit, low):
    f = one(sentence)
    assert (f["kind"], f["unit"], round(f["value_low"], 6)) == (kind, unit, low)


def test_calibres_and_time_zones_are_labels():
    assert [r["text"] for r in figure_rows("They fired 152mm Msta guns (times GMT+3).")] == []


def test_of_them_counts_the_noun_named_before():
    rows = figure_rows("Drones came first: perhaps 9,000 of them.")
    assert (rows[0]["kind"], rows[0]["unit"]) == ("count", "drones")


def test_clock_times_are_the_day_they_fall_on():
    rows = figure_rows("09:40 — Seoul convened its security council.", "14:05 — Tokyo followed on Oct. 2 at 3 p.m.")
    assert [(r["text"], r["date_start"]) for r in rows] == [
        ("09:40", "2024-11-20"), ("14:05", "2024-11-20"), ("Oct. 2", "2024-10-02"), ("3 p.m.", "2024-10-02")]


def test_n_days_after_an_event_clause_counts_back_from_the_anchor():
    rows = figure_rows("The statement came on Oct. 10, two days after Kim told Putin that he would help.")
    assert [(r["text"], r["date_start"]) for r in rows] == [("Oct. 10", "2024-10-10"), ("two days after", "2024-10-08")]
