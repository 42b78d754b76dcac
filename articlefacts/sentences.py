"""Sentence boundaries inside one paragraph, robust to news abbreviations.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets
after it) when the next word starts a sentence: a capital of any script
(Latin, Cyrillic, Greek ...), a letter of a script without case (Hangul, CJK,
Arabic ...) or a digit, after an opening quote or bracket if there is one. A period does not end a sentence after a title ("Adm.", "Dr."),
an initial ("J."), a month before a day ("Oct. 8"), "No." before a number, or
a dotted acronym ("U.S.", "a.m.") unless a typical sentence opener follows.
"""
from __future__ import annotations

import re

TITLES = {"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "gov",
          "sen", "rep", "rev", "st", "sr", "jr", "pres", "amb", "brig", "cpl", "pvt", "hon", "mt", "ft", "gens",
          "reps", "sens", "messrs", "mme", "vs", "v", "cf", "approx", "ca", "lt.-gen", "maj.-gen"}
MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
BEFORE_NUMBER = {"no", "nos", "art", "arts", "vol", "pp", "p", "fig", "sec", "para", "ch", "res", "stat"}   # "63 Stat. 492"
SOFT = {"etc", "inc", "ltd", "corp", "co", "bros", "jr", "sr", "plc", "llc", "al"}   # ("Agarwal et al. (2015)")
OPENERS = {"the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "but",
           "and", "in", "on", "at", "for", "as", "if", "when", "while", "its", "his", "her", "their", "there",
           "some", "many", "most", "according", "after", "before", "since", "yet", "so", "officials", "no",
           "meanwhile", "however", "still", "both", "one", "what", "our", "my", "your", "by"}

# (a bullet run into the paragraph opens a sentence too: "... priorities. * The Plan directed ...")
BOUNDARY = re.compile(r"[.!?…。！？]+[\"”’')\]]*(?=\s+(?:[*•·][ \t]+)?[\"“‘'(\[]?(?P<first>\w|[À-Ý]))")
ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")


def _starts_sentence(ch: str) -> bool:
    """A character a sentence can start with: not a lower-case letter (nor '_' or a superscript)."""
    return "A" <= ch <= "Z" or "0" <= ch <= "9" or "À" <= ch <= "Ý" or ch.isdecimal() or \
        (ch.isalpha() and not ch.islower())


def _word_before(text: str, end: int) -> str:
    """The token that ends at ``end`` (the character before the period)."""
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"“‘[":
        start -= 1
    return text[start:end]


NEXT_WORD = re.compile(r"\s+[\"“‘'(\[]?([\w.’'-]+)")


def _next_word(text: str, pos: int) -> str:
    m = NEXT_WORD.match(text, pos)  # in place: a copy of the rest of the paragraph per period was quadratic
    return m.group(1) if m else ""


def _is_boundary(text: str, m: re.Match) -> bool:
    punct = m.group(0)
    if not punct.startswith("."):
        return True
    word = _word_before(text, m.start())
    low = word.lower().rstrip(".")
    nxt = _next_word(text, m.end())
    opener = nxt.lower().strip(".,") in OPENERS
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Moreau"
    if low in TITLES:
        return False
    if low in MONTHS:
        return not nxt[:1].isdigit()
    if low in BEFORE_NUMBER and nxt[:1].isdigit():
        return False
    if ACRONYM.match(word.rstrip(".")) or low in SOFT:
        return opener
    return True


# a bracketed source after the last sentence of a paragraph belongs to it: "...” [Tweet, 10/18/2023]"
CITATION_TAIL = re.compile(r"\s+\[[^\[\]\n]{1,80}\][ \t]*(?:\n|$)")


# a list item's number before its text: "1. Saved ...", "12.Mobilized ..."
LIST_MARKER = re.compile(r"\s*\d{1,2}\.")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) of ``text[start:end]``, trimmed of white space."""
    end = len(text) if end is None else end
    spans, cur = [], start
    for m in BOUNDARY.finditer(text, start, end):
        if LIST_MARKER.fullmatch(text, cur, m.end()):
            continue   # "1. Saved 15 million Americans ...": a numbered item's marker opens its sentence
        if _starts_sentence(m.group("first")) and _is_boundary(text, m) and not CITATION_TAIL.match(text, m.end(), end):
            spans.append((cur, m.end()))
            cur = m.end()
    spans.append((cur, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def is_question(sentence: str) -> bool:
    """True when the sentence asks rather than asserts (ends in '?', quotes aside)."""
    return sentence.rstrip("\"”’') ").endswith("?")
