"""The result of resolving one process's memory: components with provenance, or a failure.

The resolver never raises on user input. When Flink would throw, :class:`ProcessModel` holds a
:class:`Failure` naming the check that failed, the keys responsible and Flink's own message.
"""

from __future__ import annotations

from enum import StrEnum

from flinklint.records import dataclass, field


class Origin(StrEnum):
    EXPLICIT = "explicit"  # read from the option's own key
    FALLBACK = "fallback"  # from a deprecated fallback key (taskmanager.network.memory.min)
    LEGACY = "legacy"  # mapped from a legacy heap key (taskmanager.heap.size, ...)
    DEFAULT = "default"  # the option's default for the target version
    DERIVED = "derived"  # computed from other components (a fraction, "the rest", ...)


@dataclass(frozen=True, slots=True)
class Component:
    """One memory component in bytes and where its value came from.

    ``key`` is the configuration key that supplied the value (for explicit, fallback and legacy
    origins) or the option whose default was used; ``basis`` says, for a derived value, what it
    was derived from, in words a user understands (``"0.1 x total process memory"``).
    """

    name: str
    size: int
    origin: Origin
    key: str | None = None
    basis: str = ""


@dataclass(frozen=True, slots=True)
class Clamp:
    """A derived value Flink silently raised to its minimum or lowered to its maximum."""

    component: str  # "jvm overhead memory" | "network memory" | "managed memory"
    derived: int
    used: int
    bound: str  # "min" | "max"
    key: str  # the option whose min/max was applied


@dataclass(frozen=True, slots=True)
class Failure:
    """Why Flink refuses to start this process.

    ``kind`` is a stable identifier of the failed check (see :class:`FailureKind`); ``keys``
    are the configuration keys responsible, most responsible first; ``message`` is the top-level
    exception message Flink prints for the target version (prefix included) and ``chain`` the
    messages of the whole cause chain, top first, as ``Exception in thread "main"`` /
    ``Caused by:`` would show them (class name, colon, message).
    """

    kind: str
    keys: tuple[str, ...]
    message: str
    chain: tuple[str, ...] = ()
    numbers: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ProcessModel:
    """A resolved TaskManager or JobManager."""

    process: str  # "taskmanager" | "jobmanager"
    components: dict[str, Component]
    failure: Failure | None = None
    clamps: tuple[Clamp, ...] = ()
    jvm_args: str | None = None
    dynamic_configs: str | None = None
    logs: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.failure is None

    def size(self, name: str) -> int:
        return self.components[name].size
