"""Extraction: one article's text and metadata in, its figures and claims tables out.

``extract_article`` is a pure function of (text, metadata): no files, no global
state, so a batch can be spread over processes (``extract_paths(jobs=2)``).
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .articles import Article, parse_layout
from .claims import Claim, extract_claims
from .errors import InputError
from .inputs.plan import Job, load, plan
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


def extract_article(text: str, article_id: str, published: dt.date | None = None,
                    body_start: int | None = None) -> Tables:
    """Figures and claims of one article, as two DataFrames with the SCHEMA.md columns.

    ``published`` anchors relative dates; without it they stay unresolved.
    ``body_start`` is where the body begins when the reader knows it (Markdown, web
    pages, datasets); without it the title and byline are found as in a ``.txt`` file.

    Two characters that no file reader produces but a caller's string may hold are
    replaced first, each by one character so every offset still indexes ``text``:
    a lone surrogate (U+D800-U+DFFF, which cannot be encoded as UTF-8 and would
    fail when the tables are written to CSV or Parquet) becomes U+FFFD, and a
    carriage return ``"\\r"`` (which CSV readers take for a row break) becomes
    ``"\\n"`` (so ``"\\r\\n"`` reads as a blank line). The ``text`` columns quote
    the text after these replacements.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, the only str that UTF-8 cannot encode
        import re

        text = re.sub("[\ud800-\udfff]", "\ufffd", text)
    text = text.replace("\r", "\n")
    layout = parse_layout(text, body_start)
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
    return extract_article(article.text, article.article_id, article.published, article.body_start)


# --------------------------------------------------------------------------- batches

ARTICLE_COLUMNS = ["article_id", "title", "author", "outlet", "published", "url", "source_file", "status",
                   "error"]


@dataclass(frozen=True)
class Outcome:
    """What became of one article in a batch: its tables, or the one-line error."""

    path: str
    article_id: str
    tables: Tables | None = None
    error: str = ""
    warning: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # title, author, outlet, published, url (+ extra columns)
    text: str = ""                     # the article text as read: what start/end index
    body_start: int | None = None      # where its body starts, when the reader knows
    digest: str = ""                   # the job's content hash (see inputs.plan)

    def record(self) -> dict[str, str]:
        """The article's row of the articles table."""
        m = self.meta
        return {"article_id": self.article_id, "title": m.get("title", ""), "author": m.get("author", ""),
                "outlet": m.get("outlet", ""), "published": m.get("published", ""), "url": m.get("url", ""),
                "source_file": self.path, "status": "failed" if self.error else "ok", "error": self.error}


def run_job(job: Job) -> Outcome:
    """Read and extract one planned article; any failure becomes this article's one-line error."""
    where = job.source_file + (f" line {job.line}" if job.line else "")
    if job.error:   # a dataset row that could not be read: its one-line error, as the reader wrote it
        return Outcome(job.source_file, job.article_id, error=job.error, digest=job.digest)
    try:
        article, warning = load(job)
    except InputError as exc:
        return Outcome(job.source_file, job.article_id, error=str(exc), digest=job.digest)
    base = Outcome(job.source_file, job.article_id, warning=warning, meta=article.meta, text=article.text,
                   body_start=article.body_start, digest=job.digest)
    try:
        return replace(base, tables=extract(article))
    except Exception as exc:  # a bug must not sink the batch: report it as this article's failure
        return replace(base, error=f"{where}: internal error while extracting ({type(exc).__name__}: {exc}); "
                                   f"please report it with this article")


def extract_paths(paths: list[str | Path], metadata: str | Path | None = None,
                  jobs: int = 1) -> tuple[list[Outcome], list[str]]:
    """Extract every article under ``paths`` (files, or folders read recursively; see
    :mod:`articlefacts.inputs` for the formats).

    Returns one Outcome per article, in a stable order, and batch-level warnings.
    Raises InputError only for problems that stop the whole batch (a missing
    path, a broken metadata table).
    """
    from .engines import local   # the one process-pool runner (it imports this module)

    work, warnings = plan(list(paths), metadata)
    return list(local(jobs, quiet=True)(work)), warnings


def articles_table(outcomes: list[Outcome]) -> pd.DataFrame:
    """One row per article: its metadata, source file, status and error (ARTICLE_COLUMNS)."""
    return pd.DataFrame([o.record() for o in outcomes], columns=ARTICLE_COLUMNS).fillna("").astype(str)


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
