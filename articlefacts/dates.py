"""Date expressions: finding them in text and resolving them to ISO intervals.

Resolution follows SCHEMA.md: a unit is taken whole ("late October" = the
month, "mid-1966" = the year, "the early 1960s" = the decade); a month or day
without a year is its nearest occurrence that fits the tense (the latest past
one, or the coming one for a forward reference); "last week" is Monday-Sunday
of the week before publication; weekdays are the latest such day on or before
publication; seasons are three months ("the winter of 2024" = 2024-12..2025-02);
chained dates ("five days later", "the following week") count from the
previous date in the text.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from . import lexicon as lx
from .vocab import rows
from .numbers import CARDINAL_WORDS, NUMBER_WORD, ORDINAL_WORDS, ordinal_value, to_number, words_to_number

Interval = tuple[dt.date, dt.date]

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SEASONS = {"winter": 12, "spring": 3, "summer": 6, "autumn": 9, "fall": 9}  # first month

_MFULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = rf"(?:(?:{_MFULL})\b|(?:{_MABBR})\b\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?:1[89]\d\d|20\d\d)"
MOD = r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+|[Mm]id-|(?:[Tt]he\s+)?(?:end|beginning|start|middle)\s+of\s+)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# a count of units: "1,000", "12", "two hundred and forty-seven", "a hundred", "a"
NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})++(?![\d,])|\d+|(?i:{CARDINAL_WORDS})|"
       rf"(?i:an?[ \t]+(?:hundred|thousand)(?:[ \t]+and[ \t]+(?:{NUMBER_WORD}))?)|[Aa]n?|[Oo]ne)")
# vocab/holidays.csv: a named day, fixed (month, day) or floating (the nth weekday of a month; -1 the last)
HOLIDAYS = {re.sub(r"['’]", "'", r["name"].lower()): r for r in rows("holidays")}
HOLIDAY = "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in name.split())
                   for name in sorted((r["name"] for r in rows("holidays")), key=len, reverse=True))
# capitalised words that may stand before a holiday's name ("On Memorial Day", "Happy Thanksgiving")
# a month-long observance proclaimed by name ("National Breast Cancer Awareness Month", "Black History Month"):
# "National" and capitalized words, or capitalized words ending in a word of vocab/observance_words.csv
OBSERVANCE_WORDS = "|".join(re.escape(r["word"]) for r in rows("observance_words"))
OBSERVANCE = (rf"\b(?!(?:During|In|For|On|Throughout|Since|As|Each|Every|Celebrating|Marking|Observing)\s)"
              rf"(?:National[ \t]+(?:[A-Z][\w’'\-]*+[ \t]+(?:(?:and|of|the)[ \t]+)?){{0,7}}|"
              rf"(?:[A-Z][\w’'\-]*+[ \t]+(?:(?:and|of|the)[ \t]+)?){{0,6}}"
              rf"(?:{OBSERVANCE_WORDS})[ \t]+|"
              rf"[Tt]his[ \t]+(?:[A-Z][\w’'\-]*+[ \t]+(?:(?:and|of|the)[ \t]+)?){{1,6}})[Mm]onth\b")
# ("This American Heart Month, ...": any capitalized name of a month said with "this" is the month's observance)
OBSERVANCE_NAMED = re.compile(r"(?i)\b(?:as|celebrat\w*|commemorat\w*|observ\w*|recogni[sz]\w*|honou?r\w*|"
                              r"mark(?:s|ed|ing)?|kick(?:s|ed|ing)?[ \t]+off)[ \t]+$")
# vocab/observance_dates.csv: the days of the observances that fall on the same dates every year, by name
# ("National" and "this" left off, apostrophes straight)
OBSERVANCE_DATES = {r["name"].lower(): (tuple(map(int, r["first"].split("-"))), tuple(map(int, r["last"].split("-"))))
                    for r in rows("observance_dates")}
# vocab/named_dates.csv: days whose date is their name. "9/11" always means its day; a month and day without a
# year ("January 6th") means the event when said after it, looking back
_NAMED = {r["name"]: dt.date.fromisoformat(r["date"]) for r in rows("named_dates")}
EVENT_DAYS = {(MONTHS[n.split()[0].lower()], int(n.split()[1])): d for n, d in _NAMED.items()
              if re.fullmatch(r"[A-Z][a-z]+ \d+", n)}
NAMED_DAY = "|".join(re.escape(n) for n in _NAMED if not re.fullmatch(r"[A-Z][a-z]+ \d+", n))
OBSERVANCE_AHEAD = 10   # days before its first day that an observance is proclaimed for the coming one


def observance_key(name: str) -> str:
    """An observance's name as vocab/observance_dates.csv writes it: "this National Hispanic Heritage Month"
    -> "hispanic heritage month"."""
    words = re.sub(r"['’]", "'", name).split()
    while words and words[0].lower() in ("this", "national"):
        words = words[1:]
    return " ".join(words).lower()
HOLIDAY_LEADS = {"on", "this", "last", "next", "by", "since", "until", "before", "after", "during", "happy", "for",
                 "at", "of", "and", "a", "the", "every", "over", "through", "from", "around", "ahead", "merry"}
THIS_BEFORE = re.compile(r"\b[Tt]his[ \t]+$")
EARLIER_BEFORE = re.compile(r"\b(?:[Ee]arlier|[Ll]ater)[ \t]+$")
# a holiday is a date where a word of time leads it: "on Labor Day", "this Thanksgiving", "by Christmas"
HOLIDAY_TIME_LEADS = {"on", "this", "last", "next", "by", "since", "until", "till", "before", "after", "during",
                      "for", "at", "over", "through", "from", "to", "around", "into", "of", "every", "that",
                      "spent", "spend", "spends", "spending"}   # ("spent New Year's Day with ...": a time spent)
# vocab/deictic_days.csv: words that name a day relative to publication ("today", "tomorrow"), with the offset
DEICTIC_OFFSETS = {r["phrase"]: int(r["offset_days"]) for r in rows("deictic_days")}
DEICTIC_DAY = "(?i:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                for p in sorted(DEICTIC_OFFSETS, key=len, reverse=True)) + ")"
UNIT = r"(?:day|week|month|year|fortnight|decade)"
SEASON = r"(?:[Ww]inter|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all)"
# ("you'll recall", "as you may remember": a look back)
FUTURE = re.compile(r"\b(?:(?:will|['’]ll)(?!\s+(?:recall|remember)\b)|would(?!\s+have\b)|shall|"
                    r"(?<!was\s)(?<!were\s)going to|plans?\s+to|planned|planning|intends?|intended|intending|expects?|"
                    r"(?<!than\s)(?<!as\s)expected|expecting|aims?\s+to|aimed|set to|due to|scheduled|"
                    r"hopes?\s+(?:to|that|for)|hoped|look(?:s|ing|ed)?\s+forward\s+to|agree[sd]?\s+to|come(?=\s+$)|"
                    r"(?:is|are|remains?|runs?|lasts?|stays?)\b[^.;]{0,40}?\b(?:until|through)|upcoming|coming|next|"
                    r"could(?!\s+have\b)|(?-i:may)(?!\s+(?:have|recall|remember)\b)|might(?!\s+have\b)|"
                    r"can(?!\s+(?:have|recall|remember|see)\b)|must(?!\s+have\b)|"
                    r"(?<!going\s)to be|between\s+now\s+and|from\s+now\s+(?:on|until|to|through))\b",
                    re.I)


@dataclass(frozen=True)
class DateSpec:
    """What a date expression says, before it is anchored to a calendar.

    ``kind`` is one of: day, month, year, decade, weekday, deictic (this/last/next
    week|month|year|weekend, yesterday, tomorrow), chain (N units later/earlier,
    the following week, the same day), ago, season, part (half or quarter of a
    year), range (``a`` to ``b``).
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    n: float = 0
    unit: str = ""
    which: str = ""
    a: "DateSpec | None" = None
    b: "DateSpec | None" = None


@dataclass(frozen=True)
class DateMention:
    """A date expression found in the text: its span and its spec."""

    start: int
    end: int
    spec: DateSpec


# --------------------------------------------------------------------------- finding

def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


