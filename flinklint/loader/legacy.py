"""The legacy ``flink-conf.yaml`` reader: Flink's own line parser, not YAML.

Flink up to 1.20 reads the file line by line (``GlobalConfiguration.loadYAMLResource``):
cut the line at the first ``#``, trim it, split it at the first ``": "``, trim key and value,
and keep the pair as two strings. A line without ``": "`` or with an empty key or value is
skipped with a warning in Flink's log. Quotes stay part of the value, there is no nesting and
no escaping, and the last line setting a key wins.

This module reproduces that exactly and records what Flink silently does differently from what
the author probably meant. It must stay cheap to import: no YAML library here.
"""

from __future__ import annotations

from flinklint.findings import Finding, Span
from flinklint.flink_config import Entry
from flinklint.loader import codes
from flinklint.loader.legacy_checks import (
    QUOTES,
    check_entry,
    dropped_line,
    duplicates,
    nested_entry,
)
from flinklint.loader.text import BOM, JAVA_WHITESPACE, java_split, trim
from flinklint.records import dataclass, field


@dataclass
class LegacyResult:
    entries: list[Entry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class _Headers:
    """``key:`` lines seen so far, by indentation: the nesting an author had in mind."""

    stack: list[tuple[int, str, int]] = field(default_factory=list)  # (indent, name, line)
    used: set[int] = field(default_factory=set)  # header lines that have nested entries

    def enter(self, indent: int) -> None:
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()


_NOTHING = Entry("", "", "", Span.point(1), None)  # a line that sets nothing


def parse(text: str, path: str, bom: bool = False) -> LegacyResult:
    """Read ``text`` as Flink's legacy parser does (``bom``: the file started with one)."""
    result, headers = LegacyResult(), _Headers()
    dropped: list[tuple[int, str, int]] = []  # (line number, line text, column shift)
    entries = result.entries
    for number, line in enumerate(java_split(text), 1):
        if number == 1 and bom:  # Java keeps the mark as a character of line 1
            _parse_line(BOM + line, number, -1, path, result, headers, dropped)
            continue
        entry = None if headers.stack else _plain_entry(line, number)
        if entry is None:
            _parse_line(line, number, 0, path, result, headers, dropped)
        elif entry is not _NOTHING:
            entries.append(entry)
    for number, line, shift in dropped:
        if number not in headers.used:
            result.findings.append(dropped_line(line, number, shift, path))
    result.findings.extend(duplicates(result.entries, path))
    return result


def _plain_entry(line: str, number: int) -> Entry | None:
    """The common lines fast: ``key: value``, a comment, a blank (:data:`_NOTHING`).

    None for anything that needs a closer look (``#`` right after text, quotes, no separator).
    """
    cut = line.find("#")
    if cut >= 0:
        if cut and line[cut - 1] > " ":
            return None
        line = line[:cut]
    stripped = line.strip(JAVA_WHITESPACE)
    if not stripped:
        return _NOTHING
    sep = stripped.find(": ")
    if sep <= 0:
        return None
    value = stripped[sep + 2:].lstrip(JAVA_WHITESPACE)
    if not value or value[0] in QUOTES:
        return None
    key = stripped[:sep].rstrip(JAVA_WHITESPACE)
    key_column = len(line) - len(line.lstrip(JAVA_WHITESPACE)) + 1
    value_column = key_column + len(stripped) - len(value)
    return Entry(key, value, value,
                 Span(number, key_column, number, key_column + len(key) - 1),
                 Span(number, value_column, number, value_column + len(value) - 1))


def _parse_line(line: str, number: int, shift: int, path: str, result: LegacyResult,
                headers: _Headers, dropped: list[tuple[int, str, int]]) -> None:
    cut = line.find("#")
    start, end = trim(line, 0, cut if cut >= 0 else len(line))
    if start == end:
        return
    headers.enter(start)
    sep = line.find(": ", start, end)
    key_start, key_end = trim(line, start, sep) if sep >= 0 else (0, 0)
    value_start, value_end = trim(line, sep + 2, end) if sep >= 0 else (0, 0)
    if key_start == key_end or value_start == value_end:
        if sep < 0 and line[end - 1] == ":" and line.find(":", start, end - 1) < 0:
            headers.stack.append((start, line[start:end - 1].strip(), number))
        dropped.append((number, line, shift))
        return
    key, value = line[key_start:key_end], line[value_start:value_end]
    entry = Entry(
        key=key,
        value=value,
        raw=value,
        key_span=_span(number, key_start, key_end, shift),
        value_span=_span(number, value_start, value_end, shift),
    )
    result.entries.append(entry)
    result.findings.extend(check_entry(entry, line, cut, shift, path))
    if shift and line.startswith(BOM):
        result.findings.append(codes.BYTE_ORDER_MARK.at(
            path, Span.point(1, 1),
            f"the file starts with a byte-order mark, which Flink's legacy parser keeps as part "
            f"of the first key: it reads '\\ufeff{key[1:]}', not '{key[1:]}'; save the file as "
            f"UTF-8 without a BOM",
        ))
    if headers.stack:
        headers.used.update(h[2] for h in headers.stack)
        result.findings.append(nested_entry(entry, headers.stack, path))


def _span(number: int, start: int, end: int, shift: int) -> Span:
    return Span(number, max(start + 1 + shift, 1), number, max(end + shift, 1))
