"""Who a source is: shortening a naming phrase to its name and typing it.

``source_type`` reads the whole phrase as written (title and apposition
included: "NATO Secretary General Mark Rutte", "Bruce Bennett, a researcher at
RAND") and answers intelligence, government, military, international_org,
media, expert or other, by the first rule that fits.
"""
from __future__ import annotations

import re

from .lexicon import letters
from .vocab import rows

TYPES = ("intelligence", "government", "military", "international_org", "media", "expert", "author", "other")

_DOCUMENT_WORDS = (r"report|decree|treaty|agreement|pact|law|charter|constitution|clause|article|memo|memorandum|"
                   r"letter|study|survey|paper|filing|cable|resolution|statute|convention|accord|deal|order|bill|"
                   r"text|transcript|record|data|white\s+paper|budget|proposal|act|legislation|proclamation|plan|"
                   r"rule|regulation|guidance|directive")
# a document's head noun; lower-case plurals too ("The agreements require"), not a name ("Rasmussen Reports")
DOCUMENT = re.compile(rf"\b(?i:documents?|records|{_DOCUMENT_WORDS})$|\b(?:{_DOCUMENT_WORDS})s$|\btreaties$")
# vocab/source_names.csv: organisations, outlets, places and leaders that name a source, each with its type
def _names(stype: str, people: bool = False) -> str:
    """The names of one source type as a regex alternation ('Kim Jong Un' also matches 'Kim Jong-Un');
    ``people``: only names written like a person's (a capital, then lower case: no acronyms)."""
    names = sorted((r["name"] for r in rows("source_names") if r["source_type"] == stype and
                    (not people or r["name"][0].isupper() and re.search(r"[a-z]", r["name"]))), key=len, reverse=True)
    return "|".join(r"[\s-]+".join(re.escape(w) for w in n.split()) for n in names)


INTELLIGENCE = re.compile(rf"\b(?:intelligence|spy|spies|espionage|{_names('intelligence')})\b", re.I)
GOV_PERSON = re.compile(r"\b(?:envoys?|ambassadors?|ministers?|president|spokes(?:man|woman|person)|diplomats?|"
                        r"MPs?|member\s+of\s+(?:the\s+)?(?:committee|parliament|congress|assembly|house)|"
                        r"chair(?:man|woman)?\s+of\s+(?:the\s+)?[\w\s]*committee|committee['’]s\s+chair|"
                        r"(?:Labour|Conservative|Liberal\s+Democrat|Democratic|Republican)\s+(?:member|MP|lawmaker)|"
                        r"lawmakers?|legislators?|senators?|congressman|congresswoman|officials?|secretary\s+of\s+state|"
                        r"prosecutors?|attorney\s+general|judges?|courts?|police|regulators?|"
                        r"prime\s+minister|premier|chancellor|governor|mayor|deputy|MP|MPs)\b", re.I)
GOVERNMENT = re.compile(
    r"\b(?:government|ministry|ministries|department|parliament|parliamentary|presidential\s+office|authorities|"
    r"administration|cabinet|embassy|Bank\s+of|central\s+bank|regime|leader|leaders|president|"
    rf"{_names('government')})\b", re.I)
COUNTRY = re.compile(r"^(?:[Tt]he\s+)?(?:United\s+States|U\.?S\.?|America|South\s+Korea|North\s+Korea|Russia|Ukraine|"
                     r"China|Japan|Britain|the\s+UK|UK|France|Germany|Poland|Korea|Kazakhstan|Belarus|Iran|"
                     r"Taiwan|India|Israel|Turkey|Australia|Canada|EU member states|[A-Z][a-z]+ia)$")
INTERNATIONAL = re.compile(rf"\b(?:Secretary[\s-]General|{_names('international_org')})\b")
MILITARY = re.compile(r"\b(?:military|militaries|army|armed\s+forces|forces|"
                      r"commanders?|Adm\.|admiral|Gen\.|General\s+(?=[A-Z])|generals|colonel|Col\.|Lt\.|lieutenant|"
                      r"(?i:general\s+staff)|"
                      r"navy|naval|air\s+force|"
                      r"marines|brigade|troops|soldiers|defen[cs]e\s+forces|special\s+operations|battalion|"
                      rf"Command|garrison|captain|sergeant|{_names('military')})\b")
