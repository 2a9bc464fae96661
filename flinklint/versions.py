"""Flink versions flinklint targets, and what differs between them as data.

flinklint supports every minor release from 1.15 to 2.3. A target is written ``X.Y`` or
``X.Y.Z``; the patch number is accepted for convenience and does not change behaviour (no
memory-relevant change happened in a patch release of a supported minor).
"""

from __future__ import annotations

import re
from enum import StrEnum

from flinklint.records import dataclass

_VERSION_RE = r"^\s*v?(\d+)[._](\d+)(?:[._](\d+))?\s*$"  # re compiles it on first use


class FileKind(StrEnum):
    """The three kinds of file flinklint reads."""

    LEGACY = "flink-conf.yaml"  # Flink's own line parser, read by Flink up to 1.20
    YAML = "config.yaml"  # standard YAML 1.2, read by Flink 1.19 and later
    MANIFEST = "manifest"  # a Flink Kubernetes Operator FlinkDeployment / FlinkSessionJob


@dataclass(frozen=True, slots=True, order=True)
class FlinkVersion:
    major: int
    minor: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"

    def at_least(self, major: int, minor: int) -> bool:
        return (self.major, self.minor) >= (major, minor)

    @property
    def reads_legacy_file(self) -> bool:
        """Flink up to 1.20 reads ``flink-conf.yaml``; 2.0 dropped it."""
        return not self.at_least(2, 0)

    @property
    def reads_yaml_file(self) -> bool:
        """``config.yaml`` (standard YAML) is read from 1.19 on."""
        return self.at_least(1, 19)

    @property
    def honours_legacy_heap_keys(self) -> bool:
        """``taskmanager.heap.size`` & co. are mapped up to 1.20 and ignored from 2.0."""
        return not self.at_least(2, 0)


SUPPORTED: tuple[FlinkVersion, ...] = tuple(
    [FlinkVersion(1, m) for m in range(15, 21)] + [FlinkVersion(2, m) for m in range(0, 4)]
)
DEFAULT_FOR_LEGACY = FlinkVersion(1, 20)
DEFAULT_FOR_YAML = FlinkVersion(2, 3)


class VersionError(ValueError):
    """A version string that is malformed or outside the supported range."""


def parse_version(text: str) -> FlinkVersion:
    """Parse ``1.20``, ``1.20.1``, ``v1_20`` (the operator's spelling) or ``2.0``.

    >>> parse_version("1.19.2")
    FlinkVersion(major=1, minor=19)
    """
    match = re.match(_VERSION_RE, text)
    if not match:
        raise VersionError(f"invalid Flink version {text!r}: expected X.Y or X.Y.Z, e.g. 1.20")
    version = FlinkVersion(int(match.group(1)), int(match.group(2)))
    if version not in SUPPORTED:
        first, last = SUPPORTED[0], SUPPORTED[-1]
        raise VersionError(
            f"unsupported Flink version {text.strip()!r}: flinklint supports {first} to {last}"
        )
    return version


def default_for(kind: FileKind) -> FlinkVersion:
    """The target when none is given: 1.20 for ``flink-conf.yaml``, 2.3 otherwise."""
    return DEFAULT_FOR_LEGACY if kind is FileKind.LEGACY else DEFAULT_FOR_YAML
