"""Speaker turns in transcripts: a paragraph that starts with a speaker label ("MS. PSAKI:",
"THE PRESIDENT:", "SENIOR ADMINISTRATION OFFICIAL:", "Q") gives the source of what follows,
until the next label.

A label is an upper-case run of at most six words before a colon at the start of a paragraph
(or a lone "Q"). It counts as a speaker when it holds a title from ``vocab/speaker_titles.csv``
or when the same label opens two paragraphs or more; a run-in heading of a fact sheet
("SUPPORTING AMERICAN INDUSTRY:") has neither. Its source type comes from the title, or, for a
name only ("MR. KIRBY"), from how the document introduces that person.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import letters
from .sources import shorten
from .vocab import rows

# capitals with their accents: "PRESIDENT LÓPEZ OBRADOR:", "MR. ŁUKASZ NOWAK:"
# every capital of the Latin, Greek and Cyrillic alphabets ("PRESIDENT NAUSĖDA:", "PRESIDENT LÓPEZ OBRADOR:")
CAPS = letters(upper=True, last=0x4FF)
LABEL = re.compile(rf"[{CAPS}][{CAPS}.'’\-]*+(?:[ \t][{CAPS}][{CAPS}.'’\-]*+){{0,5}}+(?:[ \t]\([^()\n]{{1,60}}\))?+")
Q_LABEL = re.compile(r"Q(?::|[ \t](?=\S))")
# vocab/run_in_labels.csv: words in capitals before a colon that label a paragraph, not a speaker
RUN_IN_LABELS = frozenset(r["label"] for r in rows("run_in_labels"))


@dataclass(frozen=True)
class Turn:
    """The speaker of a paragraph: the label as written, its source type, and whether the label
    opens this paragraph (else the turn carries on from an earlier one)."""

    label: str
    source_type: str
    opens: bool


@functools.lru_cache(maxsize=1)
def titles() -> dict[tuple[str, ...], str]:
    """Title words -> source type, from the vocabulary file."""
    return {tuple(r["title"].split()): r["source_type"] for r in rows("speaker_titles")}


def _title_type(label: str) -> str | None:
    words = tuple(label.split("(")[0].split())
    best: tuple[int, str] | None = None
    for title, stype in titles().items():
        n = len(title)
        for i in range(len(words) - n + 1):
            if words[i:i + n] == title and (best is None or n > best[0]):
                best = (n, stype)
    return best[1] if best else None


def speaker_label(paragraph: str) -> str | None:
    """The speaker label opening a paragraph, as written, or None."""
    if Q_LABEL.match(paragraph):
        return "Q"
    m = LABEL.match(paragraph)
    if not m or not paragraph[m.end():m.end() + 1] == ":":
        return None
    label = m.group(0).strip()
    if sum(c.isalpha() for c in label.split("(")[0]) < 2 or label in RUN_IN_LABELS:
        return None   # "FACT: The agency estimates ...": a run-in label of the page, not a speaker
    return label


def _gerund(label: str) -> bool:
    """A label with a word in -ING: a fact sheet's run-in heading ("SUPPORTING AMERICAN INDUSTRY:"),
    unless the same label opens several paragraphs ("ACTING ADMINISTRATOR SLAVITT:")."""
    return any(w.endswith("ING") for w in label.split("(")[0].split())


def label_end(paragraph: str, label: str) -> int:
    """Where the words after a label start in its paragraph."""
    pos = len(label)
    while pos < len(paragraph) and paragraph[pos] in ": \t":
        pos += 1
    return pos


def speaker_turns(text: str, paragraphs: list[tuple[int, int]], person_type=None) -> dict[tuple[int, int], Turn]:
    """The speaker of every paragraph of a transcript (none for a document without speaker labels).

    ``person_type(name)`` types a label that is a name only (default: 'other')."""
    labels = [speaker_label(text[s:e]) for s, e in paragraphs]
    counts: dict[str, int] = {}
    for lab in labels:
        if lab:
            counts[lab] = counts.get(lab, 0) + 1
    labels = [None if lab and _gerund(lab) and counts[lab] < 2 else lab for lab in labels]
    turns: dict[tuple[int, int], Turn] = {}
    current: Turn | None = None
    # in a transcript (a label of a known title or used twice), a label used once opens a turn too
    # ("PRESIDEN BIDEN: Yes.", a typo, or a guest's single remark)
    transcript = any(lab and (_title_type(lab) is not None or counts[lab] >= 2) for lab in labels)
    for span, lab in zip(paragraphs, labels):
        stype = _title_type(lab) if lab else None
        if lab and (stype is not None or counts[lab] >= 2 or transcript and lab != lab.title()):
            if stype in (None, "person"):
                name = re.sub(r"^(?:(?:MR|MS|MRS|DR)\.\s*)", "", lab).title()
                stype = person_type(name) if person_type else "other"
            current = Turn(lab, stype, True)
            turns[span] = current
        elif current is not None:
            turns[span] = Turn(current.label, current.source_type, False)
    return turns


# a speaker label in ordinary case opening a paragraph, as in a round-up of statements: "Sen. Jane Roe: We
# passed it." (at most eight words, each capitalised or a linking word of a title or name)
MIXED_LABEL = re.compile(r"(?P<label>[A-Z][\w.’'\-]*+(?:[ \t](?:[A-Z][\w.’'\-]*+|of|for|the|and|on)){0,7}+):[ \t]+"
                         r"(?=[“\"@A-Z0-9])")
ROUNDUP_MIN = 2   # people labelled with a title that make a document a round-up of statements


def roundup_turns(text: str, paragraphs: list[tuple[int, int]], type_of) -> dict[tuple[int, int], Turn]:
    """A round-up of statements ("Sen. Jane Roe: ...", "Rep. John Doe: ...", "House Judiciary GOP: ..."):
    when two paragraphs or more open with a person's title and name before a colon, every paragraph
    that opens with such a label is that speaker's, the label included. A fact sheet's run-in headings
    ("Lowering Costs: ...") name no titled person, so they stay headings. ``type_of(label)`` types an
    organisation's label."""
    labels: dict[tuple[int, int], str] = {}
    for span in paragraphs:
        m = MIXED_LABEL.match(text, span[0], span[1])
        if m and not m.group("label").isupper():
            labels[span] = m.group("label")
    people = {lab for lab in labels.values() if _title_type(lab.upper()) is not None and lab.split()[-1][:1].isupper()
              and _title_type(lab.split()[-1].upper()) is None}
    if len(people) < ROUNDUP_MIN:
        return {}
    return {span: Turn(lab, _title_type(lab.upper()) if lab in people else type_of(lab), True)
            for span, lab in labels.items()}


