"""Analysis: the tables behind every chart and summary, built from a corpus, with no drawing.

Charts (``charts.py``) draw what these functions return; pay arithmetic (``pay.py``) and the
notebooks use them directly. Nothing here imports matplotlib.
"""
from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

SOURCE_TYPES = ["intelligence", "government", "military", "international_org", "media", "expert", "author", "other"]
CERTAINTIES = ["asserted", "reported", "hedged"]

MARKS = {"exact": "point", "approx": "point", "range": "range", "upper_bound": "upper_bound",
         "lower_bound": "lower_bound"}
# Units of personnel figures that count people sent (not casualties or deaths).
DEPLOYED_UNITS = frozenset({"troops", "soldiers", "men", "personnel", "forces", "fighters", "servicemen", "troop",
                            "soldier", "workers", "technicians", "engineers", "officers"})
TROOP_COLUMNS = ["article_id", "figure_id", "claim_id", "text", "subject", "unit", "qualifier", "mark",
                 "value_low", "value_high", "value", "date", "date_basis", "source", "source_type", "certainty",
                 "outlet", "title", "published"]



# --------------------------------------------------------------------------- context shared by the charts

def short_id(figure_or_claim_id: str) -> str:
    """``000_386969d4a653bff8-f004`` -> ``f004`` (the part after the article id)."""
    return str(figure_or_claim_id).rsplit("-", 1)[-1]


def short_source(source: str, width: int = 30) -> str:
    """A source name short enough for a chart label: its acronym in brackets when it has one."""
    source = str(source or "")
    m = re.search(r"\(([A-Z][A-Za-z]*[A-Z])\)\s*$", source)
    if m:
        return m.group(1)
    return source if len(source) <= width else source[: width - 1].rstrip() + "…"


def claim_dates(corpus: "Corpus") -> pd.DataFrame:
    """The first resolved date figure of each claim: claim_id, date_figure_id, date_text,
    claim_date_start, claim_date_end."""
    figs = corpus.figures
    dates = figs[(figs["kind"] == "date") & (figs["date_start"] != "") & (figs["claim_id"] != "")]
    dates = dates.sort_values(["article_id", "start"]).drop_duplicates("claim_id")
    return dates.rename(columns={"figure_id": "date_figure_id", "text": "date_text", "date_start": "claim_date_start",
                                 "date_end": "claim_date_end"})[
        ["claim_id", "date_figure_id", "date_text", "claim_date_start", "claim_date_end"]].reset_index(drop=True)


def figure_context(corpus: "Corpus") -> pd.DataFrame:
    """Every figure with its claim (source, source type, certainty), its article (outlet, title,
    published) and the claim's date (the first date figure in the same sentence, if any).

    ``date`` is that date figure's start, else the article's published date, else empty;
    ``date_basis`` says which, with the figure id. Computed once per corpus (the caller gets a copy).
    """
    if "figure_context" not in corpus.cache:
        corpus.cache["figure_context"] = _figure_context(corpus)
    return corpus.cache["figure_context"].copy()


def _figure_context(corpus: "Corpus") -> pd.DataFrame:
    figs = corpus.figures.copy()
    claims = corpus.claims[["claim_id", "source", "source_type", "cue", "certainty"]]
    arts = corpus.articles[["article_id", "title", "outlet", "published"]]
    out = figs.merge(claims, on="claim_id", how="left").merge(arts, on="article_id", how="left")
    out = out.merge(claim_dates(corpus), on="claim_id", how="left")
    for col in ("source", "source_type", "cue", "certainty", "title", "outlet", "published", "date_figure_id",
                "date_text", "claim_date_start", "claim_date_end"):
        out[col] = out[col].fillna("").astype(str)
    # a figure outside any claim (e.g. in a question) has no attribution
    out.loc[out["claim_id"] == "", ["source", "source_type", "certainty"]] = ["(not a claim)", "other", "asserted"]
    dated = out["claim_date_start"] != ""
    out["date"] = np.where(dated, out["claim_date_start"], out["published"])
    out["date_basis"] = np.where(
        dated,
        "claim date: “" + out["date_text"] + "” (" + out["date_figure_id"].map(short_id) + ", "
        + out["claim_date_start"] + ".." + out["claim_date_end"] + ")",
        np.where(out["published"] != "", "article published", "no date"))
    return out


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    key = df.assign(_undated=df["date"] == "")
    return (key.sort_values(["_undated", "date", "article_id", "figure_id"], kind="mergesort")
            .drop(columns="_undated").reset_index(drop=True))



