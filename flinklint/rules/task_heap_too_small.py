"""The managed and network memory leave the TaskManager almost no task heap.

## What it does
When the task heap is not configured, Flink gives it whatever the Flink memory has left after
framework memory, task off-heap, managed memory (`taskmanager.memory.managed.fraction`, 0.4 of
the Flink memory by default) and network memory (`taskmanager.memory.network.fraction`, 0.1).
The rule reports a TaskManager whose derived task heap is below 128mb (the size of Flink's own
framework heap), naming the setting that takes the most: an explicit managed or network
fraction or size, else the total size.

Threshold: 128mb. Flink accepts any task heap down to zero, but operators, user functions and
heap state backends live there; below 128mb even a small job risks `OutOfMemoryError`. A 1g
TaskManager with default fractions has only about 26mb.

## Why is this bad?
Flink starts, and the job fails later with `java.lang.OutOfMemoryError: Java heap space`,
typically after someone raised the managed fraction for RocksDB or the network fraction for a
wide shuffle without raising the total.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.managed.fraction: 0.8
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.managed.fraction: 0.6
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: lower the named setting or raise the total.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.memory.model import Origin
from flinklint.rules.shared.memory import MB, applies, locate, size

THRESHOLD = 128 * MB
T = "taskmanager.memory."
SUSPECTS = (T + "managed.fraction", T + "managed.size", "taskmanager.memory.size",
            T + "network.fraction", "taskmanager.network.memory.fraction", T + "network.min",
            "taskmanager.network.memory.min", T + "task.off-heap.size", T + "flink.size",
            T + "process.size", "taskmanager.heap.size")


def check(ctx: Context) -> Iterator[Hit]:
    config, model = ctx.config, ctx.taskmanager
    if not applies(config) or not model.ok or "task_heap" not in model.components:
        return
    heap = model.components["task_heap"]
    if heap.origin is not Origin.DERIVED or heap.size >= THRESHOLD:
        return
    suspects = tuple(k for k in SUSPECTS if k in config.effective)
    culprit = f" ({suspects[0]} is {config.effective[suspects[0]]})" if suspects else ""
    message = (
        f"the TaskManager's task heap is only {size(heap.size)}: managed memory "
        f"{size(model.size('managed'))} and network memory {size(model.size('network'))} take "
        f"most of its Flink memory {size(model.size('total_flink'))}{culprit}; lower them or "
        f"raise the total so that the task heap gets at least 128mb"
    )
    yield Hit(locate(config, suspects, "taskmanager"), message)


RULE = Rule(
    code="FL220",
    name="task-heap-too-small",
    severity=Severity.WARNING,
    summary="The managed and network memory leave the TaskManager almost no task heap.",
    check=check,
    doc=__doc__ or "",
)