MEDIA = re.compile(
    r"\b(?:media|news|newspapers?|Radio|TV|television|broadcaster|broadcasters|outlets?|magazine|journalists?|"
    rf"reporters?|correspondents?|press|reports|{_names('media')})\b")
EXPERT = re.compile(
    r"\b(?:experts?|analysts?|researchers?|scholars?|professors?|Prof\.|academics?|historians?|economists?|"
    r"observers?|specialists?|think[\s-]tanks?|institute|"
    r"University|Foundation|Center|Centre|Council\s+on|fellow|lecturer|open\s+source|"
    rf"scientists?|consultancy|{_names('expert')})\b", re.I)
TITLE_WORDS = re.compile(
    r"\b(?:President|Prime\s+Minister|Minister|Secretary(?:\s+General)?|Secretary\s+of\s+State|Secretary-General|"
    r"spokes(?:man|woman|person)|leader|Adm\.|Admiral|Gen\.|General|Col\.|Lt\.|Maj\.|Capt\.|Sgt\.|Director|"
    r"Chairman|Chairwoman|Chief|Ambassador|envoy|historian|professor|Professor|Prof\.|Dr\.|analyst|researcher|"
    r"commander|Commander|lawmaker|legislator|Senator|Sen\.|Rep\.|Gov\.|Governor|Premier|Chancellor|Deputy|Vice|"
    r"agency|news\s+agency|newspaper|broadcaster|daily|outlet|think\s+tank|official|economist|expert|adviser|"
    r"advisor|correspondent|reporter|Mayor|King|Queen|Pope|ruler|dictator|strongman|Sir|Dame|Lord|Lady|"
    r"(?i:economist|historian|analyst|researcher|professor|expert|lawmaker|legislator|chair|chairman|chairwoman)|"
    r"Mr|Mrs|Ms)\b\.?")
NAME = r"(?:[A-Z][\w’'\-.]*(?:\s+(?:[A-Z][\w’'\-.]*|de|van|von|bin|al|al-|da|di|del|la|le)){0,4})"


def shorten(phrase: str) -> tuple[str, str]:
    """The shortest naming phrase and the title dropped from it.

    'Ukrainian President Volodymyr Zelensky' -> ('Volodymyr Zelensky', 'Ukrainian President');
    'state news agency KCNA' -> ('KCNA', 'state news agency'); other phrases unchanged.
    """
    phrase = phrase.strip()
    last = None
    for m in TITLE_WORDS.finditer(phrase):
        last = m
    if last is not None:
        rest = phrase[last.end():].strip()
        if rest and re.fullmatch(NAME, rest) and rest.split()[0] not in ("The", "Of"):
            return rest, phrase[:last.end()].strip()
    return phrase, ""


ROLE_TYPES = [
    (re.compile(r"\b(?:analysts?|researchers?|scholars?|professors?|academics?|historians?|economists?|experts?|"
                r"fellows?|lecturers?|scientists?|specialists?|director\s+of\s+\w+\s+studies)$", re.I), "expert"),
    (re.compile(r"\b(?:reporters?|journalists?|correspondents?|editors?|columnists?)$", re.I), "media"),
    (re.compile(r"\b(?:spokes(?:man|woman|person)|ministers?|officials?|lawmakers?|legislators?|diplomats?|envoys?|"
                r"ambassadors?|prosecutors?|senators?|president|governor|mayor|deputy|adviser|advisor|secretary)$",
                re.I),
     "government"),
    (re.compile(r"\b(?:commanders?|generals?|officers?|admiral|colonel|soldiers?|pilots?)$", re.I), "military"),
    (re.compile(r"\b(?:defectors?|witnesses|witness|residents?|relatives?|prisoners?)$", re.I), "other"),
]


