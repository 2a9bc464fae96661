"""What every report format is given: :class:`ReportInput`.

Its own module so that the formats, which only read it, import it without importing the
package's dispatcher (:mod:`flinklint.report`) that imports them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from flinklint.findings import Finding
from flinklint.records import dataclass, field

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.engine.rule import Rule


@dataclass(frozen=True)
class ReportInput:
    """Everything a format may need. ``findings`` must already be sorted (the engine does).

    ``rules`` maps code -> :class:`~flinklint.engine.rule.Rule` (for SARIF's rule table and doc
    text); ``sources`` maps each checked path, as written in findings, to its decoded text
    (``full`` shows lines from it, fingerprints read keys from it, ``junit`` lists its clean
    files); ``root`` is the repository root that SARIF, GitHub and GitLab paths are relative
    to; ``fix_flag_hint`` is the option that applies the counted fixes and
    ``unsafe_flag_hint`` the one that also enables unsafe fixes.
    """

    findings: Sequence[Finding]
    rules: Mapping[str, Rule] = field(default_factory=dict)
    files_checked: int = 0
    files_skipped: int = 0  # looked at, but not a Flink configuration
    sources: Mapping[str, str] = field(default_factory=dict)
    root: Path = field(default_factory=Path)
    fix_flag_hint: str = "--fix"
    version: str = ""
    unsafe_fixes_enabled: bool = False
    unsafe_flag_hint: str = "--unsafe-fixes"
