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

from collections.abc import Sequence
from typing import TYPE_CHECKING

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
    from flinklint.report import ReportInput

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
        lines += excerpt(source_lines(text), finding.span, message, style, color)
    return lines + fix_lines(finding, text, data, color)


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


def diff(text: str, edits: Sequence[Edit], color: bool) -> list[str]:
    """The fix's change to ``text`` as unified diff hunks (no file header)."""
    import difflib

    from flinklint.edits import EditError, apply_edits
    from flinklint.report.source import source_lines

    before = source_lines(text)
    try:
        after = source_lines(apply_edits(text, edits))
    except EditError:  # edits that do not fit this text: no change to show
        return []
    hunks = difflib.unified_diff(before, after, n=DIFF_CONTEXT, lineterm="")
    styles = {"-": RED, "+": GREEN, "@": CYAN}
    shown = [visible(line, keep_tabs=True) for line in list(hunks)[2:]]
    return [paint(line, styles.get(line[:1], ""), color) for line in shown]
