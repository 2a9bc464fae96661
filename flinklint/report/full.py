"""The ``full`` format: each finding with its source lines, and its fix as a diff.

::

    conf/flink-conf.yaml:3:34: FL203 [*] [error] Process size 100m is below the minimum
      |
    2 | jobmanager.rpc.address: localhost
    3 | taskmanager.memory.process.size: 100m
      |                                  ^^^^ Process size 100m is below the minimum
    4 | parallelism.default: 1
      |
      = help: Raise it to 1728m (safe fix)
        @@ -3 +3 @@
        -taskmanager.memory.process.size: 100m
        +taskmanager.memory.process.size: 1728m

Each finding ends with a blank line; the caller adds the summary line. Without the file's
text in ``sources`` a finding shows its header and message only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from flinklint.findings import Applicability, Edit, Finding
from flinklint.report.terminal import (
    BOLD,
    CYAN,
    GREEN,
    RED,
    SEVERITY_COLORS,
    header,
    paint,
    visible,
)

if TYPE_CHECKING:
    from flinklint.report.input import ReportInput

DIFF_CONTEXT = 1


def full(data: ReportInput, color: bool) -> str:
    return "".join("\n".join(block(f, data, color)) + "\n\n" for f in data.findings)


def block(finding: Finding, data: ReportInput, color: bool) -> list[str]:
    """The lines shown for one finding."""
    from flinklint.report.excerpt import excerpt
    from flinklint.report.source import source_lines

    lines = [header(finding, data, color)]
    text = data.sources.get(finding.path)
    message = visible(finding.message)
    style = BOLD + SEVERITY_COLORS[finding.severity]
    if text is None:
        lines.append(f"  = {message}")
    else:
        lines += excerpt(_lines(text, source_lines), finding.span, message, style, color)
    return lines + fix_lines(finding, text, data, color)


# the lines (and line starts) of the texts being reported, split once for all their findings:
# a file of thousands of findings was split again for each
_SPLIT: dict[tuple[int, str], tuple[str, object]] = {}


def _lines(text: str, split: Callable[[str], Any]) -> Any:
    found = _SPLIT.get((id(text), split.__name__))
    if found is None or found[0] is not text:
        if len(_SPLIT) > 16:
            _SPLIT.clear()
        found = _SPLIT[id(text), split.__name__] = (text, split(text))
    return found[1]


def fix_lines(finding: Finding, text: str | None, data: ReportInput, color: bool) -> list[str]:
    """``= help: <fix message> (safe fix)`` and the change as a unified diff."""
    fix = finding.fix
    if fix is None:
        return []
    if fix.applicability is Applicability.SAFE:
        kind = "safe fix"
    elif data.unsafe_fixes_enabled:
        kind = "unsafe fix"
    else:
        kind = f"unsafe fix, applied with {data.unsafe_flag_hint}"
    lines = [f"  = {paint('help', BOLD + CYAN, color)}: {visible(fix.message)} ({kind})"]
    if text is not None:
        lines += [f"    {line}" for line in diff(text, fix.edits, color)]
    return lines


WINDOW = 400  # from this many lines on, a fix is diffed within the lines around its edits


def diff(text: str, edits: Sequence[Edit], color: bool) -> list[str]:
    """The fix's change to ``text`` as unified diff hunks (no file header)."""
    from flinklint.edits import EditError, apply_edits
    from flinklint.report.source import source_lines

    starts = _lines(text, _line_starts)
    if len(starts) > WINDOW and edits:  # the edited lines with a margin, not the whole file
        text, edits, first = _window(text, starts, edits)
    else:
        first = 0
    before = source_lines(text)
    try:
        after = source_lines(apply_edits(text, edits))
    except EditError:  # edits that do not fit this text: no change to show
        return []
    hunks = _hunks(before, after, first)
    styles = {"-": RED, "+": GREEN, "@": CYAN}
    shown = [visible(line, keep_tabs=True) for line in hunks]
    return [paint(line, styles.get(line[:1], ""), color) for line in shown]


def _hunks(before: list[str], after: list[str], offset: int) -> list[str]:
    """Unified diff hunks of ``before`` -> ``after``, as ``difflib.unified_diff`` writes them,
    with line numbers ``offset`` lines further down. Without difflib's "autojunk" heuristic,
    which treats lines frequent in a text of 200 lines or more (blank ones) as junk: then a
    fix's window and the whole file could be aligned differently."""
    import difflib

    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for group in matcher.get_grouped_opcodes(DIFF_CONTEXT):
        (_, a1, _, b1, _), (_, _, a2, _, b2) = group[0], group[-1]
        out.append(f"@@ -{_range(a1 + offset, a2 - a1)} +{_range(b1 + offset, b2 - b1)} @@")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in before[i1:i2]]
                continue
            out += ["-" + line for line in before[i1:i2]]
            out += ["+" + line for line in after[j1:j2]]
    return out


def _range(start: int, length: int) -> str:
    """``start,length`` of a hunk header, 1-based (``start`` alone for one line; an empty range
    names the line before it)."""
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _line_starts(text: str) -> list[int]:
    from flinklint.edits import line_starts

    return line_starts(text)


def _window(text: str, starts: list[int], edits: Sequence[Edit]) -> tuple[str, list[Edit], int]:
    """The lines around ``edits`` (the context and two more each side), the edits moved into
    them, and how many lines come before them."""
    margin = DIFF_CONTEXT + 2
    low = max(1, min(e.line for e in edits) - margin)
    high = max(e.end_line for e in edits) + margin
    end = starts[high] if high < len(starts) else len(text)
    moved = [Edit(e.line - low + 1, e.column, e.end_line - low + 1, e.end_column, e.content)
             for e in edits]
    return text[starts[low - 1]:end], moved, low - 1
