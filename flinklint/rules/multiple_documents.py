"""config.yaml holds more than one YAML document.

## What it does
Reports a second document (after a `---` line) in a `config.yaml`.

## Why is this bad?
Flink loads exactly one document and fails on a second one (`expected a single document in
the stream`): Flink does not start.

## Example
```yaml config.yaml
taskmanager.memory.process.size: 4g
---
jobmanager.memory.process.size: 2g
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
from flinklint.loader.codes import MULTIPLE_DOCUMENTS as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
