"""RocksDB's memory is unbounded in a container that is killed when it grows too large.

## What it does
Reports a configuration that names the RocksDB state backend (`state.backend.type: rocksdb`,
or `state.backend`) with `state.backend.rocksdb.memory.managed: false` and neither
`state.backend.rocksdb.memory.fixed-per-slot` nor (from Flink 1.17)
`state.backend.rocksdb.memory.fixed-per-tm` set, when the TaskManager runs in a container: a
`FlinkDeployment` manifest, `execution.target` `kubernetes-*` or `yarn-*`, or a `deployment`
of `docker`, `kubernetes`, `operator` or `yarn` in flinklint's settings. Flink then gives
RocksDB no shared cache and write buffer manager at all (`RocksDBSharedResourcesFactory`: a
fixed size per slot, else managed memory, else a fixed size per TaskManager, else nothing;
checked with real Flink 1.15 to 2.3).

A standalone deployment, and a file that says nothing of how it is deployed, get no finding:
Flink's memory tuning guide calls the total process memory "not relevant" for standalone
deployments, where "only physical resources of the executing machine matter", and flinklint
cannot see the machine.

## Why is this bad?
Flink's memory tuning guide (`deployment/memory/mem_tuning`, "RocksDB state backend"): "By
default, RocksDB is set up to limit native memory allocation to the size of the managed memory
[...] If you disable the default RocksDB memory control, TaskManagers can be killed in
containerized deployments if RocksDB allocates memory above the limit of the requested
container size (the total process memory)." Without the bound every state of every task gets
its own write buffers and block cache; the large-state tuning guide
(`ops/state/large_state_tuning`, "Tuning RocksDB Memory") puts the upper bound at roughly
"140MB * num-states-across-all-tasks * num-slots", which grows with every state the job adds.
The troubleshooting guide (`deployment/memory/mem_trouble`, "Container Memory Exceeded"): "If a
Flink container tries to allocate memory beyond its requested size (Yarn or Kubernetes), this
usually indicates that Flink has not reserved enough native memory."

## Example
```yaml flink-conf.yaml
execution.target: kubernetes-application
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 1600m
state.backend.type: rocksdb
state.backend.rocksdb.memory.managed: false
```

## Use instead
```yaml flink-conf.yaml
execution.target: kubernetes-application
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 1600m
state.backend.type: rocksdb
```

## Fix safety
Unsafe: the fix removes `state.backend.rocksdb.memory.managed: false`, so that RocksDB shares
the slot's managed memory again (bounded, but with a different amount of memory than the
per-state defaults gave it; RocksDB options set for each column family lose their cache and
write buffer sizes). To keep unmanaged tuning, set a `fixed-per-slot` size instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.memory.runtime import ROCKSDB_MANAGED
from flinklint.rules.shared.fixes import delete_key
from flinklint.rules.shared.memory import locate
from flinklint.rules.shared.runtime import unbounded_rocksdb


def check(ctx: Context) -> Iterator[Hit]:
    note = unbounded_rocksdb(ctx)
    if note is not None:
        fix = delete_key(ctx.config, ROCKSDB_MANAGED,
                         f"Remove {ROCKSDB_MANAGED} so that RocksDB uses managed memory")
        yield Hit(locate(ctx.config, note.keys, "taskmanager"), note.message, fix)


RULE = Rule(
    code="FL402",
    name="rocksdb-memory-unbounded",
    severity=Severity.WARNING,
    summary="RocksDB's memory is unbounded in a container that is killed when it grows too large.",
    check=check,
    needs=("state.backend",),
    doc=__doc__ or "",
    fixable=True,
)
