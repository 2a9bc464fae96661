"""The JSON Schema of config.yaml: valid draft 7, and it accepts and refuses what Flink does."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from flinklint.catalog.schema import json_schema
from flinklint.versions import SUPPORTED, FlinkVersion, parse_version

FIXTURES = Path(__file__).parent / "fixtures"


def errors(document: dict[str, Any], version: str) -> list[str]:
    validator = jsonschema.Draft7Validator(json_schema(parse_version(version)))
    return sorted(".".join(map(str, e.absolute_path)) for e in validator.iter_errors(document))


def load(text: str) -> dict[str, Any]:
    data = YAML(typ="safe").load(io.StringIO(text))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("version", SUPPORTED, ids=str)
def test_valid_draft7_with_portable_patterns(version: FlinkVersion) -> None:
    schema = json_schema(version)
    jsonschema.Draft7Validator.check_schema(schema)
    patterns = re.findall(r'"pattern": "((?:[^"\\]|\\.)*)"', json.dumps(schema))
    patterns += list(schema["patternProperties"])
    for pattern in patterns:
        assert "(?" not in pattern  # no inline flags or look-arounds: ECMAScript reads them too


@pytest.mark.parametrize("version", ["2.0", "2.1", "2.2", "2.3"])
def test_shipped_default_config_is_valid(version: str) -> None:
    text = (FIXTURES / "default-config.yaml").read_text(encoding="utf-8")
    assert errors(load(text), version) == []


@pytest.mark.parametrize(
    ("text", "version", "bad"),
    [
        ("web.submit.enable: yes\n", "2.0", ["web.submit.enable"]),
        ("web.submit.enable: 'TRUE'\n", "2.0", []),
        ("taskmanager:\n  numberOfTaskSlots: two\n", "2.0", ["taskmanager.numberOfTaskSlots"]),
        ("parallelism.default: 2147483648\n", "2.0", ["parallelism.default"]),
        ("execution.checkpointing.interval: 1.5 min\n", "2.0",
         ["execution.checkpointing.interval"]),
        ("execution.checkpointing.interval: 90 SECONDS\n", "2.0", []),
        ("heartbeat.timeout: PT50S\n", "2.0", ["heartbeat.timeout"]),
        ("heartbeat.timeout: PT50S\n", "2.1", []),
        ("execution.runtime-mode: batch\n", "2.0", []),
        ("execution.runtime-mode: fast\n", "2.0", ["execution.runtime-mode"]),
        ("taskmanager.memory.process.size: 2Gi\n", "2.0", ["taskmanager.memory.process.size"]),
        ("taskmanager:\n  memory.process.size: 4g\n", "2.0", []),
        ("metrics.reporter.prom.interval: 10 hrs\n", "2.0", ["metrics.reporter.prom.interval"]),
        ("metrics.reporter.prom.port: 9250-9260\n", "2.0", []),
        ("state:\n  backend: rocksdb\n", "2.0", []),
        ("state:\n  backend:\n    type: rocksdb\n", "2.0", []),
        ("my.own.plugin.key: 1\n", "2.0", []),
        ("$internal.pipeline.job-id: abc\n", "2.0", []),
    ],
)  # fmt: skip
def test_values(text: str, version: str, bad: list[str]) -> None:
    assert errors(load(text), version) == bad


def test_deprecated_keys_are_marked() -> None:
    schema = json_schema(parse_version("2.0"))
    backend = schema["definitions"]["state.backend"]
    assert backend["deprecated"] is True
    assert "state.backend.type" in backend["deprecationMessage"]
    assert "taskmanager.heap.size" not in schema["definitions"]
    assert "taskmanager.heap.size" in json_schema(parse_version("1.20"))["definitions"]
