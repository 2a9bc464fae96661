"""Quotes around a flink-conf.yaml value are kept as part of it.

## What it does
Reports values of a `flink-conf.yaml` that start with a quote (`"4g"`, `'true'`). Not the
values of `env.java.opts*` and `env.java.default-opts.*`: Flink's start scripts, not Java, read
those and handle quotes in their own way, which FL330 judges for the target version.

## Why is this bad?
Flink's legacy parser does not know YAML quoting: it keeps the quotes as characters of the
value. `"4g"` is not a memory size and Flink fails to start (`Could not parse value '"4g"'`);
a quoted path or host name silently contains the quotes.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: "4g"
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
```

## Fix safety
Safe when the value is quoted at both ends and contains no quote of the same kind (and, for
double quotes, no backslash): the fix removes the two quotes, which is the value the author
meant. No fix for an unclosed quote.
"""

from flinklint.engine.rule import Rule, reported_by_loader
from flinklint.loader.codes import LEGACY_QUOTED_VALUE as CODE

RULE = Rule(
    code=CODE.code,
    name=CODE.name,
    severity=CODE.severity,
    summary="Quotes around a flink-conf.yaml value are kept as part of it.",
    check=reported_by_loader,
    doc=__doc__ or "",
    fixable=True,
)