# --------------------------------------------------------------------------- how much a chart shows

CHART_ROWS = 30   # a chart with one row per figure shows at most this many; the tables hold them all


def capped(data: pd.DataFrame, limit: int, rank: list[tuple[str, bool]], group: str | None = None
           ) -> tuple[pd.DataFrame, str]:
    """At most ``limit`` rows (or groups of rows sharing ``group``) of ``data``, chosen by ``rank``
    ((column, ascending) pairs) and kept in their original order; and a note saying so ('' when
    all fit). Keeps a chart readable at any corpus size."""
    keys = list(dict.fromkeys(data[group])) if group else list(range(len(data)))
    if len(keys) <= limit:
        return data, ""
    ranked = data.assign(_pos=range(len(data)))
    if rank:
        ranked = ranked.sort_values([c for c, _ in rank], ascending=[a for _, a in rank], kind="mergesort")
    chosen = list(dict.fromkeys(ranked[group] if group else ranked["_pos"]))[:limit]
    keep = data[group].isin(chosen) if group else ranked.sort_values("_pos")["_pos"].isin(chosen).to_numpy()
    return data[keep], f"{limit} of {len(keys)} shown (the table and data/ hold them all)"


# --------------------------------------------------------------------------- troop numbers

def troop_numbers_data(corpus: "Corpus") -> pd.DataFrame:
    """Every personnel figure with what is drawn for it.

    ``mark`` is ``point`` (exact or approx; ``value`` is the number), ``range``
    (``value_low``..``value_high``), ``upper_bound`` (``value`` = ``value_high``,
    drawn as an arrow towards fewer) or ``lower_bound`` (``value`` = ``value_low``,
    drawn as an arrow towards more). Rows are sorted by date, article, figure id.
    """
    ctx = figure_context(corpus)
    df = ctx[ctx["kind"] == "personnel"].copy()
    df["mark"] = df["qualifier"].map(MARKS).fillna("point")
    # a range or point with a missing end is drawn as the bound it is
    df.loc[(df["mark"] != "upper_bound") & df["value_low"].isna() & df["value_high"].notna(), "mark"] = "upper_bound"
    df.loc[(df["mark"] != "lower_bound") & df["value_high"].isna() & df["value_low"].notna(), "mark"] = "lower_bound"
    df["value"] = np.where(df["mark"] == "upper_bound", df["value_high"], df["value_low"])
    df.loc[df["mark"] == "range", "value"] = np.nan
    return _sorted(df[TROOP_COLUMNS])


def troop_timeline_data(corpus: "Corpus", since: str = "", units: frozenset[str] | set[str] = DEPLOYED_UNITS
                        ) -> pd.DataFrame:
    """The troop-number estimates for a timeline by date and source: personnel figures that
    count people sent (``unit`` in ``units``: troops, soldiers, ...; not casualties) and have a
    date (the claim's date, else the article's published date) on or after ``since``
    (ISO date; empty = no limit). Same columns as :func:`troop_numbers_data`, sorted by date."""
    df = troop_numbers_data(corpus)
    keep = (df["date"] != "") & df["unit"].isin(units)
    if since:
        keep &= df["date"] >= since
    return df[keep].reset_index(drop=True)


def summarize_troops(data: pd.DataFrame, limit: int = 20) -> str:
    """One line per personnel figure in words: '2024-10-14  NIS (intelligence, reported): 1,500 troops [f002]';
    the first ``limit`` of them and how many more there are."""
    if data.empty:
        return "No personnel figures in these articles."
    lines = []
    for r in data.head(limit).itertuples():
        what = {"point": "", "range": " (a range)", "upper_bound": " (an upper bound: at most)",
                "lower_bound": " (a lower bound: at least)"}[r.mark]
        lines.append(f"{r.date or 'undated'}  {short_source(r.source, 40)} ({r.source_type}, {r.certainty}): "
                     f"“{r.text}”{what}  [{r.article_id} {short_id(r.figure_id)}]")
    if len(data) > limit:
        lines.append(f"… and {len(data) - limit} more (all in the table below and in data/figures.csv)")
    return "\n".join(lines)



