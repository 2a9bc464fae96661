"""The one-line summary closing the terminal formats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from flinklint.findings import Applicability, Finding, Severity

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.report.input import ReportInput

_PLURALS = {"problem": "problems", "error": "errors", "warning": "warnings", "info": "infos"}


def plural(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``, ``1 file``, ``3 files``."""
    word = noun if count == 1 else _PLURALS.get(noun, noun + "s")
    return f"{count} {word}"


def summary_line(data: ReportInput) -> str:
    """``Found 3 problems (2 errors, 1 warning) in 2 files; 1 fixable with --fix.``

    Severities appear only when present; ``in N files`` counts files with findings. When every
    file looked at was skipped as not Flink's, the line says so instead of claiming a pass. Fixes
    are counted as ``--fix`` would apply them: unsafe ones only when unsafe fixes are enabled,
    otherwise they are mentioned as ``(N more with --unsafe-fixes)``.
    """
    findings = data.findings
    if not findings and not data.files_checked and data.files_skipped:
        return (f"No Flink configuration checked: {plural(data.files_skipped, 'file')} skipped "
                f"as not Flink's (a config.yaml without Flink options, YAML that is not a "
                f"FlinkDeployment or FlinkSessionJob).")
    if not findings:
        return "All checks passed."
    severities = Counter(f.severity for f in findings)
    parts = [plural(severities[s], s.value) for s in Severity if severities[s]]
    files = plural(len({f.path for f in findings}), "file")
    head = f"Found {plural(len(findings), 'problem')} ({', '.join(parts)}) in {files}"
    return head + _fixable(data) + "."


def _fixable(data: ReportInput) -> str:
    safe, unsafe = fix_counts(data.findings)
    if data.unsafe_fixes_enabled:
        safe, unsafe = safe + unsafe, 0
    if safe:
        more = f" ({unsafe} more with {data.unsafe_flag_hint})" if unsafe else ""
        return f"; {safe} fixable with {data.fix_flag_hint}{more}"
    if unsafe:
        return f"; {unsafe} fixable with {data.unsafe_flag_hint}"
    return ""


def fix_counts(findings: Iterable[Finding]) -> tuple[int, int]:
    """How many findings carry a safe fix and how many an unsafe one."""
    fixes = [f.fix for f in findings if f.fix is not None]
    unsafe = sum(1 for fix in fixes if fix.applicability is Applicability.UNSAFE)
    return len(fixes) - unsafe, unsafe
