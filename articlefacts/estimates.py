"""Estimates: the numbers of personnel and pay that sources put out, once each, with every mention.

Articles repeat an estimate under many names ("NIS", "South Korea's spy agency"), days apart.
:func:`figure_measures` gives every personnel and pay figure its canonical source (gazetteer
``sources.csv``), what it measures (gazetteer ``measures.csv``), its date and how it compares
with the reference record (:mod:`articlefacts.reference`). :func:`estimates` folds the figures
into one row per distinct estimate:

- same canonical source, measure, ``value_low``, ``value_high`` and ``qualifier`` (and for pay
  the currency and period) form a group;
- within a group, mentions sorted by date chain into one estimate while their date is at most
  :data:`CHAIN_DAYS` days after the estimate's first date; a later one starts a new estimate.
  Mentions without any date form one estimate of their group.

``estimate_id`` is ``e-`` and 8 hex digits of a hash of the group and the first date, so an
estimate keeps its id in every report and corpus in which its first mention is the same.
A figure's date is :func:`articlefacts.analysis.figure_context`'s (the first date of its sentence,
else the article's published date), except that a sentence date after publication is a target
("by December"), not when it was said, so the published date is used. It is compared with the
reference in force at the *end* of that date (a statement "last week" may be from any day of it),
never after publication: ``reference_date``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .gazetteer import PAY_PER, canonical_source, figure_measure
from .reference import ReferenceIndex, load_reference

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

CHAIN_DAYS = 7
ESTIMATE_COLUMNS = ["estimate_id", "source", "source_type", "measure", "value_low", "value_high", "qualifier",
                    "unit", "per", "date", "first_article", "articles", "article_ids", "figure_ids",
                    "reference_status", "reference_row", "reference_note"]
FIGURE_MEASURE_COLUMNS = ["figure_id", "article_id", "measure", "source", "source_type", "date", "reference_status",
                          "reference_row", "reference_note", "estimate_id", "claim_id", "text", "kind", "value_low",
                          "value_high", "qualifier", "unit", "per", "source_as_written", "certainty", "date_basis",
                          "reference_date", "published"]   # outlet and title: in the articles table


def _reference_index(reference: pd.DataFrame | ReferenceIndex | None) -> ReferenceIndex:
    if isinstance(reference, ReferenceIndex):
        return reference
    return ReferenceIndex(load_reference() if reference is None else reference)


def _dates(ctx: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    """date, date_basis and reference_date of each figure of a figure-context frame."""
    dates, bases, ref_dates = [], [], []
    for date, basis, start, end, published in zip(ctx["date"], ctx["date_basis"], ctx["claim_date_start"],
                                                  ctx["claim_date_end"], ctx["published"]):
        if start and published and start > published:
            date, basis = published, f"article published (the sentence's date {start} is after it: a target)"
            ref = published
        elif start:
            ref = min(end or start, published) if published else (end or start)
        else:
            ref = date
        dates.append(date)
        bases.append(basis)
        ref_dates.append(ref)
    return dates, bases, ref_dates


def figure_measures_from(ctx: pd.DataFrame, claims: pd.DataFrame,
                         reference: pd.DataFrame | ReferenceIndex | None = None) -> pd.DataFrame:
    """:func:`figure_measures` from a :func:`~articlefacts.analysis.figure_context` frame and the
    claims table (for the words around each figure); ``estimate_id`` is left empty."""
    index = _reference_index(reference)
    pick = (ctx["kind"] == "personnel") | ((ctx["kind"] == "money") & ctx["per"].isin(PAY_PER))
    df = ctx[pick].copy()
    sentences = claims[["claim_id", "start", "text"]].rename(columns={"start": "sentence_start", "text": "sentence"})
    df = df.merge(sentences, on="claim_id", how="left")
    measures = []
    for r in df[["kind", "unit", "per", "text", "subject", "value_low", "value_high", "start", "end", "sentence_start", "sentence"]
                ].itertuples(index=False):
        before = after = ""
        if isinstance(r.sentence, str) and pd.notna(r.sentence_start):
            s, e = int(r.start) - int(r.sentence_start), int(r.end) - int(r.sentence_start)
            if 0 <= s <= e <= len(r.sentence):
                before, after = r.sentence[:s], r.sentence[e:]
        amount = r.value_high if pd.notna(r.value_high) else r.value_low
        measures.append(figure_measure(r.kind, r.unit, r.per, r.text, before, after, r.subject,
                                       None if pd.isna(amount) else float(amount)))
    df["measure"] = measures
    canon = [canonical_source(s, t) for s, t in zip(df["source"], df["source_type"])]
    df["source_as_written"] = df["source"]
    df["source"] = [c[0] for c in canon]
    df["source_type"] = [c[1] for c in canon]
    df["date"], df["date_basis"], df["reference_date"] = _dates(df) if len(df) else ([], [], [])
    found = [index.status(m, lo, hi, q, d, s, u, p) if m != "other" else None
             for m, lo, hi, q, d, s, u, p in zip(df["measure"], df["value_low"], df["value_high"], df["qualifier"],
                                                 df["reference_date"], df["source"], df["unit"], df["per"])]
    df["reference_status"] = [f.status if f else "" for f in found]
    df["reference_row"] = pd.array([f.row if f else None for f in found], dtype="Int64")
    df["reference_note"] = [f.note if f else "" for f in found]
    df["estimate_id"] = ""
    df = df[FIGURE_MEASURE_COLUMNS]
    return df.sort_values(["article_id", "figure_id"], kind="mergesort").reset_index(drop=True)


def _fmt(v: float) -> str:
    return "" if pd.isna(v) else repr(float(v))


def estimate_id(source: str, measure: str, value_low: float, value_high: float, qualifier: str, unit: str,
                per: str, date: str) -> str:
    """``e-`` and 8 hex digits of a hash of an estimate's group and first date (stable across runs)."""
    key = "\x1f".join([source, measure, _fmt(value_low), _fmt(value_high), qualifier, unit, per, date])
    return "e-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b[:10]) - dt.date.fromisoformat(a[:10])).days


