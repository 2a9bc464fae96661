"""A rule crashed on this file; flinklint could not check it completely.

## What it does
Reports that one of flinklint's own rules failed with an unexpected error on this file. The
other rules still ran; the run ends with exit code 2 so that CI does not pass silently.

## Why is this bad?
It is a bug in flinklint, not in your configuration. Please report it with the file (or a
reduced copy of it) that triggers it.

## Fix safety
No fix.
"""

from flinklint.engine.rule import documented
from flinklint.findings import Severity

RULE = documented("FL000", "internal-error", Severity.ERROR, __doc__)
