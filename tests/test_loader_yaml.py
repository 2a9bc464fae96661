"""The config.yaml reader: values as Flink's Configuration holds them, positions, findings.

The expected values below were printed by real Flink 2.3 (``Configuration.toMap()`` after
``GlobalConfiguration.loadConfiguration``); ``test_loader_golden.py`` checks many more.
"""

from __future__ import annotations

import pytest

from flinklint.flink_config import FlinkConfig, ValueType
from flinklint.loader import load_text
from flinklint.versions import FileKind


def load(data: str | bytes) -> FlinkConfig:
    [config] = load_text(data, FileKind.YAML, "config.yaml")
    return config


# YAML value -> (text Flink holds, type)
VALUES = [
    ("0.80", "0.8", ValueType.FLOAT),
    ("1e3", "1000.0", ValueType.FLOAT),
    ("1.0e7", "1.0E7", ValueType.FLOAT),
    ("0.0009", "9.0E-4", ValueType.FLOAT),
    ("123456789.123456789", "1.2345678912345679E8", ValueType.FLOAT),
    ("1e400", ".inf", ValueType.FLOAT),
    ("-.Inf", "-.inf", ValueType.FLOAT),
    (".NaN", ".nan", ValueType.FLOAT),
    ("1.", "1.0", ValueType.FLOAT),
    ("1024", "1024", ValueType.INTEGER),
    ("007", "7", ValueType.INTEGER),
    ("-0", "0", ValueType.INTEGER),
    ("0x1F", "31", ValueType.INTEGER),
    ("0o17", "15", ValueType.INTEGER),
    ("12345678901234567890", "12345678901234567890", ValueType.INTEGER),
    ("TRUE", "true", ValueType.BOOLEAN),
    ("yes", "yes", ValueType.STRING),
    ("on", "on", ValueType.STRING),
    ("1_000", "1_000", ValueType.STRING),
    ("0XFF", "0XFF", ValueType.STRING),
    ("2023-01-01", "2023-01-01", ValueType.STRING),
    ('"1728m"', "1728m", ValueType.STRING),
    ("'it''s'", "it's", ValueType.STRING),
    ('"x\\ty"', "x\ty", ValueType.STRING),
    ("x #comment", "x", ValueType.STRING),
    ("''", "", ValueType.STRING),
    ("!!str 5", "5", ValueType.STRING),
    ("!!float 2", "2.0", ValueType.FLOAT),
    ("! 12", "12", ValueType.STRING),
    ("[1, 'x: y', '', 'true', x#y, 0.5e10, null]",
     "[1, 'x: y', '', 'true', x#y, 5.0E9, null]", ValueType.LIST),
    ('["tab\\there", "nl\\nhere", "\\u00e9", " lead"]',
     "[\"tab\\there\", \"nl\\nhere\", \u00e9, ' lead']", ValueType.LIST),
    ("[{a: 1}, [], {}]", "[{a: 1}, [], {}]", ValueType.LIST),
    ("!!set {x, y}", "!!set {x: null, y: null}", ValueType.MAP),
    ("!!binary aGVsbG8=", "!!binary |-\n  aGVsbG8=", ValueType.STRING),
]


@pytest.mark.parametrize(("yaml_value", "text", "kind"), VALUES, ids=range(len(VALUES)))
def test_values(yaml_value: str, text: str, kind: ValueType) -> None:
    config = load(f"k: {yaml_value}\n")
    assert [(e.key, e.value, e.value_type) for e in config.entries] == [("k", text, kind)]
    assert config.findings == ()


def test_nested_keys_flatten_with_positions() -> None:
    config = load("taskmanager:\n  memory:\n    process.size: 4g\n  numberOfTaskSlots: 2\n")
    got = [(e.key, e.value, e.nested, e.key_span.line, e.key_span.column, e.raw)
           for e in config.entries]
    assert got == [("taskmanager.memory.process.size", "4g", True, 3, 5, "4g"),
                   ("taskmanager.numberOfTaskSlots", "2", True, 4, 3, "2")]


def test_value_span_skips_anchor_and_tag_and_alias_points_at_alias() -> None:
    config = load("a: &x !!str 5\nb: *x\nm: &m {k: v}\nn: *m\n")
    spans = {e.key: (e.key_span.line, e.key_span.column, e.value_span.column)
             for e in config.entries if e.value_span}
    assert spans == {"a": (1, 1, 13), "b": (2, 1, 4), "m.k": (3, 8, 11), "n.k": (4, 1, 4)}
    assert dict(config.effective) == {"a": "5", "b": "5", "m.k": "v", "n.k": "v"}


