"""The option catalog: what each Flink version knows, deprecates, removed, and what is closest."""

from __future__ import annotations

import time

import pytest

from flinklint.catalog import Catalog, Deprecation, catalog
from flinklint.flink_config import ValueType
from flinklint.versions import SUPPORTED, FlinkVersion, parse_version

LEGITIMATE = """
jobmanager.rpc.address jobmanager.rpc.port jobmanager.bind-host jobmanager.memory.process.size
taskmanager.bind-host taskmanager.host taskmanager.memory.process.size
taskmanager.numberOfTaskSlots taskmanager.memory.managed.fraction parallelism.default
jobmanager.execution.failover-strategy rest.port rest.address rest.bind-address web.submit.enable
io.tmp.dirs classloader.resolve-order state.backend state.backend.incremental
state.checkpoints.dir state.savepoints.dir state.backend.rocksdb.localdir
state.backend.rocksdb.memory.managed execution.checkpointing.interval execution.checkpointing.mode
restart-strategy.fixed-delay.attempts restart-strategy.fixed-delay.delay high-availability
high-availability.storageDir high-availability.zookeeper.quorum high-availability.cluster-id
kubernetes.cluster-id kubernetes.namespace kubernetes.container.image kubernetes.jobmanager.labels
kubernetes.taskmanager.labels kubernetes.jobmanager.annotations kubernetes.service-account
kubernetes.rest-service.exposed.type kubernetes.taskmanager.cpu yarn.application.queue
metrics.reporters metrics.reporter.prom.factory.class metrics.reporter.prom.port
metrics.reporter.jmx.factory.class metrics.reporter.slf4j.interval metrics.scope.jm
containerized.master.env.JAVA_HOME containerized.taskmanager.env.LD_LIBRARY_PATH
env.java.opts.jobmanager env.java.opts.taskmanager env.log.dir env.pid.dir env.java.home
s3.access-key s3.secret-key s3.endpoint s3.path.style.access fs.s3a.connection.maximum
fs.allowed-fallback-filesystems fs.default-scheme fs.s3.limit.total presto.s3.socket-timeout
gs.writer.temporary.bucket.name fs.azure.account.key.acct.blob.core.windows.net
table.exec.mini-batch.enabled table.exec.mini-batch.allow-latency table.exec.state.ttl
table.optimizer.join-reorder-enabled table.local-time-zone pipeline.name pipeline.jars
pipeline.max-parallelism pipeline.object-reuse security.kerberos.login.keytab
security.kerberos.login.principal security.ssl.internal.enabled security.ssl.rest.enabled
external-resources external-resource.gpu.amount external-resource.gpu.driver-factory.class
external-resource.gpu.param.discovery-script.path flink.hadoop.dfs.replication
flink.yarn.resourcemanager.address python.executable sql-client.execution.result-mode
blob.server.port heartbeat.interval heartbeat.timeout akka.ask.timeout
kubernetes.operator.periodic.savepoint.interval job.autoscaler.enabled
taskmanager.compute.numa zookeeper.heap.mb
""".split()  # noqa: SIM905
V = parse_version


@pytest.mark.parametrize("version", SUPPORTED, ids=str)
def test_legitimate_keys_are_known_everywhere(version: FlinkVersion) -> None:
    unknown = [key for key in LEGITIMATE if not catalog().is_known(key, version)]
    assert unknown == []


@pytest.mark.parametrize(
    ("key", "known_from"),
    [
        ("pekko.ask.timeout", "1.18"),
        ("state.backend.type", "1.17"),
        ("high-availability.type", "1.17"),
        ("traces.reporter.otel.factory.class", "1.19"),
        ("events.reporter.otel.factory.class", "2.1"),
        ("security.delegation.token.provider.hbase.enabled", "1.17"),
    ],
)
def test_keys_added_later(key: str, known_from: str) -> None:
    assert catalog().known_in(key)[0] == V(known_from)


@pytest.mark.parametrize(
    "key",
    ["fs.default-schema", "taskmanager.memory.proces.size", "format", "sink.parallelism",
     "factory.class", "chainEnd", "metrics.reporter", "s3", "kubernetes.jobmanager.label"],
)  # fmt: skip
def test_unknown_keys(key: str) -> None:
    assert not any(catalog().is_known(key, v) for v in SUPPORTED)


