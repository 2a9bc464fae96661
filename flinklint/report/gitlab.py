"""The ``gitlab`` format: a GitLab Code Quality report (a JSON array of issues).

Severity: error -> ``critical`` (Flink refuses the file, fails to start, or runs with other
values than the ones written), warning -> ``minor``, info -> ``info``. ``check_name`` is the
rule code, ``fingerprint`` the one of :mod:`flinklint.report.fingerprint` (shared with SARIF),
``location.path`` relative to the root with forward slashes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flinklint.findings import Finding, Severity

if TYPE_CHECKING:
    from flinklint.report.input import ReportInput

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(finding: Finding, fingerprint: str, data: ReportInput) -> dict[str, Any]:
    from flinklint.report.location import repo_path

    lines = {"begin": finding.span.line, "end": finding.span.end_line}
    return {
        "description": f"{finding.code} {finding.message}",
        "check_name": finding.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": repo_path(finding.path, data.root), "lines": lines},
    }


def code_quality(data: ReportInput, color: bool) -> str:
    from flinklint.report.fingerprint import fingerprints
    from flinklint.report.structured import dumps

    pairs = zip(data.findings, fingerprints(data), strict=True)
    return dumps([issue(finding, fp, data) for finding, fp in pairs], indent=2) + "\n"
