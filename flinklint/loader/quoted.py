"""How bad a quoted ``flink-conf.yaml`` value is (FL008): it depends on who reads the key.

The legacy parser keeps the quotes. For a key of Flink's, that breaks a number, size or
duration (Flink refuses it) or changes a string (a path with quotes in it): an error. For a key
that no Flink version flinklint knows reads (a plugin's, a connector's, a typo), whether the
quotes matter depends on that reader: a warning.
"""

from __future__ import annotations

from flinklint.findings import Finding, Severity
from flinklint.records import replace


def quoted_unknown(key: str, finding: Finding) -> Finding:
    """``finding`` as a warning when no supported Flink version knows ``key``."""
    from flinklint.catalog import catalog

    if catalog().known_in(key):
        return finding
    return replace(finding, severity=Severity.WARNING,
                   message=f"{finding.message}; flinklint does not know `{key}`, so whether the "
                           f"quotes matter depends on what reads it")
