"""One reader per format, each giving a :class:`Draft`: the article text as the tool reads it,
where its body starts, and the metadata the file itself carries.

The text of a Markdown file, a web page or a dataset row is composed as the
``.txt`` layout would have it: the title on line 1, ``By <author>`` on line 2
when there is an author, a blank line, then the body, one paragraph per line.
``body_start`` says where the body begins, so the layout never has to guess
which lines are title and byline. Offsets in the tables index this text.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import articles as _articles
from ..articles import decode_article, parse_published
from ..errors import InputError
from .markdown import clean_inline_space, front_matter_line, markdown_blocks, plain_value, split_front_matter

SENTENCE_ENDS = (".", "!", "?", "\"", "”", "’", "'", ")")
META_KEYS = ("title", "author", "outlet", "published", "url")
# accepted names of each field in front matter, web-page metadata and dataset columns, first wins
ALIASES = {
    "id": ("id", "article_id"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content"),
    "published": ("published", "date", "published_date", "publication_date"),
    "url": ("url", "source_url", "link", "canonical_url"),
    "outlet": ("outlet", "site", "sitename", "source", "publisher"),
    "author": ("author", "authors", "byline"),
}


@dataclass(frozen=True)
class Draft:
    """An article as read, before it has its final id."""

    text: str
    body_start: int | None                      # None: the .txt layout (title and byline guessed)
    meta: dict[str, str] = field(default_factory=dict)   # title, author, outlet, published, url
    where: dict[str, str] = field(default_factory=dict)  # field -> 'file line N', for error messages


def compose(title: str, author: str, paragraphs: list[str]) -> tuple[str, int]:
    """The article text in the project's layout and the offset where its body starts."""
    header = [h for h in (clean_inline_space(title), f"By {clean_inline_space(author)}" if author.strip() else "")
              if h]
    head = "\n".join(header) + "\n\n" if header else ""
    body = "\n".join(p for p in (clean_inline_space(p) if "\n" not in p else p for p in paragraphs) if p.strip())
    return head + body + "\n", len(head)


def pick(record: dict, name: str) -> tuple[str, str]:
    """The first of ``name``'s accepted keys that ``record`` has with a value: (key, value as text)."""
    for key in ALIASES[name]:
        if key in record and record[key] not in (None, ""):
            return key, plain_value(record[key])
    return "", ""


def check_date(value: str, where: str) -> str:
    """The date as YYYY-MM-DD ('' when blank); InputError naming ``where`` when it is not a date."""
    try:
        d = parse_published(value)
    except ValueError as exc:
        raise InputError(where, str(exc).replace("published date", "date")) from None
    return d.isoformat() if d else ""


def _bytes(path: Path, data: bytes | None) -> bytes:
    """The file's bytes (``data`` when the caller already has them); InputError when unreadable or
    too large for an article."""
    if data is None:
        return _articles.read_checked(path)
    if len(data) > _articles.MAX_BYTES:
        raise InputError(path, f"too large for an article ({len(data) / 2**20:.0f} MB; the limit is "
                               f"{_articles.MAX_BYTES // 2**20} MB)")
    return data


def read_text(path: Path, data: bytes | None = None) -> Draft:
    """A ``.txt`` article: the text as it is; the title is its first line."""
    text = decode_article(_bytes(path, data), path)
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return Draft(text, None, {"title": first.lstrip("\ufeff")})


def read_markdown(path: Path, data: bytes | None = None) -> Draft:
    """A Markdown file with (optional) YAML front matter."""
    raw = decode_article(_bytes(path, data), path)
    front, body, _ = split_front_matter(raw, str(path))
    meta: dict[str, str] = {}
    for name in ("title", "author", "outlet", "url", "published"):
        key, value = pick(front, name)
        if name == "published" and key:
            value = check_date(value, f"{path} line {front_matter_line(raw, key)}")
        meta[name] = value
    blocks = markdown_blocks(body)   # may be none: a document that is only an image has no text to extract
    text, start = compose(meta["title"], meta["author"], [b for _, b in blocks])
    return Draft(text, start, meta)


