"""flinklint.memory.runtime against real Flink: tests/golden/runtime.json (every version).

The golden holds, for each case of tools/runtime_cases.py, what Flink's own classes answered
(tools/make_runtime_goldens.py): the state backend StateBackendLoader loads, the weights
ManagedMemoryUtils reads, the runtime mode, RocksDB's memory configuration and, for cases with a
slot size, what RocksDBOperationUtils.allocateSharedCachesIfConfigured gave one slot.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from flinklint.memory import runtime as rt
from flinklint.versions import FlinkVersion, parse_version

GOLDEN = Path(__file__).parent / "golden" / "runtime.json"
HASHMAP_CLASS = "org.apache.flink.runtime.state.hashmap.HashMapStateBackend"
CLASSES = {"HashMapStateBackend": rt.HEAP, "MemoryStateBackend": rt.HEAP,
           "EmbeddedRocksDBStateBackend": rt.ROCKSDB, "ForStStateBackend": rt.FORST}


@cache
def golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


def answers() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    data = golden()
    return [(version, case, answer) for version, results in data["flink"].items()
            for case, answer in zip(data["cases"], results, strict=True)]


def _failed(value: Any) -> bool:
    return isinstance(value, dict) and "error" in value


def _version(text: str) -> FlinkVersion:
    return parse_version(".".join(text.split(".")[:2]))


ANSWERS = answers()
VERSIONS = list(golden()["flink"])


def each(flink: str) -> list[tuple[FlinkVersion, dict[str, Any], dict[str, Any]]]:
    """The cases of one version (one test per version keeps the suite fast; a failure names
    the case in its assertion message)."""
    return [(_version(v), c, a) for v, c, a in ANSWERS if v == flink]


def test_golden_covers_every_supported_version() -> None:
    assert [_version(v) for v in golden()["flink"]] == [
        parse_version(v) for v in ("1.15", "1.16", "1.17", "1.18", "1.19", "1.20", "2.0", "2.1",
                                   "2.2", "2.3")]


def _state_backend(flink: FlinkVersion, case: dict[str, Any], answer: dict[str, Any]) -> None:
    version, config = flink, case["config"]
    backend = rt.state_backend(config, version)
    loaded = answer["backend"]
    if backend is None:
        named = any(key in config for key in rt.backend_keys(version))
        # not named (Flink's default heap backend, from 1.19 the option's default), or a name
        # Flink cannot load
        assert _failed(loaded) if named else loaded in (None, HASHMAP_CLASS)
        return
    if _failed(loaded):  # the name is right; RocksDB's memory options make loading fail
        assert backend.kind == rt.ROCKSDB and rt.rocksdb_memory(config, version) is None
        return
    assert backend.kind == CLASSES[loaded.rsplit(".", 1)[-1]]
    assert backend.uses_managed_memory is answer["backend_uses_managed"]


@pytest.mark.parametrize("flink", VERSIONS)
def test_state_backend(flink: str) -> None:
    for version, case, answer in each(flink):
        try:
            _state_backend(version, case, answer)
        except AssertionError as error:
            raise AssertionError(f"{flink} {case['id']}: {error}") from None


def _consumer_weights(flink: FlinkVersion, case: dict[str, Any], answer: dict[str, Any]) -> None:
    expected = None if _failed(answer["weights"]) else answer["weights"]
    assert rt.consumer_weights(case["config"], flink) == expected


@pytest.mark.parametrize("flink", VERSIONS)
def test_consumer_weights(flink: str) -> None:
    for version, case, answer in each(flink):
        try:
            _consumer_weights(version, case, answer)
        except AssertionError as error:
            raise AssertionError(f"{flink} {case['id']}: {error}") from None


def _runtime_mode(flink: FlinkVersion, case: dict[str, Any], answer: dict[str, Any]) -> None:
    expected = None if _failed(answer["runtime_mode"]) else answer["runtime_mode"]
    assert rt.runtime_mode(case["config"]) == expected


@pytest.mark.parametrize("flink", VERSIONS)
def test_runtime_mode(flink: str) -> None:
    for version, case, answer in each(flink):
        try:
            _runtime_mode(version, case, answer)
        except AssertionError as error:
            raise AssertionError(f"{flink} {case['id']}: {error}") from None


def _rocksdb_memory(flink: FlinkVersion, case: dict[str, Any], answer: dict[str, Any]) -> None:
    found, expected = rt.rocksdb_memory(case["config"], flink), answer["rocksdb"]
    if _failed(expected) or expected["validate"] is not None:
        assert found is None
        return
    per_tm = None if expected["fixed_per_tm"] == "absent" else expected["fixed_per_tm"]
    assert found == rt.RocksDBMemory(expected["managed"], expected["fixed_per_slot"], per_tm)


@pytest.mark.parametrize("flink", VERSIONS)
def test_rocksdb_memory(flink: str) -> None:
    for version, case, answer in each(flink):
        try:
            _rocksdb_memory(version, case, answer)
        except AssertionError as error:
            raise AssertionError(f"{flink} {case['id']}: {error}") from None


ALLOCATED = [(v, c, a) for v, c, a in ANSWERS if "allocate" in a and not _failed(a["fractions"])]


@pytest.mark.parametrize(("flink", "case", "answer"), ALLOCATED,
                         ids=[f"{v}-{c['id']}" for v, c, _ in ALLOCATED])
def test_rocksdb_bound_is_what_flink_allocates(flink: str, case: dict[str, Any],
                                               answer: dict[str, Any]) -> None:
    """What bounds RocksDB (FL402-FL405 rely on it), against the slot Flink really set up."""
    version, config = _version(flink), case["config"]
    memory = rt.rocksdb_memory(config, version)
    assert memory is not None
    bound, got, slot = rt.rocksdb_bound(memory), answer["allocate"], case["managed_per_slot"]
    weights = rt.consumer_weights(config, version)
    assert weights is not None
    if bound == "managed" and weights.get(rt.STATE_BACKEND, 0) == 0:  # FL404
        assert "The fraction of memory to allocate should not be 0" in " ".join(got["error"])
        return
    if bound is None:  # FL402
        assert got == {"shared": False}
        return
    assert got["shared"] is True
    if bound == "managed":  # FL403: no managed memory, a RocksDB of 0 bytes
        assert got["size"] == slot and got["managed_left"] == 0
    elif bound == "fixed-per-slot":  # FL405: outside managed memory, which stays untouched
        assert got["size"] == memory.fixed_per_slot and got["managed_left"] == slot
    else:
        assert bound == "fixed-per-tm" and got["size"] == memory.fixed_per_tm
        assert got["managed_left"] == slot


def test_zero_managed_memory_gives_rocksdb_a_zero_write_buffer_manager() -> None:
    """FL403's claim: with no managed memory, cache and write buffer manager get 0 bytes."""
    for _, case, answer in ANSWERS:
        if case["id"] == "rocksdb-managed-0":
            assert answer["allocate"] == {"shared": True, "size": 0, "write_buffer_manager": 0,
                                          "managed_left": 0}


@pytest.mark.parametrize(("value", "expected"), [
    ({}, False),
    ({"python.executable": "python3"}, True),
    ({"python.executable": "python3", rt.PYTHON_MANAGED: "false"}, False),
    ({"python.executable": "python3", rt.PYTHON_MANAGED: "FALSE"}, False),
    ({rt.PYTHON_MANAGED: "true"}, True),
])
def test_python_uses_managed_memory(value: dict[str, str], expected: bool) -> None:
    assert rt.python_uses_managed_memory(value) is expected
