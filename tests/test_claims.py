"""Claims: sentences, attribution, source types and certainty, on sentences written for these tests."""
from __future__ import annotations

import pytest

from conftest import article, extract

import articlefacts as af
from articlefacts.sentences import split_sentences


def claims(*paragraphs: str) -> list[dict]:
    return extract(*paragraphs).claims.to_dict("records")


def claim(sentence: str) -> dict:
    rows = claims(sentence)
    assert len(rows) == 1, [r["text"] for r in rows]
    return rows[0]


# --------------------------------------------------------------------------- sentences

@pytest.mark.parametrize("paragraph, expected", [
    ("U.S. officials met Adm. Kim on Oct. 8. Nothing was agreed.",
     ["U.S. officials met Adm. Kim on Oct. 8.", "Nothing was agreed."]),
    ("He cited No. 7 and the U.N. The meeting ended.", ["He cited No. 7 and the U.N.", "The meeting ended."]),
    ("“We are ready,” he said. “The troops are trained.”", ["“We are ready,” he said.", "“The troops are trained.”"]),
    ("KYIV, Nov 5 (Wire) - Ukraine said it struck a depot. Russia denied it.",
     ["KYIV, Nov 5 (Wire) - Ukraine said it struck a depot.", "Russia denied it."]),
    ("Dr. J. Smith of St. Petersburg spoke. It was 3.5 hours long.",
     ["Dr. J. Smith of St. Petersburg spoke.", "It was 3.5 hours long."]),
])
def test_sentences_survive_abbreviations_datelines_and_quotes(paragraph, expected):
    spans = split_sentences(paragraph)
    assert [paragraph[s:e] for s, e in spans] == expected


def test_questions_headings_and_furniture_make_no_claims():
    text = ("Title\nBy Someone\nWhy did Kim send troops? Money is one answer.\nA Heading Here\n"
            "Seoul said the ships left.\nShare this article\nAdvertisement\n")
    rows = af.extract_article(text, "t", None).claims
    assert list(rows["text"]) == ["Money is one answer.", "Seoul said the ships left."]


# --------------------------------------------------------------------------- attribution

@pytest.mark.parametrize("sentence, source, cue", [
    ("According to Ukraine's military intelligence (HUR), the unit lost 200 men.",
     "Ukraine's military intelligence (HUR)", "according to"),
    ("The general staff said the brigade was withdrawn.", "The general staff", "said"),
    ("The brigade was withdrawn in March, the general staff said.", "the general staff", "said"),
    ("“They were not ready,” said Anna Petrova, a fellow at the Carnegie Endowment.", "Anna Petrova", "said"),
    ("Defence Minister Andrei Belousov told reporters the treaty works.", "Andrei Belousov", "told"),
    ("Yonhap, citing military sources, reported the launch.", "Yonhap", "citing"),
    ("A senior US official, speaking on condition of anonymity, said the count was rising.",
     "A senior US official", "said"),
    ("Reports from Japanese media suggest a second wave is coming.", "Japanese media", "suggest"),
])
def test_sources_as_written_shortest_naming_phrase(sentence, source, cue):
    c = claim(sentence)
    assert (c["source"], c["cue"]) == (source, cue)


def test_the_first_of_two_attributions_counts():
    c = claim("Analysts believe the losses are high, while the Kremlin said nothing.")
    assert (c["source"], c["source_type"]) == ("Analysts", "expert")


def test_pronoun_and_anaphoric_sources_carry_their_antecedent():
    rows = claims("The Defence Intelligence Agency published its assessment on Monday. "
                  "The agency said the units rotate every month.")
    assert rows[1]["source"].startswith("The agency (") and "Defence Intelligence Agency" in rows[1]["source"]
    rows = claims("The pact was signed in June. It states that each side must help the other.")
    assert rows[1]["source"] == "It (the pact)" and rows[1]["source_type"] == "other"


