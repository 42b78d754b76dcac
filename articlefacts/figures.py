"""Figures: every quantitative expression in an article body, normalised.

One pass per paragraph finds date expressions first (``dates``), then number
atoms (digits, number words, vague quantities, fractions, multipliers) outside
them; atoms are joined into ranges, given their qualifiers, units and rates.
A second pass over the article, in text order, fills what needs context:
elided nouns ("about 1,000 wounded" counts the soldiers named before), the
rate of a conversion, chained dates, and the subject of each figure.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from . import lexicon as lx
from .vocab import rows
from .dates import (DateMention, DateSpec, find_dates, is_forward, looks_ahead_after, looks_back, resolve,
                    resolve_in_context)
from .numbers import (DIGITS, MULTIPLIER_WORDS, fraction_value, NUMBER_WORD, PLURAL_SCALES, SCALES, SHORT_SCALES,
                      VAGUE_COUNT, parse_digits, words_to_number)

KINDS = ("personnel", "money", "count", "date", "percent", "measure", "other")


@dataclass
class Figure:
    """One row of the figures table (before ids are given)."""

    start: int
    end: int
    kind: str
    value_low: float | None = None
    value_high: float | None = None
    qualifier: str = ""
    unit: str = ""
    per: str = ""
    date_start: str = ""
    date_end: str = ""
    subject: str = ""
    # working fields, not written out
    hint: str = ""           # kind suggested by context for an elided noun
    elided: bool = False     # the counted noun is not written next to the number
    partitive: str = ""      # "of its troops" -> "troops"; "of them" -> "them"
    core: tuple[int, int] = (0, 0)  # the number itself, without qualifier or noun
    noun_span: tuple[int, int] | None = None
    date_mention: DateMention | None = field(default=None, repr=False)
    para: int = 0            # index of the paragraph it sits in


# --------------------------------------------------------------------------- atoms

CUR_PRE = r"(?:US\$|A\$|C\$|HK\$|NT\$|S\$|\$|€|£|₩|₽|¥|₴|(?:USD|EUR|KRW|KPW|RUB|GBP|JPY|CNY|UAH)\s?)"
SCALE_WORDS = "thousand|million|billion|trillion"
_W = NUMBER_WORD
_SC = "hundred|thousand|million|billion|trillion|dozen"
WORDNUM = rf"(?:{_W}|a(?=[\s-]+(?:{_SC})\b))(?:[\s-]+(?:{_W}|{_SC})\b|\s+and\s+{_W}\b)*(?:[\s-]+and[\s-]+a[\s-]+half\b)?"
ATOM = re.compile(
    rf"(?P<cur>{CUR_PRE})?(?P<num>{DIGITS})(?P<plus>\+(?=\s?(?:{SCALE_WORDS})\b))?"
    rf"(?:\s{{0,2}}(?P<scale>{SCALE_WORDS})\b|(?P<short>k|K|mn|m|bn|tn|(?(cur)[MBT]))\b)?"
    rf"(?P<pct>\s?%|\s(?:percent|per\s+cent)\b)?"
    rf"|(?P<wcur>{CUR_PRE})?\b(?P<words>(?i:{WORDNUM}))\b(?P<wpct>\s(?:percent|per\s+cent)\b)?")
VAGUE = re.compile(
    r"\b(?i:(?P<couple>(?:a\s+)?couple\s+of)(?=\s+[a-z])(?!\s+(?:hundred|thousand|million|billion|dozen)\b)|"
    r"(?P<couple2>(?:a\s+)?couple)(?=\s+(?:more\s+|quick\s+|short\s+|few\s+)?[a-z]+s\b)|"   # "a couple hours"
    r"(?P<few>several|a\s+few|a\s+couple\s+of|a\s+handful\s+of)\s+(?P<fscale>hundred|thousand|million|billion|"
    r"dozen)|(?P<plural>tens|hundreds|thousands|millions|billions|trillions|dozens|scores)(?P<again>\s+and\s+(?P=plural))?"
    r"(?:\s+of\s+(?P<pscale>thousands|millions|billions|trillions))?)\b(?P<of>\s+of\b)?")   # "billions and billions"
ONE_IN = re.compile(rf"\b(?P<num>(?i:a|one|two|three|four|five|six|seven|eight|nine|ten)|\d+)\s+"
                    rf"(?:in|out\s+of)(?:\s+every)?\s+(?P<den>(?i:{NUMBER_WORD})|\d+)\b(?!\s*(?:%|percent))")
# ("one in five", "two out of every three", "more than 1 in every 4 jobs")
FRACTION = re.compile(r"\b(?i:(?P<frac>(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-](?:half|halves|third|"
                      r"thirds|quarter|quarters|fifth|fifths|sixth|sixths|eighth|eighths|tenth|tenths)|half))\b(?![-‐‑])")
MULTIPLIER = re.compile(rf"\b(?P<mnum>{DIGITS}|(?i:{WORDNUM}))[\s-]?(?i:times|fold)\b"
                        rf"|\b(?i:a\s+factor\s+of)\s+(?P<fnum>{DIGITS}|(?i:{WORDNUM}))\b"
                        r"|\b(?P<mword>(?i:twice|doubled|doubling|tripled|tripling|trebled|trebling|quadrupled|"
                        r"quadrupling|halved|halving|(?:two|three|four|five|ten|hundred)-?fold|doubles|triples|quadruples|"
                        r"double|triple|quadruple))\b")

A_UNIT = re.compile(r"\b(?P<a>[Aa]n?)(?=\s+(?:kilometre|kilometer|mile|metre|meter|tonne|ton|year|month|week|day|"
                   r"decade|hour)\s+(?:old\b|long\b|away\b|or\s+(?:more|so|less)\b))"
                   r"|\b(?:[Ff]or|[Oo]ver|[Uu]nder|[Ww]ithin|[Aa]fter|[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Aa]round|than|"
                   r"with|spent|lasted|lasts|took|takes|runs|run|past|last|least)\s+(?P<a2>[Aa]n?|another)"
                   r"(?=(?:\s+(?:additional|extra|full|entire|whole|single|further))?"
                   r"\s+(?:decade|year|month|week|century)\b"
                   r"(?!\s+and\s+a\s+half)"
                   r"(?!\s+(?:later|earlier|ago|after|before|on|in|of\s+(?:the|that|this)))(?!['’]s))"
                   # "about a week before that election": a bound makes a length of time
                   r"|\b(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Aa]round|[Ww]ithin|than)\s+(?P<a3>[Aa]n?)(?=\s+(?:decade|year|month|week|"
                   r"day|century|millennium)\s+(?:later|earlier|after|before|ago)\b)"
                   r"|\b(?P<fortnight>[Aa]\s+fortnight)\b"
                   r"|\b(?:[Aa]n?|[Oo]ne|last|past)\s+(?P<andhalf>(?P<hunit>year|month|week|day|hour|decade)\s+and\s+a\s+half)\b"
                   r"|\b(?:[Oo]ver|[Dd]uring|[Tt]hroughout|[Ii]n|[Ww]ithin)\s+(?P<next>the\s+(?:next|coming)\s+(?P<nunit>decade|year|month|week|"
                   r"century))\b(?!['’]s)"
                   r"|\b(?P<partcent>(?:[Aa]\s+)?(?P<part>[Hh]alf|[Qq]uarter)-(?P<pu>century|million|billion))\b"
                   r"|\b(?P<halfunit>(?:[Aa]\s+)?[Hh]alf\s+(?:a|an)\s+(?:year|month|week|day|hour|decade|century|mile|kilometre|"
                   r"kilometer|million|billion|dozen))\b"
                   r"|\b(?:under|over|about|nearly|almost|than|around|to|just|barely)\s+(?P<acur>[Aa]n?\s+(?:dollar|"
                   r"euro|pound|rouble|ruble|yuan|yen))\b")
LABEL_BEFORE = lx.LABEL_BEFORE
# the questions a reporter asks for in a briefing: "one more question", "one quick follow", "And one more."
ONE_ASKED = re.compile(r"\s+(?:more\s+|quick\s+)?(?:[A-Z][\w-]*+\s+)?(?:questions?|topics?|follow(?:-up)?s?)\b|"
                       r"\s+more(?=\s*[.?!,;—–]|\s+(?:quick\s+one|on|about|from|for)\b)")
# ("one quick Russia question", "one more topic", "One more on the balloon", "time for one more, and then")
ONE_IDIOM_AFTER = re.compile(r"\s*(?:-|of\b|another\b|by\b|side\b|day\b|time\b|point\b|way\b|thing\b|hand\b|or\s+"
                             r"another\b|more\b|last\b|another|too\b)", re.I)
QUAL_PRE = re.compile(
    r"(?:\b(?:just|only|well|slightly|a\s+little|far|much|roughly|nearly|almost)\s+)?\b(?P<q>about|around|roughly|"
    r"approximately|approx\.|some|nearly|almost|close\s+to|an\s+estimated|estimated|up\s+to|as\s+many\s+as|"
    r"as\s+much\s+as|as\s+high\s+as|as\s+few\s+as|as\s+little\s+as|as\s+low\s+as|less\s+than|fewer\s+than|under|"
    r"below|no\s+more\s+than|not\s+more\s+than|no\s+fewer\s+than|not\s+fewer\s+than|no\s+less\s+than|"
    r"not\s+less\s+than|at\s+most|a\s+maximum\s+of|at\s+least|more\s+than|over|above|"
    r"in\s+excess\s+of|exceeded|exceeding|exceeds|exceed|upwards\s+of|a\s+minimum\s+of|at\s+a\s+minimum|"
    r"topped|surpassed|within(?:\s+the\s+first)?)\s+$", re.I)   # not "passed": "Congress passed two bills"
QUALIFIER_OF = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "approx.": "approx",
    "some": "approx", "nearly": "approx", "almost": "approx", "close to": "approx", "an estimated": "approx",
    "estimated": "approx",
    "up to": "upper_bound", "as many as": "upper_bound", "as much as": "upper_bound", "as high as": "upper_bound",
    "less than": "upper_bound", "fewer than": "upper_bound", "under": "upper_bound", "below": "upper_bound",
    "no more than": "upper_bound", "not more than": "upper_bound", "at most": "upper_bound",
    "no fewer than": "lower_bound", "not fewer than": "lower_bound", "no less than": "lower_bound",
    "not less than": "lower_bound",
    "a maximum of": "upper_bound",
    "at least": "lower_bound", "more than": "lower_bound", "over": "lower_bound", "above": "lower_bound",
    "in excess of": "lower_bound", "exceeded": "lower_bound", "exceeding": "lower_bound", "exceeds": "lower_bound",
    "exceed": "lower_bound", "upwards of": "lower_bound", "a minimum of": "lower_bound",
    "at a minimum": "lower_bound", "as few as": "lower_bound", "as little as": "lower_bound",
    "as low as": "lower_bound", "topped": "lower_bound", "surpassed": "lower_bound",
    "within": "upper_bound", "within the first": "upper_bound",   # a deadline: "within 120 days"
}
NOT_SPAN_PRE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.I)
QUAL_POST = re.compile(r"(?P<post>\s+or\s+(?:more|so|fewer|less|above|over|older|younger)\b|-?plus\b|\+|-odd\b)",
                       re.I)
POST_OF = {"or more": "lower_bound", "or above": "lower_bound", "or over": "lower_bound", "plus": "lower_bound",
           "-plus": "lower_bound", "+": "lower_bound", "or so": "approx", "-odd": "approx",
           "or fewer": "upper_bound", "or less": "upper_bound", "or older": "lower_bound", "or younger": "upper_bound"}
# an age: "when they turn 65", "aged 18", "18 or older", "65 years of age"
# "children under 6", "people over the age of 65", "those under 18"
# ("individuals greater than 65", "individuals from 18 to 50": the people nouns of vocab/age_nouns.csv)
AGE_NOUNS = "|".join(re.escape(r["noun"]) for r in rows("age_nouns"))
AGE_BEFORE = re.compile(rf"\b(?:turns?|turned|turning|aged?|ages|ages?\s+of)\s+$|\b(?:{AGE_NOUNS})\s+"
                        r"(?:under|over|below|above|younger\s+than|older\s+than|greater\s+than|from|between)\s+$", re.I)
AGE_AFTER = re.compile(r"\s+(?:(?:or|and)\s+(?:older|younger)\b|years?\s+(?:of\s+age|old)\b)", re.I)
# a spoken false start, the number cut off with its word: "$20 mil- — $20 billion" (the number said again)
# a number cut off before a dash ("more than 200- — $2,000"), numbers in words with a word cut off ("seventy hundred
# thou- —")
FALSE_START = re.compile(r"(?=[$€£\d])[$€£]?\d[\d,.]*\s*[A-Za-z]{1,6}-(?=\s*[—–-]|\s+\S)(?![A-Za-z])|"
                         r"(?=[$€£\d])[$€£]?\d[\d,.]*-(?=[ \t]*[—–])")
FALSE_START_WORDS = re.compile(rf"\b(?i:{NUMBER_WORD})(?:[ \t-]++(?i:{NUMBER_WORD}|hundred|thousand|million|billion))"
                               r"{0,3}+[ \t]++[a-z]{1,6}-(?=[ \t]*[—–])")
CUT_WORD = re.compile(r"[a-z]-[ \t]*[—–]")   # (the words' pattern runs only where a word is cut off before a dash)
# a telephone number is not a quantity: "1-800-422-6237", "(202) 456-1111"
PHONE = re.compile(r"(?=[\d(+])(?<![\d-])(?:\+?1[-.\s])?(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?![\d-])"
                   r"|(?<![\d-])1-8\d\d-[0-9A-Z]{1,4}(?:-[0-9A-Z]{1,7}){1,2}\b")   # toll-free, with letters: 1-800-4-CANCER
CHANGE_VERB = re.compile(r"\b(?:rose|rise[sn]?|rising|grew|grow[sn]?|growing|increased?|increasing|fell|fall(?:s|en)?|"
                         r"dropped|drops?|declined?|climbed?|jumped?|revised|raised?|cut|reduced?|expanded?|swelled|"
                         r"went|gone|changed?|doubled|halved|moved?|shrank|surged?|soared?|slipped|up|down|"
                         r"discounted|lowered|slashed|plunged|plummeted|tripled|"
                         r"estimate\s+\w+)\b[^.;]*+$", re.I)
CURRENCY_AFTER = re.compile(r"\s*(?P<nat>North\s+Korean\s+|South\s+Korean\s+|Korean\s+|Russian\s+|US\s+|U\.S\.\s+|"
                            r"American\s+|Canadian\s+|Australian\s+|Hong\s+Kong\s+|Ukrainian\s+)?"
                            r"(?P<cw>dollars?|won(?![’']t)|"
                            r"rubles?|roubles?|euros?|yuan|renminbi|yen|hryvnias?|hryvnas|pounds\s+sterling|"
                            r"rupees|francs|bucks)\b|\s*(?P<code>USD|EUR|KRW|KPW|RUB|GBP|JPY|CNY|UAH)\b")
AGE_NOUN = re.compile(r"[ \t]+(\d{1,3}-year-olds)\b")
CENTS_AFTER = re.compile(r"\s*(?:cents?|¢)(?=\W|$)")
# "75 grand a year": thousands of dollars, where no noun follows ("two grand juries" is a count)
GRAND_AFTER = re.compile(r"\s+grand\b(?=\s*(?:[.,;:!?)—–]|$)|\s+(?:a|an|per|each|every|in|for|to|of|and|or|from|on|at|"
                         r"this|that|last|next)\b)")
# "a 100-million-dollar program": an amount written as a hyphenated modifier
HYPHEN_MONEY = re.compile(r"-(?:(?P<scale>thousand|million|billion|trillion)-)?(?P<cur>[a-z]+)\b")
# "78 hours’ worth": a length of time in a possessive unit
WORTH_AFTER = re.compile(r"\s+(?P<u>[a-z]+)['’]\s+worth\b")
RATE = re.compile(r"(?P<sep>\s*,?\s*)(?:(?:a|an|per|each|every)\s+(?P<noun>[a-z]+)|(?P<adv>monthly|annually|yearly|"
                  r"daily|weekly|apiece|hourly))\b")
HYPHEN_UNIT = re.compile(r"-(?P<u>year|day|week|month|hour|minute|decade|mile|kilometre|kilometer|km)s?"
                         r"(?P<old>-old)?\b|-(?P<strong>strong|man|member|person|driver|parent|earner)\b|"
                         r"-(?P<thing>nation|country|state|party|point|page|part|step|dose|time|seat|storey|story|"
                         r"vehicle|car|ship|plane|truck|bed|room|carriage|wagon)\b")
# ("a five-part strategy", "a two-dose vaccine", "three-time")


@dataclass
class Atom:
    """A number as written, before qualifiers, ranges and units are attached."""
    start: int
    end: int
    value: float
    currency: str = ""
    percent: bool = False
    words: bool = False
    kind: str = ""           # "" for plain numbers, else other/fraction/vague forced kinds
    unit: str = ""
    qualifier: str = ""
    span_start: int | None = None


def _sentence_start(text: str, pos: int, floor: int) -> bool:
    before = text[floor:pos].rstrip()
    return not before or before[-1] in ".!?\"“‘'(—–-:" or before == "Q" or \
        before[-2:] in (".)", "!)", "?)")   # (a reporter's turn: "Q One quick follow")


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


class _Spans:
    """The spans taken so far in a paragraph, kept merged and sorted, so that asking whether a new span
    overlaps one of them is a binary search, not a scan of all of them (``_overlaps``)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(spans):
            if self.ends and s < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], e)
            else:
                self.starts.append(s)
                self.ends.append(e)

    def overlaps(self, a: int, b: int) -> bool:
        """True when ``[a, b)`` meets a span (as ``_overlaps``)."""
        k = bisect.bisect_left(self.starts, b) - 1  # the last span starting before b: the largest end
        return k >= 0 and self.ends[k] > a

    def add(self, a: int, b: int) -> None:
        """Add a span that overlaps none of them."""
        k = bisect.bisect_left(self.starts, a)
        self.starts.insert(k, a)
        self.ends.insert(k, b)


