"""A process has no memory size while the configuration sizes the other one.

## What it does
Reports the TaskManager or the JobManager when it has no process size, no Flink size and no
fine-grained sizes (TaskManager: task heap and managed memory; JobManager: heap), although the
configuration does size the other process. In a `FlinkDeployment` it reports a process whose
memory is set neither in `spec.*.resource.memory` nor in `flinkConfiguration`.

A configuration that sizes neither process is reported once, as a warning, by FL215
no-memory-settings instead: such files are common when memory comes from elsewhere.

## Why is this bad?
Flink's start scripts refuse to start the process: `Either required fine-grained memory (...),
or Total Flink Memory size (...), or Total Process Memory size (...) need to be configured
explicitly.` The Kubernetes operator rejects the deployment: `TaskManager resource memory must
be defined using spec.taskManager.resource.memory`. Configuring one process but not the other
is almost always an oversight.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.numberOfTaskSlots: 4
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.numberOfTaskSlots: 4
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: how much memory the process needs is yours to decide (Flink ships 1728m for the
TaskManager and 1600m for the JobManager).
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity, Span
from flinklint.flink_config import FlinkConfig, Source
from flinklint.memory.model import Failure
from flinklint.rules.shared.failures import INTERNAL, failure_hits
from flinklint.rules.shared.memory import PROCESSES, SPEC_KEYS, TITLE, is_manifest
from flinklint.rules.shared.unsized import nothing_configured
from flinklint.versions import FlinkVersion

KINDS = ("no-memory-configured", INTERNAL)
SHIPPED = {"taskmanager": "1728m", "jobmanager": "1600m"}


def _span(config: FlinkConfig, process: str) -> Span:
    """Next to the other process's memory setting, where this one belongs."""
    other = next(p for p in PROCESSES if p != process)
    for prefix in (f"{process}.", f"{other}.memory.", f"{other}.heap.", ""):
        for e in config.entries:
            if e.source is not Source.DEFINE and e.key.startswith(prefix):
                return e.key_span
    return Span.point(config.base_line)


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    key = f"{process}.memory.process.size"
    if is_manifest(config):
        how = f"set {SPEC_KEYS[key]} (or {key} in flinkConfiguration)"
        refusal = "the Kubernetes operator rejects the deployment"
    else:
        how = f"add {key} (Flink ships {SHIPPED[process]})"
        refusal = "Flink refuses to start it"
    message = (
        f"the {TITLE[process]} has no memory size ({key}, {process}.memory.flink.size or the "
        f"fine-grained sizes), so {refusal}; {how}"
    )
    return Hit(_span(config, process), message)


def check(ctx: Context) -> Iterator[Hit]:
    if not is_manifest(ctx.config) and nothing_configured(ctx.config, ctx.version, ctx):
        return
    yield from failure_hits(ctx, KINDS)


RULE = Rule(
    code="FL205",
    name="process-memory-missing",
    severity=Severity.ERROR,
    summary="A process has no memory size while the configuration sizes the other one.",
    check=check,
    doc=__doc__ or "",
)
