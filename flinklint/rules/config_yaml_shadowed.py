"""config.yaml sits next to a flink-conf.yaml, which Flink 1.19/1.20 reads instead.

## What it does
Reports a `config.yaml` in a directory that also holds a `flink-conf.yaml`. For Flink 1.19
and 1.20 the `config.yaml` is then not linted further; with no target version the finding
only warns.

## Why is this bad?
Flink 1.19 and 1.20 read `flink-conf.yaml` when it exists and ignore `config.yaml` entirely;
the two files are never merged. Edits to `config.yaml` have no effect until `flink-conf.yaml`
is removed, while Flink 2.0 reads only `config.yaml`: the same directory means two different
configurations depending on the version.

The situation needs two files, so the example below only shows the healthy case: a
`config.yaml` alone in its directory.

## Use instead
```yaml config.yaml flink-version=1.20
taskmanager.memory.process.size: 4g
```

## Fix safety
No fix: keep exactly one of the two files.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import CONFIG_YAML_SHADOWED as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