PAY_CHART_COLUMNS = ["article_id", "figure_id", "text", "subject", "source", "series", "mark", "value_low",
                     "value_high", "value", "currency_year", "rate", "outlet", "title", "published"]


def pay_chart_data(pay: pd.DataFrame) -> pd.DataFrame:
    """What the pay chart draws, from :func:`articlefacts.pay.pay_table`: per figure two rows,
    ``series`` ``nominal`` (US dollars of the reference year) and ``constant`` (dollars of the
    target year); figures not in US dollars and not converted by the article, and totals
    (``scope`` not 'per person'), are left out."""
    rows = []
    for r in pay.itertuples():
        if (pd.isna(r.usd_low) and pd.isna(r.usd_high)) or r.scope != "per person":
            continue
        mark = MARKS.get(r.usd_qualifier, "point")
        series = [("nominal", r.usd_low, r.usd_high, r.reference_year),
                  ("constant", r.usd_target_low, r.usd_target_high, r.target_year)]
        for name, low, high, year in series:
            if pd.isna(low) and pd.isna(high):
                continue
            value = high if mark == "upper_bound" else low
            rows.append({"article_id": r.article_id, "figure_id": r.figure_id, "text": r.text,
                         "subject": r.subject, "source": r.source, "series": name, "mark": mark,
                         "value_low": low, "value_high": high, "value": np.nan if mark == "range" else value,
                         "currency_year": int(year) if pd.notna(year) else pd.NA, "rate": r.rate,
                         "outlet": r.outlet, "title": r.title, "published": r.published})
    df = pd.DataFrame(rows, columns=PAY_CHART_COLUMNS)
    return df.sort_values(["article_id", "figure_id", "series"], ascending=[True, True, False],
                          kind="mergesort").reset_index(drop=True)



# --------------------------------------------------------------------------- claims and sourcing

def select_articles(corpus: "Corpus", article_ids: list[str]) -> "Corpus":
    """The part of a corpus about ``article_ids`` (same tables, fewer rows)."""
    from .corpus import Corpus

    def pick(df: pd.DataFrame) -> pd.DataFrame:
        return df[df["article_id"].isin(article_ids)].reset_index(drop=True)

    return Corpus(pick(corpus.articles), pick(corpus.figures), pick(corpus.claims), corpus.warnings)


def hedged_shares(corpus: "Corpus") -> pd.DataFrame:
    """Per source type, and for all claims: claims, hedged claims, hedged share (0..1)."""
    c = corpus.claims
    rows = []
    present = set(c["source_type"])
    order = [t for t in SOURCE_TYPES if t in present] + sorted(present - set(SOURCE_TYPES))
    counts = c.assign(_h=c["certainty"] == "hedged").groupby("source_type")["_h"].agg(["size", "sum"])
    totals = {t: (int(counts.loc[t, "size"]), int(counts.loc[t, "sum"])) for t in order}
    totals["all"] = (len(c), int((c["certainty"] == "hedged").sum()))
    for stype in order + ["all"]:
        n, hedged = totals[stype]
        rows.append({"source_type": stype, "claims": n, "hedged": hedged,
                     "hedged_share": round(hedged / n, 2) if n else float("nan")})
    return pd.DataFrame(rows, columns=["source_type", "claims", "hedged", "hedged_share"])


def summarize_sourcing(corpus: "Corpus", limit: int = 20) -> str:
    """Claims in words: how many, how many attributed, how many hedged, which sources carry figures
    (the first ``limit``)."""
    c = corpus.claims
    if c.empty:
        return "No claims in these articles."
    attributed = int((c["source_type"] != "author").sum())
    hedged = int((c["certainty"] == "hedged").sum())
    lines = [f"{len(c)} claims in {c['article_id'].nunique()} article(s): {attributed} attributed to a source "
             f"({attributed / len(c):.0%}), {hedged} hedged ({hedged / len(c):.0%})."]
    carriers = figures_by_source(corpus)
    carriers = carriers[carriers["figures"] > 0]
    for r in carriers.head(limit).itertuples():
        lines.append(f"  {short_source(r.source, 40)} ({r.source_type}): {r.figures} figure(s): "
                     f"{textwrap.shorten(r.figures_as_written, 90, placeholder=' …')}  [{r.article_id}]")
    if len(carriers) > limit:
        lines.append(f"  … and {len(carriers) - limit} more sources with figures (the table below lists them all)")
    return "\n".join(lines)


