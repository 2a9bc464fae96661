"""Whether a removed key's line changes anything: its value against what the target does anyway.

A removed key (FL103) is ignored by the target version. If its value is what the target does
without it (the successor's effective value, read the same way, or what Flink always does now
for a key without successor), removing the line changes nothing: a warning. Otherwise Flink
silently does something other than the line says.
"""

from __future__ import annotations

from flinklint.catalog import Removal, catalog
from flinklint.flink_config import Entry, FlinkConfig
from flinklint.launch.deployment import deployment_of, legacy_heap_to_process
from flinklint.launch.placeholders import unresolved
from flinklint.values.durations import parse_duration
from flinklint.values.units import parse_memory_size
from flinklint.versions import FlinkVersion

# Keys without a successor: the value that describes what Flink always does now.
ANYWAY = {
    "taskmanager.memory.preallocate": "false",  # managed memory is never preallocated (1.10+)
    "taskmanager.memory.off-heap": "true",  # managed memory is always off-heap (1.10+)
}
_HEAP = {"taskmanager.heap.size": "taskmanager", "taskmanager.heap.mb": "taskmanager",
         "jobmanager.heap.size": "jobmanager", "jobmanager.heap.mb": "jobmanager"}
_HEAP_TARGET = {"taskmanager": "taskmanager.memory.flink.size",
                "jobmanager": "jobmanager.memory.heap.size"}


def successor(config: FlinkConfig, removal: Removal) -> str | None:
    """The key that now says what ``removal.key`` said (the legacy heap keys: per deployment)."""
    process = _HEAP.get(removal.key)
    if process is None:
        return removal.replacement if not removal.note else None
    if legacy_heap_to_process(deployment_of(config), process):
        return f"{process}.memory.process.size"
    return _HEAP_TARGET[process]


def changes_nothing(config: FlinkConfig, entry: Entry, removal: Removal,
                    version: FlinkVersion) -> bool:
    """Whether the target does what ``entry`` says even without it."""
    if entry.key in unresolved(config):
        return False
    if entry.key in ANYWAY:
        return entry.value.strip().lower() == ANYWAY[entry.key]
    new = successor(config, removal)
    if new is None:
        return False
    info = catalog().lookup(new, version)
    current = config.effective.get(new, info.default if info is not None else None)
    if current is None or info is None:
        return False
    value = entry.value
    if entry.key.endswith(".heap.mb"):
        value = value.strip() + "m"
    return _same(info.type, value, current, version)


def _same(kind: str, a: str, b: str, version: FlinkVersion) -> bool:
    try:
        if kind == "mem":
            return parse_memory_size(a) == parse_memory_size(_mem(b))
        if kind == "dur":
            return parse_duration(a, version) == parse_duration(b, version)
        if kind in ("float", "double", "int", "long"):
            return float(a.strip()) == float(b.strip())
        if kind in ("bool", "enum"):
            return a.strip().lower() == b.strip().lower()
    except Exception:  # a value Flink cannot read (JavaError, ValueError): not the same
        return False
    return a.strip() == b.strip()


def _mem(text: str) -> str:
    """A catalog default (``192 mb``) as Flink's parser takes it."""
    return text.replace(" ", "")


def takes_over(config: FlinkConfig, entry: Entry, removal: Removal) -> bool:
    """Whether a successor that reads the same values as ``removal.key`` now decides instead
    (call only when :func:`changes_nothing` is False): Flink silently uses another value."""
    if entry.key in unresolved(config) or removal.key in _HEAP:
        return False
    return successor(config, removal) is not None
