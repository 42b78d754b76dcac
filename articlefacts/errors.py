"""Errors a user can cause, reported as one line naming the file and the problem."""
from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad user input: a missing, empty, binary, mis-encoded or malformed file.

    ``str(err)`` is the whole one-line message, e.g.
    ``seeds/a.txt: not UTF-8 text (byte 0xe9 at offset 12); save it as UTF-8``.
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class OutputError(Exception):
    """An output could not be written (read-only folder, full disk)."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
