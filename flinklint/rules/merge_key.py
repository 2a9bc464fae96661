"""A YAML merge key (<<) in config.yaml, which YAML 1.2 does not merge.

## What it does
Reports `<<` keys in a `config.yaml`.

## Why is this bad?
Merge keys belong to YAML 1.1. Flink reads `config.yaml` as YAML 1.2, where `<<` is an ordinary
key: nothing is merged, and the entries are set under options named like
`taskmanager.<<.memory.process.size`, which do not exist.

## Example
```yaml config.yaml
defaults: &defaults
  memory.process.size: 4g
taskmanager:
  <<: *defaults
```

## Use instead
```yaml config.yaml
taskmanager:
  memory.process.size: 4g
```

## Fix safety
No fix.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import MERGE_KEY as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