def _valid_words(s: str) -> str:
    """The longest prefix of a number-word run that reads as one number."""
    toks = re.findall(r"[A-Za-z]+|[\s-]+", s)
    best, prev = "", None
    acc = ""
    for tok in toks:
        acc += tok
        if not tok.strip(" -\t"):
            continue
        t = tok.lower()
        cls = ("unit" if t in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine") else
               "teen" if t in ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                               "eighteen", "nineteen", "zero") else
               "tens" if t in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety") else
               "and" if t == "and" else "a" if t == "a" else "scale")
        ok = (prev is None or (prev == "tens" and cls == "unit") or prev == "scale" and cls != "scale"
              or prev in ("unit", "teen", "tens", "a") and cls == "scale" or prev == "and" and cls != "scale"
              or prev == "scale" and cls == "scale")
        if cls == "and" and prev != "scale":
            break
        if not ok:
            break
        prev = cls
        if cls != "and":
            best = acc
    return best.rstrip(" -")


# a verb of money before a bare "millions"/"billions" (a document of the US government: dollars)
SPENT_BEFORE = re.compile(r"\b(?:spend|spends|spent|spending|cost|costs|costing|receive[ds]?|receiving|paid|pays?|paying|"
                          r"save[ds]?|saving|invest(?:s|ed|ing)?|raised?|raising|lose|loses|lost|losing|earn(?:s|ed|ing)?|"
                          r"owe[ds]?|worth|make|makes|made|making|secured?|securing|attract(?:s|ed|ing)?|"
                          r"generate[ds]?|generating)\s+(?:[a-z]+\s+)?$")


def _vague_atoms(text: str, start: int, end: int) -> Iterator[Atom]:
    """'several hundred', 'dozens of', 'tens of thousands of', 'a couple of': lower bounds."""
    for m in VAGUE.finditer(text, start, end):
        if m.group("couple"):  # "a couple of miles": two, at least
            yield Atom(m.start(), m.end("couple") - len(" of"), 2.0, qualifier="lower_bound", words=True)
            continue
        if m.group("couple2"):  # "a couple hours", "the past couple months" (not "the couple's home")
            if m.group("couple2")[0] in "aA" or \
                    re.search(r"\b(?:past|last|next|first)\s+$", text[max(start, m.start() - 7):m.start()]):
                yield Atom(m.start(), m.end("couple2"), 2.0, qualifier="lower_bound", words=True)
            continue
        if m.group("few"):
            base = VAGUE_COUNT[re.sub(r"\s+", " ", m.group("few").lower())]
            scale = m.group("fscale").lower()
            value = base * (12 if scale == "dozen" else SCALES[scale])
            stop = m.end("fscale")
        else:
            value = PLURAL_SCALES[m.group("plural").lower()]
            several = re.search(r"\b[Ss]everal\s+$", text[max(start, m.start() - 9):m.start()])
            if several and m.group("plural").lower() not in ("tens", "dozens", "scores"):
                value *= 1.5   # "several billions of dollars": three of them, at least (as "several" alone is)
            if m.group("pscale"):
                value *= PLURAL_SCALES[m.group("pscale").lower()] / 2
            elif m.group("plural").lower() == "tens":
                continue  # "tens" alone is not a quantity
            stop = m.end("pscale") if m.group("pscale") else m.end("again") if m.group("again") else m.end("plural")
            if not m.group("of") and not m.group("pscale") and not re.match(r"\s+(?:were|are|have|had|more|of)\b",
                                                                            text[stop:stop + 8]):
                if m.group("plural").lower() in ("millions", "billions", "trillions") and \
                        SPENT_BEFORE.search(text, max(start, m.start() - 30), m.start()):
                    # "despite spending billions on ...", "received millions in compensation": dollars
                    yield Atom(m.start(), stop, value, qualifier="lower_bound", currency="USD")
                    continue
                if m.group("plural").lower() in ("billions", "trillions") and \
                        re.match(r"\s+(?:in|for)\s+(?!the\s+world\b)", text[stop:stop + 20]):
                    # "it includes billions for facilities", "brought trillions in investments": dollars
                    yield Atom(m.start(), stop, value, qualifier="lower_bound", currency="USD")
                    continue
                if m.group("plural").lower() in ("hundreds", "thousands", "millions") and \
                        PEOPLE_PLURAL_BEFORE.search(text, max(start, m.start() - 16), m.start()) and \
                        PEOPLE_PLURAL_AFTER.match(text, stop):
                    # "has touched millions.", "the witness of millions who endured": people, unnamed
                    yield Atom(m.start(), stop, value, qualifier="lower_bound", kind="personnel", unit="people")
                    continue
                if not re.match(r"\s+[a-z]+s\b", text[stop:stop + 30]):
                    continue
        yield Atom(m.start(), stop, value, qualifier="lower_bound",
                   span_start=m.start() if m.group("of") else None)


# a bare "millions" that stands for people: after a preposition or a verb, before the clause ends or "who"
PEOPLE_PLURAL_BEFORE = re.compile(r"\b(?:of|by|to|for|among|with|from|[a-z]{3,}ed)[ \t]+$")
PEOPLE_PLURAL_AFTER = re.compile(r"[ \t]*(?:[.,;:!?—–]|$)|[ \t]+(?:who|whose|that|which)\b")


# what makes "N times" a multiplier rather than a count of occasions: a comparison after it
COMPARED = re.compile(r"\s+(?:more|less|fewer|as|the|that|what|over|larger|bigger|higher|greater|smaller|lower|"
                      r"faster|slower|longer|shorter|stronger|cheaper|[a-z]+er\s+than)\b", re.I)