def test_extra_keys_and_prefixes() -> None:
    cat, v = catalog(), V("2.0")
    assert cat.is_known("my.key", v, extra_keys=("my.key",))
    assert cat.is_known("company.plugin.x", v, extra_prefixes=("company.",))
    assert not cat.is_known("company.plugin.x", v, extra_prefixes=("other.",))


@pytest.mark.parametrize(
    ("key", "version", "main", "type_code"),
    [
        ("taskmanager.network.memory.min", "2.0", "taskmanager.memory.network.min", "mem"),
        ("state.backend", "2.3", "state.backend.type", "str"),
        ("taskmanager.numberOfTaskSlots", "1.15", "taskmanager.numberOfTaskSlots", "int"),
        ("metrics.reporter.prom.interval", "2.0", "metrics.reporter.*.interval", "dur"),
        ("s3.access-key", "1.20", "s3.**", ""),
        ("execution.runtime-mode", "1.15", "execution.runtime-mode", "enum"),
    ],
)
def test_lookup(key: str, version: str, main: str, type_code: str) -> None:
    info = catalog().lookup(key, V(version))
    assert info is not None and (info.main, info.type) == (main, type_code)


def test_enum_values_and_defaults() -> None:
    info = catalog().lookup("execution.runtime-mode", V("2.0"))
    assert info is not None and info.values == ("STREAMING", "BATCH", "AUTOMATIC")
    assert info.default == "STREAMING"
    network_max = catalog().lookup("taskmanager.memory.network.max", V("1.16"))
    assert network_max is not None and network_max.default == "1 gb"
    network_max = catalog().lookup("taskmanager.memory.network.max", V("1.17"))
    assert network_max is not None and network_max.default == "9223372036854775807 bytes"


@pytest.mark.parametrize(
    ("key", "version", "replacement", "rename"),
    [
        ("taskmanager.heap.size", "1.20", "taskmanager.memory.flink.size", False),
        ("taskmanager.network.memory.min", "1.15", "taskmanager.memory.network.min", True),
        ("state.backend", "2.0", "state.backend.type", True),
        ("high-availability", "1.17", "high-availability.type", True),
        ("env.java.opts", "2.0", "env.java.opts.all", True),
        ("akka.ask.timeout", "1.18", "pekko.ask.timeout", True),
        ("state.backend.async", "1.20", None, False),
        # followed through a replacement that is deprecated as well
        ("jobmanager.web.ssl.enabled", "1.20", "security.ssl.rest.enabled", False),
        ("state.backend.fs.checkpointdir", "2.0", "execution.checkpointing.dir", True),
        ("query.server.ports", "2.0", "queryable-state.server.ports", True),
    ],
)
def test_deprecated(key: str, version: str, replacement: str | None, rename: bool) -> None:
    found = catalog().deprecation(key, V(version))
    assert isinstance(found, Deprecation)
    assert found.replacement == replacement
    assert (found.note == "") == rename
    assert catalog().deprecated(key, V(version)) == replacement


@pytest.mark.parametrize(
    ("key", "version"),
    [("taskmanager.memory.process.size", "2.0"), ("high-availability", "1.15"),
     ("akka.ask.timeout", "1.17"), ("no.such.key", "2.0"), ("s3.access-key", "2.0")],
)  # fmt: skip
def test_not_deprecated(key: str, version: str) -> None:
    assert catalog().deprecation(key, V(version)) is None


@pytest.mark.parametrize(
    ("key", "version", "last", "replacement"),
    [
        ("taskmanager.heap.size", "2.0", "1.20", "taskmanager.memory.flink.size"),
        ("jobmanager.heap.mb", "2.3", "1.20", "jobmanager.memory.heap.size"),
        ("taskmanager.network.numberOfBuffers", "2.0", "1.20", "taskmanager.memory.network.min"),
        ("taskmanager.net.transport", "2.0", "1.20", None),  # its successor is gone too
        ("metrics.reporter.prom.class", "2.0", "1.20", None),
        ("cluster.fine-grained-resource-management.enabled", "1.19", "1.18", None),
        ("slotmanager.request-timeout", "1.18", "1.17", None),
        ("taskmanager.memory.fraction", "1.15", "1.9", "taskmanager.memory.managed.fraction"),
        ("yarn.heap-cutoff-ratio", "2.3", "1.9", "taskmanager.memory.jvm-overhead.fraction"),
    ],
)
def test_removed(key: str, version: str, last: str, replacement: str | None) -> None:
    removal = catalog().removed_in(key, V(version))
    assert removal is not None
    assert (str(removal.last), removal.replacement) == (last, replacement)


