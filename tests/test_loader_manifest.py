"""Operator manifests: what Flink receives from a FlinkDeployment or FlinkSessionJob."""

from __future__ import annotations

import textwrap

import pytest

from flinklint.flink_config import FlinkConfig, Source, ValueType
from flinklint.loader import load_text
from flinklint.values.quantity import operator_memory
from flinklint.versions import FileKind, FlinkVersion

HEAD = "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: job\n"


def load(text: str) -> list[FlinkConfig]:
    return load_text(textwrap.dedent(text), FileKind.MANIFEST, "deploy.yaml")


def deployment(spec: str) -> FlinkConfig:
    [config] = load(HEAD + "spec:\n" + textwrap.indent(textwrap.dedent(spec), "  "))
    return config


# resource.memory -> what the operator writes into *.memory.process.size (None: rejected).
# Checked against Flink's MemorySize and a Java run of fabric8's Quantity arithmetic.
MEMORY = [
    ("2g", "2 gb"), ("2G", "2 gb"), ("2Gb", "2 gb"), ("2048m", "2 gb"), ("1024", "1 kb"),
    ("0", "0 bytes"), ("1t", "1099511627776 bytes"), ("100m", "100 mb"),
    ("2Gi", "2147483648"), ("2gi", "2147483648"), ("2GiB", "2147483648"),
    ("500Mi", "524288000"), ("1 Gi", "1073741824"), ("3Ti", "3298534883328"),
    ("1.5G", "1500000000.0"), ("1.5g", "1500000000.0"), ("1.5Gi", "1610612736.0"),
    (".5Gi", "536870912.0"), ("1.50G", "1500000000.00"), ("1e9", "1000000000"),
    ("2E", "2.000000000000000E+18"), ("1Ei", "1.152921504606847E+18"), ("1e-3", "0.001"),
    ("-1Gi", "-1073741824"), ("1e3k", None), ("abc", None), ("", None), ("1,5G", None),
]


@pytest.mark.parametrize(("written", "passed"), MEMORY, ids=range(len(MEMORY)))
def test_operator_memory(written: str, passed: str | None) -> None:
    if passed is None:
        with pytest.raises(ValueError):
            operator_memory(written)
    else:
        assert operator_memory(written) == passed


def test_flink_configuration_and_operator_memory() -> None:
    config = deployment("""\
        flinkVersion: v1_18
        flinkConfiguration:
          taskmanager.memory.process.size: "8g"
          state:
            backend.type: rocksdb
        jobManager:
          resource:
            memory: "2048m"
        taskManager:
          resource:
            memory: 4Gi
        """)
    assert config.flink_version == FlinkVersion(1, 18)
    assert dict(config.effective) == {
        "taskmanager.memory.process.size": "4294967296",
        "state.backend.type": "rocksdb",
        "jobmanager.memory.process.size": "2 gb",
    }
    got = [(e.key, e.source, e.key_span.line, e.key_span.column, e.nested) for e in config.entries]
    assert got == [
        ("taskmanager.memory.process.size", Source.FILE, 8, 5, False),
        ("state.backend.type", Source.FILE, 10, 7, True),
        ("jobmanager.memory.process.size", Source.OPERATOR, 13, 7, False),
        ("taskmanager.memory.process.size", Source.OPERATOR, 16, 7, False),
    ]
    assert config.base_line == 7
    assert config.meta["manifest_kind"] == "FlinkDeployment" and config.meta["name"] == "job"
    assert config.findings == ()


# YAML value in flinkConfiguration -> (text Flink gets from operator 1.13+, type)
VALUES = [
    ('"2"', "2", ValueType.STRING), ("2", "2", ValueType.INTEGER),
    ("0.80", "0.8", ValueType.FLOAT), ("1.0", "1", ValueType.FLOAT),
    ("1e21", "1.0E21", ValueType.FLOAT), ("yes", "true", ValueType.BOOLEAN),
    ("off", "false", ValueType.BOOLEAN), ("0755", "493", ValueType.INTEGER),
    ("1_000", "1000", ValueType.INTEGER), ("0x1F", "31", ValueType.INTEGER),
    ("[a.jar, b.jar]", "a.jar;b.jar", ValueType.LIST), ("4g", "4g", ValueType.STRING),
]


