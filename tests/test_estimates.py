"""Estimates: the gazetteer (one test per row), the reference record and the comparison, and the
estimates table of a fixture corpus of our own articles (tests/fixtures/estimates)."""
from __future__ import annotations

import math
import subprocess
import sys

import pandas as pd
import pytest

from conftest import FIXTURES, extract

from articlefacts.analysis import select_articles
from articlefacts.corpus import load_corpus
from articlefacts.errors import InputError
from articlefacts.estimates import ESTIMATE_COLUMNS, estimates, estimates_from, figure_measures
from articlefacts.gazetteer import canonical_source, figure_measure, rows
from articlefacts.reference import REFERENCE_COLUMNS, compare_values, load_reference, reference_status

NAN = math.nan
NIS = "South Korea National Intelligence Service"
FOLDER = FIXTURES / "estimates"


# --------------------------------------------------------------------------- sources

@pytest.mark.parametrize("row", rows("sources"), ids=lambda r: r["alias"])
def test_each_alias_in_a_phrase_maps_to_its_canonical_source(row):
    phrase = f"a statement from {row['alias']} on Monday"
    assert canonical_source(phrase, "other") == (row["canonical"], row["source_type"])


@pytest.mark.parametrize("row", rows("places"), ids=lambda r: r["alias"])
def test_each_place_names_its_government_only_as_the_whole_source(row):
    assert canonical_source(row["alias"], "government") == (row["canonical"], row["source_type"])
    assert canonical_source(f"analysts based in {row['alias']}", "expert") == (
        f"analysts based in {row['alias']}", "expert")


def test_canonical_names_are_spelled_as_in_the_reference_record():
    ref_sources = set(load_reference()["source"])
    named = {r["canonical"] for r in rows("sources")} | {r["canonical"] for r in rows("places")}
    assert {NIS, "US Department of Defense", "US White House National Security Council", "US Department of State",
            "Ukrainian government", "South Korea Joint Chiefs of Staff", "South Korean government sources"} <= named
    assert ref_sources <= named, ref_sources - named


@pytest.mark.parametrize("written, canonical", [
    ("South Korea's National Intelligence Service (NIS)", NIS),
    ("South Korea’s National Intelligence Service (NIS)", NIS),
    ("NIS director Cho Tae-yong", NIS),
    ("the agency (South Korea's spy agency)", NIS),
    ("SOUTH KOREA'S SPY AGENCY", NIS),
    ("Pentagon spokeswoman Sabrina Singh", "US Department of Defense"),
    ("Maj. Gen. Pat Ryder", "US Department of Defense"),
    ("the U.S. Defense Department", "US Department of Defense"),
    ("He (John Kirby)", "US White House National Security Council"),
    ("A senior Ukrainian official", "Ukrainian government"),
    ("Ukraine's military intelligence agency (HUR)", "Ukraine military intelligence (HUR)"),
    ("Kremlin spokesman Dmitry Peskov", "Russian government"),
    ("North Korea's state media KCNA", "North Korean state media (KCNA)"),
    ("the Ukraine", "Ukrainian government"),
])
def test_long_sources_as_written_map_to_their_canonical_name(written, canonical):
    assert canonical_source(written, "other")[0] == canonical


@pytest.mark.parametrize("written", ["the spy agency", "an intelligence service", "intelligence officials",
                                     "Ukraine's spy agency", "the Joint Chiefs of Staff", "Seoul-based analysts",
                                     "Jong-un's sister", "un named officials", "Lee Seong-kweun", "Experts"])
def test_ambiguous_or_unknown_sources_stay_as_written(written):
    assert canonical_source(written, "expert") == (written, "expert")


def test_author_stays_author():
    assert canonical_source("author", "author") == ("author", "author")


# --------------------------------------------------------------------------- measures

TROOP_DEFAULT = {r["cue"] for r in rows("measures") if r["where"] == "unit" and r["measure"] == "deployed"}


@pytest.mark.parametrize("row", [r for r in rows("measures") if r["where"] == "unit"], ids=lambda r: r["cue"])
def test_each_counted_noun_gives_its_measure(row):
    noun = row["cue"]
    got = figure_measure("personnel", noun, "", f"1,200 {noun}", "The ministry said ", " arrived last month.",
                         f"North Korean {noun}")
    assert got == row["measure"], (noun, got)


