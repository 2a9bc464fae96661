"""FL101-FL104: unknown, deprecated, removed keys and invalid values, per Flink version."""

from __future__ import annotations

from pathlib import Path

import pytest

from flinklint.edits import apply_edits
from flinklint.engine.rule import Rule
from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.findings import Applicability, Finding, Severity
from flinklint.loader import load_bytes, load_text
from flinklint.report.rule_pages import Example, examples
from flinklint.rules import deprecated_key, invalid_value, removed_key, unknown_key
from flinklint.versions import SUPPORTED, FileKind, FlinkVersion, default_for, parse_version

RULES = {r.code: r for r in (unknown_key.RULE, deprecated_key.RULE, removed_key.RULE,
                             invalid_value.RULE)}  # fmt: skip
KINDS = {"flink-conf.yaml": FileKind.LEGACY, "config.yaml": FileKind.YAML,
         "deployment.yaml": FileKind.MANIFEST}  # fmt: skip
FIXTURES = Path(__file__).parent / "fixtures"


def run(
    text: str, name: str, version: str | FlinkVersion, options: dict[str, object] | None = None
) -> list[Finding]:
    v = parse_version(version) if isinstance(version, str) else version
    found: list[Finding] = []
    for config in load_text(text, KINDS[name], name, version=v):
        found += lint(config, v, Selection(), options, rules=RULES)
    return found


def where(found: list[Finding], code: str) -> list[str]:
    return [f"{f.line}:{f.column}" for f in found if f.code == code]


LEGITIMATE_CONF = """\
jobmanager.rpc.address: localhost
jobmanager.memory.process.size: 1600m
taskmanager.memory.process.size: 1728m
taskmanager.numberOfTaskSlots: 4
parallelism.default: 2
metrics.reporters: prom
metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory
metrics.reporter.prom.port: 9250-9260
metrics.reporter.prom.interval: 30 s
containerized.master.env.JAVA_HOME: /opt/java
containerized.taskmanager.env.TZ: UTC
env.java.opts.taskmanager: -XX:+UseG1GC
s3.access-key: abc
s3.secret-key: def
s3.endpoint: http://minio:9000
s3.path.style.access: true
fs.s3a.connection.maximum: 64
high-availability.storageDir: s3://bucket/ha
high-availability.zookeeper.quorum: zk:2181
kubernetes.cluster-id: my-cluster
kubernetes.jobmanager.labels: app:flink,team:data
kubernetes.taskmanager.annotations: a:b
table.exec.mini-batch.enabled: true
table.exec.mini-batch.allow-latency: 5 s
table.exec.mini-batch.size: 5000
external-resources: gpu
external-resource.gpu.amount: 1
external-resource.gpu.param.discovery-script.path: /opt/gpu.sh
flink.hadoop.dfs.replication: 2
execution.checkpointing.interval: 60 s
web.submit.enable: false
"""


@pytest.mark.parametrize("version", SUPPORTED, ids=str)
def test_legitimate_keys_are_quiet_in_every_version(version: FlinkVersion) -> None:
    found = run(LEGITIMATE_CONF, "config.yaml" if version.at_least(2, 0) else "flink-conf.yaml",
                version)  # fmt: skip
    assert [f.message for f in found] == []


@pytest.mark.parametrize("version", [v for v in SUPPORTED if v.at_least(2, 0)], ids=str)
def test_shipped_default_config_yaml_is_quiet(version: FlinkVersion) -> None:
    text = (FIXTURES / "default-config.yaml").read_text(encoding="utf-8")
    assert [f.message for f in run(text, "config.yaml", version)] == []


