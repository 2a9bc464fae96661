"""The process size cannot hold the metaspace, the JVM overhead and the Flink memory.

## What it does
Reports a TaskManager or JobManager whose `*.memory.process.size` is smaller than what must fit
in it: the JVM metaspace plus the JVM overhead (when only the process size is set), or the Flink
memory plus the metaspace (when the Flink size or the fine-grained sizes are set too). The
message gives the numbers and the smallest process size that lets the process start, found by
resolving it again.

## Why is this bad?
Flink refuses to start the process, with `Sum of configured JVM Metaspace (...) and JVM Overhead
(...) exceed configured Total Process Memory (...)` or `The configured Total Process Memory size
(...) is less than the sum of the derived Total Flink Memory size (...) and the configured or
default JVM Metaspace size (...)`.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.process.size: 300m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.process.size: 1g
```

## Fix safety
No fix: raise the size as the message says, or remove the other total (see FL201).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure, ProcessModel
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.memory import TITLE, locate, shown, size
from flinklint.rules.shared.search import nearest
from flinklint.versions import FlinkVersion

KINDS = ("metaspace-overhead-exceed-process", "process-below-flink-plus-metaspace")


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    n = failure.numbers
    key = f"{process}.memory.process.size"
    if failure.kind == KINDS[0]:
        what = (f"JVM metaspace {size(n['metaspace'])} + JVM overhead {size(n['overhead'])} = "
                f"{size(n['metaspace'] + n['overhead'])}")
    else:
        what = (f"Flink memory {size(n['flink'])} + JVM metaspace {size(n['metaspace'])} = "
                f"{size(n['flink'] + n['metaspace'])}")
    message = (
        f"Flink refuses to start the {TITLE[process]}: {shown(config, key)} "
        f"({size(n['process'])}) is smaller than {what}"
    )
    value = nearest(config, process, version, key, n["process"], True)
    if value is not None:
        message += f"; set {shown(config, key)} to at least {value}"
    elif (value := nearest(config, process, version, key, n["process"], True, _elsewhere(key))):
        message += (f"; set {shown(config, key)} to at least {value} (another setting then "
                    f"still keeps the {TITLE[process]} from starting)")
    if failure.kind == KINDS[1]:
        message += ", or remove it so that Flink derives it"
    return Hit(locate(config, failure.keys, process), message)


def _elsewhere(key: str) -> Callable[[ProcessModel], bool]:
    """Accept a size when what still fails is not about that size (another setting is)."""
    return lambda m: m.failure is None or key not in m.failure.keys


def check(ctx: Context) -> Iterator[Hit]:
    return failure_hits(ctx, KINDS)


RULE = Rule(
    code="FL206",
    name="process-memory-too-small",
    severity=Severity.ERROR,
    summary="The process size cannot hold the metaspace, the JVM overhead and the Flink memory.",
    check=check,
    doc=__doc__ or "",
)
