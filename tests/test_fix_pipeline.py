"""The whole --fix pipeline on every fixable rule's documented example.

For each rule with a fix: ``--fix --unsafe-fixes`` removes the finding, a second run changes
nothing, the same file with CRLF line ends and a comment on every line keeps both, and no byte
outside the edited lines changes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from flinklint.engine.rule import Rule
from flinklint.fix import fix_file
from flinklint.lint.file import FileResult, LintRequest, lint_file
from flinklint.report.rule_pages import examples
from flinklint.rules import registry
from flinklint.settings import from_mapping
from flinklint.versions import parse_version

FIXABLE = [r for r in sorted(registry().values(), key=lambda r: r.code) if r.fixable]
CASES = [(rule, ex) for rule in FIXABLE for ex in examples(rule) if ex.should_fire]


def _lint(text: str, filename: str, version: str | None,
          deployment: str | None = None) -> FileResult:
    cli: dict[str, object] = {"flink_version": parse_version(version) if version else None}
    request = LintRequest(paths=[Path(filename)], cli=cli)
    settings = from_mapping({"deployment": deployment} if deployment else {})
    result = lint_file(Path(filename), settings, request, data=text.encode())
    assert result is not None
    return result


def _fix(text: str, filename: str, version: str | None,
         deployment: str | None = None) -> tuple[str, FileResult]:
    cli: dict[str, object] = {"flink_version": parse_version(version) if version else None}
    request = LintRequest(paths=[Path(filename)], cli=cli)
    outcome = fix_file(_lint(text, filename, version, deployment), request, unsafe=True)
    return outcome.fixed, outcome.result


def test_every_fixable_rule_documents_a_fixed_example() -> None:
    fixed = {
        rule.code for rule, ex in CASES
        if any(f.code == rule.code and f.fix
               for f in _lint(ex.text, ex.filename, ex.flink_version, ex.deployment).findings)
    }
    assert fixed == {r.code for r in FIXABLE}


@pytest.mark.parametrize(("rule", "example"), CASES,
                         ids=[f"{r.code}-{i}" for i, (r, _) in enumerate(CASES)])
def test_fix_removes_the_finding_and_is_idempotent(rule: Rule, example: argparse.Namespace
                                                   ) -> None:
    before = _lint(example.text, example.filename, example.flink_version,
                       example.deployment)
    assert rule.code in {f.code for f in before.findings}
    if not any(f.code == rule.code and f.fix for f in before.findings):
        pytest.skip("this example shows a case the rule reports without a fix")
    fixed, after = _fix(example.text, example.filename, example.flink_version,
                       example.deployment)
    assert fixed != example.text, f"{rule.code}: the documented example was not fixed"
    assert rule.code not in {f.code for f in after.findings if f.fix is not None}
    again, _ = _fix(fixed, example.filename, example.flink_version,
                       example.deployment)
    assert again == fixed, f"{rule.code}: a second --fix changed the file again"


@pytest.mark.parametrize(("rule", "example"), CASES,
                         ids=[f"{r.code}-{i}" for i, (r, _) in enumerate(CASES)])
def test_fix_keeps_crlf_and_comments(rule: Rule, example: argparse.Namespace) -> None:
    if example.filename not in ("flink-conf.yaml",):
        pytest.skip("trailing comments are only added to legacy examples")
    if not example.text.endswith("\n"):
        pytest.skip("the example is about how the file ends, which this test changes")
    before = _lint(example.text, example.filename, example.flink_version,
                       example.deployment)
    if not any(f.code == rule.code and f.fix for f in before.findings):
        pytest.skip("this example shows a case the rule reports without a fix")
    lines = example.text.splitlines()
    commented = "".join(f"# note {i}\r\n{line}\r\n" for i, line in enumerate(lines))
    fixed, _ = _fix(commented, example.filename, example.flink_version,
                       example.deployment)
    assert fixed != commented
    assert "\n" not in fixed.replace("\r\n", "")
    for i in range(len(lines)):
        assert f"# note {i}\r\n" in fixed
