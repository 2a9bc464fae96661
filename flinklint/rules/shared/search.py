"""Find the setting that makes a process resolve, by asking the resolver itself.

Advice such as "set taskmanager.memory.process.size to at least 1824m" is only worth giving if
it is true, so the candidate value is always checked by resolving the process again with the
change applied. Candidates are whole mebibytes. Raising a size (the usual advice) starts from
Flink's arithmetic run backwards (:mod:`flinklint.memory.inverse`): the least value it gives is
confirmed by two resolutions, the value and one mebibyte less. Only when that does not apply
(another kind of acceptance, fractions adding up to 1 or more) or is not confirmed, the search
walks away from the current value in doubling steps until the process resolves, then bisects
back to the nearest working value. The search can step over a window of working values (a fixed
task heap leaves the network memory within its min and max only there); the closed form cannot.
"""

from __future__ import annotations

from collections.abc import Callable

from flinklint.memory import resolve_process
from flinklint.rules.shared.memory import MB, TB, setting

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.flink_config import FlinkConfig
    from flinklint.memory.model import ProcessModel
    from flinklint.versions import FlinkVersion

Accept = Callable[["ProcessModel"], bool]
LIMIT = 64 * TB


def resolve_with(config: FlinkConfig, process: str, version: FlinkVersion,
                 changes: dict[str, str]) -> ProcessModel:
    """``process`` resolved with ``changes`` (written as plain strings) applied."""
    return resolve_process(config, version, process, {**config.effective, **changes})


def resolves(model: ProcessModel) -> bool:
    return model.ok


def works(config: FlinkConfig, process: str, version: FlinkVersion, key: str, value: str,
          accept: Accept = resolves) -> bool:
    return accept(resolve_with(config, process, version, {key: value}))


UNKNOWN = "?"


def solved(config: FlinkConfig, process: str, version: FlinkVersion, key: str, start: int,
           accept: Accept = resolves) -> str | None:
    """The least working value of ``key`` above ``start`` from Flink's arithmetic run
    backwards (:mod:`flinklint.memory.inverse`), confirmed by resolving it and one mebibyte
    less; ``UNKNOWN`` when that is not known in closed form or not confirmed."""
    from flinklint.memory.inverse import NEVER, least_for

    bound = least_for(config, version, process, key)
    if bound is None or (bound is NEVER and accept is not resolves):
        return UNKNOWN
    if bound is NEVER:
        return None
    current = start // MB

    def ok(mib: int) -> bool:
        return works(config, process, version, key, f"{mib}m", accept)

    first = max(current + 1, -(-bound // MB))
    for mib in (first, first + 1):  # a product's rounding may cost a mebibyte
        if mib * MB > LIMIT:  # beyond what is ever advised
            return None if accept is resolves else UNKNOWN
        model = resolve_with(config, process, version, {key: f"{mib}m"})
        if accept(model):
            if mib - 1 > current and ok(mib - 1):
                return UNKNOWN
            return setting(mib * MB)
        if accept is resolves and _elsewhere(model, key):
            return None
    return UNKNOWN


# failures no memory size can cure: a count or a switch Flink cannot read, no CPU cores
_ELSEWHERE = frozenset({"invalid-number", "invalid-boolean", "cpu-not-positive"})


def _elsewhere(model: ProcessModel, key: str) -> bool:
    return model.failure is not None and (model.failure.kind in _ELSEWHERE
                                          and key not in model.failure.keys)


def nearest(config: FlinkConfig, process: str, version: FlinkVersion, key: str, start: int,
            up: bool, accept: Accept = resolves, guess: int | None = None) -> str | None:
    """The working value of ``key`` nearest to ``start`` bytes in one direction, as a setting."""
    if guess is not None and works(config, process, version, key, setting(guess, up), accept):
        return setting(guess, up)
    if up:
        found = solved(config, process, version, key, start, accept)
        if found is not UNKNOWN:
            return found
    return searched(config, process, version, key, start, up, accept)


def searched(config: FlinkConfig, process: str, version: FlinkVersion, key: str, start: int,
             up: bool, accept: Accept = resolves) -> str | None:
    """:func:`nearest` by search alone: doubling steps away from ``start`` until the process
    is accepted, then bisection back to the nearest working whole mebibyte."""

    def ok(mib: int) -> bool:
        return works(config, process, version, key, f"{mib}m", accept)

    current = start // MB if up else -(-start // MB)
    step, failed = 1, current
    while True:
        probe = current + step if up else current - step
        if probe <= 0 or probe * MB > LIMIT:
            return None
        if ok(probe):
            break
        failed, step = probe, step * 2
    while abs(probe - failed) > 1:
        middle = (probe + failed) // 2
        if ok(middle):
            probe = middle
        else:
            failed = middle
    return setting(probe * MB, up)
