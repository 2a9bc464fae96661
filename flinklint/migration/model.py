"""The values the migration passes around: settings, per-entry decisions, notes, the result."""

from __future__ import annotations

from dataclasses import dataclass

from flinklint.versions import DEFAULT_FOR_YAML, FlinkVersion

HEAP_MODES = ("standalone", "containerized")


@dataclass(frozen=True, slots=True)
class Settings:
    """What to write: for which Flink version, nested or flat, and how to treat old keys.

    ``rename``: rename deprecated and removed keys to their replacements (None: for a 2.x
    target only). ``heap``: how the legacy heap keys were read, ``standalone`` (Flink's own
    scripts) or ``containerized`` (YARN, Kubernetes).
    """

    version: FlinkVersion = DEFAULT_FOR_YAML
    nested: bool = False
    rename: bool | None = None
    heap: str = "standalone"

    @property
    def renames(self) -> bool:
        return self.version.at_least(2, 0) if self.rename is None else self.rename


@dataclass(frozen=True, slots=True)
class Decision:
    """The key an entry is written under; with ``note`` it is written only as a comment."""

    key: str
    note: str | None = None
    renamed: bool = False
    value: str | None = None  # a new value (the legacy heap size in megabytes gets a unit)


@dataclass(frozen=True, slots=True, order=True)
class Note:
    """Something the user should know about a line of the legacy file."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Migration:
    text: str  # the config.yaml
    notes: tuple[Note, ...]
    complete: bool = True  # False: the file is beyond a limit of the loader; nothing to write