def figures_by_source(corpus: "Corpus") -> pd.DataFrame:
    """Which sources carry which figures: one row per article and source, with its source type,
    claims, hedged claims and the non-date figures in its sentences (ids and text as written).
    Sorted by source type, then by number of figures (most first), article and source. Computed
    once per corpus (the caller gets a copy)."""
    if "figures_by_source" not in corpus.cache:
        corpus.cache["figures_by_source"] = _figures_by_source(corpus)
    return corpus.cache["figures_by_source"].copy()


def _figures_by_source(corpus: "Corpus") -> pd.DataFrame:
    c = corpus.claims
    f = corpus.figures[(corpus.figures["kind"] != "date") & (corpus.figures["claim_id"] != "")]
    f = f.merge(c[["claim_id", "source"]], on="claim_id", how="left")
    keys = ["article_id", "source"]
    per = (c.assign(_hedged=c["certainty"] == "hedged").groupby(keys, sort=True)
           .agg(source_type=("source_type", "first"), claims=("claim_id", "size"), hedged=("_hedged", "sum"))
           .reset_index())
    f = f.sort_values(["article_id", "source", "start"], kind="mergesort")
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}   # over plain lists: linear and quick
    for aid, src, fid, text in zip(f["article_id"].tolist(), f["source"].tolist(), f["figure_id"].tolist(),
                                   f["text"].tolist()):
        ids, texts = groups.setdefault((aid, src), ([], []))
        ids.append(short_id(fid))
        texts.append(text)
    carried = pd.DataFrame([{"article_id": a, "source": src, "figures": len(ids), "figure_ids": " ".join(ids),
                             "figures_as_written": " · ".join(texts)} for (a, src), (ids, texts) in groups.items()],
                           columns=[*keys, "figures", "figure_ids", "figures_as_written"])
    df = per.merge(carried, on=keys, how="left")
    df["figures"] = df["figures"].fillna(0).astype("int64")
    df["hedged"] = df["hedged"].astype("int64")
    df[["figure_ids", "figures_as_written"]] = df[["figure_ids", "figures_as_written"]].fillna("")
    df = df[["article_id", "source", "source_type", "claims", "hedged", "figures", "figure_ids", "figures_as_written"]]
    order = {t: i for i, t in enumerate(SOURCE_TYPES)}
    df["_o"] = df["source_type"].map(order).fillna(99)
    df = df.sort_values(["_o", "figures", "article_id", "source"], ascending=[True, False, True, True],
                        kind="mergesort")
    return df.drop(columns="_o").reset_index(drop=True)


def claims_by_source_data(corpus: "Corpus") -> pd.DataFrame:
    """Claims counted by source type and certainty: source_type, certainty, claims, share of that
    source type's claims, and the article and claim ids behind each count (every type x certainty
    pair present, sorted)."""
    c = corpus.claims
    rows = []
    for (stype, cert), grp in c.groupby(["source_type", "certainty"], sort=True):
        top = grp["source"].value_counts()
        top = top.iloc[np.lexsort((top.index.to_numpy(), -top.to_numpy()))]   # most claims first, then by name
        rows.append({"source_type": stype, "certainty": cert, "claims": len(grp),
                     "articles": grp["article_id"].nunique(),
                     "top_sources": "; ".join(f"{k} ({v})" for k, v in top.head(5).items())
                                    + (f"; … {len(top) - 5} more" if len(top) > 5 else ""),
                     "article_id": " ".join(dict.fromkeys(grp["article_id"].tolist())),
                     "claim_ids": " ".join(grp["claim_id"].tolist()),
                     "sources": "; ".join(sorted(set(grp["source"].tolist())))})
    df = pd.DataFrame(rows, columns=["source_type", "certainty", "claims", "articles", "top_sources", "article_id",
                                     "claim_ids", "sources"])
    if df.empty:
        return df.assign(share=pd.Series(dtype="float64"))
    df["share"] = (df["claims"] / df.groupby("source_type")["claims"].transform("sum")).round(2)
    order = {t: i for i, t in enumerate(SOURCE_TYPES)}
    corder = {t: i for i, t in enumerate(CERTAINTIES)}
    df = df.sort_values(by=["source_type", "certainty"],
                        key=lambda s: s.map(order if s.name == "source_type" else corder).fillna(99),
                        kind="mergesort")
    return df.reset_index(drop=True)


