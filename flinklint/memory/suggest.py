"""Suggestions computed by re-running the resolver: the smallest size that makes Flink start.

A rule that reports, say, an overhead out of range or a process too small for its metaspace
can ask for the smallest ``taskmanager.memory.process.size`` (or any other size option) with
which the same configuration resolves, and offer it as the fix. The search bisects on the
option's value in whole mebibytes; a value counts as "large enough" when the process resolves
or fails only because the value is now too large (an overhead above its maximum).
"""

from __future__ import annotations

from collections.abc import Mapping

from flinklint.memory.model import ProcessModel
from flinklint.values.units import to_string
from flinklint.versions import FlinkVersion

MIB = 1 << 20
_LIMIT = 1 << 50  # 1 PiB: nothing sensible is larger


def _resolve(
    process: str,
    effective: Mapping[str, str],
    version: FlinkVersion,
    types: Mapping[str, str] | None,
) -> ProcessModel:
    from flinklint.memory import resolve_jobmanager, resolve_taskmanager

    resolve = resolve_taskmanager if process == "taskmanager" else resolve_jobmanager
    return resolve(effective, version, types)


def _large_enough(model: ProcessModel) -> bool:
    failure = model.failure
    if failure is None:
        return True
    numbers = failure.numbers
    too_large = failure.kind == "overhead-out-of-range" and numbers.get(
        "overhead", 0
    ) > numbers.get("max", 0)
    return too_large


def smallest_size(
    effective: Mapping[str, str],
    version: FlinkVersion,
    key: str,
    *,
    process: str | None = None,
    types: Mapping[str, str] | None = None,
    step: int = MIB,
) -> int | None:
    """The smallest multiple of ``step`` bytes for ``key`` with which the process starts.

    ``process`` defaults to the one the key belongs to (``taskmanager.*`` or ``jobmanager.*``).
    Returns None when no value up to 1 PiB works (another setting is at fault).
    """
    process = process or ("jobmanager" if key.startswith("jobmanager.") else "taskmanager")
    plain = {k: v for k, v in (types or {}).items() if k != key}

    def model(units: int) -> ProcessModel:
        return _resolve(process, {**effective, key: to_string(units * step)}, version, plain)

    low, high = 1, _LIMIT // step
    if not _large_enough(model(high)):
        return None
    while low < high:
        middle = (low + high) // 2
        if _large_enough(model(middle)):
            high = middle
        else:
            low = middle + 1
    return high * step if model(high).ok else None