def _multiplier_atoms(text: str, start: int, end: int) -> Iterator[Atom]:
    """'three times', 'a factor of four', 'doubled', 'twice', 'halved': kind other, unit times."""
    for m in MULTIPLIER.finditer(text, start, end):
        if m.group("mword"):
            w = m.group("mword").lower()
            if re.match(r"\s+down\b", text[m.end():m.end() + 6], re.I):
                continue   # "doubling down, tripling down": an idiom, no multiple
            if w in ("double", "triple", "quadruple", "doubles", "triples", "quadruples"):
                before = text[max(start, m.start() - 20):m.start()]
                after = text[m.end():m.end() + 12]
                if not (QUAL_PRE.search(before) or re.match(r"\s+(?:the|that|its|their|what|his|her|my|our|your|this|"
                                                            r"these|those|both|current|annual)\b", after)):
                    continue   # a verb before its object doubles ("double our exports"); "double taxation" does not
            value = MULTIPLIER_WORDS.get(w.replace("-", ""), MULTIPLIER_WORDS.get(w, 0)) or \
                float(words_to_number(w.replace("fold", "").strip("-")))
        else:
            raw = m.group("mnum") or m.group("fnum")
            try:
                value = parse_digits(raw) if raw[0].isdigit() else words_to_number(_valid_words(raw))
            except ValueError:
                continue
            if value == 1 or re.match(r"(?i)a\b", raw):
                continue
            if raw[0].isdigit() and re.search(r"[A-Za-z-]$", text[max(start, m.start() - 1):m.start()]):
                continue
            if m.group(0).lower().endswith("times") and not COMPARED.match(text, m.end(), min(end, m.end() + 40)) \
                    and not re.search(r"\bby\s+$", text[max(start, m.start() - 4):m.start()]):   # "grew by 2.7 times"
                yield Atom(m.start(), m.end(), value, kind="count", unit="times")   # how often: "said it 100 times"
                continue
        yield Atom(m.start(), m.end(), value, kind="other", unit="times")


FRACTION_OF = re.compile(r"\s+(?:of\s+(?:a|an|one)\s+)?(?:(?P<scale>million|billion|thousand|trillion)\b|"
                         r"(?P<u>[a-z]+)\b)")


PERCENT_OF = re.compile(r"[ \t]+of[ \t]+(?:a|one|1)[ \t]+(?:percent|per[ \t]+cent)\b|[ \t]+of[ \t]+1[ \t]?%")


def _fraction_atoms(text: str, start: int, end: int) -> Iterator[Atom]:
    """'half', 'a third', 'four-fifths': kind other, unit fraction (not ordinals, not 'the first half')."""
    for m in FRACTION.finditer(text, start, end):
        frac = re.sub(r"[\s-]+", " ", m.group("frac").lower())
        before = text[max(start, m.start() - 12):m.start()].lower()
        if frac == "half" and re.search(r"\b(?:first|second|other|latter|former|and\s+a|one|an?)\s+$", before) or \
                frac in ("half", "a half") and re.match(r"\s+(?:a|an)\s", text[m.end():m.end() + 4]):
            continue  # "the first half", "half a year" (a measure)
        if frac.startswith("a ") and re.search(r"\band[\s-]+$", before):
            continue  # "two and a half": part of the number
        if frac.endswith("quarter") and re.match(r"\s+(?:century|of\s+(?:the\s+)?(?:year|19|20))",
                                                   text[m.end():m.end() + 14]):
            continue
        of = FRACTION_OF.match(text, m.end())
        if frac.endswith("quarters") and not frac.startswith(("a ", "one ")) and \
                not re.match(r"\s+(?:of|full|empty)\b", text[m.end():m.end() + 7]):
            continue  # "for two quarters": a length of time in quarters of a year (a figure of its own), no share
        unit_after = of and of.group("u") and (of.group("u").lower() in lx.TIME_UNITS or
                                                of.group("u").lower() in lx.MEASURE_UNITS)
        if frac.startswith(("a ", "one ")) and not frac.endswith(("half", "s")) and not unit_after and \
                "-" not in m.group("frac"):   # ("one-third fewer" is a share; "a third contingent" an ordinal)
            nxt = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 20])
            if nxt and nxt.group(1) not in lx.STOP and not nxt.group(1).endswith("ed"):
                continue  # "a third contingent", "a fifth wave": ordinals
        value = fraction_value(frac)
        if value is None:
            continue
        pct = PERCENT_OF.match(text, m.end())
        if pct:   # "one tenth of one percent": 0.1 percent
            yield Atom(m.start(), pct.end(), value, words=True, percent=True)
            continue
        if of and of.group("scale"):   # "a quarter of a million dollars": 250,000
            yield Atom(m.start(), of.end(), value * SCALES[of.group("scale").lower()], words=True)
        elif unit_after:
            u = of.group("u").lower()   # "a quarter mile", "a quarter of an inch": that share of the unit
            yield Atom(m.start(), of.end(), value, words=True, kind="measure",
                       unit=lx.TIME_UNITS.get(u) or lx.MEASURE_UNITS[u])
        else:
            yield Atom(m.start(), m.end(), value, kind="other", unit="fraction")


def _one_in_atoms(text: str, start: int, end: int) -> Iterator[Atom]:
    """'one in five', '1 in 3': a fraction (0.2, 0.333333)."""
    for m in ONE_IN.finditer(text, start, end):
        try:
            num = 1.0 if m.group("num").lower() == "a" else (parse_digits(m.group("num")) if m.group("num")[0].isdigit()
                                                             else words_to_number(m.group("num")))
            den = parse_digits(m.group("den")) if m.group("den")[0].isdigit() else words_to_number(m.group("den"))
        except ValueError:
            continue
        if den > num > 0:
            yield Atom(m.start(), m.end(), round(num / den, 6), kind="other", unit="fraction")


def _a_unit_atoms(text: str, start: int, end: int) -> Iterator[Atom]:
    """'a kilometre or more', 'for a decade', 'a fortnight', 'half a year', 'under a dollar': one of the unit."""
    for m in A_UNIT.finditer(text, start, end):
        first_group = next(g for g in ("a", "a2", "a3", "fortnight", "andhalf", "next", "partcent", "halfunit",
                                       "acur") if m.group(g))
        if re.search(r"(?:\d|hundred|thousand|million|billion|dozen|\bonce|\btwice|times)\s*$",
                     text[max(start, m.start(first_group) - 12):m.start(first_group)]):
            continue  # "$1,000 a month or so", "twice a year": a rate, not a quantity
        if m.group("fortnight"):
            yield Atom(m.start("fortnight"), m.end(), 2.0, words=True, kind="measure", unit="weeks")
        elif m.group("andhalf"):   # "(this last) year and a half": a length of time
            yield Atom(m.start("andhalf"), m.end("andhalf"), 1.5, words=True, kind="measure",
                       unit=lx.TIME_UNITS[m.group("hunit").lower()])
        elif m.group("next"):   # "over the next decade": how long, not when
            yield Atom(m.start("next"), m.end("next"), 1.0, words=True, kind="measure",
                       unit=lx.TIME_UNITS[m.group("nunit").lower()])
        elif m.group("partcent"):   # "the past half-century", "a quarter-million injuries"
            share = 0.5 if m.group("part").lower() == "half" else 0.25
            if m.group("pu") == "century":
                yield Atom(m.start("partcent"), m.end(), share, words=True, kind="measure", unit="centuries")
            else:
                yield Atom(m.start("partcent"), m.end(), share * SCALES[m.group("pu")], words=True)
        elif m.group("halfunit"):
            unit = m.group("halfunit").split()[-1].lower()
            if unit in ("million", "billion", "dozen"):
                yield Atom(m.start("halfunit"), m.end(), 0.5 * {"million": 1e6, "billion": 1e9, "dozen": 12}[unit],
                           words=True)
            else:
                yield Atom(m.start("halfunit"), m.end(), 0.5, words=True, kind="measure",
                           unit=lx.TIME_UNITS.get(unit) or lx.MEASURE_UNITS.get(unit, unit + "s"))
        elif m.group("acur"):
            yield Atom(m.start("acur"), m.end(), 1.0, words=True,
                       currency=lx.CURRENCY_WORDS.get(m.group("acur").split()[-1].lower() + "s", "USD"))
        else:
            yield Atom(m.start(first_group), m.end(first_group), 1.0, words=True)   # ("for an additional year",
            # "at least another year": one of the unit)


NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+[ \t]+[A-Z][a-z]*+[ \t]+$|\b[A-Z]{2,}[ \t]+[A-Z][a-z]+[A-Z][A-Za-z]*+[ \t]+$")
# (a brand's name: "Nestlé NAN SupremePro 1")
# the rest of a short title that a number opens, inside quotation marks: (“60) Minutes”
QUOTED_TITLE_REST = re.compile(r"[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3}[”\"]")
NAME_NUMBER_AFTER = re.compile(r"[.,;:!?)]|[ \t]+(?:is|was|will|would|won[’']t|has|had|once|could|can)\b")


def _digit_atom(m: re.Match, text: str, start: int) -> Atom | None:
    """'1,500', '$22 million', '12k', '82%': None for labels, ordinals, times and code."""
    s, e = m.start(), m.end()
    prev = text[s - 1] if s > 0 else " "
    prev2 = text[s - 2] if s > 1 else " "
    nxt = text[e] if e < len(text) else " "
    joined_range = prev in "-–" and re.search(r"(?:\d|thousand|million|billion|trillion|[$€£]\d[\d,.]*(?:bn|m|k))[-–]$",
                                             text[max(start, s - 12):s])
    if prev in "-–" and re.search(r"\b[A-Za-z]{1,6}[-–]\d+[-–]$", text[max(start, s - 16):s]):
        return None  # "Investigation No. TA-201-75": the last part of a code, not a range
    if re.match(r"\((?:[a-z]{1,3}|\d{1,2})\)", text[e:e + 5]):
        return None  # "a 401(k) plan", "article 26(g)": a provision's or a plan's name, not a number
    if re.match(r"\.\d", text[e:e + 2]) or text[s - 2:s].endswith(".") and text[s - 2:s - 1].isdigit():
        return None  # "heading 9903.80.65", "version 1.2.3": a code with two points, not a number
    if re.fullmatch(r"\d{1,2}(?:\.0)?", m.group(0)) and NAME_BEFORE.search(text, max(start, s - 40), s) and \
            NAME_NUMBER_AFTER.match(text, e):
        return None  # "Nord Stream 2 won’t happen", "Operation Choke Point 2.0 once and for all": a name's number
    if re.fullmatch(r"\d{1,2}", m.group(0)) and re.match(r"[.)][ \t]*[A-Z“\"(]", text[e:e + 3]) and \
            (s == start or re.search(r"[.!?][ \t]+$", text[max(start, s - 3):s])):
        return None  # "1. Subject to any exceptions ...", "3.Mobilized ...": a list item's number, a label
    if prev == "(" and (prev2.isalnum() or prev2 in "_)") and text[e:e + 1] in ",)":
        return None  # "alert(1)", "section 506(a)(1)": code, markup or a provision's number, not a figure
    if prev.isalnum() or prev in "#№/" or (prev in "-–‑" and prev2.isalpha() and not joined_range) or \
            prev in ".,:" and prev2.isdigit() or prev == "." and prev2.isupper():
        return None  # "MiG-29", "No.5", "9/11", "the BA.5 variant"
    if nxt.isalpha() and not re.match(r"(?:mm|km|kg|cm)\b", text[e:e + 3]):
        return None  # "11th", "5G"
    if re.match(r"\s+anniversary\b", text[e:e + 13]):
        return None  # "the 70 anniversary": an ordinal written without its ending
    if re.match(r"-?mm\s+(?:[A-Z]|guns?|howitzers?|shells?|rounds?|artillery|cannons?|mortars?|rockets?|calibre)",
                text[e:e + 20]):
        return None  # "170mm Koksan guns", "152-mm shells": a calibre, a label
    if prev == "+" and prev2.isalpha():
        return None  # "GMT+9"
    if prev == "%":
        return None  # "%20", "%E2%80%9C": a web address's encoding left in the text, no figure
    if nxt == ")" and (s == start or re.search(r"(?:^|[:;,]|\band|\bor)\s+$", text[max(start, s - 5):s])) and \
            "(" not in text[max(start, s - 40):s]:
        return None  # "will include: 1) assessments, 2) cuts, and 3) savings": a list's item number
    if (prev, nxt) in (("(", ")"), ("[", "]")) and e - s <= 2 and (not prev2.isalnum() or prev == "[" and
                                                                     prev2.isalpha()):
        return None  # "would (1) ban … (2) prohibit": an item's number; "grew fast.[1]", "an agreement[8]": a note's
    if e - s <= 5 and not m.group("cur") and LABEL_AFTER.match(text, e) and _in_label_list(text, start, s):
        return None  # "sections 2118(b) and 2122(a)", "5 U.S.C. 101, 102, and 104(1)": more labels
    if nxt in ":/" and e + 1 < len(text) and text[e + 1].isdigit():
        return None  # "3:30", "24/7"
    if prev in "“\"" and not m.group("cur") and QUOTED_TITLE_REST.match(text, e):
        return None  # "the President’s remarks in “60 Minutes”": a title in quotation marks, no figure
    if LABEL_BEFORE.search(text[max(start, s - 24):s]) and not m.group("cur"):
        return None  # "Article 51"
    if prev in "-–‑" and prev2.isdigit() and \
            LABEL_BEFORE.search(re.sub(r"\d+[-–‑]$", "", text[max(start, s - 28):s])):
        return None  # "Public Law 100-307", "41 U.S.C. 8301–8305": the second part of a label
    try:
        value = parse_digits(m.group("num"))
    except ValueError:
        return None
    scale = (m.group("scale") or m.group("short") or "").lower()
    if scale:
        value *= SCALES.get(scale) or SHORT_SCALES[scale]
    cur = lx.CURRENCY_SYMBOLS.get((m.group("cur") or "").strip(), (m.group("cur") or "").strip())
    return Atom(s, e, value, currency=cur, percent=bool(m.group("pct")),
                qualifier="lower_bound" if m.group("plus") else "")   # "$287+ million": at least


