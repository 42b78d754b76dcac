"""Numbers as written: digits with separators and scale words, number words,
vague quantities. Pure functions, no state.

>>> parse_number("1,500"), parse_number("2.76 million"), parse_number("12k")
(1500.0, 2760000.0, 12000.0)
>>> words_to_number("twelve thousand"), words_to_number("a dozen")
(12000.0, 12.0)
"""
from __future__ import annotations

import re

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
                "b": 1_000_000_000, "tn": 1_000_000_000_000, "t": 1_000_000_000_000}  # "$1.2T" (after a currency)
# Vague quantities at their smallest literal reading (SCHEMA: "several hundred" = 300,
# "dozens of" = 24, "a few thousand" = 3000; "thousands of" = 2000).
VAGUE_COUNT = {"several": 3, "a few": 3, "few": 3, "a couple of": 2, "a couple": 2, "a handful of": 3}
PLURAL_SCALES = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
                 "billions": 2_000_000_000, "trillions": 2_000_000_000_000, "tens": 20}
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
                "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}


def fraction_value(words: str) -> float | None:
    """'a third' 0.333333, 'four-fifths' 0.8, 'three quarters' 0.75, 'half' 0.5; None if not a fraction."""
    toks = [t for t in re.split(r"[\s-]+", words.lower().strip()) if t]
    if len(toks) == 1 and toks[0] == "half":
        return 0.5
    if len(toks) != 2 or toks[1] not in DENOMINATORS:
        return None
    num = 1 if toks[0] in ("a", "an", "one") else UNITS.get(toks[0])
    if not num:
        return None
    return round(num / DENOMINATORS[toks[1]], 6)


MULTIPLIER_WORDS = {"halved": 0.5, "halving": 0.5, "twice": 2, "double": 2, "doubled": 2, "doubling": 2, "triple": 3, "tripled": 3,
                    "tripling": 3, "treble": 3, "trebled": 3, "trebling": 3, "quadrupled": 4, "quadruple": 4,
                    "quadrupling": 4, "doubles": 2, "triples": 3, "quadruples": 4,
                    "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10,
                    "two-fold": 2, "three-fold": 3, "four-fold": 4, "ten-fold": 10, "hundredfold": 100}

_word_alt = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
NUMBER_WORD = rf"(?:{_word_alt})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
# "twelve thousand", "one hundred and fifty", "a dozen", "two dozen", "a hundred"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def parse_digits(s: str) -> float:
    """'1,500' -> 1500.0, '2.76' -> 2.76, '0.5' -> 0.5."""
    return float(s.replace(",", ""))


def parse_number(s: str) -> float:
    """Digits with an optional scale: '1.5 million', '12k', '$22m' (the $ dropped)."""
    s = s.strip().lstrip("$€£₩₽¥₴").strip()
    m = re.fullmatch(rf"({DIGITS})\s*([A-Za-z]+)?", s)
    if not m:
        raise ValueError(f"not a number: {s!r}")
    value = parse_digits(m.group(1))
    scale = (m.group(2) or "").lower()
    if scale:
        factor = SCALES.get(scale) or SHORT_SCALES.get(scale)
        if factor is None:
            raise ValueError(f"unknown scale {scale!r} in {s!r}")
        value *= factor
    return value


def words_to_number(s: str) -> float:
    """Number words to a value: 'four' 4, 'twenty-five' 25, 'one hundred and fifty' 150,
    'twelve thousand' 12000, 'a dozen' 12, 'two dozen' 24, 'a hundred' 100."""
    tokens = [t for t in re.split(r"[\s-]+", s.lower().strip()) if t and t != "and"]
    if not tokens:
        raise ValueError("no number words")
    total, current = 0.0, 0.0
    for tok in tokens:
        if tok == "a":
            current = 1
        elif tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in SCALES:
            total += (current or 1) * SCALES[tok]
            current = 0
        else:
            raise ValueError(f"not a number word: {tok!r}")
    return total + current


_ORDINAL_ENDS = {"first": "one", "second": "two", "third": "three", "fifth": "five", "eighth": "eight",
                 "ninth": "nine", "twelfth": "twelve"}
ORDINAL_WORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                r"(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|"
                r"hundredth|thousandth)")
# "fourth", "thirty-first", "two hundred and forty-eighth": number words (at most six) ending in an ordinal
ORDINAL_WORDS = rf"(?:(?:{NUMBER_WORD}|hundred|thousand)[ \t-]+(?:and[ \t]+)?){{0,6}}{ORDINAL_WORD}"
CARDINAL_WORDS = rf"(?:{NUMBER_WORD})(?:[ \t-]+(?:and[ \t]+)?(?:{NUMBER_WORD}|hundred|thousand)){{0,6}}"


def ordinal_value(s: str) -> int:
    """Ordinal words to their number: 'fourth' 4, 'thirty-first' 31, 'two hundred and forty-eighth' 248."""
    words = re.split(r"([\s-]+)", s.strip().lower())
    last = words[-1]
    cardinal = _ORDINAL_ENDS.get(last) or (last[:-4] + "y" if last.endswith("ieth") else last[:-2])
    return int(words_to_number("".join(words[:-1]) + cardinal))


def to_number(s: str) -> float:
    """Digits or words, whichever ``s`` is."""
    s = s.strip()
    return parse_number(s) if s[:1].isdigit() or s[:1] in "$€£₩₽¥₴" else words_to_number(s)


def fmt_value(x: float | None) -> str:
    """A value as the tables write it: integers without '.0', else up to 6 decimals."""
    if x is None:
        return ""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.6f}".rstrip("0").rstrip(".")


assert parse_number("1,500") == 1500 and parse_number("1.5 million") == 1_500_000
assert parse_number("12k") == 12_000 and words_to_number("four") == 4
assert words_to_number("one hundred and fifty") == 150 and words_to_number("twelve thousand") == 12_000
assert fmt_value(0.333333) == "0.333333" and fmt_value(1500.0) == "1500"
