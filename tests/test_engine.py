"""The engine: selection by code/prefix/slug, severity overrides, suppressions, crash isolation."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from flinklint.engine.rule import Context, Hit, Rule, reported_by_loader
from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.engine.suppress import suppressions
from flinklint.findings import Finding, Severity, Span
from flinklint.flink_config import Entry, FlinkConfig
from flinklint.rules import internal_error, unknown_suppression, unused_suppression
from flinklint.versions import FileKind, FlinkVersion

V120 = FlinkVersion(1, 20)


def _every_key(ctx: Context) -> Iterable[Hit]:
    for entry in ctx.config.entries:
        yield Hit(entry.key_span, f"saw {entry.key}")


def _boom(ctx: Context) -> Iterable[Hit]:
    raise RuntimeError("kaput")


KEYS = Rule("FL201", "every-key", Severity.WARNING, "test rule", _every_key)
OTHER = Rule("FL301", "other-rule", Severity.ERROR, "test rule", _every_key)
LOADED = Rule("FL001", "loaded", Severity.WARNING, "test rule", reported_by_loader)
BOOM = Rule("FL299", "boom", Severity.ERROR, "crashes", _boom)
META = (internal_error.RULE, unknown_suppression.RULE, unused_suppression.RULE)


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {r.code: r for r in (*META, *rules)}


def _config(text: str, findings: tuple[Finding, ...] = ()) -> FlinkConfig:
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        key, sep, value = line.partition(": ")
        if sep and not key.startswith("#"):
            entries.append(Entry(key, value.split("#")[0].strip(), value,
                                 Span(number, 1, number, len(key)), None))
    effective = {e.key: e.value for e in entries}
    return FlinkConfig("f.yaml", FileKind.LEGACY, text, tuple(entries), effective, findings)


def _codes(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in findings]


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (Selection(), [("FL201", 1), ("FL301", 1)]),
        (Selection(select=("FL2",)), [("FL201", 1)]),
        (Selection(select=("other-rule",)), [("FL301", 1)]),
        (Selection(ignore=("FL",)), []),
        (Selection(ignore=("FL2",), extend_select=("FL201",)), [("FL201", 1), ("FL301", 1)]),
        (Selection(select=("FL2",), ignore=("FL201",)), []),
        (Selection(select=("fl301",)), [("FL301", 1)]),
    ],
)
def test_selection(selection: Selection, expected: list[tuple[str, int]]) -> None:
    found = lint(_config("a: 1\n"), V120, selection, rules=_rules(KEYS, OTHER))
    assert _codes(found) == expected


def test_severity_override_most_specific_wins() -> None:
    selection = Selection(severity={"FL": Severity.INFO, "FL201": Severity.ERROR})
    found = lint(_config("a: 1\n"), V120, selection, rules=_rules(KEYS, OTHER))
    assert {(f.code, f.severity) for f in found} == {
        ("FL201", Severity.ERROR),
        ("FL301", Severity.INFO),
    }


def test_loader_findings_pass_through_selection_and_overrides() -> None:
    loaded = Finding("FL001", "loaded", Severity.WARNING, "m", "f.yaml", Span.point(2))
    config = _config("a: 1\n", (loaded,))
    found = lint(config, V120, Selection(severity={"loaded": Severity.ERROR}), rules=_rules(LOADED))
    assert [(f.code, f.severity) for f in found] == [("FL001", Severity.ERROR)]
    assert lint(config, V120, Selection(ignore=("FL001",)), rules=_rules(LOADED)) == []


def test_crashing_rule_becomes_internal_error_and_others_still_run() -> None:
    found = lint(_config("a: 1\n"), V120, Selection(), rules=_rules(KEYS, BOOM))
    assert ("FL201", 1) in _codes(found)
    internal = [f for f in found if f.code == "FL000"]
    assert len(internal) == 1
    assert "FL299" in internal[0].message and "kaput" in internal[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # trailing comment on the reported line
        ("a: 1  # flinklint: disable=FL201\nb: 2\n", [("FL201", 2)]),
        # comment on the line above
        ("# flinklint: disable=every-key -- reviewed\na: 1\nb: 2\n", [("FL201", 3)]),
        # file-wide
        ("# flinklint: disable-file=FL201\na: 1\nb: 2\n", []),
        # two codes, the second unknown
        ("a: 1  # flinklint: disable=FL201, FL999\n", [("FL090", 1)]),
        # suppresses nothing: the line has no finding of that code
        ("# flinklint: disable=FL301\n\na: 1\n", [("FL091", 1), ("FL201", 3)]),
    ],
)
def test_suppressions(text: str, expected: list[tuple[str, int]]) -> None:
    found = lint(_config(text), V120, Selection(select=("FL2", "FL0")), rules=_rules(KEYS, OTHER))
    assert _codes(found) == expected


def test_suppression_comment_parsing() -> None:
    [mark] = suppressions("x: 1 # flinklint: disable=FL201,FL202 -- because\n")
    assert mark.codes == ("FL201", "FL202")
    assert (mark.line, mark.column) == (1, 6)
    assert not mark.whole_file
    assert suppressions("# flinklint disable=FL1\n# plain comment\n") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("a: 1\n", []),  # no key the check needs: not run at all
    ("env.java.opts.all: -Xmx1g\nb: 2\n", [("FL201", 1), ("FL201", 2)]),
])
def test_a_check_runs_only_where_its_keys_are(text: str, expected: list[tuple[str, int]]) -> None:
    calls: list[str] = []

    def counted(ctx: Context) -> Iterable[Hit]:
        calls.append(ctx.config.path)
        return _every_key(ctx)

    needy = Rule("FL201", "needy", Severity.WARNING, "test rule", counted, needs=("env.java",))
    assert _codes(lint(_config(text), V120, Selection(), rules=_rules(needy))) == expected
    assert len(calls) == (1 if expected else 0)


def test_the_lazy_registry_keeps_what_each_rule_needs() -> None:
    from flinklint.rules import registry
    from flinklint.rules.index import lint_rules

    assert {c: r.needs for c, r in lint_rules().items() if r.needs} == {
        c: r.needs for c, r in registry().items() if r.needs}
    assert lint_rules()["FL331"].needs == ("env.java",)
