"""What the memory rules (``FL2xx``) share: where to point, how to print sizes, which process.

Positions: a memory finding points at the key most responsible for it, as written in the file.
Entries from the file and entries the Kubernetes operator derived from a manifest's
``spec.*.resource.memory`` both carry a real span; ``-D``/``define`` entries do not, so a finding
caused by one falls back to another key of the same process, then to the configuration's first
line (``base_line``).

Sizes in messages use one friendly style throughout: ``4gb``, ``1.5gb``, ``1728mb``,
``172.8mb``; a value Flink cannot read back (``4.2gb``) is never suggested as a setting, for
that :func:`setting` prints ``4301m``.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.findings import Span
from flinklint.flink_config import Entry, FlinkConfig, Source
from flinklint.values.units import JavaError, parse_memory_size

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.engine.rule import Context
    from flinklint.memory.model import ProcessModel

PROCESSES = ("taskmanager", "jobmanager")
TITLE = {"taskmanager": "TaskManager", "jobmanager": "JobManager"}
KB, MB, GB, TB = 1 << 10, 1 << 20, 1 << 30, 1 << 40
_UNITS = ((TB, "tb"), (GB, "gb"), (MB, "mb"), (KB, "kb"))


def model(ctx: Context, process: str) -> ProcessModel:
    """The resolved model of ``process`` ("taskmanager" or "jobmanager")."""
    return ctx.taskmanager if process == "taskmanager" else ctx.jobmanager


def models(ctx: Context) -> Iterator[tuple[str, ProcessModel]]:
    for process in PROCESSES:
        yield process, model(ctx, process)


def entry(config: FlinkConfig, key: str) -> Entry | None:
    """The effective entry of ``key`` if it has a place in the text (file or manifest spec)."""
    found = config.last(key)
    if found is None or found.source is Source.DEFINE:
        return None
    return found


def file_entries(config: FlinkConfig, key: str) -> list[Entry]:
    """Every line of the file that writes ``key`` (duplicates included)."""
    return [e for e in config.all(key) if e.source is Source.FILE]


def span_for(config: FlinkConfig, *keys: str) -> Span | None:
    """The key span of the first of ``keys`` that has a place in the text."""
    for key in keys:
        found = entry(config, key)
        if found is not None:
            return found.key_span
    return None


def locate(config: FlinkConfig, keys: tuple[str, ...], process: str) -> Span:
    """Where a problem of ``process`` caused by ``keys`` (most responsible first) is reported."""
    span = span_for(config, *keys)
    if span is not None:
        return span
    for candidate in config.entries:
        if candidate.source is not Source.DEFINE and candidate.key.startswith(process + "."):
            return candidate.key_span
    return Span.point(config.base_line)


def size(n: int) -> str:
    """A size for a message: ``4gb``, ``1.5gb``, ``1728mb``, ``172.8mb``, ``1000 bytes``.

    Exact values print exactly (in the largest unit with at most two decimals, else in the next
    smaller unit); others are rounded to two decimals, with the bytes when rounding hides them.
    """
    for index, (unit, name) in enumerate(_UNITS):
        if n < unit:
            continue
        if (n * 100) % unit == 0:
            return f"{_trim(n / unit)}{name}"
        if index + 1 < len(_UNITS) and n % _UNITS[index + 1][0] == 0:
            return f"{n // _UNITS[index + 1][0]}{_UNITS[index + 1][1]}"
        rounded = round(n / unit, 2)
        return f"{_trim(rounded)}{name}" + ("" if rounded % 1 else f" ({n} bytes)")
    return f"{n} bytes"


def _trim(q: float) -> str:
    return f"{q:.2f}".rstrip("0").rstrip(".")


def setting(n: int, up: bool = True) -> str:
    """A value to write into the file: whole mebibytes (``g`` when exact), rounded up or down."""
    mib = -(-n // MB) if up else n // MB
    if mib and mib % 1024 == 0:
        return f"{mib // 1024}g"
    return f"{mib}m"


def parse(value: str) -> int | None:
    """Flink's reading of a memory size, or None when Flink would reject it."""
    try:
        return parse_memory_size(value)
    except JavaError:
        return None


def memory_keys(config: FlinkConfig, process: str) -> list[Entry]:
    """Entries sizing ``process``'s memory (any ``<process>.memory.*`` or legacy heap key)."""
    prefixes = (f"{process}.memory.", f"{process}.heap.")
    legacy_network = "taskmanager.network.memory." if process == "taskmanager" else None
    found = []
    for e in config.entries:
        if e.key.startswith(prefixes) or (legacy_network and e.key.startswith(legacy_network)):
            found.append(e)
    return found


SPEC_KEYS = {
    "taskmanager.memory.process.size": "spec.taskManager.resource.memory",
    "jobmanager.memory.process.size": "spec.jobManager.resource.memory",
}


def applies(config: FlinkConfig) -> bool:
    """Whether memory rules judge this configuration (a FlinkSessionJob has no processes)."""
    return config.meta.get("manifest_kind") != "FlinkSessionJob"


def is_manifest(config: FlinkConfig) -> bool:
    return "manifest_kind" in config.meta


def shown(config: FlinkConfig, key: str) -> str:
    """How to name ``key`` to the user: the manifest field it came from, or the key itself."""
    found = config.last(key)
    if found is not None and found.source is Source.OPERATOR:  # the field the release read
        return config.meta.get(f"operator_field.{key}") or SPEC_KEYS.get(key, key)
    return key


def value_of(config: FlinkConfig, key: str) -> str:
    """The effective value of ``key`` as the user wrote it (for messages), or ``unset``."""
    return config.effective.get(key, "unset")
