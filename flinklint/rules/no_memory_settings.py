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
from flinklint.findings import Severity
from flinklint.rules.shared.memory import is_manifest
from flinklint.rules.shared.unsized import (
    NO_MEMORY_SETTINGS,
    first_key_span,
    message,
    nothing_configured,
)


def check(ctx: Context) -> Iterator[Hit]:
    if is_manifest(ctx.config) or not nothing_configured(ctx.config, ctx.version, ctx):
        return
    yield Hit(first_key_span(ctx.config), message(ctx.config))


RULE = Rule(
    code=NO_MEMORY_SETTINGS,
    name="no-memory-settings",
    severity=Severity.WARNING,
    summary="The configuration sizes neither the TaskManager nor the JobManager.",
    check=check,
    doc=__doc__ or "",
)
