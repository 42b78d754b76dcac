"""Pay: per-person pay figures side by side, in constant US dollars, and scenario totals.

- :func:`load_cpi` reads the US CPI-U annual averages (``articlefacts/refdata/us_cpi_u_annual.csv``,
  package data read with :mod:`importlib.resources`, so an installed package has it too).
- :func:`adjust` expresses an amount of one year in dollars of another:
  ``amount * cpi[to_year] / cpi[from_year]``.
- :func:`pay_table` lists every money figure paid per person, per month or per year,
  with its reference year, its US-dollar value and its value in target-year dollars,
  every assumption in a column.
- :func:`scenario_totals` multiplies troop numbers by pay (arithmetic, not reporting),
  with the assumptions printed beside each total.

Other currencies are converted only with a conversion the article itself gives
("400,000 rubles, or $4,651"); otherwise the row says it is not converted. No
exchange rate is ever invented.
"""
from __future__ import annotations

import csv
import functools
import importlib.resources
import re
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

import numpy as np
import pandas as pd

from .errors import InputError
from .tables import read_reference_text
from .views import short_article

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

# the CPI-U table is package data; a Path when the package is on the file system (always, unless zipped)
CPI_RESOURCE = importlib.resources.files(__package__).joinpath("refdata", "us_cpi_u_annual.csv")
CPI_PATH = Path(str(CPI_RESOURCE))
PAY_PER = ("person", "month", "year")
# A "rate" this large is a force-wide sum ("about $22 million a month"), not one soldier's pay.
TOTAL_THRESHOLD_USD = 1_000_000
RATE_WORDS = {"person": "per person (period not stated)", "month": "per person a month",
              "year": "per person a year"}
RATE_SHORT = {"person": "per person", "month": "a month", "year": "a year"}
BOUND_NOTE = {"upper_bound": " at most", "lower_bound": " at least", "mixed bounds": " (bounds both ways)"}
TOTAL_PERIOD = {"person": " (one payment each; period not stated)", "month": " a month", "year": " a year"}
# What may stand between an amount and its conversion: ", or ", " (", ", which is ", " in 2023, that is "
CONVERSION_GAP = re.compile(r"[\s,;:(\[–—-]*(?:(?:or|i\.e\.|that\s+is|which\s+is|which\s+was|equal\s+to|"
                            r"equivalent\s+to|worth|in\s+\d{4}|about|roughly|around|approximately|some|nearly|"
                            r"almost)[\s,;:(\[–—-]*)*", re.I)
PAY_COLUMNS = ["article_id", "figure_id", "claim_id", "text", "subject", "source", "source_type", "certainty",
               "qualifier", "currency", "value_low", "value_high", "per", "rate", "reference_year",
               "reference_year_basis", "conversion", "usd_low", "usd_high", "usd_qualifier", "scope", "target_year",
               "cpi_reference",
               "cpi_target", "cpi_factor", "usd_target_low", "usd_target_high", "cpi_note", "outlet", "title",
               "published"]


# --------------------------------------------------------------------------- CPI

@functools.lru_cache(maxsize=4)
def _read_cpi(path: str, stamp: tuple) -> pd.Series:
    p = Path(path)
    text = read_reference_text(p, "the CPI-U table")
    rows = list(csv.reader(text.splitlines()))
    if not rows or [h.strip() for h in rows[0]] != ["year", "cpi_u"]:
        raise InputError(f"{p} line 1", "the header must be 'year,cpi_u'")
    years, values = [], []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        try:
            year, value = int(row[0]), float(row[1])
        except (ValueError, IndexError):
            raise InputError(f"{p} line {line}", f"not a year and a CPI value: {','.join(row)!r}") from None
        if value <= 0:
            raise InputError(f"{p} line {line}", f"CPI must be positive (found {value})")
        years.append(year)
        values.append(value)
    if not years:
        raise InputError(p, "no CPI rows")
    if len(set(years)) != len(years):
        raise InputError(p, "a year appears twice")
    return pd.Series(values, index=pd.Index(years, name="year"), name="cpi_u").sort_index()


def load_cpi(path: str | Path | None = None) -> pd.Series:
    """The CPI-U annual averages as a Series indexed by year (1982–84 = 100).

    Raises InputError naming the file (and line) when it is missing or malformed.
    """
    if path is None:
        with importlib.resources.as_file(CPI_RESOURCE) as p:   # a real file even from a zipped package
            return _read_cpi(str(p), (p.stat().st_mtime_ns, p.stat().st_size)).copy()
    p = Path(path)
    stamp = (p.stat().st_mtime_ns, p.stat().st_size) if p.is_file() else ()
    return _read_cpi(str(p), stamp).copy()


