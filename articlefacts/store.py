"""The processed dataset: every article's extraction, kept as Parquet and updated incrementally.

A store is a folder of four tables, written together (each to a temporary file,
then all renamed) so a reader never sees half an update:

    articles.parquet   one row per article: ARTICLE_COLUMNS + digest, version, position
    figures.parquet    the figures of every article that was extracted
    claims.parquet     the claims
    texts.parquet      article_id, text (as read: what start/end index), body_start

Each article is keyed by its content hash (``digest``: the input's bytes and its
metadata row) and the extractor's version (:data:`EXTRACTOR_VERSION`, a hash of the
code and vocabulary that extraction depends on). :func:`update` extracts only the
articles that are new or changed, drops those no longer in the input, and
re-extracts everything when the version changes. The result is the same, row for
row, as a full extraction of the same input.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from .errors import OutputError
from .extract import ARTICLE_COLUMNS, CLAIM_COLUMNS, FIGURE_COLUMNS, Outcome, _frame, articles_table
from .inputs.plan import Job, plan

TABLES = ("articles", "figures", "claims", "texts")
STORE_COLUMNS = ARTICLE_COLUMNS + ["digest", "version", "warning"]
TEXT_COLUMNS = ["article_id", "text", "body_start"]
_PACKAGE = Path(__file__).resolve().parent
# what extraction depends on: a change to any of these re-extracts every article
_EXTRACTION_SOURCES = ("articles.py", "claims.py", "dates.py", "extract.py", "figures.py", "lexicon.py", "numbers.py",
                       "sentences.py", "sources.py", "inputs", "vocab")


def _extractor_version() -> str:
    h = hashlib.sha256()
    for name in _EXTRACTION_SOURCES:
        p = _PACKAGE / name
        files = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix in (".py", ".csv", ".toml", ".txt")) \
            if p.is_dir() else [p] if p.is_file() else []
        for f in files:
            h.update(f.relative_to(_PACKAGE).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


EXTRACTOR_VERSION = _extractor_version()


@dataclass(frozen=True)
class Tables4:
    """The four tables of a store."""

    articles: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    texts: pd.DataFrame


@dataclass(frozen=True)
class UpdateStats:
    """What an update did."""

    total: int
    extracted: int
    reused: int
    removed: int
    failed: int
    seconds: float


def empty() -> Tables4:
    """A store with no articles."""
    return Tables4(pd.DataFrame(columns=STORE_COLUMNS).astype(str), _frame([], FIGURE_COLUMNS),
                   _frame([], CLAIM_COLUMNS), pd.DataFrame({"article_id": pd.Series([], dtype=str),
                                                            "text": pd.Series([], dtype=str),
                                                            "body_start": pd.Series([], dtype="Int64")}))


def read(folder: str | Path, texts: bool = True) -> Tables4:
    """The store's tables (empty ones when the folder holds no store yet); ``texts=False`` leaves
    the texts on disk (``texts`` is then None)."""
    p = Path(folder)
    if not all((p / f"{t}.parquet").is_file() for t in TABLES):
        return empty()
    try:
        frames = [pd.read_parquet(p / f"{t}.parquet") if texts or t != "texts" else None for t in TABLES]
    except Exception:   # unreadable (an older layout, a damaged file): start again from nothing
        return empty()
    return Tables4(*frames)


# rows per Parquet row group: small enough that one article's rows are read without decoding a whole
# table (see read_rows), and that a table is decoded on several cores; texts are big rows
ROW_GROUP_ROWS = {"articles": 65536, "figures": 65536, "claims": 65536, "texts": 256}


def read_rows(path: str | Path, article_ids: list[str]) -> pd.DataFrame:
    """The rows of ``article_ids`` of one store table: only the row groups that hold them are decoded
    (their ``article_id`` column is read first), so an article of a large store costs megabytes, not
    the table. Same columns and types as ``pd.read_parquet``."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    wanted = pa.array(list(dict.fromkeys(article_ids)), type=pa.string())
    pf = pq.ParquetFile(path)
    groups = [i for i in range(pf.num_row_groups)
              if pc.any(pc.is_in(pf.read_row_group(i, columns=["article_id"]).column(0), value_set=wanted)).as_py()]
    table = pf.read_row_groups(groups) if groups else pf.schema_arrow.empty_table()
    return table.filter(pc.is_in(table.column("article_id"), value_set=wanted)).to_pandas()


def write(tables: Tables4, folder: str | Path) -> None:
    """All four tables into ``folder``, each staged beside its target, then renamed together (the
    inputs stamp of :func:`refresh` is removed first: it vouches for the tables it was written with)."""
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / STAMP).unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(out, f"cannot create the store folder ({exc.strerror or exc})") from None
    staged: list[tuple[Path, Path]] = []
    try:
        for name in TABLES:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            os.close(fd)
            staged.append((Path(tmp), out / f"{name}.parquet"))
            getattr(tables, name).reset_index(drop=True).to_parquet(tmp, index=False,
                                                                    row_group_size=ROW_GROUP_ROWS[name])
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(out, f"cannot write the store ({exc.strerror or exc})") from None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)


