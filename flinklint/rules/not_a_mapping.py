"""config.yaml is not a mapping of keys to values.

## What it does
Reports a `config.yaml` whose document is a list or a single value instead of a mapping, and
a manifest whose `spec.flinkConfiguration` is not a mapping.

## Why is this bad?
Flink casts the document to a map and fails (`ClassCastException`, wrapped in
`Error parsing YAML configuration.`): Flink does not start. The operator rejects a
`flinkConfiguration` that is not a mapping of option names to values.

## Example
```yaml config.yaml
- taskmanager.memory.process.size: 4g
- jobmanager.memory.process.size: 2g
```

## Use instead
```yaml config.yaml
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 2g
```

## Fix safety
No fix.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import NOT_A_MAPPING as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