def test_a_document_is_a_source_only_with_a_speech_act_verb():
    assert claim("The decree urged all units to recruit more volunteers.")["source_type"] == "other"
    assert claim("The decree raised the bonus to 400,000 rubles.")["source"] == "author"


def test_a_quote_over_two_sentences_takes_the_speaker_for_both():
    rows = claims("“We will not stop. We have the men,” said Pavel Ivanov, a Duma deputy.")
    assert [r["source"] for r in rows] == ["Pavel Ivanov", "Pavel Ivanov"]


def test_negated_cues_and_passives_do_not_attribute():
    assert claim("The Kremlin did not deny the reports.")["source"] == "author"
    assert claim("The troops are expected to arrive soon.")["source"] == "author"


@pytest.mark.parametrize("sentence, stype", [
    ("South Korea's National Intelligence Service said the troops moved.", "intelligence"),
    ("The foreign ministry said the claims were false.", "government"),
    ("Ukraine's General Staff said the strike hit a depot.", "military"),
    ("NATO Secretary General Mark Rutte said the deployment is confirmed.", "international_org"),
    ("The Associated Press reported the launch.", "media"),
    ("Researchers at the Stimson Center say the data fit.", "expert"),
    ("Defectors say the soldiers are unpaid.", "other"),
])
def test_source_types(sentence, stype):
    assert claim(sentence)["source_type"] == stype


# --------------------------------------------------------------------------- certainty

@pytest.mark.parametrize("sentence, certainty", [
    ("North Korea sent 3,000 more troops.", "asserted"),
    ("Seoul said North Korea sent 3,000 more troops.", "reported"),
    ("North Korea may have sent 3,000 more troops.", "hedged"),
    ("North Korea reportedly sent 3,000 more troops.", "hedged"),
    ("Officials estimate that 3,000 more troops were sent.", "hedged"),
    ("Seoul said the claim could not be independently verified.", "hedged"),
    ("If that is accurate, Kim is earning millions.", "hedged"),
    ("The treaty would oblige Russia to intervene.", "hedged"),
    ("Seoul said Pyongyang would send more troops.", "reported"),
    ("It states that if either party is attacked, the other will help.", "reported"),
    ("About 3,000 troops left, officials confirmed.", "reported"),
])
def test_certainty(sentence, certainty):
    rows = claims(sentence)
    assert rows[-1]["certainty"] == certainty


def test_figures_and_claims_point_at_each_other():
    tables = extract("Seoul said 1,500 troops left on Oct. 8. Nothing else moved.")
    c = tables.claims.iloc[0]
    ids = c["figure_ids"].split()
    assert len(ids) == 2
    assert set(tables.figures.loc[tables.figures["figure_id"].isin(ids), "claim_id"]) == {c["claim_id"]}
    assert tables.claims.iloc[1]["figure_ids"] == ""


def test_a_figure_in_a_question_has_no_claim():
    text = article("Is Kim really sending 10,000 soldiers? Seoul thinks so.")
    tables = af.extract_article(text, "t", None)
    assert list(tables.figures["claim_id"]) == [""]
    assert len(tables.claims) == 1


# --------------------------------------------------------------------------- more language (found on new articles)

@pytest.mark.parametrize("sentence, source, cue", [
    ("The NIS tells lawmakers that 2,000 more troops left.", "The NIS", "tells"),
    ("Ukraine's HUR gave a higher toll on Friday.", "Ukraine's HUR", "gave"),
    ("By some estimates, the North has earned $5 billion.", "some estimates", "estimates"),
    ("General Kim visited the front and said the troops were ready.", "Kim", "said"),
    ("The report, published on Monday, found that pay was delayed.", "The report", "found"),
    ("The law that created the fund, which Reuters obtained, states that heroes get flats.", "The law", "states"),
])
def test_more_attribution_forms(sentence, source, cue):
    c = claim(sentence)
    assert (c["source"], c["cue"]) == (source, cue)


def test_first_person_analysis_is_the_author():
    c = claim("We estimate that the deployment costs $20 million a month.")
    assert (c["source"], c["certainty"]) == ("author", "hedged")


