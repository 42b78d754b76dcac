"""Readers: every supported input becomes one :class:`Article` (or one per dataset row).

    .txt                  the project's plain layout (line 1 title, line 2 byline, a paragraph per line)
    .md .markdown         Markdown with YAML front matter (title, date/published, author, source_url/url, outlet/site)
    .html .htm            a saved web page; main text and metadata by trafilatura
    .jsonl .csv           a dataset, one article per row (columns: see ``datasets.py``)

Extensions are matched case-insensitively. A folder is read recursively; hidden
files and folders are skipped, and so is a symlink that leads outside the
folder it is in (with a warning). ``articles.csv`` beside the inputs is the
metadata table, not a dataset: its rows override what the files say.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

READERS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
           ".jsonl": "jsonl", ".csv": "csv"}
METADATA_NAME = "articles.csv"
ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.~-]+")


def kind_of(path: Path) -> str | None:
    """The reader for a file name ('text', 'markdown', 'html', 'jsonl', 'csv') or None."""
    if path.name.lower() == METADATA_NAME:
        return None
    return READERS.get(path.suffix.lower())


@dataclass(frozen=True)
class Found:
    """An input file found under the paths given, and which reader reads it."""

    path: Path
    kind: str
    origin: str = ""   # where it is, however the paths were spelt: its path under the folder given, else its name


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def discover(paths: list[str | Path]) -> tuple[list[Found], list[str]]:
    """Every supported input under ``paths`` (files, or folders read recursively), in a stable
    order, and warnings (symlinks not followed). Raises InputError for a path that does not exist
    or a folder with no supported file."""
    found: list[Found] = []
    warnings: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            here: list[Found] = []
            for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
                d = Path(dirpath)
                keep = []
                for name in sorted(dirnames):
                    sub = d / name
                    if name.startswith("."):
                        continue
                    if sub.is_symlink():
                        warnings.append(f"{sub}: a symlink to a folder; not followed")
                        continue
                    keep.append(name)
                dirnames[:] = keep
                for name in sorted(filenames):
                    f = d / name
                    kind = kind_of(f)
                    if name.startswith(".") or kind is None:
                        continue
                    if f.is_symlink() and not _inside(f, p):
                        warnings.append(f"{f}: a symlink that leads outside {p}; not followed")
                        continue
                    if f.is_file():
                        here.append(Found(f, kind, f.relative_to(p).as_posix()))
            if not here:
                raise InputError(p, "folder holds no articles (.txt, .md, .html, .jsonl or .csv)")
            found.extend(here)
        elif p.is_file():
            kind = kind_of(p)
            if kind is None:
                raise InputError(p, f"not a supported article file (use one of {', '.join(sorted(READERS))})")
            found.append(Found(p, kind, p.name))
        else:
            raise InputError(p, "no such file or folder")
    if len(paths) == 1 and not any(f.path.is_symlink() for f in found):
        return found, warnings   # one folder walked without following links: no file twice
    seen, unique = set(), []
    for f in found:
        key = f.path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, warnings


MAX_ID = 48


def safe_id(raw: str) -> str:
    """An article id that survives a space-separated list and a file name: runs of characters
    other than letters, digits and ``_ . ~ -`` become one ``_``. An id longer than 48 characters
    keeps its first 40 and gets ``~`` and six hex digits of the whole (ids repeat in every row of
    every table; the full name stays in ``source_file``)."""
    out = ID_UNSAFE.sub("_", raw.strip()).strip("_") or "article"
    if len(out) > MAX_ID:
        out = f"{out[:40].rstrip('_.~-')}~{hashlib.sha256(out.encode('utf-8')).hexdigest()[:6]}"
    return out


def unique_ids(keys: list[tuple[str, str]]) -> list[str]:
    """Final ids for (base id, where it came from) pairs: a base id used once stays as it is;
    one used more than once gets ``~`` and six hex digits of where each came from, so that the
    same input keeps its id from run to run whatever order it is listed in."""
    counts: dict[str, int] = {}
    for base, _ in keys:
        counts[base] = counts.get(base, 0) + 1
    out = []
    for base, origin in keys:
        if counts[base] == 1:
            out.append(base)
        else:
            out.append(f"{base}~{hashlib.sha256(origin.encode('utf-8')).hexdigest()[:6]}")
    return out