# "one" right before a word in -s: "one thinks", "one sees" (a count would take a singular: "one vote")
ONE_SUBJECT_VERB = re.compile(r"[ \t]+[a-z]+s\b")


def _word_atom(m: re.Match, text: str, start: int) -> Atom | None:
    """'four', 'twelve thousand', 'two and a half': None for idioms ('one day', 'the two leaders') and names."""
    raw_words = m.group("words")
    half = re.search(r"[\s-]+and[\s-]+a[\s-]+half$", raw_words, re.I)   # "three-and-a-half"
    words = _valid_words(raw_words[:half.start()] if half else raw_words)
    if not words or words.lower() in ("a", "and"):
        return None
    s = m.start("words")
    e = s + len(words)
    try:
        value = words_to_number(words)
    except ValueError:
        return None
    if half and words == raw_words[:half.start()].strip():
        last = words.split()[-1].lower()
        value += 0.5 * SCALES.get(last, 1)  # "two and a half hours",
        # "a million and a half soldiers" (half of the scale it follows)
        e, words = s + len(raw_words), raw_words
    low = words.lower()
    if text[s - 1:s] == "-" or text[e:e + 1] == "-" and not HYPHEN_UNIT.match(text, e):
        return None
    if words[0].isupper() and not _sentence_start(text, s, start):
        return None  # "Group of Seven", "the Big Three"
    if LABEL_BEFORE.search(text[max(start, s - 24):s]):
        return None  # "number six" (a rank), "Phase two"
    after = text[e:e + 40]
    before = text[max(start, s - 12):s]
    if low == "zero" and re.match(r"\s+(?!percent\b|per\s+cent\b)[a-z]+(?<!s)\b", after) and \
            not (lx.noun_after(after, max_words=4) or ("", ""))[1].endswith("s"):
        return None  # "zero care", "zero tolerance": none at all, no count ("zero deaths", "zero illegal aliens",
        # "zero greenhouse gas emissions" count)
    if low == "one" and ONE_ASKED.match(after) and not re.search(r"\b(?:the|that|this)\s+$", before, re.I):
        return Atom(m.start(), e, 1.0, words=True, kind="count", unit="questions")   # "Just one question."
    if low == "one":
        one_unit = HYPHEN_UNIT.match(text, e) and not re.match(r"-times?\b", text[e:e + 7])
        qual = QUAL_PRE.search(text[max(start, s - 30):s])
        if qual and qual.group("q").lower().startswith("within"):
            qual = None   # "falling within one of the categories": not a bound
        if ONE_SUBJECT_VERB.match(after) and not re.match(r"\s+(?:news|series|species|means|[a-z]+(?:ss|us|is))\b",
                                                        after):
            return None   # "whatever one thinks", "when one sees": the pronoun and its verb, no count
        if not one_unit and (re.search(r"\b(?:the|no|any|every|each|this|that|at)\s+$", before, re.I) or
                             ONE_IDIOM_AFTER.match(after) and not qual):
            return None   # ("a one-year extension", "a one-page memo": a unit, no idiom; "one-time" is one)
        if not lx.noun_after(after) and not qual and not re.match(r"\s+or\s+(?:two|three)\b", after) and \
                not m.group("wpct") and not one_unit:
            return None   # ("One percent." is a share)
    wcur = lx.CURRENCY_SYMBOLS.get((m.group("wcur") or "").strip(), "")
    return Atom(m.start(), m.end() if m.group("wpct") else e, value, currency=wcur, percent=bool(m.group("wpct")),
                words=True)


def _number_atoms(text: str, start: int, end: int) -> Iterator[Atom]:
    """Digits (with currency, scale, percent) and number words."""
    for m in ATOM.finditer(text, start, end):
        atom = _digit_atom(m, text, start) if m.group("num") else _word_atom(m, text, start)
        if atom is not None:
            yield atom


MULTI_SCALE = re.compile(r"\b[Mm]ulti-?(?P<scale>million|billion|trillion)-dollar\b")


def _multi_scale_atoms(text: str, start: int, end: int) -> Iterator[Atom]:
    """'multibillion-dollar', 'multi-million-dollar': two of the scale in dollars, at least."""
    for m in MULTI_SCALE.finditer(text, start, end):
        yield Atom(m.start(), m.end(), 2 * SCALES[m.group("scale")], qualifier="lower_bound", currency="USD",
                   words=True)


UNIT_OR_TWO = re.compile(r"\b(?:[Aa]n?|[Oo]ne|first|last|next|past)[ \t]+(?P<u>minute|hour|day|week|month|year)"
                         r"[ \t]+or[ \t]+(?:two|three)\b")


def _unit_or_two_atoms(text: str, start: int, end: int) -> Iterator[Atom]:
    """'a week or two', 'his first week or two': one of the unit, the low end of the range that the number
    after it completes."""
    for m in UNIT_OR_TWO.finditer(text, start, end):
        yield Atom(m.start("u"), m.end("u"), 1.0, words=True, kind="measure", unit=lx.TIME_UNITS[m.group("u")])


ATOM_FINDERS = (_multi_scale_atoms, _unit_or_two_atoms, _vague_atoms, _multiplier_atoms, _one_in_atoms,
                _fraction_atoms, _a_unit_atoms, _number_atoms)


NEGATIVE_BEFORE = re.compile(r"\b(?:[Nn]egative|[Mm]inus)[ \t]+$")


def find_atoms(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Atom]:
    """Number atoms in ``text[start:end]`` outside the ``taken`` spans (dates); the finders run in
    order and an earlier atom wins an overlap ("several hundred" before "hundred")."""
    atoms: list[Atom] = []
    used = _Spans([*taken, *(m.span() for m in PHONE.finditer(text, start, end)),
                   *(m.span() for m in FALSE_START.finditer(text, start, end)),
                   *(m.span() for m in (FALSE_START_WORDS.finditer(text, start, end)
                                        if CUT_WORD.search(text, start, end) else ()))])
    for finder in ATOM_FINDERS:
        for a in finder(text, start, end):
            if not used.overlaps(a.start, a.end):
                atoms.append(a)
                used.add(a.start, a.end)
    atoms.sort(key=lambda a: a.start)
    for i, a in enumerate(atoms):   # "negative 50 percent", "minus 3 percent": below zero
        neg = NEGATIVE_BEFORE.search(text, max(start, a.start - 10), a.start)
        if neg and a.value > 0 and not a.currency and \
                not re.fullmatch(r"(?i)once|twice|thrice", text[a.start:a.end]):   # "test negative twice": no sign
            atoms[i] = replace(a, start=neg.start(), value=-a.value)
        elif a.value > 0 and not a.currency and text[a.start:a.start + 1].isdigit() and \
                a.start > start and text[a.start - 1] in "-−" and \
                (a.start - 1 == start or text[a.start - 2] in " \t([") and \
                not re.search(r"\d[ \t]*$", text[max(start, a.start - 8):a.start - 1]):   # ("3 -4": a range)
            atoms[i] = replace(a, start=a.start - 1, value=-a.value)   # "a deficit of -4.0% of GDP": the sign written
    return atoms


# --------------------------------------------------------------------------- assembling figures

def _pre_qualifier(text: str, pos: int, floor: int) -> tuple[str, int]:
    """The qualifier written before ``pos`` and where its span starts."""
    window = text[max(floor, pos - 40):pos]
    m = QUAL_PRE.search(window)
    if not m:
        m2 = NOT_SPAN_PRE.search(window)
        return "", (pos - len(window) + m2.start() if m2 else pos)
    q = re.sub(r"\s+", " ", m.group("q").lower())
    return QUALIFIER_OF.get(q, ""), pos - len(window) + m.start()


LIST_ITEM_BEFORE = re.compile(r"(?<![\w.,])\d{1,5}[A-Za-z]?(?:\([0-9A-Za-z]{1,4}\)){0,3}"
                              r"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|,?[ \t]+(?:and|or|through|to)[ \t]+)$")


LABEL_AFTER = re.compile(r"\(|[,;.)]|[ \t]+(?:and|or|through|of|to)\b|$", re.M)


def _in_label_list(text: str, floor: int, pos: int) -> bool:
    """Whether the number at ``pos`` continues a list of labels: "sections 1 and 2", "Title 14, 15, or 16"."""
    for _ in range(8):   # a list of at most eight items is looked through
        m = LIST_ITEM_BEFORE.search(text, max(floor, pos - 30), pos)
        if not m:
            return False
        pos = m.start()
        if LABEL_BEFORE.search(text, max(floor, pos - 24), pos):
            return True
    return False


AGE_RANGE_GAP = re.compile(r"\s+years?\s+old\s+(?:to|-|–)\s+")
SCORE_AFTER = re.compile(r"\s+(?:vote|votes|victory|win|loss|defeat|decision|margin|score|tally|majority)\b")


# a number cut off by its hyphen, the rest said once with the next: "60- or 70,000 people", "$4- to $500 a vial",
# "$13-, $14,000 a year", "a four- or five-year apprenticeship"
SUSPENDED_GAP = re.compile(r"[-‑],?[ \t]+(?:(?:to|or|and)[ \t]+)?[$€£]?")


def _suspended(text: str, a: Atom, b: Atom) -> bool:
    """Whether a and b are a range whose first number is cut off by its hyphen."""
    return bool(SUSPENDED_GAP.fullmatch(text, a.end, b.start)) and a.value < b.value * 1.5 and not (a.kind or b.kind)


