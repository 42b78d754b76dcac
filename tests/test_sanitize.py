"""tests/sanitize.cfg hides what varies between runs from nbval, never the figures the notebooks show."""
from __future__ import annotations

import configparser
import re
from pathlib import Path

import pytest

CFG = Path(__file__).resolve().parent / "sanitize.cfg"


def rules() -> list[tuple[str, str, str]]:
    """(section, regex, replace) for every section of sanitize.cfg, read as the ini file it is."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(CFG, encoding="utf-8")
    return [(name, parser[name]["regex"], parser[name]["replace"]) for name in parser.sections()]


def sanitize(text: str) -> str:
    """What nbval does with each output: every rule's re.sub in turn."""
    for _, regex, replace in rules():
        text = re.sub(regex, replace, text)
    return text


def test_every_section_is_a_rule_nbval_reads() -> None:
    from nbval.plugin import get_sanitize_patterns

    ours = [(regex, replace) for _, regex, replace in rules()]
    assert ours, "no rules in sanitize.cfg"
    assert get_sanitize_patterns(CFG.read_text(encoding="utf-8")) == ours
    for _, regex, _ in rules():
        re.compile(regex)


FIGURES = [
    "the 1950s",
    "in the 1990s and the 90s",
    "1,500 troops",
    "$4,270",
    "USD 4,270 a month",
    "2024-10-21",
    "published 2024-10-21, updated 2024-10-22",
    "36 to 60 million",
    "3.5 percent",
    "12.5%",
    "a 30-minute speech",
    "for 30 minutes",
    "10 seconds later",
    "version 2 of the plan",
    "1.5 million people",
    "0.3 s.d. above",
    "2,500.75 dollars",
    "US$1.2 billion",
    "sentence 3 (chars 120-180)",
    "https://example.com/news/2024/10/21/story",
    "a 2.5% raise, i.e. 1.2 points",
]


@pytest.mark.parametrize("text", FIGURES)
def test_figures_survive_unchanged(text: str) -> None:
    assert sanitize(text) == text


VARYING = [
    ("wrote /tmp/af-processed-x1y2/figures.csv", "wrote <PATH>"),
    ("in /home/ana/articlefacts/reports", "in <PATH>"),
    (r"C:\Users\ana\reports\figures.csv", "<PATH>"),
    ("run at 2024-10-21T14:03:22.123Z", "run at <TIMESTAMP>"),
    ("run at 2024-10-21 14:03", "run at <TIMESTAMP>"),
    ("<object at 0x7f3a2b1c4d50>", "<object at <ADDRESS>>"),
    ("pandas 2.2.3", "pandas <VERSION>"),
    ("took 3.2 s", "took <DURATION>"),
    ("took 0.45s", "took <DURATION>"),
    ("done in 3.2 s.", "done in <DURATION>."),
    ("took 1.5 min", "took <DURATION>"),
    ("120 ms per article", "<DURATION> per article"),
    ("extracted in 12.03 seconds", "extracted in <DURATION>"),
]


@pytest.mark.parametrize(("text", "expected"), VARYING)
def test_varying_things_are_replaced(text: str, expected: str) -> None:
    assert sanitize(text) == expected
