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

from flinklint.engine.rule import Rule, reported_by_loader
from flinklint.findings import Severity

RULE = Rule(
    code="FL000",
    name="internal-error",
    severity=Severity.ERROR,
    summary="A rule crashed on this file; please report it.",
    check=reported_by_loader,
    doc=__doc__ or "",
)
