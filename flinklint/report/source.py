"""The linted text as lines, and the text after a fix, for showing fixes and reading keys.

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as Flink's readers and YAML count them;
positions are 1-based and count code points, as in :mod:`flinklint.findings`.
"""

from __future__ import annotations

from collections.abc import Iterable

from flinklint.findings import Edit


def source_lines(text: str) -> list[str]:
    """The lines of ``text`` without their line breaks (a final break ends the last line)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if len(lines) > 1 and not lines[-1] else lines


def _line_starts(text: str) -> list[int]:
    import re

    return [0, *(match.end() for match in re.finditer(r"\r\n|\r|\n", text))]


def offset(text: str, starts: list[int], line: int, column: int) -> int:
    """The index in ``text`` of (line, column); past the end clamps to the end."""
    if line > len(starts):
        return len(text)
    return min(starts[line - 1] + max(column, 1) - 1, len(text))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with every edit applied, back to front (edits must not overlap)."""
    starts = _line_starts(text)
    ordered = sorted(edits, key=lambda e: (e.line, e.column, e.end_line, e.end_column))
    for edit in reversed(ordered):
        begin = offset(text, starts, edit.line, edit.column)
        end = max(offset(text, starts, edit.end_line, edit.end_column), begin)
        text = text[:begin] + edit.content + text[end:]
    return text
