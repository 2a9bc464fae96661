"""A YAML value that Flink's YAML library cannot construct.

## What it does
Reports values Flink's YAML library (snakeyaml-engine, YAML 1.2 core schema) fails on: an
unknown tag (`!!python/object`, `!custom`), a tagged value of the wrong form (`!!int 1.5`,
`!!float abc`), and its own quirk `+.inf`.

## Why is this bad?
Loading fails with `could not determine a constructor for the tag ...` or a
`NumberFormatException`, wrapped in `Error parsing YAML configuration.`: Flink does not start.
(flinklint never constructs tagged objects; a tag is only ever read as text.)

## Example
```yaml config.yaml
taskmanager.numberOfTaskSlots: !!int 1.5
```

## Use instead
```yaml config.yaml
taskmanager.numberOfTaskSlots: 2
```

## Fix safety
No fix.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import YAML_VALUE_ERROR as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
