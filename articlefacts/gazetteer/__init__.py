"""Gazetteer: who a source is and what a figure measures, as data (CSV files loaded once).

- ``sources.csv`` (alias, canonical, source_type, note): the ways articles name a source
  ("NIS", "South Korea's spy agency", "Pentagon", "John Kirby") and the one canonical name each
  stands for, spelled as in the reference record (``articlefacts/refdata/reference_estimates.csv``).
  An alias matches anywhere in the source as written, on word boundaries.
- ``places.csv`` (same columns): countries and capitals, which name a government only when they
  are the whole source ("Ukraine said"); inside a phrase they are places ("Seoul-based analysts").
- ``measures.csv`` (cue, where, measure, note): counted nouns (``unit``), words of the sentence
  (``text``) and words of a figure's subject (``subject``) that say what a personnel figure
  measures: ``deployed``, ``planned``, ``casualties``, ``killed``, ``wounded``, ``captured``.

This is analysis vocabulary, apart from ``articlefacts/vocab`` on purpose: extraction does not read
it, so a new row changes no extractor version and re-extracts nothing. A new row gets its own test
in ``tests/test_estimates.py``.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from importlib import resources

from ..pay import PAY_PER, TOTAL_THRESHOLD_USD   # what a pay figure is: the pay table's own rule

MEASURES = ("deployed", "planned", "casualties", "killed", "wounded", "captured", "other", "pay")
WINDOW_WORDS = 6                         # how far after a number its own words reach
_CLAUSE_END = re.compile(r"[,;:.()!?\"“”—–\[\]0-9]")


@functools.lru_cache(maxsize=None)
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``gazetteer/<name>.csv`` as dicts (read once per process)."""
    with resources.files(__package__).joinpath(f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(dict(r) for r in csv.DictReader(fh))


# --------------------------------------------------------------------------- normalising

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "‒": "-"})
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w']+")


