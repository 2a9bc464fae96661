"""A value that Flink cannot read as its option's type.

## What it does
Reads every value the way Flink's `Configuration` converts it for the option's type in the
target version and reports the values it refuses, with Flink's own reason: booleans other
than `true`/`false` (any case; `yes`, `on` and `1` are refused), integers that are not whole
numbers or do not fit (`Integer.parseInt`, `Long.parseLong`), numbers Java cannot parse,
durations with an unknown unit or a fraction (`1.5s`; the units are `ns`, `µs`, `ms`, `s`,
`min`/`m`, `h`, `d` and their long spellings; ISO-8601 such as `PT30S` only from Flink 2.1),
memory sizes with decimals or foreign units (`2Gi`), and enum values that are none of the
constants (compared case-insensitively). In `config.yaml` the YAML type counts as it does for
Flink: `1e3` is a float and is refused by an integer option, an integer beyond 2147483647
overflows an `int` option. A value given under a fallback key is read with the type of the
option it falls back to. A value holding a deploy-time placeholder (`${NAME}`) is not judged
until `--define NAME=VALUE` fills it (FL350).

Not judged here: the options the memory resolver reads (`taskmanager.memory.*`,
`jobmanager.memory.*`, the legacy heap keys, `taskmanager.network.memory.*` min/max/fraction,
`taskmanager.network.numberOfBuffers`, `taskmanager.numberOfTaskSlots`,
`taskmanager.cpu.cores`), which the memory rules (FL2xx) report with the failing process;
quoted `flink-conf.yaml` values, which FL008 (legacy-quoted-value) reports; lists and maps.

## Why is this bad?
Flink fails when the option is read, at start-up or when the job is submitted:
`Could not parse value 'yes' for key 'web.submit.enable'`. Some options are read only by one
component or in one code path, so the failure can come late and far from the file.

## Example
```yaml config.yaml flink-version=2.0
execution.checkpointing.interval: 1.5 min
```

## Use instead
```yaml config.yaml flink-version=2.0
execution.checkpointing.interval: 90 s
```

## Fix safety
No fix: the right value is for you to decide; the message gives Flink's reason.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.catalog import OptionInfo, catalog
from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.flink_config import Entry
from flinklint.launch.placeholders import unresolved
from flinklint.rules.shared.keys import file_entries, is_memory_key
from flinklint.versions import FileKind

_WHAT = {
    "bool": "a boolean",
    "int": "an integer",
    "long": "an integer",
    "float": "a number",
    "double": "a number",
    "dur": "a duration",
    "mem": "a memory size",
    "enum": "one of its values",
}


def _judged(entry: Entry, info: OptionInfo | None, kind: FileKind) -> bool:
    if info is None or info.type not in _WHAT:
        return False
    if is_memory_key(entry.key) or is_memory_key(info.main):
        return False
    return not (kind is FileKind.LEGACY and entry.raw[:1] in ("'", '"'))


def check(ctx: Context) -> Iterator[Hit]:
    cat = catalog()
    placeholders = unresolved(ctx.config)  # filled at deploy time: FL350's
    for entry in file_entries(ctx.config):
        if entry.key in placeholders:
            continue
        info = cat.lookup(entry.key, ctx.version)
        if not _judged(entry, info, ctx.config.kind) or info is None:
            continue
        reason = cat.check_value(entry.key, entry.value, ctx.version, entry.value_type)
        if reason is None:
            continue
        message = (
            f"Flink {ctx.version} cannot read `{entry.value}` as {_WHAT[info.type]} for "
            f"`{entry.key}`: {reason}"
        )
        yield Hit(entry.value_span or entry.key_span, message)


RULE = Rule(
    code="FL104",
    name="invalid-value",
    severity=Severity.ERROR,
    summary="A value that Flink cannot read as its option's type.",
    check=check,
    doc=__doc__ or "",
)
