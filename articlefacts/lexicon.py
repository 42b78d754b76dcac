"""Word lists for reading quantities: who and what gets counted, units, currencies,
and the function words that end a noun phrase. Plain data plus two lookups."""
from __future__ import annotations

import re

from .vocab import rows

INVARIANT_PLURALS = {r["noun"] for r in rows("invariant_plurals")}   # "13,000 aircraft"
PERSONNEL = {r["noun"] for r in rows("people")}   # vocab/people.csv: nouns that count people
# vocab/plural_names.csv: names that end in a plural word ("United States"), by that word: the words before it
PLURAL_NAMES: dict[str, list[str]] = {}
for _r in rows("plural_names"):
    _head, _last = _r["name"].rsplit(" ", 1)
    PLURAL_NAMES.setdefault(_last, []).append(_head)
# agent-noun endings that count people ("specialists", "technicians", "trainees", "servicemen")
PERSONNEL_ENDING = re.compile(r"^(?:(?!(?:degr|committ|guarant|decr|pedigr|jambor|toff|coff|entr|matin|dungar|sett|"
                              r"marqu|soir|lev|filigr|rup|tr)ees$)(?!(?:ass|ex|ins|pers|cons|res|subs)ists$)"
                              r"[a-z]{3,}(?:ists|ians|ees|men|women)|"
                              r"[a-z]+-[a-z]+(?:ers|ors)|"
                              r"(?!(?:slog|sed|org|carav|turb|cardig|pelic|touc|div|kaft|caft)ans$)[a-z]{3,}ans)$")
# ("Afghans", "Koreans", "veterans": people, as "Ukrainians" and "trainees" are; "slogans", "sedans", "organs",
# "degrees" and "committees" are things)
# Nouns that name a group of people without counting it; an elided number near them counts people.
COLLECTIVE = set("""contingent force deployment army toll manpower garrison""".split())
# People who speak rather than get counted: never the antecedent of an elided number.
SPEAKERS = set("""officials official lawmakers lawmaker legislators diplomats analysts experts sources spokesman
spokeswoman spokesperson researchers observers reporters journalists
folks""".split())   # ("Folks, ...": whom a speaker addresses)
PARTICIPLES = set("killed wounded dead injured captured missing hurt died".split())
TIME_UNITS = {"second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
              "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks",
              "weeks": "weeks", "month": "months", "months": "months", "year": "years", "years": "years",
              "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries",
              "millennium": "millennia", "millennia": "millennia", "fortnight": "weeks",
              "quarters": "quarters"}   # "for two quarters" (the singular is a share: "a quarter")
# vocab/measure_units.csv: a unit word as written (lower case) -> the unit it is recorded in
MEASURE_UNITS = {r["word"]: r["unit"] for r in rows("measure_units")}
CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD",
                    "€": "EUR", "£": "GBP", "₩": "KRW", "₽": "RUB", "¥": "JPY", "₴": "UAH"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "won": "KRW",
                  "rubles": "RUB", "ruble": "RUB", "roubles": "RUB", "rouble": "RUB", "yuan": "CNY",
                  "renminbi": "CNY", "yen": "JPY", "hryvnias": "UAH", "hryvnia": "UAH", "hryvnas": "UAH",
                  "pounds sterling": "GBP", "rupees": "INR", "francs": "CHF",
                  "bucks": "USD"}   # spoken American English: "10 bucks"
RATE_NOUNS = {"month": "month", "year": "year", "week": "week", "day": "day", "annum": "year", "hour": "hour",
              "person": "person", "soldier": "person", "head": "person", "capita": "person", "troop": "person",
              "man": "person", "worker": "person", "recruit": "person", "fighter": "person",
              "individual": "person", "family": "family", "household": "household", "unit": "unit"}
RATE_ADVERBS = {"monthly": "month", "annually": "year", "yearly": "year", "daily": "day", "weekly": "week",
                "apiece": "person", "hourly": "hour"}
def letters(upper: bool, last: int = 0x24F) -> str:
    """A regex class body of every capital (or small) letter from "A"/"a" through code point ``last``:
    0x24F ends the Latin alphabets ("Nausėda", "Łukasz"), 0x4FF Greek and Cyrillic too."""
    first, pick = ("A-Z", str.isupper) if upper else ("a-z", str.islower)
    return first + "".join(ch for ch in map(chr, range(0xC0, last + 1)) if pick(ch) and ch.isalpha())


