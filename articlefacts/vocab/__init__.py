"""Vocabulary as data: word lists the rules read, one CSV file each, loaded once.

Each file has a header row; a newcomer extends a list by adding a row (and a test
sentence for it in ``tests/test_vocab.py``), not by editing a regular expression.
"""
from __future__ import annotations

import csv
import functools
from importlib import resources


@functools.lru_cache(maxsize=None)
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``vocab/<name>.csv`` as dicts (read once per process)."""
    with resources.files(__package__).joinpath(f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(dict(r) for r in csv.DictReader(fh))
