"""A config.yaml key that YAML reads as a number, boolean or collection.

## What it does
Reports mapping keys of a `config.yaml` that are not strings: `1:`, `true:`, `1.5:` or a
list or mapping used as a key.

## Why is this bad?
Flink expects string keys and fails with a `ClassCastException` while loading the file
(`Error parsing YAML configuration.`): Flink does not start. A key such as `true` under a
nested mapping is easy to write by accident (`...enabled:` / `  true: x`).

## Example
```yaml config.yaml
taskmanager.numberOfTaskSlots: 4
metrics:
  reporters:
    1: jmx
```

## Use instead
```yaml config.yaml
taskmanager.numberOfTaskSlots: 4
metrics:
  reporters:
    "1": jmx
```

## Fix safety
No fix: quoting the key is usually right, but the key was probably not meant at all.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import NON_STRING_KEY as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
