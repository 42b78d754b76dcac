"""Pay comparison in constant dollars, conversions only from the article, scenario totals.

CPI-U values are the BLS annual averages (1969: 36.7, 2000: 172.2, 2024: 313.689). Amounts are
read off the seed: South Korean soldiers in Vietnam "received an average of $500 per person",
Russian soldiers in Ukraine "about $3,000 to $5,000 per person"; troops: "1,500" and "as many as
12,000".
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import articlefacts as af
from articlefacts import pay
from articlefacts.corpus import Corpus
from articlefacts.errors import InputError

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_ID = "000_386969d4a653bff8"
VIETNAM, RUSSIA = f"{SEED_ID}-f007", f"{SEED_ID}-f008"


@pytest.fixture(scope="module")
def seed() -> Corpus:
    return af.load_corpus(SEEDS)


def one_article(text: str, published: str = "2024-11-20") -> tuple[Corpus, dict[str, str]]:
    t = af.extract_article(text, "p", dt.date.fromisoformat(published))
    meta = pd.DataFrame([{"article_id": "p", "title": "t", "outlet": "o", "author": "", "published": published,
                          "url": "", "status": "ok", "error": ""}])
    return Corpus(meta, t.figures, t.claims), {"p": text}


def test_cpi_table() -> None:
    cpi = pay.load_cpi()
    assert (cpi.index.min(), cpi.index.max(), len(cpi)) == (1950, 2024, 75)
    assert cpi.loc[1969] == 36.7 and cpi.loc[2000] == 172.2 and cpi.loc[2024] == 313.689


def test_cpi_is_package_data_read_with_importlib_resources() -> None:
    import importlib.resources

    resource = importlib.resources.files("articlefacts").joinpath("refdata", "us_cpi_u_annual.csv")
    rows = [line.split(",") for line in resource.read_text(encoding="utf-8").splitlines()[1:] if line]
    assert [int(y) for y, _ in rows] == list(range(1950, 2025))
    assert list(pay.load_cpi().index) == list(range(1950, 2025))
    assert "data/raw" not in str(pay.CPI_PATH) and pay.CPI_PATH.is_file()


def test_an_installed_package_finds_the_cpi_away_from_the_checkout(tmp_path: Path) -> None:
    """What a non-editable install copies (setuptools build_py with pyproject's package data) holds the
    CPI table and the vocabulary, and loads them from a folder that is not the source tree."""
    import subprocess
    import sys

    lib = tmp_path / "lib"
    (tmp_path / "egg").mkdir()
    build = subprocess.run([sys.executable, "-c", "import setuptools; setuptools.setup()", "-q",
                            "egg_info", "-e", str(tmp_path / "egg"), "build_py", "-d", str(lib)],
                           cwd=REPO, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert (lib / "articlefacts" / "refdata" / "us_cpi_u_annual.csv").is_file()
    assert (lib / "articlefacts" / "refdata" / "README.md").is_file()
    assert list((lib / "articlefacts" / "vocab").glob("*.csv"))
    code = ("import articlefacts, articlefacts.pay as pay; c = pay.load_cpi(); "
            "print(articlefacts.__file__); print(c.index.min(), c.index.max())")
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(lib)})
    assert run.returncode == 0, run.stderr
    where, years = run.stdout.splitlines()
    assert where.startswith(str(lib)) and years == "1950 2024"


def test_adjust() -> None:
    assert pay.adjust(500, 1969, 2024) == pytest.approx(4273.69, abs=0.01)   # 500 * 313.689 / 36.7
    assert pay.adjust(3000, 2024, 2000) == pytest.approx(3000 * 172.2 / 313.689)
    assert pay.adjust(123.0, 1990, 1990) == 123.0


def test_year_outside_the_table_is_a_one_line_error_naming_it() -> None:
    with pytest.raises(InputError) as err:
        pay.adjust(100, 1949, 2024)
    message = str(err.value)
    assert "us_cpi_u_annual.csv" in message and "1949" in message and "\n" not in message


def test_broken_cpi_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "cpi.csv"
    bad.write_text("year,cpi_u\n1950,24.1\n1951,lots\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"cpi\.csv line 3"):
        pay.load_cpi(bad)
    with pytest.raises(InputError, match="no such file"):
        pay.load_cpi(tmp_path / "missing.csv")


def test_an_unknown_figure_id_in_reference_years_is_an_error_naming_it(seed: Corpus) -> None:
    typo = f"{SEED_ID}-f07"
    with pytest.raises(InputError) as err:
        pay.pay_table(seed, target_year=2024, reference_years={VIETNAM: 1969, typo: 1966, "nope-f001": 1970},
                      texts=SEEDS)
    message = str(err.value)
    assert "reference_years" in message and typo in message and "nope-f001" in message
    assert VIETNAM not in message and "\n" not in message


def test_seed_pay_table_with_the_vietnam_year_as_parameter(seed: Corpus) -> None:
    p = pay.pay_table(seed, target_year=2024, reference_years={VIETNAM: 1969}, texts=SEEDS).set_index("figure_id")
    assert list(p.index) == [VIETNAM, RUSSIA]
    v, r = p.loc[VIETNAM], p.loc[RUSSIA]
    assert (v["text"], v["currency"], v["value_low"], v["value_high"]) == ("$500 per person", "USD", 500, 500)
    assert (r["currency"], r["value_low"], r["value_high"], r["qualifier"]) == ("USD", 3000, 5000, "range")
    assert v["per"] == r["per"] == "person" and "period not stated" in v["rate"]
    assert v["reference_year"] == 1969 and "parameter" in v["reference_year_basis"]
    assert r["reference_year"] == 2024 and "published" in r["reference_year_basis"]
    assert v["usd_target_low"] == pytest.approx(4273.69, abs=0.01)
    assert (r["usd_target_low"], r["usd_target_high"]) == (3000, 5000)       # 2024 dollars in 2024
    assert "36.7" in v["cpi_note"] and "313.689" in v["cpi_note"]            # the assumption is printed


def test_without_parameter_the_year_is_the_published_year_and_target_year_moves_values(seed: Corpus) -> None:
    p = pay.pay_table(seed, target_year=2000, texts=SEEDS).set_index("figure_id")
    assert p.loc[VIETNAM, "reference_year"] == 2024
    assert p.loc[RUSSIA, "usd_target_high"] == pytest.approx(5000 * 172.2 / 313.689)


def test_other_currencies_convert_only_with_the_articles_own_conversion() -> None:
    c, texts = one_article("Pay\nBy X\nSouth Korean soldiers got 500,000 won a month, while Russian soldiers got "
                           "$2,000 a month. Each soldier is paid 2.76 million won a month, about $2,000. "
                           "Contract soldiers earn 204,000 rubles a month.\n")
    p = pay.pay_table(c, texts=texts).set_index("text")
    # "500,000 won ..., while ... $2,000": two payments, not a conversion
    assert p.loc["500,000 won a month", "conversion"].startswith("not converted")
    assert pd.isna(p.loc["500,000 won a month", "usd_low"])
    # "2.76 million won a month, about $2,000": the article converts it
    conv = p.loc["2.76 million won a month"]
    assert conv["conversion"].startswith("article's own conversion") and conv["usd_low"] == pytest.approx(2000)
    assert "about $2,000" not in p.index                                     # the conversion is not a second row
    assert p.loc["204,000 rubles a month", "conversion"] == "not converted: the article gives no US-dollar conversion"
    assert p.loc["$2,000 a month", "usd_low"] == 2000 and p.loc["$2,000 a month", "rate"] == "per person a month"


def test_scenario_totals_for_the_seed(seed: Corpus) -> None:
    p = pay.pay_table(seed, target_year=2024, reference_years={VIETNAM: 1969}, texts=SEEDS)
    s = pay.scenario_totals(seed, p).set_index(["troops_text", "pay_text"])
    assert len(s) == 4                                                        # 2 troop figures x 2 pay figures
    small = s.loc[("1,500 troops", "about $3,000 to $5,000 per person")]
    assert (small["total_low"], small["total_high"]) == (4_500_000, 7_500_000)
    big = s.loc[("as many as 12,000 troops", "about $3,000 to $5,000 per person")]
    assert (big["total_low"], big["total_high"]) == (36_000_000, 60_000_000)
    assert big["troops_qualifier"] == "upper_bound"
    assert "upper bound" in big["troops_assumption"] and "as many as 12,000" in big["troops_assumption"]
    vietnam = s.loc[("1,500 troops", "$500 per person")]
    assert vietnam["total_nominal_low"] == 750_000                            # in 1969 dollars
    assert vietnam["total_low"] == pytest.approx(1500 * 500 * 313.689 / 36.7)
    assert "1969" in vietnam["assumptions"] and "period not stated" in vietnam["assumptions"]
    view = pay.scenario_view(s.reset_index())
    assert {"assumptions", "total"} <= set(view.columns)
    shown = view[view["scenario"] == vietnam["scenario"]].iloc[0]["assumptions"]
    assert "as stated" in shown and "1969 dollars" in shown                # both assumptions beside the total


def test_scenario_selection_by_figure_id(seed: Corpus) -> None:
    p = pay.pay_table(seed, texts=SEEDS)
    s = pay.scenario_totals(seed, p, troops=[f"{SEED_ID}-f002"], pay_ids=[RUSSIA])
    assert len(s) == 1 and s.loc[0, "troops_low"] == 1500 and s.loc[0, "pay_usd_high"] == 5000


def test_force_wide_sums_are_not_pay_and_a_bounded_conversion_stays_a_bound() -> None:
    c, texts = one_article("Pay\nBy X\nEach soldier earns about $2,000 a month, so 11,000 troops would cost about "
                           "$22 million a month. Soldiers at home earn about 135,000 won a month, which is under "
                           "$100.\n")
    p = pay.pay_table(c, texts=texts).set_index("text")
    assert p.loc["about $22 million a month", "scope"].startswith("a total")
    won = p.loc["about 135,000 won a month"]
    assert won["usd_qualifier"] == "upper_bound" and won["usd_high"] == 100 and pd.isna(won["usd_low"])
    s = pay.scenario_totals(c, p.reset_index())
    assert list(s["pay_text"]) == ["about $2,000 a month", "about 135,000 won a month"]   # not the $22 million
    # the article's own arithmetic: 11,000 troops at $2,000 a month is $22 million a month
    assert s.loc[0, "total_low"] == 22_000_000 and s.loc[0, "pay_rate_short"] == "a month"
    assert s.loc[1, "total_qualifier"] == "upper_bound" and s.loc[1, "total_high"] == 1_100_000
