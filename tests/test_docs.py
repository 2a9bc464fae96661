"""Rule documentation: layout, generated pages up to date, and every example linted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from flinklint.engine.rule import Rule
from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.launch.deployment import Deployment, prepare
from flinklint.launch.operator import parse_operator_version
from flinklint.lint.file import keys_defined
from flinklint.loader import load_bytes
from flinklint.report.rule_pages import examples, rule_page
from flinklint.rules import registry
from flinklint.rules.index import lint_rules
from flinklint.versions import default_for, parse_version

ROOT = Path(__file__).resolve().parent.parent
RULES = sorted(registry().values(), key=lambda r: r.code)
EXAMPLES = [(rule, ex) for rule in RULES for ex in examples(rule)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_doc_layout(rule: Rule) -> None:
    assert rule.code.startswith("FL") and len(rule.code) == 5
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.doc.strip(), f"{rule.code} has no documentation"
    assert rule.summary.endswith(".")
    for section in ("## What it does", "## Why is this bad?", "## Fix safety"):
        assert section in rule.doc, f"{rule.code} lacks {section!r}"
    assert rule_page(rule).startswith(f"{rule.code} {rule.name} ")


def test_codes_and_names_are_unique() -> None:
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize(("rule", "example"), EXAMPLES,
                         ids=[f"{r.code}-{e.section}-{i}" for i, (r, e) in enumerate(EXAMPLES)])
def test_documented_examples(rule: Rule, example: object) -> None:
    from flinklint.report.rule_pages import Example

    assert isinstance(example, Example)
    defines = dict(example.defines)
    configs = load_bytes(example.text.encode(), Path(example.filename),
                         version=parse_version(example.flink_version)
                         if example.flink_version else None,
                         defines=keys_defined(defines),
                         operator=parse_operator_version(example.operator_version)
                         if example.operator_version else None)
    assert configs, f"{rule.code}: example is not recognised as a Flink config"
    deployment = Deployment(example.deployment) if example.deployment else None
    codes = []
    for config in configs:
        config = prepare(config, deployment, defines)
        version = (parse_version(example.flink_version) if example.flink_version
                   else config.flink_version or default_for(config.kind))
        selection = Selection(select=(rule.code,))
        codes += [f.code for f in lint(config, version, selection, rules=lint_rules())]
    if example.should_fire:
        assert rule.code in codes, f"{rule.code}: the documented example is not reported"
    else:
        assert rule.code not in codes, f"{rule.code}: the 'Use instead' example is reported"


def test_every_rule_with_a_check_has_examples() -> None:
    missing = [r.code for r in RULES if r.code != "FL000" and not examples(r)]
    assert missing == []


def test_generated_rule_pages_are_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_rule_docs.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, "run python tools/gen_rule_docs.py\n" + result.stdout