STOP = set("""a an the this that these those there here their its his her our your my them they it he she we you
i who whom whose which what when where while why how and or but nor so yet if than then as of in on at by for
from to with without within into onto over under above below between among through during before after since
until till via per each every all both some any no not only also just even still already again more most less
least much many few several own other another same is are was were be been being am has have had having do
does did will would shall should can could may might must said says say told tells reported according including
included include includes plus minus versus vs altogether total overall respectively apiece alone either neither
whereas although though because like unlike near around about across along against toward towards upon last next past""".split())
NOUN_ENDINGS_NOT_PLURAL = ("ss", "us", "is", "'s", "’s", "ous")
NOT_NOUNS = set("""was has is its this thus always perhaps as less across towards afterwards besides overseas
sometimes whereas nevertheless regardless unless yes news series species means appears seems remains shows says
suggests stems comes goes makes takes gives puts gets looks sounds represents includes exceeds equals amounts marks
reflects covers rises falls stands lies seeks needs wants helps happens belongs depends themselves ourselves
yourselves reduces requires provides allows ensures creates establishes directs declares""".split())

# a word: "U.S.-based", "US&R teams", "KN-23", "170mm"
WORD = re.compile(r"(?:[A-Z]\.){2,}(?:-[A-Za-z]+)?|[A-Z]{1,4}&[A-Z]{1,4}\b|"
                  r"[A-Za-z][A-Za-z'’\-]*(?:(?<=-)\d+[A-Za-z]*)?|\d+-?mm\b|\d+(?:\.\d+)?-[a-z]+\b")
# ("1.6 million 8-ounce bottles": a number-unit adjective modifies the counted noun)
# lower-case words that modify a counted noun ("special forces troops", "landing ships")
MODIFIER = re.compile(r"^(?:[a-z\-]+(?:al|ic|ed|ing|ive|ary|ory|ish|an|ian|ese|ful|less|ous|ent|ant|ile|ar|ern|"
                      r"ate|ite|ior|er|est|ly|ic|tion|sion|ment|ure|ance|ence|ship)|key|new|old|top|main|more|extra|escort|artillery|tank|missile|"
                      r"drone|air|land|sea|naval|army|navy|infantry|combat|contract|elite|regular|reserve|"
                      r"front-line|frontline|rank-and-file|state|police|border|mine|rocket|shell|cargo|supply|"
                      r"transport|attack|assault|fighter|bomber|cruise|ballistic|nuclear|satellite|factory|"
                      r"labour|labor|work|rail|train|truck|freight|container|oil|fuel|gas|food|grain|rice|"
                      r"ammunition|munitions|weapons|arms|defence|defense|intelligence|security|staff|"
                      r"field|ground|unit|brigade|battalion|division|corps|military|civilian|young|"
                      r"foreign|local|ethnic|fellow|such|own|few|other)$")
LINK = {"and", "or", "&"}


def is_plural_noun(word: str) -> bool:
    """A lower-case word that looks like a plural count noun ('brigades', 'purposes')."""
    w = word.lower()
    if w in PERSONNEL or w in TIME_UNITS or w in MEASURE_UNITS or w in INVARIANT_PLURALS:
        return True
    if w in NOT_NOUNS or w in STOP or len(w) < 4:
        return False
    return w.endswith("s") and not w.endswith(NOUN_ENDINGS_NOT_PLURAL)


PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
LIST_COMMA = re.compile(r",[ \t]+(?:(?:and|or)[ \t]+)?")


DEGREE_SIGN = re.compile(r"[ \t]?°(?:[ \t]?[CF]\b)?")


ACRONYM_AFTER_NAME = re.compile(r"[ \t]+\([A-Z][A-Za-z&]{1,7}\)(?=[ \t]+[a-z])")
SUPERLATIVE = re.compile(r"[ \t]+(?:most|least)(?=[ \t]+[a-z]{3,}[ \t]+[a-z])")


