"""Markdown with YAML front matter: the front matter becomes metadata, the body plain text.

The body is reduced to the layout the extractor reads (one paragraph per line,
headings on lines of their own): hard-wrapped lines are joined, link text kept
and URLs dropped, emphasis marks and raw HTML dropped (``<figure>`` and
``<img>`` with their content), backslash escapes resolved, a line that ends in
two spaces or a backslash breaks the line. Every pattern here is bounded, so
the cost is linear in the file's size.
"""
from __future__ import annotations

import datetime as dt
import html
import re

from ..errors import InputError

FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# raw HTML: blocks dropped with their content, then any other tag (bounded: no tag spans 2,000 characters)
DROPPED = ("figure", "script", "style", "iframe", "noscript", "sup", "svg")
OPEN_TAG = re.compile(r"<(%s)\b[^<>]{0,2000}>" % "|".join(DROPPED), re.I)
CLOSE_TAG = re.compile(r"</(%s)\s*>" % "|".join(DROPPED), re.I)
BREAK_TAGS = re.compile(r"<(?:br|/p|/tr|/li|/h[1-6]|/div|/table|/blockquote)\b[^<>]{0,2000}>", re.I)
CELL_TAGS = re.compile(r"</t[dh]\s*>", re.I)
ANY_TAG = re.compile(r"</?[A-Za-z!][^<>]{0,2000}>")
AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^<>\s]{0,2000}>", re.I)
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# a link's address may hold parentheses of its own, one level deep: "...%24175%20billion%20(74%25)%20of..."
# (the two alternatives start with different characters, so the match cannot backtrack)
_ADDRESS = r"\((?:[^()\n]|\([^()\n]{0,500}\)){0,2000}\)"
IMAGE = re.compile(r"!\[[^\[\]\n]{0,1000}\]" + _ADDRESS)
LINK = re.compile(r"\[([^\[\]\n]{0,1000})\]" + _ADDRESS)
REF_LINK = re.compile(r"\[([^\[\]\n]{0,1000})\]\[[^\[\]\n]{0,200}\]")
STRONG = re.compile(r"\*\*|__|~~")
EM = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)")
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
LIST_ITEM = re.compile(r"^[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])[ \t]+")
QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
CODE_FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~)")
TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
# characters of the private use area stand in for escaped punctuation while marks are removed
_PUA = 0xE000


def split_front_matter(raw: str, path: str) -> tuple[dict, str, int]:
    """The parsed YAML front matter, the body after it, and the file line the body starts on.

    A file without front matter has an empty one. Invalid YAML is an InputError
    naming the file and line.
    """
    import yaml

    text = raw.lstrip("\ufeff")
    lines = text.split("\n")
    if not lines or not FENCE.match(lines[0]) or lines[0].startswith("..."):
        return {}, text, 1
    end = next((i for i in range(1, len(lines)) if FENCE.match(lines[i])), None)
    if end is None:
        raise InputError(f"{path} line 1", "front matter opened with '---' is never closed")
    block = "\n".join(lines[1:end])
    try:
        data = yaml.load(block, Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)  # where the broken part began
        where = f"{path} line {mark.line + 2}" if mark is not None else path
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(where, f"front matter is not valid YAML ({problem})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{path} line 2", "front matter is not a table of 'key: value' lines")
    return data, "\n".join(lines[end + 1:]), end + 2


_LOADER = None


def _loader() -> type:
    """YAML's safe loader (the C one when there is one) that leaves timestamps as text, so that
    a date is checked, and reported with its line, like any other."""
    global _LOADER
    if _LOADER is None:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        _LOADER = type("FrontMatterLoader", (base,), {})
        _LOADER.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return _LOADER


def front_matter_line(raw: str, key: str) -> int:
    """The file line on which front-matter ``key`` is set (1 when not found)."""
    pattern = re.compile(rf"^{re.escape(key)}[ \t]*:")
    for i, line in enumerate(raw.lstrip("\ufeff").split("\n")[1:], 2):
        if FENCE.match(line):
            break
        if pattern.match(line):
            return i
    return 1


