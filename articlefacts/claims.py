"""Claims: each body sentence with its source, source type, cue and certainty.

Attribution looks for the first attribution expression in a sentence, outside
quotation marks: "according to X", "X said/told/noted/warned/...", "..., X
said", "..., said X, a professor at Y", "X's estimate", "X put the toll at",
"X, citing Y,", reporting nouns ("reports from X", "an NIS release"). Sources
are shortened to their name, pronouns and anaphoric descriptions ("it", "the
agency") carry their antecedent in brackets. Certainty follows SCHEMA.md:
any hedge makes a sentence ``hedged``; else an attributed one is ``reported``;
else ``asserted``.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .numbers import NUMBER_WORD
from .sources import (DOCUMENT, NAME_WORD, PERSON, ROLE_WORD, TITLE_ABBREVIATIONS, UPPER, pattern_is_org,
                      person_roles, shorten, source_type)
from .speakers import quoted_turns, roundup_turns, speaker_turns
from .vocab import rows


@dataclass
class Claim:
    """One row of the claims table (before ids are given)."""

    start: int
    end: int
    source: str = "author"
    source_type: str = "author"
    cue: str = ""
    certainty: str = "asserted"
    context: str = ""  # title and apposition of the source, for typing


_CUE_ROWS = rows("cue_verbs")   # vocab/cue_verbs.csv: each verb form, and whether it hedges, is weak, fits a document
SPEECH = "|".join(re.escape(r["verb"]).replace(r"\ ", r"\s+")
                  for r in sorted(_CUE_ROWS, key=lambda r: (-len(r["verb"]), r["verb"])))
CUE = re.compile(rf"\b(?:{SPEECH})\b")
HEDGING_CUES = {r["verb"] for r in _CUE_ROWS if r["hedging"] == "1"}
WEAK_CUES = {r["verb"] for r in _CUE_ROWS if r["weak"] == "1"}
DOC_CUES = {r["verb"] for r in _CUE_ROWS if r["document"] in ("1", "only")}
# speech acts of a document only: "The Order requires ...", "The Budget proposes ..." (a person who
# "ordered" or "proposed" something is not thereby quoted)
DOC_ONLY_CUES = {r["verb"] for r in _CUE_ROWS if r["document"] == "only"}
# the form of each verb: base ("say"), s ("says"), past ("said", "thought": any subject), ing ("is announcing")
CUE_FORM = {re.sub(r"\s+", " ", r["verb"]): r["form"] for r in _CUE_ROWS}
# a verb form that is no speech act before these words ("claimed the deduction", "believes in hard work")
NOT_FOLLOWED_BY = {r["verb"]: re.compile(r["not_followed_by"]) for r in _CUE_ROWS if r["not_followed_by"]}
PRONOUNS = {"he", "she", "it", "they", "we", "i"}
# "I’ve (said)", "we’re (told)", "My Administration (condemns)": the speaker, or the author of an unlabelled text
FIRST_PERSON = re.compile(r"(?i)(?:i|we|our|my|us)(?:['’](?:ve|m|d|ll|re))?|(?:my|our)\s+(?:administration|government|"
                          r"team|office)")
# vocab/finding_nouns.csv: what a study or a survey shows is its finding, and the study is a source
FINDING_NOUNS = "|".join(re.escape(r["noun"]) for r in rows("finding_nouns"))
# nouns that name who or what can speak (vocab/source_nouns.csv), and the finding nouns (survey, data, study, ...)
SOURCE_NOUNS = re.compile(r"\b(?:" + "|".join([*(r["pattern"] for r in rows("source_nouns")), FINDING_NOUNS]) + r")\b",
                          re.I)
NEGATED = re.compile(r"\b(?:not|never|n['’]t|no\s+longer|declined\s+to|refused\s+to|did\s+not|has\s+not|have\s+not|"
                     r"would\s+not|could\s+not)\s+(?:\w+\s+)?$", re.I)
PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|it's|widely|generally|remain(?:s|ed|ing)?|stay(?:s|ed)?)\s+"
                     r"(?:\w+ly\s+)?(?:\w+ed\s+and\s+)?$", re.I)
# "You are authorized and directed to": a passive; "remains committed to": a state; no speech act
TRAILING_ADVERBS = re.compile(r"(?:\s+(?:has|have|had|also|recently|previously|publicly|repeatedly|again|later|"
                              r"earlier|separately|reportedly|once|already|now|then|too|itself|themselves|just|further|long|"
                              r"will|would|could|may|might|should|must|can|did|does|do|first|initially|"
                              r"privately|often|frequently|consistently|always|openly|explicitly|specifically|"
                              r"officially|formally|strongly|firmly|fully|jointly|clearly|unequivocally|emphatically|"
                              r"categorically|vigorously|forcefully|sharply|roundly|unanimously|today|yesterday|"
                              r"tonight|(?:on|last|this)\s+(?:\w+day|week|month|year|weekend|morning|evening|night|"
                              r"afternoon)))+$",
                              re.I)
LEADING = re.compile(r"^(?:(?:and|but|so|yet|then|meanwhile|also|later|separately|however|instead|still|while|even|like|"
                     r"as|when|whereas|although|though|because|since|after|before|if|thus|moreover|furthermore|"
                     r"indeed|now|today|recently|earlier)\s+|(?:\w+\s+){0,2}(?:days?|weeks?|months?|years?|hours?|"
                     r"minutes?|moments?|decades?)\s+(?:later|earlier|ago|afterwards|before)\s+|(?:on|in|by|since|during|until|at|last|this|next|early|late|mid-?\w*)\s+"
                     r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{4}|[A-Z][a-z]+|the\s+\w+|\w+)\s+)+", re.I)
NP_CUT = re.compile(r"\s+(?:who|which|whose|that|where|when)\b.*$|\s+\w+ed\s+by\b.*$|\s+(?:citing|quoted|cited|"
                    r"speaking|writing|in\s+a\s+(?:statement|report|briefing|interview|press\s+release|post))\b.*$",
                    re.I)
REPORTING_NOUN = re.compile(r"^(?:(?:a|an|the|its|their|his|her)\s+)?(?:new\s+|recent\s+|latest\s+|closed-door\s+|"
                            r"separate\s+|official\s+|joint\s+|written\s+)?(?:press\s+releases?|releases?|statements?|"
                            r"reports?|briefings?|announcements?|assessments?|estimates?|data|figures|findings|"
                            r"analysis|analyses|remarks|comments|testimony|tally|count|posts?|interview)\s+"
                            r"(?:from|by|of|issued\s+by|released\s+by|published\s+by)\s+", re.I)
ISSUER_NOUN = re.compile(r"^(?:(?:a|an|the)\s+)?(?P<issuer>.+?)\s++(?:press\s+release|release|statement|briefing|"
                         r"announcement|tally|count|assessment|estimate|estimates|analysis|report|reports)$", re.I)
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
TIME_TAIL = re.compile(r"(?:,?\s+(?:(?:on|in|at|during|last|this|earlier|late|early|published|released|reported|"
                       r"issued|dated|of)\s+)+(?:" + _MONTHS + r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{4}|"
                       r"week|month|year|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                       r"the\s+(?:week|month|year|weekend|time|day)|(?:this|last)\s+(?:week|month|year))\b.*)$")
ANAPHORA = re.compile(r"^(?:the|this|that)\s+(?:same\s+)?(?P<noun>agency|site|website|channel|monitor|ministry|department|service|newspaper|paper|outlet|"
                      r"broadcaster|government|office|institute|group|company|bank|council|committee|report|"
                      r"think\s+tank|organisation|organization|alliance|spy\s+agency|military|army|command|"
                      r"document|treaty|agreement|pact|study|survey|official|lawmaker|analyst|researcher|"
                      r"president|minister|leader|envoy|spokesman|spokeswoman|diplomat|source|agency's)$", re.I)

# vocab/hedges.csv: one pattern a row, each with a sentence it hedges
MODAL_HEDGE = re.compile(r"\b(?:" + "|".join(r["pattern"] for r in rows("hedges")) + r")\b", re.I)
# the noun "estimate" hedges inside an attribution or with another's possessive, not in the author's own
# sentence ("Our cost estimates are based on ...": dev note 25)
ESTIMATE_NOUN = re.compile(r"(?:\b(?:its|their|his|her|(?P<own>our|the))|['’]s)\s+(?:[\w-]+\s+){0,2}estimates?\b(?!\s+(?:that|the)\b)|"
                           r"\b(?:according\s+to|an?)\s+(?:[\w-]+\s+){0,3}estimates?\b|\bestimates?\s+(?:that|by|from)\b",
                           re.I)
SPECULATIVE_VERB = re.compile(r"(?:suggest|argue|warn|believe|expect|think|estimate|anticipate|speculate|predict|"
                              r"fear|doubt|reckon)(?:s|ed)?", re.I)
IF_CLAUSE = re.compile(r"\b(?:if|unless)\b", re.I)
TRUTH_IF = re.compile(r"(?i)if\b[^,;:.]{0,80}?\b(?:true|accurate|correct|right)\b")
# a condition a treaty or law lays down is content, not a hedge: "Article 4 commits each side to help if ..."
LAW_IF = re.compile(r"\b(?:treaty|agreement|pact|law|clause|article|charter|decree|constitution|convention|accord|"
                    r"statute)\b.*\b(?:commits?|obliges?|obligates?|requires?|stipulates?|provides?|states?|allows?|"
                    r"permits?|guarantees?|pledges?|binds?|mandates?|says)\b[^.]*\b(?:if|unless)\b", re.I)
# nor is the condition of a rule's predicate: "a 15% tariff will apply if ...", "eligible if ..." (vocab/rule_words.csv)
RULE_IF = re.compile(r"(?i)\b(?:" + "|".join(r["pattern"] for r in rows("rule_words")) + r")\b")
# a transcript's note of what the audience did, or a page's link word, standing as a sentence of its own
# (vocab/stage_directions.csv): no claim. A note of what the speaker did ("(Speaks Irish.)") stays one.
_STAGE_WORDS = "|".join(re.escape(r["words"]).replace(r"\ ", r"\s+") for r in rows("stage_directions"))
# "(Applause.)", or the words alone with no stop: a link's text left as a sentence of its own ("Watch")
# ("(Laughter and applause.)": two of them; "Q (Inaudible.)", "THE PRESIDENT: (Laughs.)": a turn's note, no words;
# one set's annotators kept "THE PRESIDENT: (Laughs.) Yeah." whole; fourteen sets rise with it, that one falls 0.003)
STAGE_DIRECTION = re.compile(rf"(?:Q[ \t]+|[A-Z][A-Z.’' -]{{1,40}}:[ \t]+)?(?i:\(\s*+(?:{_STAGE_WORDS})"
                             rf"(?:(?:\s*+,\s*+(?:and\s++)?|\s++and\s++)(?:{_STAGE_WORDS}))*+\s*+[.!]?\s*+\)\.?)|"
                             rf"(?i:{_STAGE_WORDS})")   # (possessive: a run of spaces is read once)
# an "if" that means "whether" after a question: "asked if", "the question was just if"
WHETHER_IF = re.compile(r"(?i)\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?|question\s+(?:was|is)(?:\s+just)?|see|"
                        r"check(?:s|ed)?|determin(?:e|es|ed|ing)|decid(?:e|es|ed|ing)|know|assess(?:es|ed)?|"
                        r"evaluat(?:e|es|ed)|find\s+out|learn|curious|unsure|not\s+sure|knowing|on|about)\s+$")
# ("to determine if they are safe", "I was curious if", "nothing to read out on if he's going": whether)
# an "if" that states no uncertainty: a politeness ("if that's all right", "if I may"), a rule's proviso
# ("unless otherwise stated"), a comparison ("as if" is matched from "if" on: see certainty)
NOT_A_CONDITION = re.compile(r"(?i)unless\s+otherwise\b|if\s+(?:necessary|needed|required|appropriate|applicable)\b|"
                             r"if\s+you\s+(?:look|compare)\b|if\s+you['’]d\s+like\b|"
                             # a courtesy or a pointer to the listener: "if you don't mind", "if you wish", "if you
                             # could (give more details)", "if you think about it", "if we recall the words of"
                             r"if\s+you\s+(?:don['’]t|do\s+not)\s+mind\b|if\s+you\s+(?:wish|accept|could)\b|"
                             r"if\s+(?:you|we)\s+(?:think\s+about|go\s+back|recall|remember|consider)\b|"
                             r"if\s+(?:that['’]s|that\s+is|it['’]s|it\s+is)\s+(?:all\s+right|"
                             r"ok|okay|fine)\b|if\s+(?:I|we)\s+(?:may|could|might|can)\b|if\s+you\s+(?:will|would|like)\b|"
                             # an instruction or a general truth to "you": "If you get such calls, please tell us",
                             # "If you want to end wars, you have to talk to both sides"
                             r"if\s+you\b[^,;.?!]{1,80},\s*(?:please|just\s+[a-z]+|you\s+(?:have\s+to|need\s+to|must|"
                             r"can['’]t|cannot|should|['’]re\s+going\s+to|are\s+going\s+to))\b|"
                             # advice: "If your kids are not vaccinated, get them the vaccine" (vocab/imperative_verbs.csv)
                             r"if\b[^,;.?!]{1,150},\s*(?:(?:then|so|and|just)\s+)?(?:" +
                             "|".join(re.escape(r["verb"]) for r in rows("imperative_verbs")) + r")\b")
# the word before "that" when "that" opens a clause that is said, thought or stated rather than a relative
# clause on a noun ("warned that troops may stay" hedges; "research that may pose a danger" does not)
COMPLEMENT_TAKERS = {"so", "such", "now", "given", "is", "was", "are", "were", "be", "been", "fact", "clear", "sure",
                     "hope", "hopes", "fear", "fears", "concern", "concerns", "warning", "warnings", "idea", "possibility",
                     "chance", "risk", "likely", "possible", "doubt", "sign", "signs", "evidence", "belief", "view",
                     "assessment", "news", "notion", "suggestion", "expectation", "expectations", "means", "mean"}


def _in_relative_clause(sentence: str, pos: int) -> bool:
    """A modal right after "that" opening a relative clause on a noun ("research that may pose a danger"):
    it qualifies what the noun is, not the sentence's claim ("which" and "who" clauses often carry the
    claim itself: "3,000 more, which could bring the total to 15,000", so they still hedge, and so does a
    "that" clause with a number in it or on a figure: "a deployment that could reach 12,000")."""
    m = re.search(r"(\w+)\s+that\s+(?:\w+ly\s+)?$", sentence[max(0, pos - 60):pos])
    if not m:
        return False
    before = m.group(1).lower()
    clause = re.match(r"[^,;:.]*", sentence[pos:pos + 120]).group(0)
    if re.search(r"\d", clause) or re.match(r"(?:figure|number|estimate|claim|report|account|total|toll|tally|count)s?$",
                                            before):
        return False   # "a deployment that could reach 12,000", "a figure that cannot be verified": the claim's own
    return before not in COMPLEMENT_TAKERS and not CUE.fullmatch(before) and not before.endswith("ed")


# a speaker's own conditional; not the polite "I would like to thank", "we'd be happy to"
WOULD = re.compile(r"\b(?:would(?:n['’]t)?|'d)\b(?!\s+(?:not\s+)?(?:also\s+|really\s+|just\s+|still\s+)?"
                   r"(?:like|love|want|be\s+(?:happy|glad|pleased|delighted|honou?red|remiss))\b)",
                   re.I)
# a "would" that carries a past report or thought forward, no condition: "I promised his mother that we would bring
# him home", "they announced that they would begin", "we knew we would be in this phase"
WOULD_IN_PAST_REPORT = re.compile(r"(?i)\b(?:said|told|promised|announced|knew|stated|proclaimed|pledged|vowed|agreed|"
                                  r"decided|doubted|predicted|insisted|understood|made\s+clear|did\s*n['’]?t\s+know|"
                                  r"were\s+sure|was\s+sure|unsure)\b[^.;:!?]{0,80}$")


# --------------------------------------------------------------------------- quotes

def quote_states(text: str, spans: list[tuple[int, int]], inside: bool = False) -> list[tuple[bool, bool]]:
    """For each sentence of a paragraph: (starts inside a quote, ends inside a quote); ``inside``: the
    paragraph opens inside a quotation left open by the one before it."""
    out = []
    for s, e in spans:
        start_inside = inside
        for ch in text[s:e]:
            if ch == "“":
                inside = True
            elif ch == "”":
                inside = False
            elif ch == '"':
                inside = not inside
        out.append((start_inside, inside))
    return out


def mask_quotes(sentence: str, starts_inside: bool) -> str:
    """The sentence with quoted words blanked (same length), so cues inside quotes are ignored."""
    chars = list(sentence)
    inside = starts_inside
    for i, ch in enumerate(chars):
        if ch in "“”\"":
            if ch == "“":
                inside = True
            elif ch == "”":
                inside = False
            else:
                inside = not inside
            continue
        if inside:
            chars[i] = " " if not ch.isspace() else ch
    return "".join(chars)


# --------------------------------------------------------------------------- attribution

@dataclass
class Attribution:
    """An attribution found in a sentence: where it starts, the source as written, the cue."""
    pos: int
    source: str
    cue: str
    context: str = ""


def _clean_np(np: str) -> str:
    np = np.strip(" ,;:-—–\"“”")
    np = NP_CUT.sub("", np)
    np = TIME_TAIL.sub("", np)
    np = TRAILING_ADVERBS.sub("", np)
    np = re.sub(r"\s+of\s+\d{4}$", "", np)
    np = re.sub(r"(?<=\w)[’'](?:ve|d|ll)$", "", np)   # "They’ve (said)": the subject without its auxiliary
    return np.strip(" ,;:-—–\"“”")


def _leading_trim(seg: str) -> str:
    seg = seg.strip()
    prev = None
    while prev != seg:
        prev = seg
        seg = LEADING.sub("", seg).strip()
    return seg


FINITE = re.compile(r"\b(?:is|are|am|cannot|remains|seems|was|were|has|have|had|will|would|shall|could|can|did|does|"
                    r"do|may|might|must|"
                    r"should)\b|['’](?:ll|re|ve|d)\b|\b[a-z]+n['’]t\b", re.I)   # "They’ll all be (advocating)": a clause
THAT_CUES = {"found", "finds", "shows", "showed", "show", "shown", "indicates", "indicated", "maintains", "maintained",
             "revealed", "reveals", "concluded", "concludes", "affirmed", "affirms", "affirm", "indicate"}
# (these report only a clause: "The Order affirms (that) the funds are ..."; "the two sides affirm relevant
# understandings" and "X found 300 sites" report nothing)
SINGULAR_ONLY = re.compile(r"^(?:says|tells|notes|reports|states|adds|announces|confirms|claims|estimates|warns|argues|"
                           r"suggests|speculates|anticipates|believes|expects|predicts|assesses|concludes|finds|"
                           r"reveals|discloses|acknowledges|admits|denies|insists|explains|writes|observes|alleges|"
                           r"calculates|dismisses|calls|informs|urges|declares|accuses|testifies|recalls|asserts|"
                           r"contends|maintains|forecasts|projects|shows|stipulates|provides|reads)$")
PLURAL_NP = re.compile(r"(?:s|media|people|police|staff|personnel|military|intelligence|data)(?:\s*\([^)]*\))?$|"
                       r"^(?:they|we|you|i)$", re.I)


def _agrees(np: str, cue: str) -> bool:
    """Subject-verb agreement: 'Experts say', 'the NIS says', never 'Kim Jong Un say'."""
    if PAST_OR_ANY.match(cue) or CUE_FORM.get(re.sub(r"\s+", " ", cue)) in ("past", "ing"):
        return True
    np = re.split(r"\s+(?:at|of|in|from|for|with|on|to|familiar)\s+", np, maxsplit=1)[0]
    last = np.split()[-1] if np.split() else ""
    if re.search(r"\b[Dd]ata$", np):
        return True   # "the data show", "the data shows": both in use
    plural = bool(PLURAL_NP.search(np)) and not re.search(r"(?:ss|us|News|Times|Affairs|States|Nations)$", np) \
        and not (last.isupper() and len(last) > 1)  # "the NIS says": an acronym is one body
    if SINGULAR_ONLY.match(cue) or CUE_FORM.get(re.sub(r"\s+", " ", cue)) == "s" or \
            (cue.endswith("s") and not cue.endswith("ss")):
        return not plural or np.lower() in ("he", "she", "it") or bool(re.search(r"[A-Z]\w*s$", np))
    return plural or bool(re.search(r"\b(?:and|both)\b", np))


# a clause without "that" after a cue of finding: a subject of at most five words, then a finite verb
CLAUSE_AFTER = re.compile(r"\s+(?:the|a|an|this|these|those|our|its|their|his|her|[A-Z][\w’'-]*)\s+"
                          r"(?:[\w’'-]+\s+){0,4}?(?:is|are|was|were|has|have|had|will|can|would|remains?)\b")
# what a survey, data or a study shows is its finding, whatever follows: "The Philadelphia Fed survey shows general
# activity and new orders at nearly five-year highs", "The PMI shows the sector expanding"
# (vocab/finding_nouns.csv; "A 2014 study in the Election Law Journal found", "A review by the Bureau, analyzing a
# decade of data, found")
FINDING_SUBJECT = re.compile(rf"\b(?:{FINDING_NOUNS})\b(?:\s+(?:by|from|of|in)\s+[^,;:]{{1,60}}?)?"
                             r"(?:,\s+[a-z]+ing\b[^,;:]{1,60},)?\s+$")
PAST_OR_ANY = re.compile(r"^(?:\w+ed|said|told|found|wrote|put|forecast|citing|saying)$")


# vocab/past_verbs.csv: irregular past verbs, which end a sentence's opening subject as "-ed" verbs do
IRREGULAR_PAST = "|".join(r["word"] for r in rows("past_verbs"))
VERB_WITH_OBJECT = re.compile(r"\b[a-z]{2,}ed\s+(?:their|the|a|an|his|her|its|our|my|your)\b|"
                              r"(?<!-)\b(?!(?:called|named|titled|entitled|so)\b)[a-z]{2,}ed\s+[A-Z][a-z]+\s+[A-Z]|"
                              rf"\b(?:{IRREGULAR_PAST})\s+(?:an?|the|many|their|his|her|its)\b")
# ("the President issued Executive Order 13391 to ... (declared)", "X cowrote an op-ed with ..., (saying)")
CLAUSE_PRONOUNS = {"i", "we", "they", "he", "she", "me", "him"}   # inside a phrase (not after "and"): a clause
NO_ONE = {"nothing", "nobody", "no one", "none", "neither"}


def _is_source_np(np: str) -> bool:
    if not np or len(np) > 120 or FINITE.search(np):
        return False
    low = np.lower()
    if low in PRONOUNS:
        return True
    words = np.split()
    if words[0].lower() in ("this", "that", "these", "those") and len(words) > 1 and DOCUMENT.search(np):
        return True   # "This report (documents that)", "That study (found that)"
    if words[0].lower() in ("this", "that", "these", "those", "which", "what", "there", "here", "such", "where",
                            "when", "whose", "whereby", "why", "how", "as", "if", "because", "although", "though",
                            "unless", "whether"):
        return False   # ("As (confirmed in Article 2), the facilities ...": a conjunction opens no noun phrase)
    if words[-1].lower() in ("herein", "hereinafter", "therein", "hereunder", "above", "below"):
        return False   # "The Border facilities herein (described), and ...": a participle that modifies its noun
    if words[0].lower() in ("a", "an") and not SOURCE_NOUNS.search(np):
        return False
    if re.match(r"[A-Z][a-z]+ed\s+(?:an?|the|their|its|his|her|our)\s", np):
        return False   # "Presented an EPA webinar (...)": a verb and its object, a list item's fragment
    if len(words) > 8 and re.search(r"\s[—–]\s", np):
        return False   # "Just yesterday, Bill Barr — his predecessor — went a bit ...": a clause, not a name
    if re.search(r"(?i)\bwhat(?:ever)?\b", np):
        return False   # "let’s commit ourselves to what the Psalmist (wrote)": a clause (what X says is the speaker's)
    if len(words) >= 3 and np.isupper():
        return False   # "PROTECTING AMERICA’S FOOD SUPPLY AND FAMILY BUDGETS: ...": a run-in heading, no subject
    if low in NO_ONE or re.fullmatch(rf"(?i:{NUMBER_WORD}|[\d,.]+)", np):
        return False   # "Nothing says welcome like ...", "Seven says.": no one speaks
    if len(words) > 1 and re.fullmatch(r"[A-Z][a-z]+ing", words[0]) and not SOURCE_NOUNS.search(np) and \
            not any(w[:1].isupper() for w in words[1:]):
        return False   # "(c) Providing regular (reports)": a gerund and its object, not a noun phrase
    if NOT_A_SUBJECT_START.match(np):
        return False  # "Within 30 days of the review (directed)", "bringing the total number (posted)": no subject
    if len(words) > 1 and any(w.lower() in CLAUSE_PRONOUNS and (k == 0 or words[k - 1].lower() not in ("and", "or"))
                              and not (len(w) > 1 and w.isupper() and k == len(words) - 1)   # ("Springfield, ME")
                              for k, w in enumerate(words)):
        return False  # "he led the expansion into", "the first thing I", "Let me (put it)": a clause, not a noun phrase
    if VERB_WITH_OBJECT.search(np):
        return False  # "Vice President released their annual (disclosure)": a verb and its object
    if re.search(r"\d", words[-1]) and not re.fullmatch(r"[A-Z]{1,5}\d{1,2}|\((?:19|20)\d\d[a-z]?\)", words[-1]) or \
            words[-1].lower() in ("a", "an", "the", "of", "and", "to", "in") and not words[-1].isupper():
        return False   # ends in a number ("troops in 2024"), unless a name like "MI6" or a citation's "(2015)"
    if re.search(r"['’]s?$", np) and not re.search(r"‘[^‘’]+’$", np):
        return False  # "the channel's (claim)": a possessive, not the subject ("the ‘angel families’ (said)" is one)
    if re.fullmatch(r"(?:the|a|an)\s+[a-z]+s\s+[A-Z][\w’'\-]*", np):
        return False  # "the transfers Seoul (fears)": a reduced relative clause
    if any(w[0].isupper() for w in words if w[:1].isalpha()) or SOURCE_NOUNS.search(np):
        return True
    return False


# a phrase that opens with a preposition, with a participle taking an object, or with a passive participle
# and its preposition, is not a noun phrase
# ("Under Secretary Smith" is a title)
NOT_A_SUBJECT_START = re.compile(r"(?i:within|in|on|at|for|by|after|before|during|over|of|from|to|with|without|into|"
                                 r"through|across|among|between|against|towards?|upon|via|like|including|excluding|"
                                 r"regarding|concerning|according|following|pending|notwithstanding|"
                                 r"please)\s|(?i:under)\s+"
                                 r"(?![A-Z])|[a-z]+ing\s+(?:the|a|an|its|their|his|her|our|this|that)\s|"
                                 r"(?:[a-z]+ed|held|made|built|set|given|taken|known|seen|led|run|brought|sent|kept)\s+"
                                 r"(?:in|on|at|by|for|from|with|into|under|across|during)\s")   # "held in the East Room"
SUBJECT_WINDOW = 600  # how far before a cue its subject is looked for (the longest annotated sentence: 401)
CLEFT_WHO = re.compile(r"\b[Ii]t\s+(?:was|is)\s+(?P<np>[A-Z][\w’'.\-]*+(?:[ \t]+[A-Z][\w’'.\-]*+){0,3}+)\s+who\s*$")
# the relative pronoun, adverbs and auxiliaries right before a cue verb: its clause qualifies a noun
RELATIVE_BEFORE_CUE = re.compile(r"\b(?:that|which|who|whom)(?:\s+(?:[a-z]+ly|also|never|once|later|then|not|has|have|"
                                 r"had|was|were|is|are|would|will|could|did|do|does))*$", re.I)
REL_TAIL = re.compile(r",\s+(?:which|who)(?:\s+(?:also|has|have|had|later|then|once))*$")
RELATIVE_ON_SUBJECT = re.compile(r"(?<=[a-z])\s+(?:that|which|who)\s+(?:[a-z]+ed|[a-z]+s|is|are|was|were|has|have|"
                                 r"had)\b[^,]*+(?=,)")
SEGMENT_CUT = re.compile(r"(?<=[,;:—–])\s+|\s++(?=[—–]\s)|\s+that\s+|[“”\"]")


def _window_start(text: str, pos: int, size: int) -> int:
    """Where a look-back window of about ``size`` characters before ``pos`` starts: at a space, so no word
    is cut (0 when the text before ``pos`` is shorter)."""
    if pos <= size:
        return 0
    lo = text.find(" ", pos - size, pos)
    return lo if lo >= 0 else pos - size


def _relative_antecedent(head: str) -> str | None:
    """'the NIS, which told': the phrase before ', which'/', who' ending ``head``, else None.

    The same as ``re.search(r"(?P<np>[^,;]+?),\\s+(?:which|who)(...)*$", head).group("np")`` but linear:
    the tail is found first, the phrase is what runs back from it to the previous comma or semicolon."""
    tail = REL_TAIL.search(head)
    if not tail:
        return None
    c = tail.start()
    s = max(head.rfind(",", 0, c), head.rfind(";", 0, c)) + 1
    return head[s:c] if c > s else None


# words after an inverted "said" that begin no speaker's noun phrase ("said this", "said yes")
INVERTED_NOT_SUBJECT = {"this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "yes", "thanks",
                        "goes", "was", "has", "is", "as"}
# two names joined by "and", nothing else: "the United States and China", "Japan and Korea"
TWO_NAMES = re.compile(r"(?:[Tt]he[ \t]+)?[A-Z][\w.’'-]*+(?:[ \t]+[A-Z][\w.’'-]*+){0,3}[ \t]+and[ \t]+(?:the[ \t]+)?"
                       r"[A-Z][\w.’'-]*+(?:[ \t]+[A-Z][\w.’'-]*+){0,3}(?:[ \t]+both)?")
# what the parties of a statement do in its own voice (vocab/cue_verbs.csv, own_voice: "welcomes", "reaffirm";
# "The United States says" still reports)
OWN_VOICE_CUES = {r["verb"] for r in _CUE_ROWS if r["own_voice"] == "1"}
# the parties of a statement as its subject: "The United States (welcomes)", "The two sides (affirm)"
JOINT_VOICE = re.compile(r"(?:[Tt]he[ \t]+)?(?:United[ \t]+States|(?:two|both)[ \t]+(?:sides|leaders|countries|governments|"
                         r"nations|parties)|[Pp]arties)(?:[ \t]+both)?")
AS_WOULD_SAY = re.compile(r"(?i)(?:^|[,;:—–(]\s*|\s)as\s+[^,;:—–]{1,40}?\s+(?:would|might|used\s+to|likes?\s+to|loves?\s+to)$")
# a place written in two parts, the town after a preposition and then its state: "in Austin, Texas", "of Fridley, MN"
PLACE_FIRST = re.compile(r"\b(?:in|of|from|at|near|across|outside)\s+[A-Z][\w.’'-]*+(?:[ \t]+[A-Z][\w.’'-]*+){0,2}$")
PLACE_SECOND = re.compile("|".join([*(re.escape(r["name"]) for r in rows("us_states")),
                                     *(r["postal"] for r in rows("us_states")), r"D\.C\.?"]))


def _subject_before(masked: str, pos: int, dashes: bool = True) -> tuple[str, str]:
    """The naming phrase right before a cue at ``pos``: (phrase, apposition), or ('', '').

    Only the last ``SUBJECT_WINDOW`` characters before the cue are read, so a sentence with many cues
    costs time in proportion to its length."""
    start = _window_start(masked, pos, SUBJECT_WINDOW)
    head = masked[start:pos].rstrip()
    if dashes and head.endswith(("–", "—")):
        # "the leaders – Prime Minister X and President Y, Jr. of Z – said": the phrase before the pair of
        # dashes speaks and the one between them says who they are
        opening = max(head.rfind("–", 0, len(head) - 1), head.rfind("—", 0, len(head) - 1))
        if opening > 0:
            np, _ = _subject_before(masked, start + opening, dashes=False)
            if np and _is_source_np(np):
                return np, head[opening + 1:-1].strip()
    if AS_WOULD_SAY.search(head):
        return "", ""   # "as my dad would say, everybody ...": the speaker's own aside, a saying, not a report
    rel = _relative_antecedent(head)
    if rel is not None:  # "the NIS, which told parliament ...": the antecedent of the relative pronoun speaks
        np = _clean_np(_leading_trim(re.split(r"\s+(?:to|from|by|with|at)\s+(?=the\b|[A-Z])", rel)[-1]))
        # (a whole clause before ", which" is no antecedent: "The Proclamation follows ... under the Act, which")
        return (np, "") if _is_source_np(np) and len(np.split()) <= 8 else ("", "")
    cleft = CLEFT_WHO.search(head)
    if cleft:
        return cleft.group("np"), ""   # "it was Macron who said to me": the name the cleft puts first speaks
    if RELATIVE_BEFORE_CUE.search(head):
        return "", ""  # a relative clause: "disasters that claim many lives", "officials who falsely claimed"
    # "The decree that created the scheme, ..., states": drop the relative clause on the subject
    head = RELATIVE_ON_SUBJECT.sub("", head)
    coordinated = re.search(r"(?:,\s*|\s)and(?:\s+(?:also|then|later))?$", head)
    segs = SEGMENT_CUT.split(head)
    segs = [s for s in segs]
    apposition = ""
    comma_before_cue = head.endswith(",")  # "Bennett, a researcher at RAND, told": the apposition is closed
    while segs:
        raw_seg = segs.pop()
        seg = raw_seg.strip().strip(",;:—–").strip()
        closed = comma_before_cue or apposition
        comma_before_cue = False
        if not seg:
            if apposition:
                continue
            continue
        if closed and segs and re.match(r"^(?:[a-z]+ed|known\s+as|also\s+known|a\s+(?:former|senior)|[a-z]+\s+of)\b",
                                         seg) and re.search(r"[A-Za-z)]$", segs[-1].strip(" ,")):
            apposition = apposition or seg  # "..., published this week, found"; "Shoigu, secretary of X, says"
            continue
        if closed and segs and re.search(rf"\b{ROLE_WORD}\b", seg, re.I) and re.fullmatch(
                PERSON, re.split(r",\s*", segs[-1].strip(" ,"))[-1].split("after ")[-1].strip()):
            apposition = apposition or seg  # "Valery Gerasimov, Russia's chief of general staff, told"
            continue
        if closed and segs and re.match(r"^(?:a|an)\s+\w", seg) and re.fullmatch(
                PERSON, re.split(r",\s*", segs[-1].strip(" ,"))[-1].strip()):
            apposition = apposition or seg  # "Priya Raman, a Labour member of the committee, said"
            continue
        if closed and segs and re.match(r"^(?:(?:a|an)\s+[\w\-]|the\s+[a-z])", seg) and \
                re.search(r"\b[A-Z][\w’'\-]+\.?$", segs[-1].strip(" ,")):
            apposition = seg   # "Novartis, a Swiss drugmaker, announced"; "Fiserv, Inc., a provider of X, said"
            continue
        if segs and PLACE_SECOND.fullmatch(seg) and PLACE_FIRST.search(segs[-1].rstrip(" ,")):
            seg = f"{segs.pop().strip().rstrip(',')}, {seg}"   # "employees in Washington, D.C. (said)": one place
        if segs and re.fullmatch(r"(?:Jr|Sr)\.?|I{2,3}|IV", seg):
            seg = f"{segs.pop().strip().rstrip(',')}, {seg}"   # "Joseph R. Biden, Jr. (declared)": one name
        if apposition and segs and COMPANY_SUFFIX.fullmatch(seg):
            seg = f"{segs.pop().strip().rstrip(',')}, {seg}"   # "Fiserv, Inc.": the suffix belongs to the name before it
        if closed and segs and re.match(r"^(?:[a-z]+ing|(?:[a-z]+-)?[a-z]+ed\s+by|speaking|writing|who|which)\b",
                                        seg) and not re.match(r"^(?:according|including)\b", seg):
            apposition = apposition or seg  # "A senior official, speaking on condition of anonymity, said"
            continue
        if closed and segs and re.match(r"^(?:for\s+(?:his|her|its|their)\s+part|in\s+turn|however|in\s+a\s+\w+|"
                                         r"meanwhile|too|also)$", seg, re.I):
            continue  # "Ri, for his part, told ..."
        if re.search(r"(?i)\bwhat(?:ever)?\s+[^,;:]*$", seg):
            return "", ""   # "do what the facts and the law requires": a free relative, what X says is the speaker's
        if not TWO_NAMES.fullmatch(seg.strip()):   # ("the United States and China (are announcing)": both speak)
            seg = re.split(r"\s+(?:and|but|while|whereas|as|so)\s+(?=[A-Z]|the\b|a\b|its\b|his\b|her\b|some\b|"
                           r"many\b|most\b|several\b)", seg)[-1]
        sub = SUBORDINATE_NP.search(seg)
        seg = _leading_trim(seg)
        np = _clean_np(seg)
        if sub and not coordinated and not re.match(r"\s*\w+(?:\s+[\w’'-]+){0,7}?\s+that\b|\s+that\b",
                                                      masked[pos:pos + 80].split(None, 1)[-1] if
                                                      masked[pos:pos + 80].split() else ""):
            return "", ""  # "... after Pyongyang announced bonuses": a subordinate clause, not an attribution
        if sub and not coordinated:
            np = _clean_np(sub.group("rest"))  # "... a day after Lavrov told reporters that ...": Lavrov
        if closed and segs and not apposition and NAME_ONLY.fullmatch(np) and ROLE_END.search(segs[-1].strip(" ,")):
            apposition = segs[-1].strip(" ,")  # "Our Seoul correspondent, Kwon Hyo-jin, told": the role types her
        # keep the noun phrase closest to the cue: drop a clause before it ("... approved X on Oct. 24 and the
        # Pentagon")
        if not TWO_NAMES.fullmatch(np):
            np = re.split(r"\s+(?:and|but)\s+(?:then\s+)?(?=[a-z]*\s*[A-Z]|the\b)", np)[-1]
        np = _leading_trim(np)
        if coordinated and not _is_source_np(np):
            # "Zelensky released a video ... and said": the sentence's subject speaks
            return _sentence_subject(masked), apposition
        np = REPORTING_NOUN.sub("", np)
        np = re.sub(r"\s+(?:reports?|statements?|releases?)$", "", np) if re.search(r"\b(?:media|news)\s+reports?$",
                                                                                 np) else np
        return np, apposition
    return "", ""


@functools.lru_cache(maxsize=64)
def _sentence_subject(masked: str) -> str:
    """The phrase that opens a sentence, up to its first verb or comma (computed once per sentence); a
    pronoun that opens it is the whole subject ("I went up to the pilot and said hello")."""
    lead = re.match(r"\s*(?:(?:And|But|So|Then)\s+)?(I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Yy]ou)\b(?!['’])", masked)
    if lead:
        return lead.group(1)
    time = OPENING_TIME.match(masked)   # "Earlier this year, President Trump signed ..., and called on ...": the name
    first = re.split(rf",\s+|\s+(?:has|have|had|is|are|was|were|[a-z]+ed|[a-z]+s|{IRREGULAR_PAST})\b",
                     masked[time.end() if time else 0:], maxsplit=1)[0]
    # ("Vice President Harris met today with ... and underscored": the name, not the clause)
    return _clean_np(_leading_trim(first))


OPENING_TIME = re.compile(r"\s*(?:(?:Earlier|Later|Last|This|Next|Today|Yesterday|Tonight|Recently|On|In|During|Since|"
                          r"After|Before|Over|Throughout|Just|Then)\b[^,]{0,40},\s+)(?=[A-Z])")


COMPANY_SUFFIX = re.compile(r"(?:Inc|Corp|Co|Ltd|L\.?L\.?C|L\.?P|PLC|plc|N\.V|S\.A|AG|SE|GmbH)\.?")
SUBORDINATE_NP = re.compile(r"(?:^|\s)(?:even\s+)?(?:after|before|since|because|when|whenever|until|although|though|if|"
                            r"unless|once|whether)\s+(?P<rest>[^,]++)$", re.I)
NAME_ONLY = re.compile(r"(?:(?:Dr|Maj|Gen|Col|Lt|Capt|Adm|Prof|Mr|Mrs|Ms)\.\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3}")
ROLE_END = re.compile(r"\b(?:correspondent|reporter|spokes(?:man|woman|person)|minister|secretary|official|envoy|"
                      r"ambassador|analyst|researcher|professor|fellow|expert|economist|historian|director|chief|head|"
                      r"commander|general|admiral|officer|lawmaker|legislator|adviser|advisor|president|leader|guest|"
                      r"pastor|priest|activist|defector|editor|author|scholar|negotiator|diplomat|aide)$", re.I)


def _after_np(masked: str, pos: int) -> tuple[str, str]:
    """The naming phrase after an inverted cue ("..., said Hanna Erikstad, a professor ...")."""
    titles = TITLES_THEN_NAME.match(masked, pos, min(len(masked), pos + 240))
    if titles and re.search(rf"\b(?:{ROLE_WORD})\b", titles.group("titles"), re.I):
        # "said U.S. Chamber of Commerce Executive Vice President, Chief Policy Officer, and Head of Strategic
        # Advocacy, Neil L. Bradley.": the titles, then the name
        return titles.group("name"), titles.group("titles").strip(" ,")
    # matched in place (no copy of the rest of the sentence per cue)
    chain = TITLE_CHAIN.match(masked, pos, min(len(masked), pos + 240))
    if chain and len(chain.group(1).split()) > 4:   # "said Under Secretary of Commerce ... and Director Dr. Jo Roe."
        name = TRAILING_NAME.search(chain.group(1))
        title = chain.group(1)[:name.start()] if name else ""
        if name and re.search(rf"\b{ROLE_WORD}\b", title, flags=re.I) and \
                not re.search(r"\b(?:of|for|and|the|on)[ \t]*$", title) and \
                not re.fullmatch(rf"(?:{ROLE_WORD}).*", name.group(0), flags=re.I):
            return name.group(0), title.strip()   # (a name after titles, not "Dr. Jo Roe of the Prague Institute")
    person = AFTER_PERSON.match(masked, pos)
    if person:  # "replied Dr. Miriam Osterholt of the Calder Institute"
        return person.group(1), (person.group("app") or "").strip(" ,")
    if AFTER_NOT_NAME.match(masked, pos) and not AFTER_PRONOUN.match(masked, pos):
        return "", ""
    m = AFTER_PHRASE.match(masked, pos)
    if not m:
        return "", ""
    np = _clean_np(m.group(1))
    app = AFTER_APPOSITION.match(masked, m.end())
    if app and re.search(rf"\b(?:{ROLE_WORD})(?:\s+of\s+[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*)?$", np, re.I) and \
            re.fullmatch(PERSON, app.group(1).strip()) and re.match(r"\s*(?:[.;]|$)", masked[app.end():app.end() + 2]):
        return app.group(1).strip(), np   # "said NAM Managing Vice President of Policy, Charles Crain.": the name
    return np, app.group(1).strip() if app else ""


# a run of titles and names up to the sentence's end: "Acting National Science Foundation Director Brian Stone."
_CHAIN_WORD = r"[A-Z](?:[\w’'\-]|\.(?=[A-Z]))*+"   # a capitalized word, "U.S" inside it
TITLE_CHAIN = re.compile(rf"\s*(?:the[ \t]+)?((?:(?:Dr|Mr|Ms|Mrs)\.[ \t]+|U\.S\.[ \t]+)?{_CHAIN_WORD}"
                         rf"(?:[ \t]+(?:(?:Dr|Mr|Ms|Mrs)\.[ \t]+|[A-Z]\.[ \t]+(?=[A-Z]))?(?:{_CHAIN_WORD}|of|for|and|the|on|&))*+)"
                         r"(?=\.(?:\s|$))")
TITLES_THEN_NAME = re.compile(rf"\s*(?P<titles>(?:(?:[^,.;:\n]|(?<=\b[A-Z])\.){{1,80}},[ \t]*(?:and[ \t]+)?){{1,4}})"
                              rf"(?P<name>{NAME_WORD}+(?:[ \t]+(?:[A-Z]\.|{NAME_WORD}+)){{1,3}})(?=\.(?:\s|$))")
AFTER_PERSON = re.compile(rf"\s*({PERSON})(?P<app>\s*,\s*[^,.;]+|\s+(?:of|at|from)\s+[^,.;]+)?")
AFTER_NOT_NAME = re.compile(r"\s*(?:on|in|at|last|this|that|to|from|by|for|with|after|before|during|when|while|it|he|"
                            r"she|they)\b", re.I)
AFTER_PRONOUN = re.compile(r"\s*(?:he|she|they)\s*[,.]", re.I)
AFTER_PHRASE = re.compile(r"\s*((?:(?:a|an|the)\s+)?[\w’'.\-]+"
                          r"(?:\s+(?!on\b|in\b|at\b|last\b|this\b|that\b|who\b|whose\b)[\w’'.\-]+){0,6}?)"
                          r"(?=\s*(?:,|\.|;|$|\s+(?:on|in|at|last|this|that|told|said|adding|citing|who|whose)\b))")
AFTER_APPOSITION = re.compile(r"\s*,\s*([^,.;]+)")


def _np_before_verb(masked: str, pos: int) -> str:
    """The subject of the clause a possessive or 'put' cue sits in."""
    np, _ = _subject_before(masked, pos)
    return np


# "we were told by the television generals it would take four years", "was told by his boss:"
TOLD_BY = re.compile(r"\b(?:was|were|been|being|am|is|are)\s+(?:\w+ly\s+)?told\s+by\s+(?P<np>(?:(?:the|a|an|his|her|"
                     r"their|our|my|its)\s+)?[\w’'.\-]+(?:\s+(?!(?:that|it|to|if|and|we|they|he|she|I|you|in|on|at|"
                     r"for|about)\b)[\w’'.\-]+){0,4})")


def _told_by(masked: str) -> list[Attribution]:
    """'X was told by Y': Y speaks."""
    m = TOLD_BY.search(masked)
    np = _clean_np(m.group("np")) if m else ""
    ok = np and not FINITE.search(np) and not re.match(r"(?i)(?:this|that|these|those|which|what)\b", np)
    return [Attribution(m.start(), np, "told")] if ok else []   # (an agent after "by" is a phrase, never a clause)


def _according_to(masked: str) -> list[Attribution]:
    """'according to X' (the reporting noun dropped: 'a press release from X' -> X)."""
    cands: list[Attribution] = []
    for m in re.finditer(r"\b[Aa]ccording\s+to\s+", masked):
        tail = masked[m.end():]
        np = re.split(r",|;|\.(?=\s|$)|\s+(?:that|who|which)\b", tail)[0]
        app = re.match(r"[^,]*,\s*([^,.;]+)", tail)
        np = _clean_np(np)
        np = REPORTING_NOUN.sub("", np)
        iss = ISSUER_NOUN.match(np)
        if iss and not DOCUMENT.search(np):
            np = iss.group("issuer")
        if np:
            cands.append(Attribution(m.start(), np, "according to", app.group(1) if app else ""))
        break
    return cands


IF_BEFORE = re.compile(r"\b(?:if|whether|unless)\s+(?:\w+\s+){0,3}$", re.I)
# "X's estimate" / "its estimate". As one pattern, "(?P<poss>\b[\w’'.\- ]+?)['’]s..." scanned forward from every
# start to the end of a comma-free stretch (quadratic); the same matches are found from the "'s ... estimate"
# anchors instead, the possessor running back from its anchor.
ESTIMATE_RE = re.compile(r"(?P<poss>\b[\w’'.\- ]+?)['’]s\s+(?:[\w-]+\s+){0,2}?(?P<cue>estimates?|assessments?)\b"
                         r"|\b(?P<pron>its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?P<cue2>estimates?)\b")
_EST_ANCHOR = re.compile(r"(?=['’]s\s+(?:[\w-]+\s+){0,2}?(?:estimates?|assessments?)\b)")
_EST_PRONOUN = re.compile(r"(?:(?P<poss>(?!))(?P<cue>(?!)))?"  # never set: the groups ESTIMATE_RE has
                          r"\b(?P<pron>its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?P<cue2>estimates?)\b")
_EST_BREAK = re.compile(r"[^\w’'.\- ]")  # what a possessor cannot run over
_WORD_EDGE = re.compile(r"\b")


def _estimate_matches(masked: str) -> Iterator[re.Match]:
    """The matches of ``ESTIMATE_RE.finditer(masked)``, found in time linear in the sentence.

    A possessive match starts at the first word edge, at or after ``pos``, of the stretch (no character
    outside ``[\\w’'.\\- ]``) that runs to a "'s ... estimate" anchor; a pronoun match where
    ``_EST_PRONOUN`` finds one. The leftmost wins, the possessive on a tie, as in the one pattern."""
    anchors = [m.start() for m in _EST_ANCHOR.finditer(masked)]
    breaks = [m.start() for m in _EST_BREAK.finditer(masked)]
    pos, k, poss_start = 0, 0, None
    while True:
        if poss_start is None or poss_start < pos:
            poss_start = None
            while k < len(anchors) and anchors[k] <= pos:
                k += 1
            j, checked = k, -1
            while j < len(anchors):
                q = anchors[j]
                b = bisect.bisect_left(breaks, q) - 1
                lo = max(pos, breaks[b] + 1 if b >= 0 else 0, checked)
                edge = _WORD_EDGE.search(masked, lo, q) if lo < q else None
                if edge is not None and edge.start() < q:
                    poss_start = edge.start()
                    break
                checked = q  # no edge before this anchor: the next one in the stretch is looked for after it
                j += 1
        pron = _EST_PRONOUN.search(masked, pos)
        if poss_start is not None and (pron is None or poss_start <= pron.start()):
            m = ESTIMATE_RE.match(masked, poss_start)
        else:
            m = pron
        if m is None:
            return
        yield m
        pos = m.end()


def _estimates(masked: str) -> list[Attribution]:
    """'X's estimate', 'its casualty estimate': the possessor estimates (hedged)."""
    cands: list[Attribution] = []
    if "estimate" not in masked and "assessment" not in masked:
        return cands
    for m in _estimate_matches(masked):
        at = m.start("poss") if m.group("poss") else m.start()
        if IF_BEFORE.search(masked, _window_start(masked, at, SUBJECT_WINDOW), at):
            continue  # "Even if Kyiv's higher estimate is right, ...": the author reasons
        if m.group("poss") and re.search(r"\b(?:if|whether|unless)\b", m.group("poss"), re.I):
            continue
        if m.group("poss"):
            np = _leading_trim(m.group("poss").strip())
            np = re.split(r",\s*", np)[-1]
            if _is_source_np(np) and m.group("cue").startswith("estimate"):
                cands.append(Attribution(m.start(), np, "estimate"))
        else:
            np = _np_before_verb(masked, m.start())
            np = re.sub(r"\s+\w+$", "", np) if len(np.split()) > 1 and np.split()[-1].endswith("ed") else np
            np = np.split()[0] if np and np.split()[0].lower() in PRONOUNS else np
            if _is_source_np(np):
                cands.append(Attribution(m.start(), np, "estimate"))
    return cands


def _put_at(masked: str) -> list[Attribution]:
    """'X put the toll at', 'X gave a higher toll'."""
    cands: list[Attribution] = []
    for m in re.finditer(r"\b(?P<cue>puts?|putting|pegged|pegs|placed|places)\s+(?:(?:the|that|this|its|his|her|their|a|an)"
                         r"\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,8}?\s+(?:at\s+(?!(?:the|this|that|its|his|her|their|our|home|night|"
                         r"once|first|last|times|risk|stake|war|sea|bay|odds|ease|work|hand|all)\b)|higher|lower|"
                         r"far\s+(?:higher|lower)|much\s+(?:higher|lower))"
                         r"|\b(?P<cue2>gave|gives|give|offered|provided)\s+(?:a|an|the|its|his|her|their)\s+"
                         r"(?:[\w’'-]+\s+){0,2}?(?:toll|figure|estimate|number|count|tally|total|date|death\s+toll)\b",
                         masked):
        np = _np_before_verb(masked, m.start())
        if _is_source_np(np):
            cands.append(Attribution(m.start(), np, (m.group("cue") or m.group("cue2")).lower()))
    return cands


def _by_estimates(masked: str) -> list[Attribution]:
    """'By some estimates', 'by Seoul's count'."""
    cands: list[Attribution] = []
    for m in re.finditer(r"\b[Bb]y\s+(?P<np>(?:some|one|most|several|many|other|official|independent|"
                         r"[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)*['’]s|its|their|his|her)\s+(?:[\w-]+\s+)?"
                         r"(?:estimates?|counts?|accounts?|calculations?|reckoning|tally))\b", masked):
        cands.append(Attribution(m.start(), m.group("np"), "estimates" if "estimate" in m.group("np") else "by"))
    return cands


def _estimate_of(masked: str) -> list[Attribution]:
    """'on the estimate of X', 'by the count of X': X estimates (hedged)."""
    cands: list[Attribution] = []
    for m in re.finditer(r"\b(?:on|by|in)\s+(?:the|one|an?)\s+(?P<cue>estimates?|counts?|reckoning|calculations?)\s+of\s+"
                         r"(?P<np>[^,;.]+)", masked):
        np = _clean_np(m.group("np"))
        if _is_source_np(np):
            cands.append(Attribution(m.start(), np, "estimate" if "estimate" in m.group("cue") else m.group("cue")))
    return cands


def _citing(masked: str) -> list[Attribution]:
    """'X, citing Y,': X reports."""
    cands: list[Attribution] = []
    if "citing" not in masked:
        return cands
    for start, np in _citing_matches(masked):
        np = _clean_np(_leading_trim(np))
        if _is_source_np(np):
            cands.append(Attribution(start, np, "citing"))
    return cands


CITING_RE = re.compile(r"(?P<np>[^,;]+?),\s+citing\s+[^,]+,")
_CITING_TAIL = re.compile(r",\s+citing\s+[^,]+,")


def _citing_matches(masked: str) -> Iterator[tuple[int, str]]:
    """(start, np) of each ``CITING_RE.finditer(masked)`` match, in linear time: the ', citing Y,' tail is
    found first and the phrase runs back from it to the previous comma or semicolon (the pattern alone
    scanned forward from every start to the next comma)."""
    pos, at = 0, 1
    while True:
        tail = _CITING_TAIL.search(masked, at)
        if tail is None:
            return
        c = tail.start()
        s = max(pos, masked.rfind(",", 0, c) + 1, masked.rfind(";", 0, c) + 1)
        if s < c:
            yield s, masked[s:c]
            pos = tail.end()
            at = pos + 1
        else:
            at = c + 1


LIST_MARK = re.compile(r"^\(\w{1,4}\)\s+")
PLEASED_TO = re.compile(r"\b(?:is|are|was|were|am)\s+(?:very\s+|so\s+)?(?:pleased|proud|happy|delighted|excited|honou?red|"
                        r"glad)\s+to\s+$")


def _cue_verbs(masked: str) -> list[Attribution]:
    """'X said', '..., X said', '..., said X, a fellow at Y', 'X, who ..., told'."""
    cands: list[Attribution] = []
    for m in CUE.finditer(masked):
        word = m.group(0)
        if m.start() and masked[m.start() - 1] == "-":
            continue  # "so-called", "long-said": part of a compound word
        before = masked[_window_start(masked, m.start(), SUBJECT_WINDOW):m.start()]  # a bounded look-back
        progressive = CUE_FORM.get(re.sub(r"\s+", " ", word)) == "ing" and word != "citing"
        if NEGATED.search(before) or PASSIVE.search(before) and not progressive:
            continue
        after = masked[m.end():m.end() + 30]
        if word in NOT_FOLLOWED_BY and NOT_FOLLOWED_BY[word].match(masked, m.end(), min(len(masked), m.end() + 80)):
            continue
        if word.endswith(" clear") and re.search(r"(?i)\b(?:it|this|that|there)\s+(?:has\s+|had\s+)?$", before[-12:]):
            continue  # "It was clear that ...": no one speaks
        if re.search(r"\b(?:[Aa]n?|[Tt]he)\s+$", before[-5:]):
            continue  # "an estimated 7 million", "the reported figure": an adjective after an article, no speech act
        if re.search(r"\b(?:shall|must)\s+(?:\w+\s+)?$", before[-40:]):
            continue  # "the Secretary shall report ...": a duty laid down, not a statement made
        if CUE_FORM.get(word) == "s" and re.search(r"\b[a-z]{3,}ed\s+$", before[-40:]) and not re.match(r"\s+that\b", after):
            continue  # "We missed calls.": a noun after a verb, no speech act
        if CUE_FORM.get(word) == "s" and re.search(r"(?:\band|\bor|,|\b[a-z]{3,}ing)\s+$", before[-16:]) and \
                re.match(r"\s*(?:[,.;:)]|(?:have|are|were|will|would|can|could|may|might|must|should|do|did|and|or|"
                         r"to)\b)", after):
            continue  # "cities and states have the funding", "the program described above, states can ...",
            # "information encouraging states to ...": a plural noun, its verb after it ("... and estimates the savings"
            # is the verb)
        if CUE_FORM.get(word) == "s" and re.search(r"\b(?:with|of|for|from|about|into|among|without)\s+$", before[-14:]):
            continue  # "a library packed with highlights": a plural noun after a preposition
        if CUE_FORM.get(word) == "past" and re.match(r"\s+by\b", after):
            continue  # "the review period directed by this memorandum": a passive participle, no speech act
        if word in ("described", "outlined", "specified", "identified", "referenced", "listed", "detailed",
                    "explained", "set forth") and \
                re.match(r"\s+(?:(?:in|under)\s+(?:section|subsection|paragraph|the|this|that|these|those|[A-Z])|"
                         r"(?:above|below|herein|earlier)\b)", after):
            continue  # "the requirement described in Executive Order 14192", "the program described above": a
            # participle on the noun before it
        if CUE_FORM.get(word) == "past" and re.search(r",\s*$", before) and re.match(r"\s+(?:to\s+be|at|as)\b", after):
            continue  # "the prevalence of OUD, estimated to be 5.7 million": a participle on the noun before it
        if CUE_FORM.get(word) == "past" and re.search(r"\b[Aa]s\s+$", before[-4:]) and \
                re.match(r"\s*(?:[.,;:)]|$)", after):
            continue  # "to provide assistance as requested.": a participle, no one speaks
        if re.search(r"\b(?:[Aa]s|[Ll]ike)\s+(?:they|people|the\s+saying)\s+$", before[-20:]) and \
                word in ("say", "says", "goes"):
            continue  # "as they say": an idiom, no one quoted
        if word == "citing" or word in ("think", "thought") and re.match(r"[\s-]+tanks?\b", after):
            continue  # "think tank" is a noun
        if word in ("called", "calls", "call") and (re.match(r"\s+(?:the\s+)?[\"“A-Z]|\s+on\b|\s+up\b", after)) \
                and not re.match(r"\s+on\s+(?:[\w’'-]+\s+){1,6}?to\s+[a-z]", masked[m.end():m.end() + 80]):
            continue   # "called the group ..." is no speech act; "called on Congress to pass", "calls for X" are
        if re.match(r"\s+(?:of|for|on|about|from|by)\b", after) and word in (
                "reports", "report", "estimates", "estimate", "claims", "claim", "calls", "call", "fears", "fear",
                "doubts", "counts", "notes", "states", "shows", "thought", "forecasts", "projects", "quoted") and \
                not (word in ("calls", "call") and re.match(r"\s+for\b", after)):
            continue  # a noun: "estimates of the deployment", "reports from the front"
        if word in ("report", "reports", "estimate", "estimates", "claim", "claims", "call", "calls", "find",
                    "state", "states", "note", "notes", "deal", "doubts", "doubt", "fears", "fear") and \
                re.search(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Mm]y|[Yy]our|of|in|for|to|by|with|"
                          r"among|all|many|some|[Aa]lthough|[Tt]hough|[Ww]hile|[Bb]ecause|[Ss]ince|[Ii]f|[Ww]hen|[Aa]s|"
                          r"how|where|whether|"
                          r"[Aa]dditional|[Ff]urther|[Nn]ew|[Rr]ecent|[Ee]arlier|[Ll]ater|[Mm]edia|[Nn]ews|[Pp]ress|"
                          rf"most|other|these|those|\d+|(?i:{NUMBER_WORD}))\s+"
                                                                    r"(?:(?![A-Z]{2,}\s)[\w-]+\s+)?$", before) and \
                not re.match(r"\s+that\b", after):
            continue
        inverted = re.search(r"[,”\"—–]\s*$", before)
        if inverted and inverted.group(0).strip() in "—–" and _subject_before(masked, m.start())[1]:
            inverted = None   # "The two ministers — Lavrov and Choe — said": the dashes close a parenthesis
        if inverted and word in ("said", "says", "added", "wrote", "noted", "warned", "stated", "explained",
                                 "asked", "argued", "insisted", "replied", "responded", "answered", "continued",
                                 "recalled", "countered"):
            np, app = _after_np(masked, m.end())
            np = re.sub(r"(?<=[a-z]{2})\.$", "", np)   # "said a veteran officer." ends the sentence, not the name
            # after a quotation, "said a traveler", "said one resident": whoever follows the verb speaks
            if np and (_is_source_np(np) or re.match(r"(?i)(?:a|an|one)\s+\w", np) and not FINITE.search(np) or
                       re.fullmatch(r"(?:[a-z]+\s+)?[a-z]{3,}s", np) and np.split()[0] not in INVERTED_NOT_SUBJECT) \
                    and not re.match(r"(?i)that\b", np):
                cands.append(Attribution(m.start(), np, word, app))
                continue
        if word in THAT_CUES and not re.match(r"\s+that\b", after) and \
                not CLAUSE_AFTER.match(masked, m.end(), min(len(masked), m.end() + 80)) and \
                not FINDING_SUBJECT.search(before[-80:]):
            continue   # "found 300 sites" reports nothing; "shows (that) the law is working" does
        if word in ("pledged", "pledges") and not re.match(r"\s+(?:to|that)\b", after):
            continue  # "Japan pledged ¥471 billion": a payment, not a statement
        if word in ("published", "reported", "released", "aired", "broadcast", "quoted", "cited", "called", "shared",
                    "posted", "described") and re.search(r",\s*$", before):
            continue  # "The report, published on Monday, ...": a participle, not the verb
        if word in ("added", "adds", "shared", "published", "publishes", "broadcast", "aired", "thanks") and not \
                re.match(r"\s*(?:,|\.|;|$|[\"“])|\s+(?:that\b|in\s+a\b|on\s+\w+\b)", after):
            continue  # "The EU added three generals to its list": not a speech act
        if word in ("published", "publishes", "shared", "broadcast", "aired") and not re.match(r"\s+(?:that|in|on)\b",
                                                                                          after):
            continue
        cue_start = m.start()
        if CUE_FORM.get(re.sub(r"\s+", " ", word)) == "ing" and word != "citing":   # ("making clear")
            # ("He’s urging" as "he is urging")
            progressive = re.search(r"(?:\b(?:is|are|was|were|am)|[’']s|[’']re|[’']m)\s+(?:(?:now|also|today|again|"
                                    r"formally|jointly)\s+)?$", before)   # ("are now announcing")
            if not (progressive and (re.match(r"\s+that\b", after) or
                                     word in ("announcing", "urging", "calling", "committing", "pledging",
                                                                   "directing", "telling"))):
                continue   # "is announcing (that)", "is urging Congress", "is calling on Congress", "is committing
                # $600 billion", "is directing agencies to", "are telling them to" are speech acts; other -ing
                # forms are not
                # ("The visit is reaffirming our alliance")
            cue_start = m.start() - len(progressive.group(0))
        pleased = CUE_FORM.get(word) == "base" and PLEASED_TO.search(before)
        if pleased:   # "The President and First Lady are pleased to announce": the subject of "are"
            cue_start = m.start() - len(pleased.group(0))
        np, app = _subject_before(masked, cue_start)
        np = LIST_MARK.sub("", np)   # "(b) Within 30 days of ...": an item's letter is no part of a subject
        group = word not in WEAK_CUES and re.fullmatch(r"(?:the|these|those)\s+[a-z]+s", np)   # "the participants"
        after_modal = CUE_FORM.get(word) == "base" and (re.search(r"\b(?:will|would|did|does|do)\s+$", before) or pleased)
        if not (_is_source_np(np) or group) or not (after_modal or _agrees(np, word)):
            continue   # (after a modal the base form agrees with any subject: "Intel will announce")
        if word in DOC_ONLY_CUES and not (DOCUMENT.search(np) or np.lower() in ("it", "this")):
            continue
        if (TWO_NAMES.fullmatch(np) or JOINT_VOICE.fullmatch(np)) and word in OWN_VOICE_CUES and not after_modal:
            continue   # "The United States and the ROK reaffirm ...", "The United States welcomes ...", "The two
            # sides affirm ...": a statement's own voice, in the present (9 of 9 annotated uses); "agreed", "are now
            # announcing" report the two
        if word in WEAK_CUES and not (SOURCE_NOUNS.search(np) or np.lower() in PRONOUNS or
                                      re.search(r"\b[A-Z]", np)):
            continue
        if re.match(r"\s+(?:to|into|from|with|in|by|at|for)\b", after) and word in ("found", "called", "briefed",
                                                                                    "informed") and \
                not (word == "called" and re.match(r"\s+for\b", after)) or \
                re.match(r"\s+(?:to|into|by)\b", after) and word == "reported":
            continue
        cands.append(Attribution(cue_start - len(np), np, word, app))
    return cands


def _participle(masked: str) -> list[Attribution]:
    """The last resort: ', saying ...' makes the sentence's subject the speaker."""
    cands: list[Attribution] = []
    m = re.search(r"(?:,|\bby)\s+(?:(?:publicly|privately|repeatedly|also|again|then|now)\s+)?"
                  r"(saying|adding|claiming|noting|warning|arguing|insisting|stressing|suggesting|"
                  r"stating|explaining|acknowledging|denying|telling|describing|calling|asking|arguing)\b", masked)
    if m and m.group(1) == "calling" and not re.match(r"\s+(?:for|on|it|them|him|her)\b", masked[m.end():]):
        m = None   # "available by calling the SBA Customer Service Center": a telephone call, no statement
    if m:
        np = _leading_trim(re.split(r"\s+(?:put|has|have|had|was|were|is|are|[a-z]+ed)\b", masked)[0])
        np = re.split(r"\s+[—–]\s+", np)[0]   # "Bill Barr — his predecessor — went ..., saying": the name
        if "," in np and re.fullmatch(PERSON, np.rsplit(",", 1)[-1].strip()):
            np = np.rsplit(",", 1)[-1]   # "Just yesterday, Bill Barr": a time before the subject
        np = _clean_np(np)
        if _is_source_np(np):
            cands.append(Attribution(0, np, m.group(1)))
    return cands


TITLE_DOT = re.compile(rf"\b({TITLE_ABBREVIATIONS}|Jr|Sr|St|Ph|Esq)\.")
COLON_QUOTE = re.compile(rf"(?P<np>[{UPPER}](?:[^:;.!?“”\"\n]|(?<=[A-Z])\.){{1,160}}):\s*[“”\"]")   # "U.S." may be in it
# the name that ends a long title: "Americans United for Life Chief Legal Officer Steven H. Aden"
TRAILING_NAME = re.compile(rf"{NAME_WORD}+(?:[ \t]+[A-Z]\.)?[ \t]+{NAME_WORD}+$")   # first, initial, last


SAID_TAIL = re.compile(r"(?i:(?:and|but|so)\s+)?(?i:as|like)\s+(?P<np>[^,]+?)\s+(?P<cue>(?i:said|says|put\s+it|wrote|"
                       r"writes|noted|notes|stated|states|declared|declares))")


# a name and its past verb opening a colon's lead-in: the name speaks what follows
CLAUSE_LEAD = re.compile(r"(?P<np>(?:[A-Z][\w’'.\-]*+[ \t]+){0,4}[A-Z][\w’'.\-]*+)[ \t]+(?:(?:also|then|later|again|once)[ \t]+)?"
                         r"(?:[a-z]+ed|gave|spoke|took|made|laid|held|told|said)\b[^:]*$")
# a pronoun and its verb of saying opening a colon's lead-in: "..., he wrote a line that is now etched ...:"
PRONOUN_LEAD = re.compile(r"(?:^|,[ \t]+)(?P<np>[Hh]e|[Ss]he|[Tt]hey)[ \t]+(?P<cue>wrote|said|told|declared|added|"
                          r"noted|explained|put\s+it)\b[^:]*$")
# the day a quotation was said, written after its speaker: "Sen. Mark Kelly (9/29/23): “...”"
SAID_ON = re.compile(rf"\s*\((?:\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{_MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}})\)$")


def _colon_quote(masked: str) -> list[Attribution]:
    """'CNBC’s Rick Santelli: “...”': a name and a colon before a quotation name its speaker; in a list
    of statements, 'Jane Roe, Director of Athletics, State University: “...”', the name before the
    first comma speaks and the rest says who she is."""
    m = COLON_QUOTE.match(TITLE_DOT.sub("\\1\u00b7", masked))   # "Sen. Jane Roe: “...”": the title's period kept
    if not m:
        return []
    np, context, cue = SAID_ON.sub("", m.group("np").strip().replace("\u00b7", ".")), "", ""
    said = SAID_TAIL.fullmatch(np)
    if said:   # "As the President said: “...”": the speaker is the subject of the verb of saying
        np, cue = said.group("np"), said.group("cue")
    clause = CLAUSE_LEAD.match(np) if not said else None
    if clause:   # "President Trump addressed the critics while affirming his plan: “...”": the clause's subject
        np = clause.group("np")
    pronoun = PRONOUN_LEAD.search(np) if not (said or clause) else None
    if pronoun:   # "In his letter to Mrs. Adams, he wrote a line that’s now etched into the mantel ...: “...”"
        return [Attribution(0, pronoun.group("np"), pronoun.group("cue"))]
    if "," in np:
        first, rest = np.split(",", 1)
        if re.fullmatch(PERSON, re.sub(rf"^(?:{ROLE_WORD})\s+", "", first.strip(), flags=re.I)):
            np, context = first.strip(), rest.strip()
    if len(np.split()) > 10 and not cue:
        name = TRAILING_NAME.search(np)
        if name:
            np, context = re.sub(rf"^(?:{ROLE_WORD})\s+", "", name.group(0), flags=re.I), np[:name.start()].strip()
    if len(np.split()) > 10 or not re.search(r"\b[A-Z][a-z]|\b[A-Z]{2,}\b", np) or NOT_A_SUBJECT_START.match(np):
        return []   # "On mortgage rates: “...”" names a topic, not a speaker
    return [Attribution(0, np, cue, context)]


# a list item led by a named outlet, pollster or agency: "CNN: 88% of Republicans approve of the strikes."
ORG_WORD = rf"{NAME_WORD}*+[\w.&]*+"   # a word of an organisation's name: "NBC", "J.L.", "S&P", "YouGov"
COLON_LABEL = re.compile(rf"(?P<np>(?:The\s+)?{ORG_WORD}(?:(?:\s+|/)(?:{ORG_WORD}|of|and|&)){{0,5}}):"
                         rf"[ \t]+(?=[{UPPER}\d])")
LABEL_TYPES = {"media", "expert", "intelligence", "international_org"}


def _colon_label(masked: str) -> list[Attribution]:
    """'NBC News: 90% of voters back the operation.': a source named before a colon, with no quotation
    marks, when its name is one the vocabulary types (a topic heading, "Energy Security: ...", is not)."""
    m = COLON_LABEL.match(masked)
    if not m or m.group("np").isupper() and " " in m.group("np") or len(m.group("np")) > 60:
        return []   # "SUPPORTING AMERICAN INDUSTRY: ...": a run-in heading ("CNN: ..." is a name)
    np = m.group("np")
    return [Attribution(0, np, "")] if source_type(np) in LABEL_TYPES else []


READ_MORE = re.compile(rf"(?:(?:Read|See|Watch)\s+(?:more|the\s+(?:full\s+)?(?:story|article|report))|More)\s+"
                       rf"(?:in|at|from|on|via)\s+"
                       rf"(?P<np>(?:[Tt]he\s+)?{ORG_WORD}(?:[ \t]+{ORG_WORD}){{0,4}}):")


def find_attribution(masked: str) -> Attribution | None:
    """The first attribution in a sentence whose quoted words are masked."""
    cands = [a for finder in (_colon_quote, _colon_label, _according_to, _estimates, _estimate_of, _put_at,
                              _by_estimates, _citing, _told_by, _cue_verbs)
             for a in finder(masked)] or _participle(masked)
    return min(cands, key=lambda a: a.pos) if cands else None


# --------------------------------------------------------------------------- certainty

# "India, we believe, can go a long way", "And I do believe, indeed, ...": the speaker's own hedge
PARENTHETICAL_OWN = re.compile(r"(?:,|^|\b(?:[Aa]nd|[Bb]ut|[Ss]o))\s*(?:I|[Ww]e)\s+(?:do\s+|really\s+|still\s+)?$")
SHALL = re.compile(r"\bshall\b")
LEGAL_SHALLS = 3   # a text that lays down duties with "shall" this often is an instrument of law: its "may" permits
LEGAL_MAY_STATE = re.compile(r"\s+(?:not\s+)?(?:be|have)\b")   # "as they may be inconsistent": a possibility still


def legal_register(text: str) -> bool:
    """True when the text is an instrument of law (an order, a proclamation, a bill) by its "shall"s."""
    return sum(1 for _ in zip(range(LEGAL_SHALLS), SHALL.finditer(text))) >= LEGAL_SHALLS


def certainty(sentence: str, attributed: bool, cue: str, document_source: bool, cue_pos: int = 0,
              own_words: bool = False, legal: bool = False) -> str:
    """hedged, reported or asserted, as SCHEMA.md defines them. ``own_words``: the sentence is
    the speaker's own turn in a transcript, so its conditionals hedge as the author's would. ``legal``: the
    text is an instrument of law, whose "may" before an act grants a permission ("The Secretary may approve
    ...", not "as they may be inconsistent").

    An "if" hedges when it conditions the statement itself: in the author's own
    sentence, or before the attribution ("Even if ..., Park said"); an "if" inside
    what a source says or a law lays down is content ("Zelensky said Ukraine
    would hand them over if ...").
    """
    if any(not (SPECULATIVE_VERB.fullmatch(m.group(0)) and re.match(r"\s*(?:[.,;:)”\"]|$)", sentence[m.end():])
                and not PARENTHETICAL_OWN.search(sentence, max(0, m.start() - 12), m.start()))
           and not _in_relative_clause(sentence, m.start())
           and not (legal and m.group(0) == "may" and not LEGAL_MAY_STATE.match(sentence, m.end()))
           for m in MODAL_HEDGE.finditer(sentence)) \
            or cue in HEDGING_CUES or any(attributed or not m.group("own") for m in ESTIMATE_NOUN.finditer(sentence)):
        return "hedged"  # a hedge with something to hedge ("... than their number suggests." is not one)
    ifs = [m.start() for m in IF_CLAUSE.finditer(sentence) if not NOT_A_CONDITION.match(sentence, m.start())
           and not re.search(r"\bonly\b[^.;:]{0,80}$", sentence[max(0, m.start() - 80):m.start()])
           and not WHETHER_IF.search(sentence[max(0, m.start() - 30):m.start()])
           and not re.search(r"(?i)\bno\s+matter\s+$", sentence[max(0, m.start() - 10):m.start()])
           # "even if" concedes, unless it doubts the truth ("even if only a fraction of that is true")
           and not (re.search(r"(?i)\beven\s+$", sentence[max(0, m.start() - 6):m.start()]) and
                    not TRUTH_IF.match(sentence, m.start()))]
    if ifs and not (document_source or LAW_IF.search(sentence) or RULE_IF.search(sentence)) and \
            (not attributed or own_words or min(ifs) < cue_pos):
        return "hedged"
    if (not attributed or own_words) and \
            any(not WOULD_IN_PAST_REPORT.search(sentence, max(0, m.start() - 120), m.start())
                for m in WOULD.finditer(sentence)):
        return "hedged"   # a speaker's own conditional, like the author's ("I would say ...")
    return "reported" if attributed else "asserted"


# --------------------------------------------------------------------------- the article pass

RECENT = 60  # how many earlier sources an antecedent may reach back over


class SourceMemory:
    """Sources and documents named so far in an article, for antecedents and types."""

    def __init__(self) -> None:
        self.sources: list[tuple[str, str, str, int]] = []  # (source, type, context, offset)
        self.mentions: list[tuple[str, str, str, int]] = []  # sources cited inside a sentence ("citing X")
        self.types: dict[str, str] = {}
        self.gender: dict[str, str] = {}  # surname -> the pronoun used for it ("he"/"she")

    def add(self, source: str, stype: str, context: str, pos: int) -> None:
        """Remember a source, its type and where it was named."""
        self.sources.append((source, stype, context, pos))
        for tok in re.findall(r"[A-Z][\w’'\-]+", re.sub(r"\s*\(.*\)$", "", source)):
            self.types.setdefault(tok, stype)

    def type_of_name(self, name: str) -> str | None:
        """The type of a person named before ("Lee" after "Lee Seong-kweun, a legislator")."""
        if not re.fullmatch(r"[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,3}", name) or name.split()[0] in ("A", "An", "The"):
            return None
        toks = re.findall(r"[A-Z][\w’'\-]+", name)
        if toks and all(t in self.types for t in toks):
            return self.types[toks[-1]]
        return None

    def recent(self) -> list[tuple[str, str, str, int]]:
        """The last sources named: antecedents are looked for nearby, so long articles stay linear."""
        return self.sources[-RECENT:]

    def last(self, want: str | None = None) -> tuple[str, str, str, int] | None:
        """The most recent source (of type ``want`` when given)."""
        for src in reversed(self.recent()):
            if want is None or src[1] == want:
                return src
        return None


ANAPHOR_TYPE = {"agency": "intelligence", "spy agency": "intelligence", "ministry": "government",
                "department": "government", "government": "government", "military": "military", "army": "military",
                "command": "military", "newspaper": "media", "paper": "media", "outlet": "media",
                "broadcaster": "media", "institute": "expert", "think tank": "expert", "alliance": "international_org"}
DOC_NOUN = re.compile(r"\b(?P<np>(?:the|a|an|this|its)\s+(?:[\w’'-]+\s+){0,3}?(?<!\bto\s)(?P<n>agreement|treaty|pact|law|decree|act|"
                      r"document|report|charter|constitution|accord|deal|statement|resolution|study|survey|order|bill|"
                      r"budget|proposal|memorandum|proclamation|directive|regulation))\b",
                      re.I)


def _same_sentence_subject(sentence: str, pronoun: str) -> str:
    """'The NIS has released images that it says show ...': an 'it' or 'they' inside the sentence
    refers back to the organisation that opens it."""
    if pronoun.lower() not in ("it", "they") or re.match(rf"\W*{pronoun}\b", sentence, re.I):
        return ""
    head = re.split(r"\s+(?:has|have|had|is|are|was|were|[a-z]+ed|[a-z]+s)\b", _leading_trim(
        re.sub(r"^\d{1,2}[:.]\d{2}\s*[—–-]\s*", "", sentence)), maxsplit=1)[0]
    head = _clean_np(head)
    return head if head and head[0].isupper() and _is_source_np(head) and head.lower() not in PRONOUNS else ""


def _bare(source: str) -> str:
    """'he (Tomas Reinholt)' -> 'Tomas Reinholt'; other sources unchanged."""
    m = re.fullmatch(r"\w+\s+\((.+)\)", source)
    return m.group(1) if m else source


def _surname(name: str) -> str:
    return re.sub(r"^(?:Dr|Maj|Gen|Col|Lt|Capt|Adm|Prof|Mr|Mrs|Ms)\.\s+", "", name).split()[-1] if name else ""


def _looks_like_person(name: str) -> bool:
    return bool(re.fullmatch(PERSON, name) or re.fullmatch(rf"{NAME_WORD}+", name)) and not pattern_is_org(name)


def _antecedent(text: str, before: int, np: str, cue: str, memory: SourceMemory,
                roles: dict[str, str] | None = None) -> str:
    """'the agency' -> 'the NIS'; 'It' -> 'the agreement'. Empty when nothing fits."""
    roles = roles or {}
    low = np.lower()
    window = text[max(0, before - 600):before]
    if low in ("it", "this", "that") and cue in DOC_CUES:
        docs = list(DOC_NOUN.finditer(window))
        if docs:
            d = docs[-1]
            if re.search(r"\b[A-Z]", d.group("np")[4:-len(d.group("n"))]):
                return d.group("np")   # "the 1935 Labor Relations Act": the law by its name
            return "the " + d.group("n").lower()
    if low in ("he", "she"):
        # the latest person quoted nearby, else the latest person the article introduced, whose pronoun fits
        def fits(name: str) -> bool:
            return memory.gender.get(_surname(name)) in (None, low)

        quoted = [(pos, _bare(src)) for src, _, _, pos in memory.recent()
                  if _looks_like_person(_bare(src)) and fits(_bare(src)) and _bare(src).lower() != "you"]
        offset = before - len(window)
        introduced = []
        for m in re.finditer(PERSON, window):
            toks = m.group(0).split()
            # "Pastor Lee Soo-hyun": the name the article introduced may follow a title
            name = next((" ".join(toks[k:]) for k in range(len(toks) - 1) if roles.get(" ".join(toks[k:]), "leader")
                         != "leader"), "")  # people the article introduces; a leader merely named is not one
            if name and fits(name):
                introduced.append((offset + m.start(), name))
        best = max(introduced + quoted, default=None)
        return best[1] if best else ""
    if low == "they":
        plural = [(pos, _bare(src)) for src, _, _, pos in memory.recent() + memory.mentions[-RECENT:]
                  if re.search(r"[a-z]s$|\b(?:media|police|staff|people)$",
                               re.split(r"\s+(?:in|of|at|from|on|for|with)\s+", _bare(src))[0])]
        if plural:
            return max(plural)[1]
    if low in ("it", "they"):
        src = memory.last()
        if src and low == "they" and (_looks_like_person(_bare(src[0])) or src[0].isupper()):
            return ""   # "they" is never one person quoted before ("MS. PSAKI", "Jane Roe")
        if src:
            return src[0] if src[0].lower().startswith("the ") else f"the {src[0]}" if re.match(r"[A-Z]{2,}",
                                                                                              src[0]) else src[0]
        return ""
    m = ANAPHORA.match(np)
    if m:
        noun = m.group("noun").lower()
        # a noun phrase ending in that noun in the text just before ("Russia's defence ministry")
        # "[A-Z][\w’'-]*(?:['’]s)?\s+" once read "Russia's" two ways (the word class holds the "'s" too), so
        # a run of possessives backtracked exponentially; a word is now taken whole, and it is the same match
        cands = list(re.finditer(rf"((?:(?!(?:The|This|That|These|Those|A|An|Its|Their|As|In|On|At|For|By|With|When|"
                                 rf"After|Before|If|And|But|So|While|Since|During)\s)[A-Z][\w’'\-]*+[ \t]++)+"
                                 rf"(?:(?!to\s)[a-z\-]+[ \t]+)?(?i:{re.escape(noun)}))\b", window))   # not "X to report"
        # (within a line: a name never runs over a paragraph break)
        want = ANAPHOR_TYPE.get(noun)
        src = memory.last(want) if want else None
        text_pos = before - len(window) + cands[-1].start() if cands else -1
        if src and src[3] > text_pos:
            stripped = re.sub(r"\s*\([^)]*\)$", "", src[0])
            short = re.search(r"\(([^)]+)\)$", src[0])
            name = short.group(1) if short else stripped
            return name if name.lower().startswith("the ") else f"the {name}" if re.match(r"[A-Z]{2,}", name) \
                else name
        titled = list(re.finditer(rf"(?i:\b{re.escape(noun)})[ \t]+(?P<name>{NAME_WORD}++(?:[ \t]+(?:[A-Z]\.|"
                                  rf"{NAME_WORD}++)){{1,3}}(?<!\.))", window))
        if titled and (not cands or titled[-1].start() >= cands[-1].start()):
            return titled[-1].group("name")   # "President Joseph R. Biden spoke ... The President conveyed"
        if cands:
            return cands[-1].group(1)
    return ""


def _person_type(name: str, roles: dict[str, str]) -> str:
    """The source type of a person named only ("Psaki" of "MS. PSAKI:"), from how the document
    introduces them ("Press Secretary Jen Psaki"); 'other' when it does not."""
    context = roles.get(name) or next((r for k, r in roles.items() if k.split()[-1].lower() == name.lower()), "")
    return source_type(name, context) if context else "other"


def extract_claims(text: str, sentences: list[tuple[int, int]], paragraphs: list[tuple[int, int]]) -> list[Claim]:
    """One Claim per body sentence (questions excluded by the caller), in text order."""
    memory = SourceMemory()
    roles = person_roles(text)
    legal = legal_register(text)
    turns = speaker_turns(text, paragraphs, lambda name: _person_type(name, roles))
    for span, turn in quoted_turns(text, paragraphs, lambda name: source_type(*shorten(name))).items():
        turns.setdefault(span, turn)
    for span, turn in roundup_turns(text, paragraphs, lambda name: source_type(*shorten(name))).items():
        turns.setdefault(span, turn)
    claims: list[Claim] = []
    by_para: dict[tuple[int, int], list[tuple[int, int]]] = {p: [] for p in paragraphs}
    starts = [p[0] for p in paragraphs]
    for s in sentences:
        k = bisect.bisect_right(starts, s[0]) - 1
        if k >= 0 and s[0] < paragraphs[k][1]:
            by_para[paragraphs[k]].append(s)
    carry: Attribution | None = None   # the speaker of a quotation a paragraph left open
    lead_in: Attribution | None = None   # the speaker a paragraph ending "X writes:" introduces
    for p in paragraphs:
        spans = by_para[p]
        states = quote_states(text, spans, inside=carry is not None)
        found: list[Attribution | None] = []
        for (s, e), (inside_start, _) in zip(spans, states):
            masked = mask_quotes(text[s:e], inside_start)
            found.append(find_attribution(masked))
        own = {i for i, a in enumerate(found) if a is not None}  # attributed in their own words
        for k in range(len(spans)):   # the open quotation goes on: "X: “Thank you" / "for visiting. ...”"
            if carry is None or not states[k][0]:
                break
            if found[k] is None:
                found[k] = carry
        # a quote that runs over several sentences takes the speaker named anywhere in the run, or else the
        # speaker of the quote just before it ("“...,” said X. “More. And more.”")
        i = 0
        while i < len(spans):
            if not states[i][1]:
                i += 1
                continue
            j = i
            while j + 1 < len(spans) and states[j][1]:
                j += 1
            run = range(i, j + 1)
            speaker = next((found[k] for k in run if found[k] is not None), None)
            if speaker is None and i > 0 and found[i - 1] is not None and \
                    re.search(r"[“”\"]", text[spans[i - 1][0]:spans[i - 1][1]]):
                speaker = found[i - 1]
            for k in run:
                if found[k] is None:
                    found[k] = speaker
            i = j + 1
        # a further quotation with no speaker of its own continues the previous speaker's quote
        for i in range(1, len(spans)):
            sentence = text[spans[i][0]:spans[i][1]]
            if found[i] is None and found[i - 1] is not None and re.match(r"^[“\"]", sentence) \
                    and re.search(r"[”\"](?:\s*\[[^\[\]]{1,80}\])?$", sentence) \
                    and re.search(r"[“”\"]", text[spans[i - 1][0]:spans[i - 1][1]]):
                found[i] = found[i - 1]
        # "Chairman Lee writes:" and then paragraphs that are quotations: each quotation is the writer's
        para_text = text[p[0]:p[1]]
        opens_quote = re.match(r"\s*[“\"]", para_text) is not None
        if lead_in is not None and opens_quote:
            found = [f if f is not None else lead_in for f in found]
        read_more = READ_MORE.fullmatch(para_text.strip())
        if read_more:   # "Read more in Breitbart:": the quotation that follows is the publication's
            lead_in = Attribution(0, read_more.group("np"), "")
        else:
            lead_in = found[-1] if spans and found and para_text.rstrip().endswith(":") else \
                lead_in if opens_quote else None
        carry = found[-1] if spans and states[-1][1] and found[-1] is not None else None
        turn = turns.get(p)
        for idx, ((s, e), att) in enumerate(zip(spans, found)):
            sentence = text[s:e]
            claim = Claim(s, e)
            if STAGE_DIRECTION.fullmatch(sentence.strip()):
                continue   # "(Applause.)", "(Laughter.)", "(Watch)": the audience or the page, no claim
            if turn is not None and re.fullmatch(r"\([^()]*\)\.?", sentence.strip()):
                claim.certainty = certainty(sentence, False, "", False)   # "(Speaks Irish.)": the transcript's note
                claims.append(claim)
                continue
            if turn is not None and (s == p[0] and turn.opens or att is None or
                                     FIRST_PERSON.fullmatch(att.source) or att.source.lower() == "you" or
                                     att.source.lower() == "they" and not _antecedent(text, s, "they", att.cue,
                                                                                       memory, roles)):
                # ("they told him", with no group named before it: the speaker's own account)
                # a transcript: the speaker label is the first attribution of its sentence, and the source of
                # every later sentence of the turn that names no other
                claim.source, claim.source_type = turn.label, turn.source_type
                claim.certainty = certainty(sentence, True, "", False, 0, own_words=True)
                memory.add(turn.label, turn.source_type, "", s)
                claims.append(claim)
                continue
            if att is not None and FIRST_PERSON.fullmatch(att.source):
                att = None  # first-person analysis ("We estimate", "I’ve said") is the author's
            if att is not None and att.cue.lower() in DOC_ONLY_CUES and att.source.lower() in ("it", "this"):
                ante = _antecedent(text, s, att.source, att.cue, memory, roles)
                if not (ante and DOCUMENT.search(ante)):
                    att = None  # "It has proposed ...": a document's speech act only when "it" is a document
            if att is not None:
                raw, context = shorten(att.source)
                context = " ".join(x for x in (context, att.context) if x)
                source = raw
                known = None
                if raw.lower() in PRONOUNS or ANAPHORA.match(raw):
                    ante = _same_sentence_subject(text[s:e], raw) or _antecedent(text, s, raw, att.cue, memory, roles)
                    if ante and (ante.lower() == raw.lower() or ante.lower() in PRONOUNS):
                        ante = ""   # no antecedent but the pronoun itself
                    if ante:
                        if raw.lower() in ("he", "she"):
                            memory.gender[_surname(ante)] = raw.lower()
                        source = f"{raw} ({ante})"
                        context = f"{context} {ante}".strip()
                        known = next((t for src, t, *_ in reversed(memory.recent()) if src == ante), None)
                if not context and raw in roles:
                    context = roles[raw]  # introduced earlier: "Dr. Tomas Reinholt of the Vistula Institute"
                known = known or (memory.type_of_name(source) if not context else None)
                stype = known or source_type(source, context)
                if raw.lower() in ("it", "this") and att.cue in DOC_CUES and DOCUMENT.search(source.rstrip(")")):
                    stype = "other"
                claim.source, claim.source_type, claim.cue, claim.context = source, stype, att.cue.lower(), context
                memory.add(source, stype, context, s)
            for cited in re.finditer(r"\bciting\s+([^,.;]+)", sentence):
                memory.mentions.append((cited.group(1).strip(), "", "", s + cited.start()))
            doc = claim.source_type == "other" and (bool(DOCUMENT.search(claim.source.rstrip(")"))) or
                                                    claim.cue in ("states", "stipulates", "provides", "reads"))
            cue_pos = att.pos if att is not None and idx in own else 0
            claim.certainty = certainty(sentence, att is not None, claim.cue, doc, cue_pos, legal=legal)
            claims.append(claim)
    claims.sort(key=lambda c: c.start)
    return claims
