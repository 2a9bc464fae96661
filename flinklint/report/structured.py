"""The ``json`` and ``jsonl`` formats: one object per finding.

::

    {"path": "conf/flink-conf.yaml", "line": 3, "column": 34, "end_line": 3, "end_column": 37,
     "code": "FL203", "name": "process-size-too-small", "severity": "error",
     "message": "...", "url": "https://github.com/flinklint/flinklint/blob/main/rules/FL203.md",
     "fix": {"applicability": "safe", "message": "...",
             "edits": [{"line": 3, "column": 34, "end_line": 3, "end_column": 38,
                        "content": "1728m"}]}}

``path`` is the path as the finding has it. ``end_column`` of a finding is inclusive (the last
character), an edit's ``end_column`` is exclusive (insertions have start == end). ``fix`` is
null without a fix. ``json`` is an indented array (``[]`` when clean); ``jsonl`` one compact
object per line (nothing when clean).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flinklint.findings import Edit, Finding, Fix

if TYPE_CHECKING:
    from flinklint.report.input import ReportInput


def finding_object(finding: Finding) -> dict[str, Any]:
    from flinklint.report.rule_docs import rule_url

    span = finding.span
    return {
        "path": finding.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "url": rule_url(finding.code),
        "fix": None if finding.fix is None else fix_object(finding.fix),
    }


def fix_object(fix: Fix) -> dict[str, Any]:
    return {
        "applicability": fix.applicability.value,
        "message": fix.message,
        "edits": [edit_object(edit) for edit in fix.edits],
    }


def edit_object(edit: Edit) -> dict[str, Any]:
    return {
        "line": edit.line,
        "column": edit.column,
        "end_line": edit.end_line,
        "end_column": edit.end_column,
        "content": edit.content,
    }


# Line breaks to JavaScript and to str.splitlines() that JSON leaves unescaped.
_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def dumps(value: object, indent: int | None = None) -> str:
    """JSON text in UTF-8-friendly form in which only ``\\n`` can break a line."""
    import json

    return json.dumps(value, indent=indent, ensure_ascii=False).translate(_LINE_BREAKS)


def json_array(data: ReportInput, color: bool) -> str:
    return dumps([finding_object(finding) for finding in data.findings], indent=2) + "\n"


def json_lines(data: ReportInput, color: bool) -> str:
    return "".join(dumps(finding_object(f)) + "\n" for f in data.findings)
