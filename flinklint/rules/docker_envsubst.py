"""A `$` in a value that the Docker image (up to 1.18) replaces at every start.

## What it does
With `deployment = "docker"` and Flink 1.15 to 1.18, reports a value holding `$NAME` or
`${NAME}` that is not a deploy-time placeholder as flinklint counts them (FL350): inside a
longer value (`ab$cd`), or in `env.java.opts*`. The images up to 1.18 run `envsubst` over the
whole `flink-conf.yaml` at every container start (`docker-entrypoint.sh`,
`prepare_configuration`): every `$NAME` and `${NAME}` becomes the value of that environment
variable in the container, or nothing when it is unset.

## Why is this bad?
`env.java.opts.all: -Xloggc:${FLINK_LOG_PREFIX}.gc.log` is meant for Flink's daemon scripts,
which expand `FLINK_LOG_PREFIX` when they start the JVM; the entrypoint, which never sets it,
empties it first, so the JVM gets `-Xloggc:.gc.log`. A password or a pattern holding `$`
silently loses part of itself the same way. The 1.19 and later images no longer substitute the
file.

## Example
```yaml flink-conf.yaml flink-version=1.18 deployment=docker
env.java.opts.all: -Xloggc:${FLINK_LOG_PREFIX}.gc.log
```

## Use instead
Write the path out, or pass the option where no `envsubst` runs (`FLINK_ENV_JAVA_OPTS`):

```yaml flink-conf.yaml flink-version=1.18 deployment=docker
env.java.opts.all: -Xloggc:/opt/flink/log/gc.log
```

## Fix safety
No fix: only you know what the value should be.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.launch.deployment import deployment_of, image_substitutes
from flinklint.launch.placeholders import NAME, names
from flinklint.loader.sensitive import is_sensitive
from flinklint.rules.shared.keys import file_entries
from flinklint.versions import FileKind

_ANY = re.compile(r"\$\{(" + NAME + r")\}|\$(" + NAME + r")")
LOG_PREFIX = "FLINK_LOG_PREFIX"


def check(ctx: Context) -> Iterator[Hit]:
    config = ctx.config
    if config.kind is not FileKind.LEGACY or not image_substitutes(deployment_of(config),
                                                                   ctx.version):
        return
    for entry in file_entries(config):
        found = [m.group(1) or m.group(2) for m in _ANY.finditer(entry.value)]
        left = [name for name in dict.fromkeys(found) if name not in names(entry.key, entry.value)]
        if not left:
            continue
        shown = "every `$`" if is_sensitive(entry.key) else ", ".join(f"${name}" for name in left)
        why = (f"; the image never sets {LOG_PREFIX}, so it becomes empty (Flink's daemon "
               f"scripts would have expanded it)" if LOG_PREFIX in left else
               "; an unset variable becomes empty")
        yield Hit(entry.value_span or entry.key_span, (
            f"the official Docker image of Flink {ctx.version} runs envsubst over "
            f"flink-conf.yaml at every container start and replaces {shown} in `{entry.key}` "
            f"with the container's environment{why}"))


RULE = Rule(
    code="FL354",
    name="docker-envsubst",
    severity=Severity.WARNING,
    summary="A `$` in a value that the Docker image (up to 1.18) replaces at every start.",
    check=check,
    doc=__doc__ or "",
)