def _join_range(text: str, a: Atom, b: Atom, floor: int) -> bool:
    gap = text[a.end:b.start]
    if _suspended(text, a, b):
        return True
    if a.words and a.kind == "measure" and a.value == 1 and b.words and not b.kind and b.value in (2, 3) and \
            re.fullmatch(r"[ \t]+or[ \t]+", gap):
        return True   # "a week or two": from one to two weeks
    before = text[max(floor, a.start - 45):a.start]
    between = re.search(r"\b[Bb]etween\s+(?:" + CUR_PRE.replace("\\s?", "") + r")?$", before)
    if QUAL_PRE.search(gap):
        return False
    if between and re.fullmatch(r"\s+and\s+", gap):
        return True
    if a.words and b.words and gap == ", " and b.value == a.value + 1 and not a.kind and not b.kind and \
            not re.match(r"\s*,", text[b.end:b.end + 2]) and not re.search(r",\s*$", text[max(floor, a.start - 3):a.start]):
        return True   # "in six, seven years": a spoken range (not a list: "two, three, four troops")
    if not a.words and not b.words and gap == ", " and a.value < b.value <= 1.5 * a.value and \
            b.value - a.value <= 10 and not (a.kind or b.kind or a.percent or a.currency) and \
            (b.percent or lx.noun_after(text[b.end:b.end + 40])) and \
            not re.match(r"\s*(?:,|and\b|or\b)", text[b.end:b.end + 5]) and \
            not re.search(r"\d\s*,?\s*$", text[max(floor, a.start - 4):a.start]):
        return True   # "35, 40 percent", "they tell me, 24, 25 hours": a spoken range (a list has more items or an
        # "and")
    if AGE_RANGE_GAP.fullmatch(gap):
        return True   # "from 100 years old to 109 (years old)": a range of ages
    if not re.fullmatch(r"\s*(?:to|-|–|—)\s*|\s+or\s+", gap):
        return False
    if a.value == b.value and re.fullmatch(r"\s*[—–-]\s*", gap) and (a.words or b.words):
        return False  # "the last two — two — two years": a speaker repeating a number, no range
    if re.fullmatch(r"\s+—\s+", gap):
        return False  # "will create 3,000 — 300 permanent jobs": a spoken break, a number restated, no range
    if gap in ("-", "–") and SCORE_AFTER.match(text, b.end):
        return False  # "a 37-61 vote", "a 3-1 win": a tally, two counts
    if b.unit == "times" and not a.kind and not re.fullmatch(r"\s+or\s+", gap):
        return True   # "10 to 100 times": a range of multiples
    if a.kind or b.kind:
        return False
    if re.fullmatch(r"\s+or\s+", gap) and not (a.words and b.words):
        return False
    if re.search(r"\b[Ff]rom\s+(?:" + CUR_PRE.replace("\\s?", "") + r")?$", before):
        clause = text[_window(text, floor, a.start):a.start]  # a bounded look-back, not the whole paragraph
        clause = re.split(r"[.;:]\s", clause)[-1]
        if CHANGE_VERB.search(clause):
            return False
    return True


def _currency_after(text: str, pos: int) -> tuple[str, int] | None:
    m = CURRENCY_AFTER.match(text, pos)
    if not m:
        return None
    if m.group("code"):
        return m.group("code"), m.end()
    cw = m.group("cw").lower()
    code = lx.CURRENCY_WORDS.get(cw) or lx.CURRENCY_WORDS.get(cw + "s") or lx.CURRENCY_WORDS.get(cw.rstrip("s"), "")
    nat = re.sub(r"\s+", " ", (m.group("nat") or "").strip().lower())
    if code == "KRW" and nat.startswith("north"):
        code = "KPW"
    if code == "USD" and nat in ("canadian",):
        code = "CAD"
    if code == "USD" and nat in ("australian",):
        code = "AUD"
    if code == "USD" and nat == "hong kong":
        code = "HKD"
    if cw == "won" and not re.search(r"\d|million|billion|thousand", text[max(0, m.start() - 15):m.start()]):
        return None
    return (code, m.end()) if code else None


OF_MONEY_WORD = re.compile(r"\s+([A-Za-z’']+)")


def _rates(text: str, pos: int, limit: int) -> tuple[list[str], int]:
    rates, end = [], pos
    for _ in range(3):
        m = RATE.match(text, end, limit)
        if not m:
            break
        if m.group("adv"):
            rates.append(lx.RATE_ADVERBS[m.group("adv")])
        else:
            noun = m.group("noun")
            per_any = m.group(0).lstrip(" ,").startswith("per") and noun not in lx.STOP and len(noun) > 2
            if noun not in lx.RATE_NOUNS and noun.rstrip("s") not in lx.RATE_NOUNS and not per_any:
                break   # "per" takes any unit ("$3 per gallon"); "a", "each", "every" only the known ones
            if m.group(0).lstrip(" ,").startswith(("each", "every")) and noun not in lx.TIME_UNITS:
                break
            rates.append(lx.normalise_rate(noun.rstrip("s") if noun not in lx.RATE_NOUNS else noun))
        end = m.end()
    return rates, end


def _pick_rate(rates: list[str]) -> str:
    """One noun for ``per``: the time unit when there is one, else the other."""
    for r in rates:
        if r in ("month", "year", "week", "day", "hour"):
            return r
    return rates[0] if rates else ""


def _bounds(q: str, low: float, high: float) -> tuple[float | None, float | None]:
    if q == "upper_bound":
        return None, high
    if q == "lower_bound":
        return low, None
    return low, high


@dataclass
class Counted:
    """What a number counts, as read right after it."""

    kind: str = ""       # "" when the counted noun is elided
    unit: str = ""
    end: int = 0         # where the figure's span ends (past the noun or currency word)
    noun_span: tuple[int, int] | None = None
    partitive: str = ""  # "of its troops" -> "troops"; "of them" -> "them"
    hint: str = ""       # "personnel" when a participle or "a country of" says people are counted
    scale: float = 1.0   # "82 cents": the value in the currency's units (0.82 dollars)


def _head_kind(head: str) -> tuple[str, str]:
    """The kind and unit a counted head noun gives: 'days' measure, 'troops' personnel, 'tanks' count."""
    if head in lx.TIME_UNITS:
        return "measure", lx.TIME_UNITS[head]
    if head in lx.MEASURE_UNITS:
        return "measure", lx.MEASURE_UNITS[head]
    return ("personnel" if lx.is_personnel(head) else "count"), head


def _hyphen_unit(hm: re.Match) -> tuple[str, str]:
    """'11-nation' count, '1,500-strong' personnel, '23-year-old' measure."""
    if hm.group("thing"):
        thing = hm.group("thing")
        return "count", {"country": "countries", "party": "parties", "storey": "storeys",
                         "story": "storeys"}.get(thing, thing + "s")
    if hm.group("strong"):
        return "personnel", "troops" if hm.group("strong") == "strong" else "people"
    u = hm.group("u")
    return "measure", lx.TIME_UNITS.get(u, lx.MEASURE_UNITS.get(u, u + "s"))


PERCENTAGE_POINTS = re.compile(r"[ \t]+(?:full[ \t]+)?percentage[ \t\-]+points?\b", re.I)
AFTER_WINDOW = 1000  # how far after a number its counted noun is read (six words at most)


def _what_is_counted(text: str, start: int, end: int, pos: int, a: Atom, first: Atom, last: Atom) -> Counted | None:
    """The kind and unit of the number ending at ``pos``: its currency, percent sign, hyphenated
    unit or counted noun ("(4,000) more troops" reads past "more"); for an elided noun, the hints
    the context gives. None when the number is part of a name ("38 North")."""
    if a.kind in ("other", "measure", "count", "personnel"):
        return Counted(a.kind, a.unit, pos)
    if last.unit == "times":   # the second end of "10 to 100 times" says what both ends are
        return Counted(last.kind, last.unit, pos)
    if first is not last and AGE_RANGE_GAP.fullmatch(text, first.end, last.start):
        tail = re.match(r"\s+years?\s+old\b", text[pos:pos + 12])
        return Counted("measure", "years", pos + tail.end() if tail else pos)   # ages
    currency = first.currency or last.currency
    if not currency:
        cents = CENTS_AFTER.match(text, pos)
        if cents:   # "82 cents for every dollar": money, in dollars
            return Counted("money", "USD", cents.end(), scale=0.01)
        cur = _currency_after(text, pos)
        if cur:
            currency, pos = cur
        grand = GRAND_AFTER.match(text, pos)
        if not cur and grand:
            return Counted("money", "USD", pos + len(grand.group(0)), scale=1000.0)
    if currency:
        return Counted("money", currency, pos)
    if first.percent or last.percent:
        return Counted("percent", "%", pos)
    points = PERCENTAGE_POINTS.match(text, pos)
    if points:   # "18 percentage points", "a full percentage point": a difference of percentages
        return Counted("percent", "%", points.end())
    ages = AGE_NOUN.match(text, pos)
    if ages:   # "two 12-year-olds": people of that age (the age a figure of its own)
        return Counted("personnel", ages.group(1), pos)
    hmo = HYPHEN_MONEY.match(text, pos)
    if hmo and hmo.group("cur") in lx.CURRENCY_WORDS and not hmo.group("cur").endswith("s"):
        return Counted("money", lx.CURRENCY_WORDS[hmo.group("cur")], hmo.end(),
                       scale=float(SCALES.get(hmo.group("scale") or "", 1)))
    hm = HYPHEN_UNIT.match(text, pos)
    if hm:
        return Counted(*_hyphen_unit(hm), hm.end())
    worth = WORTH_AFTER.match(text, pos)
    if worth and worth.group("u") in lx.TIME_UNITS:
        return Counted("measure", lx.TIME_UNITS[worth.group("u")], worth.end("u"))
    rest = text[pos:min(end, pos + AFTER_WINDOW)]  # what follows, not the whole rest of the paragraph
    skip = re.match(r"\s+(?:more|additional|further|extra|other|new|fresh)\b", rest)
    offset = skip.end() if skip else 0
    na = lx.noun_after(rest[offset:])
    if na and offset and na[1].lower() in lx.CURRENCY_WORDS and na[1].lower().endswith("s"):
        return Counted("money", lx.CURRENCY_WORDS[na[1].lower()], pos + offset + na[0])   # "8,000 more dollars"
    if na:
        span = (pos + offset, pos + offset + na[0])
        return Counted(*_head_kind(na[1]), span[1], span)
    of = re.match(r"\s+of\b", rest)
    if a.span_start is not None and of:   # "billions of dollars": money
        # ("hundreds of millions of their clients’ dollars", "billions of taxpayer dollars")
        at = of.end()
        for _ in range(3):   # the currency word, after up to two modifiers
            cw = OF_MONEY_WORD.match(rest, at)
            if not cw:
                break
            word = cw.group(1).lower()
            code = lx.CURRENCY_WORDS.get(word)
            if code and word.endswith("s"):
                return Counted("money", code, pos + cw.end())
            if not re.fullmatch(r"[a-z]+|[A-Za-z]+['’]s?", cw.group(1)) or word in lx.STOP - {"their", "its", "his",
                                                                                           "her", "our", "your", "the"}:
                break
            at = cw.end()
    if AGE_BEFORE.search(text[max(start, first.start - 30):first.start]) or AGE_AFTER.match(text, last.end, end):
        return Counted("measure", "years", pos)
    if a.span_start is not None and of:  # "thousands of North Korean soldiers": the noun belongs to the span
        na = lx.noun_after(rest[of.end():])
        if na:
            span = (pos + of.end(), pos + of.end() + na[0])
            return Counted(*_head_kind(na[1]), span[1], span)
    if re.match(r"\s+strong\b", rest):
        return Counted("personnel", "people", pos)   # "an American nation 325 million strong"
    c = Counted(end=pos)
    if re.match(r"\s+of\s+(?:us|you)\b", rest) or re.match(r"\s+of\s+them\b", rest) and \
            re.search(r"\bthe\s+$", text[max(start, first.start - 5):first.start], re.I):
        return Counted("personnel", "people", pos)   # "the four of us", "the two of them": people
    pm = re.match(r"\s+of\s+(?:(?:the|its|their|his|her|our|these|those|all|whom)\s+)?(?P<rest>.{0,60})", rest)
    if pm:  # "about 312,000 of its troops", "10,000 of them"
        if re.match(r"them\b|those\b|whom\b", pm.group("rest")):
            c.partitive = "them"
        else:
            na = lx.noun_after(" " + pm.group("rest"))
            c.partitive = na[1] if na else ""
    pw = re.match(r"\s+(\w+)", rest)
    near = re.match(r"(?:\s+(?:were|was|have|had|has|been|are|is|be|reportedly|already|also|now))*\s+(\w+)", rest)
    if pw and pw.group(1).lower() in lx.PARTICIPLES or near and near.group(1).lower() in lx.PARTICIPLES:
        c.hint = "personnel"  # "about 1,000 wounded", "some 4,700 were killed"
    elif re.search(r"\b(?:population|country|nation|city|town|province|region|family|household)\s+of\s+$",
                   text[max(start, first.start - 30):first.start], re.I):
        c.hint, c.kind, c.unit = "personnel", "personnel", "people"  # "a country of 26 million", "a family of four"
    elif pw and pw.group(1)[0].isupper() and not a.words and not c.partitive:
        return None
    return c