def read_html(path: Path, data: bytes | None = None) -> Draft:
    """A saved web page: trafilatura finds the main text (no navigation, banners, related
    links or footer) and the page's title, author, date, site name and canonical address."""
    import trafilatura

    page = _html_text(path, _bytes(path, data))
    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False,
                                      include_images=False, include_links=False, favor_precision=True,
                                      deduplicate=False)
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not any(line.rstrip().endswith(SENTENCE_ENDS) for line in body.split("\n")):
        # nothing but menus and links ('Home'): there is no article on this page
        raise InputError(path, "no main text found in this web page (no sentence outside navigation)")
    meta = {"title": clean_inline_space(getattr(doc, "title", None) or ""),
            "author": clean_inline_space(getattr(doc, "author", None) or ""),
            "outlet": clean_inline_space(getattr(doc, "sitename", None) or ""),
            "url": (getattr(doc, "url", None) or "").strip(),
            "published": ""}
    date = (getattr(doc, "date", None) or "").strip()
    if date:
        try:
            meta["published"] = check_date(date[:10], str(path))
        except InputError:
            meta["published"] = ""
    paragraphs = [line for line in body.split("\n") if line.strip()]
    text, start = compose(meta["title"], meta["author"], paragraphs)
    return Draft(text, start, meta)


def _html_text(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise InputError(path, "binary file, not a web page (it contains NUL bytes)")
    for encoding in ("utf-8-sig", "cp1252"):   # trafilatura would guess too; this keeps it deterministic
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


@dataclass(frozen=True)
class Row:
    """One dataset row: its line in the file, its id as given, and its draft or error."""

    line: int
    given_id: str
    draft: Draft | None = None
    error: str = ""


def _row_draft(record: dict, where: str) -> Draft:
    key, text = "", ""
    for k in ALIASES["text"]:
        if isinstance(record.get(k), str) and record[k].strip():
            key, text = k, record[k]
            break
    if not key:
        raise InputError(where, f"no article text (a non-empty '{ALIASES['text'][0]}' field)")
    meta = {name: pick(record, name)[1] for name in ("title", "author", "outlet", "url")}
    meta["published"] = check_date(pick(record, "published")[1], where)
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    composed, start = compose(meta["title"], meta["author"], paragraphs)
    return Draft(composed, start, meta)


def read_jsonl(path: Path) -> list[Row]:
    """A JSON Lines dataset: one JSON object per line, one article each (blank lines skipped)."""
    text = _dataset_text(path)
    rows = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path} line {n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append(Row(n, "", error=f"{where}: not JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(record, dict):
            rows.append(Row(n, "", error=f"{where}: not a JSON object (one article per line)"))
            continue
        given = pick(record, "id")[1]
        try:
            rows.append(Row(n, given, _row_draft(record, where)))
        except InputError as exc:
            rows.append(Row(n, given, error=str(exc)))
    if not rows:
        raise InputError(path, "dataset holds no articles")
    return rows


def read_csv_dataset(path: Path) -> list[Row]:
    """A CSV dataset with a header row and a text column, one article per row."""
    text = _dataset_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader, [])]
    except csv.Error as exc:
        raise InputError(f"{path} line 1", f"broken CSV ({exc})") from None
    if not any(k in header for k in ALIASES["text"]):
        raise InputError(f"{path} line 1", f"no text column (one of {', '.join(ALIASES['text'])}; found: "
                                           f"{', '.join(header) or 'none'})")
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise InputError(f"{path} line 1", f"column(s) named twice: {', '.join(dupes)}")
    rows = []
    line = reader.line_num
    try:
        for record in reader:
            start, line = line + 1, reader.line_num
            if not any(c.strip() for c in record):
                continue
            where = f"{path} line {start}"
            if len(record) != len(header):
                rows.append(Row(start, "", error=f"{where}: {len(record)} fields where the header has {len(header)}"))
                continue
            rec = dict(zip(header, record))
            given = pick(rec, "id")[1]
            try:
                rows.append(Row(start, given, _row_draft(rec, where)))
            except InputError as exc:
                rows.append(Row(start, given, error=str(exc)))
    except csv.Error as exc:
        raise InputError(f"{path} line {reader.line_num}", f"broken CSV ({exc})") from None
    if not rows:
        raise InputError(path, "dataset holds no articles")
    return rows


def _dataset_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    text = decode_article(data, path) if data.strip() else ""
    if not text.strip():
        raise InputError(path, "empty dataset")
    return text.lstrip("\ufeff")


FILE_READERS = {"text": read_text, "markdown": read_markdown, "html": read_html}
DATASET_READERS = {"jsonl": read_jsonl, "csv": read_csv_dataset}
