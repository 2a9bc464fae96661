"""A memory option has a value Flink cannot read.

## What it does
Reports the first value Flink fails to read while sizing a process: a memory size that is not a
whole number of bytes, kibibytes, mebibytes, gibibytes or tebibytes (`1.5g`, `2Gi`, `-1m`), a
fraction that is not a number (`40%`), a slot or buffer count that is not a whole number, CPU
cores that are not a finite number, a direct memory limit flag that is not `true`/`false`, or a
negative legacy heap or buffer count. The message gives Flink's own reason and, where the intent
is clear, the value to write instead.

A value in quotes in `flink-conf.yaml` (`"1600m"`: Flink's legacy parser keeps the quotes) is
reported by FL008 legacy-quoted-value instead, which can remove the quotes.

## Why is this bad?
Flink refuses to start the process (`Cannot read memory size from config option '...'`,
`Could not parse value '...' for key '...'`). Flink's memory sizes accept no decimals and only
binary units: `1.5g` must be written `1536m`, and Kubernetes' `2Gi` must be written `2g`.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1.5g
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1536m
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: the suggested value is in the message; check it is what you meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import FlinkConfig
from flinklint.memory.model import Failure
from flinklint.rules.shared.failures import failure_hits
from flinklint.rules.shared.memory import TITLE, locate, value_of
from flinklint.versions import FlinkVersion

KINDS = ("invalid-size", "invalid-fraction", "invalid-number", "invalid-boolean", "negative-size")
QUOTED = "FL008"  # legacy-quoted-value: the loader reports quotes kept in the value, with a fix


def reason(failure: Failure) -> str:
    """The innermost message of Flink's exception chain (the actual parse error)."""
    last = failure.chain[-1] if failure.chain else failure.message
    cls, sep, text = last.partition(": ")
    return text if sep and "." in cls and " " not in cls else last


def advise(failure: Failure, config: FlinkConfig, process: str, version: FlinkVersion) -> Hit:
    key = failure.keys[0] if failure.keys else f"{process}.memory.process.size"
    raw = value_of(config, key)
    message = (
        f"Flink refuses to start the {TITLE[process]}: it cannot read {key} = {raw!r} "
        f"({reason(failure)})"
    )
    from flinklint.rules.shared.repair import repair  # only for a failure: it imports decimal

    suggestion = repair(failure.kind, key, raw)
    if suggestion:
        message += f"; {suggestion}"
    return Hit(locate(config, failure.keys, process), message)


def check(ctx: Context) -> Iterator[Hit]:
    quoted = {f.line for f in ctx.config.findings if f.code == QUOTED}
    return (hit for hit in failure_hits(ctx, KINDS) if hit.span.line not in quoted)


RULE = Rule(
    code="FL211",
    name="invalid-memory-value",
    severity=Severity.ERROR,
    summary="A memory option has a value Flink cannot read.",
    check=check,
    doc=__doc__ or "",
)