def assemble(text: str, start: int, end: int, atoms: list[Atom]) -> list[Figure]:
    """Turn a paragraph's atoms into figures: ranges, qualifiers, units, rates."""
    figs: list[Figure] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = None
        if i + 1 < len(atoms) and _join_range(text, a, atoms[i + 1], start):
            b = atoms[i + 1]
            i += 1
        i += 1
        if b is None and i < len(atoms) and not (a.percent or a.currency or a.kind) and \
                (atoms[i].percent or atoms[i].currency) and re.fullmatch(r"\s+to\s+", text[a.end:atoms[i].start]):
            # "fell from 6.5 to 3.5 percent": a change, two figures, the unit written once for both
            a = replace(a, percent=atoms[i].percent, currency=atoms[i].currency)
        first, last = a, (b or a)
        qual, span_start = _pre_qualifier(text, first.start, start)
        if a.span_start is not None:
            span_start = min(span_start, a.span_start)
        if b is not None:
            between = re.search(r"\b[Bb]etween\s+$|\b[Ff]rom\s+$", text[max(start, first.start - 9):first.start])
            if between:
                span_start = min(span_start, first.start - len(between.group(0)))
            qual = "range"
        low_v, high_v = first.value, last.value
        if b is not None:
            # "$2-3 million": a scale or currency written once applies to both ends
            if last.value >= 1000 * first.value and not re.search(r"\d,\d{3}|thousand|million|billion", text[a.start:a.end]):
                m_scale = re.search(rf"({SCALE_WORDS}|k|m|bn)\b", text[last.start:last.end], re.I)
                if m_scale:
                    low_v = first.value * (SCALES.get(m_scale.group(1).lower()) or SHORT_SCALES[m_scale.group(1).lower()])
        hundreds = re.match(r"([3-9])00\b", text[b.start:b.end].lstrip("$€£")) if b is not None else None
        if hundreds and not a.words and text[a.start:a.end].lstrip("$€£") == str(int(hundreds.group(1)) - 1) and \
                text[a.end:b.start] == "-" and low_v * 100 < high_v:
            low_v *= 100   # "$6-700 billion", "4-500 clerks": six to seven hundred, the hundreds said once
        if b is not None and _suspended(text, a, b):
            while low_v > 0 and low_v * 10 <= high_v:
                low_v *= 10   # "60- or 70,000": the cut-off number has the scale of the one that completes it
        if b is not None and low_v > high_v:
            low_v, high_v = high_v, low_v   # "from 12,000 to 10,000": the bounds in order, the text as written
        fig_end = last.end
        post = QUAL_POST.match(text, fig_end, end)
        if post and qual != "range":
            key = re.sub(r"\s+", " ", post.group("post").strip().lower())
            qual = POST_OF.get(key, POST_OF.get(key.lstrip("-"), qual))
            fig_end = post.end()
        if not qual:
            qual = a.qualifier or "exact"
        c = _what_is_counted(text, start, end, fig_end, a, first, last)
        if c is None:
            continue  # "38 North", "Group 7 Summit": a number inside a name
        kind, unit, fig_end, noun_span = c.kind, c.unit, c.end, c.noun_span
        if c.scale != 1.0:
            low_v, high_v = round(low_v * c.scale, 10), high_v if high_v is None else round(high_v * c.scale, 10)
        if kind == "measure" and qual == "lower_bound" and re.search(
                r"\b[Oo]ver\s+$", text[max(start, first.start - 12):first.start]) and \
                not re.match(r"\s+ago\b", text[fig_end:fig_end + 5]) and \
                unit in lx.TIME_UNITS.values():
            qual, span_start = "exact", first.start  # "over three days of fighting": a span of time, not a bound
            # ("over 150 petabytes", "over 2,000 acres": more than)
        if qual == "exact" and noun_span is not None:  # "a mile or more", "2,000 troops or so"
            post = QUAL_POST.match(text, fig_end, end)
            if post and post.group("post").strip().startswith("or"):
                qual = POST_OF.get(re.sub(r"\s+", " ", post.group("post").strip().lower()), qual)
                fig_end = post.end()
        # rates: "$2,000 a month per soldier", "$500 per person"
        rates, rate_end = _rates(text, fig_end, end)
        per = ""
        if rates and kind in ("money", "personnel", "count", "measure", "other", ""):
            per = _pick_rate(rates)
            fig_end = rate_end
        lo, hi = _bounds(qual, low_v, high_v)
        fig = Figure(span_start, fig_end, kind, lo, hi, qual, unit, per, hint=c.hint,
                     elided=not kind, partitive=c.partitive, core=(first.start, last.end), noun_span=noun_span)
        figs.append(fig)
    listed: set[int] = set()   # figures that took a list's unit
    for f, g in reversed(list(zip(figs, figs[1:]))):   # from the end, so "25, 0.75, and 18 miles" reaches the first
        if not f.kind and g.kind in ("personnel", "count", "measure") and g.qualifier != "range" and \
                re.fullmatch(r"\s+to\s+", text[f.end:g.start]) and \
                re.search(r"\b[Ff]rom\s+$", text[max(start, f.start - 5):f.start]):
            f.kind, f.unit, f.elided = g.kind, g.unit, False   # "from 10 to 20 troops": the noun written once
        elif not f.kind and g.kind in ("percent", "personnel", "count", "measure") and \
                (re.fullmatch(r",?\s+(?:and|or)\s+", text[f.end:g.start]) or
                 id(g) in listed and re.fullmatch(r",[ \t]+", text[f.end:g.start])):
            f.kind, f.unit, f.elided = g.kind, g.unit, False   # "95 and 94 percent": the unit written once
            listed.add(id(f))
    return figs


# --------------------------------------------------------------------------- the article pass

CONTEXT_WINDOW = 600  # how far back in its sentence a figure's context is read (the longest annotated: 401)
SENTENCE_FIGURES = 60  # how many earlier figures of its sentence a figure looks back over


def _window(text: str, floor: int, pos: int, size: int = CONTEXT_WINDOW) -> int:
    """Where the look-back from ``pos`` starts: ``floor`` (the sentence start) when it is near, else a
    space about ``size`` characters back, so a long sentence costs each figure a bounded amount."""
    if pos - floor <= size:
        return floor
    lo = text.find(" ", pos - size, pos)
    return lo if lo >= 0 else pos - size


def _prev_kind_unit(figs: list[Figure], kinds: tuple[str, ...] = ("personnel", "count")) -> tuple[str, str] | None:
    for f in reversed(figs):
        if f.kind in kinds and f.unit and f.unit not in lx.COLLECTIVE and f.unit != "times":
            return f.kind, f.unit   # ("said it 100 times" counts occasions, not what a later number counts)
    return None


def _hint_backward(text: str, sent_start: int, pos: int) -> tuple[str, str] | None:
    """The nearest word before ``pos`` in its sentence that says what is counted."""
    words = list(re.finditer(r"[A-Za-z][A-Za-z'’\-]*", text[_window(text, sent_start, pos):pos]))
    for wm in reversed(words):
        w = wm.group(0).lower().rstrip("'’s") if wm.group(0).lower().endswith(("'s", "’s")) else wm.group(0).lower()
        if w in lx.SPEAKERS:
            continue
        if w in lx.PARTICIPLES or w in ("casualty", "casualties", "toll", "deaths", "death"):
            return "personnel", "casualties" if w in ("casualty", "casualties", "toll") else w
        if w in lx.COLLECTIVE:
            return "personnel", ""
        if w in lx.PERSONNEL and w.endswith("s"):
            return "personnel", w
    return None


# "the number of (young) Americans ... rose to N": what an elided N counts, said before it in its sentence
NUMBER_OF = re.compile(r"\b[Nn]umber\s+of\s+(?P<w1>[A-Za-z][a-z-]*)(?:\s+(?P<w2>[A-Za-z][a-z-]*s)\b)?")


def _number_of_noun(m: re.Match | None) -> str:
    """The plural noun of "the number of (young) Americans", lower case, or ''."""
    if m is None:
        return ""
    return next((w.lower() for w in (m.group("w2"), m.group("w1")) if w and w.lower().endswith("s") and
                 lx.is_plural_noun(w.lower())), "")


# a plural noun of a plural noun before a bare scale: "numbers of medical images—3.6 billion"
NOUNS_OF_NOUNS = re.compile(r"\b[a-z]+s\s+of\s+(?:[\w-]+\s+){0,2}[a-z]+s\b")


def _resolve_elided(text: str, fig: Figure, sent_start: int, in_sentence: list[Figure], before: list[Figure]) -> None:
    if fig.value_low is not None and 0 < fig.value_low < 1 and re.fullmatch(r"0?\.\d+", text[fig.core[0]:fig.core[1]]):
        fig.kind, fig.unit = "other", "fraction"   # "about 60 percent (0.626) of the quality": a share written as one
        return
    if fig.partitive and fig.partitive != "them":
        fig.kind, fig.unit = _head_kind(fig.partitive)
        return
    money = next((f for f in reversed(in_sentence) if f.kind == "money"), None)
    if money is not None and not fig.hint and re.search(r"\b(?:from|to|than|versus|against|of)\s+(?:\w+\s+){0,3}$",
                                                         text[max(sent_start, fig.start - 30):fig.start]) \
            and not _prev_kind_unit(in_sentence[in_sentence.index(money) + 1:]):
        fig.kind, fig.unit = "money", money.unit  # "13,000 KPW a litre, from upwards of 20,000"
        return
    if fig.partitive == "them":  # "Shells, first: perhaps 12 million of them"
        words = re.findall(r"[A-Za-z][a-z’'\-]+", text[_window(text, sent_start, fig.start):fig.start])
        noun = next((w.lower() for w in reversed(words) if lx.is_plural_noun(w.lower()) and w.lower() not in
                     lx.SPEAKERS and w.lower() not in lx.TIME_UNITS and w.lower() != "them"), "")
        if noun:
            fig.kind, fig.unit = _head_kind(noun)
            return
    number_of = _number_of_noun(NUMBER_OF.search(text, _window(text, sent_start, fig.start), fig.start))
    if number_of and not fig.hint:   # "the number of Americans with OUD increased ... to 5.7 million"
        fig.kind, fig.unit = _head_kind(number_of)
        return
    last = next((f for f in reversed(before) if f.kind and f.kind != "date"), None)
    if last is not None and last.kind == "money" and not fig.hint and fig.start - last.end < 160 and \
            re.search(r"(?i)(?:million|billion|trillion)s?$", text[fig.core[0]:fig.core[1]]) and \
            not NOUNS_OF_NOUNS.search(text, max(sent_start, fig.start - 160), fig.start):
        # ("numbers of medical images—3.6 billion": the noun named before it)
        fig.kind, fig.unit = "money", last.unit   # "billions of taxpayer dollars. We spent hundreds of billions"
        return
    same = _prev_kind_unit(in_sentence, ("personnel",) if fig.hint == "personnel" else ("personnel", "count"))
    hint = None if same else _hint_backward(text, sent_start, fig.core[0])
    earlier = _prev_kind_unit(before, ("personnel",)) if fig.hint == "personnel" or hint else \
        _prev_kind_unit(before)
    if same:
        fig.kind, fig.unit = same
    elif fig.hint == "personnel" or hint:
        fig.kind = "personnel"
        named = hint[1] if hint and hint[1] not in lx.PARTICIPLES else ""
        fig.unit = named or (earlier[1] if earlier and earlier[0] == "personnel" else "people")
    elif earlier:
        fig.kind, fig.unit = earlier
    else:
        fig.kind, fig.unit = "other", ""


