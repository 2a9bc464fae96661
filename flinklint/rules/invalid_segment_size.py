"""The memory segment size is not a power of two of at least 4096 bytes.

## What it does
Reports `taskmanager.memory.segment-size` when Flink uses it to size the network memory
(up to Flink 1.20, with the legacy `taskmanager.network.numberOfBuffers` and no network
min/max/fraction) and it is below 4096 bytes, not a power of two, or above 2^31-1 bytes.

## Why is this bad?
Flink refuses to start the TaskManager: `Invalid configuration value for
taskmanager.memory.segment-size : ... - Memory segment size must be a power of 2.` (or `Minimum
memory segment size is 4096`). The default, 32kb, is right for almost every job.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.network.numberOfBuffers: 4096
taskmanager.memory.segment-size: 48kb
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
taskmanager.memory.network.min: 128m
taskmanager.memory.network.max: 128m
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: remove the option (default 32kb) or use the power of two the message suggests.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.memory import locate, parse, size, value_of
from flinklint.versions import FlinkVersion

KINDS = ("segment-size-invalid",)
KEY = "taskmanager.memory.segment-size"


def _power_of_two(n: int) -> int:
    """The nearest power of two within Flink's limits [4096, 2^30]."""
    n = min(max(n, 4096), 1 << 30)
    below = 1 << (n.bit_length() - 1)
    return below if n - below <= 2 * below - n else 2 * below


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    raw = value_of(config, KEY)
    current = parse(raw) or 0
    shown = raw if raw.replace(" ", "").lower() == size(current) else f"{raw} ({size(current)})"
    message = (
        f"Flink refuses to start the TaskManager: {KEY} is {shown}, but it must "
        f"be a power of two of at least 4096 bytes; remove it (default 32kb) or write "
        f"{size(_power_of_two(current))}"
    )
    return Hit(locate(config, failure.keys or (KEY,), process), message)


def check(ctx: Context) -> Iterator[Hit]:
    return failure_hits(ctx, KINDS)


RULE = Rule(
    code="FL212",
    name="invalid-segment-size",
    severity=Severity.ERROR,
    summary="The memory segment size is not a power of two of at least 4096 bytes.",
    check=check,
    doc=__doc__ or "",
)