@pytest.mark.parametrize("sentence, certainty", [
    ("Officials said the figure cannot be verified.", "hedged"),
    ("The workers were said to earn $300 a month.", "hedged"),
    ("Kyiv said it would free them if Moscow released its men.", "reported"),
    ("Even if half of that is true, the count is large, Park said.", "hedged"),
    ("I doubt it.", "hedged"),
])
def test_more_certainty(sentence, certainty):
    assert claim(sentence)["certainty"] == certainty


# --------------------------------------------------------------------------- second round (own sentences)

@pytest.mark.parametrize("sentence, source", [
    ("A typical shift lasts 12 hours, he added, with one break.", "he"),
    ("The figure came from the NIS, which told lawmakers about it on Monday.", "the NIS"),
    ("An earlier version of this story said that 500 soldiers died.", "An earlier version of this story"),
])
def test_second_round_sources(sentence, source):
    assert claim(sentence)["source"] == source


@pytest.mark.parametrize("sentence", [
    "Prices rose after Pyongyang announced cash bonuses.",
    "Even if Seoul's estimate is right, the toll is high.",
    "We found no evidence that the channel's claim is true.",
    "Japan pledged ¥400 billion in aid.",
])
def test_second_round_author_sentences(sentence):
    assert claim(sentence)["source"] == "author"


def test_a_role_before_a_name_types_the_source_and_she_finds_the_person_introduced():
    rows = claims("Our Tokyo correspondent, Aiko Mori, told listeners the mood was tense.",
                  "Pastor Kim Min-ji runs a shelter near Paju. She said twelve families had asked for help.")
    assert (rows[0]["source"], rows[0]["source_type"]) == ("Aiko Mori", "media")
    assert rows[2]["source"] == "She (Kim Min-ji)"


def test_a_speculative_verb_without_a_complement_does_not_hedge():
    assert claim("Officials said the losses matter more than the count suggests.")["certainty"] == "reported"


# --------------------------------------------------------------------------- third round (own sentences)

@pytest.mark.parametrize("sentence, source", [
    ("“Certainly,” replied Dr. Jana Novak of the Prague Institute.", "Dr. Jana Novak"),
    ("Anna Lee, a Conservative member of the committee, said that was too low.", "Anna Lee"),
    ("Sir Peter Hall closed the hearing by noting that no figure was agreed.", "Peter Hall"),
    ("By the spring, on the estimate of Ukraine's defence intelligence, 3,000 had died.",
     "Ukraine's defence intelligence"),
    ("Satellite data show that the depot was emptied.", "Satellite data"),
    ("The talks came a day after Lavrov told reporters in Moscow that aid would continue.", "Lavrov"),
])
def test_third_round_sources(sentence, source):
    assert claim(sentence)["source"] == source


def test_it_inside_a_sentence_refers_to_its_opening_organisation():
    c = claim("The NIS has released images that it says show a convoy.")
    assert c["source"] == "it (The NIS)" and c["source_type"] == "intelligence"


@pytest.mark.parametrize("sentence", [
    "I do not know whether the convoy arrived.",
    "NATO says it cannot yet confirm the figure.",
    "The cost is often put at $2,000 a month.",
])
def test_third_round_hedges(sentence):
    assert claim(sentence)["certainty"] == "hedged"


@pytest.mark.parametrize("paragraphs, stype", [
    (["Economist Sara Kowalski said the won fell."], "expert"),
    (["Tom Reed, a Conservative member of the committee, said the figure was low."], "government"),
    (["G7 foreign ministers said the deployment must end."], "government"),
    (["Ukraine's general staff said the unit withdrew."], "military"),
    (["Park Jin, who served in the army before defecting in 2015, said rations were cut."], "other"),
    (["Kim Jong Un visited the front.", "Kim said the soldiers were heroes."], "government"),
])
def test_third_round_source_types(paragraphs, stype):
    assert claims(*paragraphs)[-1]["source_type"] == stype
