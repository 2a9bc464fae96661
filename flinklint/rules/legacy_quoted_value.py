"""Quotes around a flink-conf.yaml value are kept as part of it.

## What it does
Reports values of a `flink-conf.yaml` that start with a quote (`"4g"`, `'true'`). The value of
a key that no Flink version flinklint knows (a plugin's or a connector's, or a typo, which
FL101 reports) is a warning instead of an error: whether the quotes matter depends on what
reads it. Not the values of `env.java.opts*` and `env.java.default-opts.*`: Flink's start
scripts, not Java, read those and handle quotes in their own way, which FL330 judges for the
target version.

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

from flinklint.engine.rule import documented
from flinklint.loader.codes import LEGACY_QUOTED_VALUE as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__, fixable=True)