@pytest.mark.parametrize("row", [r for r in rows("measures") if r["where"] == "text"], ids=lambda r: r["cue"])
def test_each_cue_gives_its_measure(row):
    cue, measure = row["cue"], row["measure"]
    if measure == "planned":   # before the number, nearer than a deployment cue after it
        before, after = f"The NIS said North Korea {cue} ", " to Russia, adding that others were sent earlier."
    elif measure == "deployed":   # right after the number, nearer than a plan further back
        before, after = "North Korea, which plans to send more, said that ", f" were {cue} last month."
    else:   # a casualty cue after the number wins over the deployment the sentence speaks of
        before, after = "Of the troops deployed, ", f" {cue} in the fighting."
    got = figure_measure("personnel", "soldiers", "", "1,200 soldiers", before, after, "soldiers")
    assert got == measure, (before, after, got)


@pytest.mark.parametrize("row", [r for r in rows("measures") if r["where"] == "subject"], ids=lambda r: r["cue"])
def test_each_subject_word_of_other_forces_gives_other(row):
    assert figure_measure("personnel", "soldiers", "", "1,200 soldiers", "", " were killed.",
                          f"{row['cue']} soldiers") == "other"


def measures_of(sentence: str) -> dict[str, str]:
    """Each personnel or money figure's text -> its measure, with the extractor's own spans."""
    tables = extract(sentence)
    (claim,) = tables.claims.to_dict("records")
    out = {}
    for f in tables.figures.to_dict("records"):
        s, e = f["start"] - claim["start"], f["end"] - claim["start"]
        out[f["text"]] = figure_measure(f["kind"], f["unit"], f["per"], f["text"], claim["text"][:s],
                                        claim["text"][e:], f["subject"],
                                        f["value_high"] if f["value_high"] == f["value_high"] else f["value_low"])
    return out


@pytest.mark.parametrize("sentence, expected", [
    ("North Korea has deployed 11,000 troops to Kursk, where about 300 were killed, the NIS said.",
     {"11,000 troops": "deployed", "about 300": "killed"}),
    ("The NIS said North Korea had suffered 4,700 casualties, including 600 deaths.",
     {"4,700 casualties": "casualties", "600 deaths": "killed"}),
    ("North Korean troops have suffered about 4,700 casualties, including 600 killed, the NIS said.",
     {"about 4,700 casualties": "casualties", "600": "killed"}),
    ("North Korea had sent 11,000 troops and plans to send 3,000 more, the NIS said.",
     {"11,000 troops": "deployed", "3,000": "planned"}),
    ("Some 300 North Korean soldiers have died and 2,700 have been wounded, the NIS said.",
     {"Some 300 North Korean soldiers": "killed", "2,700": "wounded"}),
    ("More than 3,000 North Korean troops have been killed or injured, Zelensky said.",
     {"More than 3,000 North Korean troops": "casualties"}),
    ("Ukraine said it had captured two North Korean soldiers.", {"two North Korean soldiers": "captured"}),
    ("About 2,000 North Korean workers were also sent to Russia, the agency said.",
     {"About 2,000 North Korean workers": "other"}),
    ("Each soldier is paid about $2,000 a month, the NIS said.", {"about $2,000 a month": "pay"}),
    ("The deployment costs Russia about $22 million a month, the NIS said.", {"about $22 million a month": "other"}),
    ("Some families earn more than $1 million a year, officials said.", {"more than $1 million a year": "other"}),
])
def test_the_numbers_own_words_come_before_the_sentences(sentence, expected):
    got = measures_of(sentence)
    assert {k: got.get(k) for k in expected} == expected, got


# --------------------------------------------------------------------------- the reference record

def test_the_shipped_reference_reads_with_numbered_rows():
    ref = load_reference()
    assert list(ref.columns) == ["reference_row", *REFERENCE_COLUMNS]
    assert list(ref["reference_row"]) == list(range(1, len(ref) + 1)) and len(ref) == 20
    pay = ref[ref["measure"] == "pay"].iloc[0]
    assert (pay["unit"], pay["per"], pay["value_low"]) == ("USD", "month", 2000)
    assert pay["url"].endswith("at-home,7")   # the url whose comma was unquoted in the shared copy


