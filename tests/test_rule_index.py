"""The rule index agrees with the registry, and linting through it finds the same things."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from flinklint.engine.rule import Rule, reported_by_loader
from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.findings import Finding
from flinklint.loader import load_bytes
from flinklint.report.rule_pages import examples
from flinklint.rules import registry
from flinklint.rules.index import lint_rules
from flinklint.versions import default_for, parse_version

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [ex for rule in registry().values() for ex in examples(rule)]


def test_index_is_generated_from_the_registry() -> None:
    check = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_rule_index.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, "stale: run python tools/gen_rule_index.py"


def test_index_rules_have_the_registry_identity() -> None:
    indexed, full = lint_rules(), registry()
    assert list(indexed) == list(full)
    for code, rule in full.items():
        twin = indexed[code]
        assert (twin.name, twin.severity, twin.summary, twin.fixable) == (
            rule.name, rule.severity, rule.summary, rule.fixable)
        assert (twin.check is reported_by_loader) == (rule.check is reported_by_loader)


def _findings(
    text: str, filename: str, version: str | None, rules: Mapping[str, Rule]
) -> list[Finding]:
    target = parse_version(version) if version else None
    found = []
    for config in load_bytes(text.encode(), Path(filename), version=target) or []:
        chosen = target or config.flink_version or default_for(config.kind)
        found += lint(config, chosen, Selection(), rules=rules)
    return found


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.filename}-{e.section}")
def test_lint_through_the_index_finds_what_the_registry_finds(example: object) -> None:
    text, name = example.text, example.filename  # type: ignore[attr-defined]
    version = example.flink_version  # type: ignore[attr-defined]
    indexed = _findings(text, name, version, lint_rules())
    assert indexed == _findings(text, name, version, registry())
