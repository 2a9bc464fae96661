"""The values every stage passes on: spans, edits, fixes and findings.

All of them are frozen: a finding is never changed after it is made (the engine makes a new one
with ``dataclasses.replace`` when it overrides a severity). This module imports nothing internal
but :mod:`flinklint.records` (``@dataclass`` without its start-up cost).

Positions are 1-based lines and columns counted in characters (code points) of the decoded text,
the way editors, SARIF and GitHub annotations count them. A :class:`Span` includes its end
character (``end_column`` is the column of the last character), as a reader would point at
``key`` in ``key: value``. An :class:`Edit` instead replaces the half-open range
``[start, end)``, so that an insertion (``start == end``) can be expressed; this is the
convention of ruff's JSON fixes.
"""

from __future__ import annotations

from enum import StrEnum

from flinklint.records import dataclass


class Severity(StrEnum):
    """How bad a finding is. Errors mean Flink refuses the file or misreads it silently."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Applicability(StrEnum):
    """Whether ``--fix`` applies a fix on its own (safe) or only with ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A range of text: 1-based, ``end_line``/``end_column`` included."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int = 1) -> Span:
        return cls(line, column, line, column)

    @classmethod
    def whole_line(cls, line: int, length: int) -> Span:
        return cls(line, 1, line, max(length, 1))


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text from (line, column) up to, not including, (end_line, end_column)."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str

    @classmethod
    def replace(cls, span: Span, content: str) -> Edit:
        """An edit replacing exactly the characters of ``span`` (which includes its end)."""
        return cls(span.line, span.column, span.end_line, span.end_column + 1, content)

    @classmethod
    def insert(cls, line: int, column: int, content: str) -> Edit:
        return cls(line, column, line, column, content)

    @classmethod
    def delete_lines(cls, first: int, last: int) -> Edit:
        """Remove whole lines ``first``..``last`` including their line breaks."""
        return cls(first, 1, last + 1, 1, "")


@dataclass(frozen=True, slots=True)
class Fix:
    """A fix is data: what to change and whether it is safe to change it unasked."""

    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place of one file."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    span: Span
    fix: Fix | None = None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)
