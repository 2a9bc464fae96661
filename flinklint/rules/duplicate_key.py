"""A key appears twice in the same YAML mapping.

## What it does
Reports the second (and every later) occurrence of a key in one mapping of a `config.yaml`
or of a manifest's `spec.flinkConfiguration`, pointing back at the first.

## Why is this bad?
Flink's YAML library refuses duplicate keys: a `config.yaml` with one makes Flink fail at start
with `found duplicate key`. kubectl rejects (or, in old versions, silently resolves) duplicate
keys in a manifest. Either way one of the two values was not meant.

## Example
```yaml config.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.process.size: 8g
```

## Use instead
```yaml config.yaml
taskmanager.memory.process.size: 8g
```

## Fix safety
No fix: which of the two values is right cannot be known.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import DUPLICATE_KEY as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