def _records(outcomes: list[Outcome]) -> Tables4:
    arts = articles_table(outcomes)
    arts["digest"] = [o.digest for o in outcomes]
    arts["version"] = EXTRACTOR_VERSION
    arts["warning"] = [o.warning for o in outcomes]
    ok = [o.tables for o in outcomes if o.tables is not None]
    figs = pd.concat([t.figures for t in ok], ignore_index=True) if ok else _frame([], FIGURE_COLUMNS)
    claims = pd.concat([t.claims for t in ok], ignore_index=True) if ok else _frame([], CLAIM_COLUMNS)
    texts = pd.DataFrame({"article_id": [o.article_id for o in outcomes if o.text],
                          "text": [o.text for o in outcomes if o.text],
                          "body_start": pd.array([o.body_start for o in outcomes if o.text], dtype="Int64")})
    return Tables4(arts, figs, claims, texts)


def _ordered(df: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    """Rows grouped by article in the input's order, each article's rows in their own order."""
    if df.empty:
        return df.reset_index(drop=True)
    key = _keys(df["article_id"], order)
    if np.all(key[1:] >= key[:-1]):
        return df.reset_index(drop=True)
    return df.take(np.argsort(key, kind="stable")).reset_index(drop=True)


def _keys(ids: pd.Series, order: dict[str, int]) -> np.ndarray:
    """Each row's article's place in ``order`` (an id missing from it: after all), computed in Arrow:
    a Python lookup per row costs a second per million rows."""
    import pyarrow as pa
    import pyarrow.compute as pc

    where = pc.index_in(pa.array(ids, type=pa.string()), value_set=pa.array(list(order), type=pa.string()))
    return where.fill_null(len(order)).to_numpy(zero_copy_only=False)


def _among(ids: pd.Series, keep: set[str]) -> np.ndarray:
    """Whether each row's article is one of ``keep`` (in Arrow, like :func:`_keys`)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.is_in(pa.array(ids, type=pa.string()), value_set=pa.array(list(keep), type=pa.string())) \
        .to_numpy(zero_copy_only=False)


def release_memory() -> None:
    """Give freed memory back to the system: pyarrow's pool (mimalloc) keeps what pandas' Arrow-backed
    tables freed, so a process that dropped a corpus's tables still holds their size until asked
    (measured on 11,168 documents: 908 MB resident before, 178 MB after)."""
    import ctypes

    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):   # not glibc: nothing more to give back
        pass


Runner = Callable[[list[Job]], Iterable[Outcome]]
CHUNK = 500   # outcomes are turned into tables this many at a time, so their per-article frames do not pile up


def _records_chunked(outcomes: Iterable[Outcome]) -> Tables4:
    """:func:`_records` of a stream of outcomes, a chunk at a time, then the chunks joined."""
    parts: list[Tables4] = []
    buf: list[Outcome] = []
    for o in outcomes:
        buf.append(o)
        if len(buf) >= CHUNK:
            parts.append(_records(buf))
            buf = []
            release_memory()   # the chunk's per-article frames are garbage now
    if buf or not parts:
        parts.append(_records(buf))
    if len(parts) == 1:
        return parts[0]
    joined = []
    for name in TABLES:   # one table at a time, dropping its parts as soon as they are joined
        joined.append(pd.concat([getattr(t, name) for t in parts], ignore_index=True))
        parts = [Tables4(*(None if n == name else getattr(t, n) for n in TABLES)) for t in parts]
        release_memory()
    return Tables4(*joined)


def update(paths: list[str | Path], folder: str | Path | None, run: Runner, metadata: str | Path | None = None,
           log: Callable[[str], None] | None = None, texts: bool = True) -> tuple[Tables4, UpdateStats, list[str]]:
    """Bring the store in ``folder`` up to date with the articles under ``paths``.

    ``run`` extracts a list of jobs (see :mod:`articlefacts.engines`); ``folder`` None
    means no store: everything is extracted and nothing is kept. Returns the tables,
    what was done, and the batch warnings; with ``texts=False`` the texts stay on disk unless
    the store changes (the returned ``texts`` is then None). Raises InputError for what stops the whole
    batch (see :func:`articlefacts.inputs.plan.plan`), OutputError when the store cannot
    be written.
    """
    t0 = time.perf_counter()
    listing = _listing(paths, metadata) if folder is not None else None   # before reading: a later change shows
    jobs, warnings = plan(list(paths), metadata)
    old = read(folder, texts=False) if folder is not None else empty()   # the texts only when needed, below
    tables, stats = _apply(jobs, old, folder, run, log, texts, t0)
    if folder is not None:
        _write_stamp(folder, listing, warnings)
    return tables, stats, warnings


def refresh(paths: list[str | Path], folder: str | Path, run: Runner, metadata: str | Path | None = None,
            log: Callable[[str], None] | None = None) -> tuple[UpdateStats, list[str]]:
    """:func:`update` for a caller that reads the store afterwards (see :func:`read_articles`): when
    nothing changed, only the small articles table is read. When no file under ``paths`` changed
    size or modification time since the store was last brought up to date (its ``inputs.json``),
    the inputs are not even read and hashed: a current store costs a directory listing."""
    t0 = time.perf_counter()
    listing = _listing(paths, metadata)
    stamp = _read_stamp(folder)
    arts = _read_one(folder, "articles")
    if arts is not None and stamp is not None and stamp.get("listing") == listing:
        failed = int((arts["status"] != "ok").sum())
        return (UpdateStats(len(arts), 0, len(arts), 0, failed, round(time.perf_counter() - t0, 2)),
                list(stamp.get("warnings", [])))
    jobs, warnings = plan(list(paths), metadata)
    if arts is not None:
        todo, keep, removed = _diff(jobs, arts)
        if not todo and not removed and len(arts) == len(jobs):
            failed = int((arts["status"] != "ok").sum())
            _write_stamp(folder, listing, warnings)
            return UpdateStats(len(jobs), 0, len(keep), 0, failed, round(time.perf_counter() - t0, 2)), warnings
    _, stats = _apply(jobs, read(folder, texts=False), folder, run, log, False, t0)
    _write_stamp(folder, listing, warnings)
    return stats, warnings


STAMP = "inputs.json"
RACY_NS = 2_000_000_000   # a file changed this recently may change again within its mtime's resolution


def _listing(paths: list[str | Path], metadata: str | Path | None) -> str | None:
    """A hash of every file under ``paths`` (and ``metadata``) with its size and modification time,
    and of the extractor's version; None when a file changed too recently to be trusted."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    now = time.time_ns()
    entries = []
    for raw in [*paths, *([metadata] if metadata else [])]:
        p = Path(raw)
        root = str(p.resolve())
        h.update(root.encode("utf-8", "surrogateescape"))
        if p.is_dir():
            top = str(p)   # os.walk's paths start with it: the rest is the path under the folder
            files = [(g, g[len(top):].lstrip(os.sep)) for d, _, fs in os.walk(top) for g in (os.path.join(d, f) for f in fs)]
        else:
            files = [(str(p), p.name)]
        for f, rel in files:
            try:
                st = os.stat(f)
            except OSError:
                return None
            if now - st.st_mtime_ns < RACY_NS:
                return None
            entries.append(f"{root}\0{rel}\0{st.st_size}\0{st.st_mtime_ns}")
    for e in sorted(entries):
        h.update(e.encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def current_listing(folder: str | Path) -> str | None:
    """The inputs' listing the store in ``folder`` is current for (see :func:`refresh`), or None."""
    stamp = _read_stamp(folder)
    return stamp.get("listing") if stamp else None


def _read_stamp(folder: str | Path) -> dict | None:
    import json

    try:
        return json.loads((Path(folder) / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_stamp(folder: str | Path, listing: str | None, warnings: list[str]) -> None:
    """Record the inputs' listing the store is current for (nothing when it cannot be trusted)."""
    import json

    target = Path(folder) / STAMP
    try:
        target.unlink(missing_ok=True)
        if listing is None or not Path(folder).is_dir():
            return
        fd, tmp = tempfile.mkstemp(prefix=".inputs.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"listing": listing, "warnings": warnings}, fh)
        os.replace(tmp, target)
    except OSError:
        pass   # no stamp: the next reader plans and hashes, nothing worse


def _read_one(folder: str | Path, name: str, article_ids: list[str] | None = None) -> pd.DataFrame | None:
    p = Path(folder) / f"{name}.parquet"
    if not all((Path(folder) / f"{t}.parquet").is_file() for t in TABLES):
        return None
    try:
        return pd.read_parquet(p) if article_ids is None else read_rows(p, article_ids)
    except Exception:   # unreadable: the caller starts again from nothing
        return None


def read_articles(folder: str | Path, article_ids: list[str] | None = None) -> Tables4:
    """The store's articles, figures and claims (texts stay on disk: None), of ``article_ids`` only
    when given (only the row groups that hold them are decoded: one article of a large store costs
    little, see :func:`read_rows`)."""
    frames = [_read_one(folder, t, article_ids) for t in TABLES[:-1]]
    if any(f is None for f in frames):
        e = empty()
        return Tables4(e.articles, e.figures, e.claims, None)
    if article_ids is not None and not len(article_ids):
        frames = [f.iloc[:0] for f in frames]
    return Tables4(*frames, None)


def _diff(jobs: list[Job], arts: pd.DataFrame) -> tuple[list[Job], set[str], int]:
    """Jobs to extract (new, changed, or of an older extractor), ids kept, and how many were removed."""
    current = arts[arts["version"] == EXTRACTOR_VERSION] if len(arts) else arts
    known = dict(zip(current["article_id"], current["digest"]))
    todo = [j for j in jobs if known.get(j.article_id) != j.digest]
    keep = {j.article_id for j in jobs} - {j.article_id for j in todo}
    removed = len(set(arts["article_id"]) - {j.article_id for j in jobs})
    return todo, keep, removed


def _merged(before: pd.DataFrame, fresh: pd.DataFrame, keep: set[str], order: dict[str, int]) -> pd.DataFrame:
    """The rows of kept articles from ``before`` and all of ``fresh``, in the input's order. When the
    kept rows are in order already (the usual case: articles were added, changed or removed), the
    fresh ones are spliced in between slices of them, which copies nothing: a few new articles in a
    large store cost a few slices, not a sort of every row."""
    kept = before
    if len(before):
        mask = _among(before["article_id"], keep)
        if not mask.all():
            kept = before[mask]
    if not len(fresh):
        return _ordered(kept, order)
    if not len(kept):
        return _ordered(fresh, order)
    key = _keys(kept["article_id"], order)
    fresh = _ordered(fresh, order)
    fkey = _keys(fresh["article_id"], order)
    if not (np.all(key[1:] >= key[:-1]) and np.all(fkey[1:] >= fkey[:-1])):
        return _ordered(pd.concat([kept, fresh], ignore_index=True), order)
    cut_kept = np.searchsorted(key, fkey)   # where each fresh row goes among the kept ones
    parts, k0, f0 = [], 0, 0
    for f1 in [*np.flatnonzero(np.diff(cut_kept)) + 1, len(fresh)]:   # runs of fresh rows with one cut
        k1 = int(cut_kept[f0])
        parts += [kept.iloc[k0:k1], fresh.iloc[f0:f1]]
        k0, f0 = k1, f1
    parts.append(kept.iloc[k0:])
    return pd.concat([p for p in parts if len(p)], ignore_index=True)


def _apply(jobs: list[Job], old: Tables4, folder: str | Path | None, run: Runner,
           log: Callable[[str], None] | None, texts: bool, t0: float) -> tuple[Tables4, UpdateStats]:
    todo, keep, removed = _diff(jobs, old.articles)
    if log:
        log(f"{len(jobs)} article(s): {len(todo)} to extract, {len(keep)} unchanged, {removed} removed")
    new = _records_chunked(run(todo)) if todo else empty()   # outcomes become tables as they arrive
    order = {j.article_id: i for i, j in enumerate(jobs)}
    changed = folder is not None and (todo or removed or len(old.articles) != len(jobs))
    if old.texts is None and (changed or texts):
        old = Tables4(old.articles, old.figures, old.claims,
                      pd.read_parquet(Path(folder) / "texts.parquet") if len(old.articles) else empty().texts)

    names = TABLES if old.texts is not None else TABLES[:-1]
    tables = Tables4(*(_merged(getattr(old, t), getattr(new, t), keep, order) for t in names),
                     *([] if old.texts is not None else [None]))
    if changed:
        write(tables, folder)
    del old, new   # the tables before the merge: give their memory back now
    release_memory()
    failed = int((tables.articles["status"] != "ok").sum())
    stats = UpdateStats(len(jobs), len(todo), len(keep), removed, failed, round(time.perf_counter() - t0, 2))
    return tables, stats


def default_store(paths: list[str | Path], base: str | Path | None = None) -> Path | None:
    """Where a corpus's store lives by default, when the current folder is the project's (it has
    ``data/processed``, or the folder ``$ARTICLEFACTS_PROCESSED`` names): ``extracted`` there for
    the project's ``seeds`` folder, else ``extracted-<name>-<hash of the resolved paths>``. None
    when there is no such folder."""
    base = Path(base or os.environ.get("ARTICLEFACTS_PROCESSED") or "data/processed")
    if not base.is_dir():
        return None
    resolved = sorted(str(Path(p).resolve()) for p in paths)
    if len(paths) == 1 and Path(paths[0]).resolve() == Path("seeds").resolve():
        return base / "extracted"
    name = Path(resolved[0]).stem or "corpus"
    digest = hashlib.sha256("\n".join(resolved).encode("utf-8")).hexdigest()[:8]
    return base / f"extracted-{name}-{digest}"
