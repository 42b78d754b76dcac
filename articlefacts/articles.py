"""Reading articles: the text file, its layout (title, byline, headings, body,
furniture) and its metadata row.

Offsets everywhere index the text exactly as
``pathlib.Path(p).read_text(encoding="utf-8")`` returns it (universal newlines,
so CRLF files index their LF-translated text; a UTF-8 byte-order mark stays as
character 0). UTF-16 files with a byte-order mark are decoded as UTF-16 and
their offsets index that decoded text. Anything else that is not UTF-8 is an
:class:`InputError`.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .dates import MONTH, WEEKDAY
from .errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # a 5 MB article is fine; 20 MB is surely not an article
METADATA_NAME = "articles.csv"


def decode_article(data: bytes, path: str | Path) -> str:
    """Decode an article file's bytes as ``read_text(encoding="utf-8")`` would.

    Raises InputError for empty, binary or non-UTF-8 content.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"broken UTF-16 text ({exc.reason} at byte {exc.start})") from None
    else:
        nul = data.find(b"\x00")  # anywhere: a text file with a NUL past its first pages is no text either
        if nul >= 0:
            raise InputError(path, f"binary file, not text (it contains NUL bytes, the first at byte {nul})")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = data[exc.start]
            raise InputError(path, f"not UTF-8 text (byte 0x{bad:02x} at offset {exc.start}; "
                                   f"Latin-1 or Windows-1252?); save it as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # universal newlines, as read_text
    if not text.strip("\ufeff \t\n\v\f\u00a0"):
        raise InputError(path, "empty article (no text)")
    return text


def read_checked(path: str | Path) -> bytes:
    """A file's bytes; InputError when it is missing, unreadable or too large for an article."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if not p.is_file():
        raise InputError(p, "not a file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(p, f"too large for an article ({size / 2**20:.0f} MB; the limit is "
                            f"{MAX_BYTES // 2**20} MB)")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None


def read_article_text(path: str | Path) -> str:
    """Read one article file; InputError names the file and what is wrong with it."""
    return decode_article(read_checked(path), path)


# --------------------------------------------------------------------------- layout

FURNITURE_START = re.compile(
    r"^(?:most (?:commented|read|popular|viewed|shared)|related (?:articles?|coverage|stories|content|news|"
    r"links|reading)|read (?:more|next|also)\b|more (?:from|on|stories|news)\b|recommended(?: for you| stories)?$|"
    r"share this|reporting by\b|editing by\b|writing by\b|additional reporting\b|our standards\b|"
    r"(?:copyright|©)|all rights reserved|sign up\b|subscribe\b|follow us\b|tags?:|topics:|"
    r"you (?:may|might) also like|trending\b|latest (?:news|stories)$|comments?(?:\s*\(\d+\))?$|\d+\s+comments?$|"
    r"leave a comment|listen (?:again|now|to|on)\b|watch (?:again|now|the|on)\b|episode \d+|download\b|"
    r"newsletter|podcast|related (?:topics|posts))",
    re.I)
FURNITURE_LINE = re.compile(r"^(?:advertisement|advert|ad|sponsored(?: content)?|click here\b.*|"
                            r"share(?: on \w+)?|print|email)$", re.I)
# an endnote: "[1] Kenneth Pomeranz, The Great Divergence (Princeton University Press, 2000)."
ENDNOTE_LINE = re.compile(r"^\[\d{1,3}\][ \t]")
NOTE_MARK_END = re.compile(r"\[\d{1,3}\]$")
# a short line in capitals only (a signature, a caps heading), punctuated or not
CAPS_LINE = re.compile(r"^(?=[^a-z]*[A-Z][^a-z]*[A-Z])[^a-z]+$")
FINAL_PUNCT = ".!?:;,\"”’')»…"
# a line that is only a date, as under a signature or a letter: "June 25, 2026.", "Monday, May 5, 2025"
DATE_LINE = re.compile(rf"^(?:{WEEKDAY},?\s+)?{MONTH}\s+\d{{1,2}},?\s+\d{{4}}\.?$")


# the number and title that open a section of an order or a law: "Sec. 2. Security Clearance Review. (a) The ...",
# "Section 1. The Secretary ..." (the title, when there is one, is a run of capitalized words ending in a period)
SECTION_HEAD = re.compile(r"(?:Section|Sec\.|Article)[ \t]+\d{1,3}[a-z]?\."
                          r"(?:[ \t]+[A-Z][\w’'-]*+(?:[ \t]+(?:[A-Z][\w’'-]*+|"
                          r"of|and|the|for|on|to|in|with|or|a|an|by|from)){0,9}?\.)?[ \t]+(?=[A-Z(“\"])")


@dataclass(frozen=True)
class Layout:
    """Where each part of an article sits, as (start, end) character spans."""

    title: tuple[int, int] | None
    byline: tuple[int, int] | None
    headings: tuple[tuple[int, int], ...]
    paragraphs: tuple[tuple[int, int], ...]
    furniture: tuple[tuple[int, int], ...]


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines, stripped of surrounding white space."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip(" \t\ufeff\u00a0\v\f")
        if stripped:
            lead = len(line) - len(line.lstrip(" \t\ufeff\u00a0\v\f"))
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def _title_cased(line: str) -> bool:
    """Most words of four letters or more after the first start with a capital ('Full Remarks by the
    First Lady at the Senate Spouses Luncheon')."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z’'-]*", line)[1:] if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


INNER_SENTENCE_END = re.compile(r"[a-z0-9][.!?][”’\"]?[ \t]+[(A-Z“\"]")
# a line that opens with a time adverbial and then its subject is a lead sentence, not a heading
LEAD_ADVERBIAL = re.compile(rf"(?:Today|Yesterday|Tonight|This\s+(?:week|morning|afternoon|evening)|On\s+{WEEKDAY})\b,?\s+"
                            r"(?:the|a|an|[A-Z])")


def is_short_unpunctuated(line: str, max_words: int = 15) -> bool:
    """A heading-like line: no sentence punctuation at its end (a closing quote after unpunctuated
    words counts as none: 'Claim 1: “Kim has sent 100,000 men”'), and few words (a headline, a short
    bullet item) or, up to 200 characters, title case ('Full Remarks by the First Lady at the Senate
    Spouses Luncheon, National Gallery of Art – May 21, 2025')."""
    if len(line.split()) > max_words or len(line) > 140:
        if len(line) > 200 or not _title_cased(line) or INNER_SENTENCE_END.search(line):
            return False  # (a long line holding a whole sentence: "Jane Roe, of Ohio, to be ... years. (New Position)")
    line = NOTE_MARK_END.sub("", line) or line   # "… to win it.”[2]": the note's number is no heading's end
    if line.count("“") > line.count("”"):
        return False  # 'Jane Roe, Ambassador: “Thank you': a quotation that runs on into the next line
    if len(line.split()) >= 8 and LEAD_ADVERBIAL.match(line):
        return False  # "Today the White House released visitor records generated in April": a lead, its period lost
    if line[-1] in "”\"’')" and len(line) > 1 and line[-2] not in ".!?,;:…":
        return not re.match(r"^[“\"‘']", line)  # a quoted sentence on its own is body text
    return line[-1] not in FINAL_PUNCT


def parse_layout(text: str, body_start: int | None = None) -> Layout:
    """Split an article into title, byline, section headings, body paragraphs and furniture.

    Without ``body_start`` (the ``.txt`` layout): line 1 is the title; line 2 a byline
    when short and unpunctuated (or "By ..."); short unpunctuated lines between
    paragraphs are headings; from the first furniture marker ("Most Commented",
    "Related coverage", "Reporting by", ...) to the end is page furniture.

    With ``body_start`` (a reader that knows the structure: Markdown, web pages,
    datasets): the lines before it are the title and byline, every line after it is
    body, and only a heading-like furniture marker ends the body.
    """
    lines = _lines(text)
    if not lines:
        return Layout(None, None, (), (), ())
    if body_start is not None:
        head = [s for s in lines if s[1] <= body_start]
        rest = [s for s in lines if s[0] >= body_start]
        title = head[0] if head else None
        byline = head[1] if len(head) > 1 else None
    else:
        title, rest = lines[0], lines[1:]
        byline = None
        if rest:
            second = text[rest[0][0]:rest[0][1]]
            if second.lower().startswith("by ") and len(second) <= 140 or is_short_unpunctuated(second, 12):
                byline, rest = rest[0], rest[1:]
    headings, paragraphs, furniture = [], [], []
    trailing = False
    for span in rest:
        line = text[span[0]:span[1]]
        starts_furniture = FURNITURE_START.match(line) is not None
        if body_start is not None and starts_furniture:
            starts_furniture = is_short_unpunctuated(line)
        if trailing or starts_furniture:
            trailing = True
            furniture.append(span)
        elif FURNITURE_LINE.match(line) or DATE_LINE.match(line) or ENDNOTE_LINE.match(line):
            furniture.append(span)
        elif is_short_unpunctuated(line) or CAPS_LINE.match(line) and len(line.split()) <= 8:
            headings.append(span)   # "JOSEPH R. BIDEN JR.", "THE WHITE HOUSE,", "NOMINATION SENT TO THE SENATE:"
        else:
            head = SECTION_HEAD.match(line)
            if head:   # the section's number and title are a heading; its text, a paragraph
                headings.append((span[0], span[0] + len(head.group(0).rstrip())))
                span = (span[0] + head.end(), span[1])
            paragraphs.append(span)
    return Layout(title, byline, tuple(headings), tuple(paragraphs), tuple(furniture))


# --------------------------------------------------------------------------- metadata

@dataclass(frozen=True)
class Article:
    """One article: its id, its text as the tool reads it, metadata and publication date."""

    article_id: str
    text: str
    published: dt.date | None = None
    meta: dict[str, str] = field(default_factory=dict)
    path: str = ""
    body_start: int | None = None   # where the body starts, when the reader knows (see parse_layout)


def parse_published(value: str) -> dt.date | None:
    """An ISO date (``2024-10-21``, optionally followed by a time) or None when blank.

    Raises ValueError for anything else.
    """
    value = (value or "").strip()
    if not value:
        return None
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?", value)
    if not m:
        raise ValueError(f"published date {value!r} is not YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError:
        raise ValueError(f"published date {value!r} is not a real date") from None


@dataclass(frozen=True)
class MetadataRow:
    """One row of articles.csv with the line it came from."""

    line: int
    fields: dict[str, str]


def read_metadata(path: str | Path) -> dict[str, MetadataRow]:
    """Read an ``articles.csv`` into {article_id: row}.

    The table needs an ``article_id`` or ``file`` column and a ``published``
    column. A structurally broken table (unreadable, wrong or repeated columns,
    ragged rows, unclosed quote, an ``article_id`` or ``file`` on two rows) raises
    InputError naming the file and line.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(p, "no such metadata file")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(p, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    if "\x00" in text:
        raise InputError(p, "binary file, not a CSV table")
    if not text.strip():
        raise InputError(p, "empty metadata table (no header row)")
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    rows: dict[str, MetadataRow] = {}
    try:
        header = [h.strip() for h in next(reader)]
        if "published" not in header or not ({"article_id", "file"} & set(header)):
            raise InputError(f"{p} line 1", "the header needs 'published' and 'article_id' or 'file' columns "
                                            f"(found: {', '.join(header) or 'none'})")
        for i, name in enumerate(header):
            if name in header[:i]:
                raise InputError(f"{p} line 1", f"column {name!r} appears twice in the header")
        first_on: dict[tuple[str, str], int] = {}   # (column, value) -> the line it was first on
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                raise InputError(f"{p} line {line}", f"{len(record)} fields where the header has {len(header)}")
            fields = dict(zip(header, (c.strip() for c in record)))
            aid = fields.get("article_id") or Path(fields.get("file", "")).stem
            if not aid:
                raise InputError(f"{p} line {line}", "row has neither article_id nor file")
            for column, value in (("article_id", aid), ("file", fields.get("file", ""))):
                if not value:
                    continue
                if (column, value) in first_on:
                    raise InputError(f"{p} line {line}",
                                     f"{column} {value!r} is already on line {first_on[column, value]}")
                first_on[column, value] = line
            rows[aid] = MetadataRow(line, fields)
    except csv.Error as exc:
        raise InputError(f"{p} line {reader.line_num}", f"broken CSV ({exc})") from None
    return rows