PATTERNS: list[tuple[re.Pattern, str]] = [(re.compile(p), name) for p, name in [
    (rf"(?<![\w/])(?P<named>{NAMED_DAY})(?![\w/])", "named_date"),   # "9/11"
    (rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b", "iso"),
    # the American numeric date: "10/18/2023", "10/18/23"
    (r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?:(?P<y>(?:19|20)\d\d)|(?P<yy>\d\d))(?![\d/])", "iso"),
    # (a month and day fix the year as any four digits: "Born on January 17, 1706")
    (rf"\b(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:\s*,\s*|\s+)(?P<y>{YEAR}|1[0-7]\d\d)\b", "mdy"),
    (rf"\b(?P<d1>{DAY})\s*(?:-|–|—|to)\s*(?P<d2>{DAY})\s+(?P<mon>{MONTH})(?:\s*,?\s*(?P<y>{YEAR})\b)?", "ddmy"),
    # (not a serial's tail: "Determination 2022-13 of May 18, 2022")
    (rf"(?<![-–/])\b(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})(?:\s*,?\s*(?P<y>{YEAR})\b|(?!\s+\d))", "dmy"),
    (rf"\b(?P<mon>{MONTH})\s+(?P<d>{DAY})(?!\s*,?\s*\d)(?![:.]\d)", "md"),
    (rf"\b(?P<mon>{MONTH})\s+the\s+(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b", "md"),   # "September the 8th"
    # "the 18th of this month"
    (rf"\b[Tt]he\s+(?P<d>{DAY})\s+of\s+(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+month\b", "dm_rel"),
    (rf"\b(?P<mon>{MONTH})\s+of\s+(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+year\b", "my_rel"),   # "March of last year"
    (rf"(?P<mod>\b{MOD})?\b(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR}|1[0-7]\d\d)\b", "my"),   # ("June 1776")
    (rf"(?P<mod>\b{MOD})?\b(?P<mon>{MONTH})(?:\s+of)?,?\s+['’‘](?P<yy>\d\d)\b(?![’']?s\b)", "my_yy"),
    (rf"\b[Tt]his\s+past\s+(?P<mon>{MONTH})\b", "past_month"),   # "This past May": the last May before
    (rf"(?P<mod>\b{MOD})?\b(?P<mon>{MONTH})", "m"),
    (rf"\b(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<wd>{WEEKDAY})\b", "weekday"),
    (r"\b(?:[Tt]he\s+)?(?P<mod>(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+|[Mm]id-)?(?P<dec>\d{3}0)s\b", "decade"),
    (r"\b(?:[Tt]he\s+)?(?P<mod>(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+|[Mm]id-)?['’‘](?P<dec2>\d0)s\b", "decade"),
    (rf"(?P<mod>\b{MOD})?\b(?P<y>{YEAR})\b(?![-–]\d\d-)(?!s\b)(?![.,]\d)", "year"),
    # a year written with an apostrophe after a preposition: "in '22", "since ’08" (not the 1990s: "the '90s")
    (r"['’‘](?P<yy>\d\d)\b(?![’']?s\b)", "year_yy"),   # (a left quote typed for the apostrophe too: "‘22")
    # an earlier year needs a preposition before it and no noun after it: "in 1066", "an invention of 1776"
    (r"(?:(?<=\b[Ii]n\s)|(?<=\b[Oo]f\s)|(?<=\b[Bb]y\s)|(?<=\b[Ss]ince\s)|(?<=\b[Ff]rom\s)|(?<=\b[Uu]ntil\s)|"
     r"(?<=\b[Bb]efore\s)|(?<=\b[Aa]fter\s))(?P<y>1[0-7]\d\d)\b(?![-–,.]\d)"
     r"(?![ \t]+(?!(?:were|was|is|are|and|or|when|that|which|as|the|to|at|in|on|by|they|we|he|she|it|you|there|"
     r"his|her|their|its|our|a|an|with|during|after|before|until|while|amid|this|these|those)\b)[a-z])", "year"),
    # "the 1783 Treaty of Paris" (not "the 1500 Marines": a plural after it is what is counted)
    (r"(?<=\b[Tt]he\s)(?P<y>1[0-7]\d\d)(?=[ \t]+[A-Z][a-z]*+(?<!s)\b)", "year"),
    (r"\b(?:(?P<adv>[Ee]arlier|[Ll]ater|[Ll]ate|[Ee]arly)\s+)?(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+"
     r"(?P<unit>week|month|year|weekend|quarter)\b", "deictic"),
    # "over the weekend": the weekend nearest publication on the side the sentence looks to
    (r"\b(?:[Oo]ver|[Dd]uring|[Tt]hroughout)\s+(?P<at>the\s+(?P<unit>weekend))\b", "deictic"),
    (r"\b(?:(?P<adv>[Ee]arlier|[Ll]ater|[Ll]ate|[Ee]arly)\s+)?(?:[Tt]he\s+)?(?:end|beginning|start|middle)\s+of\s+"
     r"(?:the\s+|this\s+)(?P<unit>year|month)\b", "deictic_this"),
    (rf"\b(?P<word>{DEICTIC_DAY})(?:['’]s)?\b", "deictic_day"),   # ("earlier this morning": find_dates)
    (r"\b(?P<past>[Tt]his\s+past|[Tt]he\s+past)\s+(?P<unit>weekend|quarter|week|month|year)\b", "past"),
    (r"\b(?P<past>[Tt]he\s+(?:past|last))\s+(?P<unit>decade)\b(?!\s+or\b)", "past"),   # the calendar decade before
    (rf"\b(?:[Ff]iscal(?:\s+[Yy]ear)?(?:\s+\(FY\))?|FY)\s?(?P<y>{YEAR})\b|\bFY\s?(?P<yy>\d\d)\b|"
     r"\b[Ff]iscal\s+[Yy]ear\s+['’‘](?P<yy2>\d\d)\b", "fiscal"),   # ("Fiscal Year ‘24")
    # "for the fiscal year ending September 30, 2026": the federal fiscal year that day closes
    (rf"\b[Ff]iscal\s+[Yy]ear\s+ending\s+(?:on\s+)?September\s+30,?\s+(?P<y>{YEAR})\b", "fiscal"),
    (r"(?<![\d:.])\b(?:[01]\d|2[0-3]):[0-5]\d\b(?![:.]\d)(?!\s*(?:[ap]\.m\.|[AaPp][Mm]\b))"
     r"(?:\s*(?:GMT|UTC|KST|CET|EST|local\s+time))?"
     r"|(?<=\b[Aa]t\s)(?:1[0-2]|[1-9]):[0-5]\d\b(?![:.]\d)(?!\s*(?:[ap]\.m\.|[AaPp][Mm]\b))"   # "at 3:30"
     r"|\b(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
     r"(?:[ \t]+(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC)\b)?"   # "10:00 AM ET"
     r"|\b(?:1[0-2]|[1-9]|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))[ \t]+o['’]clock\b",
     "clock"),   # "by 10 o’clock on Election Day", "at four o’clock that day"
    (r"\b[Tt]he\s+(?P<dir>following|next|previous|preceding|prior)\s+(?P<unit>day|week|month|year|weekend)\b",
     "chain_the"),
    (r"\b[Tt]he\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later)\b", "chain_the"),
    (r"\b(?:[Tt]he\s+)?[Ss]ame\s+(?P<unit>day|week|month|year|evening|morning|night|afternoon)\b", "chain_same"),
    (rf"\b(?P<n>{NUM})\s+(?P<unit>{UNIT})s?\s+(?P<dir>later|earlier|afterwards?|before|"
     r"after\s+(?:that|this|the|its|his|her|their)(?:\s+(?!and\b|to\b|in\b|on\b)[a-z]+)?|after\b)", "chain_n"),
    # "seven days until the election", "nine days to go", "nine days away": the day counted down to
    (rf"\b(?P<n>{NUM})\s+days(?=\s+(?:until|till|to\s+go|away|from\s+now)\b)", "countdown"),
    # "one year from today", "two weeks from now": that day, counted from publication
    (rf"\b(?P<n>{NUM})\s+(?P<unit>day|week|month|year)s?\s+from\s+(?:today|now)\b", "from_today"),
    # "24 hours ago", "an hour ago": the day the hours reach back to from publication
    (rf"\b(?P<n>{NUM})\s+hours?\s+ago\b", "hours_ago"),
    # "two years ago", "three and a half years ago", "five short months ago"
    (rf"\b(?P<n>{NUM})(?P<half>\s+and\s+a\s+half)?\s+(?:(?:short|long|brief)\s+)?(?P<unit>{UNIT})s?\s+ago"
     r"(?P<today>\s+(?:today|tomorrow|yesterday))?\b", "ago"),   # ("25 years ago tomorrow": that day)
    (rf"\b[Tt]he\s+week\s+(?P<from>of|starting|beginning)\s+(?:on\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY})"
     rf"(?:\s*,?\s*(?P<y>{YEAR}))?(?!\s*(?:through|to|until|-|–)\s*(?:{MONTH}\s+)?{DAY})", "week_of"),
    # ("the week starting June 11, 2023": the seven days from it; "the week of August 7 through August 13": those days)
    (r"\b[Tt]he\s+turn\s+of\s+the\s+year\b", "turn"),
    (rf"(?=[A-Z])(?<![\w'’])(?P<holiday>{HOLIDAY})(?![\w'’])", "holiday"),   # ("this Labor Day": find_dates)
    (OBSERVANCE, "observance"),
    # "on this day in 1945": the day and month of publication, in that year
    (rf"\b[Tt]his\s+(?:very\s+)?(?:day|date)\s+in\s+(?P<y>{YEAR}|1[0-7]\d\d)\b", "this_day_in"),
    (r"\b(?:that|the\s+same)\s+(?P<unit>evening|morning|night|afternoon|day)\b", "chain_same"),
    # a named day or week said as a time: "This National Day of Prayer, we ...", "during Police Week"
    (r"(?:\b(?:[Oo]n|[Dd]uring)[ \t]+|(?=\b[Tt]his[ \t]))(?P<at>(?:[Tt]his[ \t]+)?"
     r"(?P<name>(?:(?!(?:Day|Week)\b)[A-Z][\w’'\-]*+[ \t]+(?:(?:of|and|the|for|to)[ \t]+)?){1,6}+)(?P<span>Day|Week)\b"
     r"(?:[ \t]+of[ \t]+[A-Z][\w’'\-]*+)?)", "named_day"),
    (r"\b(?:[Ee]arlier|[Ll]ater)\s+(?:in\s+)?(?:the|that)\s+(?P<unit>day|week|month|year)\b", "chain_same"),
    (rf"\b(?P<rel2>[Tt]he)\s+(?:(?:early|late)\s+)?(?P<season>{SEASON})\b(?!\s+(?:of|\d|months?\b))", "season_rel"),
    # "the winter of 2024", "the next winter 2023-24" (a winter written with both its years)
    (rf"\b(?:[Tt]he\s+)?(?:(?:[Nn]ext|[Tt]his|[Ll]ast|[Cc]oming)\s+)?(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?"
     rf"(?P<season>{SEASON})\s+(?:of\s+)?(?P<y>{YEAR})(?:[-–/](?:\d\d|\d{{4}})(?!\d))?\b", "season"),
    (rf"\b(?P<rel>[Ll]ast|[Tt]his(?:\s+past)?|[Nn]ext)\s+(?P<season>{SEASON})\b", "season_rel"),
    (r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+century\b", "century_rel"),   # "this century": 2001-2100
    (r"\b[Tt]he\s+(?P<ord>first|second|1st|2nd)\s+half\s+of\s+(?:(?P<y>" + YEAR + r")|(?P<rel>this|last|next|the)"
     r"\s+year)\b", "half"),
    (r"\b[Tt]he\s+(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?:(?P<y>" + YEAR +
     r")|(?P<rel>this|last|next|the)\s+year))?\b", "quarter"),
    (rf"\b(?P<q>[QH][1-4])\s+(?P<y>{YEAR})\b", "qh"),
    # the formal dating of proclamations and acts: "this fourteenth day of October, in the year of our Lord
    # two thousand twenty-two, and of the Independence of the United States of America the two hundred and
    # forty-seventh": the day, the year in words, and the year of Independence (from July 4, 1776)
    (rf"\b(?P<at>(?:(?P<dw>(?i:{ORDINAL_WORDS}))|(?P<dd>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)))\s+day\s+of\s+"
     rf"(?P<mon>{MONTH}))(?:,?\s+(?i:in\s+the\s+year(?:\s+of\s+our\s+Lord)?)\s+(?P<yw>(?i:{CARDINAL_WORDS}))\b)?",
     "day_words"),   # ("this 28th day of October" too)
    # the year in words right after such a day: "this 28th day of October, two thousand and twenty-five"
    (rf"\bday\s+of\s+{MONTH},[ \t]+(?P<at>(?P<yw>(?i:{CARDINAL_WORDS})))\b", "year_words_after"),
    # "in the year of our Lord two thousand twenty-two", "in the year two thousand twenty-one"
    (rf"\b(?i:year(?:\s+of\s+our\s+Lord)?)\s+(?P<at>(?P<yw>(?i:{CARDINAL_WORDS})))\b", "year_words"),
    (rf"\bIndependence\s+of\s+the\s+United\s+States(?:\s+of\s+America)?,?\s+(?P<at>(?:the\s+)?"
     rf"(?P<iw>(?i:{ORDINAL_WORDS})))\b", "independence"),
    # "the 20th century", "the twenty-first century", "the first half of the 20th century", "the 21 century"
    (rf"\b(?:[Tt]he\s+(?P<half>first|second|latter)\s+half\s+of\s+)?[Tt]he\s+(?:(?P<cn>\d{{1,2}})(?:st|nd|rd|th)?|"
     rf"(?P<cw>(?i:{ORDINAL_WORDS})))[ \t-]+[Cc]entury\b", "century"),
]]
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}
MODAL_MONTH = re.compile(r"(?:in|on|since|by|until|till|from|to|between|and|or|even|of|early|mid-?|late|last|this|"
                         r"next|through|during|before|after|end|beginning|start|middle|,)\s*$", re.I)


def _year(g: dict) -> int | None:
    """The year a match names: four digits, or two after an apostrophe ('22 is 2022, '98 is 1998)."""
    if g.get("y"):
        return int(g["y"])
    if g.get("yy") or g.get("yy2"):
        yy = int(g.get("yy") or g["yy2"])
        return 2000 + yy if yy <= 40 else 1900 + yy
    return None


def _spec(name: str, m: re.Match) -> DateSpec | None:
    g = m.groupdict()
    if name == "named_date":
        d = _NAMED[g["named"]]
        return DateSpec("day", d.year, d.month, d.day)
    if name == "iso":
        return DateSpec("day", _year(g), int(g["m"]), int(g["d"]))
    if name == "ddmy":
        y = int(g["y"]) if g.get("y") else None
        a = DateSpec("day", y, _month(g["mon"]), _day(g["d1"]))
        return DateSpec("range", a=a, b=replace(a, day=_day(g["d2"])))
    if name in ("mdy", "dmy", "md"):
        return DateSpec("day", int(g["y"]) if g.get("y") else None, _month(g["mon"]), _day(g["d"]))
    if name == "past_month":
        return DateSpec("month", None, _month(g["mon"]), which="past")
    if name == "dm_rel":
        return DateSpec("day_of_month", day=_day(g["d"]), which=g["rel"].lower())
    if name == "my_rel":
        return DateSpec("month", None, _month(g["mon"]), unit="year", which=g["rel"].lower())
    if name in ("my", "m", "my_yy"):
        return DateSpec("month", _year(g), _month(g["mon"]))
    if name == "weekday":
        return DateSpec("weekday", day=WEEKDAYS[g["wd"].lower()], which=(g["rel"] or "").lower())
    if name == "decade":
        start = int(g["dec"]) if g.get("dec") else 1900 + int(g["dec2"])
        return DateSpec("decade", start)
    if name in ("year", "year_yy"):
        return DateSpec("year", _year(g))
    if name == "deictic":
        return DateSpec("deictic", unit=g["unit"], which=(g.get("rel") or "the").lower())
    if name == "deictic_this":
        return DateSpec("deictic", unit=g["unit"], which="this")
    if name == "deictic_day":
        w = re.sub(r"\s+", " ", g["word"].lower())
        return DateSpec("chain", n=DEICTIC_OFFSETS[w], unit="day", which="publication")
    if name == "past":   # "this past year" is this year; "the past week": the unit up to publication, taken whole
        if g["unit"] in ("weekend", "quarter"):
            return DateSpec("deictic", unit=g["unit"], which="last")   # "this past weekend", "this past quarter"
        if g["past"].lower().startswith("this"):
            return DateSpec("deictic", unit=g["unit"], which="this")
        return DateSpec("past", unit=g["unit"])
    if name == "fiscal":
        return DateSpec("fiscal", _year(g))  # "fiscal 2024", "Fiscal Year 2024", "FY24"
    if name == "clock":  # a time of day: the day it falls on (the anchor's, else the publication day)
        return DateSpec("clock")
    if name == "chain_the":
        d = g["dir"].lower()
        sign = -1 if d in ("previous", "preceding", "prior", "before", "earlier") else 1
        unit = "week" if g["unit"] == "weekend" else g["unit"]
        return DateSpec("chain", n=sign, unit=unit, which="whole")
    if name == "chain_same":
        unit = g["unit"] if g["unit"] in ("day", "week", "month", "year") else "day"
        return DateSpec("chain", n=0, unit=unit)
    if name == "countdown":
        try:
            n = to_number(g["n"])
        except ValueError:
            return None
        return DateSpec("chain", n=n, unit="day", which="publication")
    if name == "from_today":
        try:
            n = 1.0 if g["n"].lower() in ("a", "an", "one") else to_number(g["n"])
        except ValueError:
            return None
        return DateSpec("chain", n=n, unit=g["unit"], which="publication")
    if name == "hours_ago":
        try:
            n = 1.0 if g["n"].lower() in ("a", "an", "one") else to_number(g["n"])
        except ValueError:
            return None
        return DateSpec("chain", n=-(n // 24), unit="day", which="publication")
    if name in ("chain_n", "ago"):
        try:
            n = 1.0 if g["n"].lower() in ("a", "an", "one") else to_number(g["n"])
        except ValueError:
            return None
        unit = "week" if g["unit"] == "fortnight" else g["unit"]
        n = n * 2 if g["unit"] == "fortnight" else n
        n += 0.5 if g.get("half") else 0
        if unit == "decade":   # "eight decades ago": the decade then, taken whole; "two decades later": years
            n, unit = n * 10, "year"
            if name == "ago":
                return DateSpec("chain", n=-n, unit="year", which="decade")
        if name == "ago":  # "two years ago" is that year; "a year ago today" is that day
            day = {"tomorrow": 1, "yesterday": -1}.get((g.get("today") or "").strip().lower())
            return DateSpec("chain", n=-n, unit="day" if g.get("today") and unit == "day" else unit,
                            which="publication" if g.get("today") else "ago", day=day)
        d = g["dir"].lower()
        # "came two days after Gerasimov told Putin": the event after "after" is N units before the anchor
        sign = -1 if d in ("earlier", "before") or d == "after" and re.match(r"\s+[A-Z]", m.string[m.end():]) else 1
        # "five days after that release": counted from a thing named, which an earlier date may or may not give
        return DateSpec("chain", n=sign * n, unit=unit, which="after_thing" if d.startswith("after ") else "")
    if name == "season":
        return DateSpec("season", int(g["y"]), SEASONS[g["season"].lower()])
    if name == "season_rel":
        if g.get("rel2"):  # "the spring": the latest such season begun by publication
            if g["season"].lower() == "fall" and not re.search(r"\b(?:in|during|by|since|until|over|through)\s+$",
                                                              m.string[max(0, m.start() - 12):m.start()]):
                return None  # "the fall" of a city, not autumn
            return DateSpec("season", None, SEASONS[g["season"].lower()], which="latest")
        which = re.sub(r"\s+", " ", g["rel"].lower())
        return DateSpec("season", None, SEASONS[g["season"].lower()], which="latest" if which == "this past" else which)
    if name == "century_rel":
        return DateSpec("century", which=g["rel"].lower())
    if name == "week_of":
        return DateSpec("week_of", int(g["y"]) if g.get("y") else None, _month(g["mon"]), _day(g["d"]),
                        which="" if g["from"] == "of" else "from")
    if name == "turn":
        return DateSpec("turn")
    if name == "observance":
        key = observance_key(m.group(0))
        return DateSpec("observance", unit=key if key in OBSERVANCE_DATES else "")
    if name == "this_day_in":
        return DateSpec("this_day_in", int(g["y"]))
    if name == "named_day":   # a named day is the day it is said on; a named week, its Sunday-to-Saturday week
        return DateSpec("named_day", unit=g["span"].lower())
    if name == "holiday":
        row = HOLIDAYS[re.sub(r"\s+", " ", g["holiday"].lower()).replace("’", "'")]
        which = "this" if THIS_BEFORE.search(m.string, max(0, m.start() - 6), m.start()) else ""   # the nearest one
        if row["day"]:
            return DateSpec("day", None, int(row["month"]), int(row["day"]), which=which, unit="holiday")
        return DateSpec("holiday", None, int(row["month"]), WEEKDAYS[row["weekday"].lower()], n=int(row["nth"]),
                        which=which)
    if name == "day_words":
        day = ordinal_value(g["dw"]) if g.get("dw") else _day(g["dd"])
        year = int(words_to_number(g["yw"])) if g.get("yw") else None
        return DateSpec("day", year, _month(g["mon"]), day) if 1 <= day <= 31 else None
    if name in ("year_words", "year_words_after"):
        year = int(words_to_number(g["yw"]))
        return DateSpec("year", year) if 1000 <= year <= 2999 else None
    if name == "century":   # the 20th century: 1901-2000; its first half: 1901-1950
        c = int(g["cn"]) if g.get("cn") else ordinal_value(g["cw"])
        if not 1 <= c <= 30:
            return None
        first, last = (c - 1) * 100 + 1, c * 100
        if g.get("half"):
            first, last = (first, first + 49) if g["half"] == "first" else (first + 50, last)
        return DateSpec("range", a=DateSpec("year", first), b=DateSpec("year", last))
    if name == "independence":
        n = ordinal_value(g["iw"])
        return DateSpec("range", a=DateSpec("day", 1775 + n, 7, 4), b=DateSpec("day", 1776 + n, 7, 3))
    if name in ("half", "quarter", "qh"):
        if name == "qh":
            kind, idx = ("half" if g["q"][0] == "H" else "quarter"), int(g["q"][1])
        else:
            if g["ord"].lower() == "last" and not g.get("y") and not g.get("rel"):
                return DateSpec("deictic", unit=name, which="last")   # "the last quarter": the one before this
            kind, idx = name, ORDINALS[g["ord"].lower()]
        rel = (g.get("rel") or "").lower()
        return DateSpec("part", int(g["y"]) if g.get("y") else None, n=idx, unit=kind,
                        which="this" if rel == "the" else rel)
    return None


# a word that makes the weekday after it a greeting or a name (vocab/weekday_names.csv)
WEEKDAY_NAME_BEFORE = re.compile(r"\b(?:" + "|".join(r["word"] for r in rows("weekday_names")) + r")[ \t]+$")
# "today" meaning nowadays, not the publication day: "the AI of today", "in today's economy" (vocab/nowadays_words.csv)
_NOWADAYS = {w: [r["word"] for r in rows("nowadays_words") if r["where"] == w] for w in ("before", "after")}
NOWADAYS_BEFORE = re.compile(r"(?i)\b(?:" + "|".join(_NOWADAYS["before"]) + r")\s+$")
NOWADAYS_AFTER = re.compile(r"(?i)['’]s\s+(?:[a-z-]+\s+)?(?:" + "|".join(_NOWADAYS["after"]) + r")\b")
# "the challenges of tomorrow", "a better tomorrow": the future (the nouns of vocab/nowadays_words.csv), no day
FUTURE_OF = re.compile(r"(?i)\b(?:(?:" + "|".join(_NOWADAYS["after"]) + r")[ \t]+of|an?|better|brighter)[ \t]+$")


def _nowadays(text: str, m: re.Match) -> bool:
    """Whether this "today" means nowadays ("even today", "today's economy") or is a name ("USA Today"), or this
    "tomorrow" the future ("the challenges of tomorrow")."""
    word = m.group("word")
    if word.lower() == "tomorrow":   # "the challenges of tomorrow", "a better tomorrow": the future, no day
        return bool(FUTURE_OF.search(text, max(0, m.start() - 24), m.start()))
    if word.lower() != "today":
        return False
    if word[0] == "T" and not re.search(r"(?:^|[.!?:;\"“‘(—–…\n]|[.!?…][”’\')])\s*$", text[max(0, m.start() - 4):m.start()]):
        return True   # "Elizabeth Wise at USA Today": a capital inside a sentence, a name
    possessive = re.match(r"['’]s\b", text[m.end("word"):m.end("word") + 3])
    if re.search(r"(?i)\bas\s+of\s+$", text[max(0, m.start() - 8):m.start()]):
        return False   # "As of today, patients can buy": that day
    return bool(not possessive and NOWADAYS_BEFORE.search(text, max(0, m.start() - 8), m.start())
                or NOWADAYS_AFTER.match(text, m.end("word")))   # ("as part of today's announcement": the day's)


# a bound or an approximation before "N days before/ago" makes it a length of time
BOUND_BEFORE = re.compile(r"(?i)\b(?:for|at\s+least|(?:no|not)\s+(?:fewer|less|more)\s+than|more\s+than|less\s+than|"
                          r"fewer\s+than|within|up\s+to|at\s+most|over|under|nearly|almost|about|around|roughly|"
                          r"approximately|some|close\s+to)\s+$")


ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last)\s+$")
ORDINAL_WEEKDAY = re.compile(rf"\b(?:first|second|third|fourth|last)\s+{WEEKDAY}\s+(?:in|of)\s+$")


def _accept(text: str, name: str, m: re.Match) -> bool:
    """Reject the readings that are not dates ("May" the modal, "2000 troops")."""
    word = m.group("mon") if "mon" in m.groupdict() and m.group("mon") else ""
    if word in ("May", "March") and name == "m" and not m.group("mod"):
        before = text[max(0, m.start() - 20):m.start()]
        if not MODAL_MONTH.search(before):
            return False
    if name == "weekday" and not m.group("rel") and WEEKDAY_NAME_BEFORE.search(text, max(0, m.start() - 8),
                                                                         m.start()):
        return False   # "Happy Friday", "the Good Friday Agreement": a greeting or a name, no date
    if name == "m" and ORDINAL_WEEKDAY.search(text, max(0, m.start() - 30), m.start()):
        return False   # "designating the first Thursday in May as ...": a rule for every year, no date
    if name == "weekday" and ORDINAL_BEFORE.search(text, max(0, m.start() - 8), m.start()) and \
            re.match(rf"\s+(?:in|of)\s+{MONTH}\b", text[m.end():m.end() + 14]):
        return False   # (and its weekday)
    if name == "deictic_day" and _nowadays(text, m):
        return False
    if name == "m" and not m.group("mod") and text[m.end():m.end() + 1] == "," and \
            re.search(r"[a-z],[ \t]$", text[max(0, m.start() - 3):m.start()]):
        return False   # "if you agree, April, to the next question": a name called out between commas
    if name == "m" and not m.group("mod") and re.match(r"[.?!]", text[m.end():m.end() + 1]) and \
            re.search(r"\b(?:you|ahead|next|Okay|Yeah|Yes|Sure|Thanks|Hi|Hey),[ \t]$",
                      text[max(0, m.start() - 8):m.start()]):
        return False   # "Go ahead, April.", "I'll come back to you, April.": a reporter called by name
    if name == "deictic" and re.search(r"(?i)\bobserv(?:e|es|ed|ing)[ \t]+$", text[max(0, m.start() - 12):m.start()]):
        return False   # "to observe this month with appropriate programs": the observance, not a time
    if name == "observance" and OBSERVANCE_NAMED.search(text, max(0, m.start() - 16), m.start()):
        return False   # "proclaim May 2025 as National X Month", "As we celebrate National X Month": its name only
    if name == "year" and lx.LABEL_BEFORE.search(text, max(0, m.start("y") - 24), m.start("y")):
        return False   # "S. 1872", "Proclamation 1863": a bill's or a document's number, not a year
    if name == "year_yy" and not re.search(r"\b(?:[Ii]n|[Oo]f|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom)\s$",
                                          text[max(0, m.start() - 7):m.start()]):
        return False   # "in ’22", "since '08"; not a quotation mark before a number
    if name == "chain_n" and re.match(r"(?i)after\s+(?:the|its|his|her|their)\b", m.group("dir")):
        return False   # "expire 4 years after the effective date": a length of time from an event, no date
        # ("Five days after that release" chains to a date already given)
    if name == "chain_n" and re.search(r"(?i)\b(?:another|an\s+additional|additional|further)\s+$",
                                       text[max(0, m.start() - 16):m.start()]):
        return False   # "another 45 years before", "an additional 10 years after": a length of time added, no date
    if name == "chain_n" and m.group("dir").lower() in ("after", "before") and \
            re.match(r"\s+(?:it|he|she|they|we|you|I|a|an|each|every|any|all)\b", text[m.end():m.end() + 6]):
        return False   # "terminate 30 days after it provides its report": a length of time from an event, no date
    if name in ("chain_n", "ago", "hours_ago", "countdown", "from_today") and \
            (name == "chain_n" or m.group("n").lower() not in ("a", "an")) and \
            BOUND_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
        return False   # "no fewer than 60 days before the election", "nearly 250 years ago": a length of time
        # with its bound (a date carries no qualifier), not a date
    if name == "deictic" and re.match(r"\s+and\s+a\s+half\b", text[m.end():m.end() + 12]):
        return False   # "this last year and a half": a length of time (a figure of its own)
    if name in ("chain_the", "deictic") and re.match(r"(?i)(?:the\s+)?next\b", m.group(0)) and \
            re.search(r"(?i)\b(?:over|during|throughout|in|within)\s+(?:the\s+)?$", text[max(0, m.start() - 16):m.start()]):
        return False   # "Over the next week", "In the next year": a length of time ahead (a figure of its own), not
        # the week after a date
    if name == "holiday":   # "Chuseok (Korean Thanksgiving)": another country's feast, not the named day
        at = m.start("holiday")
        prev = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, at - 20):at])
        if prev and prev.group(1).lower() not in HOLIDAY_LEADS:
            return False
        lead = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, at - 14):at])
        if not lead or lead.group(1).lower() not in HOLIDAY_TIME_LEADS:
            return False   # "a happy Thanksgiving", "the Thanksgiving turkey": the feast named, no time given
    if name == "year":
        if text[m.start() - 1:m.start()] in ("-", "/") and text[m.start() - 2:m.start() - 1].isalpha() and \
                not re.search(r"(?<![\w./-])(?i:pre|post)-$", text[max(0, m.start() - 6):m.start()]):
            return False   # "WH.gov/sotu-2022": part of a web address or a code ("pre-2022 levels": the year)
        before = text[max(0, m.start() - 3):m.start()]
        after = text[m.end():m.end() + 25]
        if re.search(r"[$€£₩₽#]\s*$", text[max(0, m.start() - 3):m.start()]):   # (labels: the check above)
            return False
        if re.match(r"\s*(?:%|percent|per cent)", after) or before.endswith((",", ".")) and before[-2:-1].isdigit():
            return False
        from .lexicon import MEASURE_UNITS, TIME_UNITS, is_personnel, noun_after  # late import: no cycle
        counted = noun_after(after)
        if counted:
            # "2000 troops" counts people; "2021 numbers", "the 2025 Senate Spouses Luncheon" name a year (edited
            # text writes a count of a thousand or more with a comma: "2,000 tanks")
            determiner = re.search(r"\b(?:the|a|an|this|that|its|their|our|his|her|your)\s+$|['’]s\s+$",
                                   text[max(0, m.start() - 8):m.start()], re.I)
            if not determiner and (is_personnel(counted[1]) or counted[1] in TIME_UNITS or counted[1] in MEASURE_UNITS):
                return False   # "2000 troops", "1500 metres", "1200 years"
    return True


