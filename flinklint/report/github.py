"""The ``github`` format (workflow commands) and the Markdown for ``$GITHUB_STEP_SUMMARY``.

One command per finding; error -> ``::error``, warning -> ``::warning``, info -> ``::notice``::

    ::error file=conf/flink-conf.yaml,line=3,col=34,endLine=3,endColumn=37,title=FL203 (slug)::msg

Paths are relative to the root. ``endColumn`` is the span's last column (inclusive); ``col``
and ``endColumn`` are left out when the span covers several lines, as GitHub only supports
columns on one line. The message escapes ``%``, CR and LF; property values (``file``,
``title``) also escape ``:`` and ``,``, the way the runner's own toolkit does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flinklint.findings import Finding, Severity

if TYPE_CHECKING:
    from flinklint.report.input import ReportInput

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_DATA = {ord("%"): "%25", ord("\r"): "%0D", ord("\n"): "%0A"}
_PROPERTY = {**_DATA, ord(":"): "%3A", ord(","): "%2C"}


def escape_data(text: str) -> str:
    return text.translate(_DATA)


def escape_property(text: str) -> str:
    return text.translate(_PROPERTY)


def command(finding: Finding, data: ReportInput) -> str:
    from flinklint.report.location import repo_path

    span = finding.span
    properties = [("file", repo_path(finding.path, data.root)), ("line", str(span.line))]
    if span.line == span.end_line:
        properties.append(("col", str(span.column)))
    properties.append(("endLine", str(span.end_line)))
    if span.line == span.end_line:
        properties.append(("endColumn", str(span.end_column)))
    properties.append(("title", f"{finding.code} ({finding.name})"))
    joined = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def workflow_commands(data: ReportInput, color: bool) -> str:
    return "".join(command(finding, data) + "\n" for finding in data.findings)


# Characters with a meaning inside a GitHub Markdown table cell (block syntax has none there).
_INLINE = {ord(c): "\\" + c for c in "\\`*_[]<>&|~!"}


def cell(text: str) -> str:
    """``text`` shown literally in a Markdown table cell: inline syntax escaped, one line."""
    escaped = text.translate(_INLINE)
    return "<br>".join(escaped.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def step_summary(data: ReportInput) -> str:
    """``### flinklint``, the summary line and, when there are findings, a table of them."""
    from flinklint.report.location import repo_path
    from flinklint.report.rule_docs import rule_url
    from flinklint.report.summary import summary_line

    lines = ["### flinklint", "", summary_line(data)]
    if data.findings:
        lines += [
            "",
            "| File | Line | Code | Severity | Message |",
            "| --- | --- | --- | --- | --- |",
        ]
    for f in data.findings:
        code = f"[{f.code}]({rule_url(f.code)})"
        cells = [cell(repo_path(f.path, data.root)), str(f.line), code, f.severity.value]
        lines.append("| " + " | ".join([*cells, cell(f.message)]) + " |")
    return "\n".join(lines) + "\n"
