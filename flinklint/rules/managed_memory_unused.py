"""Managed memory that a streaming job on the heap state backend leaves unused.

## What it does
Reports a TaskManager with managed memory when the configuration names the heap state backend
(`state.backend.type`, or `state.backend` before 1.17 and as its deprecated key after:
`hashmap`, and up to Flink 1.20 also the legacy names `jobmanager` and `filesystem`, which
Flink maps to the same heap backend; names and keys per version checked with real Flink 1.15
to 2.3) and the job runs in `STREAMING` mode
(`execution.runtime-mode`, the default). The message says what the task heap (or the process)
gains when managed memory is zero, from the memory layout Flink computes for the changed file.

Stays silent where managed memory has a consumer: `BATCH` or `AUTOMATIC` mode (batch operators
sort and join in it), a configuration set up for Python (any `python.*` option, unless
`python.fn-execution.memory.managed` is false; or a `PYTHON` weight in
`taskmanager.memory.managed.consumer-weights`), and RocksDB or ForSt, which keep their state in
it. It also stays silent when the file names no state backend: Flink then uses the heap backend
too, but a job often chooses its backend in code.

## Why is this bad?
Flink's memory tuning guide (`deployment/memory/mem_tuning`, "HashMap state backend"): "When
running a stateless job or using the HashMapStateBackend, set managed memory to zero. This will
ensure that the maximum amount of heap memory is allocated for user code on the JVM." Managed
memory (`taskmanager.memory.managed.fraction`, 0.4 of the Flink memory by default) is off-heap;
the heap backend gets no share of it (Flink gives the `STATE_BACKEND` consumer a fraction of
0 when the backend does not use managed memory), so a streaming job leaves it idle while its
state competes for a smaller heap.

Exceptions the file cannot show: streaming SQL window aggregations, window Top-N and window
deduplication (window TVFs) declare managed memory as an operator consumer (the guide itself
warns that zero managed memory "can cause NullPointerException when using Window TVF by SQL when
running locally"), and PyFlink jobs use it for their Python workers. Keep managed memory (and
suppress this rule) for those.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 1600m
state.backend.type: hashmap
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.managed.size: 0
jobmanager.memory.process.size: 1600m
state.backend.type: hashmap
```

## Fix safety
Unsafe: the fix sets managed memory to zero: the line that sets it says `0` (a
`taskmanager.memory.managed.fraction` becomes `0` rather than leaving a size that silently
overrides it), or `taskmanager.memory.managed.size: 0` is added. Jobs that do use managed
memory (see above) fail without it.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.rules.shared.memory import locate
from flinklint.rules.shared.runtime import unused_managed
from flinklint.rules.shared.runtime_fixes import zero_managed_fix


def check(ctx: Context) -> Iterator[Hit]:
    note = unused_managed(ctx)
    if note is not None:
        fix = zero_managed_fix(ctx)
        yield Hit(locate(ctx.config, note.keys, "taskmanager"), note.message, fix)


RULE = Rule(
    code="FL401",
    name="managed-memory-unused",
    severity=Severity.WARNING,
    summary="Managed memory that a streaming job on the heap state backend leaves unused.",
    check=check,
    needs=("state.backend",),
    doc=__doc__ or "",
    fixable=True,
)
