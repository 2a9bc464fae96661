"""The file cannot be read.

## What it does
Reports a configuration file that exists but cannot be read (permissions, I/O error), or that
is beyond one of the limits flinklint reads files within (larger than 10 MiB, YAML nested
deeper than 100 levels, more than 10,000 keys, ...: the README lists them). The message names
the limit; flinklint checks nothing further in that file.

## Why is this bad?
If flinklint cannot read it, Flink (running as another user) may not be able to either; and
nothing in it was checked.

A file that cannot be read cannot be shown here; any readable file passes:

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
```

## Fix safety
No fix.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import UNREADABLE_FILE as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