# (a possessive is no speaker: "President Trump’s unprecedented effort")
LEAD_IN_SPEAKER = re.compile(r"(?P<np>[A-Z][\w’'.\-]*+(?:[ \t][A-Z][\w’'.\-]*+){0,4}+)(?<![’']s)[ \t]+"
                             r"(?:[a-z]+ed|said|says|told|wrote|writes|reports|notes|spoke|put\s+it|added)\b")


# an excerpt introduced by its source alone: "From The Washington Examiner:" (the quoted paragraphs below are its)
FROM_SOURCE = re.compile(r"From[ \t]+(?P<np>(?:[Tt]he[ \t]+)?[A-Z][\w’'.\-]*+"
                         r"(?:[ \t]+(?:of[ \t]+)?[A-Z][\w’'.\-]*+){0,5}+):")


# a quotation signed after a dash at the end of its paragraph: "“...” — Press Secretary Jane Roe"
EPIGRAPH = re.compile(r"[”\"][ \t]*[—–][ \t]*(?P<np>[A-Z][\w’'.\-]*+(?:[ \t,]+[A-Z][\w’'.\-]*+){0,7}+)[ \t]*$")


# a heading that names a guest and the programme or place: "Special Envoy Jane Roe on State of the Union"
GUEST_HEADING = re.compile(r"(?P<np>[A-Z][\w’'.\-]*+[ \t]+(?:(?:[A-Z][\w’'.\-]*+|of|the|and|for)[ \t]+){0,8}?)on[ \t]+"
                           r"[A-Z][^\n]{0,80}")
# a quotation introduced by its topic: "On mortgage rates: “...”", or a bare quotation
TOPIC_QUOTE = re.compile(r"(?:On|About|Regarding)[ \t][^:\n“”]{1,120}:[ \t]*[“\"]|[“\"]")


