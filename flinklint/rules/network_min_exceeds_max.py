"""The TaskManager's network memory minimum is larger than its maximum.

## What it does
Reads the network memory range the way Flink does, through the current keys
(`taskmanager.memory.network.min`/`max`) and their deprecated fallbacks
(`taskmanager.network.memory.min`/`max`), in any mix, and reports a minimum above the maximum.
A current key always wins over its deprecated key, wherever each appears in the file, and an
unset bound takes Flink's default (min 64mb; max 1gb up to Flink 1.16, unlimited from 1.17).

## Why is this bad?
Flink refuses to start the TaskManager: `Inconsistently configured Key:
'taskmanager.memory.network.fraction' ... and its min (...), max (...) value`, caused by `min
value must be less or equal to max value`. The message names the fraction, which makes the
real cause hard to see. A common way to get here is to raise `network.min` under the current
key while an old `taskmanager.network.memory.max` still caps it, or to raise the minimum above
1gb on Flink 1.15 or 1.16 without raising the maximum.

## Example
```yaml flink-conf.yaml flink-version=1.16
taskmanager.memory.process.size: 16g
taskmanager.memory.network.min: 2g
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml flink-version=1.16
taskmanager.memory.process.size: 16g
taskmanager.memory.network.min: 2g
taskmanager.memory.network.max: 2g
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: which bound is wrong is for you to decide; the message gives both values.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.memory import MB, applies, locate, parse, setting, size
from flinklint.versions import FlinkVersion

MIN_KEYS = ("taskmanager.memory.network.min", "taskmanager.network.memory.min")
MAX_KEYS = ("taskmanager.memory.network.max", "taskmanager.network.memory.max")
CODE = "FL202"
KINDS = ("network-min-exceeds-max",)


def _bound(config: FlinkConfig, keys: tuple[str, ...],
           default: int) -> tuple[str | None, int | None]:
    """The key Flink reads the bound from (None: the default) and its value (None: unreadable)."""
    for key in keys:
        if key in config.effective:
            return key, parse(config.effective[key])
    return None, default


def _shadowed(config: FlinkConfig, keys: tuple[str, ...]) -> str:
    if keys[0] in config.effective and keys[1] in config.effective:
        return f"; {keys[1]} ({config.effective[keys[1]]}) is ignored because {keys[0]} is set"
    return ""


def _default_max(version: FlinkVersion) -> int:
    return 2**63 - 1 if version.at_least(1, 17) else 1024 * MB


def _hit(config: FlinkConfig, version: FlinkVersion) -> Hit | None:
    min_key, low = _bound(config, MIN_KEYS, 64 * MB)
    max_key, high = _bound(config, MAX_KEYS, _default_max(version))
    if low is None or high is None or low <= high or (min_key is None and max_key is None):
        return None
    low_text = f"the minimum {min_key} = {size(low)}" if min_key else \
        f"the default minimum {size(low)}"
    high_text = f"the maximum {max_key} = {size(high)}" if max_key else \
        f"the default maximum {size(high)}"
    message = (
        f"network memory: {low_text} is larger than {high_text}, so Flink refuses to start the "
        f"TaskManager; raise the maximum to at least {setting(low)} or lower the minimum"
        f"{_shadowed(config, MIN_KEYS)}{_shadowed(config, MAX_KEYS)}"
    )
    keys = tuple(k for k in (min_key, max_key) if k is not None)
    return Hit(locate(config, keys, "taskmanager"), message)


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    hit = _hit(config, version)
    if hit is not None:
        return hit
    low, high = failure.numbers.get("min", 0), failure.numbers.get("max", 0)
    message = (f"network memory minimum ({size(low)}) is larger than maximum ({size(high)}): "
               "Flink refuses to start the TaskManager; raise the maximum or lower the minimum")
    return Hit(locate(config, failure.keys, process), message)


def check(ctx: Context) -> Iterator[Hit]:
    if not applies(ctx.config):
        return
    hit = _hit(ctx.config, ctx.version)
    if hit is not None:
        yield hit
    else:
        yield from failure_hits(ctx, KINDS)


RULE = Rule(
    code=CODE,
    name="network-min-exceeds-max",
    severity=Severity.ERROR,
    summary="The TaskManager's network memory minimum is larger than its maximum.",
    check=check,
    doc=__doc__ or "",
)