# patterns tried only where a word they need occurs: a long alternation tried at every word of every
# article costs more than one scan for the word
_APOSTROPHE_YEAR = re.compile(r"['’‘]\d\d\b")
_SEASON_WORD = re.compile(rf"\b(?:{SEASON})\b")
NEEDS = {"my_rel": re.compile(r"(?i)\bof\s+(?:this|last|next)\s+year\b"),
         "dm_rel": re.compile(r"(?i)\bof\s+(?:this|last|next)\s+month\b"),
         "day_words": re.compile(r"(?i)\bday\s+of\b"),
         "year_words": re.compile(r"(?i)\byear\s+(?:of\s+our\s+Lord\s+)?[a-z]"),
         "year_words_after": re.compile(r"(?i)\bday\s+of\b"),
         "independence": re.compile(r"\bIndependence\b"), "century": re.compile(r"[Cc]entury\b"),
         # each gate is a part that every match of its patterns holds, so it changes no result
         "ago": re.compile(r"\bago\b"), "hours_ago": re.compile(r"\bago\b"), "countdown": re.compile(r"\bdays\s"),
         "from_today": re.compile(r"\bfrom\s+(?:today|now)\b"),
         "chain_n": re.compile(r"\b(?:later|earlier|afterwards?|before|after)\b"),
         "clock": re.compile(r"\d:\d|\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)|o['’]clock\b"),
         "decade": re.compile(r"\d0s\b"), "iso": re.compile(r"\d-[01]\d-|\d/\d"),
         "observance": re.compile(r"[Mm]onth\b"), "named_day": re.compile(r"[a-z] (?:Day|Week)\b"),
         "season": _SEASON_WORD, "season_rel": _SEASON_WORD, "my_yy": _APOSTROPHE_YEAR, "year_yy": _APOSTROPHE_YEAR,
         "this_day_in": re.compile(r"\b(?:day|date)\s+in\s+\d")}


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date expressions in ``text[start:end]``, longest first where they overlap, then merged into
    ranges ("from Oct. 8 to Oct. 13", "between December and February", "from 1964 to 1973")."""
    end = len(text) if end is None else end
    cands = []
    for pat, name in PATTERNS:
        if name in NEEDS and not NEEDS[name].search(text, start, end):
            continue
        for m in pat.finditer(text, start, end):
            if not _accept(text, name, m):
                continue
            spec = _spec(name, m)
            if spec is not None:   # a pattern with a group "at" names only that part as the date
                s, e = m.span("at") if "at" in pat.groupindex else m.span()
                lead = THIS_BEFORE.search(text, max(0, s - 6), s) if name == "holiday" and spec.which == "this" \
                    else EARLIER_BEFORE.search(text, max(0, s - 9), s) if name == "deictic_day" else None
                s = lead.start() if lead else s   # "this Thanksgiving", "earlier this morning": the word is in the span
                cands.append(DateMention(s, e, spec))
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[DateMention] = []
    reach = -1  # the furthest end of a chosen mention: candidates come by start, so one overlaps a chosen
    for c in cands:  # mention exactly when it starts before that end (no scan of all of them)
        if c.start >= c.end:
            if not any(c.start < o.end and o.start < c.end for o in chosen):
                chosen.append(c)
        elif c.start >= reach:
            chosen.append(c)
            reach = max(reach, c.end)
    chosen.sort(key=lambda c: c.start)
    return _merge_ranges(text, _clock_with_day(text, chosen), end)


_CLOCK_DAY_GAP = re.compile(r"[ \t]+(?:(?:Eastern|Central|Mountain|Pacific|ET|EST|EDT|CT|PT|GMT|UTC)[ \t]+)?(?:on[ \t]+|"
                            r"the[ \t]+(?:night|morning|evening|afternoon)[ \t]+of[ \t]+)?")   # "8:00 p.m. the night of"
_CLOCK_RANGE_GAP = re.compile(r"[ \t]*(?:to|until|till|-|–)[ \t]*")
_PART_OF_DAY = re.compile(r"[ \t]+(?:morning|afternoon|evening|night)\b")


def _clock_with_day(text: str, ms: list[DateMention]) -> list[DateMention]:
    """A time followed by its day is one date, the day's: "5:00 a.m. Monday morning"."""
    joined: list[DateMention] = []   # "10:00 AM ET to 4:30 PM ET": one span of time, one date
    for c in ms:
        if joined and joined[-1].spec.kind == "clock" and c.spec.kind == "clock" and \
                _CLOCK_RANGE_GAP.fullmatch(text, joined[-1].end, c.start):
            joined[-1] = DateMention(joined[-1].start, c.end, joined[-1].spec)
        else:
            joined.append(c)
    ms = joined
    out: list[DateMention] = []
    i = 0
    while i < len(ms):
        c = ms[i]
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        gap = _CLOCK_DAY_GAP.fullmatch(text, c.end, nxt.start) if nxt is not None else None
        if c.spec.kind == "clock" and gap and nxt.spec.kind in ("weekday", "chain", "day"):
            part = _PART_OF_DAY.match(text, nxt.end)
            out.append(DateMention(c.start, part.end() if part else nxt.end, nxt.spec))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


