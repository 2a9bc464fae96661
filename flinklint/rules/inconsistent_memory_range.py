"""A memory fraction is outside [0, 1), or the JVM overhead minimum exceeds its maximum.

## What it does
Reports the range settings Flink checks before it derives a component from a fraction:
`*.memory.jvm-overhead.min` above `*.memory.jvm-overhead.max`, and a
`taskmanager.memory.managed.fraction`, `taskmanager.memory.network.fraction` (or its deprecated
`taskmanager.network.memory.fraction`) or `*.memory.jvm-overhead.fraction` below 0, at 1 or
above, or not a number at all (`NaN`). Network min above max has its own rule, FL202
network-min-exceeds-max.

## Why is this bad?
Flink refuses to start the process: `Inconsistently configured Key: '...' (...) and its min
(...), max (...) value`. A fraction of 1 would leave nothing for the other components, and Flink
names the fraction even when the minimum and maximum are the problem.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.managed.fraction: 1.0
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.managed.fraction: 0.6
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: the right fraction or bound depends on the job.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.memory import TITLE, locate, setting, size, value_of
from flinklint.versions import FlinkVersion

KINDS = ("overhead-min-exceeds-max", "inconsistent-fraction")
DEFAULTS = {"managed.fraction": "0.4", "network.fraction": "0.1", "network.memory.fraction": "0.1",
            "jvm-overhead.fraction": "0.1"}


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    n, refuse = failure.numbers, f"Flink refuses to start the {TITLE[process]}"
    if failure.kind == KINDS[0]:
        # the failure names only the keys the file sets; the message names both bounds
        low, high = f"{process}.memory.jvm-overhead.min", f"{process}.memory.jvm-overhead.max"
        message = (
            f"{refuse}: {low} ({size(n['min'])}) is larger than {high} ({size(n['max'])}); "
            f"raise {high} to at least {setting(n['min'])} or lower {low}"
        )
    else:
        key = failure.keys[0]
        default = next((d for k, d in DEFAULTS.items() if key.endswith(k)), "0.1")
        message = (
            f"{refuse}: {key} is {value_of(config, key)}, but a fraction must be at least 0 and "
            f"less than 1 (Flink's default is {default})"
        )
    return Hit(locate(config, failure.keys, process), message)


def check(ctx: Context) -> Iterator[Hit]:
    return failure_hits(ctx, KINDS)


RULE = Rule(
    code="FL208",
    name="inconsistent-memory-range",
    severity=Severity.ERROR,
    summary="A memory fraction is outside [0, 1), or the JVM overhead minimum exceeds its maximum.",
    check=check,
    doc=__doc__ or "",
)
