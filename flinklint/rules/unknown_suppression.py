"""A suppression comment names a rule that does not exist.

## What it does
Checks every `# flinklint: disable=...` and `# flinklint: disable-file=...` comment and reports
codes or names that are not flinklint rules.

## Why is this bad?
A typo in a suppression (`FL2O4` for `FL204`) suppresses nothing, and the finding it was meant
to silence keeps coming back, or worse, the comment gives the impression that a known risk was
reviewed when it was not.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g  # flinklint: disable=FL999 -- reviewed
jobmanager.memory.process.size: 2g
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 2g
```

## Fix safety
No fix: flinklint cannot know which rule was meant.
"""

from flinklint.engine.rule import documented
from flinklint.findings import Severity

RULE = documented("FL090", "unknown-suppression", Severity.WARNING, __doc__)