def role_type(apposition: str) -> str | None:
    """The type a role noun gives: 'a military analyst at X' -> expert (the head noun wins)."""
    if re.search(r"\bdefect(?:ed|ing|ors?|ion)\b", apposition, re.I):
        return "other"  # "who served in the army before defecting": a defector speaks
    if GOV_PERSON.search(apposition) and not INTERNATIONAL.search(apposition):
        return "government" if re.search(r"\b(?:MPs?|member\s+of|committee|Labour|Conservative|Liberal|"
                                         r"Democratic|Republican)\b", apposition) else None
    head = re.split(r"\s+(?:at|of|for|with|in|from|on|to|who|which)\s+", apposition.strip(), maxsplit=1)[0]
    head = re.sub(r"[,.;:]+$", "", head.strip())
    if re.search(r"\b(?:Secretary|Attorney|Prosecutor|Inspector|Consul|Surgeon|Solicitor)[\s-]General$", head, re.I):
        return None  # "NATO Secretary General": the organisation decides, not "General"
    for pattern, stype in ROLE_TYPES:
        if pattern.search(head):
            return stype
    return None


PLATFORM = re.compile(r"\b(?:channels?|Telegram|blogs?|bloggers?|website|podcast|newsletter|social\s+media|"
                      r"X\s+account|posts?\s+on)\b", re.I)


def _head(text: str) -> str:
    return re.split(r"\s+(?:to|of|at|in|for|from|with|on)\s+", text.strip(), maxsplit=1)[0]


LEGISLATOR_TITLE = re.compile(r"(?:Rep|Sen|Reps|Sens)\.[ \t]+[A-Z]")


def source_type(phrase: str, context: str = "") -> str:
    """The type of a source from its naming phrase (``context``: title and apposition)."""
    if context and not INTELLIGENCE.search(context):
        role = role_type(context)
        if role:
            return role
    full = f"{context} {phrase}".strip()
    heads = f"{_head(phrase)} {_head(context)}"
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", phrase).strip()
    if DOCUMENT.search(bare) and not re.search(r"\b(?:reporters?|news)\b", bare, re.I):
        return "other"
    if LEGISLATOR_TITLE.match(bare) or LEGISLATOR_TITLE.match(phrase[len(bare):].strip(" ()")):
        return "government"   # "Rep. Bennie Thompson", "Sen. Jane Roe", "He (Rep. Roe)": a member of Congress
    if PLATFORM.search(_head(phrase)):
        return "media"
    if INTELLIGENCE.search(full):
        return "intelligence"
    if GOV_PERSON.search(heads) and not INTERNATIONAL.search(_head(phrase)):
        return "government"
    if re.search(r"\b(?:ministry|ministries|department|government|Pentagon)\b", heads, re.I):
        return "government"
    if INTERNATIONAL.search(full):
        return "international_org"
    if MILITARY.search(full) and not re.search(r"\bmedia\b", full, re.I):
        return "military"
    if MEDIA.search(full):
        return "media"
    if EXPERT.search(full):
        return "expert"
    if GOVERNMENT.search(full) or COUNTRY.match(bare):
        return "government"
    return "other"


# titles written short before a name ("Dr. Lee", "Sen. Jane Roe")
TITLE_ABBREVIATIONS = "Dr|Maj|Gen|Col|Lt|Capt|Adm|Prof|Mr|Mrs|Ms|Sgt|Rev|Sen|Rep|Gov|Hon|Amb|Sec"
_TITLE_ABBR = rf"(?:(?:{TITLE_ABBREVIATIONS})\.\s+)?"
# a word of a name, in any Latin letters ("Sánchez", "Nausėda", "Łukasz")
UPPER = letters(upper=True)
NAME_WORD = rf"[{UPPER}][{letters(upper=False)}’'\-]"   # then "+" or "++"
PERSON = rf"{_TITLE_ABBR}{NAME_WORD}+(?:[ \t]+{NAME_WORD}+){{1,3}}"  # a name never runs over a line break
ROLE_WORD = (r"(?:correspondent|reporter|spokes(?:man|woman|person)|minister|secretary|official|envoy|ambassador|"
             r"analyst|researcher|professor|fellow|expert|economist|historian|director|chief|head|commander|general|"
             r"admiral|officer|lawmaker|legislator|adviser|advisor|president|leader|guest|pastor|priest|activist|"
             r"defector|editor|scholar|negotiator|diplomat|aide|soldier|prisoner|veteran|lecturer|scientist|ceo|"
             r"chairman|chairwoman|chair|founder|executive|manager|administrator|governor|senator|mayor)")
