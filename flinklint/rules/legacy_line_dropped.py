"""flink-conf.yaml line that Flink skips: no key-value pair.

## What it does
Reports lines of a `flink-conf.yaml` that Flink's legacy parser ignores: a line that is not
`key: value` (a YAML list item, a document marker, a stray word), a key with an empty value
(`key:` or `key: # comment`) and a value without a key.

## Why is this bad?
Flink logs a warning and sets nothing for such a line. An empty value does not "clear" an
option: the option keeps its default. The author usually meant something else.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
env.java.opts:
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
```

## Fix safety
No fix: the line means nothing to Flink, but what it was meant to say is unknown.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import LEGACY_LINE_DROPPED as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
