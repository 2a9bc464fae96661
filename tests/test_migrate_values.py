"""Legacy list and map values as Flink splits them, and scalars as YAML text Flink reads back
unchanged. The splitting table was checked against Flink 1.20.3's own reader."""

from __future__ import annotations

import pytest
from migrate_support import read_flow, standard

from flinklint.migration.scalars import block_key, block_value, flow_scalar, same_float
from flinklint.migration.structured import parse
from flinklint.migration.values import yaml_value

# text -> (as a list, as a map, as a list of maps); None where Flink throws
SPLITS = [
    ("a;b;c", ["a", "b", "c"], None, None),
    ("'A;B';C", ["A;B", "C"], None, None),
    ('"AB\'D";B;C', ["AB'D", "B", "C"], None, None),
    ("\"AB'\"\"D;B\";C", ["AB'\"D;B", "C"], None, None),
    (";", [], None, []),
    (";;", [""], None, [[]]),
    ("a;;b", ["a", "", "b"], None, None),
    (" a ; b ", ["a", "b"], None, None),
    ("a'b", ["a'b"], None, None),
    ("'a'b", None, None, None),
    ("'a", None, None, None),
    ("'a' ;b", ["a", "b"], None, None),
    ("a:1,b:2", ["a:1,b:2"], [("a", "1"), ("b", "2")], [[("a", "1"), ("b", "2")]]),
    ("a:1,a:2", ["a:1,a:2"], None, None),
    ("a", ["a"], None, None),
    ("'k:1':v", None, None, None),
    ("a:b:c", ["a:b:c"], None, None),
    (",", [","], [], [[]]),
    ("k:v;;k:w", ["k:v", "", "k:w"], None, [[("k", "v")], [], [("k", "w")]]),
    ("\u2003a;\u00a0b", ["a", "\u00a0b"], None, None),
]


@pytest.mark.parametrize(("text", "as_list", "as_map", "as_maps"), SPLITS,
                         ids=range(len(SPLITS)))
def test_split_like_flink(text: str, as_list: object, as_map: object, as_maps: object) -> None:
    assert parse(text, "list:str") == as_list
    assert parse(text, "map") == as_map
    assert parse(text, "list:map") == as_maps


# (legacy value, option type) -> YAML for a block value
BLOCK = [
    ("1728m", "mem", "1728m"),
    ("4", "int", "4"),
    ("4", "str", "4"),
    ("2147483648", "int", "'2147483648'"),
    ("2147483648", "long", "'2147483648'"),
    ("2147483648", "str", "2147483648"),
    ("-3", "int", "-3"),
    ("-0", "int", "'-0'"),
    ("+3", "int", "'+3'"),
    ("0.4", "float", "0.4"),
    ("0.4", "double", "0.4"),
    ("0.40", "double", "'0.40'"),
    (".5", "double", "'.5'"),
    ("1e3", "double", "'1e3'"),
    ("16777217.0", "float", "'16777217.0'"),
    (".inf", "double", "'.inf'"),
    ("true", "bool", "true"),
    ("True", "bool", "'True'"),
    ("false", "str", "false"),
    ("yes", "bool", "yes"),
    ("on", "str", "on"),
    ("null", "str", "'null'"),
    ("", "str", "''"),
    ("a b  c", "str", "a b  c"),
    ("a:b", "str", "a:b"),
    ("a: b", "str", "'a: b'"),
    ("a:", "str", "'a:'"),
    ("a #b", "str", "'a #b'"),
    ("-", "str", "'-'"),
    ("-1s", "dur", "-1s"),
    ("it's", "str", "it's"),
    ("'", "str", "''''"),
    ('"', "str", "'\"'"),
    ("x\ty", "str", '"x\\ty"'),
    ("\x85", "str", '"\\N"'),
    ("a\ufeff", "str", '"a\ufeff"'),  # quoted for YAML readers that would drop the mark
]


@pytest.mark.parametrize(("text", "kind", "expected"), BLOCK, ids=range(len(BLOCK)))
def test_block_value(text: str, kind: str, expected: str) -> None:
    assert block_value(text, kind) == expected
    config = standard(f"k: {expected}\n")
    assert config.effective["k"] == text and not config.findings


KEYS = [
    ("a.b", "a.b"), ("1", "'1'"), ("1.5", "'1.5'"), ("true", "'true'"), ("~", "'~'"),
    ("<<", "'<<'"), ("a b", "a b"), ("a:b", "a:b"), ("a:", "'a:'"), ("?a", "'?a'"),
    ("-a", "-a"), ("- a", "'- a'"), ("'a'", "'''a'''"), ("é", "é"),
]


@pytest.mark.parametrize(("key", "expected"), KEYS, ids=range(len(KEYS)))
def test_block_key(key: str, expected: str) -> None:
    assert block_key(key) == expected
    assert dict(standard(f"{expected}: v\n").effective) == {key: "v"}


FLOW = [
    ("a", False, "a"), ("a,b", False, "'a,b'"), ("a:b", False, "'a:b'"), ("70", False, "70"),
    ("70", True, "'70'"), ("0x10", False, "'0x10'"), ("true", False, "true"),
    ("[a]", False, "'[a]'"), ("a b", False, "a b"), ("", False, "''"), ("a'b", False, "a'b"),
    ("<<", True, "'<<'"), ("'a", False, "'''a'"), ("x\ty", False, '"x\\ty"'), ("-", False, "'-'"),
]


@pytest.mark.parametrize(("text", "key", "expected"), FLOW, ids=range(len(FLOW)))
def test_flow_scalar(text: str, key: bool, expected: str) -> None:
    assert flow_scalar(text, key) == expected
    if key:  # Flink spreads a map over dotted keys
        assert dict(standard(f"k: {{{expected}: v}}\n").effective) == {f"k.{text}": "v"}
    else:
        assert read_flow(standard(f"k: [{expected}, x]\n").effective["k"]) == [text, "x"]


@pytest.mark.parametrize(("text", "same"), [
    ("0.1", True), ("0.4", True), ("1.0", True), ("3.4028235e38", True),
    # halfway between two floats once rounded to a double first: parseFloat differs
    ("1.00000005960464477550", False),
])
def test_same_float(text: str, same: bool) -> None:
    assert same_float(text) is same


def test_a_value_flink_cannot_split_stays_a_string() -> None:
    assert yaml_value("'a'b", "list:str") == ("'''a''b'", (
        "Flink cannot read this value as a list; kept as the string it is"))
    assert yaml_value("x:1", "map", keys_below=True)[0] == "'{x: 1}'"