def plain_value(value: object) -> str:
    """A front-matter value as one line of text (dates as ISO, lists joined by commas)."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(plain_value(v) for v in value if v is not None)
    return clean_inline_space(str(value))


def clean_inline_space(text: str) -> str:
    """One line: invisible characters (word joiners, soft hyphens) removed, white space collapsed."""
    text = text.replace("\u2060", "").replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    return " ".join(text.split())


def _protect(m: re.Match) -> str:
    return chr(_PUA + ord(m.group(1)))


def _unprotect(text: str) -> str:
    return "".join(chr(ord(c) - _PUA) if _PUA <= ord(c) < _PUA + 128 else c for c in text) \
        if any(_PUA <= ord(c) < _PUA + 128 for c in text) else text


def inline(text: str) -> str:
    """Markdown inline marks reduced to their text: images dropped, links to their text,
    emphasis marks dropped, entities decoded, white space collapsed."""
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = REF_LINK.sub(r"\1", text)
    text = STRONG.sub("", text)
    text = EM.sub("", text)
    text = html.unescape(text)
    return clean_inline_space(_unprotect(text))


def _drop_blocks(body: str) -> str:
    """Remove ``<figure>...</figure>`` and the like with their content, in one pass: each
    opening tag is paired with the next closing tag of its name (an unclosed one goes alone)."""
    import bisect

    closes: dict[str, list[tuple[int, int]]] = {}
    for m in CLOSE_TAG.finditer(body):
        closes.setdefault(m.group(1).lower(), []).append((m.start(), m.end()))
    out, pos = [], 0
    for m in OPEN_TAG.finditer(body):
        if m.start() < pos:
            continue
        ends = closes.get(m.group(1).lower(), [])
        k = bisect.bisect_left(ends, (m.end(), -1))
        stop = ends[k][1] if k < len(ends) else m.end()
        out.append(body[pos:m.start()])
        pos = stop
    out.append(body[pos:])
    return "".join(out)


def _strip_html(body: str) -> str:
    body = _drop_blocks(body)
    body = re.sub(r"<img\b[^<>]{0,4000}>", "", body, flags=re.I)
    body = AUTOLINK.sub("", body)
    body = BREAK_TAGS.sub("\n\n", body)
    body = CELL_TAGS.sub(" ", body)
    return ANY_TAG.sub("", body)


def markdown_blocks(body: str) -> list[tuple[str, str]]:
    """The body as (role, text) blocks in order: role 'heading' or 'paragraph'."""
    body = ESCAPE.sub(_protect, body)
    body = _strip_html(body)
    blocks: list[tuple[str, str]] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            line = inline(" ".join(current))
            if line:
                blocks.append(("paragraph", line))
            current.clear()

    in_code = False
    for raw_line in body.split("\n"):
        if CODE_FENCE.match(raw_line):
            flush()
            in_code = not in_code
            continue
        if in_code:
            if raw_line.strip():
                blocks.append(("paragraph", clean_inline_space(_unprotect(raw_line))))
            continue
        if not raw_line.strip():
            flush()
            continue
        hard_break = raw_line.endswith("  ") or raw_line.rstrip(" ").endswith("\\")
        line = raw_line.rstrip()
        if line.endswith("\\"):
            line = line[:-1]
        if SETEXT.match(line) and current:
            text = inline(" ".join(current))
            current.clear()
            if text:
                blocks.append(("heading", text))
            continue
        if RULE.match(line) or TABLE_RULE.match(line):
            flush()
            continue
        line = QUOTE.sub("", line)
        h = HEADING.match(line)
        if h:
            flush()
            text = inline(CLOSING_HASHES.sub("", line[h.end():]))
            if text:
                blocks.append(("heading", text))
            continue
        item = LIST_ITEM.match(line)
        if item:
            flush()
            line = line[item.end():]
        elif line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            flush()
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        current.append(line.strip())
        if hard_break:
            flush()
    flush()
    return blocks