_RANGE_JOIN = re.compile(r"\s*(?:to|and|until|till|through|-|–|—)\s*$")
_BARE_DAY_END = re.compile(rf"\s*(?:-|–|to|and|through)\s*(?P<d>{DAY})(?:,?[ \t]+(?P<y>{YEAR})\b(?![-–,.]\d)|"
                           rf"(?!\s*(?:,\s*)?\d))(?!\s*(?:{MONTH}))")   # ("from January 20 to 31, 2021": its year)
_BARE_YEAR_END = re.compile(r"\s*(?:-|–)\s*(?P<y>\d\d)\b(?!\d)")


_WEEKDAY_COMMA = re.compile(r",[ \t]*")   # between a weekday and its date: "Thursday, April 30"


def _counts_a_noun(after: str) -> bool:
    """Whether a number is followed by what it counts ("4 percent", "10 people"), not by a clause."""
    from .lexicon import noun_after   # late import: no cycle
    return bool(re.match(r"\s*(?:%|percent|per\s+cent)", after) or noun_after(after))


def _merge_ranges(text: str, ms: list[DateMention], limit: int) -> list[DateMention]:
    out: list[DateMention] = []
    i = 0
    while i < len(ms):
        cur = ms[i]
        opener = re.search(r"\b([Ff]rom|[Bb]etween)\s+$", text[max(0, cur.start - 9):cur.start])
        start = cur.start - len(opener.group(0)) if opener else cur.start
        # "Oct. 8-13", "between Oct. 8 and 13": a bare end day takes the month from the start
        if cur.spec.kind == "day":
            m = _BARE_DAY_END.match(text, cur.end, limit)
            if m and (opener or m.group(0).strip()[0] in "-–"):
                a_spec = replace(cur.spec, year=int(m.group("y"))) if m.group("y") and not cur.spec.year else cur.spec
                end_spec = replace(a_spec, day=_day(m.group("d")))
                out.append(DateMention(start, m.end(), DateSpec("range", a=a_spec, b=end_spec)))
                i += 1
                while i < len(ms) and ms[i].start < m.end():
                    i += 1   # (the year after the end day is the range's)
                continue
            if m and m.group(0).strip().startswith("and") and cur.spec.day and _day(m.group("d")) > cur.spec.day and \
                    not _counts_a_noun(text[m.end():m.end() + 25]):
                end_spec = replace(cur.spec, day=_day(m.group("d")))
                if end_spec.day - cur.spec.day < 3:   # "held in Tokyo on December 5 and 6": one event's days, one span
                    out.append(DateMention(start, m.end(), DateSpec("range", a=cur.spec, b=end_spec)))
                else:   # "on March 3 and 10": two days of the month
                    out += [cur, DateMention(m.start("d"), m.end(), end_spec)]
                i += 1
                continue
        if cur.spec.kind == "year":
            m = _BARE_YEAR_END.match(text, cur.end, limit)
            if m and int(m.group("y")) > cur.spec.year % 100:  # "1964-73" (not the serial "2022-13")
                end_year = cur.spec.year // 100 * 100 + int(m.group("y"))
                out.append(DateMention(start, m.end(), DateSpec("range", a=cur.spec, b=DateSpec("year", end_year))))
                i += 1
                continue
        if i + 3 < len(ms) and [m.spec.kind for m in ms[i:i + 4]] == ["weekday", "day", "weekday", "day"] and \
                _WEEKDAY_COMMA.fullmatch(text, cur.end, ms[i + 1].start) and \
                _WEEKDAY_COMMA.fullmatch(text, ms[i + 2].end, ms[i + 3].start) and \
                re.fullmatch(r",?\s*(?:to|through|until|[-–])\s*", text[ms[i + 1].end:ms[i + 2].start]):
            # "Monday, April 27, through Thursday, April 30, 2026": one range, each end dated by its day
            out.append(DateMention(start, ms[i + 3].end, DateSpec("range", a=ms[i + 1].spec, b=ms[i + 3].spec)))
            i += 4
            continue
        if i + 1 < len(ms) and cur.spec.kind == ms[i + 1].spec.kind == "year" and \
                ms[i + 1].spec.year == cur.spec.year + 1 and re.fullmatch(r"\s+or\s+", text[cur.end:ms[i + 1].start]):
            # "probably in 2016 or 2017": one span of the two years
            out.append(DateMention(start, ms[i + 1].end, DateSpec("range", a=cur.spec, b=ms[i + 1].spec)))
            i += 2
            continue
        if i + 1 < len(ms):
            nxt = ms[i + 1]
            gap = text[cur.end:nxt.start]
            joined = _RANGE_JOIN.fullmatch(gap) or (opener and re.fullmatch(r"\s*,?\s*(?:to|and|until|through)\s*", gap))
            same_kind = cur.spec.kind in ("day", "month", "year", "season", "weekday", "decade") and \
                nxt.spec.kind in ("day", "month", "year", "season", "weekday", "decade")
            if joined and same_kind and (opener or gap.strip() in ("-", "–", "—", "to", "through", "until")):
                out.append(DateMention(start, nxt.end, DateSpec("range", a=cur.spec, b=nxt.spec)))
                i += 2
                continue
        out.append(cur)
        i += 1
    return out