@pytest.mark.parametrize(("yaml_value", "text", "kind"), VALUES, ids=range(len(VALUES)))
def test_flink_configuration_values(yaml_value: str, text: str, kind: ValueType) -> None:
    config = deployment(f"flinkVersion: v1_20\nflinkConfiguration:\n  k: {yaml_value}\n")
    assert [(e.value, e.value_type) for e in config.entries] == [(text, ValueType.STRING)]
    # operator 1.15 (assumed) accepts non-strings; only text that changes on the way is reported
    expected = [] if kind is ValueType.STRING or text == yaml_value else [("FL021", 8, 8)]
    assert [(f.code, f.line, f.column) for f in config.findings] == expected


# (operator 1.15, assumed; the spec below starts with flinkVersion on line 6)
FINDINGS = [
    ("flinkConfiguration:\n  a: 1.0\n  a: 2\n", [("FL021", 8, 8), ("FL002", 9, 5)]),
    ("flinkConfiguration:\n  a:\n", [("FL014", 8, 5)]),
    ("taskManager:\n  resource:\n    memory: \"1.5G\"\n", [("FL022", 9, 15)]),
    ("taskManager:\n  resource:\n    memory: \"lots\"\n", [("FL022", 9, 15)]),
    # the CRD declares resource.memory a string: the API server refuses an integer
    ("taskManager:\n  resource:\n    memory: 2048\n", [("FL301", 9, 15)]),
    ("flinkConfiguration: [a, b]\n", [("FL016", 7, 23)]),
    ("flinkConfiguration: text\n", [("FL016", 7, 23)]),
    ("flinkConfiguration:\n", []),
]


@pytest.mark.parametrize(("spec", "expected"), FINDINGS, ids=range(len(FINDINGS)))
def test_findings(spec: str, expected: list[tuple[str, int, int]]) -> None:
    config = deployment("flinkVersion: v1_20\n" + spec)
    assert [(f.code, f.line, f.column) for f in config.findings] == expected


def test_multi_document_file_keeps_only_flink_documents() -> None:
    configs = load("""\
        apiVersion: v1
        kind: ConfigMap
        ---
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkSessionJob
        metadata:
          name: j
        spec:
          flinkConfiguration:
            parallelism.default: "4"
        ---
        apiVersion: apps/v1
        kind: FlinkDeployment
        """)
    [session] = configs
    assert (session.document, session.meta["manifest_kind"]) == (1, "FlinkSessionJob")
    assert dict(session.effective) == {"parallelism.default": "4"}


def test_session_job_gets_no_memory_from_its_spec() -> None:
    [config] = load(HEAD.replace("FlinkDeployment", "FlinkSessionJob")
                    + "spec:\n  taskManager:\n    resource:\n      memory: 2g\n")
    assert dict(config.effective) == {}


@pytest.mark.parametrize(("spelling", "version"), [("v1_20", FlinkVersion(1, 20)),
                                                   ("v2_0", FlinkVersion(2, 0)),
                                                   ("v1_13", None), ("v9_9", None)])
def test_flink_version(spelling: str, version: FlinkVersion | None) -> None:
    assert deployment(f"flinkVersion: {spelling}\n").flink_version == version


def test_broken_yaml_and_templates_give_one_unlintable_config() -> None:
    [broken] = load(HEAD + "spec: [\n")
    assert ([f.code for f in broken.findings], broken.lintable) == (["FL001"], False)
    [template] = load(HEAD + "spec:\n  image: {{ .Values.image }}\n")
    assert ([f.code for f in template.findings], template.lintable) == (["FL013"], False)
    assert template.findings[0].line == 6
