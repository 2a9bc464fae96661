"""The TaskManager's memory components add up to more than its total Flink memory.

## What it does
Adds up the TaskManager components Flink cannot shrink (framework heap and off-heap, task
off-heap, and the configured task heap and managed memory, or the managed and network memory
derived from their fractions) and reports when the sum exceeds the total Flink memory, whether
that total is `taskmanager.memory.flink.size` or derived from `taskmanager.memory.process.size`.
The message lists each component and the smallest total that lets the TaskManager start, found
by resolving it again.

## Why is this bad?
Flink refuses to start the TaskManager: `Sum of configured Framework Heap Memory (...), ...
exceed configured Total Flink Memory (...)`. Typical causes: a fixed `managed.size` or
`task.heap.size` copied from a larger machine, or a small process size.

## Example
```yaml flink-conf.yaml
taskmanager.memory.flink.size: 1280m
taskmanager.memory.task.heap.size: 1g
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.flink.size: 2560m
taskmanager.memory.task.heap.size: 1g
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: raise the total as the message says or lower the fixed components.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.memory import locate, parse, shown, size
from flinklint.rules.shared.search import nearest
from flinklint.versions import FlinkVersion

KINDS = ("fine-grained-sum-exceeds-flink", "derived-sum-exceeds-flink")
PARTS = (("framework_heap", "framework heap"), ("framework_off_heap", "framework off-heap"),
         ("task_heap", "task heap"), ("task_off_heap", "task off-heap"), ("managed", "managed"),
         ("network", "network"))
TOTALS = ("taskmanager.memory.flink.size", "taskmanager.heap.size", "taskmanager.heap.mb",
          "taskmanager.memory.process.size")


def _total_key(config: FlinkConfig, failure: Failure) -> str:
    """The total to raise: the Flink size (or the legacy heap mapped to it), else the process."""
    for key in TOTALS:
        if key in failure.keys and key != "taskmanager.heap.mb":
            return key
    return "taskmanager.memory.flink.size"


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    n = failure.numbers
    parts = [(label, n[name]) for name, label in PARTS if n.get(name)]
    listed = " + ".join(f"{label} {size(value)}" for label, value in parts)
    total = sum(value for _, value in parts)
    key = _total_key(config, failure)
    message = (
        f"Flink refuses to start the TaskManager: {listed} = {size(total)}, more than the "
        f"total Flink memory {size(n['flink'])}"
    )
    current = parse(config.effective.get(key, "")) or n["flink"]
    value = nearest(config, process, version, key, current, True)
    if value is not None:
        message += f"; set {shown(config, key)} to at least {value}"
    fixed = [label for name, label in PARTS[2:5] if n.get(name)]
    message += f", or lower {' or '.join(fixed)}" if fixed else ""
    return Hit(locate(config, failure.keys, process), message)


def check(ctx: Context) -> Iterator[Hit]:
    return failure_hits(ctx, KINDS)


RULE = Rule(
    code="FL207",
    name="components-exceed-flink-memory",
    severity=Severity.ERROR,
    summary="The TaskManager's memory components add up to more than its total Flink memory.",
    check=check,
    doc=__doc__ or "",
)
