"""Bytes to text and text to positions, the way Flink's Java readers see them.

Flink reads ``flink-conf.yaml`` through ``BufferedReader.readLine`` (lines end at ``\\n``, ``\\r``
or ``\\r\\n``; nothing else breaks a line) and trims with ``String.trim`` (every character up to
U+0020, not Python's idea of whitespace). Invalid UTF-8 becomes U+FFFD, as Java's decoder does.

A byte-order mark is removed from the text every position is counted in (editors do not count
it as a column); :class:`Decoded` remembers it was there, because the legacy parser keeps it as
part of the first line.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from flinklint.findings import Span
from flinklint.records import dataclass

BOM = "\ufeff"
JAVA_WHITESPACE = "".join(map(chr, range(0x21)))  # what String.trim removes
_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    bom: bool = False
    bad_offset: int | None = None  # offset in ``text`` of the first undecodable byte


def decode(data: bytes | str) -> Decoded:
    """Decode UTF-8 (never fails: undecodable bytes become U+FFFD)."""
    if isinstance(data, str):
        return Decoded(data[1:], True) if data.startswith(BOM) else Decoded(data)
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return Decoded(body.decode("utf-8"), bom)
    except UnicodeDecodeError as err:
        good = len(body[: err.start].decode("utf-8"))
        return Decoded(body.decode("utf-8", "replace"), bom, good)


def java_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each line's content, split as ``BufferedReader.readLine``."""
    if "\r" not in text:
        bounds, start = [], 0
        for line in text.split("\n"):
            end = start + len(line)
            bounds.append((start, end))
            start = end + 1
    else:
        bounds, start = [], 0
        for match in _BREAK.finditer(text):
            bounds.append((start, match.start()))
            start = match.end()
        bounds.append((start, len(text)))
    if bounds and bounds[-1][0] == len(text) and len(bounds) > 1:
        bounds.pop()  # readLine yields no empty line after a final line break
    return bounds


def java_split(text: str) -> list[str]:
    """The lines ``BufferedReader.readLine`` returns, one after another."""
    lines = text.split("\n") if "\r" not in text else _BREAK.split(text)
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of ``text[start:end]`` after Java's ``String.trim``."""
    while start < end and text[start] <= " ":
        start += 1
    while end > start and text[end - 1] <= " ":
        end -= 1
    return start, end


class LineIndex:
    """Offsets to 1-based (line, column) for text whose lines end at ``\\n``/``\\r``/``\\r\\n``."""

    def __init__(self, text: str) -> None:
        self.starts = [start for start, _ in java_lines(text)] or [0]
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_count(self) -> int:
        return len(self.starts)

    def span(self, start: int, end: int, text: str) -> Span:
        """The span of ``text[start:end]`` without trailing whitespace (end included)."""
        while end > start + 1 and text[end - 1] in " \t\r\n":
            end -= 1
        line, column = self.position(start)
        end_line, end_column = self.position(max(end - 1, start))
        return Span(line, column, end_line, end_column)
