"""JUnit XML: parses, one suite per file, one case per (file, rule), hostile text survives."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from test_report_api import HOSTILE, finding, hostile_report, report

from flinklint.report import ReportInput, render


def junit(data: ReportInput) -> ET.Element:
    text = render("junit", data)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_suites_cases_and_failures() -> None:
    data = report(
        finding("FL203", 2, 3, path="a.yaml", message="first"),
        finding("FL203", 5, 1, path="a.yaml", message="second"),
        finding("FL101", 1, 1, path="a.yaml", message="other rule"),
        finding("FL101", 1, 1, path="b.yaml", message="in b"),
        sources={"a.yaml": "", "b.yaml": "", "clean.yaml": ""},
    )
    root = junit(data)
    assert (root.tag, root.get("name"), root.get("tests"), root.get("failures")) == (
        "testsuites",
        "flinklint",
        "4",
        "3",
    )
    suites = {s.get("name"): s for s in root}
    assert list(suites) == ["a.yaml", "b.yaml", "clean.yaml"]
    cases = [(c.get("classname"), c.get("name")) for c in suites["a.yaml"]]
    assert cases == [("a.yaml", "FL101 (rule-fl101)"), ("a.yaml", "FL203 (rule-fl203)")]
    failure = suites["a.yaml"][1].find("failure")
    assert failure is not None
    assert (failure.get("type"), failure.get("message")) == ("FL203", "first")
    assert failure.text == "a.yaml:2:3: first\na.yaml:5:1: second"
    (clean,) = suites["clean.yaml"]
    assert clean.get("name") == "flinklint" and len(clean) == 0
    assert suites["clean.yaml"].get("failures") == "0"


def test_clean_run_lists_passing_files() -> None:
    root = junit(report(sources={"x.yaml": "a: 1\n"}))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    assert [s.get("name") for s in root] == ["x.yaml"]


def test_no_files_at_all_is_still_a_document() -> None:
    root = junit(report())
    assert (root.tag, len(root), root.get("tests")) == ("testsuites", 0, "0")


def test_hostile_text_round_trips(tmp_path: Path) -> None:
    root = junit(hostile_report(tmp_path))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    # XML 1.0 cannot hold ESC; the parser normalises CR LF; everything else survives.
    expected = HOSTILE.replace("\x1b", "\ufffd")
    assert failure.get("message") == expected
    assert failure.text is not None
    assert failure.text.endswith(":1:4: " + expected.replace("\r\n", "\n"))
    assert root.find("testsuite/testcase[@name='FL103 (rule-fl103)']") is not None
