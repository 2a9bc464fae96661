"""A '#' inside a flink-conf.yaml value cuts it short.

## What it does
Reports a `#` that Flink's legacy parser takes as the start of a comment although it looks
like part of the value: directly after a value character (`secret#123`) or inside quotes
(`"x#y"`).

## Why is this bad?
Flink cuts every line of `flink-conf.yaml` at the first `#`, wherever it is; quotes do not
protect it. `password: secret#123` sets the password `secret`, a silent misconfiguration.
There is no way to write a `#` in a `flink-conf.yaml` value.

## Example
```yaml flink-conf.yaml
security.ssl.keystore-password: secret#123
```

## Use instead
```yaml flink-conf.yaml
security.ssl.keystore-password: secret123
```

## Fix safety
No fix: a `#` cannot be expressed in flink-conf.yaml; move the value to `config.yaml`
(Flink 1.19+, quoted), an environment-provided `-D` option or a secret.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import LEGACY_COMMENT_IN_VALUE as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
