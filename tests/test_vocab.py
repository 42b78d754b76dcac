"""Every entry of the vocabulary files (articlefacts/vocab/*.csv) does what its row says, in a
sentence of our own built from the entry: a newcomer who adds a row gets a test for it."""
from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest

from conftest import PUBLISHED, extract, figure_rows

from articlefacts.vocab import rows


def claim(sentence: str) -> dict:
    (c,) = extract(sentence).claims.to_dict("records")
    return c


@pytest.mark.parametrize("row", rows("cue_verbs"), ids=lambda r: r["verb"])
def test_each_cue_verb_attributes_and_hedges_as_its_row_says(row):
    verb, form = row["verb"], row["form"]
    if verb == "citing":
        sentence = "Troops left, the ministry said, citing that 1,500 troops left."
    elif form == "ing":
        sentence = f"The ministry is {verb} that 1,500 troops left."
    elif form == "base" and row["document"] == "only":   # documents' speech act
        sentence = f"The reports {verb} that 1,500 troops leave."
    elif form == "base":
        sentence = f"The officials {verb} that 1,500 troops left."
    elif row["document"] == "only":   # a document's speech act
        sentence = f"The report {verb} that 1,500 troops leave."
    else:   # s and past forms
        sentence = f"The ministry {verb} that 1,500 troops left."
    c = claim(sentence)
    assert c["source_type"] != "author", (sentence, c)
    hedged = c["certainty"] == "hedged"
    if row["hedging"] == "1":
        assert hedged, (sentence, c)


@pytest.mark.parametrize("row", [r for r in rows("cue_verbs") if r["document"] == "only"], ids=lambda r: r["verb"])
def test_a_document_only_cue_verb_quotes_no_person(row):
    c = claim(f"President Jones {row['verb']} a review of 1,500 cases.")
    assert c["source_type"] == "author", c


@pytest.mark.parametrize("row", [r for r in rows("cue_verbs") if r["not_followed_by"]], ids=lambda r: r["verb"])
def test_a_cue_verb_is_no_speech_act_before_its_exception(row):
    verb = row["verb"]
    exception = re.compile(row["not_followed_by"])
    # the first object of ours that the row's exception covers
    obj = next(o for o in ("in hard work", "in support of the bill", "of federal crimes", "on the new credit",
                           "the new credit", "its largest gain", "40 new buses", "a new credit line", "$40 to new buses",
                           "Jane Roe as the new chair")
               if exception.match(" " + o))
    subject = "The officials" if row["form"] == "base" else "The ministry"
    assert claim(f"{subject} {verb} {obj} for 1,500 troops.")["source_type"] == "author"


@pytest.mark.parametrize("row", rows("rule_words"), ids=lambda r: r["pattern"][:30])
def test_each_rule_word_makes_its_condition_content_not_a_hedge(row):
    assert "if" in row["example"].lower().split() or "if" in row["example"].lower()
    assert claim(row["example"])["certainty"] == "asserted", row


@pytest.mark.parametrize("row", rows("hedges"), ids=lambda r: r["pattern"][:40])
def test_each_hedge_hedges_its_example(row):
    assert claim(row["example"])["certainty"] == "hedged", row


@pytest.mark.parametrize("sentence", ["There is no doubt that 1,500 troops left.",
                                      "Seoul wants the strongest possible position before talks.",
                                      "Without doubt, the 1,500 troops left.",
                                      "When we think about the 1,500 troops, we see their families.",
                                      "I would like to thank the 1,500 volunteers.",
                                      "The center uses predictive analytics for 1,500 cases."])
def test_assertions_that_look_like_hedges_are_not(sentence):
    assert claim(sentence)["certainty"] == "asserted"


@pytest.mark.parametrize("row", rows("people"), ids=lambda r: r["noun"])
def test_each_people_noun_counts_people(row):
    figs = extract(f"Officials said 1,200 {row['noun']} arrived in the region.").figures
    assert list(figs["kind"]) == ["personnel"], (row, figs[["text", "kind", "unit"]].to_dict("records"))


