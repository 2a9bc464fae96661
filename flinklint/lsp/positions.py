"""Positions between flinklint (1-based lines, columns in code points) and LSP (0-based).

LSP counts a line's characters in the code units of the encoding agreed at start-up: UTF-16 by
default (a character beyond U+FFFF is two), UTF-8 or UTF-32 when the client offers them. Lines
end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as in the LSP specification and in
:func:`flinklint.edits.line_starts` (``str.splitlines`` would also break at U+2028 and others,
which LSP clients do not).
"""

from __future__ import annotations

from flinklint.edits import line_starts
from flinklint.findings import Edit, Span

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in code units of ``encoding``."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Lines:
    """The lines of one text, for turning positions one way and the other."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = line_starts(text)

    def line(self, index: int) -> str:
        """Line ``index`` (0-based) without its line break; empty past the end."""
        if not 0 <= index < len(self.starts):
            return ""
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def to_client(self, line: int, column: int) -> tuple[int, int]:
        """1-based line and code-point column -> 0-based line and code-unit character."""
        text = self.line(line - 1)
        if line - 1 >= len(self.starts):  # just past the last line (deleting the last line)
            last = len(self.starts) - 1
            return last, units(self.line(last), self.encoding)
        return line - 1, units(text[: max(column - 1, 0)], self.encoding)

    def from_client(self, line: int, character: int) -> tuple[int, int]:
        """0-based line and code-unit character -> 1-based line and code-point column."""
        text = self.line(line)
        if self.encoding == UTF32 or text.isascii():
            return line + 1, min(character, len(text)) + 1
        count = 0
        for index, ch in enumerate(text):
            if count >= character:
                return line + 1, index + 1
            count += units(ch, self.encoding)
        return line + 1, len(text) + 1

    def span(self, span: Span) -> tuple[tuple[int, int], tuple[int, int]]:
        """A finding's span (end included) as an LSP range (end excluded)."""
        return self.to_client(span.line, span.column), self.to_client(
            span.end_line, span.end_column + 1
        )

    def edit(self, edit: Edit) -> tuple[tuple[int, int], tuple[int, int]]:
        """An edit's half-open range as an LSP range."""
        return self.to_client(edit.line, edit.column), self.to_client(
            edit.end_line, edit.end_column
        )

    def end(self) -> tuple[int, int]:
        """The position just past the last character."""
        last = len(self.starts) - 1
        return last, units(self.text[self.starts[last]:], self.encoding)
