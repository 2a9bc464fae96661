"""Flink's memory options as data, and a ``Configuration`` that reads them the way Flink does.

:class:`Conf` reproduces ``Configuration.contains``/``get``: the main key wins, then the first
deprecated key present (logging Flink's WARN every time one is used), then the option's default
for the target version; a value that does not convert becomes ``Could not parse value '<raw>'
for key '<main key>'.`` with the parser's exception as cause. It also records, per option,
which key supplied the value, so each component can say where it came from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from flinklint.memory.model import Origin
from flinklint.records import dataclass
from flinklint.values.javanum import JavaError, convert
from flinklint.versions import FlinkVersion

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

MAX_LONG = 2**63 - 1
IAE = "java.lang.IllegalArgumentException"
_MB = 1 << 20


@dataclass(frozen=True, slots=True)
class Option:
    """A ``ConfigOption``: key, default (bytes, float, int or bool) and deprecated keys."""

    key: str
    default: object = None
    deprecated: tuple[str, ...] = ()
    default_text: str = "null"  # the default as ConfigOption.toString prints it

    def describe(self) -> str:
        """``ConfigOption.toString()``, as Flink puts it in some messages."""
        keys = ", ".join(f"{{key={k}, isDeprecated=true}}" for k in self.deprecated)
        return f"Key: '{self.key}' , default: {self.default_text} (fallback keys: [{keys}])"


def _mb(n: int) -> int:
    return n * _MB


TM_PROCESS = Option("taskmanager.memory.process.size")
TM_FLINK = Option("taskmanager.memory.flink.size")
TM_FRAMEWORK_HEAP = Option("taskmanager.memory.framework.heap.size", _mb(128))
TM_FRAMEWORK_OFF_HEAP = Option("taskmanager.memory.framework.off-heap.size", _mb(128))
TM_TASK_HEAP = Option("taskmanager.memory.task.heap.size")
TM_TASK_OFF_HEAP = Option("taskmanager.memory.task.off-heap.size", 0)
TM_MANAGED = Option("taskmanager.memory.managed.size", None, ("taskmanager.memory.size",))
TM_MANAGED_FRACTION = Option("taskmanager.memory.managed.fraction", 0.4000000059604645, (), "0.4")
TM_NETWORK_MIN = Option(
    "taskmanager.memory.network.min", _mb(64), ("taskmanager.network.memory.min",)
)
TM_NETWORK_FRACTION = Option(
    "taskmanager.memory.network.fraction",
    0.10000000149011612,
    ("taskmanager.network.memory.fraction",),
    "0.1",
)
TM_METASPACE = Option("taskmanager.memory.jvm-metaspace.size", _mb(256))
TM_OVERHEAD_MIN = Option("taskmanager.memory.jvm-overhead.min", _mb(192))
TM_OVERHEAD_MAX = Option("taskmanager.memory.jvm-overhead.max", _mb(1024))
TM_OVERHEAD_FRACTION = Option(
    "taskmanager.memory.jvm-overhead.fraction", 0.10000000149011612, (), "0.1"
)
TM_SEGMENT_SIZE = Option("taskmanager.memory.segment-size", 32 * 1024)
TM_SLOTS = Option("taskmanager.numberOfTaskSlots", 1)
TM_CPU = Option("taskmanager.cpu.cores")
TM_NUM_BUFFERS = Option("taskmanager.network.numberOfBuffers", 2048)
TM_LEGACY_HEAP = Option("taskmanager.heap.size")
TM_LEGACY_HEAP_MB = Option("taskmanager.heap.mb")

JM_PROCESS = Option("jobmanager.memory.process.size")
JM_FLINK = Option("jobmanager.memory.flink.size")
JM_HEAP = Option("jobmanager.memory.heap.size")
JM_OFF_HEAP = Option("jobmanager.memory.off-heap.size", _mb(128))
JM_METASPACE = Option("jobmanager.memory.jvm-metaspace.size", _mb(256))
JM_OVERHEAD_MIN = Option("jobmanager.memory.jvm-overhead.min", _mb(192))
JM_OVERHEAD_MAX = Option("jobmanager.memory.jvm-overhead.max", _mb(1024))
JM_OVERHEAD_FRACTION = Option(
    "jobmanager.memory.jvm-overhead.fraction", 0.10000000149011612, (), "0.1"
)
JM_DIRECT_LIMIT = Option("jobmanager.memory.enable-jvm-direct-memory-limit", False)
JM_LEGACY_HEAP = Option("jobmanager.heap.size")
JM_LEGACY_HEAP_MB = Option("jobmanager.heap.mb")


def tm_network_max(version: FlinkVersion) -> Option:
    """``taskmanager.memory.network.max``: 1g up to 1.16, unbounded (Long.MAX_VALUE) from 1.17."""
    default = MAX_LONG if version.at_least(1, 17) else _mb(1024)
    return Option("taskmanager.memory.network.max", default, ("taskmanager.network.memory.max",))


@dataclass(frozen=True, slots=True)
class Mapped:
    """A value the legacy heap mapping put into the configuration (already in bytes)."""

    size: int
    source: str  # the legacy key it came from


class Conf:
    """The effective configuration, read with Flink's ``Configuration`` semantics."""

    def __init__(
        self,
        values: Mapping[str, str | Mapped],
        logs: list[str],
        types: Mapping[str, str] | None = None,
        standard_yaml: bool = False,
    ) -> None:
        self.values = values
        self.logs = logs
        self.types = types or {}
        self.standard_yaml = standard_yaml  # Flink read config.yaml: YAML lists in strings
        self.used: dict[str, tuple[Origin, str]] = {}

    def with_value(self, key: str, value: Mapped) -> Conf:
        """A copy with ``key`` set, as ``new Configuration(conf).set(option, value)``."""
        copy = Conf({**self.values, key: value}, self.logs, self.types, self.standard_yaml)
        copy.used = self.used
        return copy

    def _lookup(self, option: Option) -> tuple[str, str | Mapped] | None:
        if option.key in self.values:
            return option.key, self.values[option.key]
        for key in option.deprecated:
            if key in self.values:
                self.logs.append(
                    f"WARN Config uses deprecated configuration key '{key}' instead of proper "
                    f"key '{option.key}'"
                )
                return key, self.values[key]
        return None

    def contains(self, option: Option) -> bool:
        return self._lookup(option) is not None

    def present(self, option: Option) -> bool:
        """Like :meth:`contains` but without Flink's deprecation log (for our own bookkeeping)."""
        return option.key in self.values or any(k in self.values for k in option.deprecated)

    def source_key(self, option: Option) -> str:
        """The key the user wrote for ``option`` (a deprecated or legacy one), else its key."""
        if isinstance(value := self.values.get(option.key), Mapped):
            return value.source
        if option.key in self.values:
            return option.key
        return next((k for k in option.deprecated if k in self.values), option.key)

    def get(self, option: Option, parse: Callable[[str], T]) -> T | None:
        """``Configuration.get``: the converted value, the default, or ``JavaError``."""
        found = self._lookup(option)
        if found is None:
            self.used[option.key] = (Origin.DEFAULT, option.key)
            return option.default  # type: ignore[return-value]
        key, raw = found
        if isinstance(raw, Mapped):
            self.used[option.key] = (Origin.LEGACY, raw.source)
            return raw.size  # type: ignore[return-value]
        origin = Origin.EXPLICIT if key == option.key else Origin.FALLBACK
        self.used[option.key] = (origin, key)
        try:
            return convert(parse, raw, self.types.get(key))
        except JavaError as error:
            raise JavaError(
                IAE, f"Could not parse value '{raw}' for key '{option.key}'.", error
            ) from None