@pytest.mark.parametrize("row", [r for r in rows("measure_units") if r["word"] != "square"], ids=lambda r: r["word"])
def test_each_measure_unit_makes_a_measure_in_its_unit(row):
    figs = extract(f"Officials said the site holds 1,200 {row['word']} of reserves.").figures
    assert figs[["kind", "unit"]].to_dict("records") == [{"kind": "measure", "unit": row["unit"]}], row


def test_square_starts_an_area_unit():
    figs = extract("Officials said the fire burned 1,200 square miles.").figures
    assert list(figs["kind"]) == ["measure"]


@pytest.mark.parametrize("row", rows("observance_words"), ids=lambda r: r["word"])
def test_each_observance_word_names_a_month_long_observance(row):
    name = f"National Widget {row['word']} Month"   # a name of no known dates: proclaimed in the days before
    figs = extract(f"During {name}, we hold 40 events.", published=dt.date(2024, 5, 27)).figures
    dates = figs[figs["kind"] == "date"]
    assert list(dates["text"]) == [name], row
    assert (dates.iloc[0]["date_start"], dates.iloc[0]["date_end"]) == ("2024-06-01", "2024-06-30")


@pytest.mark.parametrize("row", rows("observance_dates"), ids=lambda r: r["name"])
def test_each_observance_of_known_dates_is_the_last_one_or_the_next_by_the_tense(row):
    pub = dt.date(2023, 7, 2)   # in no observance's month
    (m1, d1), (m2, d2) = (map(int, row["first"].split("-")), map(int, row["last"].split("-")))
    last_year = 2023 if (m2, d2) < (7, 2) else 2022
    for sentence, year in ((f"We held 40 events during National {row['name']}.", last_year),
                           (f"We will hold 40 events during National {row['name']}.", last_year + 1)):
        dates = extract(sentence, published=pub).figures.query("kind == 'date'")
        assert list(dates["text"]) == [f"National {row['name']}"], row
        assert dates.iloc[0]["date_start"] == f"{year}-{m1:02d}-{d1:02d}", (sentence, row)
        end = calendar.monthrange(year, m2)[1] if d2 >= 28 else d2   # a month's last day: the month whole
        assert dates.iloc[0]["date_end"] == f"{year}-{m2:02d}-{end:02d}", (sentence, row)


@pytest.mark.parametrize("row", rows("invariant_plurals"), ids=lambda r: r["noun"])
def test_each_invariant_plural_is_counted(row):
    figs = extract(f"Officials said 1,200 {row['noun']} arrived in the region.").figures
    assert figs[["kind", "unit"]].to_dict("records") == [{"kind": "count", "unit": row["noun"]}], row


@pytest.mark.parametrize("row", rows("stage_directions"), ids=lambda r: r["words"])
def test_each_stage_direction_standing_alone_is_no_claim(row):
    claims = extract(f"MS. LEE: We sent 300 inspectors. ({row['words']}.) They came back.").claims
    assert list(claims["text"]) == ["MS. LEE: We sent 300 inspectors.", "They came back."], row


@pytest.mark.parametrize("row", rows("label_words"), ids=lambda r: r["word"])
def test_each_label_word_makes_the_number_after_it_a_label(row):
    word = row["word"]
    forms = [word, word.lower()] if row["any_case"] == "1" and not word.startswith("(?") else [word]
    for form in forms:
        sentence = row["example"] if word.startswith("(?") else f"The deal cites {form} 51 of the charter."
        values = set(extract(sentence).figures["value_low"])
        assert 51 not in values and 812 not in values, (sentence, values)


@pytest.mark.parametrize("row", rows("deictic_days"), ids=lambda r: r["phrase"])
def test_each_deictic_day_resolves_against_publication(row):
    figs = extract(f"The ministry said 1,500 troops left {row['phrase']}.").figures
    dates = figs[figs["kind"] == "date"]
    day = (PUBLISHED + dt.timedelta(days=int(row["offset_days"]))).isoformat()
    assert list(dates["date_start"]) == [day] and list(dates["date_end"]) == [day], dates.to_dict("records")