CLAUSE_CUT = re.compile(r",\s+|;\s+|\s+(?:and|but|while|whereas)\s+(?=[A-Z]|the\b|a\b|its\b|his\b|her\b|their\b)")
CUE_THAT = re.compile(r"^.*\b(?:said|says|say|told\s+\w+(?:\s+\w+)?|reported|estimated|calculated|noted|"
                      r"warned|claimed|added|stated|found|believes?|suggests?|according\s+to\s+[^,]+)\s+(?:that\s+)?",
                      re.I)
VERBISH = re.compile(r"^(?:is|are|was|were|has|have|had|will|would|could|may|might|can|do|does|did|received?|"
                     r"said|says|say|told|tells|gave|put|"
                     r"receives|paid|pays|pay|earn(?:s|ed)?|get|gets|got|comes?|came|cost(?:s)?|spent|spend(?:s)?|"
                     r"put|puts|gave|give[sn]?|made|make[sn]?|rose|fell|grew|ran|reached|sent|took|kept|"
                     r"[a-z]+ed)$")


SUBORDINATE = re.compile(r"^(?:(?:even\s+)?if|when|while|although|though|because|since|as|after|before|once|"
                         r"unless|until|whereas|and|but|or|so|then|yet|which|who|that|of\s+course|"
                         r"(?:by|on|in)\s+(?:our|my|their|his|her|its)\s+(?:\w+\s+)?(?:arithmetic|count|reckoning|estimate|"
                         r"view|estimation|calculations?)|in\s+return|as\s+a\s+result|moreover|furthermore|"
                         r"however|meanwhile)\b[\s,]*", re.I)
LEADING_PP = re.compile(r"^(?:in|on|at|by|for|from|to|after|before|during|since|until|with|about|around|over|"
                        r"under|between|across|within|through)\b", re.I)


def _np_until_verb(seg: str) -> str:
    out = []
    for w in seg.split():
        bare = w.strip(",.;:“”\"'()").lower()
        if out and VERBISH.match(bare):
            break
        if re.search(r"\d", w) and out:
            break
        out.append(w.strip(",;:“”\""))
    return " ".join(out).strip()


AUXILIARY_START = re.compile(r"(?:did|do|does|is|are|was|were|can|could|will|would|should|shall|has|have|had|may|"
                             r"might|must|why|how|what|when|where|who|whom|which)$", re.I)


# lower-case words a noun phrase does not start with (adverbs, prepositions, conjunctions)
NOT_PHRASE_START = set("""even just only also then over under after before when while if because since until during
through about around across against among between into onto upon within without toward towards than as so but and
or nor yet not never already still again almost nearly approximately roughly exactly precisely barely merely
respectively reportedly in on at by from with for of to""".split())


def noun_phrase(candidate: str) -> str:
    """A subject candidate as a noun phrase, or '' when it is a fragment: trailing function words
    are dropped ("Did you hear them complain when they" -> ''; "The other" -> ''), a phrase that
    opens like a question or clause is refused, and a phrase needs a word that is not a function
    word and at most 12 words."""
    if re.search(r"\s[—–]\s|\s-\s", candidate):
        return ""   # a clause broken off by a dash: "even over the last five months — I think"
    words = candidate.split()
    while words and words[-1].lower().strip(",.;:") in lx.STOP | {"other", "others"}:
        words.pop()
    if not words or AUXILIARY_START.match(words[0].strip(",")) or len(words) > 12:
        return ""
    first = words[0].strip(",“”\"")
    gerund = re.fullmatch(r"[a-z]+ing", first) and len(words) > 1 and words[1].lower() in (
        "the", "these", "those", "a", "an", "its", "their", "his", "her", "our", "this", "that", "them", "it")
    if first.lower() in NOT_PHRASE_START or gerund or \
            re.fullmatch(r"(?i)(?:it|he|she|they|we|i|you|that|there|here|what)['’](?:s|re|m|ve|ll|d)", first):
        return ""   # "over the last", "recommending these vaccines", "it’s": no noun phrase ("landing ships" is one)
    if len(words) == 1 and re.fullmatch(rf"(?i)(?:{NUMBER_WORD}|today|tomorrow|yesterday|now|then)", first):
        return ""   # "Two", "Today"
    if not any(w.lower().strip(",.;:“”\"") not in lx.STOP and re.search(r"[A-Za-z]{2}", w) for w in words):
        return ""
    return " ".join(words)


def clause_subject(text: str, sent: tuple[int, int], pos: int) -> str:
    """Who or what a figure at ``pos`` is about: the subject of its clause, in words from the text."""
    head = text[_window(text, sent[0], pos):pos]
    for seg in reversed(CLAUSE_CUT.split(head)):
        seg = CUE_THAT.sub("", seg.strip())
        prev = None
        while prev != seg:
            prev = seg
            seg = SUBORDINATE.sub("", seg).strip()
        if not seg or LEADING_PP.match(seg) or VERBISH.match(seg.split()[0].lower().strip(",")):
            continue
        cand = _np_until_verb(seg)
        if cand and re.search(r"[A-Za-z]{2}", cand) and not re.search(r"[$€£₩₽%]|\d", cand):
            return cand[:120]
    return ""


def _first_np(text: str, sent: tuple[int, int]) -> str:
    """The sentence's opening noun phrase, the last resort for a subject."""
    seg = SUBORDINATE.sub("", text[sent[0]:sent[1]]).strip()
    return _np_until_verb(re.split(r"[,;:]", seg, maxsplit=1)[0])[:120]


def _noun_subject(text: str, fig: Figure, limit: int) -> str:
    s, e = fig.noun_span
    words = text[s:e].strip()
    pp = re.match(r"\s+((?:from|of|under|in|at|with|on)\s+(?:the\s+|its\s+|their\s+|so-called\s+)*"
                  r"(?:\d+(?:st|nd|rd|th)\s+)?[A-Z][A-Za-z’'\-]+(?:\s+[A-Z][A-Za-z’'\-]*){0,4})", text[e:limit])
    if pp and not re.match(r"(?:in|at|on)\s+(?:the\s+)?(?:\d|January|February|March|April|May|June|July|August|"
                           r"September|October|November|December)", pp.group(1)):
        words = f"{words} {pp.group(1)}"
    return words


# an editor's insertion in square brackets ("668 [thousand] jobs", "10 [years]", "100 [1,000] acres", "six [sic]")
EDITORIAL = re.compile(r"\[(?P<inner>[^\[\]\n]{1,40})\]")
NUMBER_BEFORE = re.compile(r"(?<![\w.,])\d[\d,.]*[ \t]+$")


def editorial_view(text: str) -> str:
    """The text as its editor's square brackets mean it, offset for offset: the brackets read as spaces, so
    the words inside join the sentence ("668 [thousand] jobs" is 668,000 jobs); "[sic]" reads as nothing; and
    a number in brackets right after a number replaces it ("100 [1,000] acres" is 1,000 acres)."""
    if "[" not in text:
        return text
    chars = list(text)
    for m in EDITORIAL.finditer(text):
        inner = m.group("inner").strip()
        if re.fullmatch(r",[ \t]*\d{4}", m.group("inner")) and \
                re.search(r"[A-Z][a-z]+\.?[ \t]+\d{1,2}$", text[max(0, m.start() - 14):m.start()]):
            body = m.group("inner")   # "May 15[, 2024]": the year the editor supplied, read in its place
            chars[m.start():m.end()] = list(body + " " * (m.end() - m.start() - len(body)))
            continue
        if m.start() and not text[m.start() - 1].isspace():
            continue   # "grew fast.[1]", "S[ection]": a note's number or a word's part stays as written
        blank = [(m.start(), m.start() + 1), (m.end() - 1, m.end())]
        if inner.lower() == "sic":
            blank = [m.span()]
        elif re.fullmatch(r"\d[\d,.]*", inner):
            before = NUMBER_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if before:
                blank.append(before.span())
        for a, b in blank:
            chars[a:b] = " " * (b - a)
    return "".join(chars)


def extract_figures(text: str, paragraphs: list[tuple[int, int]], sentences: list[tuple[int, int]],
                    published: dt.date | None) -> list[Figure]:
    """All figures in the body paragraphs, in text order, with dates resolved.

    ``sentences`` are all body sentence spans (questions included), used for
    tense, elided nouns and subjects.
    """
    original, text = text, editorial_view(text)
    figs: list[Figure] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        dates = find_dates(text, ps, pe)
        taken = [(d.start, d.end) for d in dates]
        atoms = find_atoms(text, ps, pe, taken)
        para = assemble(text, ps, pe, atoms)
        for d in dates:
            para.append(Figure(d.start, d.end, "date", core=(d.start, d.end), date_mention=d))
        para.sort(key=lambda f: f.start)
        for f in para:
            f.para = pi
        # a date span never swallows a number figure, nor the reverse
        figs.extend(para)
    _contextualise(text, figs, sentences, published, paragraphs)
    _proclaimed(text, figs)
    for f in figs:   # a figure's span holds an editor's brackets whole: "10 [years]", not "10 [years"
        inside = original[f.start:f.end]
        close, open_ = original.find("]", f.end, f.end + 42), original.rfind("[", max(0, f.start - 42), f.start)
        if inside.count("[") > inside.count("]") and close >= 0:
            f.end = close + 1
        if inside.count("]") > inside.count("[") and open_ >= 0:
            f.start = open_
    return figs


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = sentences[mid]
        if pos < s:
            hi = mid - 1
        elif pos >= e:
            lo = mid + 1
        else:
            return s, e
    return pos, pos


RESTART_GAP = re.compile(r"[ \t]*[—–-]+[ \t]*")
SPOKEN_BREAK = re.compile(r"[ \t]+—[ \t]+")
RESTATE_REACH = 80   # how far after a broken-off number its restatement may come


def _restarts(text: str, figs: list[Figure]) -> None:
    """A number said again after a dash counts what its repeat counts: "the last two — two — two years"; so does
    a number corrected after a spaced dash ("will create 3,000 — 300 permanent jobs")."""
    for i in range(len(figs) - 2, -1, -1):
        fig, nxt = figs[i], figs[i + 1]
        if fig.elided and fig.kind != "date" and nxt.kind not in ("", "date") and \
                RESTART_GAP.fullmatch(text, fig.end, nxt.start) and \
                (nxt.value_low == fig.value_low or SPOKEN_BREAK.fullmatch(text, fig.end, nxt.start)):
            fig.kind, fig.unit, fig.elided = nxt.kind, nxt.unit, False
    for i, fig in enumerate(figs):   # "men represented 38 — Black men represented 38 percent": said again, whole
        if fig.elided and fig.kind != "date" and SPOKEN_BREAK.match(text, fig.end):
            again = next((g for g in figs[i + 1:i + 4] if g.start - fig.end <= RESTATE_REACH), None)
            if again is not None and again.kind not in ("", "date") and again.value_low == fig.value_low and \
                    again.value_high == fig.value_high and "." not in text[fig.end:again.start]:
                fig.kind, fig.unit, fig.elided = again.kind, again.unit, False
    for prev, fig in zip(figs, figs[1:]):   # "... $20 billion. Twenty billion.": the same amount said again
        said = {prev.value_low, prev.value_high} - {None}   # "up to 8,000 more dollars. Eight thousand."
        if fig.elided and prev.kind not in ("", "date") and fig.kind != "date" and \
                {fig.value_low, fig.value_high} - {None} == said and REPEAT_GAP.fullmatch(text, prev.end, fig.start):
            fig.kind, fig.unit, fig.elided = prev.kind, prev.unit, False


