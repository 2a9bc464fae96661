"""Find the setting that makes a process resolve, by asking the resolver itself.

Advice such as "set taskmanager.memory.process.size to at least 1824m" is only worth giving if
it is true, so the candidate value is always checked by resolving the process again with the
change applied. Candidates are whole mebibytes. When no formula gives a candidate, the search
walks away from the current value in doubling steps until the process resolves, then bisects
back to the nearest working value.
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


def nearest(config: FlinkConfig, process: str, version: FlinkVersion, key: str, start: int,
            up: bool, accept: Accept = resolves, guess: int | None = None) -> str | None:
    """The working value of ``key`` nearest to ``start`` bytes in one direction, as a setting."""
    if guess is not None and works(config, process, version, key, setting(guess, up), accept):
        return setting(guess, up)

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