def noun_after(text: str, max_words: int = 6) -> tuple[int, str] | None:
    """The counted noun right after a number: (characters consumed, head noun, lower case).

    Reads modifier words ("North Korean special forces") up to the last noun
    before a function word or punctuation: "1,500 troops from" -> troops,
    "four landing ships and" -> ships. None when no noun follows ("10,000 there").
    """
    pos, head, head_end, n = 0, "", 0, 0
    glued = WORD.match(text)
    if glued and glued.group(0).lower() in MEASURE_UNITS:
        return glued.end(), glued.group(0).lower()   # "98.8kg of albuterol", "5.56mm rounds": a unit written on
    sign = DEGREE_SIGN.match(text)
    if sign:
        return sign.end(), "degrees"   # "1.5°C", "1.5 °C": the degree sign is the unit
    while n < max_words:
        acronym = ACRONYM_AFTER_NAME.match(text, pos) if n and text[pos - 1:pos].isalpha() else None
        if acronym:
            pos = acronym.end()   # "10,000 new Immigration and Customs Enforcement (ICE) personnel": the name's
            # acronym, then its noun
        degree = SUPERLATIVE.match(text, pos) if not head and n == 0 else None
        if degree:
            pos = degree.end()   # "the two most powerful countries": the adjective's degree
        m = re.match(r"[ \t]+|-", text[pos:])
        if not m and not head and n and LIST_COMMA.match(text, pos) and \
                re.search(r"(?:^|\s)(?:[A-Z][\w’'\-]*|[a-z]+-[\w\-]+)$", text[max(0, pos - 30):pos]):
            m = LIST_COMMA.match(text[pos:])  # "160,000 American, British, and Canadian troops": a list of modifiers
        if not m:
            break
        wm = WORD.match(text, pos + m.end())
        if not wm:
            break
        word = wm.group(0)
        low = word.lower()
        if low in LINK and n and not head and MODIFIER.match(text[:pos].split()[-1].lower()) and \
                re.match(r"\s+[a-z][a-z\-]*\s+[a-z]", text[wm.end():]):
            pos = wm.end()  # "artillery and rocket rounds": two modifiers of one noun
            continue
        if low in LINK and n and not head and text[pos - 1:pos].isalnum():
            # "KN-23 and KN-24 ballistic missiles": a link between two capitalised modifiers
            nxt = WORD.match(text, wm.end() + 1) if wm.end() < len(text) else None
            if nxt and nxt.group(0)[0].isupper() and text[pos - 1:pos] != "" and \
                    re.search(r"[A-Z][\w\-]*$", text[:pos]):
                pos = wm.end()
                continue
        if low in STOP or (low in NOT_NOUNS):
            break
        n += 1
        pos = wm.end()
        if low in PARTICIPLES:
            continue  # "about 1,000 wounded": a participle, the counted noun is elided
        known = low in PERSONNEL or low in TIME_UNITS or low in MEASURE_UNITS
        if head and not known and (head.endswith("s") or not is_plural_noun(low)) and \
                not (word[0].isupper() and text[head_end - len(head):head_end][:1].isupper() and is_plural_noun(low)):
            if word[0].isupper() and ACRONYM_AFTER_NAME.match(text, pos):
                head = ""   # "Customs Enforcement (ICE) personnel": the plural was inside a name, its noun follows
                continue
            break  # past the head noun only another known noun continues it ("forces troops"), or a plural
            # after a noun with no plural ending: "armored personnel carriers", "police officers"; in a
            # capitalized name the last plural is the head ("130 Industry Operations Investigators")
        if word in PLURAL_NAMES and re.match(r"[ \t]+[A-Za-z]", text[pos:]) and \
                any(text[max(0, pos - len(word) - len(p) - 2):pos - len(word)].rstrip().endswith(p)
                    for p in PLURAL_NAMES[word]):
            continue   # "300 United States Service Members": a country's name, a modifier before the noun
        if known or is_plural_noun(low) or PLURAL_ACRONYM.fullmatch(word):   # "100 HBCUs", "three MOUs"
            head, head_end = low, pos
            if low in TIME_UNITS or low in MEASURE_UNITS:
                break
        elif word in ("North", "South", "East", "West") and not re.match(r"\s+[A-Z]", text[pos:]):
            return None  # "38 North published ...": a name, not "North Korean soldiers"
        elif word[0].isupper() or MODIFIER.match(low) or re.search(r"-\d|^\d", word) or \
                re.fullmatch(r"[a-z][a-z\-]+|[a-z]+-[\w\-]+", word) or re.fullmatch(r"[a-z]+['’]s?", low) and head == "":
            continue  # a modifier ("repair workshops"); the noun phrase only counts if a head noun follows
        else:
            break
    return (head_end, head) if head else None


def is_personnel(noun: str) -> bool:
    """A counted noun that counts people."""
    last = noun.rsplit("-", 1)[-1]   # "cuban-americans", "drug-traffickers": the last part names them
    return noun in PERSONNEL or bool(PERSONNEL_ENDING.match(noun)) or ("-" in noun and last in PERSONNEL)


def normalise_rate(noun: str) -> str:
    """'soldier' -> 'person', 'annum' -> 'year'; other nouns as written, lower case."""
    return RATE_NOUNS.get(noun.lower(), noun.lower())


def _label_before() -> re.Pattern:
    """Words after which a number is a label, not a figure ("Article 51", "H.R. 4981"), from
    vocab/label_words.csv (a word as written, or a pattern when it starts with "(?")."""
    parts = []
    for r in rows("label_words"):
        w = r["word"] if r["word"].startswith("(?") else re.escape(r["word"])
        parts.append(f"(?i:{w})" if r["any_case"] == "1" else w)
    return re.compile(r"(?:\b(?:" + "|".join(parts) + r")\.?\s?|[#№§][ \t]?)$")   # ("18 U.S.C. § 116")


LABEL_BEFORE = _label_before()   # also refuses a year: "S. 1872" is a bill