_P_APPOSITION = re.compile(rf"(?P<name>{PERSON})\s*,\s*(?P<role>(?:a|an|the|who|its|his|her|[A-Z][a-z]+['’]s)\b"
                           r"[^,.;“”\"]{2,90})")
_P_TITLE = re.compile(rf"(?i:{ROLE_WORD})\s*,?\s+(?P<name>{PERSON})")
_ROLE_LEAD = re.compile(r"(?:\b[\w’'.\-]+\s+){0,3}$")
_P_OF = re.compile(rf"(?P<name>{PERSON})\s+(?:of|at|from)\s+(?P<role>(?:the\s+)?[A-Z][^,.;“”\"]{{2,80}})")


# the names of vocab/source_names.csv whose type is government (heads of state, ministers; the
# organisations among them are dropped where the roles are read): a name of theirs met in an article is
# a leader's ("Kim" after "Kim Jong Un")
LEADERS = re.compile(rf"\b(?=[A-Z])(?:{_names('government', people=True)})\b")


def _name_keys(name: str) -> list[str]:
    bare = re.sub(rf"^{_TITLE_ABBR}", "", name).strip()
    toks = bare.split()
    return [name, bare, toks[-1], toks[0]] if len(toks) > 1 else [name, bare]


def person_roles(text: str) -> dict[str, str]:
    """Who the people named in an article are, from how it introduces them.

    'Dr. Tomas Reinholt of the Vistula Institute' -> {'Tomas Reinholt': 'the Vistula Institute', 'Reinholt': ...};
    'Our Seoul correspondent, Kwon Hyo-jin' -> {'Kwon Hyo-jin': 'Our Seoul correspondent', 'Kwon': ...}.
    The first introduction of a name wins.
    """
    roles: dict[str, str] = {}
    found = []
    for m in LEADERS.finditer(text):  # "Kim" after "Kim Jong Un", "Putin" after "Vladimir Putin"
        found.append((m.start(), m.group(0), "leader"))
    for m in _P_TITLE.finditer(text):  # "Our Seoul correspondent, Kwon Hyo-jin"
        lead = _ROLE_LEAD.search(text, max(0, m.start() - 60), m.start())
        role = (lead.group(0) if lead else "") + text[m.start():m.start("name")].strip(" ,")
        found.append((m.start("name"), m.group("name"), role.strip()))
    for pattern in (_P_APPOSITION, _P_OF):
        for m in pattern.finditer(text):
            found.append((m.start("name"), m.group("name"), m.group("role").strip()))
    for _, name, role in sorted(found):
        if pattern_is_org(name):
            continue
        for key in _name_keys(name):
            roles.setdefault(key, role)
    return roles


def pattern_is_org(name: str) -> bool:
    """True for names of organisations or places, which are not people."""
    return bool(re.search(r"\b(?:Ministry|Service|Agency|Institute|University|Council|Department|House|Staff|Forces|"
                          r"News|Times|Post|Daily|Centre|Center|Party|Committee|Bank|Court|Office|Army|Navy|Group|"
                          r"Korea|Russia|Ukraine|States|Union|Nations|Region|Oblast|Square|Street|River|Studies|Foundation|"
                          r"Programme|Program|Project|Initiative|Review|Journal|Society|Association|Forum|"
                          r"Peninsula|Security|Affairs|Policy|Research|Press|Media|Channel|Network|"
                          # companies: "Shell Oil", "Tyson’s Food", "General Motors"
                          r"Oil|Gas|Energy|Foods?|Motors|Company|Companies|Corp|Corporation|Inc|LLC|Ltd|Airlines|"
                          r"Holdings|Industries|Technologies|Pharmaceuticals|Systems|Partners|Capital|Coalition|"
                          r"Alliance|Administration|Congress|Senate|"
                          # laws and places: "the Taiwan Relations Act", "Harris County" (no "he" or "she")
                          r"Act|Law|Treaty|Agreement|Accord|Strait|County|City|Park|Memorial|Monument|Canyon|Islands|"
                          r"Gulf|Ocean|Avenue|Airport|"
                          # plans and bills: "the American Families Plan" (no "he" either)
                          r"Plan|Agenda|Framework|Strategy|Fund)\b", name))   # (not "Bill": "Bill Barr")
