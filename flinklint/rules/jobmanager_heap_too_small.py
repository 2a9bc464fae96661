"""The JobManager's JVM heap is below Flink's recommended minimum of 128mb.

## What it does
Reports a JobManager whose JVM heap, configured (`jobmanager.memory.heap.size`) or derived from
the Flink or process size, is smaller than 128mb, and says how much larger the responsible size
must be (found by resolving the JobManager again).

## Why is this bad?
Flink starts, but warns: `The configured or derived JVM heap memory size (...) is less than its
recommended minimum value (128.000mb (134217728 bytes))`. The JobManager keeps the job graph,
checkpoint metadata and the web UI's data on its heap; below 128mb it tends to fail with
`OutOfMemoryError` once a real job is submitted. A process size of 600mb leaves only about 24mb
of heap after metaspace (256mb), overhead (192mb) and off-heap (128mb).

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.process.size: 640m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.process.size: 1g
```

## Fix safety
No fix: raise the size the message names.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.memory.model import ProcessModel
from flinklint.rules.shared.memory import MB, applies, locate, parse, shown, size
from flinklint.rules.shared.search import nearest

MINIMUM = 128 * MB
J = "jobmanager.memory."
KEYS = (J + "heap.size", "jobmanager.heap.size", J + "flink.size", J + "process.size")


def _enough(model: ProcessModel) -> bool:
    return model.ok and model.size("jvm_heap") >= MINIMUM


def check(ctx: Context) -> Iterator[Hit]:
    config, model = ctx.config, ctx.jobmanager
    if not applies(config) or not model.ok or "jvm_heap" not in model.components:
        return
    heap = model.size("jvm_heap")
    if heap >= MINIMUM:
        return
    key = next((k for k in KEYS if k in config.effective), J + "process.size")
    message = (
        f"the JobManager's JVM heap is {size(heap)}, below Flink's recommended minimum of "
        f"128mb; it will likely run out of memory with a real job"
    )
    current = parse(config.effective.get(key, "")) or 0
    value = nearest(config, "jobmanager", ctx.version, key, current, True, _enough)
    if value is not None:
        message += f": set {shown(config, key)} to at least {value}"
    yield Hit(locate(config, (key,), "jobmanager"), message)


RULE = Rule(
    code="FL219",
    name="jobmanager-heap-too-small",
    severity=Severity.WARNING,
    summary="The JobManager's JVM heap is below Flink's recommended minimum of 128mb.",
    check=check,
    doc=__doc__ or "",
)