# --------------------------------------------------------------------------- resolving

def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (Monday 0) of a month; ``n`` -1 the last: Memorial Day is (5, 0, -1)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def month_interval(year: int, month: int) -> Interval:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def week_of(day: dt.date) -> Interval:
    """Monday..Sunday of the week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def add_months(day: dt.date, n: int) -> dt.date:
    """``day`` moved by n calendar months, clamped to the month's length."""
    idx = day.year * 12 + day.month - 1 + n
    y, m = divmod(idx, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def _nearest_month(month: int, pub: dt.date, forward: bool) -> int:
    if forward:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


CLOSE_DAYS = 7  # a day this close to publication on the other side of the tense is the one meant


def _nearest_day(month: int, day: int, pub: dt.date, forward: bool, nearest: bool = False) -> dt.date | None:
    """A day without a year: the next one on or after publication when the sentence looks ahead, else the
    last one on or before it; but a day within a week on the other side beats one most of a year away
    ("he was citing the July 4th weekend", said on July 2). ``nearest``: the one nearest publication ("this
    Christmas")."""
    cands = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cands.append(dt.date(year, month, day))
        except ValueError:
            continue
    if nearest and cands:   # "this Christmas": the one nearest publication, either side
        return min(cands, key=lambda c: abs((c - pub).days))
    after = min((c for c in cands if c >= pub), default=None)
    before = max((c for c in cands if c <= pub), default=None)
    chosen, other = (after, before) if forward else (before, after)
    if other is not None and abs((other - pub).days) <= CLOSE_DAYS and \
            (chosen is None or abs((chosen - pub).days) > 300):
        return other
    return chosen


def _shift(iv: Interval, n: float, unit: str) -> Interval:
    n_int = int(n)
    if unit == "day":
        delta = dt.timedelta(days=n)
        return iv[0] + delta, iv[1] + delta
    if unit == "week":
        if iv[0] == iv[1] and n_int == n:
            d = iv[0] + dt.timedelta(weeks=n)
            return d, d
        return week_of(iv[0] + dt.timedelta(weeks=n))
    if unit == "month":
        if iv[0] == iv[1]:
            d = add_months(iv[0], n_int)
            return d, d
        s = add_months(iv[0], n_int)
        return month_interval(s.year, s.month) if iv[0].day == 1 else (s, add_months(iv[1], n_int))
    if unit == "year":   # "three and a half years ago": 42 months
        months = round(12 * n)
        if iv[0] == iv[1]:
            d = add_months(iv[0], months)
            return d, d
        return add_months(iv[0], months), add_months(iv[1], months)
    raise ValueError(unit)


def resolve_in_context(spec: DateSpec, published: dt.date | None, context: dt.date | None) -> Interval | None:
    """A month or day without a year, read beside an explicitly dated event in the same paragraph:
    the occurrence nearest that date ("6 August 2024 - ... By mid-August" is August 2024)."""
    if context is None or spec.kind not in ("day", "month") or spec.year:
        return None
    best = None
    for year in (context.year - 1, context.year, context.year + 1):
        try:
            iv = (dt.date(year, spec.month, spec.day) if spec.kind == "day" else None)
            iv = (iv, iv) if iv else month_interval(year, spec.month)
        except ValueError:
            continue
        if published and iv[0] > published:
            continue
        dist = 0 if iv[0] <= context <= iv[1] else min(abs((iv[0] - context).days), abs((iv[1] - context).days))
        if best is None or dist < best[0]:
            best = (dist, iv)
    return best[1] if best else None


def resolve(spec: DateSpec, published: dt.date | None, anchor: Interval | None = None,
            forward: bool = False) -> Interval | None:
    """The ISO interval a date spec denotes, or None when it cannot be resolved.

    ``published`` anchors relative dates, ``anchor`` (the previous date in the text)
    anchors chained ones, ``forward`` says the sentence refers ahead ("by December").
    """
    pub = published
    k = spec.kind
    try:
        if k == "day":
            if spec.year:
                d = dt.date(spec.year, spec.month, spec.day)
                return d, d
            if pub is None:
                return None
            event = EVENT_DAYS.get((spec.month, spec.day))
            if event is not None and not forward and spec.which != "this" and event < pub and spec.unit != "holiday":
                return event, event   # "the anniversary of January 6": the day its name recalls ("Patriot Day"
                # is the holiday, each year)
            d = _nearest_day(spec.month, spec.day, pub, forward, nearest=spec.which == "this")
            return (d, d) if d else None
        if k == "day_of_month":   # "the 18th of next month": that day of the month before, of or after publication's
            if pub is None:
                return None
            first = add_months(dt.date(pub.year, pub.month, 1), {"last": -1, "next": 1}.get(spec.which, 0))
            d = dt.date(first.year, first.month, spec.day)
            return d, d
        if k == "this_day_in":   # "on this day in 1945": the day and month of publication, in that year
            if pub is None or not spec.year:
                return None
            d = dt.date(spec.year, pub.month, min(pub.day, 28) if (pub.month, pub.day) == (2, 29) else pub.day)
            return d, d
        if k == "holiday":   # the nth weekday of a month: like a day without a year, the last one by publication
            if pub is None:   # (the next one if the sentence looks ahead)
                return None
            days = [nth_weekday(y, spec.month, spec.day, int(spec.n)) for y in (pub.year - 1, pub.year, pub.year + 1)]
            if spec.which == "this":
                d = min(days, key=lambda x: abs((x - pub).days))
            else:
                d = min((x for x in days if x >= pub), default=None) if forward else max(x for x in days if x <= pub)
            return (d, d) if d else None
        if k == "century":
            if pub is None:
                return None
            first = ((pub.year - 1) // 100 + {"last": -1, "next": 1}.get(spec.which, 0)) * 100 + 1
            return dt.date(first, 1, 1), dt.date(first + 99, 12, 31)
        if k == "named_day":
            if pub is None:
                return None
            if spec.unit == "day":
                return pub, pub
            # a week is proclaimed on a day of it or in the days before it: the Sunday-to-Saturday week holding
            # the second day after publication (said on a Friday, the week from Sunday)
            soon = pub + dt.timedelta(days=2)
            sunday = soon - dt.timedelta(days=(soon.weekday() + 1) % 7)
            return sunday, sunday + dt.timedelta(days=6)
        if k == "observance":   # proclaimed in the month itself, or in the last days of the month before
            if pub is None:       # (White House proclamations 2021-2026: a month is proclaimed from the 25th of
                return None       # the month before to the 20th of the month itself)
            if spec.unit:   # one whose dates are known: the one running at publication or about to start, else
                return _observance(OBSERVANCE_DATES[spec.unit], pub, forward)   # the last or next by the tense
            first = dt.date(pub.year, pub.month, 1) if pub.day < 25 else add_months(dt.date(pub.year, pub.month, 1), 1)
            return month_interval(first.year, first.month)
        if k == "month":
            if spec.unit == "year" and pub:   # "March of last year"
                return month_interval(pub.year + {"last": -1, "next": 1}.get(spec.which, 0), spec.month)
            year = spec.year or (pub and _nearest_month(spec.month, pub, forward and spec.which != "past"))
            return month_interval(year, spec.month) if year else None
        if k == "year":
            return dt.date(spec.year, 1, 1), dt.date(spec.year, 12, 31)
        if k == "fiscal":   # the US federal fiscal year: October 1 of the year before to September 30
            return dt.date(spec.year - 1, 10, 1), dt.date(spec.year, 9, 30)
        if k == "past":     # "the past week": the unit's length ending on the publication day, taken whole
            if pub is None:  # (SCHEMA: a unit is taken whole): the calendar unit holding most of those days
                return None
            if spec.unit == "month":   # "the past month": the month before, like "last month"
                return _whole(add_months(pub, -1), "month")
            if spec.unit == "decade":   # "over the past decade" (in 2026): the 2010s, the last whole decade
                first_year = (pub.year // 10 - 1) * 10
                return dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31)
            if spec.unit == "year":   # "over the past year": the year of publication, taken whole (the annotators
                return _whole(pub, "year")   # of twenty samples read 14 of its 17 uses so, early in a year too)
            first = pub - dt.timedelta(days=6)
            return _whole(first + (pub - first) / 2, spec.unit)
        if k == "decade":
            return dt.date(spec.year, 1, 1), dt.date(spec.year + 9, 12, 31)
        if k == "season":
            year = spec.year
            if year is None:
                if pub is None:
                    return None
                year = pub.year - 1 if spec.month == 12 and pub.month <= 2 else pub.year  # "this winter"
                this_start, this_end = _season(year, spec.month)
                if spec.which == "last" and this_end >= pub:
                    year -= 1
                elif spec.which == "next" and this_start <= pub:
                    year += 1
                elif spec.which == "latest":
                    if forward and this_end < pub:
                        year += 1   # (said in April, "in the spring" ahead is this spring, still running)
                    elif not forward and this_start > pub + dt.timedelta(days=SEASON_AHEAD):
                        year -= 1
            return _season(year, spec.month)
        if k == "part":
            year = spec.year
            size = 6 if spec.unit == "half" else 3
            first = 1 + size * (int(spec.n) - 1)
            if year is None:
                if pub is None:
                    return None
                year = pub.year + {"last": -1, "next": 1}.get(spec.which, 0)
                if not spec.which:  # "in the third quarter": the latest past one, or the coming (or current) one
                    if forward and month_interval(year, first + size - 1)[1] < pub:
                        year += 1
                    elif not forward and dt.date(year, first, 1) > pub:
                        year -= 1
            return dt.date(year, first, 1), month_interval(year, first + size - 1)[1]
        if k == "weekday":
            if pub is None:
                return None
            back = (pub.weekday() - spec.day) % 7
            if spec.which == "last" and back == 0:
                back = 7
            if spec.which == "next" or (forward and spec.which in ("", "this")):   # "will celebrate this Saturday"
                d = pub + dt.timedelta(days=(spec.day - pub.weekday()) % 7 or (7 if spec.which == "next" else 0))
            else:
                d = pub - dt.timedelta(days=back)
            return d, d
        if k == "deictic":
            if pub is None:
                return None
            step = {"last": -1, "next": 1}.get(spec.which, 0)
            if spec.unit == "weekend" and step == 0:   # "this weekend": the one just past, or the coming one
                if forward:
                    sat = pub - dt.timedelta(days=1) if pub.weekday() == 6 else \
                        pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
                else:
                    sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
                return sat, sat + dt.timedelta(days=1)
            if spec.unit == "quarter":   # "last quarter": the calendar quarter before publication's
                q = (pub.year * 4 + (pub.month - 1) // 3) + step
                first = dt.date(q // 4, (q % 4) * 3 + 1, 1)
                return first, month_interval(first.year, first.month + 2)[1]
            if spec.unit in ("week", "weekend"):
                mon, sun = week_of(pub + dt.timedelta(weeks=step))
                return (sun - dt.timedelta(days=1), sun) if spec.unit == "weekend" else (mon, sun)
            if spec.unit == "month":
                d = add_months(pub.replace(day=1), step)
                return month_interval(d.year, d.month)
            return dt.date(pub.year + step, 1, 1), dt.date(pub.year + step, 12, 31)
        if k == "clock":
            if anchor and anchor[0] == anchor[1]:
                return anchor
            return (pub, pub) if pub else None
        if k == "week_of":
            day = dt.date(spec.year, spec.month, spec.day) if spec.year else \
                (_nearest_day(spec.month, spec.day, pub, forward) if pub else None)
            if day and spec.which == "from":
                return day, day + dt.timedelta(days=6)
            return week_of(day) if day else None
        if k == "turn":  # "the turn of the year": December and January around the nearest new year
            if pub is None:
                return None
            year = pub.year + 1 if forward and pub.month >= 3 else pub.year  # the latest new year, or the coming one
            return dt.date(year - 1, 12, 1), dt.date(year, 1, 31)
        if k == "chain":
            base = ((pub, pub) if pub else None) if spec.which in ("publication", "ago", "decade") else anchor
            if base is anchor and anchor and spec.unit in ("day", "week") and (anchor[1] - anchor[0]).days > 300:
                base = (pub, pub) if pub else None   # "by 2030 ... In New Mexico, the next day, we’ll": a day
                # counts from no year; from publication
            if base is None:
                return None
            if spec.which == "publication":  # "yesterday", "a year ago today": that day ("... ago tomorrow": the next)
                day = base[0] + dt.timedelta(days=spec.day or 0)
                return _shift((day, day), spec.n, spec.unit)
            if spec.which == "decade":   # "eight decades ago" in 2025: the 1940s
                y = _shift((base[0], base[0]), spec.n, "year")[0].year
                return dt.date(y - y % 10, 1, 1), dt.date(y - y % 10 + 9, 12, 31)
            if spec.which == "ago":  # "two years ago": the unit taken whole
                return _whole(_shift((base[0], base[0]), spec.n, spec.unit)[0], spec.unit)
            if spec.which == "whole" or (spec.n == 0 and spec.unit != "day"):
                return _whole(_shift((base[0], base[0]), spec.n, spec.unit)[0], spec.unit)
            return _shift(base, spec.n, spec.unit)
        if k == "range":
            a_spec, b_spec = spec.a, spec.b
            if b_spec.kind in ("day", "month") and not b_spec.year and a_spec.year:
                b_spec = replace(b_spec, year=a_spec.year)
                if (b_spec.month or 0) < (a_spec.month or 0):
                    b_spec = replace(b_spec, year=a_spec.year + 1)
            if a_spec.kind in ("day", "month") and not a_spec.year and b_spec.year:
                a_spec = replace(a_spec, year=b_spec.year)
                if (a_spec.month or 0) > (b_spec.month or 0):
                    a_spec = replace(a_spec, year=b_spec.year - 1)
            a = resolve(a_spec, pub, anchor, forward)
            b = resolve(b_spec, pub, anchor, forward)
            if not a or not b:
                return None
            start, end = a[0], b[1]
            if end < start and a_spec.kind in ("day", "month") and not a_spec.year:
                start = add_months(start, -12)
            if end < start and b_spec.kind in ("day", "month") and not b_spec.year:
                end = add_months(end, 12)
            return (start, end) if start <= end else None
    except (ValueError, OverflowError, TypeError):
        return None
    return None


def _observance(days: tuple[tuple[int, int], tuple[int, int]], pub: dt.date, forward: bool) -> Interval:
    """An observance of known dates nearest publication: the one running then or starting within
    OBSERVANCE_AHEAD days, else the last one (the next one if the sentence looks ahead)."""
    (m1, d1), (m2, d2) = days
    spans = [(dt.date(y, m1, d1), month_interval(y, m2)[1] if d2 >= 28 else dt.date(y, m2, d2))
             for y in (pub.year - 1, pub.year, pub.year + 1)]
    for first, last in spans:
        if first - dt.timedelta(days=OBSERVANCE_AHEAD) <= pub <= last:
            return first, last
    if forward:
        return next(s for s in spans if s[0] > pub)
    return max(s for s in spans if s[1] < pub)


SEASON_AHEAD = 31   # a season starting within this many days of publication is the one meant ("our best protection
                    # for the winter", said in November), unless the sentence narrates the past


def _season(year: int, first_month: int) -> Interval:
    """Three months from ``first_month`` of ``year`` (winter runs into the next year)."""
    s = dt.date(year, first_month, 1)
    e = add_months(s, 2)
    return s, month_interval(e.year, e.month)[1]


def _whole(day: dt.date, unit: str) -> Interval:
    """The whole day, week, month or year holding ``day``."""
    if unit == "week":
        return week_of(day)
    if unit == "month":
        return month_interval(day.year, day.month)
    if unit == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


def is_forward(sentence_prefix: str) -> bool:
    """True when the words before a date in its sentence refer ahead ("plans to ... by"), unless a pronoun's past
    verb, or a past verb no participle shares, comes between the last such word and the date ("You'll recall we
    launched it in mid-April", "they’ll — those approvals just went through in November")."""
    last = None
    for last in FUTURE.finditer(sentence_prefix):
        pass
    if last is None or re.search(r"(?i)\b(?:since|ever\s+since)\s+(?:the\s+)?$", sentence_prefix[-18:]):
        return False   # ("prices, which have fallen since the summer": since looks back)
    return not any(m.group(0) in PAST_ONLY or PRONOUN_SUBJECT.search(sentence_prefix, max(0, m.start() - 16), m.start())
                   for m in PAST_MARK.finditer(sentence_prefix, last.end()) if m.group(0)[0].islower())


# a finite past verb that no participle shares ("the invasion began in late February", "approvals went through
# in November"): it looks back whatever its subject (vocab/past_verbs.csv, past_only)
PAST_ONLY = frozenset(["was", "were", "did"] + [r["word"] for r in rows("past_verbs") if r["past_only"]])


# a pronoun as the subject of the verb after it: "that we signed in September", "the pricing it implemented"
PRONOUN_SUBJECT = re.compile(r"\b(?:I|we|he|she|they|it|you|which|that|who)\s+(?:\w+ly\s+|also\s+|just\s+|then\s+)?$",
                             re.I)   # (a relative pronoun too: "the package that passed in December")


# a past verb: a few auxiliaries, "-ed", and the irregular past verbs of vocab/past_verbs.csv (not those that
# are present forms too: "let me tell you what happens on Friday")
PAST_MARK = re.compile(r"\b(?:was|were|had|did|said|[a-z]+ed|(?:(?<=['’]ve\s)|(?<=have\s)|(?<=has\s))(?:seen|been|done|gone|met|heard|made|taken)|"
                       + "|".join(r["word"] for r in rows("past_verbs") if not r["present_too"]) + r")\b", re.I)
# ("May" is a month)
FUTURE_AFTER = re.compile(r"\b(?:will|['’]ll|shall|going\s+to|can|could|(?-i:may)|might)\b", re.I)


def looks_ahead_after(clause: str) -> bool:
    """True when the clause after a fronted date looks ahead before it looks back ("On Monday, Jill and I will
    be traveling", "On Monday, consumers can visit"; not "On Monday, officials said they will")."""
    ahead = FUTURE_AFTER.search(clause)
    if not ahead:
        return False
    back = PAST_MARK.search(clause, 0, ahead.start())
    return back is None


def looks_back(prefix: str, after: str) -> bool:
    """True when a sentence narrates the past around a date: a past verb before it, or after it before any
    word that looks ahead ("The chaos unfolded this weekend", "Over the weekend, we set records")."""
    if is_forward(prefix):
        return False
    if PAST_MARK.search(prefix):
        return True
    back = PAST_MARK.search(after)
    ahead = FUTURE_AFTER.search(after)
    return back is not None and (ahead is None or back.start() < ahead.start())