def estimates_from(fm: pd.DataFrame, reference: pd.DataFrame | ReferenceIndex | None = None
                   ) -> tuple[pd.DataFrame, pd.Series]:
    """The estimates table from a :func:`figure_measures_from` frame, and each figure's estimate id
    (a Series indexed like ``fm``; empty for figures that are no estimate: measure ``other``)."""
    index = _reference_index(reference)
    ids = pd.Series("", index=fm.index, dtype=object)
    df = fm[fm["measure"] != "other"].copy()
    if df.empty:
        return pd.DataFrame(columns=ESTIMATE_COLUMNS).astype({"articles": "int64"}), ids
    is_pay = df["measure"] == "pay"
    df["_cur"] = np.where(is_pay, df["unit"], "")
    df["_per"] = np.where(is_pay, df["per"], "")
    df["_lo"] = df["value_low"].map(_fmt)
    df["_hi"] = df["value_high"].map(_fmt)
    df["_undated"] = df["date"] == ""
    df["_nopub"] = df["published"] == ""
    group = ["source", "measure", "_lo", "_hi", "qualifier", "_cur", "_per"]
    df = df.sort_values(group + ["_undated", "date", "_nopub", "published", "article_id", "figure_id"],
                        kind="mergesort")
    # one linear pass over the sorted mentions: an estimate starts where the group changes or the
    # date is more than CHAIN_DAYS after the estimate's first date
    est_no: list[int] = []
    starts: list[int] = []
    key0: tuple | None = None
    date0 = ""
    for pos, (key, date) in enumerate(zip(zip(*(df[k] for k in group)), df["date"])):
        same = key0 is not None and key == key0 and (
            (date == "" and date0 == "") or (date != "" and date0 != "" and _days(date0, date) <= CHAIN_DAYS))
        if not same:
            starts.append(pos)
            key0, date0 = key, date
        est_no.append(len(starts) - 1)
    df["_est"] = est_no
    first = df.iloc[starts].reset_index(drop=True)
    # within an estimate, mentions in the order of their articles' publication
    order = df.sort_values(["_est", "_nopub", "published", "article_id", "figure_id"], kind="mergesort")
    by = order.groupby("_est", sort=True)
    article_ids = by["article_id"].agg(lambda s: " ".join(dict.fromkeys(s)))
    figure_ids = by["figure_id"].agg(" ".join)
    ids_of = [estimate_id(r["source"], r["measure"], r["value_low"], r["value_high"], r["qualifier"], r["_cur"],
                          r["_per"], r["date"]) for r in first.to_dict("records")]
    ids.loc[df.index] = [ids_of[n] for n in est_no]
    found = [index.status(m, lo, hi, q, d, src, cur, per) for m, lo, hi, q, d, src, cur, per in
             zip(first["measure"], first["value_low"], first["value_high"], first["qualifier"],
                 first["reference_date"], first["source"], first["_cur"], first["_per"])]
    first_unit, articles_of, figures_of = by["unit"].first().tolist(), article_ids.tolist(), figure_ids.tolist()
    rows = [{"estimate_id": ids_of[n], "source": r["source"], "source_type": r["source_type"],
             "measure": r["measure"], "value_low": r["value_low"], "value_high": r["value_high"],
             "qualifier": r["qualifier"], "unit": r["_cur"] or first_unit[n], "per": r["_per"],
             "date": r["date"], "first_article": articles_of[n].split(" ", 1)[0],
             "articles": len(articles_of[n].split(" ")), "article_ids": articles_of[n],
             "figure_ids": figures_of[n], "reference_status": f.status, "reference_row": f.row,
             "reference_note": f.note}
            for n, (r, f) in enumerate(zip(first.to_dict("records"), found))]
    out = pd.DataFrame(rows, columns=ESTIMATE_COLUMNS)
    out["reference_row"] = out["reference_row"].astype("Int64")
    out["articles"] = out["articles"].astype("int64")
    out = out.assign(_undated=out["date"] == "").sort_values(
        ["_undated", "date", "source", "measure", "estimate_id"], kind="mergesort").drop(columns="_undated")
    return out.reset_index(drop=True), ids


