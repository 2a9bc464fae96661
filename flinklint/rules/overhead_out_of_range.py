"""The JVM overhead left by the process size is outside its configured range.

## What it does
When a process has both a process size and a Flink size (set directly, or the sum of the
fine-grained sizes), Flink does not derive the JVM overhead from its fraction: the overhead is
whatever is left, `process - flink - metaspace`, and it must lie within
`*.memory.jvm-overhead.min` (192mb by default) and `*.memory.jvm-overhead.max` (1gb). The rule
reports a TaskManager or JobManager where it does not, with the numbers, and computes the
nearest process size that works (checked by resolving the process again with it).

## Why is this bad?
Flink refuses to start the process: `Derived JVM Overhead size (...) is not in configured JVM
Overhead range [...]`. This usually happens after one of the two totals was changed without the
other (see FL201 double-total-memory).

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.process.size: 1g
jobmanager.memory.flink.size: 600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.process.size: 1048m
jobmanager.memory.flink.size: 600m
```

## Fix safety
Unsafe: the fix sets the process size to the nearest value that works (at least
`flink + metaspace + jvm-overhead.min`, or at most `flink + metaspace + jvm-overhead.max`),
rounded to whole mebibytes. That changes the size of the process (its container).
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure, ProcessModel
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.fixes import set_value
from flinklint.rules.shared.memory import TITLE, entry, locate, setting, shown, size
from flinklint.rules.shared.search import nearest
from flinklint.versions import FlinkVersion

KINDS = ("overhead-out-of-range",)


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    n = failure.numbers
    key = f"{process}.memory.process.size"
    low = n["overhead"] < n["min"]
    bound = "min" if low else "max"
    guess = n["flink"] + n["metaspace"] + n[bound]

    def fixed(model: ProcessModel) -> bool:
        return model.failure is None or model.failure.kind not in KINDS

    value = nearest(config, process, version, key, n["process"], low, fixed, guess)
    message = (
        f"Flink refuses to start the {TITLE[process]}: the JVM overhead left by process size "
        f"{size(n['process'])} - Flink memory {size(n['flink'])} - metaspace "
        f"{size(n['metaspace'])} is {size(n['overhead'])}, "
        f"{'below' if low else 'above'} jvm-overhead.{bound} ({size(n[bound])})"
    )
    target = entry(config, key)
    fix = None
    if value is not None:
        message += f"; set {shown(config, key)} to {'at least' if low else 'at most'} {value}"
        if target is not None:
            fix = set_value(config, target, key, value, f"Set {key} to {value}")
    other = f"{process}.memory.jvm-overhead.{bound}"
    message += f" (or {'lower' if low else 'raise'} {other} to {setting(n['overhead'], not low)})"
    return Hit(locate(config, failure.keys, process), message, fix)


def check(ctx: Context) -> Iterator[Hit]:
    return failure_hits(ctx, KINDS)


RULE = Rule(
    code="FL203",
    name="overhead-out-of-range",
    severity=Severity.ERROR,
    summary="The JVM overhead left by the process size is outside its configured range.",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
