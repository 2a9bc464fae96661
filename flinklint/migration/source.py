"""The legacy file line by line: what each line is to Flink, and its parts as written.

Lines are split as Flink's reader splits them (``\\n``, ``\\r\\n`` or a lone ``\\r``); each
keeps its own line ending so that the output can use it again. The entries come from the
legacy loader, which decides what Flink reads; a line with text that produced no entry is one
Flink drops.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from flinklint.flink_config import Entry
from flinklint.loader.text import java_lines, trim
from flinklint.migration.scalars import printable

_SEPARATOR = re.compile(r" *: +")
_SPACES = re.compile(r" *")


class Kind(StrEnum):
    BLANK = "blank"
    COMMENT = "comment"  # nothing but a comment
    ENTRY = "entry"  # a key and a value Flink reads
    DROPPED = "dropped"  # text that Flink's legacy parser skips


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    text: str  # without the line ending
    ending: str  # "\n", "\r\n", "\r", or "" for a last line without one
    kind: Kind
    entry: Entry | None = None
    comment: str = ""  # from the first '#' on
    indent: str = ""  # before a comment-only line's '#' (a blank line's text) if only spaces
    gap: str = ""  # between an entry's value and its comment
    separator: str = ": "  # between an entry's key and value


def read_lines(text: str, entries: Sequence[Entry]) -> list[Line]:
    """Every line of ``text`` (BOM removed) classified with the loader's ``entries``."""
    by_line = {entry.line: entry for entry in entries}
    bounds = java_lines(text) if text else []
    lines = []
    for number, (start, end) in enumerate(bounds, 1):
        following = bounds[number][0] if number < len(bounds) else len(text)
        lines.append(_line(number, text[start:end], text[end:following], by_line.get(number)))
    return lines


def _line(number: int, text: str, ending: str, entry: Entry | None) -> Line:
    cut = text.find("#")
    comment = text[cut:] if cut >= 0 else ""
    if entry is not None:
        return _entry_line(number, text, ending, entry, cut)
    start, end = trim(text, 0, cut if cut >= 0 else len(text))
    if start < end:
        return Line(number, text, ending, Kind.DROPPED, comment=comment)
    if not comment:
        spaces = text if _SPACES.fullmatch(text) else ""
        return Line(number, text, ending, Kind.BLANK, indent=spaces)
    indent = text[:cut] if _SPACES.fullmatch(text[:cut]) else ""
    return Line(number, text, ending, Kind.COMMENT, comment=comment, indent=indent)


def _entry_line(number: int, text: str, ending: str, entry: Entry, cut: int) -> Line:
    assert entry.value_span is not None
    key_end, value_start = entry.key_span.end_column, entry.value_span.column - 1
    value_end = entry.value_span.end_column
    separator = text[key_end:value_start]
    if not _SEPARATOR.fullmatch(separator):
        separator = ": "
    comment = gap = ""
    if cut >= 0:
        comment, gap = text[cut:], text[value_end:cut]
        if not gap or not _SPACES.fullmatch(gap):
            gap = " "
    return Line(number, text, ending, Kind.ENTRY, entry, comment, "", gap, separator)


def comment_text(text: str) -> str:
    """``text`` fit for a YAML comment: characters YAML refuses there written as ``\\uXXXX``."""
    if all(printable(ch) or ch == "\t" for ch in text):
        return text
    return "".join(ch if printable(ch) or ch == "\t" else f"\\u{ord(ch):04x}" for ch in text)


def content(line: Line) -> str:
    """The line without its indentation, for quoting it in a comment (its own comment whole)."""
    start, end = trim(line.text, 0, len(line.text))
    return line.text[start:] if "#" in line.text else line.text[start:end]
