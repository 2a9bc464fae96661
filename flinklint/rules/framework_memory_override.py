"""Framework memory is overridden; Flink advises leaving it alone.

## What it does
Reports `taskmanager.memory.framework.heap.size` and `taskmanager.memory.framework.off-heap.size`
when the file sets them.

## Why is this bad?
Framework heap and framework off-heap memory (128mb each by default) are what the TaskManager
itself needs, not your job. Flink's documentation calls them advanced options and advises
against changing them unless you know Flink needs more: memory added there is not available to
operators, and memory taken away can make the TaskManager fail in ways that are hard to trace.
Give your job more memory with `taskmanager.memory.task.heap.size` or
`taskmanager.memory.task.off-heap.size` (or a larger total) instead.

One legitimate reason exists: sort-merge shuffle reads its buffers
(`taskmanager.memory.framework.off-heap.batch-shuffle.size`, 64mb by default) from framework
off-heap memory, so a file that raises that size may raise framework off-heap too. The rule stays
silent on framework off-heap when the batch-shuffle size is set.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.framework.heap.size: 512m
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.task.heap.size: 1g
jobmanager.memory.process.size: 1600m
```

## Fix safety
Unsafe: the fix removes the line, which moves that memory from the framework back to the task
(or out of the process when the total is not fixed). Check the job still has what it needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.rules.shared.fixes import delete_key
from flinklint.rules.shared.memory import applies, entry, parse, size

HEAP = "taskmanager.memory.framework.heap.size"
OFF_HEAP = "taskmanager.memory.framework.off-heap.size"
BATCH_SHUFFLE = "taskmanager.memory.framework.off-heap.batch-shuffle.size"
INSTEAD = {HEAP: "taskmanager.memory.task.heap.size",
           OFF_HEAP: "taskmanager.memory.task.off-heap.size"}


def check(ctx: Context) -> Iterator[Hit]:
    config = ctx.config
    if not applies(config):
        return
    for key, instead in INSTEAD.items():
        found = entry(config, key)
        if found is None or (key == OFF_HEAP and BATCH_SHUFFLE in config.effective):
            continue
        value = parse(found.value)
        shown = size(value) if value is not None else repr(found.value)
        message = (
            f"{key} is set to {shown} (Flink's default is 128mb); Flink advises against "
            f"changing framework memory: remove it and size {instead} instead"
        )
        yield Hit(found.key_span, message, delete_key(config, key, f"Remove {key}"))


RULE = Rule(
    code="FL204",
    name="framework-memory-override",
    severity=Severity.WARNING,
    summary="Framework memory is overridden; Flink advises leaving it alone.",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
