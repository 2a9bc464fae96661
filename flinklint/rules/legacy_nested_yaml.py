"""Nested YAML in flink-conf.yaml; Flink reads the inner key alone.

## What it does
Reports `key: value` lines indented under a `parent:` line in a `flink-conf.yaml`, naming the
key the author meant and the key Flink actually reads.

## Why is this bad?
`flink-conf.yaml` is not YAML to Flink up to 1.20: it is read line by line. The `parent:`
line is skipped and the indented line sets its own key alone, so
`taskmanager:` / `  memory.process.size: 4g` sets an option named `memory.process.size`,
which does not exist, and the TaskManager size stays unset. Nesting only works in
`config.yaml` (Flink 1.19+).

## Example
```yaml flink-conf.yaml
taskmanager:
  memory.process.size: 4g
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
```

## Fix safety
No fix: flinklint does not rewrite the structure of a file.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import LEGACY_NESTED_YAML as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
