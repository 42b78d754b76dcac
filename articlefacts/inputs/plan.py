"""From the paths a user gives to one :class:`Job` per article, with its final id.

Ids: a file's id is its stem, a dataset row's the row's ``id`` (else
``<file stem>-<line>``), made safe for lists (:func:`safe_id`) and unique
across the batch (:func:`unique_ids`). Metadata precedence: a row of
``articles.csv`` in the input's folder (or of ``--metadata``) overrides what
the file says; the file's own metadata fills the rest.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from ..articles import Article, MetadataRow, parse_published, read_metadata
from ..errors import InputError
from . import METADATA_NAME, Found, discover, safe_id, unique_ids
from .readers import DATASET_READERS, FILE_READERS, META_KEYS as KEYS, Draft


@dataclass(frozen=True)
class Job:
    """One article to read and extract."""

    article_id: str
    source_file: str                 # the file as given (a dataset's rows share it)
    kind: str                        # text, markdown, html, jsonl, csv
    line: int = 0                    # a dataset row's line, else 0
    row: MetadataRow | None = None   # its row in a metadata table, if any
    row_file: str = ""               # that table
    draft: Draft | None = None       # a dataset row, already read
    error: str = ""                  # a dataset row that could not be read
    digest: str = ""                 # sha256 of what extraction depends on (file bytes or row, metadata row)
    data: bytes | None = None        # the file's bytes, when the worker cannot read the file itself (Dask)


def _tables_for(found: list[Found], metadata: str | Path | None) -> dict[Path, tuple[dict[str, MetadataRow], str]]:
    """The metadata table of each folder that holds inputs (or the one given for all)."""
    if metadata is not None:
        rows = read_metadata(metadata)
        return {f.path.parent: (rows, str(metadata)) for f in found}
    out: dict[Path, tuple[dict[str, MetadataRow], str]] = {}
    for folder in sorted({f.path.parent for f in found}):
        table = folder / METADATA_NAME
        out[folder] = (read_metadata(table), str(table)) if table.is_file() else ({}, "")
    return out


def _row_for(rows: dict[str, MetadataRow], *keys: str) -> MetadataRow | None:
    for k in keys:
        if k and k in rows:
            return rows[k]
    return None


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(len(p).to_bytes(8, "little"))
        h.update(p)
    return h.hexdigest()


def _row_bytes(row: MetadataRow | None) -> bytes:
    return repr(sorted(row.fields.items())).encode("utf-8") if row else b""


def plan(paths: list[str | Path], metadata: str | Path | None = None) -> tuple[list[Job], list[str]]:
    """Every article under ``paths`` as a Job, in a stable order, and batch warnings.

    Raises InputError only for what stops the whole batch: a missing path, a folder
    without articles, a broken metadata table, an unreadable dataset file.
    """
    found, warnings = discover(list(paths))
    tables = _tables_for(found, metadata)
    # where an input is, for ids that collide: the same whether the folder is given as "seeds" or
    # "../x/seeds" (notebooks and the report name it from different folders); with several paths,
    # the folder's resolved path tells apart files of the same name in two of them
    several = len(paths) > 1
    where = {f.path: (f.path.resolve().as_posix() if several else f.origin) for f in found}
    pending: list[tuple[str, str, Job]] = []   # (base id, origin, job without final id)
    for f in found:
        rows, table = tables[f.path.parent]
        if f.kind in DATASET_READERS:
            for r in DATASET_READERS[f.kind](f.path):
                base = safe_id(r.given_id) if r.given_id else f"{safe_id(f.path.stem)}-{r.line}"
                row = _row_for(rows, r.given_id, base)
                payload = repr((r.draft, r.error)).encode("utf-8")
                job = Job("", str(f.path), f.kind, r.line, row, table if row else "", r.draft, r.error,
                          _digest(payload, _row_bytes(row)))
                pending.append((base, f"{where[f.path]}#{r.line}", job))
        else:
            base = safe_id(f.path.stem)
            row = _row_for(rows, f.path.stem, f.path.name, base)
            try:
                digest = _digest(f.path.read_bytes(), _row_bytes(row))
            except OSError as exc:   # the reader reports it, as this article's failure
                digest = _digest(f"unreadable: {exc}".encode(), _row_bytes(row))
            # the bytes are not kept: a worker reads the file again (a Dask engine attaches them, see engines)
            job = Job("", str(f.path), f.kind, 0, row, table if row else "", digest=digest)
            pending.append((base, where[f.path], job))
    ids = unique_ids([(base, origin) for base, origin, _ in pending])
    return [replace(job, article_id=aid) for aid, (_, _, job) in zip(ids, pending)], warnings


def load(job: Job) -> tuple[Article, str]:
    """Read a job's article and merge its metadata; returns it with a warning ('' if none).

    Raises InputError for an unreadable article or an invalid date.
    """
    if job.error:
        raise InputError(job.source_file, job.error.removeprefix(f"{job.source_file}: "))
    draft = job.draft if job.draft is not None else FILE_READERS[job.kind](Path(job.source_file), job.data)
    meta = {k: draft.meta.get(k, "") for k in KEYS}
    where = job.source_file
    if job.row is not None:
        for k, v in job.row.fields.items():
            if k in ("article_id", "file"):
                continue
            if v or k not in meta:
                meta[k] = v
        if job.row.fields.get("published"):
            where = f"{job.row_file} line {job.row.line}"
    try:
        published = parse_published(meta.get("published", ""))
    except ValueError as exc:
        raise InputError(where, str(exc)) from None
    meta["published"] = published.isoformat() if published else ""
    warning = ""
    if published is None:
        warning = f"{job.source_file}{f' line {job.line}' if job.line else ''}: no published date for " \
                  f"{job.article_id} (neither the file nor a row of {METADATA_NAME} gives one); " \
                  f"relative dates stay unresolved"
    if draft.body_start is not None and not draft.text[draft.body_start:].strip():
        warning = f"{job.source_file}: no body text (only a title, images or markup); nothing to extract"
    article = Article(job.article_id, draft.text, published, meta, job.source_file, draft.body_start)
    return article, warning

