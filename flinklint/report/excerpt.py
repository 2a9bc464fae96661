"""Source lines with a line-number gutter and a caret line under a span, for ``full``.

Columns count code points; on screen a tab takes four cells, a wide (East Asian) character
two, a combining mark none and a control character its escape, so carets stay under the
characters they point at. A line longer than :data:`MAX_SHOWN` characters is shown cut to
the part around the span (``…`` where it was cut): a 2 MB line took seconds per finding.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from flinklint.findings import Span
from flinklint.report.terminal import BLUE, BOLD, paint, visible

TAB = "    "
CONTEXT = 1  # lines shown before and after the span
MAX_SPAN_LINES = 6  # longer spans show their first and last lines around an ellipsis
MAX_SHOWN = 400  # characters of one line shown
CUT = "\u2026"


def cells(line: str) -> list[tuple[str, int]]:
    """Each character of ``line`` as (what is shown, how many cells it takes)."""
    shown: list[tuple[str, int]] = []
    for char in line:
        if char == "\t":
            shown.append((TAB, len(TAB)))
        elif visible(char) != char:
            shown.append((visible(char), len(visible(char))))
        elif unicodedata.combining(char):
            shown.append((char, 0))
        else:
            wide = unicodedata.east_asian_width(char) in ("W", "F")
            shown.append((char, 2 if wide else 1))
    return shown


def underline(line: str, start: int, end: int) -> str:
    """Spaces then carets under columns ``start``..``end`` (1-based, inclusive) of ``line``."""
    shown = cells(line)
    widths = [width for _, width in shown] + [1] * max(0, end - len(shown))
    before = sum(widths[: start - 1])
    under = sum(widths[start - 1 : end])
    return " " * before + "^" * max(under, 1)


def shown_lines(span: Span, count: int) -> list[int | None]:
    """The line numbers to show around ``span`` (``None`` stands for an elided run)."""
    first = max(1, span.line - CONTEXT)
    last = max(min(count, span.end_line + CONTEXT), span.end_line)
    numbers: list[int | None] = [
        n for n in range(first, last + 1) if n <= count or span.line <= n <= span.end_line
    ]
    if span.end_line - span.line + 1 > MAX_SPAN_LINES:
        keep = MAX_SPAN_LINES // 2
        head = [n for n in numbers if n is not None and n < span.line + keep]
        tail = [n for n in numbers if n is not None and n > span.end_line - keep]
        numbers = [*head, None, *tail]
    return numbers


def excerpt(lines: Sequence[str], span: Span, label: str, style: str, color: bool) -> list[str]:
    """The gutter block: context, the spanned lines, carets, ``label`` after the last caret."""
    numbers = shown_lines(span, len(lines))
    width = len(str(max((n for n in numbers if n is not None), default=span.line)))
    bar = paint(" " * width + " |", BOLD + BLUE, color)
    out = [bar]
    for number in numbers:
        if number is None:
            out.append(paint("." * width + " |", BOLD + BLUE, color) + " ...")
            continue
        text = lines[number - 1] if number <= len(lines) else ""
        start = span.column if number == span.line else 1
        end = span.end_column if number == span.end_line else max(len(text), start)
        text, shift = _cut(text, start if span.line <= number <= span.end_line else 1)
        start, end = start - shift, max(end - shift, start - shift)
        gutter = paint(f"{number:>{width}} |", BOLD + BLUE, color)
        out.append(f"{gutter} {''.join(shown for shown, _ in cells(text))}".rstrip())
        if span.line <= number <= span.end_line:
            end = min(end, len(text))
            tail = " " + label if number == span.end_line else ""
            out.append(f"{bar} {paint(underline(text, start, end), style, color)}{tail}")
    out.append(bar)
    return out


def _cut(text: str, column: int) -> tuple[str, int]:
    """At most :data:`MAX_SHOWN` characters of ``text`` from a little before ``column``, and by
    how many columns the ones shown moved left."""
    if len(text) <= MAX_SHOWN:
        return text, 0
    first = max(0, min(column - 1 - MAX_SHOWN // 4, len(text) - MAX_SHOWN))
    shown = text[first:first + MAX_SHOWN]
    head = CUT if first else ""
    return head + shown + (CUT if first + MAX_SHOWN < len(text) else ""), first - len(head)
