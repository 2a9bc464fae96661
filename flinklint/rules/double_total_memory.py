"""Both the total process size and the total Flink size are set for the same process.

## What it does
Reports a TaskManager or JobManager that has both `*.memory.process.size` and
`*.memory.flink.size`.

## Why is this bad?
Flink derives the memory components from the total Flink size (heap, off-heap, managed and
network memory); the process size then only constrains what is left: the JVM overhead becomes
`process - flink - metaspace` and must fall within `jvm-overhead.min`/`max`. Two totals that must
agree is twice the bookkeeping, and changing one later without the other makes Flink refuse to
start. When the two already disagree, the error rules (FL203 overhead-out-of-range, the
process-too-small rule) report that as well.

In a Kubernetes operator manifest the process size comes from
`spec.taskManager.resource.memory` / `spec.jobManager.resource.memory`, which the operator
needs to size the pod: there the Flink size in `flinkConfiguration` is the one to drop.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.flink.size: 3g
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.flink.size: 3g
jobmanager.memory.process.size: 1600m
```

## Fix safety
Unsafe: the fix removes the process size line (in a manifest, the Flink size line). The JVM
keeps its heap and direct memory sizes, but the JVM overhead is then derived from its fraction,
which changes the process (container) size.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import Source
from flinklint.rules.shared.fixes import delete_key
from flinklint.rules.shared.memory import PROCESSES, TITLE, applies, entry, shown


def check(ctx: Context) -> Iterator[Hit]:
    config = ctx.config
    if not applies(config):
        return
    for process in PROCESSES:
        process_key, flink_key = f"{process}.memory.process.size", f"{process}.memory.flink.size"
        total, flink = entry(config, process_key), entry(config, flink_key)
        if total is None or flink is None:
            continue
        from_spec = total.source is Source.OPERATOR
        drop, keep = (flink, total) if from_spec else (total, flink)
        message = (
            f"both {shown(config, process_key)} ({total.raw}) and {flink_key} ({flink.value}) are "
            f"set: Flink "
            f"derives the {TITLE[process]}'s memory from the Flink size and only checks the "
            f"process size against it (JVM overhead = process - flink - metaspace); "
            f"keep only {shown(config, keep.key)}"
        )
        fix = delete_key(config, drop.key, f"Remove {drop.key}")
        yield Hit(drop.key_span, message, fix)


RULE = Rule(
    code="FL201",
    name="double-total-memory",
    severity=Severity.WARNING,
    summary="Both the total process size and the total Flink size are set for the same process.",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
