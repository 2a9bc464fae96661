"""Real Flink's verdict on every golden configuration, against what ``lint`` reports.

For each case of ``tests/golden/memory/<X.Y>.json`` (what Flink's ``BashJavaUtils`` did with
the file): where Flink refuses to start a process, or to load the file, ``lint`` must report an
error on a line of the file, and for a process whose memory Flink refuses, the memory rule that
owns the failure must report it; where Flink starts both processes and reads the file as
written (no loader finding, no key Flink ignores), ``lint`` must report no error at all. The
one documented exception: a file that sizes neither process gets the FL215 warning instead.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.findings import Finding, Severity
from flinklint.loader import load_text
from flinklint.memory import resolve
from flinklint.rules.index import lint_rules
from flinklint.rules.shared.failures import owners
from flinklint.versions import FileKind, parse_version

GOLDEN = Path(__file__).parent / "golden" / "memory"
FILES = sorted(GOLDEN.glob("*.json"), key=lambda p: parse_version(p.stem))
NOT_CONFIGURED = "need to be configured explicitly"
IGNORED_KEY = ("FL101", "FL103")  # unknown-key, removed-key: Flink silently ignores the key


@cache
def _cases(path: Path) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return cases


def _nothing_configured(case: dict[str, Any]) -> bool:
    return case["load"]["ok"] and all(
        not case[p]["ok"] and NOT_CONFIGURED in case[p]["error"][-1]
        for p in ("taskmanager", "jobmanager"))


def _problems(case: dict[str, Any], path: Path) -> list[str]:
    version = parse_version(path.stem)
    kind = FileKind.YAML if case["file"] == "config.yaml" else FileKind.LEGACY
    configs = load_text(case["text"], kind, case["file"], version=version)
    findings = [f for c in configs for f in lint(c, version, Selection(), rules=lint_rules())]
    lines = max(len(case["text"].splitlines()), 1)
    errors = [f for f in findings if f.severity is Severity.ERROR and 1 <= f.line <= lines]
    refused = not case["load"]["ok"] or not (case["taskmanager"]["ok"] and case["jobmanager"]["ok"])
    where = f"{path.stem} {case['id']} ({case['file']})"
    if _nothing_configured(case):
        return [] if any(f.code == "FL215" for f in findings) else [f"{where}: no FL215"]
    if refused and not errors:
        return [f"{where}: Flink refuses it, lint reports no error on a line: {_codes(findings)}"]
    if not refused and errors and not _diverges(configs, findings):
        return [f"{where}: Flink starts it, lint reports {_codes(errors)}"]
    if case["load"]["ok"] and len(configs) == 1:
        return _owned(configs[0], version, findings, where)
    return []


def _diverges(configs: list[Any], findings: list[Finding]) -> bool:
    """Whether Flink reads the file differently from how it is written: a loader finding, or
    a key Flink does not read (unknown or removed in the target version)."""
    return any(c.findings for c in configs) or any(f.code in IGNORED_KEY for f in findings)


def _owned(config: Any, version: Any, findings: list[Finding], where: str) -> list[str]:
    """Each process the resolver fails is reported by the rule owning the failure kind."""
    problems = []
    for model in resolve(config, version):
        if model.failure is None or model.failure.kind == "no-memory-configured":
            continue
        code = owners()[model.failure.kind][0]
        reporters = (code, "FL008") if code == "FL211" else (code,)  # quoted legacy values
        if not any(f.code in reporters and f.severity is Severity.ERROR for f in findings):
            problems.append(f"{where}: {model.process} fails with {model.failure.kind}, "
                            f"but {code} is not reported: {_codes(findings)}")
    return problems


def _codes(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in findings]


def test_goldens_exist() -> None:
    assert FILES, "no goldens in tests/golden/memory (run tools/make_goldens.py memory)"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_lint_agrees_with_flink(path: Path) -> None:
    problems = [p for case in _cases(path) for p in _problems(case, path)]
    assert problems == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_golden_verdicts_cover_both_outcomes(path: Path) -> None:
    """The goldens are worth testing against: they hold refusals and starts of both kinds."""
    cases = _cases(path)
    assert any(c["load"]["ok"] and not c["taskmanager"]["ok"] for c in cases)
    assert any(c["load"]["ok"] and not c["jobmanager"]["ok"] for c in cases)
    assert any(c["taskmanager"]["ok"] and c["jobmanager"]["ok"] for c in cases)