def figure_measures(corpus: "Corpus", reference: pd.DataFrame | ReferenceIndex | None = None) -> pd.DataFrame:
    """Every personnel figure and every money figure per person, month or year, one row each, with
    what it measures, its canonical source, its date, the estimate it belongs to and how it
    compares with the reference record (``reference_status``, ``reference_row``: the 1-based data
    row of ``load_reference()``, ``reference_note``: that row in words). Figures of measure
    ``other`` (workers, civilians, totals) are listed with no estimate and no comparison, so an
    article whose figures differ from the reference, or are left out, shows. Columns:
    :data:`FIGURE_MEASURE_COLUMNS`."""
    from .analysis import figure_context

    index = _reference_index(reference)
    fm = figure_measures_from(figure_context(corpus), corpus.claims, index)
    _, ids = estimates_from(fm, index)
    fm["estimate_id"] = ids
    return fm


def estimates(corpus: "Corpus", reference: pd.DataFrame | ReferenceIndex | None = None,
              measures: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per distinct estimate of the corpus (see the module docstring), sorted by date:
    :data:`ESTIMATE_COLUMNS`. ``reference_status`` (matches / within_range / higher / lower /
    no_reference) compares the estimate at its first mention's date with the reference record
    (``reference`` defaults to the shipped one); ``reference_row`` and ``reference_note`` name the
    row compared with. ``measures``: the corpus's :func:`figure_measures`, when already computed."""
    from .analysis import figure_context

    index = _reference_index(reference)
    fm = measures if measures is not None else figure_measures_from(figure_context(corpus), corpus.claims, index)
    out, _ = estimates_from(fm, index)
    return out


# --------------------------------------------------------------------------- the tables behind notebook 06

TROOP_MEASURES = ("deployed", "planned")
LOSS_MEASURES = ("casualties", "killed", "wounded", "captured")
TOP_SOURCES = 8   # a chart names this many sources (most mentioned first); the rest are 'other sources'
OTHER_SOURCES = "other sources"


def _mark(low: float, high: float, qualifier: str) -> tuple[str, float]:
    """How a value is drawn (point, range, upper_bound, lower_bound) and the number drawn for it."""
    if qualifier == "upper_bound" or (pd.isna(low) and pd.notna(high)):
        return "upper_bound", float(high)
    if qualifier == "lower_bound" or (pd.notna(low) and pd.isna(high)):
        return "lower_bound", float(low)
    if pd.notna(low) and pd.notna(high) and low != high:
        return "range", float("nan")
    return "point", float(low)


def timeline_data(est: pd.DataFrame, measures: tuple[str, ...], since: str = "",
                  top_sources: int = TOP_SOURCES) -> pd.DataFrame:
    """The dated estimates of ``measures`` on or after ``since`` (ISO date; '' = all), each with how
    it is drawn (``mark``, ``value`` as in :func:`articlefacts.analysis.troop_numbers_data`) and a
    ``source_label``: its canonical source, or 'other sources' beyond the ``top_sources`` most
    mentioned, so that a chart's key stays short at any corpus size."""
    df = est[est["measure"].isin(measures) & (est["date"] != "")]
    if since:
        df = df[df["date"] >= since]
    df = df.copy()
    marks = [_mark(lo, hi, q) for lo, hi, q in zip(df["value_low"], df["value_high"], df["qualifier"])]
    df["mark"] = [m for m, _ in marks]
    df["value"] = [v for _, v in marks]
    mentions = df.groupby("source")["articles"].sum().sort_values(ascending=False, kind="mergesort")
    named = set(mentions.index[:top_sources])
    df["source_label"] = [s if s in named else OTHER_SOURCES for s in df["source"]]
    return df.reset_index(drop=True)


def reference_steps(reference: pd.DataFrame, measures: tuple[str, ...], until: str) -> pd.DataFrame:
    """The reference record of ``measures`` as steps: each row holds from its ``date_reported`` until
    the next row of the same source and measure (else ``until``): start, end, source, measure,
    value_low, value_high, qualifier, mark, value, reference_row."""
    ref = reference[reference["measure"].isin(measures)].sort_values(["source", "measure", "date_reported"],
                                                                     kind="mergesort").copy()
    nxt = ref.groupby(["source", "measure"])["date_reported"].shift(-1)
    ref["start"] = ref["date_reported"]
    ref["end"] = nxt.fillna(max(until, ref["date_reported"].max() if len(ref) else until))
    marks = [_mark(lo, hi, q) for lo, hi, q in zip(ref["value_low"], ref["value_high"], ref["qualifier"])]
    ref["mark"] = [m for m, _ in marks]
    ref["value"] = [v for _, v in marks]
    cols = ["start", "end", "source", "measure", "value_low", "value_high", "qualifier", "mark", "value",
            "reference_row"]
    return ref[cols].sort_values(["start", "source"], kind="mergesort").reset_index(drop=True)


def _stated_numbers(df: pd.DataFrame) -> pd.Series:
    return df[["value_low", "value_high"]].apply(lambda r: [v for v in r if pd.notna(v)], axis=1)


def spread(est: pd.DataFrame, measures: tuple[str, ...] = TROOP_MEASURES + LOSS_MEASURES) -> pd.DataFrame:
    """How far sources differ at the same time: per month and measure, how many estimates and
    sources, the lowest and highest number stated (bounds count as the number they state), and
    who stated each. Months with estimates from one source only are left out."""
    df = est[est["measure"].isin(measures) & (est["date"] != "")].copy()
    cols = ["month", "measure", "estimates", "sources", "lowest", "lowest_source", "highest", "highest_source"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    df["month"] = df["date"].str[:7]
    df["lo"] = df[["value_low", "value_high"]].min(axis=1)
    df["hi"] = df[["value_low", "value_high"]].max(axis=1)
    rows = []
    for (month, measure), g in df.groupby(["month", "measure"], sort=True):
        if g["source"].nunique() < 2:
            continue
        lo, hi = g.loc[g["lo"].idxmin()], g.loc[g["hi"].idxmax()]
        rows.append({"month": month, "measure": measure, "estimates": len(g), "sources": g["source"].nunique(),
                     "lowest": lo["lo"], "lowest_source": lo["source"], "highest": hi["hi"],
                     "highest_source": hi["source"]})
    return pd.DataFrame(rows, columns=cols)


def differing(fm: pd.DataFrame) -> pd.DataFrame:
    """The figures whose number differs from the reference in force (``higher`` or ``lower``), with the
    article, what it says, who said it, and the reference row it differs from."""
    d = fm[fm["reference_status"].isin(["higher", "lower"])]
    return d[["article_id", "figure_id", "text", "measure", "source", "date", "reference_status",
              "reference_note"]].reset_index(drop=True)


def pay_side_by_side(est: pd.DataFrame, reference: pd.DataFrame, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every pay estimate of the articles beside every pay row of the reference record: who is paid
    (the first mention's subject, from ``figures`` = :func:`figure_measures` or a figures table),
    who says so, how much, per what, when, and where it comes from (an estimate id with its article
    count, or a reference row)."""
    from .views import figure_value

    p = est[est["measure"] == "pay"]
    r = reference[reference["measure"] == "pay"]
    subject = {}
    if figures is not None and "subject" in figures:
        subject = dict(zip(figures["figure_id"], figures["subject"].fillna("")))
    paid = [subject.get(str(f).split()[0], "") if f else "" for f in p["figure_ids"]]
    rows = [{"from": "articles", "who is paid": w, "source": s, "amount": f"{figure_value('money', lo, hi, q)} {u}",
             "per": per, "date": d, "where": f"{e} ({n} article{'s' if n != 1 else ''})",
             "reference_status": st}
            for w, s, lo, hi, q, u, per, d, e, n, st in zip(paid, p["source"], p["value_low"], p["value_high"],
                                                             p["qualifier"], p["unit"], p["per"], p["date"],
                                                             p["estimate_id"], p["articles"], p["reference_status"])]
    rows += [{"from": "reference record", "who is paid": "North Korean soldiers", "source": s, "amount": f"{figure_value('money', lo, hi, q)} {u}",
              "per": per, "date": d, "where": f"row {row}: {by}", "reference_status": ""}
             for s, lo, hi, q, u, per, d, row, by in zip(r["source"], r["value_low"], r["value_high"], r["qualifier"],
                                                         r["unit"], r["per"], r["date_reported"], r["reference_row"],
                                                         r["reported_by"])]
    cols = ["from", "who is paid", "source", "amount", "per", "date", "where", "reference_status"]
    return pd.DataFrame(rows, columns=cols).sort_values(["date", "from"], kind="mergesort").reset_index(drop=True)


def estimates_view(est: pd.DataFrame) -> pd.DataFrame:
    """The estimates table for reading: id, who, what, how many, when, in how many articles (and the
    first), and how it stands to the reference record. Every column is in ``data/estimates.csv``."""
    from .views import figure_value, short_article

    return pd.DataFrame({
        "estimate": est["estimate_id"],
        "source": est["source"],
        "measure": est["measure"],
        "value": [figure_value("personnel", lo, hi, q) + (f" {u}" + (f" per {p}" if p else "") if u else "")
                  for lo, hi, q, u, p in zip(est["value_low"], est["value_high"], est["qualifier"], est["unit"],
                                             est["per"])],
        "date": est["date"],
        "articles": est["articles"],
        "first article": [short_article(a) for a in est["first_article"]],
        "reference": [st if st == "no_reference" else f"{st} (row {row})"
                      for st, row in zip(est["reference_status"], est["reference_row"])],
    })


def summarize(est: pd.DataFrame, fm: pd.DataFrame) -> str:
    """A few sentences on the estimates: how many figures fold into how many distinct estimates, the
    most repeated one, and how many figures differ from the reference record."""
    counted = fm[fm["measure"] != "other"]
    if est.empty:
        return "No personnel or pay figure of the articles is an estimate with a measure (deployed, planned, " \
               "casualties, killed, wounded, captured or pay)."
    top = est.sort_values(["articles", "date"], ascending=[False, True], kind="mergesort").iloc[0]
    from .views import figure_value

    n_articles = counted["article_id"].nunique()
    lines = [f"{len(counted):,} personnel and pay figures in {n_articles:,} article{'s' if n_articles != 1 else ''} are "
             f"{len(est):,} distinct estimates from {est['source'].nunique():,} sources.",
             f"Most repeated: {top['source']}, {top['measure']} {figure_value('personnel', top['value_low'], top['value_high'], top['qualifier'])} "
             f"{top['unit']} ({top['date'] or 'undated'}), in {top['articles']:,} article(s)."]
    status = counted["reference_status"].value_counts()
    compared = int(status.drop("no_reference", errors="ignore").sum())
    differ = int(status.get("higher", 0) + status.get("lower", 0))
    lines.append(f"Against the reference record: {compared:,} figures compared, {differ:,} differ from the "
                 f"estimate in force at their date ({int(status.get('higher', 0)):,} higher, "
                 f"{int(status.get('lower', 0)):,} lower); {int(status.get('no_reference', 0)):,} have no "
                 f"reference estimate of their measure at their date.")
    return "\n".join(lines)
