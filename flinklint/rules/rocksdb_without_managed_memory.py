"""RocksDB takes its memory from managed memory, but the TaskManager has none.

## What it does
Reports a configuration that names the RocksDB state backend with its memory bounded by
managed memory (`state.backend.rocksdb.memory.managed`, true by default, and no
`state.backend.rocksdb.memory.fixed-per-slot`) while the TaskManager's managed memory, as
Flink computes it, is zero (`taskmanager.memory.managed.size: 0` or
`taskmanager.memory.managed.fraction: 0`).

## Why is this bad?
Flink starts, and RocksDB runs with nothing. Flink sizes RocksDB's shared block cache and write
buffer manager from the slot's managed memory (`RocksDBMemoryControllerUtils`); with none, both
get 0 bytes (checked with real Flink and RocksDB, every version from 1.15 to 2.3). RocksDB
reads a write buffer manager of size 0 as "no limit", so write buffers grow per state as if
memory control were off, outside Flink's memory budget, and a block cache of 0 bytes caches
nothing: every read goes to disk. Flink's memory tuning guide (`deployment/memory/mem_tuning`,
"RocksDB state backend"): "it is important to reserve enough managed memory for your state";
the large-state guide (`ops/state/large_state_tuning`, "Tuning RocksDB Memory"): "The first step
to try and increase performance should be to increase the amount of managed memory."

## Example
```yaml config.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.managed.size: 0
jobmanager.memory.process.size: 1600m
state.backend.type: rocksdb
```

## Use instead
```yaml config.yaml
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 1600m
state.backend.type: rocksdb
```

## Fix safety
Unsafe: the fix removes the line that sets managed memory to zero, so that Flink's default
fraction (0.4 of the Flink memory) applies, which takes that memory from the task heap.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.rules.shared.memory import locate
from flinklint.rules.shared.runtime import rocksdb_without_managed
from flinklint.rules.shared.runtime_fixes import managed_default_fix


def check(ctx: Context) -> Iterator[Hit]:
    note = rocksdb_without_managed(ctx)
    if note is not None:
        yield Hit(locate(ctx.config, note.keys, "taskmanager"), note.message,
                  managed_default_fix(ctx))


RULE = Rule(
    code="FL403",
    name="rocksdb-without-managed-memory",
    severity=Severity.WARNING,
    summary="RocksDB takes its memory from managed memory, but the TaskManager has none.",
    check=check,
    needs=("state.backend",),
    doc=__doc__ or "",
    fixable=True,
)
