"""A configured network fraction is ignored because network memory is what is left over.

## What it does
When the TaskManager's task heap is set together with the total Flink memory (or the managed
memory and the Flink size), Flink does not derive the network memory from
`taskmanager.memory.network.fraction` (or the deprecated `taskmanager.network.memory.fraction`):
network memory is what the other components leave. The rule reports a network fraction set in
the file when the network memory Flink derives differs from what the fraction asks for.

## Why is this bad?
The setting looks effective but is not; Flink only says so at INFO (`The derived Network Memory
size (...) does not match the configured Network Memory fraction (...)`). Whoever tunes the
fraction later will see no change.

## Example
```yaml flink-conf.yaml
taskmanager.memory.flink.size: 2g
taskmanager.memory.task.heap.size: 1g
taskmanager.memory.managed.size: 512m
taskmanager.memory.network.fraction: 0.2
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.flink.size: 2g
taskmanager.memory.task.heap.size: 1g
taskmanager.memory.managed.size: 512m
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: remove the fraction, or stop fixing the task heap if the fraction is what you want.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.rules.shared.memory import applies, size, span_for

KEYS = ("taskmanager.memory.network.fraction", "taskmanager.network.memory.fraction")
LOG = "does not match the configured Network Memory fraction"


def _asked(flink: int, value: str) -> str:
    try:
        return f", not {value} x {size(flink)} = {size(int(flink * float(value)))}"
    except (ValueError, OverflowError):
        return ""


def check(ctx: Context) -> Iterator[Hit]:
    config = ctx.config
    if not applies(config) or not any(k in config.effective for k in KEYS):
        return
    model = ctx.taskmanager
    if not model.ok or not any(LOG in line for line in model.logs):
        return
    key = next(k for k in KEYS if k in config.effective)
    span = span_for(config, key)
    if span is None:
        return
    network, flink, value = model.size("network"), model.size("total_flink"), config.effective[key]
    message = (
        f"{key} ({value}) is ignored: with the task heap and the Flink size fixed, network memory "
        f"is what the other components leave of the Flink memory {size(flink)}: "
        f"{size(network)}{_asked(flink, value)}; remove the fraction (or bound the rest with "
        f"taskmanager.memory.network.min/max)"
    )
    yield Hit(span, message)


RULE = Rule(
    code="FL218",
    name="network-fraction-ignored",
    severity=Severity.WARNING,
    summary="A configured network fraction is ignored because network memory is what is left over.",
    check=check,
    doc=__doc__ or "",
)
