"""A placeholder that the Docker image (1.19 and later) no longer fills.

## What it does
With `deployment = "docker"` and Flink 1.19 or later, reports the first value holding a
deploy-time placeholder (`${NAME}`, or `$NAME` alone). The images up to 1.18 ran `envsubst`
over the whole `flink-conf.yaml` at every start; from 1.19 the entrypoint
(`docker-entrypoint.sh`, `prepare_configuration`) rewrites the file through Flink's own
`config-parser-utils.sh` and substitutes variables only in the values of `FLINK_PROPERTIES`.

## Why is this bad?
Flink does not substitute variables either, so unless something else fills the placeholder
before the container starts, Flink reads `${CHECKPOINT_INTERVAL}` literally and fails on it
(or, for a string option, uses the text as it is). Configurations that relied on the older
images break silently when the image is upgraded.

## Example
```yaml config.yaml flink-version=1.20 deployment=docker
execution.checkpointing.interval: ${CHECKPOINT_INTERVAL}
```

## Use instead
Pass the value in `FLINK_PROPERTIES` (whose values the image does substitute), or fill the file
before it reaches the container:

```yaml config.yaml flink-version=1.20 deployment=docker
execution.checkpointing.interval: 30s
```

## Fix safety
No fix: only you know where the value should come from.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.launch.deployment import Deployment, deployment_of
from flinklint.launch.placeholders import placeholder_entries, unresolved


def check(ctx: Context) -> Iterator[Hit]:
    if deployment_of(ctx.config) is not Deployment.DOCKER or not ctx.version.at_least(1, 19):
        return
    entry = next(placeholder_entries(ctx.config), None)
    if entry is None:
        return
    names = ", ".join(f"${{{name}}}" for name in unresolved(ctx.config)[entry.key])
    yield Hit(entry.value_span or entry.key_span, (
        f"the official Docker image of Flink {ctx.version} does not substitute {names} in "
        f"this file (since 1.19 it substitutes variables only in FLINK_PROPERTIES), and "
        f"Flink never does: unless something fills it before the container starts, Flink "
        f"reads `{entry.key}` as the literal text"))


RULE = Rule(
    code="FL351",
    name="placeholder-not-substituted",
    severity=Severity.WARNING,
    summary="A placeholder that the Docker image (1.19 and later) no longer fills.",
    check=check,
    doc=__doc__ or "",
)
