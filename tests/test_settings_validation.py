"""The quick settings check agrees with jsonschema; discovery with a cache finds the same files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flinklint.settings import SCHEMA, _conforms, _has_tool_table, find_settings_file

CASES: list[Any] = [
    {},
    {"select": ["FL1", "FL203"], "severity": {"FL2": "info"}, "fail-on": "warning"},
    {"define": {"a": "1", "b": 2, "c": 2.5, "d": True}},
    {"per-file-ignores": {"conf/*": ["FL101"]}, "exclude": ["build/"]},
    {"select": "FL1"},
    {"select": [""]},
    {"select": [1]},
    {"select": [True]},
    {"severity": {"FL201": "fatal"}},
    {"severity": {"FL201": 1}},
    {"fail-on": True},
    {"define": {"a": [1]}},
    {"define": {"a": None}},
    {"flink-version": 1.2},
    {"flink-version": "1.20"},
    {"unknown": 1},
    {"extra-keys": ["a", ""]},
    {"per-file-ignores": {"x": "FL1"}},
    [],
    "FL1",
    5,
]


@pytest.mark.parametrize("data", CASES, ids=repr)
def test_quick_check_agrees_with_jsonschema(data: Any) -> None:
    assert _conforms(data, SCHEMA) == jsonschema.Draft202012Validator(SCHEMA).is_valid(data)


SCALARS = st.one_of(st.text(max_size=3), st.integers(), st.floats(allow_nan=False),
                    st.booleans(), st.none())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=3), inner, max_size=3)),
    max_leaves=6)
KEYS = st.sampled_from([*SCHEMA["properties"], "other"])


@settings(max_examples=300)
@given(st.dictionaries(KEYS, VALUES, max_size=4))
def test_quick_check_agrees_with_jsonschema_on_random_settings(data: dict[str, Any]) -> None:
    assert _conforms(data, SCHEMA) == jsonschema.Draft202012Validator(SCHEMA).is_valid(data)


@pytest.mark.parametrize(("text", "expected"), [
    ("[tool.flinklint]\nselect = ['FL1']\n", True),
    ("[tool.ruff]\nline-length = 100\n", False),
    ('[tool."\\u0066linklint"]\nselect = ["FL1"]\n', True),
    ("[tool.ruff]\r\nline-length = 100\r\n[tool.flinklint]\r\n", True),
    ("[tool.flinklint\n", False),
    ("# flinklint is not configured here\n[tool.black]\n", False),
])
def test_pyproject_table_detection(tmp_path: Path, text: str, expected: bool) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8", newline="")
    assert _has_tool_table(path) is expected


def test_discovery_cache_finds_the_same_files(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    for sub in ("a/b/c", "a/d", "e"):
        (repo / sub).mkdir(parents=True)
    (repo / ".git").mkdir()
    (repo / "a" / ".flinklint.toml").write_text("", encoding="utf-8")
    (repo / "e" / "pyproject.toml").write_text("[tool.black]\n", encoding="utf-8")
    starts = [repo / "a/b/c", repo / "a/d", repo / "e", repo / "a/b", repo, repo / "a"]
    cache: dict[Path, Path | None] = {}
    assert [find_settings_file(s, cache) for s in starts] == [
        find_settings_file(s) for s in starts]
    assert find_settings_file(repo / "a/d", cache) == (repo / "a/.flinklint.toml").absolute()
    assert find_settings_file(repo / "e", cache) is None
    assert cache[(repo / "a/b").absolute()] == (repo / "a/.flinklint.toml").absolute()