@pytest.mark.parametrize(
    ("text", "name", "version", "code", "positions"),
    [
        ("taskmanager.memory.proces.size: 4g\n", "flink-conf.yaml", "1.20", "FL101", ["1:1"]),
        ("a: 1\nparallelism.defualt: 2\n", "flink-conf.yaml", "1.15", "FL101", ["1:1", "2:1"]),
        ("taskmanager:\n  memroy:\n    process.size: 4g\n", "config.yaml", "2.0", "FL101",
         ["3:5"]),
        ("state.backend.type: rocksdb\n", "flink-conf.yaml", "1.16", "FL101", ["1:1"]),
        ("state.backend: rocksdb\n", "config.yaml", "2.0", "FL102", ["1:1"]),
        ("taskmanager.heap.size: 1g\n", "flink-conf.yaml", "1.15", "FL102", ["1:1"]),
        ("taskmanager.heap.size: 1g\n", "config.yaml", "2.0", "FL103", ["1:1"]),
        ("taskmanager.net.transport: nio\n", "config.yaml", "2.0", "FL103", ["1:1"]),
        ("metrics.reporter.jmx.class: x.Y\n", "config.yaml", "2.1", "FL103", ["1:1"]),
        ("taskmanager.memory.fraction: 0.7\n", "flink-conf.yaml", "1.15", "FL103", ["1:1"]),
        ("web.submit.enable: yes\n", "flink-conf.yaml", "1.20", "FL104", ["1:20"]),
        ("parallelism.default: 1e3\n", "config.yaml", "2.0", "FL104", ["1:22"]),
        ("heartbeat.timeout: PT50S\n", "config.yaml", "2.0", "FL104", ["1:20"]),
        ("execution.runtime-mode: fast\n", "config.yaml", "2.3", "FL104", ["1:25"]),
        ("metrics.reporter.prom.interval: 10 hrs\n", "config.yaml", "2.3", "FL104", ["1:33"]),
        ("state.backend.rocksdb.block.cache-size: 1.5g\n", "config.yaml", "2.0", "FL104",
         ["1:41"]),
    ],
)  # fmt: skip
def test_reports(text: str, name: str, version: str, code: str, positions: list[str]) -> None:
    assert where(run(text, name, version), code) == positions


@pytest.mark.parametrize(
    ("text", "name", "version"),
    [
        ("heartbeat.timeout: PT50S\n", "config.yaml", "2.1"),
        ("state.backend: rocksdb\n", "flink-conf.yaml", "1.16"),  # not deprecated yet
        ("taskmanager.memory.process.size: 1.5g\n", "config.yaml", "2.0"),  # the memory rules'
        ("taskmanager.numberOfTaskSlots: two\n", "config.yaml", "2.0"),  # the memory rules'
        ('web.submit.enable: "yes"\n', "flink-conf.yaml", "1.20"),  # FL008's
        ("pipeline.jars: [a.jar, b.jar]\n", "config.yaml", "2.0"),
        ("my.plugin.key: 1\n", "config.yaml", "2.0"),  # declared below
        ("company.thing.x: 1\n", "config.yaml", "2.0"),
    ],
)  # fmt: skip
def test_quiet(text: str, name: str, version: str) -> None:
    options = {"extra-keys": ("my.plugin.key",), "extra-prefixes": ("company.",)}
    assert [f.message for f in run(text, name, version, options)] == []


def test_messages() -> None:
    (typo,) = run("taskmanager.memory.proces.size: 4g\n", "flink-conf.yaml", "1.20")
    assert "did you mean `taskmanager.memory.process.size`?" in typo.message
    (later,) = run("state.backend.type: rocksdb\n", "flink-conf.yaml", "1.16")
    assert "Flink 1.17 and later read it" in later.message
    (both,) = run("state.backend: a\nstate.backend.type: b\n", "config.yaml", "2.0")
    assert "Flink reads `state.backend.type` and ignores `state.backend`" in both.message
    (gone,) = run("taskmanager.heap.size: 1g\n", "config.yaml", "2.0")
    assert "up to Flink 1.20" in gone.message and "taskmanager.memory.flink.size" in gone.message
    (bad,) = run("web.submit.enable: yes\n", "flink-conf.yaml", "1.20")
    assert bad.message.endswith(
        "Unrecognized option for boolean: yes. Expected either true or false(case insensitive)"
    )


@pytest.mark.parametrize(
    ("text", "version", "severity"),
    [
        ("taskmanager.heap.size: 1g\n", "2.0", Severity.ERROR),
        ("taskmanager.network.numberOfBuffers: 4096\n", "2.3", Severity.ERROR),
        ("taskmanager.net.transport: nio\n", "2.0", Severity.WARNING),
    ],
)
def test_removed_severity(text: str, version: str, severity: Severity) -> None:
    (found,) = run(text, "config.yaml", version)
    assert (found.code, found.severity) == ("FL103", severity)


