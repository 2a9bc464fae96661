"""RocksDB's fixed memory per slot exceeds the managed memory it leaves unused.

## What it does
Reports a configuration that names the RocksDB state backend with
`state.backend.rocksdb.memory.fixed-per-slot` when that size times the number of slots
(`taskmanager.numberOfTaskSlots`) is larger than the TaskManager's whole managed memory, as
Flink computes it, and the TaskManager runs in a container (a `FlinkDeployment` manifest,
`execution.target` `kubernetes-*` or `yarn-*`, or a `deployment` of `docker`, `kubernetes`,
`operator` or `yarn` in flinklint's settings). The message says by how much the process can
outgrow its size.

## Why is this bad?
With `fixed-per-slot`, Flink gives each slot's RocksDB a shared cache and write buffer manager
of exactly that size, allocated outside managed memory (`MemoryManager.
getExternalSharedMemoryResource`; with real Flink the slot's managed memory stays untouched),
while the state backend's share of managed memory is still set aside and stays unused. That
share is the only room the process size holds for RocksDB; what RocksDB takes beyond all of
managed memory is memory Flink did not plan for. The state backend guide
(`ops/state/state_backends`, "Memory Management") on `fixed-per-slot`: "users need to ensure
on their own that enough memory is available outside the JVM for RocksDB"; the memory tuning
guide (`deployment/memory/mem_tuning`, "Configure memory for containers"): "If Flink or user
code allocates unmanaged off-heap (native) memory beyond the container size the job can fail
because the deployment environment can kill the offending containers."

The check is lenient: it compares with all of managed memory, although jobs with other
managed-memory consumers (batch operators, Python) leave RocksDB less.

## Example
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: orders
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "4"
    state.backend.type: rocksdb
    state.backend.rocksdb.memory.fixed-per-slot: 512m
  jobManager:
    resource:
      memory: 1600m
      cpu: 1
  taskManager:
    resource:
      memory: 4g
      cpu: 2
```

## Use instead
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: orders
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "4"
    state.backend.type: rocksdb
    state.backend.rocksdb.memory.fixed-per-slot: 256m
  jobManager:
    resource:
      memory: 1600m
      cpu: 1
  taskManager:
    resource:
      memory: 4g
      cpu: 2
```

## Fix safety
No fix: lower `fixed-per-slot`, raise managed memory, or remove `fixed-per-slot` so that
RocksDB shares managed memory; which one depends on the job.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.rules.shared.memory import locate
from flinklint.rules.shared.runtime import rocksdb_fixed_outside


def check(ctx: Context) -> Iterator[Hit]:
    note = rocksdb_fixed_outside(ctx)
    if note is not None:
        yield Hit(locate(ctx.config, note.keys, "taskmanager"), note.message)


RULE = Rule(
    code="FL405",
    name="rocksdb-fixed-memory-too-large",
    severity=Severity.WARNING,
    summary="RocksDB's fixed memory per slot exceeds the managed memory it leaves unused.",
    check=check,
    needs=("state.backend",),
    doc=__doc__ or "",
)
