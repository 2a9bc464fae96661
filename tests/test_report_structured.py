"""JSON, JSON Lines and GitLab Code Quality: parse back, fields, hostile text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_report_api import HOSTILE, HOSTILE_PATH, finding, hostile_report, report, safe_fix

from flinklint.findings import Severity, Span
from flinklint.report import render


def test_json_object_fields() -> None:
    fix = safe_fix(Span(2, 34, 2, 37), "1728m", "Raise it")
    data = report(finding("FL203", 2, 34, (2, 37), name="size", message="Too small", fix=fix))
    assert json.loads(render("json", data)) == [
        {
            "path": "conf/flink-conf.yaml",
            "line": 2,
            "column": 34,
            "end_line": 2,
            "end_column": 37,
            "code": "FL203",
            "name": "size",
            "severity": "error",
            "message": "Too small",
            "url": "https://github.com/flinklint/flinklint/blob/main/rules/FL203.md",
            "fix": {
                "applicability": "safe",
                "message": "Raise it",
                "edits": [
                    {"line": 2, "column": 34, "end_line": 2, "end_column": 38, "content": "1728m"}
                ],
            },
        }
    ]


def test_json_and_jsonl_agree_and_survive_hostile_text(tmp_path: Path) -> None:
    data = hostile_report(tmp_path)
    array = json.loads(render("json", data))
    text = render("jsonl", data)
    lines = text.splitlines()  # U+2028 and friends must not split a record
    assert [json.loads(line) for line in lines] == array
    assert len(lines) == 3
    assert array[0]["message"] == HOSTILE and array[0]["path"].endswith(HOSTILE_PATH)
    assert [o["severity"] for o in array] == ["error", "warning", "info"]
    assert [o["fix"] and o["fix"]["applicability"] for o in array] == ["safe", None, "unsafe"]
    assert array[2]["message"] == "\ufffd lone"


def gitlab(data: Any) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(render("gitlab", data))
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
    return issues


@pytest.mark.parametrize(
    ("severity", "expected"),
    [(Severity.ERROR, "critical"), (Severity.WARNING, "minor"), (Severity.INFO, "info")],
)
def test_gitlab_severity(severity: Severity, expected: str) -> None:
    (issue,) = gitlab(report(finding(severity=severity)))
    assert issue["severity"] == expected


def test_gitlab_issue(tmp_path: Path) -> None:
    data = hostile_report(tmp_path)
    issues = gitlab(data)
    assert issues[0]["description"] == f"FL101 {HOSTILE}"
    assert issues[0]["check_name"] == "FL101"
    assert issues[0]["location"] == {"path": HOSTILE_PATH, "lines": {"begin": 1, "end": 1}}
    assert len({issue["fingerprint"] for issue in issues}) == 3


def test_gitlab_fingerprints_match_sarif(tmp_path: Path) -> None:
    data = hostile_report(tmp_path)
    sarif = json.loads(render("sarif", data))["runs"][0]["results"]
    expected = [result["partialFingerprints"]["flinklintKey/v1"] for result in sarif]
    assert [issue["fingerprint"] for issue in gitlab(data)] == expected
