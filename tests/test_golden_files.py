"""The golden files made from real Flink (tools/make_goldens.py) have the documented shape.

A broken or partial regeneration must fail here, before any resolver or loader test reads it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).parent / "golden"
MINORS = ("1.15", "1.16", "1.17", "1.18", "1.19", "1.20", "2.0", "2.1", "2.2", "2.3")
ROLES = ("taskmanager", "jobmanager")
LEGACY, YAML = "flink-conf.yaml", "config.yaml"
CHAIN_LEVEL = re.compile(r"^[a-z][\w$]*(\.[\w$]+)+(: .*)?$", re.DOTALL)
V01_TM_JVM = (
    "-Xmx536870902 -Xms536870902 -XX:MaxDirectMemorySize=268435458 -XX:MaxMetaspaceSize=268435456"
)
V01_JM_JVM = "-Xmx1073741824 -Xms1073741824 -XX:MaxMetaspaceSize=268435456"


@cache
def memory(minor: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / "memory" / f"{minor}.json").read_text("utf-8"))
    return data


def kinds(minor: str) -> set[str]:
    if minor.startswith("2."):
        return {YAML}
    return {LEGACY, YAML} if minor in ("1.19", "1.20") else {LEGACY}


def primary(minor: str) -> str:
    """The file every case is written as; 1.19 and 1.20 also get a config.yaml variant."""
    return YAML if minor.startswith("2.") else LEGACY


def check_chain(chain: Any) -> None:
    assert isinstance(chain, list) and chain, chain
    for level in chain:
        assert isinstance(level, str) and CHAIN_LEVEL.match(level), level


def check_role(role: dict[str, Any]) -> None:
    assert set(role) == {"ok", "jvm_args", "dynamic_configs", "error", "logs"}
    assert all(isinstance(line, str) for line in role["logs"])
    if role["ok"] is True:
        assert role["jvm_args"].startswith("-Xmx") and "-XX:MaxMetaspaceSize=" in role["jvm_args"]
        assert role["dynamic_configs"].startswith("-D ")
        assert role["error"] is None
    else:
        assert role["ok"] is False
        assert role["jvm_args"] is None and role["dynamic_configs"] is None
        check_chain(role["error"])


def check_case(case: dict[str, Any], minor: str) -> None:
    keys = {"id", "file", "entries", "text", "load", "effective", "taskmanager", "jobmanager"}
    assert set(case) == keys
    assert isinstance(case["id"], str) and case["id"]
    assert case["file"] in kinds(minor)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in case["entries"])
    assert case["text"] == "".join(f"{k}: {v}\n" for k, v in case["entries"])
    load = case["load"]
    assert set(load) == {"ok", "error", "logs"}
    if load["ok"]:
        assert load["error"] is None
        effective = case["effective"]
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in effective.items())
    else:
        check_chain(load["error"])
        assert case["effective"] is None
        assert not case["taskmanager"]["ok"] and not case["jobmanager"]["ok"]
    for role in ROLES:
        check_role(case[role])


@pytest.mark.parametrize("minor", MINORS)
def test_memory_header(minor: str) -> None:
    data = memory(minor)
    assert set(data) == {"format", "flink_version", "java", "generator", "cases"}
    assert data["format"] == 1
    assert data["flink_version"].startswith(minor + ".")


@pytest.mark.parametrize("minor", MINORS)
def test_memory_cases_have_the_documented_shape(minor: str) -> None:
    cases = memory(minor)["cases"]
    for case in cases:
        check_case(case, minor)
    pairs = [(c["id"], c["file"]) for c in cases]
    assert len(pairs) == len(set(pairs)), "an (id, file) pair occurs twice"
    for kind in kinds(minor):
        assert sum(1 for c in cases if c["file"] == kind) >= 400, kind


@pytest.mark.parametrize("minor", MINORS)
def test_memory_cases_are_the_same_everywhere(minor: str) -> None:
    """Every version ran the same configurations, so versions can be compared case by case."""
    reference = {(c["id"], c["text"]) for c in memory("1.15")["cases"]}
    main = {(c["id"], c["text"]) for c in memory(minor)["cases"] if c["file"] == primary(minor)}
    assert main == reference
    assert len(reference) >= 400


@pytest.mark.parametrize("minor", MINORS)
def test_memory_vectors_are_present_and_unchanged(minor: str) -> None:
    by_id = {c["id"]: c for c in memory(minor)["cases"] if c["file"] == primary(minor)}
    assert {f"v{n:02d}" for n in range(1, 18)} <= set(by_id)
    assert by_id["v01"]["taskmanager"]["jvm_args"] == V01_TM_JVM
    assert by_id["v01"]["jobmanager"]["jvm_args"] == V01_JM_JVM
    assert not by_id["empty"]["taskmanager"]["ok"] and not by_id["empty"]["jobmanager"]["ok"]


def test_memory_files_have_both_outcomes() -> None:
    for minor in MINORS:
        cases = memory(minor)["cases"]
        for role in ROLES:
            outcomes = {c[role]["ok"] for c in cases}
            assert outcomes == {True, False}, (minor, role)


def test_reader_expected_matches_the_case_files() -> None:
    expected = json.loads((GOLDEN / "reader" / "expected.json").read_text("utf-8"))
    names = sorted(p.name for p in (GOLDEN / "reader" / "cases").iterdir())
    assert sorted(expected) == names
    for name, rows in expected.items():
        wanted = {"1.19", "1.20"} | ({"1.18"} if name.endswith(LEGACY) else {"2.3"})
        assert set(rows) == wanted, name
        for row in rows.values():
            assert set(row) == {"ok", "effective", "error", "logs"}
            if row["ok"]:
                assert row["error"] is None and isinstance(row["effective"], dict)
            else:
                assert row["effective"] is None
                check_chain(row["error"])
