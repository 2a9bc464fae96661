"""A key is set more than once in flink-conf.yaml; only the last line counts.

## What it does
Reports every earlier line of a `flink-conf.yaml` whose key is set again further down.

## Why is this bad?
Flink's legacy parser keeps the last value of a key and ignores the earlier ones without a
word. A reader who finds the first line believes the setting is in effect; an edit to it
changes nothing.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.numberOfTaskSlots: 4
taskmanager.memory.process.size: 8g
```

## Use instead
```yaml flink-conf.yaml
taskmanager.numberOfTaskSlots: 4
taskmanager.memory.process.size: 8g
```

## Fix safety
Safe: the fix deletes the earlier lines, which Flink ignores anyway; the effective
configuration does not change.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import LEGACY_DUPLICATE_KEY as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__, fixable=True)