REPEAT_GAP = re.compile(r"[ \t]*[.,;:!]?[ \t]*")   # a number repeated right after, as its own sentence or phrase
DAY_AHEAD = 92   # a day without a year this close ahead of publication is the coming one, unless its sentence
                 # narrates the past


def _dated_entry(text: str, first: Figure, start: int) -> bool:
    """Whether a paragraph whose first figure is ``first`` opens with a date that has its year ("November 2024 —
    Russia approves the treaty on 6 November ..."): a timeline's entry, told in the present, whose days belong
    to that date."""
    return first.kind == "date" and first.date_mention is not None and bool(first.date_mention.spec.year) and \
        not text[start:first.start].strip()


def _within_days_ahead(spec: DateSpec, published: dt.date | None, days: int) -> bool:
    """Whether the next occurrence of a day without a year falls within ``days`` after publication."""
    if published is None:
        return False
    for year in (published.year, published.year + 1):
        try:
            d = dt.date(year, spec.month, spec.day)
        except ValueError:
            continue
        if d >= published:
            return (d - published).days <= days
    return False


CHAIN_UNITS = ("day", "week", "month", "year")   # the units a chained length may be read back as
LENGTH_HEAD = re.compile(r"\S+(?:\s+and\s+a\s+half)?\s+(?:(?:short|long|brief)\s+)?(?:day|week|month|year)s?\b")


def _as_length(text: str, fig: Figure, n: float, unit: str) -> None:
    """Make a date that cannot be resolved ("14 days after that second dose" with no date before it) the
    length of time it names: "14 days", a measure."""
    head = LENGTH_HEAD.match(text, fig.start, fig.end)
    fig.kind, fig.value_low, fig.value_high, fig.qualifier, fig.unit = "measure", n, n, "exact", unit + "s"
    fig.end, fig.date_mention = (head.end() if head else fig.end), None


# "do hereby proclaim September 19, 2023, as National Voter Registration Day": the day (or days) a proclamation
# names its observance for; the observance named elsewhere in the document is that day, not the day it was said
PROCLAIM_BEFORE = re.compile(r"\bproclaim[ \t]+$", re.I)
PROCLAIMED_AS = re.compile(r",?[ \t]+as[ \t]+(?:the[ \t]+)?"
                           r"(?P<name>[A-Z][\w’'\-]*+(?:[ \t]+(?:of|and|for|[A-Z][\w’'\-]*+))*+)")
PROCLAIMED_MORE = re.compile(r",?[ \t]+and[ \t]+")
THIS_WEEK = re.compile(r"(?i)this[ \t]+week")
OBSERVED_NAMED = ("named_day", "observance", "holiday")   # the date kinds that name an observance


def _observance_name(name: str) -> str:
    """An observance's name reduced for comparison: "this National Voter Registration Day, 2023" and
    "Voter Registration Day" are one."""
    s = re.sub(r"[’']s\b", "", name.lower())
    s = re.sub(r"[,\s]+\d{4}$", "", s.strip())
    s = re.sub(r"^(?:(?:this|the|on|national)\s+)+", "", s)
    return " ".join(s.split())


def _proclaimed(text: str, figs: list[Figure]) -> None:
    """Date each observance a document proclaims ("proclaim March 2 through March 8, 2025, as National Consumer
    Protection Week") at the dates proclaimed, wherever the document names it."""
    named: dict[str, tuple[str, str]] = {}
    week: tuple[int, tuple[str, str]] | None = None   # where a week was proclaimed, and its days
    follows = -1   # "proclaim June 14, 2023, as Flag Day, and the week starting June 11, 2023, as ...": one more
    for f in figs:
        if f.kind == "date" and f.date_start and (f.start == follows or
                                                  PROCLAIM_BEFORE.search(text, max(0, f.start - 12), f.start)):
            m = PROCLAIMED_AS.match(text, f.end)
            if m and re.search(r"\b(?:Day|Week|Month)\b", m.group("name")):
                named[_observance_name(m.group("name"))] = (f.date_start, f.date_end)
                if m.group("name").endswith("Week"):
                    week = (m.end(), (f.date_start, f.date_end))
                more = PROCLAIMED_MORE.match(text, m.end())
                follows = more.end() if more else -1
    if not named:
        return
    for f in figs:
        if f.kind == "date" and f.date_mention is not None and f.date_mention.spec.kind in OBSERVED_NAMED:
            days = named.get(_observance_name(text[f.start:f.end]))
            if days:
                f.date_start, f.date_end = days
        elif week and f.start > week[0] and f.kind == "date" and THIS_WEEK.fullmatch(text, f.start, f.end):
            f.date_start, f.date_end = week[1]   # "During this week, I encourage ...": the week proclaimed


ANNIVERSARY_OF = re.compile(r"\banniversary\s+of\s+(?:the\s+)?$", re.I)


def _contextualise(text: str, figs: list[Figure], sentences: list[tuple[int, int]],
                   published: dt.date | None, paragraphs: list[tuple[int, int]]) -> None:
    def paragraph_start(i: int) -> int:
        return paragraphs[i][0]

    _restarts(text, figs)
    anchor = None
    context: tuple[int, dt.date] | None = None  # (paragraph, date) of the last explicitly dated figure
    first_in_sentence, current = 0, None
    first_of_para: dict[int, Figure] = {}
    for f in figs:
        first_of_para.setdefault(f.para, f)
    # the subject of the latest earlier figure of each kind, and of each (kind, unit), that has one
    subject_of_kind: dict[str, str] = {}
    subject_of_unit: dict[tuple[str, str], str] = {}
    first_nps: dict[tuple[int, int], str] = {}
    for idx, fig in enumerate(figs):
        if idx:
            done = figs[idx - 1]  # never changed after its turn
            if done.subject:
                subject_of_kind[done.kind] = done.subject
                subject_of_unit[(done.kind, done.unit)] = done.subject
        sent = _sentence_of(sentences, fig.start)
        if sent != current:  # figures come in text order: a new sentence starts a new run
            current, first_in_sentence = sent, idx
        in_sentence = figs[max(first_in_sentence, idx - SENTENCE_FIGURES):idx]
        if fig.kind == "date":
            spec = fig.date_mention.spec
            prefix = text[_window(text, sent[0], fig.start):fig.start]
            after = text[fig.end:min(sent[1], fig.end + 100)]
            fronted = len(prefix[max(prefix.rfind(";"), prefix.rfind(":")) + 1:].split()) <= 4   # its clause's opening
            forward = is_forward(prefix) or fronted and looks_ahead_after(after)  # "On Monday, we will"; "...; by April, that will"
            if spec.kind == "deictic" and spec.unit == "weekend" and spec.which == "this":
                forward = not looks_back(prefix, after)   # "this weekend" is the coming one unless told otherwise
            elif spec.kind == "deictic" and spec.which == "the":   # "over the weekend": the last one unless told
                forward = is_forward(prefix) or looks_ahead_after(after)
            elif spec.kind == "day" and ANNIVERSARY_OF.search(prefix):
                forward = False   # "will mark the anniversary of January 6": the day remembered, not the next one
            elif spec.kind in ("day", "week_of") and not spec.year and spec.which == "" and not forward and \
                    not _dated_entry(text, first_of_para[fig.para], paragraph_start(fig.para)) and \
                    _within_days_ahead(spec, published, DAY_AHEAD):
                forward = not looks_back(prefix, after)   # "Reciprocal tariffs start on April 2nd" (said March 3)
            elif spec.kind == "weekday" and spec.which in ("", "this") and not forward:
                # a weekday is the coming one unless its sentence narrates the past ("what's happening on Friday",
                # "meets with them on Friday"; "signed it on Monday")
                forward = not looks_back(prefix, after)
            iv = None
            if not forward and context and context[0] == fig.para:
                iv = resolve_in_context(spec, published, context[1])
            nxt = figs[idx + 1] if idx + 1 < len(figs) else None
            year_after = None  # "Oct. 18 last year": the year a deictic right after gives
            if spec.kind in ("day", "month") and not spec.year and published and nxt is not None \
                    and nxt.kind == "date" and nxt.date_mention.spec.kind == "deictic" \
                    and nxt.date_mention.spec.unit == "year" and not text[fig.end:nxt.start].strip(" ,"):
                year_after = published.year + {"last": -1, "next": 1}.get(nxt.date_mention.spec.which, 0)
                iv = resolve(replace(spec, year=year_after), published)
            if spec.kind == "clock":  # a time of day: the day named in its sentence, else the publication day
                day = next((f for f in reversed(in_sentence) if f.kind == "date" and f.date_start
                            and f.date_start == f.date_end and f.date_mention.spec.kind != "clock"), None)
                iv = (dt.date.fromisoformat(day.date_start),) * 2 if day else resolve(spec, published, None)
            if spec.kind == "weekday" and nxt is not None and nxt.kind == "date" and \
                    nxt.date_mention.spec.kind == "day" and re.fullmatch(r",?[ \t]*", text[fig.end:nxt.start]):
                iv = resolve(nxt.date_mention.spec, published, anchor, forward)   # "Thursday, March 31": that day
            if not (spec.kind == "chain" and spec.which == "" and spec.n and anchor is None):
                iv = iv or resolve(spec, published, anchor, forward)   # ("250 years later" with no date before it
                # counts from an event, not from publication: a length of time, below)
            if spec.kind == "day" and spec.year and iv and not text[paragraph_start(fig.para):fig.start].strip():
                context = (fig.para, iv[0])  # a dated entry ("6 August 2024 — ...") dates what follows in it
            prev = figs[idx - 1] if idx else None
            if spec.kind == "deictic" and prev is not None and prev.kind == "date" and prev.date_start \
                    and not text[prev.end:fig.start].strip(" ,"):
                if iv:
                    fig.date_start, fig.date_end = iv[0].isoformat(), iv[1].isoformat()
                continue  # it qualifies the date before it, which stays the anchor
            if iv:
                fig.date_start, fig.date_end = iv[0].isoformat(), iv[1].isoformat()
                anchor = iv if spec.kind != "range" else (iv[1], iv[1]) if spec.a.kind == "day" else iv
            elif spec.kind == "chain" and spec.unit in CHAIN_UNITS and (spec.which == "after_thing" or published):
                _as_length(text, fig, abs(spec.n), spec.unit)   # "14 days after that second dose", "250 years
            if fig.kind == "date":                                # later" with nothing to chain from: a length of
                continue                                          # time, never a blank date (an undated
                # article's "A week later" stays a date: all its dates are blank)
        if fig.elided:
            _resolve_elided(text, fig, sent[0], in_sentence, figs[max(0, idx - 12):idx])
            if fig.partitive == "them" and not fig.unit:
                fig.subject = subject_of_kind.get(fig.kind, "")
        # a conversion carries the rate of the amount it converts ("$2,000 a month, roughly 2.76 million won")
        if fig.kind == "money" and not fig.per:
            prev = next((f for f in reversed(in_sentence) if f.kind == "money"), None)
            if prev and prev.per:
                gap = text[prev.end:fig.start]
                if len(gap) < 40 and re.search(r"(?:,\s*(?:or|which\s+is|which\s+was|about|roughly|around|"
                                               r"approximately|some|nearly|equivalent\s+to|worth)?\s*|\(\s*|\s+or\s+)"
                                               r"(?:about\s+|roughly\s+|around\s+|approximately\s+|some\s+|nearly\s+)?$",
                                               gap):
                    fig.per = prev.per
                    fig.subject = prev.subject
        if not fig.subject:
            if fig.noun_span and fig.kind in ("personnel", "count"):
                fig.subject = _noun_subject(text, fig, sent[1])
            elif fig.elided and fig.kind in ("personnel", "count"):
                fig.subject = subject_of_unit.get((fig.kind, fig.unit), fig.unit)
            if not fig.subject:
                if sent not in first_nps:
                    first_nps[sent] = _first_np(text, sent)
                fig.subject = (noun_phrase(clause_subject(text, sent, fig.start)) or noun_phrase(first_nps[sent])
                               or noun_phrase(fig.unit))
