"""The highlighted article: all text escaped (a hostile article is shown, never run), every figure
and claim marked, well-nested HTML."""
from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import articlefacts as af
from articlefacts import highlight
from articlefacts.errors import InputError

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_ID = "000_386969d4a653bff8"

HOSTILE = ("Title <script>alert('title')</script>\n"
           "By <b>Nobody</b>\n"
           "The NIS said 1,500 troops <script>alert(\"x\")</script> were sent. "
           "<img src=x onerror=alert(1)> **Markdown** [link](javascript:alert(1)) & \"quotes\".\n"
           "Experts say the number may rise to as many as 12,000 troops <iframe src=//evil>.\n")


class Nesting(HTMLParser):
    """Checks that every tag closes in order; records the tags seen and, for each figure mark,
    the class of the claim span around it."""

    VOID = {"br", "img", "meta"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: set[str] = set()
        self.claim_class = ""
        self.figure_in: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        a = dict(attrs)
        if tag == "span" and "data-claim-id" in a:
            self.claim_class = a["class"]
        if tag == "mark":
            self.figure_in[a["data-figure-id"]] = self.claim_class
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def visible_text(markup: str) -> str:
    markup = re.sub(r"<sup[^>]*>.*?</sup>", "", markup)          # the figure-id labels
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


@pytest.fixture(scope="module")
def hostile() -> tuple[str, af.Tables, str]:
    tables = af.extract_article(HOSTILE, "evil", dt.date(2024, 10, 21))
    meta = {"title": "<script>alert('meta')</script>", "outlet": "<i>Outlet</i>", "published": "2024-10-21",
            "url": "javascript:alert(1)"}
    return HOSTILE, tables, highlight.article_html(HOSTILE, tables.figures, tables.claims, meta)


def test_hostile_article_is_escaped_never_markup(hostile) -> None:
    text, tables, out = hostile
    lowered = out.lower()
    for tag in ("<script", "<img", "<iframe", "<b>", "<i>"):
        assert tag not in lowered
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    shown = visible_text(out)
    assert "<img src=x onerror=alert(1)>" in shown and "**Markdown**" in shown
    assert 'href="javascript' not in lowered                                  # the url is text, not a link
    parser = Nesting()
    parser.feed(out)
    assert parser.stack == []
    assert parser.tags <= {"div", "span", "mark", "sup", "p", "h3", "h4", "br"}


def test_every_character_of_the_article_is_shown(hostile) -> None:
    text, _, out = hostile
    shown = visible_text(out)
    for line in text.splitlines():
        assert line.strip() in shown


def test_figures_marked_with_id_and_kind_claims_coloured_by_certainty(hostile) -> None:
    _, tables, out = hostile
    assert len(tables.figures) >= 2
    for f in tables.figures.itertuples():
        mark = re.search(rf'<mark [^>]*data-figure-id="{f.figure_id}"[^>]*title="([^"]*)"', out)
        assert mark, f.figure_id
        assert mark.group(1).startswith(f"{f.figure_id.rsplit('-', 1)[-1]} · {f.kind}")
    hedged = tables.claims[tables.claims["text"].str.contains("may rise")].iloc[0]
    assert hedged["certainty"] == "hedged"
    span = re.search(rf'<span class="af-claim af-hedged" data-claim-id="{hedged.claim_id}"[^>]*'
                     rf'background:{highlight.CERTAINTY_BG["hedged"]}', out)
    assert span
    bound = tables.figures[tables.figures["text"] == "as many as 12,000 troops"].iloc[0]
    short = bound["figure_id"].rsplit("-", 1)[-1]
    assert f'title="{short} · personnel · upper_bound: at most 12,000 troops' in out


def test_seed_article_every_figure_and_claim_is_marked() -> None:
    corpus = af.load_corpus(SEEDS)
    out = highlight.corpus_article_html(corpus, SEEDS, SEED_ID)
    assert set(re.findall(r'data-figure-id="([^"]+)"', out)) == set(corpus.figures["figure_id"])
    assert set(re.findall(r'data-claim-id="([^"]+)"', out)) == set(corpus.claims["claim_id"])
    assert "tex2jax_ignore" in out                                            # "$500 ... $3,000" is not maths
    parser = Nesting()
    parser.feed(out)
    assert parser.stack == []
    figs = corpus.figures.set_index("text")["figure_id"]
    # "as many as 12,000 troops" sits in a hedged sentence ("Intelligence agencies anticipate ... could")
    assert parser.figure_in[figs["as many as 12,000 troops"]] == "af-claim af-hedged"
    # "1,500 troops" in a reported one ("According to a press release from ... NIS")
    assert parser.figure_in[figs["1,500 troops"]] == "af-claim af-reported"


def test_unknown_article_is_a_one_line_error() -> None:
    corpus = af.load_corpus(SEEDS)
    with pytest.raises(InputError, match="no article 'nope'"):
        highlight.corpus_article_html(corpus, SEEDS, "nope")
