"""GitHub workflow commands and the step summary: exact lines, escaping that parses back."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_report_api import HOSTILE, HOSTILE_PATH, finding, hostile_report, report

from flinklint.findings import Severity
from flinklint.report import github_step_summary, render
from flinklint.report.github import escape_data, escape_property


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command back the way the runner does: split, then unescape."""
    assert line.startswith("::")
    head, separator, data = line[2:].partition("::")
    assert separator
    name, _, raw = head.partition(" ")
    properties = dict(item.split("=", 1) for item in raw.split(",")) if raw else {}
    return name, {key: unescape(value) for key, value in properties.items()}, unescape(data)


def unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def test_commands_per_severity() -> None:
    data = report(
        finding("FL203", 3, 1, (3, 31), name="process-size-too-small", message="Too small"),
        finding("FL101", 4, 2, severity=Severity.WARNING, name="unknown-key", message="Unknown"),
        finding("FL300", 5, 1, severity=Severity.INFO, name="old-key", message="Old"),
    )
    assert render("github", data).splitlines() == [
        "::error file=conf/flink-conf.yaml,line=3,col=1,endLine=3,endColumn=31,"
        "title=FL203 (process-size-too-small)::Too small",
        "::warning file=conf/flink-conf.yaml,line=4,col=2,endLine=4,endColumn=2,"
        "title=FL101 (unknown-key)::Unknown",
        "::notice file=conf/flink-conf.yaml,line=5,col=1,endLine=5,endColumn=1,"
        "title=FL300 (old-key)::Old",
    ]


def test_multi_line_span_has_no_columns() -> None:
    line = render("github", report(finding(line=2, column=3, end=(4, 1)))).strip()
    assert ",line=2,endLine=4,title=" in line
    assert "col=" not in line and "endColumn=" not in line


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("%0A", "%250A", "%250A"),
        ("ü|<&>'\"", "ü|<&>'\"", "ü|<&>'\""),
    ],
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_hostile_message_and_path_parse_back(tmp_path: Path) -> None:
    lines = render("github", hostile_report(tmp_path)).split("\n")
    assert lines[-1] == "" and len(lines) == 4  # one line per finding, nothing else
    name, properties, message = parse_command(lines[0])
    assert (name, message) == ("error", HOSTILE)
    assert properties["file"] == HOSTILE_PATH  # relative to the root
    assert properties["title"] == "FL101 (rule-fl101)"
    assert properties["line"] == "1" and properties["col"] == "4"


def test_path_outside_root_is_kept_as_given(tmp_path: Path) -> None:
    data = report(finding(path=str(tmp_path / "a.yaml")), root=tmp_path / "repo")
    _, properties, _ = parse_command(render("github", data).strip())
    assert properties["file"] == str(tmp_path / "a.yaml")


def table_rows(markdown: str) -> list[list[str]]:
    """Cells of each table row, split on pipes that are not escaped."""
    import re

    # CommonMark ends lines at CR and LF only (not at U+2028, unlike str.splitlines).
    rows = [line for line in markdown.split("\n") if line.startswith("| ")]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_step_summary_table() -> None:
    data = report(
        finding("FL203", 3, message="Too small"),
        finding("FL101", 4, severity=Severity.WARNING, message="Unknown key"),
    )
    text = github_step_summary(data)
    assert text.startswith("### flinklint\n\nFound 2 problems (1 error, 1 warning) in 1 file.\n")
    assert table_rows(text) == [
        ["File", "Line", "Code", "Severity", "Message"],
        ["---", "---", "---", "---", "---"],
        [
            "conf/flink-conf.yaml",
            "3",
            "[FL203](https://github.com/flinklint/flinklint/blob/main/rules/FL203.md)",
            "error",
            "Too small",
        ],
        [
            "conf/flink-conf.yaml",
            "4",
            "[FL101](https://github.com/flinklint/flinklint/blob/main/rules/FL101.md)",
            "warning",
            "Unknown key",
        ],
    ]


def test_step_summary_escapes_hostile_cells(tmp_path: Path) -> None:
    text = github_step_summary(hostile_report(tmp_path))
    rows = table_rows(text)
    assert all(len(row) == 5 for row in rows)
    assert len(rows) == 2 + 3  # no message broke a row apart
    message = rows[2][4]
    assert "\\|" in message and "\\<x\\>" in message and "\\&" in message
    assert "<br>next" in message and "\r" not in text
    assert rows[2][0] == "conf dir/flink, %20 conf.yaml"


def test_step_summary_when_clean() -> None:
    assert github_step_summary(report()) == "### flinklint\n\nAll checks passed.\n"
