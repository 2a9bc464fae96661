"""The JobManager's heap, off-heap and Flink sizes do not fit together.

## What it does
The JobManager's total Flink memory is its JVM heap plus its off-heap memory. The rule reports
a JobManager where `jobmanager.memory.heap.size` exceeds `jobmanager.memory.flink.size`, where
heap, off-heap and Flink size are all set and do not add up, or where the Flink memory (set, or
derived from `jobmanager.memory.process.size`) is not larger than the off-heap memory
(`jobmanager.memory.off-heap.size`, 128mb by default), which would leave no heap at all.

## Why is this bad?
Flink refuses to start the JobManager: `The configured JVM Heap Memory (...) exceeds the
configured Total Flink Memory (...)`, `Sum of the configured JVM Heap Memory (...) and the
configured Off-heap Memory (...) does not match the configured Total Flink Memory (...)` or
`The configured Total Flink Memory (...) is less than the configured Off-heap Memory (...)`.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.flink.size: 1g
jobmanager.memory.heap.size: 1g
jobmanager.memory.off-heap.size: 128m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.heap.size: 1g
jobmanager.memory.off-heap.size: 128m
```

## Fix safety
No fix: which size is right is yours to decide; setting only two of the three always works.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.memory import locate, parse, setting, shown, size
from flinklint.rules.shared.search import nearest
from flinklint.versions import FlinkVersion

KINDS = ("jm-heap-exceeds-flink", "jm-heap-offheap-mismatch", "jm-flink-below-offheap")
J = "jobmanager.memory."
REFUSE = "Flink refuses to start the JobManager"


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    n = failure.numbers
    if failure.kind == KINDS[0]:
        message = (
            f"{REFUSE}: {J}heap.size ({size(n['heap'])}) is larger than {J}flink.size "
            f"({size(n['flink'])}); set only one of them, or raise {J}flink.size to at least "
            f"{setting(n['heap'] + 128 * 2**20)}"
        )
    elif failure.kind == KINDS[1]:
        message = (
            f"{REFUSE}: heap {size(n['heap'])} + off-heap {size(n['off_heap'])} = "
            f"{size(n['heap'] + n['off_heap'])}, but {J}flink.size is {size(n['flink'])}; "
            f"set only two of the three, e.g. remove {J}flink.size"
        )
    else:
        message = _below_off_heap(failure, config, version)
    return Hit(locate(config, failure.keys, process), message)


def _below_off_heap(failure: Failure, config: FlinkConfig, version: FlinkVersion) -> str:
    n = failure.numbers
    key = next((k for k in (f"{J}flink.size", f"{J}process.size") if k in config.effective),
               f"{J}flink.size")
    message = (
        f"{REFUSE}: its Flink memory {size(n['flink'])} is not larger than its off-heap memory "
        f"{size(n['off_heap'])}, which leaves no JVM heap"
    )
    current = parse(config.effective.get(key, "")) or n["flink"]
    value = nearest(config, "jobmanager", version, key, current, True)
    if value is not None:
        message += f"; set {shown(config, key)} to at least {value}"
    return message + f" or lower {J}off-heap.size"


def check(ctx: Context) -> Iterator[Hit]:
    return failure_hits(ctx, KINDS)


RULE = Rule(
    code="FL210",
    name="jobmanager-memory-inconsistent",
    severity=Severity.ERROR,
    summary="The JobManager's heap, off-heap and Flink sizes do not fit together.",
    check=check,
    doc=__doc__ or "",
)
