"""flinklint migrate against real Flink: the goldens of tools/make_migrate_goldens.py.

For every legacy file in tests/golden/migrate/cases/, real Flink 1.20.3 read the file and the
config.yaml flinklint wrote for it (flat and nested), and Flink 2.3.0 the config.yaml written for
2.3. These tests hold flinklint to what Flink read: the same values, list and map options
included, and flinklint's own readers agreeing with Flink on every file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from migrate_support import YAML_ERRORS, legacy, legacy_values, standard

from flinklint.migration import Settings, migrate
from flinklint.versions import parse_version

GOLDEN = Path(__file__).parent / "golden" / "migrate"
DATA = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))
CASES = {case["name"]: case for case in DATA["cases"]}
SETTINGS = {
    "flat": Settings(parse_version("1.20")),
    "nested": Settings(parse_version("1.20"), nested=True),
    "v2": Settings(),
}
BOM = "\ufeff"


def source(name: str) -> bytes:
    return (GOLDEN / "cases" / f"{name}.flink-conf.yaml").read_bytes()


def test_every_case_has_a_golden() -> None:
    files = {p.name.removesuffix(".flink-conf.yaml") for p in (GOLDEN / "cases").iterdir()}
    assert files == set(CASES)
    assert len(CASES) >= 70
    assert DATA["flink"]["legacy"] == "1.20.3"
    probed = [v for c in CASES.values() for v in c["reads"]["legacy"].get("lists_and_maps", {})]
    assert len(probed) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("variant", sorted(SETTINGS))
def test_flinklint_writes_what_flink_read(name: str, variant: str) -> None:
    """The golden is current: migrate still writes exactly the text Flink was given."""
    assert migrate(source(name), SETTINGS[variant]).text == CASES[name]["texts"][variant]


def _unstructured(effective: dict[str, str], structured: dict[str, Any]) -> dict[str, str]:
    """``effective`` without the list and map options (and a map's keys spread below it)."""
    maps = [key for key, value in structured.items() if isinstance(value, dict)]
    return {
        key: value for key, value in effective.items()
        if key not in structured and not any(key.startswith(m + ".") for m in maps)
    }


def _without_bom(effective: dict[str, str]) -> dict[str, str]:
    """The legacy map with the byte-order mark taken off the first key, as migrate does."""
    out = {}
    for key, value in effective.items():
        if key.startswith(BOM):
            key = key[1:]
            if key in effective:
                continue  # a later line set the key without the mark: that one wins
        out[key] = value
    return out


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("variant", ["flat", "nested"])
def test_flink_reads_the_same_configuration(name: str, variant: str) -> None:
    reads = CASES[name]["reads"]
    before, after = reads["legacy"], reads[variant]
    assert before["ok"] and after["ok"], after["error"]
    structured = before.get("lists_and_maps", {})
    assert after.get("lists_and_maps", {}) == structured
    expected = _without_bom(_unstructured(before["effective"], structured))
    assert _unstructured(after["effective"], structured) == expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_flinklint_reads_the_legacy_file_as_flink(name: str) -> None:
    """The legacy loader, and the splitting of list and map values, agree with Flink."""
    reads = CASES[name]["reads"]["legacy"]
    config = legacy(source(name))
    assert dict(config.effective) == reads["effective"]
    mine = legacy_values(config.effective)
    for key, flink in reads.get("lists_and_maps", {}).items():
        if isinstance(mine[key], str):  # flinklint finds Flink cannot read it
            assert set(flink) == {"error"}, key
        else:
            assert mine[key] == flink, key


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("variant", sorted(SETTINGS))
def test_flinklint_reads_the_config_yaml_as_flink(name: str, variant: str) -> None:
    read = CASES[name]["reads"][variant]
    config = standard(CASES[name]["texts"][variant])
    assert config.lintable
    assert not [f.code for f in config.findings if f.code in YAML_ERRORS]
    assert dict(config.effective) == read["effective"]


def test_flink_2_reads_the_renamed_keys() -> None:
    """Each old key's value reaches Flink 2.3 under the key that replaced it; keys Flink 2.3
    does not read, or that Flink 1.20 ignored, are gone."""
    before = CASES["renames"]["reads"]["legacy"]["effective"]
    after = CASES["renames"]["reads"]["v2"]
    renamed = {
        "state.backend": "state.backend.type",
        "state.checkpoints.dir": "execution.checkpointing.dir",
        "akka.ask.timeout": "pekko.ask.timeout",
        "taskmanager.network.memory.min": "taskmanager.memory.network.min",
        "taskmanager.heap.size": "taskmanager.memory.flink.size",
        "high-availability.type": "high-availability.type",
    }
    expected = {new: before[old] for old, new in renamed.items()}
    expected["jobmanager.memory.heap.size"] = before["jobmanager.heap.mb"] + "m"
    assert after["ok"] and after["effective"] == expected
