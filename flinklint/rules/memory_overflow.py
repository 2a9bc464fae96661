"""Memory sizes add up to more than Flink can count (2^63-1 bytes).

## What it does
Reports a process whose memory sizes, added up or multiplied by a fraction, overflow Java's
64-bit `long` (8388608tb), pointing at the largest size configured for that process.

## Why is this bad?
Flink does not even give a configuration error: its start scripts die with a bare
`java.lang.ArithmeticException: long overflow`. The size is almost certainly a typo (a unit
too large, or digits repeated).

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.flink.size: 8388607t
jobmanager.memory.jvm-metaspace.size: 2t
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.flink.size: 2g
jobmanager.memory.jvm-metaspace.size: 256m
```

## Fix safety
No fix: correct the size that is too large.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.memory import TITLE, locate, memory_keys, parse, size
from flinklint.versions import FlinkVersion

KINDS = ("long-overflow",)


def _largest(config: FlinkConfig, process: str) -> tuple[str, int] | None:
    sizes = [(e.key, parse(e.value)) for e in memory_keys(config, process)]
    known = [(k, v) for k, v in sizes if v is not None]
    return max(known, key=lambda kv: kv[1]) if known else None


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    largest = _largest(config, process)
    message = (f"Flink cannot start the {TITLE[process]}: its memory sizes add up to more than "
               f"2^63-1 bytes (Java fails with 'long overflow')")
    keys = failure.keys
    if largest is not None:
        message += f"; {largest[0]} = {size(largest[1])} is far too large"
        keys = (largest[0], *keys)
    return Hit(locate(config, keys, process), message)


def check(ctx: Context) -> Iterator[Hit]:
    return failure_hits(ctx, KINDS)


RULE = Rule(
    code="FL214",
    name="memory-overflow",
    severity=Severity.ERROR,
    summary="Memory sizes add up to more than Flink can count (2^63-1 bytes).",
    check=check,
    doc=__doc__ or "",
)