@pytest.mark.parametrize(
    ("key", "version"),
    [("taskmanager.heap.size", "1.20"), ("pekko.ask.timeout", "1.15"), ("no.such.key", "2.0"),
     ("s3.access-key", "2.0"), ("metrics.reporter.prom.class", "1.20")],
)  # fmt: skip
def test_not_removed(key: str, version: str) -> None:
    assert catalog().removed_in(key, V(version)) is None


@pytest.mark.parametrize(
    ("typo", "suggestions"),
    [
        ("taskmanager.memory.proces.size", ["taskmanager.memory.process.size"]),
        ("taskmanager.numberoftaskslots", ["taskmanager.numberOfTaskSlots"]),
        ("taskmanager.memory.process_size", ["taskmanager.memory.process.size"]),
        ("jobmanager.memroy.process.size", ["jobmanager.memory.process.size"]),
        ("parallelism.defualt", ["parallelism.default"]),
        ("taskmanager.process.size", ["taskmanager.memory.process.size"]),
        ("state.backend.rocksdb.localdirs", ["state.backend.rocksdb.localdir"]),
        ("completely.different.thing", []),
    ],
)
def test_suggest(typo: str, suggestions: list[str]) -> None:
    assert catalog().suggest(typo, V("2.0")) == suggestions


@pytest.mark.parametrize(
    ("key", "value", "version", "value_type", "reason"),
    [
        ("taskmanager.numberOfTaskSlots", "two", "1.20", ValueType.STRING,
         'For input string: "two"'),
        ("taskmanager.numberOfTaskSlots", "4", "1.20", ValueType.STRING, None),
        ("execution.runtime-mode", "batch", "2.0", ValueType.STRING, None),
        ("execution.runtime-mode", "fast", "2.0", ValueType.STRING,
         "Could not parse value for enum class org.apache.flink.api.common.RuntimeExecutionMode."
         " Expected one of: [[STREAMING, BATCH, AUTOMATIC]]"),
        ("heartbeat.timeout", "PT50S", "2.3", ValueType.STRING, None),
        ("heartbeat.timeout", "50 seconds", "1.15", ValueType.STRING,  # a long in 1.15
         'For input string: "50 seconds"'),
        ("execution.checkpointing.interval", "50 seconds", "1.15", ValueType.STRING, None),
        ("web.submit.enable", "yes", "1.20", ValueType.STRING,
         "Unrecognized option for boolean: yes. Expected either true or false(case insensitive)"),
        ("metrics.reporter.prom.interval", "10 sec", "2.0", ValueType.STRING, None),
        ("s3.access-key", "anything", "2.0", ValueType.STRING, None),
        ("no.such.key", "anything", "2.0", ValueType.STRING, None),
        ("taskmanager.network.memory.min", "64", "1.20", ValueType.STRING, None),  # a str option
        ("taskmanager.network.memory.min", "1.5g", "2.0", ValueType.STRING,  # main option: mem
         "Memory size unit '.5g' does not match any of the recognized units: (b | bytes) / "
         "(k | kb | kibibytes) / (m | mb | mebibytes) / (g | gb | gibibytes) / "
         "(t | tb | tebibytes)"),
        ("parallelism.default", "2147483648", "2.0", ValueType.INTEGER,
         "Configuration value 2147483648 overflows/underflows the integer type."),
        ("pipeline.jars", "[a, b]", "2.0", ValueType.LIST, None),
    ],
)  # fmt: skip
def test_check_value(
    key: str, value: str, version: str, value_type: ValueType, reason: str | None
) -> None:
    assert catalog().check_value(key, value, V(version), value_type) == reason


def test_version_counts_grow_and_legacy_keys_go() -> None:
    counts = [len(catalog().keys(v)) for v in SUPPORTED]
    assert all(count > 600 for count in counts)
    assert counts[-1] > counts[0]
    assert "taskmanager.heap.size" not in catalog().keys(V("1.20"))  # deprecated: not suggested
    assert "taskmanager.memory.process.size" in catalog().keys(V("1.15"))


def test_loads_in_a_few_milliseconds() -> None:
    import json

    import flinklint.catalog as module

    raw = module.CATALOG_FILE.read_bytes()
    assert len(raw) < 400_000
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        Catalog(json.loads(raw))
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.02
    assert catalog() is catalog()
