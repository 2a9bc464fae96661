"""flink-conf.yaml line without a space after the colon; Flink skips it.

## What it does
Reports lines such as `key:value` or `key:<tab>value` in a `flink-conf.yaml`.

## Why is this bad?
Flink's legacy parser splits a line into key and value only at `": "` (colon followed by a
space). A line without it is skipped with a warning in the log (`Line is not a key-value pair
(missing space after ':'?)`), so the option keeps its default: a memory size you set is not used.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size:4g
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
```

## Fix safety
Safe when the line has a single colon or a tab after it: the fix puts one space after the
colon. With more colons (`key:hdfs://host:9000/x`) the fix still splits at the first colon,
which is where every Flink key ends, but is marked unsafe.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import LEGACY_MISSING_SPACE as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__, fixable=True)
