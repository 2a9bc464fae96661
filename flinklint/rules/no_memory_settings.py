"""The configuration sizes neither the TaskManager nor the JobManager.

## What it does
Reports, once per file, a `flink-conf.yaml` or `config.yaml` in which neither process has a
memory size (no `*.memory.process.size`, no `*.memory.flink.size`, no fine-grained sizes, no
legacy heap size Flink still maps).

## Why is this bad?
Flink's start scripts (`jobmanager.sh`, `taskmanager.sh`, `start-cluster.sh`, the Docker image)
refuse to start a process without a memory size: `Either required fine-grained memory (...), or
Total Flink Memory size (...), or Total Process Memory size (...) need to be configured
explicitly.` Such files are common anyway, and fine, when the memory comes from elsewhere: a
local or PyFlink run (the MiniCluster ignores these options), `-D` options on the command line,
`FLINK_PROPERTIES` in a container, or the Kubernetes operator's
`spec.*.resource.memory`. This rule says so once, as a warning; tell flinklint where the memory
comes from and every memory rule checks the result:

```toml
[tool.flinklint.define]
"taskmanager.memory.process.size" = "4g"
"jobmanager.memory.process.size" = "1600m"
```

or `flinklint check --define taskmanager.memory.process.size=4g ...`. As soon as the file sizes
one process, a process left without memory is an error (FL205 process-memory-missing).

## Example
```yaml config.yaml
parallelism:
  default: 2
```

## Use instead
```yaml config.yaml define=taskmanager.memory.process.size:4g,jobmanager.memory.process.size:1600m
parallelism:
  default: 2
```

## Fix safety
No fix: only you know where the memory comes from.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity, Span
from flinklint.flink_config import FlinkConfig, Source
from flinklint.rules.shared.memory import PROCESSES, is_manifest
from flinklint.versions import FlinkVersion

MISSING = "no-memory-configured"


def nothing_configured(config: FlinkConfig, version: FlinkVersion,
                       ctx: Context | None = None) -> bool:
    """Whether both processes fail only because nothing sizes them."""
    from flinklint.rules.shared.search import resolve_with

    for process in PROCESSES:
        if ctx is not None:
            model = ctx.taskmanager if process == "taskmanager" else ctx.jobmanager
        else:
            model = resolve_with(config, process, version, {})
        if model.failure is None or model.failure.kind != MISSING:
            return False
    return True


def message(config: FlinkConfig) -> str:
    return (
        "neither the TaskManager nor the JobManager has a memory size: Flink's start scripts "
        "refuse to start them unless memory comes from elsewhere (-D, FLINK_PROPERTIES, the "
        "operator); declare it with `define` in the flinklint settings or --define "
        "taskmanager.memory.process.size=... so the memory rules can check it"
    )


def span(config: FlinkConfig) -> Span:
    """Where the finding points: the file's first key."""
    for e in config.entries:
        if e.source is Source.FILE:
            return e.key_span
    return Span.point(config.base_line)


def check(ctx: Context) -> Iterator[Hit]:
    if is_manifest(ctx.config) or not nothing_configured(ctx.config, ctx.version, ctx):
        return
    yield Hit(span(ctx.config), message(ctx.config))


RULE = Rule(
    code="FL215",
    name="no-memory-settings",
    severity=Severity.WARNING,
    summary="The configuration sizes neither the TaskManager nor the JobManager.",
    check=check,
    doc=__doc__ or "",
)
