"""A memory size without a unit, which Flink reads as bytes.

## What it does
Reports a memory size option (`*.memory.*.size`, `*.min`, `*.max`, the deprecated network keys
and legacy heap sizes, and a manifest's `spec.*.resource.memory`) whose value is a bare number
between 1 and 1048575, that is, less than one mebibyte when read as bytes.

Heuristic: Flink reads a bare number as bytes, and no memory component is meant to be smaller
than a mebibyte, so a small bare number was meant in another unit. Before Flink 1.10 some of
these options (`taskmanager.memory.size`, `taskmanager.heap.mb`) were read in mebibytes, and
`1024`, `1728` or `4096` are typical mebibyte counts, so the fix appends `m`. Larger bare
numbers (`4294967296`) are taken as deliberate byte counts and left alone.
`taskmanager.memory.segment-size` is not checked: it is normally given in bytes.

## Why is this bad?
`taskmanager.memory.process.size: 4096` is 4096 bytes, not 4 gigabytes. Depending on the
option, Flink then refuses to start (a process of 4kb cannot hold its metaspace) or, worse,
starts with a component of a few bytes (`taskmanager.memory.managed.size: 512` disables managed
memory for RocksDB and batch operators in practice).

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4096m
taskmanager.memory.managed.size: 512
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4096m
taskmanager.memory.managed.size: 512m
jobmanager.memory.process.size: 1600m
```

## Fix safety
Unsafe: the fix appends `m` (mebibytes), the most likely intent; check that it is yours.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import Entry, Source
from flinklint.rules.shared.fixes import append_unit
from flinklint.rules.shared.memory import MB, applies, shown
from flinklint.values.javanum import to_decimal

_NUMBER = re.compile(r"^\s*(\d+)\s*$")
LEGACY = ("taskmanager.network.memory.min", "taskmanager.network.memory.max",
          "taskmanager.heap.size", "jobmanager.heap.size")
EXCLUDED = ("taskmanager.memory.segment-size",)


def is_memory_size(key: str) -> bool:
    if key in LEGACY:
        return True
    return (key.startswith(("taskmanager.memory.", "jobmanager.memory."))
            and key.endswith((".size", ".min", ".max")) and key not in EXCLUDED)


def _bare_number(entry: Entry) -> int | None:
    text = entry.raw if entry.source is Source.OPERATOR else entry.value
    match = _NUMBER.match(text)
    return to_decimal(match.group(1)) if match else None


def check(ctx: Context) -> Iterator[Hit]:
    config = ctx.config
    if not applies(config):
        return
    for entry in config.entries:
        if entry.source is Source.DEFINE or config.last(entry.key) is not entry:
            continue
        number = _bare_number(entry) if is_memory_size(entry.key) else None
        if number is None or not 0 < number < MB:
            continue
        name = shown(config, entry.key)
        message = (
            f"{name} is {number} without a unit, which Flink reads as {number} bytes; "
            f"write {number}m if you meant mebibytes (or {number}b if you really meant bytes)"
        )
        fix = append_unit(config, entry, entry.key, "m", f"Write {number}m")
        yield Hit(entry.key_span, message, fix)


RULE = Rule(
    code="FL216",
    name="unitless-memory-size",
    severity=Severity.WARNING,
    summary="A memory size without a unit, which Flink reads as bytes.",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
