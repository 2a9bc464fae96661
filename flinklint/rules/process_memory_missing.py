"""A process has no memory size while the configuration sizes the other one.

## What it does
Reports the TaskManager or the JobManager when it has no process size, no Flink size and no
fine-grained sizes (TaskManager: task heap and managed memory; JobManager: heap), although the
configuration does size the other process. In a `FlinkDeployment` it reports a process whose
memory is set neither in the spec nor in `flinkConfiguration`, as the targeted operator release
reads them: operator 1.0 and 1.1 inject 1600m and 1728m by default (nothing to report), 1.2 and
1.3 let the deployment fail when Flink starts, 1.4 and later refuse it, and only the main
branch reads `spec.*.resources.requests.memory`.

A configuration that sizes neither process is reported once, as a warning, by FL215
no-memory-settings instead: such files are common when memory comes from elsewhere.

## Why is this bad?
Flink's start scripts refuse to start the process: `Either required fine-grained memory (...),
or Total Flink Memory size (...), or Total Process Memory size (...) need to be configured
explicitly.` The Kubernetes operator (1.4 and later) rejects the deployment: `TaskManager
resource memory must be defined using spec.taskManager.resource.memory`. Configuring one
process but not the other is almost always an oversight.

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
        how, refusal = _operator_advice(config, process)
    else:
        how = f"add {key} (Flink ships {SHIPPED[process]})"
        refusal = "Flink refuses to start it"
    message = (
        f"the {TITLE[process]} has no memory size ({key}, {process}.memory.flink.size or the "
        f"fine-grained sizes), so {refusal}; {how}"
    )
    return Hit(_span(config, process), message)


def _operator_advice(config: FlinkConfig, process: str) -> tuple[str, str]:
    """What the chosen operator release does without memory (``DefaultValidator``, 1.4+:
    ``validateJmMemoryConfig``/``validateTmMemoryConfig``), and where memory goes."""
    from flinklint.launch.operator import NEWEST, parse_operator_version  # manifests only

    key = f"{process}.memory.process.size"
    release = parse_operator_version(config.meta.get("operator") or str(NEWEST))
    who = release.label + (" (the newest release, assumed)"
                           if config.meta.get("operator_assumed") else "")
    where = SPEC_KEYS[key]
    if release.reads_resources:
        where += f" or {where.rsplit('.', 2)[0]}.resources.requests.memory"
    how = f"set {where} (or {key} in flinkConfiguration)"
    if release.checks_missing_memory:
        message = release.missing_memory_message(TITLE[process])
        return how, f"{who} rejects the deployment: \"{message}\""
    return how, (f"{who} does not check this and the deployment fails when Flink starts the "
                 f"{TITLE[process]}")


def check(ctx: Context) -> Iterator[Hit]:
    if not is_manifest(ctx.config) and nothing_configured(ctx.config, ctx.version, ctx):
        return
    # a process whose spec memory the operator refuses is FL022, not "no memory"
    refused = [TITLE[p] for p in ctx.config.meta.get("operator_refused", "").split(",") if p]
    for hit in failure_hits(ctx, KINDS):
        if not any(hit.message.startswith(f"the {title} has no memory") for title in refused):
            yield hit


RULE = Rule(
    code="FL205",
    name="process-memory-missing",
    severity=Severity.ERROR,
    summary="A process has no memory size while the configuration sizes the other one.",
    check=check,
    doc=__doc__ or "",
)
