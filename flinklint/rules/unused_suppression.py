"""A suppression comment that suppresses nothing.

## What it does
Reports a `# flinklint: disable=CODE` comment when no finding with that code was reported on
its line or the next one (or, for `disable-file`, anywhere in the file).

## Why is this bad?
Stale suppressions accumulate after the problem they silenced was fixed, and then hide the next
real problem of the same kind on that line.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g  # flinklint: disable=FL204 -- no framework override here
jobmanager.memory.process.size: 2g
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 2g
```

## Fix safety
No fix yet: remove the comment by hand.
"""

from flinklint.engine.rule import documented
from flinklint.findings import Severity

RULE = documented("FL091", "unused-suppression", Severity.WARNING, __doc__)
