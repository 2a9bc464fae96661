"""Memory flags in the JVM options that win over the sizes Flink computed.

``taskmanager.sh``/``jobmanager.sh`` put the flags ``BashJavaUtils`` computed into ``JVM_ARGS``
and the JVM is started with ``$JVM_ARGS`` **before** the options of ``env.java.opts*``
(:mod:`~.scripts`). HotSpot keeps the last value of a flag, and ``-Xmx``/``-XX:MaxHeapSize``
(``-Xms``/``-XX:InitialHeapSize``) are one flag, so a memory flag among those options replaces
Flink's: the process gets a heap (direct memory, metaspace) other than the one Flink's memory
model laid out, while Flink still divides the memory it thinks it has.
"""

from __future__ import annotations

import re

from flinklint.records import dataclass

# family -> the spellings HotSpot accepts for it
FAMILIES: dict[str, tuple[str, ...]] = {
    "max-heap": ("-Xmx", "-XX:MaxHeapSize="),
    "initial-heap": ("-Xms", "-XX:InitialHeapSize="),
    "max-direct": ("-XX:MaxDirectMemorySize=",),
    "max-metaspace": ("-XX:MaxMetaspaceSize=",),
}
_SIZE = re.compile(r"(\d+)([kKmMgGtT]?)")
_SCALE = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


@dataclass(frozen=True, slots=True)
class Flag:
    family: str
    text: str  # the option as the JVM gets it, e.g. -Xmx2g
    size: int  # in bytes


def parse_size(text: str) -> int | None:
    """A HotSpot size argument (``2g``, ``512m``, ``1073741824``); None if HotSpot refuses it."""
    match = _SIZE.fullmatch(text)
    if match is None:
        return None
    return int(match.group(1)) * _SCALE[match.group(2).lower()]


def parse_flag(option: str) -> Flag | None:
    for family, prefixes in FAMILIES.items():
        for prefix in prefixes:
            if option.startswith(prefix):
                size = parse_size(option[len(prefix):])
                return None if size is None else Flag(family, option, size)
    return None


def last_flags(options: tuple[str, ...] | list[str]) -> dict[str, Flag]:
    """The flag of each family that the JVM ends up using, among ``options``."""
    found: dict[str, Flag] = {}
    for option in options:
        flag = parse_flag(option)
        if flag is not None:
            found[flag.family] = flag
    return found
