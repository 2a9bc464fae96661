"""A nested key and a dotted key name the same option.

## What it does
Reports an entry of a `config.yaml` (or a manifest's `flinkConfiguration`) that is replaced by
a later entry with the same flattened name, written in the other style: nested mappings
versus a dotted key.

## Why is this bad?
Flink flattens nested mappings into dotted keys, so both lines set the same option and the
later one wins. The earlier line looks effective but is not, and reordering the file changes
the configuration.

## Example
```yaml config.yaml
taskmanager:
  memory:
    process.size: 4g
taskmanager.memory.process.size: 8g
```

## Use instead
```yaml config.yaml
taskmanager:
  memory:
    process.size: 8g
```

## Fix safety
No fix: which of the two values is meant cannot be known.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import KEY_COLLISION as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