# a heading that names who speaks in the quotation under it: "America First Policy Institute", "U.S. Senator
# Kevin Cramer (R-ND)", "Chairman Mary Neumayr, Council on Environmental Quality, 2019-2021": capitalized words
# (and "of", "the", "and", "for", "&"), then a party in brackets or an apposition after a comma
SPEAKER_HEADING = re.compile(r"(?P<np>(?:[A-Z][\w’'.\-]*+|&)(?:[ \t]+(?:[A-Z][\w’'.\-]*+|of|the|and|for|&)){0,9}+)"
                             r"(?:[ \t]*\([^()\n]{1,30}\))?(?:,[ \t]*[^,\n:]{1,80}){0,3}")


def _heading_speaker(line: str) -> str | None:
    """The speaker a heading names, or None: a heading of capitalized words and no verb, no colon, no final stop
    ("Mitigating Smoke Impacts to Aviation" and "Statement from the White House" are titles)."""
    m = SPEAKER_HEADING.fullmatch(line)
    if not m or re.search(r"[.!?:;]$", line) or re.match(r"[A-Z][a-z]+ing\b", line):
        return None
    np = m.group("np").strip()
    return np if len(np.split()) >= 2 and not np.isupper() else None


def quoted_turns(text: str, paragraphs: list[tuple[int, int]], type_of) -> dict[tuple[int, int], Turn]:
    """Paragraphs of quotation introduced by a lead-in that ends in a colon ("At the dinner, President
    Trump toasted the friendship between the two nations:"): each is the speaker's, named in the
    lead-in; and a quotation signed after a dash at its end ("“...” — Jane Roe"). ``type_of(name)``
    gives the source type."""
    turns: dict[tuple[int, int], Turn] = {}
    speaker: Turn | None = None
    guest: Turn | None = None   # "Secretary Jane Roe on Meet the Press" heading the quotations under it
    running: Turn | None = None   # a quotation of the lead-in's speaker still open at the paragraph's end
    depth = 0
    for k, span in enumerate(paragraphs):
        par = text[span[0]:span[1]].strip()
        if running is not None and par[:1] not in "“\"":
            depth += par.count("“") - par.count("”")
            turns[span] = running   # a quotation running on over paragraphs until its closing mark
            if depth <= 0:
                running = None
            continue
        running = None
        gap = text[paragraphs[k - 1][1] if k else 0:span[0]].strip()
        named = None
        if gap:   # a heading (or furniture) stands between this paragraph and the one before
            g = GUEST_HEADING.fullmatch(gap.splitlines()[-1].strip()) if k else None
            guest = Turn(g.group("np").strip(), type_of(g.group("np").strip()), False) if g else None
            named = _heading_speaker(gap.splitlines()[-1].strip())
            speaker = None   # a heading ends the quotations of the speaker before it
        if guest is not None and TOPIC_QUOTE.match(par):
            turns[span] = guest   # "On mortgage rates: “Rates are down.”" under the guest's heading
            continue
        if named and par[:1] in "“\"":   # "U.S. Senator Kevin Cramer (R-ND)" over "“Katherine Scarlett is ...”"
            speaker = Turn(shorten(named)[0], type_of(named), False)   # (the name without its title)
        byline = EPIGRAPH.search(par) if par[:1] in "“\"" else None
        if byline:   # "“Prices fell again. The data proves it.” — Press Secretary Jane Roe": signed below
            turns[span] = Turn(byline.group("np"), type_of(byline.group("np")), False)
            speaker = None
            continue
        if speaker is not None and par[:1] in "“\"":
            turns[span] = speaker
            depth = par.count("“") - par.count("”")
            running = speaker if depth > 0 else None
            continue
        speaker = None
        if par.endswith(":") and len(par.split()) <= 80:
            names = [m for m in [FROM_SOURCE.fullmatch(par)] if m] or list(LEAD_IN_SPEAKER.finditer(par))
            if not names and len(par.split()) <= 12 and not re.search(r"\s[A-Z]", par):
                # "Here are the highlights:" names nobody: the person the paragraph before it is about
                earlier = [text[a:b] for a, b in paragraphs[max(0, k - 2):k]]
                names = [m for e in earlier for m in LEAD_IN_SPEAKER.finditer(e)]
            if names:
                name = names[-1].group("np")
                speaker = Turn(name, type_of(name), False)
    return turns