def _fixed(text: str, name: str, version: str, code: str) -> tuple[str, Applicability | None]:
    found = [f for f in run(text, name, version) if f.code == code]
    assert len(found) == 1
    fix = found[0].fix
    if fix is None:
        return text, None
    return apply_edits(text, fix.edits), fix.applicability


@pytest.mark.parametrize(
    ("before", "name", "version", "code", "after", "applicability"),
    [
        ("taskmanager.memory.proces.size: 4g\n", "flink-conf.yaml", "1.20", "FL101",
         "taskmanager.memory.process.size: 4g\n", Applicability.UNSAFE),
        ("taskmanager:\n  memory:\n    proces.size: 4g\n", "config.yaml", "2.0", "FL101",
         "taskmanager:\n  memory:\n    process.size: 4g\n", Applicability.UNSAFE),
        ("taskmanager:\n  memroy:\n    process.size: 4g\n", "config.yaml", "2.0", "FL101",
         "taskmanager:\n  memroy:\n    process.size: 4g\n", None),  # a parent changes
        ("state.backend: rocksdb\n", "config.yaml", "2.0", "FL102",
         "state.backend.type: rocksdb\n", Applicability.SAFE),
        ('"state.backend": rocksdb\n', "config.yaml", "2.0", "FL102",
         '"state.backend.type": rocksdb\n', Applicability.SAFE),
        ("state:\n  backend: rocksdb\n", "config.yaml", "2.0", "FL102",
         "state:\n  backend.type: rocksdb\n", Applicability.SAFE),
        ("taskmanager.network.memory.min: 64m\n", "flink-conf.yaml", "1.15", "FL102",
         "taskmanager.memory.network.min: 64m\n", Applicability.SAFE),
        ("state.backend: a\nstate.backend.type: b\n", "config.yaml", "2.0", "FL102",
         "state.backend: a\nstate.backend.type: b\n", None),  # both set: no rename
        ("taskmanager.heap.mb: 1024\n", "flink-conf.yaml", "1.20", "FL102",
         "taskmanager.heap.mb: 1024\n", None),  # megabytes: not a rename
        ("taskmanager.heap.size: 1g\n", "config.yaml", "2.0", "FL103",
         "taskmanager.heap.size: 1g\n", None),  # different meaning on YARN/Kubernetes
    ],
)  # fmt: skip
def test_fixes(
    before: str, name: str, version: str, code: str, after: str,
    applicability: Applicability | None,
) -> None:  # fmt: skip
    assert _fixed(before, name, version, code) == (after, applicability)


def test_fixed_text_is_clean() -> None:
    for before, version in [("state.backend: rocksdb\n", "2.0"),
                            ("taskmanager.memory.proces.size: 4g\n", "2.0")]:  # fmt: skip
        found = run(before, "config.yaml", version)
        fix = found[0].fix
        assert fix is not None
        assert run(apply_edits(before, fix.edits), "config.yaml", version) == []


def test_manifest_keys() -> None:
    text = """\
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: demo
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "2"
    state.backend.typo: rocksdb
    kubernetes.operator.periodic.savepoint.interval: 1h
    job.autoscaler.enabled: "true"
  jobManager:
    resource:
      memory: 2g
      cpu: 1
  taskManager:
    resource:
      memory: 2g
      cpu: 1
"""
    found = run(text, "deployment.yaml", "1.20")
    assert [(f.code, f.line) for f in found] == [("FL101", 9)]


@pytest.mark.parametrize("rule", list(RULES.values()), ids=lambda r: r.code)
def test_documented_examples(rule: Rule) -> None:
    cases = examples(rule)
    assert {e.should_fire for e in cases} == {True, False}
    for example in cases:
        assert isinstance(example, Example)
        version = parse_version(example.flink_version) if example.flink_version else None
        configs = load_bytes(example.text.encode(), Path(example.filename), version=version)
        assert configs
        codes = [
            f.code
            for config in configs
            for f in lint(
                config,
                version or default_for(config.kind),
                Selection(),
                None,
                rules={rule.code: rule},
            )
        ]
        assert (rule.code in codes) == example.should_fire, example.text
