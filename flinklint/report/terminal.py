"""What the terminal formats share, and the ``concise`` format itself.

``concise`` prints one header line per finding (the caller adds the summary line)::

    conf/flink-conf.yaml:3:1: FL203 [*] [error] message

``[*]`` marks a finding whose fix ``--fix`` would apply (an unsafe fix only counts when unsafe
fixes are enabled). Control characters in paths and messages are shown as escapes, so a value
in a linted file can neither break the one-line layout nor send sequences to the terminal.
"""

from __future__ import annotations

from flinklint.findings import Applicability, Finding, Severity

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.report.input import ReportInput

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
RED = "\x1b[31m"
GREEN = "\x1b[32m"
YELLOW = "\x1b[33m"
BLUE = "\x1b[34m"
CYAN = "\x1b[36m"

SEVERITY_COLORS = {Severity.ERROR: RED, Severity.WARNING: YELLOW, Severity.INFO: BLUE}
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def paint(text: str, style: str, color: bool) -> str:
    """``text`` wrapped in an ANSI style when ``color`` is on."""
    return f"{style}{text}{RESET}" if color and style and text else text


def visible(text: str, *, keep_tabs: bool = False) -> str:
    """``text`` with control characters (C0, DEL, C1) and line separators written as escapes
    such as ``\\x1b``, so that one finding stays on one line."""
    if text.isprintable():
        return text
    return "".join(_visible_char(c, keep_tabs) for c in text)


def _visible_char(char: str, keep_tabs: bool) -> str:
    if char == "\t" and keep_tabs:
        return char
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return f"\\x{code:02x}"
    if code in (0x2028, 0x2029):  # line and paragraph separators
        return f"\\u{code:04x}"
    return char


def fixable(finding: Finding, data: ReportInput) -> bool:
    """Whether the fix flag the user was told about would fix this finding."""
    fix = finding.fix
    if fix is None:
        return False
    return fix.applicability is Applicability.SAFE or data.unsafe_fixes_enabled


def header(finding: Finding, data: ReportInput, color: bool) -> str:
    """``path:line:col: CODE [*] [severity] message``."""
    place = paint(visible(finding.path), BOLD, color) + f":{finding.line}:{finding.column}:"
    code = paint(finding.code, BOLD + SEVERITY_COLORS[finding.severity], color)
    star = " " + paint("[*]", CYAN, color) if fixable(finding, data) else ""
    return f"{place} {code}{star} [{finding.severity.value}] {visible(finding.message)}"


def concise(data: ReportInput, color: bool) -> str:
    return "".join(header(finding, data, color) + "\n" for finding in data.findings)