@pytest.mark.parametrize("row", rows("speaker_titles"), ids=lambda r: r["title"])
def test_each_speaker_title_names_the_speaker_of_a_transcript_turn(row):
    label = row["title"] if row["source_type"] != "person" else f"{row['title']} KIM"
    sep = " " if label == "Q" else ": "
    claims = extract(f"{label}{sep}Some 1,500 troops left on Monday.", "Thank you very much.").claims
    first, second = claims.to_dict("records")
    assert first["source"] == label and second["source"] == label, (first, second)
    expected = "other" if row["source_type"] == "person" else row["source_type"]
    assert first["source_type"] == expected and first["certainty"] == "reported"


@pytest.mark.parametrize("row", rows("source_names"), ids=lambda r: r["name"])
def test_each_source_name_is_typed_by_its_row(row):
    c = claim(f"According to {row['name']}, 1,500 troops left.")
    assert c["source_type"] == row["source_type"], (row, c)


@pytest.mark.parametrize("row", rows("holidays"), ids=lambda r: r["name"])
def test_each_holiday_is_its_last_day_by_publication(row):
    figs = extract(f"Officials met on {row['name']} with 1,500 troops.").figures
    dates = figs[figs["kind"] == "date"]
    assert list(dates["text"]) == [row["name"]], figs[["text", "kind"]].to_dict("records")
    day = dt.date.fromisoformat(dates["date_start"].iloc[0])
    assert dates["date_end"].iloc[0] == dates["date_start"].iloc[0]
    assert day.month == int(row["month"]) and 0 <= (PUBLISHED - day).days < 366, day   # a past sentence: the last one
    if row["day"]:
        assert day.day == int(row["day"])
    else:   # the nth weekday: counted from the start of the month, or the last one
        assert day.strftime("%A") == row["weekday"]
        n = int(row["nth"])
        assert (day.day - 1) // 7 + 1 == n if n > 0 else (day + dt.timedelta(days=7)).month != day.month


@pytest.mark.parametrize("row", rows("nowadays_words"), ids=lambda r: f"{r['where']}-{r['word']}")
def test_each_nowadays_word_makes_today_no_date(row):
    assert row["word"] in row["example"].split() or row["word"] in row["example"], row
    figs = extract(f"The minister said 300 troops left. {row['example'][0].upper()}{row['example'][1:]}.").figures
    assert list(figs["kind"]) == ["personnel"], figs.to_dict("records")


@pytest.mark.parametrize("row", rows("weekday_names"), ids=lambda r: r["word"])
def test_each_weekday_name_word_makes_the_weekday_no_date(row):
    figs = extract(f"The minister said 300 troops left. We spoke of {row['word']} Friday and {row['word']} Monday.").figures
    assert list(figs["kind"]) == ["personnel"], figs.to_dict("records")


@pytest.mark.parametrize("row", rows("imperative_verbs"), ids=lambda r: r["verb"])
def test_each_imperative_verb_makes_its_if_clause_advice_not_a_hedge(row):
    assert re.search(rf"\bif\b.*,\s+{re.escape(row['verb'])}\b", row["example"], re.I), row
    assert claim(row["example"])["certainty"] == "asserted", row
    # the same condition before a statement still hedges
    assert claim("If the office is closed, 3 clerks will wait.")["certainty"] == "hedged"


@pytest.mark.parametrize("row", rows("past_verbs"), ids=lambda r: r["word"])
def test_each_past_verb_dates_a_bare_weekday_back_unless_it_is_a_present_form_too(row):
    pub = dt.date(2023, 11, 8)   # a Wednesday
    figs = extract(f"The 3 envoys {row['word']} on Friday.", published=pub).figures
    start = figs.loc[figs["kind"] == "date", "date_start"].tolist()
    assert start == (["2023-11-10"] if row["present_too"] else ["2023-11-03"]), row


