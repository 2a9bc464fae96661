"""flink-conf.yaml ends without a line break, so the Docker image glues a line onto it.

## What it does
With `deployment = "docker"` and Flink 1.15 to 1.18, reports a `flink-conf.yaml` whose last
line is a setting without a line break after it. At every container start the image's
`docker-entrypoint.sh` appends `jobmanager.rpc.address: ...`, `blob.server.port: 6124` or
`query.server.port: 6125` with `echo ... >> flink-conf.yaml` when no line starts with that
key (the last one is never in a Flink file, so something is always appended).

## Why is this bad?
The appended text lands on the last line: `parallelism.default: 2` becomes
`parallelism.default: 2query.server.port: 6125`, which Flink's legacy parser reads as the value
of `parallelism.default`. Flink then refuses the number, or silently uses the longer string;
the appended setting is lost as well. (The 1.19 and later images write the file through Flink
and are not affected.)

## Example
```yaml flink-conf.yaml flink-version=1.18 deployment=docker final-newline=no
taskmanager.numberOfTaskSlots: 4
parallelism.default: 2
```

## Use instead
```yaml flink-conf.yaml flink-version=1.18 deployment=docker
taskmanager.numberOfTaskSlots: 4
parallelism.default: 2
```

## Fix safety
Safe: the fix adds the missing line break at the end of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Edit, Fix, Severity
from flinklint.flink_config import Source
from flinklint.launch.deployment import Deployment, deployment_of
from flinklint.versions import FileKind

# What the entrypoint sets, in its order (JOB_MANAGER_RPC_ADDRESS defaults to ``hostname -f``).
APPENDED = (("jobmanager.rpc.address", "<host>"), ("blob.server.port", "6124"),
            ("query.server.port", "6125"))

_REWRITTEN = dict(APPENDED)  # a last line of one of these keys is rewritten before the append


def appended(text: str) -> str | None:
    """The first line the entrypoint appends: a key no line starts with (``grep "^key:"``)."""
    for key, value in APPENDED:
        if not re.search("^" + re.escape(key) + ":", text, re.M):
            return f"{key}: {value}"
    return None


def check(ctx: Context) -> Iterator[Hit]:
    config = ctx.config
    if (config.kind is not FileKind.LEGACY or deployment_of(config) is not Deployment.DOCKER
            or ctx.version.at_least(1, 19) or not config.text
            or config.text.endswith(("\n", "\r"))):
        return
    lines = config.text.split("\n")
    number, last = len(lines), lines[-1].rstrip("\r")
    entry = next((e for e in reversed(config.entries)
                  if e.source is Source.FILE and e.line == number), None)
    added = appended(config.text)
    if entry is None or added is None or "#" in last:
        return
    fix = Fix("add a line break at the end of the file",
              (Edit.insert(number, len(lines[-1]) + 1, "\n"),))
    yield Hit(entry.value_span or entry.key_span, (
        f"the file does not end with a line break, and the official Docker image of Flink "
        f"{ctx.version} appends `{added}` to it at every container start: Flink then reads "
        f"`{entry.key}` as `{_REWRITTEN.get(entry.key, entry.value)}{added}` and the appended "
        f"setting is lost"), fix)


RULE = Rule(
    code="FL353",
    name="docker-no-final-newline",
    severity=Severity.ERROR,
    summary="flink-conf.yaml ends without a line break, so the Docker image glues a line onto it.",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
