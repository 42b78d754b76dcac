"""Tables for reading in a notebook: the columns a reader needs, ids shortened, values written out.

The full tables (every SCHEMA.md column, full ids) are the files in the report's ``data/``
folder and the Parquet store; these views only choose and format, so that a table fits a
1280-pixel window without wrapping a column to one word per line. A view never drops a row
and never changes a number: ``value`` is the figure's bounds written out, with its qualifier.
"""
from __future__ import annotations

import pandas as pd

ARTICLE_WIDTH = 22   # article ids longer than this are shown as head…tail (the tail keeps a collision suffix)


def short_article(article_id: str, width: int = ARTICLE_WIDTH) -> str:
    """An article id short enough for a table column: unchanged when it fits ``width``, else
    its first and last characters around '…' (``long_press_briefing_by_…e_2025~1a2b3c``)."""
    s = str(article_id)
    if len(s) <= width:
        return s
    tail = max(6, width // 3)
    return s[: width - tail - 1] + "…" + s[-tail:]


def short_ids(ids: object) -> str:
    """Figure or claim ids (one, or space separated) without their article prefix: ``f004 f005``."""
    return " ".join(i.rsplit("-", 1)[-1] for i in str(ids or "").split())


def _num(v: float) -> str:
    return "" if pd.isna(v) else (f"{v:,.0f}" if float(v) == int(v) else f"{v:,.6g}")


def figure_value(kind: str, low: float, high: float, qualifier: str, date_start: str = "", date_end: str = "") -> str:
    """A figure's value in words: '11,000–12,000', 'at most 12,000', 'about 1,500', '2024-10-14..2024-10-20'."""
    if kind == "date":
        return f"{date_start}..{date_end}" if date_start else "unresolved"
    if qualifier == "upper_bound" or (pd.isna(low) and pd.notna(high)):
        return f"at most {_num(high)}"
    if qualifier == "lower_bound" or (pd.notna(low) and pd.isna(high)):
        return f"at least {_num(low)}"
    if pd.notna(low) and pd.notna(high) and low != high:
        return f"{_num(low)}–{_num(high)}"
    return ("about " if qualifier == "approx" else "") + _num(low)


def _values(df: pd.DataFrame) -> list[str]:
    return [figure_value(k, lo, hi, q or "", ds or "", de or "") for k, lo, hi, q, ds, de in
            zip(df["kind"].tolist(), df["value_low"].tolist(), df["value_high"].tolist(), df["qualifier"].tolist(),
                df["date_start"].tolist(), df["date_end"].tolist())]


def _short(ids: pd.Series) -> list[str]:
    """:func:`short_ids` of a column (over plain lists: iterating Arrow-backed strings is slow)."""
    return [(i[i.rfind("-") + 1:] if " " not in i else short_ids(i)) if i else ""
            for i in ids.fillna("").astype(str).tolist()]


def _articles(ids: pd.Series, width: int = ARTICLE_WIDTH) -> list[str]:
    values = ids.astype(str).tolist()
    short = {a: short_article(a, width) for a in set(values)}
    return [short[a] for a in values]


def _head(df: pd.DataFrame, with_article: bool) -> dict[str, object]:
    return {"article": _articles(df["article_id"])} if with_article else {}


def _source(source: pd.Series, stype: pd.Series) -> pd.Series:
    source, stype = source.fillna("").astype(str), stype.fillna("").astype(str)
    plain = (stype == "author") | (stype == source)
    return source.where(plain, source + " (" + stype + ")")


def figure_view(figures: pd.DataFrame, with_article: bool = True) -> pd.DataFrame:
    """Figures for reading: article, figure, as written, kind, value, unit (with its rate), subject, claim."""
    unit, per = figures["unit"].fillna("").astype(str), figures["per"].fillna("").astype(str)
    return pd.DataFrame({
        **_head(figures, with_article),
        "figure": _short(figures["figure_id"]),
        "as written": figures["text"],
        "kind": figures["kind"],
        "value": _values(figures),
        "unit": unit.where(per == "", unit + " per " + per),
        "subject": figures["subject"],
        "claim": _short(figures["claim_id"]),
    }, index=figures.index).reset_index(drop=True)


def claim_view(claims: pd.DataFrame, with_article: bool = True) -> pd.DataFrame:
    """Claims for reading: article, claim, sentence, source (type), cue, certainty, figures in it."""
    return pd.DataFrame({
        **_head(claims, with_article),
        "claim": _short(claims["claim_id"]),
        "sentence": claims["text"],
        "source": _source(claims["source"], claims["source_type"]),
        "cue": claims["cue"],
        "certainty": claims["certainty"],
        "figures": _short(claims["figure_ids"]),
    }, index=claims.index).reset_index(drop=True)


def troop_view(troops: pd.DataFrame) -> pd.DataFrame:
    """Personnel figures (from :func:`articlefacts.analysis.troop_numbers_data`) for reading: article,
    figure, as written, value, date and why that date, source (type), certainty."""
    return pd.DataFrame({
        "article": _articles(troops["article_id"]),
        "figure": _short(troops["figure_id"]),
        "as written": troops["text"],
        "value": [figure_value("personnel", lo, hi, q or "") for lo, hi, q in
                  zip(troops["value_low"].tolist(), troops["value_high"].tolist(), troops["qualifier"].tolist())],
        "date": troops["date"],
        "why that date": troops["date_basis"],
        "source": _source(troops["source"], troops["source_type"]),
        "certainty": troops["certainty"],
    }, index=troops.index).reset_index(drop=True)


def first_rows(table: pd.DataFrame, what: str, where: str, n: int = 200) -> tuple[pd.DataFrame, str]:
    """The first ``n`` rows of ``table`` to show, and a line saying whether that is all of them
    (a view of a 780,000-row table would cost seconds to build and show only its ends anyway)."""
    if len(table) <= n:
        return table, f"All {len(table):,} {what}; every column with full ids: {where}."
    return table.head(n), f"The first {n} of {len(table):,} {what}; all of them, every column: {where}."
