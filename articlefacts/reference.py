"""The reference record of official estimates, and how a figure compares with it.

- :func:`load_reference` reads ``articlefacts/refdata/reference_estimates.csv`` (package data,
  read with :mod:`importlib.resources`, so an installed package has it too; provenance in
  ``articlefacts/refdata/README.md``), or another file of the same columns.
- :func:`compare_values` says how one value (a point, a range or a bound) stands to another.
- :class:`ReferenceIndex` / :func:`reference_status` find the reference estimate *in force* at a
  date and compare a figure or an estimate with it.

"In force" at a date: the latest reference row of the same measure (for pay: also the same
currency and period) reported on or before that date, **from the same canonical source when
that source has one, else from any source**. A source repeating its own earlier number is then
compared with its own record, not with another source's newer one (the NIS's 1,500 is not "lower"
than the Pentagon's 10,000); a source the record does not cover is compared with the latest
official number of any source. When several rows share that latest date, a row the value
matches, else one it lies within, else the first in file order is named.
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import importlib.resources
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from .errors import InputError
from .tables import read_reference_text

REFERENCE_RESOURCE = importlib.resources.files(__package__).joinpath("refdata", "reference_estimates.csv")
REFERENCE_COLUMNS = ["date_reported", "source", "source_type", "measure", "value_low", "value_high", "qualifier",
                     "unit", "per", "statement", "reported_by", "url"]
MEASURES = ("deployed", "planned", "casualties", "killed", "wounded", "captured", "pay")
QUALIFIERS = ("exact", "approx", "upper_bound", "lower_bound", "range")
STATUSES = ("matches", "within_range", "higher", "lower", "no_reference")
STATUS_RANK = {"matches": 0, "within_range": 1}   # which of several same-day rows to name


# --------------------------------------------------------------------------- reading

def _number(text: str, where: str, column: str) -> float:
    text = text.strip()
    if not text:
        return math.nan
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        raise InputError(where, f"{column} is not a number: {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise InputError(where, f"{column} must be a non-negative number (found {text!r})")
    return value


def _check_bounds(low: float, high: float, qualifier: str, where: str) -> None:
    has_low, has_high = not math.isnan(low), not math.isnan(high)
    need = {"lower_bound": (True, False), "upper_bound": (False, True)}.get(qualifier, (True, True))
    if (has_low, has_high) != need:
        wanted = {(True, False): "value_low only", (False, True): "value_high only",
                  (True, True): "both value_low and value_high"}[need]
        raise InputError(where, f"a {qualifier} row needs {wanted}")
    if has_low and has_high and low > high:
        raise InputError(where, f"value_low {low:g} is above value_high {high:g}")


@functools.lru_cache(maxsize=4)
def _read(path: str, stamp: tuple) -> pd.DataFrame:
    p = Path(path)
    text = read_reference_text(p, "the reference estimates")
    try:
        rows = list(csv.reader(text.splitlines(), strict=True))
    except csv.Error as exc:
        raise InputError(p, f"not a CSV table ({exc})") from None
    if not rows or [h.strip() for h in rows[0]] != REFERENCE_COLUMNS:
        raise InputError(f"{p} line 1", f"the header must be '{','.join(REFERENCE_COLUMNS)}'")
    records = []
    for line, row in enumerate(rows[1:], start=2):   # one record a line (no field spans lines in this table)
        if not any(c.strip() for c in row):
            continue
        where = f"{p} line {line}"
        if len(row) != len(REFERENCE_COLUMNS):
            raise InputError(where, f"{len(row)} fields, expected {len(REFERENCE_COLUMNS)} "
                                    "(a comma in an unquoted field? quote it)")
        rec = dict(zip(REFERENCE_COLUMNS, (c.strip() for c in row)))
        try:
            dt.date.fromisoformat(rec["date_reported"])
        except ValueError:
            raise InputError(where, f"date_reported is not a YYYY-MM-DD date: {rec['date_reported']!r}") from None
        if rec["measure"] not in MEASURES:
            raise InputError(where, f"unknown measure {rec['measure']!r} (one of {', '.join(MEASURES)})")
        if rec["qualifier"] not in QUALIFIERS:
            raise InputError(where, f"unknown qualifier {rec['qualifier']!r} (one of {', '.join(QUALIFIERS)})")
        if not rec["source"]:
            raise InputError(where, "source is empty")
        rec["value_low"] = _number(rec["value_low"], where, "value_low")
        rec["value_high"] = _number(rec["value_high"], where, "value_high")
        _check_bounds(rec["value_low"], rec["value_high"], rec["qualifier"], where)
        rec["reference_row"] = len(records) + 1
        records.append(rec)
    if not records:
        raise InputError(p, "no reference rows")
    df = pd.DataFrame(records, columns=["reference_row", *REFERENCE_COLUMNS])
    df[["value_low", "value_high"]] = df[["value_low", "value_high"]].astype("float64")
    return df


def load_reference(path: str | Path | None = None) -> pd.DataFrame:
    """The reference estimates, one row each: ``reference_row`` (1-based data row number, the header
    not counted) and the file's columns (``value_low``/``value_high`` as floats, NaN when open).

    Without ``path``, the copy shipped with the package. Raises InputError naming the file (and
    line) when it is missing or malformed: a wrong header, a row with too many or too few fields,
    a bad date, measure, qualifier or number, bounds that do not fit the qualifier.
    """
    if path is None:
        with importlib.resources.as_file(REFERENCE_RESOURCE) as p:
            return _read(str(p), (p.stat().st_mtime_ns, p.stat().st_size)).copy()
    p = Path(path)
    stamp = (p.stat().st_mtime_ns, p.stat().st_size) if p.is_file() else ()
    return _read(str(p), stamp).copy()


# --------------------------------------------------------------------------- comparing values

def _is_point(qualifier: str) -> bool:
    return qualifier in ("exact", "approx", "")


def _interval(low: float, high: float, qualifier: str) -> tuple[float, float]:
    """What a value admits: a point or range is itself; a lower bound runs to +inf, an upper to -inf."""
    low = -math.inf if low is None or pd.isna(low) else float(low)
    high = math.inf if high is None or pd.isna(high) else float(high)
    if qualifier == "lower_bound":
        high = math.inf
    elif qualifier == "upper_bound":
        low = -math.inf
    return low, high


def _stated(low: float, high: float) -> list[float]:
    """The numbers a value states (its finite ends)."""
    return [float(v) for v in dict.fromkeys((low, high)) if v is not None and not pd.isna(v)]


def compare_values(low: float, high: float, qualifier: str, ref_low: float, ref_high: float,
                   ref_qualifier: str) -> str:
    """How a value (``low``/``high``/``qualifier`` as in SCHEMA.md) stands to a reference value.

    - ``matches``: the same bounds of the same shape (exact and approx count as one shape, a
      point: "about 4,700" matches "4,700");
    - ``within_range``: every number the value states lies inside what the reference admits (a
      point in a range; 5,000 against "at least 3,000"; "at least 5,000" against "at least 3,000";
      4,000 against "up to 5,000");
    - ``higher`` / ``lower``: its numbers lie above / below what the reference admits (2,000
      against "at least 3,000" is lower; "up to 12,000" against 10,000 is higher). A range that
      straddles the reference goes by its midpoint (inside it: ``within_range``).
    A value that states no number at all gives ``no_reference``.
    """
    same_shape = (_is_point(qualifier) and _is_point(ref_qualifier)) or qualifier == ref_qualifier
    stated, ref_stated = _stated(low, high), _stated(ref_low, ref_high)
    if not stated:
        return "no_reference"
    if same_shape and stated == ref_stated:
        return "matches"
    rlo, rhi = _interval(ref_low, ref_high, ref_qualifier)
    if all(rlo <= v <= rhi for v in stated):
        return "within_range"
    if all(v > rhi for v in stated):
        return "higher"
    if all(v < rlo for v in stated):
        return "lower"
    mid = sum(stated) / len(stated)
    return "higher" if mid > rhi else "lower" if mid < rlo else "within_range"


# --------------------------------------------------------------------------- the reference in force

def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"


def describe_value(low: float, high: float, qualifier: str, unit: str = "", per: str = "") -> str:
    """A value in words: 'about 10,000 soldiers', 'at least 3,000 troops', '11,000–12,000 troops',
    '2,000 USD a month'."""
    lo, hi = (None if pd.isna(low) else low), (None if pd.isna(high) else high)
    if qualifier == "lower_bound" or (hi is None and lo is not None):
        amount = f"at least {_fmt(lo)}"
    elif qualifier == "upper_bound" or (lo is None and hi is not None):
        amount = f"up to {_fmt(hi)}"
    elif lo is None:
        amount = "?"
    elif lo != hi:
        amount = f"{_fmt(lo)}–{_fmt(hi)}"
    else:
        amount = ("about " if qualifier == "approx" else "") + _fmt(lo)
    rate = {"month": " a month", "year": " a year", "person": " per person"}.get(per or "", "")
    return f"{amount} {unit}".rstrip() + rate


@dataclass(frozen=True)
class Found:
    """The outcome of comparing one value with the reference."""

    status: str
    row: int | None = None      # reference_row of the row compared with
    note: str = ""              # that row in words, and whether it is the same source's


class ReferenceIndex:
    """The reference rows indexed by (measure, currency, per) and date, for many look-ups: each one
    costs a binary search, not a pass over the table."""

    def __init__(self, reference: pd.DataFrame) -> None:
        self._rows: dict[tuple, list[dict[str, Any]]] = {}
        for rec in reference.sort_values(["date_reported", "reference_row"], kind="mergesort").to_dict("records"):
            for key in (self._key(rec["measure"], rec["unit"], rec["per"]),
                        self._key(rec["measure"], rec["unit"], rec["per"], rec["source"])):
                self._rows.setdefault(key, []).append(rec)
        self._dates = {k: [r["date_reported"] for r in v] for k, v in self._rows.items()}

    @staticmethod
    def _key(measure: str, unit: str, per: str, source: str | None = None) -> tuple:
        # only pay compares currency and period; people are people whatever the noun
        return (measure, unit or "", per or "", source) if measure == "pay" else (measure, "", "", source)

    def in_force(self, measure: str, date: str, source: str = "", unit: str = "", per: str = ""
                 ) -> tuple[list[dict[str, Any]], bool]:
        """The reference rows in force at ``date`` (ISO; all rows of the latest date on or before
        it) for ``measure``: the same source's when it has one, else any source's; and whether they
        are the same source's."""
        if not date:
            return [], False
        for key, same in ((self._key(measure, unit, per, source), True), (self._key(measure, unit, per), False)):
            if same and not source:
                continue
            dates = self._dates.get(key, [])
            i = bisect.bisect_right(dates, str(date)[:10])
            if i:
                last = dates[i - 1]
                j = bisect.bisect_left(dates, last)
                return self._rows[key][j:i], same
        return [], False

    def status(self, measure: str, low: float, high: float, qualifier: str, date: str, source: str = "",
               unit: str = "", per: str = "") -> Found:
        """How a value of ``measure`` said by ``source`` at ``date`` compares with the reference in force."""
        rows, same = self.in_force(measure, date, source, unit, per)
        if not rows:
            return Found("no_reference", None, f"no reference {measure} estimate on or before {date or '(no date)'}")
        results = [(compare_values(low, high, qualifier, r["value_low"], r["value_high"], r["qualifier"]), r)
                   for r in rows]
        status, rec = min(results, key=lambda sr: STATUS_RANK.get(sr[0], 9))   # first of the best rank
        note = (f"row {rec['reference_row']}: {rec['date_reported']} {rec['source']} {rec['measure']} "
                f"{describe_value(rec['value_low'], rec['value_high'], rec['qualifier'], rec['unit'], rec['per'])}"
                f" ({'same source' if same else 'latest of any source'})")
        return Found(status, int(rec["reference_row"]), note)


def reference_status(item: Mapping[str, Any], reference: pd.DataFrame | ReferenceIndex | None = None
                     ) -> tuple[str, int | None]:
    """``(status, reference_row)`` of one figure or estimate: ``item`` has ``measure``,
    ``value_low``, ``value_high``, ``qualifier``, ``date`` (ISO; the date it is compared at) and
    optionally ``source`` (canonical), ``unit`` and ``per`` (for pay: currency and period).
    ``reference`` defaults to the shipped record. Status is one of :data:`STATUSES`; the row is
    None with ``no_reference``. See the module docstring for which row is in force."""
    index = reference if isinstance(reference, ReferenceIndex) else ReferenceIndex(
        load_reference() if reference is None else reference)
    found = index.status(str(item.get("measure", "")), item.get("value_low"), item.get("value_high"),
                         str(item.get("qualifier", "")), str(item.get("date", "") or ""),
                         str(item.get("source", "") or ""), str(item.get("unit", "") or ""),
                         str(item.get("per", "") or ""))
    return found.status, found.row
