"""Writing tables safely: to a temporary file beside the target, then renamed,
so a failure (read-only folder, full disk) never leaves a half-written table; and reading a
small reference table's text with a one-line error."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

import pandas as pd

from .errors import InputError, OutputError


def read_reference_text(path: str | Path, what: str) -> str:
    """The UTF-8 text of a reference table (``what`` names it in the error); InputError naming the
    file when it is missing or unreadable."""
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(p, f"no such file ({what}; see articlefacts/refdata/README.md)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(p, f"cannot be read as UTF-8 text ({exc})") from None


def _usual_mode(path: str | Path) -> None:
    """Give a temporary file the permissions a plain ``open`` would (mkstemp makes it private)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp_path)`` and rename the result onto ``path``; OutputError on failure."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        _usual_mode(tmp)
    except OSError as exc:
        raise OutputError(target.parent, f"cannot write here ({exc.strerror or exc})") from None
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        os.replace(tmp_path, target)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        raise OutputError(target, f"cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def for_csv(df: pd.DataFrame) -> pd.DataFrame:
    """The table as CSV writes it: values as written numbers ('1500', '0.333333'), no '.0'."""
    from .numbers import fmt_value

    out = df.copy()
    for col in ("value_low", "value_high"):
        if col in out:
            out[col] = [fmt_value(None if pd.isna(v) else float(v)) for v in out[col]]
    return out


def write_csv(df: pd.DataFrame, path: str | Path) -> None:
    """A table as UTF-8 CSV with a header row, byte-identical for identical data."""
    atomic_write(path, lambda tmp: for_csv(df).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n"))


def write_tables(figures: pd.DataFrame, claims: pd.DataFrame, out_dir: str | Path,
                 articles: pd.DataFrame | None = None, texts: list[dict] | None = None) -> list[Path]:
    """figures.csv and claims.csv (and articles.csv, texts.jsonl when given) in ``out_dir``.
    All are fully written to temporary files first, so either all are replaced or none is."""
    import json

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(out, f"cannot create the output folder ({exc.strerror or exc})") from None
    writers: list[tuple[str, Callable[[str], None]]] = [
        ("figures.csv", lambda tmp: for_csv(figures).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")),
        ("claims.csv", lambda tmp: for_csv(claims).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n"))]
    if articles is not None:
        writers.append(("articles.csv", lambda tmp: articles.to_csv(tmp, index=False, encoding="utf-8",
                                                                    lineterminator="\n")))
    if texts is not None:
        def write_texts(tmp: str) -> None:
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                for record in texts:
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        writers.append(("texts.jsonl", write_texts))
    staged: list[tuple[Path, Path]] = []
    try:
        for name, write in writers:
            target = out / name
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
                os.close(fd)
                _usual_mode(tmp)
            except OSError as exc:
                raise OutputError(out, f"cannot write here ({exc.strerror or exc})") from None
            staged.append((Path(tmp), target))
            try:
                write(tmp)
            except OSError as exc:
                raise OutputError(target, f"cannot be written ({exc.strerror or exc})") from None
        for tmp, target in staged:
            os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return [t for _, t in staged]


# --------------------------------------------------------------------------- spreadsheet copies

#: What a spreadsheet program may take for the start of a formula (OWASP, "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SPREADSHEET_TABLES = ("figures", "claims", "articles")


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` in which every string cell starting with ``=``, ``+``, ``-``, ``@``, a tab
    or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of
    running it as a formula. Other cells (numbers, other strings) are unchanged.

    The copy is for reading by eye: its ``text`` no longer matches ``start``/``end``, so keep the
    exact tables (``figures.csv`` ...) for anything that uses the offsets.
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = [f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_START) else v for v in out[col]]
    return out


def write_spreadsheet_copies(out_dir: str | Path) -> list[Path]:
    """Write ``<name>.spreadsheet.csv`` beside each of ``figures.csv``, ``claims.csv`` and
    ``articles.csv`` found in ``out_dir``: the same rows with :func:`spreadsheet_safe` applied,
    as UTF-8 with a byte-order mark (which spreadsheet programs need to read UTF-8). Returns the
    files written; raises OutputError when one cannot be written."""
    out = Path(out_dir)
    written = []
    for name in SPREADSHEET_TABLES:
        source = out / f"{name}.csv"
        if not source.is_file():
            continue
        df = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8")
        safe = spreadsheet_safe(df)
        target = out / f"{name}.spreadsheet.csv"
        atomic_write(target, lambda tmp: safe.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n"))
        written.append(target)
    return written
