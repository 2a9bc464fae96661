"""A byte-order mark makes Flink misread the first key of flink-conf.yaml.

## What it does
Reports a `flink-conf.yaml` that starts with a UTF-8 byte-order mark (an invisible U+FEFF,
written by some Windows editors) when its first line sets a key.

## Why is this bad?
Flink's legacy parser does not remove the mark: it becomes the first character of the first
key, so `taskmanager.memory.process.size` on line 1 is read as a different, unknown option,
and the setting is silently lost. (`config.yaml` is not affected: its YAML parser skips the
mark.)

## Example
The block below starts with an invisible byte-order mark.
```yaml flink-conf.yaml
﻿taskmanager.memory.process.size: 4g
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
```

## Fix safety
No fix: save the file as UTF-8 without a byte-order mark.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import BYTE_ORDER_MARK as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