@pytest.mark.parametrize("line, message", [
    ("2024-10-25,X,government,pay,2000,2000,exact,USD,month,said,Outlet,https://a.example/b,7",
     "line 2: 13 fields, expected 12"),
    ("2024-13-25,X,government,deployed,2000,2000,exact,troops,,said,Outlet,u", "line 2: date_reported is not"),
    ("2024-10-25,X,government,invaded,2000,2000,exact,troops,,said,Outlet,u", "line 2: unknown measure 'invaded'"),
    ("2024-10-25,X,government,deployed,2000,,exact,troops,,said,Outlet,u", "line 2: a exact row needs both"),
    ("2024-10-25,X,government,deployed,,3000,lower_bound,troops,,said,Outlet,u", "line 2: a lower_bound row needs"),
    ("2024-10-25,X,government,deployed,many,,lower_bound,troops,,said,Outlet,u", "value_low is not a number"),
])
def test_a_malformed_reference_is_one_line_naming_file_and_line(tmp_path, line, message):
    p = tmp_path / "ref.csv"
    p.write_text(",".join(REFERENCE_COLUMNS) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_reference(p)
    assert message in str(err.value) and str(p) in str(err.value) and "\n" not in str(err.value)


def test_a_wrong_header_or_a_missing_file_is_an_input_error(tmp_path):
    p = tmp_path / "ref.csv"
    p.write_text("date,source\n2024-10-25,X\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: the header must be"):
        load_reference(p)
    with pytest.raises(InputError, match="no such file"):
        load_reference(tmp_path / "missing.csv")


@pytest.mark.parametrize("value, reference, status", [
    ((1500, 1500, "exact"), (1500, 1500, "exact"), "matches"),
    ((4700, 4700, "approx"), (4700, 4700, "exact"), "matches"),
    ((3000, NAN, "lower_bound"), (3000, NAN, "lower_bound"), "matches"),
    ((11000, 12000, "range"), (11000, 12000, "range"), "matches"),
    ((5000, 5000, "exact"), (3000, NAN, "lower_bound"), "within_range"),
    ((2000, 2000, "exact"), (3000, NAN, "lower_bound"), "lower"),
    ((5000, NAN, "lower_bound"), (3000, NAN, "lower_bound"), "within_range"),
    ((2000, NAN, "lower_bound"), (3000, NAN, "lower_bound"), "lower"),
    ((4000, 4000, "exact"), (NAN, 5000, "upper_bound"), "within_range"),
    ((6000, 6000, "exact"), (NAN, 5000, "upper_bound"), "higher"),
    ((NAN, 12000, "upper_bound"), (10000, 10000, "approx"), "higher"),
    ((11500, 11500, "approx"), (11000, 12000, "range"), "within_range"),
    ((10000, 10000, "exact"), (11000, 12000, "range"), "lower"),
    ((12000, 12000, "approx"), (10000, 10000, "approx"), "higher"),
    ((9000, 13000, "range"), (10000, 10000, "exact"), "higher"),
    ((10000, NAN, "lower_bound"), (10000, 10000, "exact"), "within_range"),
])
def test_compare_values(value, reference, status):
    assert compare_values(*value, *reference) == status


def item(measure, low, high, qualifier, date, source="", unit="", per=""):
    return {"measure": measure, "value_low": low, "value_high": high, "qualifier": qualifier, "date": date,
            "source": source, "unit": unit, "per": per}


def test_the_reference_in_force_is_the_same_sources_first_then_any_sources():
    ref = load_reference()
    # the NIS's own 1,500 is in force for the NIS after the Pentagon's 10,000
    assert reference_status(item("deployed", 1500, 1500, "exact", "2024-11-01", NIS), ref) == ("matches", 1)
    # an unknown source is compared with the latest row of any source (Ukraine's, 2024-10-29)
    assert reference_status(item("deployed", 5000, 5000, "exact", "2024-11-01", "Some think tank"), ref) == (
        "within_range", 8)
    # several rows of the latest date: the one it matches is named
    assert reference_status(item("deployed", 11000, 11000, "exact", "2024-11-05", "Some think tank"), ref) == (
        "matches", 10)
    assert reference_status(item("killed", 100, 100, "exact", "2024-12-01", NIS), ref) == ("no_reference", None)
    assert reference_status(item("pay", 2000, 2000, "exact", "2024-11-01", NIS, "USD", "month"), ref) == ("matches", 5)
    assert reference_status(item("pay", 2000, 2000, "exact", "2024-11-01", NIS, "USD", "year"), ref)[0] == \
        "no_reference"
    assert reference_status(item("pay", 2000, 2000, "exact", "2024-11-01", NIS, "KRW", "month"), ref)[0] == \
        "no_reference"


# --------------------------------------------------------------------------- the fixture corpus

@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FOLDER)


@pytest.fixture(scope="module")
def table(corpus):
    return estimates(corpus)


def one_row(df: pd.DataFrame, **where) -> pd.Series:
    hit = df
    for k, v in where.items():
        hit = hit[hit[k] == v]
    assert len(hit) == 1, (where, df.drop(columns="reference_note", errors="ignore").to_string())
    return hit.iloc[0]


def test_the_estimates_table_has_its_columns(table):
    assert list(table.columns) == ESTIMATE_COLUMNS
    assert table["estimate_id"].str.fullmatch(r"e-[0-9a-f]{8}").all() and table["estimate_id"].is_unique


