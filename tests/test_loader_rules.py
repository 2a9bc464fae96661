"""The documented rules of the loader's findings: layout, identity, and every example loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from flinklint.engine.rule import Rule
from flinklint.loader import load_bytes
from flinklint.loader.codes import ALL
from flinklint.report.rule_pages import Example, examples
from flinklint.rules import registry
from flinklint.versions import parse_version


def loader_rules() -> tuple[Rule, ...]:
    """The documented rules of every loader code, in code order."""
    codes = {code.code for code in ALL}
    return tuple(sorted((r for r in registry().values() if r.code in codes), key=lambda r: r.code))


RULES = loader_rules()
EXAMPLES = [(rule, ex) for rule in RULES for ex in examples(rule)]


def test_one_documented_rule_per_code_in_order() -> None:
    assert [(r.code, r.name, r.severity) for r in RULES] == [
        (c.code, c.name, c.severity) for c in ALL
    ]
    assert [r.code for r in RULES] == [f"FL{n:03d}" for n in range(1, len(RULES) + 1)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_layout(rule: Rule) -> None:
    for section in ("## What it does", "## Why is this bad?", "## Fix safety"):
        assert section in rule.doc
    assert rule.doc.splitlines()[0] == rule.summary
    assert examples(rule), "every rule shows at least one example"
    assert rule.fixable == ("Safe" in rule.doc.split("## Fix safety")[1])


def _codes(example: Example) -> list[str]:
    version = parse_version(example.flink_version) if example.flink_version else None
    configs = load_bytes(example.text.encode(), Path(example.filename), version=version)
    assert configs, "the example is recognised as a Flink configuration"
    return [f.code for config in configs for f in config.findings]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES,
                         ids=[f"{r.code}-{e.section}-{i}" for i, (r, e) in enumerate(EXAMPLES)])
def test_examples(rule: Rule, example: Example) -> None:
    found = _codes(example)
    if example.should_fire:
        assert rule.code in found
    else:
        assert found == [], "the 'Use instead' example is clean of every load finding"
