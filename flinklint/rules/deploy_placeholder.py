"""A value is a deploy-time placeholder, so flinklint does not judge it.

## What it does
Lists, once per configuration, the values that hold a deploy-time placeholder: `${NAME}`
anywhere in a value, or a value that is `$NAME` alone (the syntax `envsubst` fills; see the
README). No rule judges such a value: not its type, not the memory sizes it feeds. A
placeholder is filled with `--define NAME=VALUE` (or `define` in the settings); the value is
then checked like any other.

## Why is this bad?
It is not: templating a configuration is common (`envsubst` in a CI job, Flux's variable
substitution, the official Docker image up to 1.18). But Flink itself never substitutes a
variable, so the value Flink reads is only known at deploy time; the finding says which
values flinklint has not checked, and what fills them for the chosen deployment.

## Example
```yaml flink-conf.yaml
execution.checkpointing.interval: ${CHECKPOINT_INTERVAL}
```

## Use instead
```yaml flink-conf.yaml define=CHECKPOINT_INTERVAL:30s
execution.checkpointing.interval: ${CHECKPOINT_INTERVAL}
```

## Fix safety
No fix: the value comes from outside the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.launch.deployment import Deployment, deployment_of, image_substitutes
from flinklint.launch.placeholders import placeholder_entries, unresolved


def _filler(ctx: Context) -> str:
    deployment = deployment_of(ctx.config)
    if image_substitutes(deployment, ctx.version):
        return ("the Docker image's entrypoint replaces them with the container's environment "
                "variables at every start (an unset one becomes empty text)")
    if deployment is Deployment.OPERATOR:
        return ("the operator hands them to Flink as they are, so something must fill them "
                "before the manifest is applied")
    return ("Flink never substitutes variables, so something must fill them before Flink "
            "reads the file")


def check(ctx: Context) -> Iterator[Hit]:
    entries = list(placeholder_entries(ctx.config))
    if not entries:
        return
    left = unresolved(ctx.config)
    listed = ", ".join(f"{name} ({entry.key}, line {entry.line})"
                       for entry in entries for name in left[entry.key])
    first = entries[0]
    message = (f"deploy-time placeholders, not checked by flinklint: {listed}; {_filler(ctx)}; "
               f"check their values with --define NAME=VALUE")
    yield Hit(first.value_span or first.key_span, message)


RULE = Rule(
    code="FL350",
    name="deploy-placeholder",
    severity=Severity.INFO,
    summary="A value is a deploy-time placeholder, so flinklint does not judge it.",
    check=check,
    doc=__doc__ or "",
)
