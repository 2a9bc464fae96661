"""What the jars do not declare as ``ConfigOption`` fields, written down as data.

``FAMILIES``: keys Flink (or a plugin, or the Kubernetes operator) reads by prefix. Each is
``(pattern, anchor, what reads it)``: ``*`` matches one dotted segment and ``**`` one or more;
the family exists in the versions that have the ``anchor`` option (every version when None).
``SHELL_KEYS``: keys only ``bin/config.sh`` reads, with their type, in versions whose jars lack
them.
``REPLACEMENTS``: what to use instead of a deprecated or removed key where Flink's own fallback
keys and descriptions do not say it; they override the derived ones.
"""

from __future__ import annotations

FAMILIES: tuple[tuple[str, str | None, str], ...] = (
    ("metrics.reporter.*.**", None, "options of the metric reporter <name>"),
    ("traces.reporter.*.**", "traces.reporters", "options of the trace reporter <name>"),
    ("events.reporter.*.**", "events.reporters", "options of the event reporter <name>"),
    ("external-resource.*.**", None, "options of the external resource <name>"),
    ("containerized.master.env.**", None, "environment variables of the JobManager container"),
    ("containerized.taskmanager.env.**", None, "environment variables of TaskManager containers"),
    ("flink.hadoop.**", None, "Hadoop configuration passed through by Flink"),
    ("flink.yarn.**", None, "YARN configuration passed through by Flink"),
    ("fs.*.**", None, "file system options per scheme (fs.<scheme>.limit.*, fs.s3a.* & co.)"),
    ("s3.**", None, "S3 file system plugins (flink-s3-fs-hadoop, flink-s3-fs-presto)"),
    ("s3a.**", None, "S3 file system plugin flink-s3-fs-hadoop"),
    ("presto.s3.**", None, "S3 file system plugin flink-s3-fs-presto"),
    ("gs.**", None, "Google Cloud Storage file system plugin flink-gs-fs-hadoop"),
    ("azure.**", None, "Azure file system plugin flink-azure-fs-hadoop"),
    ("security.kerberos.token.provider.*.**", "security.kerberos.tokens.renewal.time-ratio",
     "options of the delegation token provider <name>"),
    ("security.delegation.token.provider.*.**", "security.delegation.tokens.enabled",
     "options of the delegation token provider <name>"),
    ("kubernetes.operator.**", None, "Flink Kubernetes Operator options"),
    ("job.autoscaler.**", None, "Flink Kubernetes Operator autoscaler options"),
)  # fmt: skip

SHELL_KEYS: dict[str, str] = {
    "env.java.home": "str",
    "taskmanager.compute.numa": "bool",
    "zookeeper.heap.mb": "int",
}

_MB = "a number of megabytes: write it with a unit (e.g. 1024m)"
REPLACEMENTS: dict[str, tuple[str | None, str]] = {
    # key: (what to use instead or None, what to know; a non-empty note means "not a rename")
    "taskmanager.heap.size": ("taskmanager.memory.flink.size",
        "standalone clusters read it as taskmanager.memory.flink.size, YARN and Kubernetes "
        "as taskmanager.memory.process.size"),
    "taskmanager.heap.mb": ("taskmanager.memory.flink.size",
        _MB + "; YARN and Kubernetes read it as taskmanager.memory.process.size"),
    "jobmanager.heap.size": ("jobmanager.memory.heap.size",
        "standalone clusters read it as jobmanager.memory.heap.size, YARN and Kubernetes "
        "as jobmanager.memory.process.size"),
    "jobmanager.heap.mb": ("jobmanager.memory.heap.size",
        _MB + "; YARN and Kubernetes read it as jobmanager.memory.process.size"),
    "taskmanager.network.numberOfBuffers": ("taskmanager.memory.network.min",
        "set taskmanager.memory.network.min and taskmanager.memory.network.max to the number "
        "of buffers times taskmanager.memory.segment-size"),
    "cluster.evenly-spread-out-slots": ("taskmanager.load-balance.mode", "`true` becomes `SLOTS`"),
    "security.ssl.enabled": ("security.ssl.internal.enabled",
        "together with security.ssl.rest.enabled for the REST endpoints"),
    "web.ssl.enabled": ("security.ssl.rest.enabled",
        "SSL of the REST endpoints and web UI is switched by security.ssl.rest.enabled"),
    "pipeline.default-kryo-serializers": ("pipeline.serialization-config", "in its own syntax"),
    "pipeline.registered-kryo-types": ("pipeline.serialization-config", "in its own syntax"),
    "pipeline.registered-pojo-types": ("pipeline.serialization-config", "in its own syntax"),
    "table.exec.shuffle-mode": ("execution.batch-shuffle-mode", "with its own values"),
    "jobstore.expiration-time": ("completed-application-store.expiration-time",
        "a number of seconds: write it with a unit (e.g. 3600 s)"),
    "jobmanager.adaptive-scheduler.min-parallelism-increase": (
        "jobmanager.adaptive-scheduler.executing.cooldown-after-rescaling",
        "and jobmanager.adaptive-scheduler.executing.resource-stabilization-timeout"),
    "taskmanager.network.batch-shuffle.compression.enabled": (
        "taskmanager.network.compression.codec", "`NONE` switches compression off"),
    "state.backend.async": (None, "every state snapshot is asynchronous"),
    "high-availability.zookeeper.path.running-registry": (None, "it has no effect since 1.15"),
}  # fmt: skip

_CUTOFF = "the JVM overhead is sized by taskmanager.memory.jvm-overhead.* since Flink 1.10"
# Keys of Flink releases before the supported ones, still found in old files:
# key -> (last minor that read it, what to use instead or None, what to know).
ANCIENT: dict[str, tuple[str, str | None, str]] = {
    "taskmanager.memory.fraction": ("1.9", "taskmanager.memory.managed.fraction",
        "a fraction of the total Flink memory since Flink 1.10, not of the free heap"),
    "taskmanager.memory.off-heap": ("1.9", None, "managed memory is off-heap since Flink 1.10"),
    "taskmanager.memory.preallocate": ("1.9", None, "managed memory is never preallocated"),
    "containerized.heap-cutoff-ratio": ("1.9", "taskmanager.memory.jvm-overhead.fraction", _CUTOFF),
    "containerized.heap-cutoff-min": ("1.9", "taskmanager.memory.jvm-overhead.min", _CUTOFF),
    "yarn.heap-cutoff-ratio": ("1.9", "taskmanager.memory.jvm-overhead.fraction", _CUTOFF),
    "yarn.heap-cutoff-min": ("1.9", "taskmanager.memory.jvm-overhead.min", _CUTOFF),
}  # fmt: skip
