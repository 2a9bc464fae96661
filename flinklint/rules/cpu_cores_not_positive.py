"""The TaskManager's CPU cores (or its slots standing in for them) are not positive.

## What it does
Reports `taskmanager.cpu.cores` at 0 or below, or, when it is unset, a
`taskmanager.numberOfTaskSlots` at 0 or below, which Flink then uses as the number of cores.

## Why is this bad?
Flink refuses to start the TaskManager: `TaskExecutors need to be started with a positive number
of CPU cores. Please configure taskmanager.cpu.cores accordingly.`

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.numberOfTaskSlots: 0
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.numberOfTaskSlots: 4
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: the right number of cores or slots depends on the machine.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.memory import locate, value_of
from flinklint.versions import FlinkVersion

KINDS = ("cpu-not-positive",)
CPU, SLOTS = "taskmanager.cpu.cores", "taskmanager.numberOfTaskSlots"


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    if CPU in config.effective:
        message = (f"Flink refuses to start the TaskManager: {CPU} is {value_of(config, CPU)}; "
                   "set a positive number of cores, such as 1 or 0.5")
    else:
        message = (f"Flink refuses to start the TaskManager: {SLOTS} is {value_of(config, SLOTS)}"
                   f" and, with {CPU} unset, Flink uses it as the number of CPU cores; set at "
                   "least 1 slot")
    return Hit(locate(config, failure.keys or (CPU, SLOTS), process), message)


def check(ctx: Context) -> Iterator[Hit]:
    return failure_hits(ctx, KINDS)


RULE = Rule(
    code="FL213",
    name="cpu-cores-not-positive",
    severity=Severity.ERROR,
    summary="The TaskManager's CPU cores (or its slots standing in for them) are not positive.",
    check=check,
    doc=__doc__ or "",
)
