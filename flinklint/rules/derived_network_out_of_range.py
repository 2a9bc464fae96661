"""The network memory the other TaskManager components leave is outside its range.

## What it does
When the task heap is configured together with the total Flink memory (or the managed memory
and the Flink size), Flink does not derive the network memory from its fraction: network memory
is what the other components leave of the total Flink memory. The rule reports a TaskManager
where that rest is below `taskmanager.memory.network.min` (64mb by default) or above
`taskmanager.memory.network.max` (1gb up to Flink 1.16), or, up to Flink 1.20, differs from the
legacy `taskmanager.network.numberOfBuffers` times the segment size.

## Why is this bad?
Flink refuses to start the TaskManager with a message that hides the numbers: `If Total Flink,
Task Heap and (or) Managed Memory sizes are explicitly configured then the Network Memory size
is the rest of the Total Flink memory after subtracting all other configured types of memory,
but the derived Network Memory is inconsistent with its configuration.`

## Example
```yaml flink-conf.yaml
taskmanager.memory.flink.size: 1280m
taskmanager.memory.task.heap.size: 512m
taskmanager.memory.managed.size: 500m
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.flink.size: 1280m
taskmanager.memory.task.heap.size: 512m
taskmanager.memory.managed.size: 400m
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: either the range or one of the other components must change; the message gives both.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.memory import locate, setting, size
from flinklint.versions import FlinkVersion

KINDS = ("network-out-of-range-derived", "network-legacy-mismatch")
BUFFERS = "taskmanager.network.numberOfBuffers"


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    n = failure.numbers
    rest = (f"Flink refuses to start the TaskManager: with the task heap (or managed memory) "
            f"and the Flink size fixed, network memory is what the other components leave: "
            f"{size(n['network'])}")
    if failure.kind == KINDS[1]:
        message = (
            f"{rest}, but {BUFFERS} x taskmanager.memory.segment-size asks for exactly "
            f"{size(n['configured'])}; remove {BUFFERS} (deprecated) or set "
            f"taskmanager.memory.network.min/max instead"
        )
    elif n["network"] < n["min"]:
        message = (
            f"{rest}, below the network minimum {size(n['min'])}; lower "
            f"taskmanager.memory.network.min to {setting(n['network'], False)} or give the Flink "
            f"memory {size(n['min'] - n['network'])} more (or the other components less)"
        )
    else:
        message = (
            f"{rest}, above the network maximum {size(n['max'])}; raise "
            f"taskmanager.memory.network.max to at least {setting(n['network'])} or lower the "
            f"Flink memory by {size(n['network'] - n['max'])}"
        )
    return Hit(locate(config, failure.keys, process), message)


def check(ctx: Context) -> Iterator[Hit]:
    return failure_hits(ctx, KINDS)


RULE = Rule(
    code="FL209",
    name="derived-network-out-of-range",
    severity=Severity.ERROR,
    summary="The network memory the other TaskManager components leave is outside its range.",
    check=check,
    doc=__doc__ or "",
)
