"""The target Flink version does not read this file at all.

## What it does
Reports a `flink-conf.yaml` linted for Flink 2.0 or later, and a `config.yaml` linted for
Flink 1.18 or earlier. The file is not linted further.

## Why is this bad?
Flink 2.0 reads only `config.yaml`; a `flink-conf.yaml` left in the configuration directory is
ignored entirely, and every setting in it is silently lost. Flink up to 1.18 reads only
`flink-conf.yaml` and never looks at `config.yaml`.

## Example
```yaml flink-conf.yaml flink-version=2.0
taskmanager.memory.process.size: 4g
```

## Use instead
```yaml config.yaml flink-version=2.0
taskmanager.memory.process.size: 4g
```

## Fix safety
No fix: convert the file with `flinklint migrate flink-conf.yaml -o config.yaml`, which keeps
every comment (Flink's own `bin/migrate-config-file.sh`, shipped with 1.19 and 1.20, drops
them).
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import FILE_NOT_READ as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