def normalise(text: str) -> str:
    """``text`` for matching: NFKC, one kind of apostrophe, no dots ("U.S." = "US"), hyphens and
    other punctuation as spaces, single spaces, trimmed. Case is kept (acronyms match in capitals)."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_APOSTROPHES).replace(".", "")
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", text)).strip()


def _is_acronym(alias: str) -> bool:
    """An alias written with two or more capitals and no space ("NIS", "DoD", "KCNA") matches only as
    written: in lower case it can be a word ("un", "hur")."""
    return " " not in alias and sum(ch.isupper() for ch in alias) >= 2


def _alternation(phrases: list[str], case_of: dict[str, bool]) -> re.Pattern[str]:
    """One compiled alternation of literal phrases, longest first, on word boundaries. Literals only,
    so matching costs at most (text length x phrases): no backtracking beyond one phrase."""
    parts = []
    for p in sorted(set(phrases), key=lambda s: (-len(s), s)):
        lit = re.escape(p)
        parts.append(lit if case_of.get(p, False) else f"(?i:{lit})")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?![\w])")


# --------------------------------------------------------------------------- sources

@functools.lru_cache(maxsize=1)
def _source_table() -> tuple[re.Pattern[str], dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    by_alias: dict[str, tuple[str, str]] = {}
    case: dict[str, bool] = {}
    for r in rows("sources"):
        alias = normalise(r["alias"])
        sensitive = _is_acronym(alias)
        by_alias[alias if sensitive else alias.lower()] = (r["canonical"], r["source_type"])
        case[alias] = sensitive
    places = {normalise(r["alias"]).lower(): (r["canonical"], r["source_type"]) for r in rows("places")}
    return _alternation(list(case), case), by_alias, places


_LEADING_THE = re.compile(r"^(?:the|The|THE) ")


def canonical_source(source: str, source_type: str = "") -> tuple[str, str]:
    """The canonical name and source type of a claim's source as written.

    "South Korea's National Intelligence Service (NIS)", "NIS director Cho Tae-yong" and "the
    agency (South Korea's spy agency)" all give ``("South Korea National Intelligence Service",
    "intelligence")``; "Pentagon spokeswoman Sabrina Singh" gives the US Department of Defense.
    The first alias in the source counts (the longest where several start at one place); a
    country or capital counts only as the whole source ("Ukraine"). ``author`` stays ``author``;
    a source the gazetteer does not know stays as written, with ``source_type`` (the claim's own)
    passed through. Case, apostrophes, hyphens and dots do not matter; capitals of an acronym do.
    """
    written = "" if source is None else str(source)
    if written.strip().lower() == "author":
        return "author", "author"
    pattern, by_alias, places = _source_table()
    norm = normalise(written)
    m = pattern.search(norm)
    if m:
        hit = m.group(0)
        return by_alias.get(hit) or by_alias[hit.lower()]
    whole = _LEADING_THE.sub("", norm).lower()
    if whole in places:
        return places[whole]
    return written, source_type


# --------------------------------------------------------------------------- measures

@functools.lru_cache(maxsize=1)
def _measure_table() -> tuple[dict[str, str], re.Pattern[str], dict[str, str], re.Pattern[str]]:
    units, cues, subjects = {}, {}, []
    for r in rows("measures"):
        cue, where, measure = normalise(r["cue"]).lower(), r["where"], r["measure"]
        if measure not in MEASURES:
            raise ValueError(f"gazetteer/measures.csv: unknown measure {measure!r} for {r['cue']!r}")
        if where == "unit":
            units[cue] = measure
        elif where == "text":
            cues[cue] = measure
        elif where == "subject":
            subjects.append(cue)
        else:
            raise ValueError(f"gazetteer/measures.csv: 'where' must be unit, text or subject, not {where!r}")
    return units, _alternation(list(cues), {}), cues, _alternation(subjects, {})


_CONJUNCTION = re.compile(r"(?<!\w)(?i:and|but|while|whereas|as)(?!\w)")


def _window_cues(after: str, cue_re: re.Pattern[str], cues: dict[str, str]) -> list[str]:
    """The measures of the cues right after a number: up to the end of its clause, the next number,
    :data:`WINDOW_WORDS` words or a conjunction that starts a new clause ("600 killed, ..." ->
    killed; "11,000 troops and plans to send 3,000": nothing, the plan is the 3,000's). A
    conjunction inside a cue ("killed and wounded") starts nothing."""
    m = _CLAUSE_END.search(after)
    window = " ".join(normalise(after[: m.start()] if m else after).split(" ")[:WINDOW_WORDS])
    found = list(cue_re.finditer(window))
    cut = len(window)
    for c in _CONJUNCTION.finditer(window):
        if not any(f.start() <= c.start() < f.end() for f in found):
            cut = c.start()
            break
    return [cues[f.group(0).lower()] for f in found if f.start() < cut]


def figure_measure(kind: str, unit: str = "", per: str = "", figure_text: str = "", before: str = "",
                   after: str = "", subject: str = "", amount: float | None = None) -> str:
    """What a figure measures: one of :data:`MEASURES`.

    ``before``/``after`` are the words of its sentence before and after the figure's span;
    ``amount`` its largest number (value_high, else value_low). Money per person, month or year is
    ``pay`` (unless, in US dollars, it reaches USD 1 million: a force-wide total). A personnel figure, in order of precedence:

    1. a subject naming other forces ("Ukrainian soldiers") or a counted noun of people who are not
       troops ("workers", "civilians") or not in ``measures.csv`` at all: ``other``;
    2. a casualty, capture or plan cue in the figure's own words or right after it, within its
       clause ("600 killed", "2,700 have been wounded", "3,000 were killed or wounded",
       "10,000 are expected to"), the nearest first;
    3. a casualty noun as the counted noun ("4,700 casualties", "600 deaths");
    4. the cue of the sentence nearest to the figure ("plans to send 10,000 troops",
       "captured two soldiers", "deployed 11,000 troops, ... 300 were killed" for the 11,000);
    5. a troop noun: ``deployed``.
    Other kinds are ``other``.
    """
    if kind == "money":
        if per in PAY_PER:
            if unit == "USD" and amount is not None and amount == amount and float(amount) >= TOTAL_THRESHOLD_USD:
                return "other"
            return "pay"
        return "other"
    if kind != "personnel":
        return "other"
    units, cue_re, cues, subject_re = _measure_table()
    unit_measure = units.get(normalise(unit).lower())
    if unit_measure in (None, "other") or (subject and subject_re.search(normalise(subject))):
        return "other"
    own = normalise(figure_text)
    near = [cues[m.group(0).lower()] for m in cue_re.finditer(own)]
    near += _window_cues(after, cue_re, cues)
    near = [m for m in near if m != "deployed"]   # "sent", "in Russia" only settle a contest (step 4)
    if near:
        return near[0]
    if unit_measure != "deployed":
        return unit_measure
    b, a = normalise(before), normalise(after)
    best: tuple[int, int, str] | None = None
    for m in cue_re.finditer(b):
        cand = (len(b) - m.end(), 0, cues[m.group(0).lower()])   # ties: the cue before the number
        best = cand if best is None or cand < best else best
    for m in cue_re.finditer(a):
        cand = (m.start(), 1, cues[m.group(0).lower()])
        best = cand if best is None or cand < best else best
    return best[2] if best else "deployed"
