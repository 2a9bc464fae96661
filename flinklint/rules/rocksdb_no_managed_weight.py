"""The managed-memory consumer weights give RocksDB no share, so its tasks fail.

## What it does
Reports a configuration that names the RocksDB state backend with its memory bounded by
managed memory (`state.backend.rocksdb.memory.managed`, true by default, and no
`state.backend.rocksdb.memory.fixed-per-slot`) while
`taskmanager.memory.managed.consumer-weights` gives the `STATE_BACKEND` consumer no weight:
left out, set to 0, spelled in lower case (Flink matches the names exactly), or, from Flink
2.0, given only through the legacy name `DATAPROC`, which Flink 1.x read for both
`OPERATOR` and `STATE_BACKEND` and 2.x no longer reads.

## Why is this bad?
Flink starts, and every task with keyed state fails when it opens RocksDB. Flink splits a slot's
managed memory between the consumers in a job by these weights
(`ManagedMemoryUtils.convertToFractionOfSlot`); a consumer without weight gets the fraction 0,
and the memory manager refuses it (checked with real Flink for every version from 1.15 to
2.3): `java.io.IOException: Failed to acquire shared cache resource for RocksDB`, caused by
"The fraction of memory to allocate should not be 0. Please make sure that all types of
managed memory consumers contained in the job are configured with a non-negative weight via
`taskmanager.memory.managed.consumer-weights`." The job restarts and fails again. Flink's
memory tuning guide (`deployment/memory/mem_tuning`, "RocksDB state backend"): RocksDB limits
its native memory "to the size of the managed memory", so "it is important to reserve enough
managed memory for your state".

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 1600m
state.backend.type: rocksdb
taskmanager.memory.managed.consumer-weights: OPERATOR:70,PYTHON:30
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 1600m
state.backend.type: rocksdb
taskmanager.memory.managed.consumer-weights: OPERATOR:70,STATE_BACKEND:70,PYTHON:30
```

## Fix safety
Unsafe: when the weights are one `NAME:weight,...` value without `STATE_BACKEND`, the fix
appends `STATE_BACKEND:70` (Flink's default weight), which takes part of each slot's managed
memory from the other consumers of a job that has them. Other forms are left to you.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.rules.shared.memory import locate
from flinklint.rules.shared.runtime import rocksdb_weight_zero
from flinklint.rules.shared.runtime_fixes import state_backend_weight_fix


def check(ctx: Context) -> Iterator[Hit]:
    note = rocksdb_weight_zero(ctx)
    if note is not None:
        yield Hit(locate(ctx.config, note.keys, "taskmanager"), note.message,
                  state_backend_weight_fix(ctx))


RULE = Rule(
    code="FL404",
    name="rocksdb-no-managed-weight",
    severity=Severity.WARNING,
    summary="The managed-memory consumer weights give RocksDB no share, so its tasks fail.",
    check=check,
    needs=("state.backend",),
    doc=__doc__ or "",
    fixable=True,
)
