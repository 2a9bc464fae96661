"""Every reason a process fails, not only the first one Flink throws.

Flink stops at its first exception, so a file with three memory mistakes takes three deploys to
discover. :func:`failures` finds the first failure, sets the key most responsible for it back
to its default (the smallest repair), resolves again, and repeats. A later failure is kept only
when it names none of the keys already reset, so it cannot be an artefact of the repair: it is a
mistake that would surface as soon as the earlier ones are fixed. "Nothing is configured" and
internal errors end the search (they would follow from the reset, not from the file).
"""

from __future__ import annotations

from collections.abc import Mapping

from flinklint.flink_config import FlinkConfig
from flinklint.memory import resolve_process
from flinklint.memory.model import Failure, ProcessModel
from flinklint.versions import FlinkVersion

MAX_FAILURES = 4
_TERMINAL = frozenset({"no-memory-configured", "internal-error", "long-overflow"})


def failures(config: FlinkConfig, version: FlinkVersion, process: str,
             first: ProcessModel) -> list[tuple[Failure, Mapping[str, str]]]:
    """The failures of ``process`` in the order Flink would report them, one fix at a time,
    each with the effective configuration it was found in (the earlier culprits reset)."""
    effective = dict(config.effective)
    found: list[tuple[Failure, Mapping[str, str]]] = []
    reset: set[str] = set()
    failure = first.failure
    while failure is not None and len(found) < MAX_FAILURES:
        if found and (failure.kind in _TERMINAL or reset.intersection(failure.keys)):
            break
        found.append((failure, dict(effective)))
        culprit = next((key for key in failure.keys if key in effective), None)
        if failure.kind in _TERMINAL or culprit is None:
            break
        del effective[culprit]
        reset.add(culprit)
        failure = resolve_process(config, version, process, effective).failure
    return found
