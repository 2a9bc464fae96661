"""Flink cannot parse this YAML and will not start.

## What it does
Parses `config.yaml` (and operator manifests) as YAML 1.2 and reports the first syntax error
at the position the parser gives, for example a tab used for indentation, an unclosed `[` or
a key indented under a scalar.

## Why is this bad?
From Flink 1.19 on, `config.yaml` is read with a real YAML parser (snakeyaml-engine). A syntax
error makes `GlobalConfiguration.loadConfiguration` throw `Error parsing YAML configuration.`:
no JobManager or TaskManager starts. No other rule runs on a file that does not parse.

## Example
```yaml config.yaml
taskmanager:
  memory:
	process.size: 4g
```

## Use instead
```yaml config.yaml
taskmanager:
  memory:
    process.size: 4g
```

## Fix safety
No fix: the intent of broken YAML is not knowable.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import YAML_SYNTAX as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
