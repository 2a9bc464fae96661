"""Apply fixes as text edits, prove them, and write files atomically.

Edits are applied to the decoded text at the positions the loader recorded, back to front, so
every byte no edit aims at stays as it was: comments, blank lines, indentation, quoting,
``\\r\\n`` or ``\\n`` line ends, a byte-order mark. Nothing is ever re-dumped from a YAML tree.
Text an edit inserts is written with the file's own line ending.

Overlapping edits cannot both be applied; the later one (in finding order) waits for the next
round, when it is recomputed against the new text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from flinklint.findings import Edit, Fix

BOM = "\ufeff"


class EditError(ValueError):
    """An edit that points outside the text (a bug in the rule that made it)."""


def newline_of(text: str) -> str:
    """The file's dominant line ending (``\\n`` when it has none)."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts (lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``)."""
    starts = [0]
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" or ch == "\r":
            i += 2 if ch == "\r" and i + 1 < n and text[i + 1] == "\n" else 1
            starts.append(i)
        else:
            i += 1
    return starts


def _offset(starts: list[int], text: str, line: int, column: int) -> int:
    if line == len(starts) + 1 and column == 1:
        return len(text)  # just past the end: deleting the last line
    if not 1 <= line <= len(starts) or column < 1:
        raise EditError(f"edit position {line}:{column} is outside the text")
    offset = starts[line - 1] + column - 1
    if offset > len(text):
        raise EditError(f"edit position {line}:{column} is outside the text")
    return offset


def _ranges(text: str, edits: Iterable[Edit]) -> list[tuple[int, int, str]]:
    starts = line_starts(text)
    newline = newline_of(text)
    out = []
    for edit in edits:
        start = _offset(starts, text, edit.line, edit.column)
        end = _offset(starts, text, edit.end_line, edit.end_column)
        if end < start:
            raise EditError(f"edit ends before it starts at {edit.line}:{edit.column}")
        content = edit.content.replace("\n", newline) if newline != "\n" else edit.content
        out.append((start, end, content))
    return out


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits; raises EditError if two overlap or one is out of range."""
    ranges = sorted(_ranges(text, edits), key=lambda r: (r[0], r[1]))
    for (_, end, _), (start, _, _) in itertools.pairwise(ranges):
        if start < end:
            raise EditError("overlapping edits")
    for start, end, content in reversed(ranges):
        text = text[:start] + content + text[end:]
    return text


def compatible(text: str, fixes: Sequence[Fix]) -> list[Fix]:
    """The longest prefix-greedy subset of ``fixes`` whose edits do not overlap."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for fix in fixes:
        try:
            spans = [(s, e) for s, e, _ in _ranges(text, fix.edits)]
        except EditError:
            continue
        if all(_disjoint(span, other) for span in spans for other in taken):
            taken.extend(spans)
            chosen.append(fix)
    return chosen


def _disjoint(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] == b[0] == b[1]:
        return False  # two insertions at one place: order would be ambiguous
    return a[1] <= b[0] or b[1] <= a[0]


def encode(text: str, had_bom: bool, encoding: str = "utf-8") -> bytes:
    body = text[1:] if text.startswith(BOM) else text
    return ((BOM if had_bom else "") + body).encode(encoding)
