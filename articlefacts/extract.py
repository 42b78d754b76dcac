"""Extraction: one article's text and metadata in, its figures and claims tables out.

``extract_article`` is a pure function of (text, metadata): no files, no global
state, so a batch can be spread over processes (``extract_paths(jobs=2)``).
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .articles import Article, MetadataRow, find_articles, load_article, parse_layout, read_metadata, METADATA_NAME
from .claims import Claim, extract_claims
from .errors import InputError
from .figures import Figure, extract_figures
from .numbers import fmt_value
from .sentences import is_question, split_sentences

FIGURE_COLUMNS = ["article_id", "figure_id", "start", "end", "text", "kind", "value_low", "value_high",
                  "qualifier", "unit", "per", "date_start", "date_end", "subject", "claim_id"]
CLAIM_COLUMNS = ["article_id", "claim_id", "start", "end", "text", "source", "source_type", "cue", "certainty",
                 "figure_ids"]


@dataclass(frozen=True)
class Tables:
    """The two tables of one article or a corpus."""

    figures: pd.DataFrame
    claims: pd.DataFrame


def empty_tables() -> Tables:
    """Tables with their columns and no rows."""
    return Tables(_frame([], FIGURE_COLUMNS), _frame([], CLAIM_COLUMNS))


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    for col in ("start", "end"):
        df[col] = df[col].astype("int64")
    for col in ("value_low", "value_high"):
        if col in df:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    text_cols = [c for c in columns if c not in ("start", "end", "value_low", "value_high")]
    df[text_cols] = df[text_cols].fillna("").astype(str)
    return df


def extract_article(text: str, article_id: str, published: dt.date | None = None) -> Tables:
    """Figures and claims of one article, as two DataFrames with the SCHEMA.md columns.

    ``published`` anchors relative dates; without it they stay unresolved.
    """
    layout = parse_layout(text)
    sentences = [s for p in layout.paragraphs for s in split_sentences(text, *p)]
    claim_spans = [s for s in sentences if not is_question(text[s[0]:s[1]])]
    figures = extract_figures(text, list(layout.paragraphs), sentences, published)
    claims = extract_claims(text, claim_spans, list(layout.paragraphs))
    return _tables(text, article_id, figures, claims)


def _tables(text: str, aid: str, figures: list[Figure], claims: list[Claim]) -> Tables:
    claim_ids = {(c.start, c.end): f"{aid}-c{i:03d}" for i, c in enumerate(claims, 1)}
    starts = [c.start for c in claims]
    fig_rows, members = [], {cid: [] for cid in claim_ids.values()}
    for i, f in enumerate(figures, 1):
        fid = f"{aid}-f{i:03d}"
        k = bisect.bisect_right(starts, f.start) - 1  # the last claim starting at or before the figure
        owner = ""
        if k >= 0 and f.end <= claims[k].end:
            owner = claim_ids[(claims[k].start, claims[k].end)]
        if owner:
            members[owner].append(fid)
        fig_rows.append({
            "article_id": aid, "figure_id": fid, "start": f.start, "end": f.end, "text": text[f.start:f.end],
            "kind": f.kind, "value_low": fmt_value(f.value_low) if f.kind != "date" else "",
            "value_high": fmt_value(f.value_high) if f.kind != "date" else "",
            "qualifier": f.qualifier if f.kind != "date" else "", "unit": f.unit if f.kind != "date" else "",
            "per": f.per, "date_start": f.date_start, "date_end": f.date_end,
            "subject": f.subject if f.kind != "date" else "", "claim_id": owner})
    claim_rows = []
    for c in claims:
        cid = claim_ids[(c.start, c.end)]
        claim_rows.append({
            "article_id": aid, "claim_id": cid, "start": c.start, "end": c.end, "text": text[c.start:c.end],
            "source": c.source, "source_type": c.source_type, "cue": c.cue, "certainty": c.certainty,
            "figure_ids": " ".join(members[cid])})
    return Tables(_frame(fig_rows, FIGURE_COLUMNS), _frame(claim_rows, CLAIM_COLUMNS))


def extract(article: Article) -> Tables:
    """The tables of a loaded :class:`Article`."""
    return extract_article(article.text, article.article_id, article.published)


# --------------------------------------------------------------------------- batches

@dataclass(frozen=True)
class Outcome:
    """What became of one article in a batch: its tables, or the one-line error."""

    path: str
    article_id: str
    tables: Tables | None = None
    error: str = ""
    warning: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # its metadata row (title, outlet, published, ...)


def _metadata_for(paths: list[Path], metadata: str | Path | None) -> tuple[dict[str, MetadataRow], str, list[str]]:
    """Rows by article id, the metadata path used, and warnings."""
    warnings: list[str] = []
    if metadata is not None:
        return read_metadata(metadata), str(metadata), warnings
    rows: dict[str, MetadataRow] = {}
    used = ""
    for folder in sorted({p.parent for p in paths}):
        candidate = folder / METADATA_NAME
        if candidate.is_file():
            rows.update(read_metadata(candidate))
            used = str(candidate)
        else:
            warnings.append(f"{candidate}: no metadata table; relative dates stay unresolved")
    return rows, used, warnings


def _one(job: tuple[str, MetadataRow | None, str]) -> Outcome:
    path, row, meta_path = job
    aid = Path(path).stem
    try:
        article = load_article(path, row, meta_path)
        warning = "" if row is not None else f"{path}: no row in the metadata table; relative dates stay unresolved"
        if row is not None and article.published is None:
            warning = f"{meta_path} line {row.line}: no published date for {aid}; relative dates stay unresolved"
        return Outcome(path, aid, extract(article), warning=warning)
    except InputError as exc:
        return Outcome(path, aid, error=str(exc))
    except Exception as exc:  # a bug must not sink the batch: report it as this article's failure
        return Outcome(path, aid, error=f"{path}: internal error while extracting ({type(exc).__name__}: {exc}); "
                                        f"please report it with this article")


def extract_paths(paths: list[str | Path], metadata: str | Path | None = None,
                  jobs: int = 1) -> tuple[list[Outcome], list[str]]:
    """Extract every article under ``paths`` (files or folders of ``.txt``).

    Returns one Outcome per article, in path order, and batch-level warnings.
    Raises InputError only for problems that stop the whole batch (a missing
    path, a broken metadata table).
    """
    files = find_articles(list(paths))
    rows, meta_path, warnings = _metadata_for(files, metadata)
    work = [(str(p), rows.get(p.stem), meta_path) for p in files]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outcomes = list(pool.map(_one, work, chunksize=max(1, len(work) // (jobs * 4))))
    else:
        outcomes = [_one(w) for w in work]
    outcomes = [replace(o, meta=dict(rows[o.article_id].fields)) if o.article_id in rows else o for o in outcomes]
    return outcomes, warnings


def combine(outcomes: list[Outcome]) -> Tables:
    """One pair of tables for all articles that succeeded, in article order."""
    ok = [o.tables for o in outcomes if o.tables is not None]
    if not ok:
        return empty_tables()
    return Tables(pd.concat([t.figures for t in ok], ignore_index=True),
                  pd.concat([t.claims for t in ok], ignore_index=True))


def default_jobs() -> int:
    """Worker processes for a batch: the machine's cores, at most 2 by default here."""
    return max(1, min(2, os.cpu_count() or 1))
