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
                          "reference_date", "published", "outlet", "title"]


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
    rows = []
    members: list[int] = []
    first: dict | None = None

    def close() -> None:
        m = df.loc[members]
        order = m.sort_values(["_nopub", "published", "article_id", "figure_id"], kind="mergesort")
        eid = estimate_id(first["source"], first["measure"], first["value_low"], first["value_high"],
                          first["qualifier"], first["_cur"], first["_per"], first["date"])
        ids.loc[members] = eid
        found = index.status(first["measure"], first["value_low"], first["value_high"], first["qualifier"],
                             first["reference_date"], first["source"], first["_cur"], first["_per"])
        rows.append({"estimate_id": eid, "source": first["source"], "source_type": first["source_type"],
                     "measure": first["measure"], "value_low": first["value_low"],
                     "value_high": first["value_high"], "qualifier": first["qualifier"],
                     "unit": first["_cur"] or order.iloc[0]["unit"], "per": first["_per"], "date": first["date"],
                     "first_article": order.iloc[0]["article_id"], "articles": m["article_id"].nunique(),
                     "article_ids": " ".join(dict.fromkeys(order["article_id"])),
                     "figure_ids": " ".join(order["figure_id"]), "reference_status": found.status,
                     "reference_row": found.row, "reference_note": found.note})

    for i, r in zip(df.index, df.to_dict("records")):
        same = first is not None and all(r[k] == first[k] for k in group)
        if same and (r["date"] == first["date"] == "" or
                     (r["date"] and first["date"] and _days(first["date"], r["date"]) <= CHAIN_DAYS)):
            members.append(i)
            continue
        if first is not None:
            close()
        first, members = r, [i]
    close()
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


def estimates(corpus: "Corpus", reference: pd.DataFrame | ReferenceIndex | None = None) -> pd.DataFrame:
    """One row per distinct estimate of the corpus (see the module docstring), sorted by date:
    :data:`ESTIMATE_COLUMNS`. ``reference_status`` (matches / within_range / higher / lower /
    no_reference) compares the estimate at its first mention's date with the reference record
    (``reference`` defaults to the shipped one); ``reference_row`` and ``reference_note`` name the
    row compared with."""
    from .analysis import figure_context

    index = _reference_index(reference)
    out, _ = estimates_from(figure_measures_from(figure_context(corpus), corpus.claims, index), index)
    return out