def test_the_nis_number_repeated_under_four_names_is_one_estimate_with_every_mention(corpus, table):
    names = set(corpus.claims.loc[corpus.claims["figure_ids"] != "", "source"])
    assert {"South Korea's National Intelligence Service (NIS)", "the National Intelligence Service",
            "South Korea's spy agency", "Seoul's intelligence service"} <= names
    r = one_row(table, source=NIS, measure="deployed", value_low=1500.0)
    assert (r["articles"], r["first_article"], r["date"], r["qualifier"]) == (4, "e01_vladivostok", "2024-10-18",
                                                                              "exact")
    assert r["article_ids"].split() == ["e01_vladivostok", "e02_ships", "e03_training", "e04_lawmakers"]
    assert r["figure_ids"].split() == ["e01_vladivostok-f002", "e02_ships-f001", "e03_training-f001",
                                       "e04_lawmakers-f001"]
    assert (r["reference_status"], r["reference_row"]) == ("matches", 1)


def test_a_misquoted_number_is_higher_and_names_the_reference_row(table):
    r = one_row(table, source="US Department of Defense", measure="deployed")
    assert (r["value_low"], r["qualifier"], r["date"]) == (12000, "approx", "2024-10-28")
    assert (r["reference_status"], r["reference_row"]) == ("higher", 7)
    assert r["reference_note"].startswith("row 7: 2024-10-28 US Department of Defense deployed about 10,000")


def test_casualties_and_killed_are_two_estimates(table):
    cas = one_row(table, source=NIS, measure="casualties")
    killed = one_row(table, source=NIS, measure="killed")
    assert (cas["value_low"], cas["reference_status"], cas["reference_row"]) == (4700, "matches", 18)
    assert (killed["value_low"], killed["reference_status"], killed["reference_row"]) == (600, "matches", 19)
    ukr = one_row(table, source="Ukrainian government", measure="casualties")   # "in December": in force by its end
    assert (ukr["value_low"], ukr["qualifier"], ukr["reference_status"], ukr["reference_row"]) == (
        3000, "lower_bound", "matches", 13)


def test_monthly_pay_is_an_estimate_per_month(table):
    r = one_row(table, measure="pay")
    assert (r["source"], r["value_low"], r["unit"], r["per"], r["reference_status"], r["reference_row"]) == (
        NIS, 2000, "USD", "month", "matches", 5)


def test_figure_measures_lists_every_figure_with_its_estimate_and_comparison(corpus, table):
    fm = figure_measures(corpus)
    workers = one_row(fm, figure_id="e06_casualties-f006")
    assert (workers["measure"], workers["estimate_id"], workers["reference_status"]) == ("other", "", "")
    singh = one_row(fm, figure_id="e05_pentagon-f002")
    assert (singh["source_as_written"], singh["source"], singh["reference_status"], singh["reference_row"]) == (
        "Sabrina Singh", "US Department of Defense", "higher", 7)
    listed = {f for ids in table["figure_ids"] for f in ids.split()}
    assert listed == set(fm.loc[fm["measure"] != "other", "figure_id"])
    assert set(fm["estimate_id"]) - {""} == set(table["estimate_id"])


def test_an_estimate_keeps_its_id_in_another_corpus_with_the_same_first_mention(corpus, table):
    fewer = estimates(select_articles(corpus, ["e01_vladivostok", "e04_lawmakers"]))
    whole = one_row(table, source=NIS, measure="deployed")
    part = one_row(fewer, source=NIS, measure="deployed")
    assert part["estimate_id"] == whole["estimate_id"] and part["articles"] == 2


def test_mentions_chain_while_within_seven_days_of_the_first():
    def fig(i, date):
        return {"figure_id": f"a{i}-f001", "article_id": f"a{i}", "measure": "deployed", "source": NIS,
                "source_type": "intelligence", "date": date, "reference_date": date, "published": date,
                "value_low": 1500.0, "value_high": 1500.0, "qualifier": "exact", "unit": "troops", "per": ""}
    fm = pd.DataFrame([fig(1, "2024-10-18"), fig(2, "2024-10-25"), fig(3, "2024-10-26"), fig(4, "2024-11-01"),
                       fig(5, "")])
    out, ids = estimates_from(fm)
    assert list(out["date"]) == ["2024-10-18", "2024-10-26", ""]
    assert list(out["articles"]) == [2, 2, 1]
    assert ids[0] == ids[1] != ids[2] == ids[3] != ids[4]


def test_estimates_import_no_drawing_library():
    code = ("import sys, articlefacts.estimates, articlefacts.reference, articlefacts.gazetteer; "
            "print(any(m == 'matplotlib' or m.startswith('matplotlib.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_reference_record_in_data_raw_is_the_copy_the_package_ships() -> None:
    from conftest import ROOT

    shipped = (ROOT / "articlefacts" / "refdata" / "reference_estimates.csv").read_bytes()
    assert (ROOT / "data" / "raw" / "reference_estimates.csv").read_bytes() == shipped