def test_empty_mappings_set_nothing_and_documents_may_be_empty() -> None:
    assert dict(load("a: {}\nb:\n  c: {}\nd: 1\n").effective) == {"d": "1"}
    for text in ("", "# only a comment\n", "---\n...\n", "%YAML 1.2\n---\n"):
        config = load(text)
        assert (dict(config.effective), config.findings, config.lintable) == ({}, (), True)


def test_collision_later_wins() -> None:
    config = load("a:\n  b: 1\na.b: 2\n")
    assert dict(config.effective) == {"a.b": "2"}
    assert [(f.code, f.line, f.column) for f in config.findings] == [("FL015", 2, 3)]
    config = load("a.b: 2\na:\n  b: 1\n")
    assert dict(config.effective) == {"a.b": "1"}


# text -> ([(code, line, column)], lintable)
FINDINGS = [
    ("a: 1\nb: 2\na: 3\n", [("FL002", 3, 1)], True),
    ("a:\n  b: 1\n  b: 2\n", [("FL002", 3, 3)], True),
    ("a: 1\n'a': 2\n", [("FL002", 2, 1)], True),
    ("a: 1\nb:\n", [("FL014", 2, 1)], True),
    ("a: ~\n", [("FL014", 1, 4)], True),
    ("a: !!bool yes\n", [("FL014", 1, 4)], True),
    ("a: [~, 1]\n", [], True),
    ("- a: 1\n", [("FL016", 1, 1)], False),
    ("text\n", [("FL016", 1, 1)], False),
    ("a: 1\n---\nb: 2\n", [("FL019", 2, 1)], False),
    ("a: [1, 2\nb: 3\n", [("FL001", 2, 2)], False),
    ("a:\n\tb: 1\n", [("FL001", 2, 1)], False),
    ("a: [1,\t2]\n", [("FL001", 1, 7)], False),
    ("a: 1\t\nb\t: 2 \t# c\n", [], True),
    ("a: \"x\x01\"\n", [("FL001", 1, 6)], False),
    ("a: *nope\n", [("FL001", 1, 4)], False),
    ("a:\n  1: x\n", [("FL017", 2, 3)], True),
    ("true: x\n", [("FL017", 1, 1)], True),
    ("? [a]\n: x\n", [("FL017", 1, 3)], True),
    ("~: 1\n", [], True),
    ("a: !!python/object:os.system echo\n", [("FL018", 1, 4)], True),
    ("a: !!int 1.5\n", [("FL018", 1, 4)], True),
    ("a: +.inf\n", [("FL018", 1, 4)], True),
    ("d: &d {x: 1}\nt:\n  <<: *d\n", [("FL020", 3, 3)], True),
    (b"a: caf\xe9\n", [("FL012", 1, 7)], True),
    ("\ufeffa: 1\n", [], True),
]


@pytest.mark.parametrize(("text", "expected", "lintable"), FINDINGS, ids=range(len(FINDINGS)))
def test_findings(text: str | bytes, expected: list[tuple[str, int, int]], lintable: bool) -> None:
    config = load(text)
    assert [(f.code, f.line, f.column) for f in config.findings] == expected
    assert config.lintable is lintable


def test_null_key_is_the_text_null() -> None:
    assert dict(load("~: 1\na:\n  null: 2\n").effective) == {"null": "1", "a.null": "2"}


def test_merge_key_is_literal() -> None:
    config = load("d: &d {x: 1}\nt:\n  <<: *d\n  y: 2\n")
    assert dict(config.effective) == {"d.x": "1", "t.<<.x": "1", "t.y": "2"}


def test_tags_are_never_constructed() -> None:
    config = load("a: !!python/object/apply:os.system ['exit 3']\nb: 1\n")
    assert dict(config.effective) == {"b": "1"}
    assert [f.code for f in config.findings] == ["FL018"]


def test_alias_bomb_is_refused_like_flink() -> None:
    lines = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, 30)]
    config = load("\n".join(lines) + "\n")
    assert [f.code for f in config.findings] == ["FL001"]
    assert "max=50" in config.findings[0].message