def _cpi_name(path: str | Path | None) -> str:
    p = Path(path) if path is not None else CPI_PATH
    try:
        return str(p.resolve().relative_to(Path(__file__).resolve().parent.parent))   # articlefacts/refdata/...
    except ValueError:
        return p.name


def cpi_for(year: int, cpi: pd.Series, path: str | Path | None = None) -> float:
    """The CPI-U of ``year``; InputError naming the table when the year is not in it."""
    try:
        return float(cpi.loc[int(year)])
    except KeyError:
        raise InputError(_cpi_name(path), f"no CPI-U for {year} (the table covers "
                                          f"{cpi.index.min()}–{cpi.index.max()})") from None


def adjust(amount: float, from_year: int, to_year: int, cpi: pd.Series | None = None) -> float:
    """``amount`` US dollars of ``from_year`` expressed in dollars of ``to_year`` (CPI-U ratio)."""
    table = load_cpi() if cpi is None else cpi
    return float(amount) * cpi_for(to_year, table) / cpi_for(from_year, table)


# --------------------------------------------------------------------------- conversions

def conversions(figures: pd.DataFrame, text_of: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Pairs of money figures where the article converts one currency into another.

    Two money figures form a pair when they are next to each other in one sentence, in
    different currencies, and only words like ', or', ', about', ' (', ', which is' (or a
    year) stand between them. The second of the pair is the conversion of the first.
    Needs the article text (``text_of``: article_id -> text) for the gap; without it only
    ', ' gaps inferred from the offsets (at most 2 characters) count.
    Columns: article_id, figure_id (the amount), conversion_id (the other figure).
    """
    money = figures[(figures["kind"] == "money") & (figures["claim_id"] != "")].sort_values(
        ["article_id", "claim_id", "start"], kind="mergesort")
    rows = []
    recs = money[["article_id", "claim_id", "figure_id", "start", "end", "unit"]].to_dict("records")  # once
    for a, b in zip(recs, recs[1:]):   # neighbours in one sentence
        if (a["article_id"], a["claim_id"]) != (b["article_id"], b["claim_id"]):
            continue
        if a["unit"] == b["unit"] or not a["unit"] or not b["unit"]:
            continue
        if text_of is not None and a["article_id"] in text_of:
            gap = text_of[a["article_id"]][a["end"]:b["start"]]
            ok = CONVERSION_GAP.fullmatch(gap) is not None
        else:
            ok = b["start"] - a["end"] <= 2
        if ok:
            rows.append({"article_id": a["article_id"], "figure_id": a["figure_id"],
                         "conversion_id": b["figure_id"]})
    return pd.DataFrame(rows, columns=["article_id", "figure_id", "conversion_id"])


def _representative(low: float, high: float) -> float:
    if pd.notna(low) and pd.notna(high):
        return (low + high) / 2
    return low if pd.notna(low) else high


def _fmt_amount(low: float, high: float, currency: str) -> str:
    def one(v: float) -> str:
        return f"{v:,.0f}" if v >= 100 or v == int(v) else f"{v:,.2f}"
    if pd.notna(low) and pd.notna(high):
        amount = one(low) if low == high else f"{one(low)}–{one(high)}"
    elif pd.notna(high):
        amount = f"up to {one(high)}"
    elif pd.notna(low):
        amount = f"at least {one(low)}"
    else:
        amount = "?"
    return f"{amount} {currency}"


# --------------------------------------------------------------------------- pay table

def article_texts(folder: str | Path, article_ids: list[str]) -> dict[str, str]:
    """The text of each article id in ``folder`` (for reading what stands between two figures)."""
    from .articles import read_article_text

    out = {}
    for aid in article_ids:
        p = Path(folder) / f"{aid}.txt"
        if p.is_file():
            try:
                out[aid] = read_article_text(p)
            except InputError:
                continue
    return out


def pay_table(corpus: "Corpus", target_year: int = 2024, reference_years: Mapping[str, int] | None = None,
              texts: Mapping[str, str] | str | Path | None = None, cpi: pd.Series | None = None,
              cpi_path: str | Path | None = None) -> pd.DataFrame:
    """Every money figure paid per person, per month or per year, one row each.

    The reference year (the year whose dollars the amount is in) is, in order: the value in
    ``reference_years`` for the figure id (an id not in the corpus is an InputError naming it);
    the year of the first date in the same sentence
    (the middle year of a longer period); the article's published year. Amounts in another
    currency get US-dollar values only from a conversion in the article (see
    :func:`conversions`); a figure that is itself the conversion of another is not listed
    again. ``usd_target_*`` are the US-dollar values in ``target_year`` dollars (CPI-U).
    ``scope`` flags amounts of USD 1 million or more as totals rather than one person's pay
    (the extraction gives "$22 million a month" a rate too); charts and scenarios skip them.
    ``texts`` is the articles' folder (or article_id -> text), used to read what stands
    between an amount and its conversion.
    """
    from .analysis import figure_context

    has_texts = corpus.texts is None or len(corpus.texts)
    if has_texts and (texts is None or isinstance(texts, (str, Path))):
        # the texts as read, any format; only of articles with two money figures in one sentence
        # (the only place a conversion can be)
        m = corpus.figures[(corpus.figures["kind"] == "money") & (corpus.figures["claim_id"] != "")]
        pairs = m["claim_id"].value_counts()
        money = sorted(set(m.loc[m["claim_id"].isin(pairs.index[pairs > 1]), "article_id"]))
        t = corpus.text_table(money)
        texts = dict(zip(t["article_id"], t["text"]))
    elif isinstance(texts, (str, Path)):
        texts = article_texts(texts, list(corpus.articles["article_id"]))

    table = load_cpi(cpi_path) if cpi is None else cpi
    cpi_target = cpi_for(target_year, table, cpi_path)
    reference_years = {str(k): int(v) for k, v in (reference_years or {}).items()}
    unknown = sorted(set(reference_years) - set(corpus.figures["figure_id"]))
    if unknown:   # a mistyped id would otherwise leave its figure at the default year, silently
        raise InputError("reference_years", f"no such figure id{'s' if len(unknown) > 1 else ''}: "
                                            f"{', '.join(unknown)}")
    ctx = figure_context(corpus)
    conv = conversions(corpus.figures, texts)
    converted_by = dict(zip(conv["figure_id"], conv["conversion_id"]))
    is_conversion = set(conv["conversion_id"])
    by_id = ctx.set_index("figure_id")
    money = ctx[(ctx["kind"] == "money") & ctx["per"].isin(PAY_PER) & ~ctx["figure_id"].isin(is_conversion)]
    rows = []
    for r in money.to_dict("records"):
        fid = r["figure_id"]
        # reference year
        if fid in reference_years:
            year, basis = reference_years[fid], "parameter reference_years"
        elif r["claim_date_start"]:
            y0, y1 = int(r["claim_date_start"][:4]), int(r["claim_date_end"][:4] or r["claim_date_start"][:4])
            year = (y0 + y1) // 2
            basis = f"sentence date “{r['date_text']}” ({r['date_figure_id'].rsplit('-', 1)[-1]})" + (
                ", middle year" if y1 != y0 else "")
        elif r["published"]:
            year, basis = int(r["published"][:4]), "article published (no date in the sentence)"
        else:
            year, basis = None, "no date: not adjusted"
        # US dollars
        low, high, cur = r["value_low"], r["value_high"], r["unit"]
        usd_qualifier = r["qualifier"]
        if cur == "USD":
            usd_low, usd_high, conversion = low, high, "in US dollars as stated"
        elif fid in converted_by:
            c = by_id.loc[converted_by[fid]]
            if c["unit"] == "USD":
                rate = _representative(c["value_low"], c["value_high"]) / _representative(low, high)
                usd_low, usd_high = low * rate, high * rate
                bound = {"upper_bound": " (the article's dollar figure is an upper bound)",
                         "lower_bound": " (the article's dollar figure is a lower bound)"}.get(c["qualifier"], "")
                if c["qualifier"] in ("upper_bound", "lower_bound"):   # "..., which is under $100": at most $100
                    usd_low, usd_high, usd_qualifier = c["value_low"], c["value_high"], c["qualifier"]
                conversion = (f"article's own conversion: “{r['text']}” = “{c['text']}” "
                              f"({c.name.rsplit('-', 1)[-1]}), {rate:.6g} USD per {cur}{bound}")
            else:
                usd_low = usd_high = np.nan
                conversion = f"not converted: the article converts it to {c['unit']}, not US dollars"
        else:
            usd_low = usd_high = np.nan
            conversion = "not converted: the article gives no US-dollar conversion"
        # constant dollars
        cpi_ref, factor, note = np.nan, np.nan, ""
        if year is not None and (pd.notna(usd_low) or pd.notna(usd_high)):
            if int(year) in table.index:
                cpi_ref = float(table.loc[int(year)])
                factor = cpi_target / cpi_ref
                note = f"× CPI-U {target_year} / CPI-U {year} = {cpi_target:g} / {cpi_ref:g} = {factor:.4f}"
            else:
                note = (f"not adjusted: no CPI-U for {year} in the table "
                        f"({table.index.min()}–{table.index.max()})")
        elif year is None:
            note = "not adjusted: no reference year"
        else:
            note = "not adjusted: no US-dollar value"
        usd_point = usd_high if pd.notna(usd_high) else usd_low
        scope = ("a total, not one person's pay (USD 1 million or more at this rate)"
                 if pd.notna(usd_point) and usd_point >= TOTAL_THRESHOLD_USD else "per person")
        rows.append({
            "article_id": r["article_id"], "figure_id": fid, "claim_id": r["claim_id"], "text": r["text"],
            "subject": r["subject"], "source": r["source"], "source_type": r["source_type"],
            "certainty": r["certainty"], "qualifier": r["qualifier"], "currency": cur, "value_low": low,
            "value_high": high, "per": r["per"], "rate": RATE_WORDS[r["per"]],
            "reference_year": year if year is not None else pd.NA, "reference_year_basis": basis,
            "conversion": conversion, "usd_low": usd_low, "usd_high": usd_high, "usd_qualifier": usd_qualifier,
            "scope": scope, "target_year": int(target_year),
            "cpi_reference": cpi_ref, "cpi_target": cpi_target, "cpi_factor": factor,
            "usd_target_low": usd_low * factor, "usd_target_high": usd_high * factor, "cpi_note": note,
            "outlet": r["outlet"], "title": r["title"], "published": r["published"]})
    df = pd.DataFrame(rows, columns=PAY_COLUMNS)
    df["reference_year"] = df["reference_year"].astype("Int64")
    for col in ("value_low", "value_high", "usd_low", "usd_high", "cpi_reference", "cpi_factor", "usd_target_low",
                "usd_target_high", "cpi_target"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    return df.sort_values(["article_id", "figure_id"], kind="mergesort").reset_index(drop=True)


def summarize(pay: pd.DataFrame, scenarios: pd.DataFrame | None = None) -> str:
    """The pay comparison in words, one line per figure and per scenario."""
    if pay.empty:
        return "No pay figures per person, per month or per year in these articles."
    lines = []
    for r in pay.itertuples():
        head = (f"{r.figure_id.rsplit('-', 1)[-1]} {r.subject}: {_fmt_amount(r.value_low, r.value_high, r.currency)} "
                f"{r.rate}")
        if r.scope != "per person":
            lines.append(f"{head}: {r.scope}  [{r.article_id}]")
        elif pd.isna(r.usd_low) and pd.isna(r.usd_high):
            lines.append(f"{head}; {r.conversion}  [{r.article_id}]")
        elif pd.isna(r.usd_target_low) and pd.isna(r.usd_target_high):
            lines.append(f"{head}; {r.cpi_note}  [{r.article_id}]")
        else:
            lines.append(f"{head}, in {r.reference_year} dollars = "
                         f"{_fmt_amount(r.usd_target_low, r.usd_target_high, 'USD')} in {r.target_year} dollars"
                         f"  [{r.article_id}]")
    if scenarios is not None and not scenarios.empty:
        lines.append("Scenario totals (arithmetic, not reported):")
        lines += [f"  {r.total_label}" for r in scenarios.itertuples()]
    return "\n".join(lines)


def pay_view(pay: pd.DataFrame) -> pd.DataFrame:
    """The pay table for reading: one row per figure, the amount in target-year US dollars and,
    beside it, how it was reached (reference year and why, conversion, CPI factor). Every column
    of :func:`pay_table` is in the report's ``data/pay.csv``."""
    def usd(low: float, high: float) -> str:
        if pd.isna(low) and pd.isna(high):
            return "—"
        return _fmt_amount(low, high, "USD")

    def how(r) -> str:
        if pd.isna(r.usd_low) and pd.isna(r.usd_high):
            return r.conversion
        year = "" if pd.isna(r.reference_year) else f"{int(r.reference_year)} dollars ({r.reference_year_basis}); "
        return f"{usd(r.usd_low, r.usd_high)}: {year}{r.conversion}; {r.cpi_note}".strip("; ")

    return pd.DataFrame({
        "article": [short_article(a) for a in pay["article_id"]],
        "figure": pay["figure_id"].str.rsplit("-", n=1).str[-1],
        "who": pay["subject"],
        "as written": pay["text"],
        "rate": [rate if scope in ("", rate) or scope in rate else f"{rate}, {scope}"
                 for rate, scope in zip(pay["rate"], pay["scope"])],
        "target-year dollars": [usd(a, b) + (f" ({int(y)})" if pd.notna(a) or pd.notna(b) else "")
                                for a, b, y in zip(pay["usd_target_low"], pay["usd_target_high"],
                                                   pay["target_year"])],
        "how": [how(r) for r in pay.itertuples()],
        "source": pay["source"],
    })


# --------------------------------------------------------------------------- scenarios

SCENARIO_COLUMNS = ["scenario", "article_id", "troops_figure_id", "troops_text", "troops_qualifier", "troops_low",
                    "troops_high", "troops_label", "troops_assumption", "pay_figure_id", "pay_text", "pay_usd_low",
                    "pay_usd_high", "pay_reference_year", "pay_rate", "pay_rate_short", "total_period", "pay_label",
                    "pay_assumption", "target_year", "total_nominal_low", "total_nominal_high", "total_low",
                    "total_high", "total_qualifier", "total_label", "assumptions", "source", "outlet", "title", "published"]


def troop_figures(corpus: "Corpus", figure_ids: list[str] | None = None) -> pd.DataFrame:
    """Personnel figures that count people sent (troops, soldiers, ...), or exactly ``figure_ids``."""
    from .analysis import DEPLOYED_UNITS

    f = corpus.figures
    if figure_ids:
        return f[f["figure_id"].isin(figure_ids) & (f["kind"] == "personnel")]
    return f[(f["kind"] == "personnel") & f["unit"].isin(DEPLOYED_UNITS)]


def _troops_basis(q: str, text: str, low: float, high: float) -> tuple[float, float, str, str]:
    if q == "upper_bound":
        return high, high, f"up to {high:,.0f} troops", (f"“{text}” is an upper bound; the total assumes all "
                                                   f"{high:,.0f} go, so it is at most this")
    if q == "lower_bound":
        return low, low, f"at least {low:,.0f} troops", (f"“{text}” is a lower bound; the total assumes exactly "
                                                 f"{low:,.0f}, so it is at least this")
    if q == "range":
        return low, high, f"{low:,.0f}–{high:,.0f} troops", f"“{text}”: low troops × low pay .. high × high"
    word = "about " if q == "approx" else ""
    return low, high, f"{word}{low:,.0f} troops", f"“{text}”: {word}{low:,.0f} troops as stated"


def scenario_totals(corpus: "Corpus", pay: pd.DataFrame, troops: list[str] | None = None,
                    pay_ids: list[str] | None = None) -> pd.DataFrame:
    """Troop numbers × pay per person, one row per pair from the same article.

    ``troops``: personnel figure ids (default: every figure counting troops or soldiers sent);
    ``pay_ids``: rows of ``pay`` to use (default: every row with a US-dollar value).
    ``total_low`` = fewest troops × lowest pay and ``total_high`` = most troops × highest pay,
    in target-year dollars (``total_nominal_*`` in the pay's own year). A bound on the troop
    number is taken at its bound and said so in ``troops_assumption``. Totals are for the
    pay's stated period (per person, a month, a year), as ``pay_rate`` says.
    """
    from .analysis import figure_context

    tf = troop_figures(corpus, troops)
    p = pay[(pay["usd_low"].notna() | pay["usd_high"].notna()) & (pay["scope"] == "per person")]
    if pay_ids:
        p = p[p["figure_id"].isin(pay_ids)]
    ctx = figure_context(corpus)
    source_of = dict(zip(ctx["figure_id"].tolist(), ctx["source"].tolist()))
    rows = []
    pay_of: dict[str, list[dict]] = {}   # once, not per troop figure
    for r in p.to_dict("records"):
        pay_of.setdefault(r["article_id"], []).append(r)
    for t in tf.sort_values(["article_id", "start"]).to_dict("records"):
        for r in pay_of.get(t["article_id"], []):
            t_low, t_high, t_label, t_assume = _troops_basis(t["qualifier"], t["text"], t["value_low"],
                                                             t["value_high"])
            pay_low = r["usd_low"] if pd.notna(r["usd_low"]) else r["usd_high"]
            pay_high = r["usd_high"] if pd.notna(r["usd_high"]) else r["usd_low"]
            target_low = r["usd_target_low"] if pd.notna(r["usd_target_low"]) else r["usd_target_high"]
            target_high = r["usd_target_high"] if pd.notna(r["usd_target_high"]) else r["usd_target_low"]
            year = r["reference_year"]
            pay_label = (_fmt_amount(r["usd_low"], r["usd_high"], "USD") + f" {RATE_SHORT[r['per']]}")
            pay_assume = (f"“{r['text']}” ({r['subject']}), {r['rate']}, in {year} dollars "
                          f"({r['reference_year_basis']}); {r['conversion']}")
            if pd.isna(target_low):
                target_low, target_high = pay_low, pay_high
                pay_assume += "; not adjusted for inflation (" + r["cpi_note"] + ")"
            else:
                pay_assume += f"; in {r['target_year']} dollars: {r['cpi_note']}"
            total_low, total_high = t_low * target_low, t_high * target_high
            bounds = {t["qualifier"], r["usd_qualifier"]} & {"upper_bound", "lower_bound"}
            total_q = bounds.pop() if len(bounds) == 1 else ("mixed bounds" if bounds else "range"
                                                             if total_high > total_low else "point")
            troop_src = source_of[t["figure_id"]]
            label = (f"{t_label} × {pay_label} = "
                     + (f"${total_low:,.0f}" if total_low == total_high else f"${total_low:,.0f}–${total_high:,.0f}")
                     + BOUND_NOTE.get(total_q, "")
                     + f" in {r['target_year']} dollars{TOTAL_PERIOD[r['per']]}")
            rows.append({
                "scenario": f"{t['figure_id'].rsplit('-', 1)[-1]} × {r['figure_id'].rsplit('-', 1)[-1]}",
                "article_id": t["article_id"], "troops_figure_id": t["figure_id"], "troops_text": t["text"],
                "troops_qualifier": t["qualifier"], "troops_low": t_low, "troops_high": t_high,
                "troops_label": t_label, "troops_assumption": t_assume, "pay_figure_id": r["figure_id"],
                "pay_text": r["text"], "pay_usd_low": pay_low, "pay_usd_high": pay_high, "pay_reference_year": year,
                "pay_rate": r["rate"], "pay_rate_short": RATE_SHORT[r["per"]],
                "total_period": TOTAL_PERIOD[r["per"]], "pay_label": pay_label,
                "pay_assumption": pay_assume, "target_year": int(r["target_year"]),
                "total_nominal_low": t_low * pay_low, "total_nominal_high": t_high * pay_high,
                "total_low": total_low, "total_high": total_high, "total_qualifier": total_q,
                "total_label": label,
                "assumptions": f"troops: {t_assume}. pay: {pay_assume}. troops from {troop_src}, pay from "
                               f"{r['source']}; the total is arithmetic, not a figure in the article.",
                "source": f"{troop_src} / {r['source']}", "outlet": r["outlet"], "title": r["title"],
                "published": r["published"]})
    df = pd.DataFrame(rows, columns=SCENARIO_COLUMNS)
    df = df.sort_values(["article_id", "troops_figure_id", "pay_figure_id"], kind="mergesort")
    # the same number of troops said twice in one article ("about 312,000", "some 312,000") is one scenario
    df = df.drop_duplicates(["article_id", "troops_label", "pay_figure_id"])
    return df.reset_index(drop=True)


def scenario_view(scen: pd.DataFrame) -> pd.DataFrame:
    """The scenario table for reading: the total with every assumption beside it."""
    return pd.DataFrame({
        "scenario": scen["scenario"],
        "total": [(f"${lo:,.0f}" if lo == hi else f"${lo:,.0f} – ${hi:,.0f}") + BOUND_NOTE.get(q, "")
                  + f" ({y} dollars)"
                  for lo, hi, q, y in zip(scen["total_low"], scen["total_high"], scen["total_qualifier"],
                                          scen["target_year"])],
        "period": scen["pay_rate"],
        "troops": scen["troops_label"],
        "pay": scen["pay_label"],
        "assumptions": ["troops: " + t + "; pay: " + p for t, p in zip(scen["troops_assumption"], scen["pay_assumption"])],
        "article": [short_article(a) for a in scen["article_id"]],
    })