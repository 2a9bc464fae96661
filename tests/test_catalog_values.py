"""Value checks against what real Flink did with the same text (tests/golden/catalog-values.json).

Each case was written into a ``flink-conf.yaml`` and a ``config.yaml`` and read by Flink through
an option of the case's type; here the same file text goes through flinklint's loader and then
:func:`flinklint.values.convert.problem`, which must accept exactly what Flink accepted and give
Flink's reason for everything else.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flinklint.flink_config import ValueType
from flinklint.loader import load_text
from flinklint.values.convert import problem
from flinklint.versions import FileKind, parse_version

GOLDEN = Path(__file__).parent / "golden" / "catalog-values.json"
ENUM = ("org.apache.flink.api.common.RuntimeExecutionMode", "STREAMING", "BATCH", "AUTOMATIC")
YAML_TYPES = {"s": ValueType.STRING, "i": ValueType.INTEGER, "f": ValueType.FLOAT,
              "b": ValueType.BOOLEAN}  # fmt: skip


def _cases() -> list[Any]:
    rows = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return [
        pytest.param(version, *row[1:], id=f"{version}-{row[1]}-{row[2]}-{row[3]}")
        for row in rows
        for version in row[0]
    ]


def _entry_value(kind: str, text: str) -> tuple[str, ValueType]:
    file_kind = FileKind.LEGACY if kind == "flink-conf.yaml" else FileKind.YAML
    config = load_text(f"k: {text}\n", file_kind, kind)[0]
    entry = config.last("k")
    assert entry is not None
    return entry.value, entry.value_type


@pytest.mark.parametrize(
    ("version", "kind", "type_code", "text", "yaml", "value", "error"), _cases()
)
def test_matches_flink(
    version: str,
    kind: str,
    type_code: str,
    text: str,
    yaml: str,
    value: str | None,
    error: list[str] | None,
) -> None:
    entry_value, value_type = _entry_value(kind, text)
    assert value_type is YAML_TYPES[yaml]
    got = problem(type_code, entry_value, parse_version(version), value_type, ENUM)
    if error is None:
        assert got is None, f"Flink read {text!r} as {value}"
    else:
        assert got == error[0].split(": ", 1)[1]


@pytest.mark.parametrize(
    ("type_code", "value", "version", "expected"),
    [
        ("list:str", "a;b", "1.20", None),  # lists and maps are not checked
        ("map", "k:v", "2.0", None),
        ("str", "anything", "2.0", None),
        ("other", "x", "2.0", None),
        ("enum", "x", "2.0", None),  # an enum without known constants accepts anything
    ],
)
def test_unchecked_types(type_code: str, value: str, version: str, expected: str | None) -> None:
    enum = ("SomeEnum",) if type_code == "enum" else ()
    assert problem(type_code, value, parse_version(version), ValueType.STRING, enum) == expected
