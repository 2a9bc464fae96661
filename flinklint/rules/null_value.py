"""A key without a value (null) in config.yaml or a manifest.

## What it does
Reports keys whose value is YAML null: nothing after the colon, `~` or `null`.

## Why is this bad?
Flink's configuration does not accept null: a `config.yaml` with a null value fails to load
(`Value must not be null.`) and Flink does not start. In a manifest, operators up to 1.12
reject the value and later ones hand Flink the text `null`.

## Example
```yaml config.yaml
taskmanager.memory.process.size: 4g
taskmanager.numberOfTaskSlots:
```

## Use instead
```yaml config.yaml
taskmanager.memory.process.size: 4g
taskmanager.numberOfTaskSlots: 4
```

## Fix safety
No fix: the intended value is unknown; remove the key to use Flink's default.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import NULL_VALUE as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