@pytest.mark.parametrize("row", rows("named_dates"), ids=lambda r: r["name"])
def test_each_named_date_is_its_day_when_said_after_it(row):
    day = dt.date.fromisoformat(row["date"])
    later = day + dt.timedelta(days=400)   # the next anniversary is nearer than the day itself
    dates = extract(f"Officials spoke about {row['name']} with 3 reporters.", published=later).figures.query("kind == 'date'")
    assert list(dates["text"]) == [row["name"]] and dates.iloc[0]["date_start"] == row["date"], row
    if " " in row["name"]:   # a month and day looking ahead is the next one, as any other
        ahead = day.replace(year=day.year + 2) - dt.timedelta(days=10)
        dates = extract(f"Officials will meet on {row['name']} with 3 reporters.", published=ahead).figures
        assert dates.query("kind == 'date'").iloc[0]["date_start"] == day.replace(year=day.year + 2).isoformat(), row


@pytest.mark.parametrize("row", rows("run_in_labels"), ids=lambda r: r["label"])
def test_each_run_in_label_is_no_speaker_even_when_it_recurs(row):
    claims = extract(f"{row['label']}: The agency hired 3 clerks.", f"{row['label']}: It fired 2 more.").claims
    assert list(claims["source"]) == ["author", "author"], row


@pytest.mark.parametrize("row", rows("age_nouns"), ids=lambda r: r["noun"])
def test_each_age_noun_takes_the_number_after_a_comparison_as_an_age(row):
    for phrase, values in ((f"{row['noun']} over 65", (65.0, 65.0)), (f"{row['noun']} from 18 to 50", (18.0, 50.0))):
        (fig,) = figure_rows(f"The rule covers {phrase}.")
        assert (fig["kind"], fig["unit"], fig["value_low"], fig["value_high"]) == ("measure", "years", *values), phrase


@pytest.mark.parametrize("row", rows("plural_names"), ids=lambda r: r["name"])
def test_each_plural_name_before_a_noun_modifies_it(row):
    (fig,) = figure_rows(f"They honored 300 {row['name']} service members.")
    assert (fig["kind"], fig["unit"]) == ("personnel", "members"), row


@pytest.mark.parametrize("row", rows("finding_nouns"), ids=lambda r: r["noun"])
def test_each_finding_noun_with_its_phrase_is_the_source_of_what_it_found(row):
    rows_ = extract(f"The {row['noun']} in the Journal, covering a decade of trade, found imports fell sharply.").claims
    rows_ = rows_.to_dict("records")
    assert [(r["source"], r["certainty"]) for r in rows_] == [(f"The {row['noun']} in the Journal", "reported")], row


@pytest.mark.parametrize("row", rows("us_states"), ids=lambda r: r["name"])
def test_each_state_joins_the_town_before_it_into_one_place_in_a_subject(row):
    for state in (row["name"], row["postal"]):
        c = claim(f"Officials in Springfield, {state} said 300 homes flooded.")
        assert c["source"] == f"Officials in Springfield, {state}", (state, c["source"])


@pytest.mark.parametrize("row", [r for r in rows("past_verbs") if r["past_only"]], ids=lambda r: r["word"])
def test_each_past_only_verb_after_a_future_word_still_looks_back(row):
    pub = dt.date(2023, 11, 8)
    figs = extract(f"They will say the 3 envoys {row['word']} in March.", published=pub).figures
    assert figs.loc[figs["kind"] == "date", "date_start"].tolist() == ["2023-03-01"], row


@pytest.mark.parametrize("row", rows("source_nouns"), ids=lambda r: r["example"])
def test_each_source_noun_can_speak(row):
    c = claim(f"Rain fell on 3 towns, the {row['example']} said.")
    assert c["source"].startswith(f"the {row['example']}"), (row, c["source"])


@pytest.mark.parametrize("row", [r for r in rows("cue_verbs") if r["own_voice"]], ids=lambda r: r["verb"])
def test_each_own_voice_verb_of_a_statements_parties_is_the_statements_voice(row):
    parties, other = ("The two sides", "The officials") if row["form"] == "base" else ("The United States", "The ministry")
    assert claim(f"{parties} {row['verb']} that 1,500 troops left.")["source_type"] == "author", row
    assert claim(f"{other} {row['verb']} that 1,500 troops left.")["source_type"] != "author", row
