"""A key that the target Flink version still reads but has deprecated.

## What it does
Reports keys that are deprecated in the target Flink version: deprecated fallback keys of an
option (`state.backend` for `state.backend.type`, `taskmanager.network.memory.min` for
`taskmanager.memory.network.min`, `akka.ask.timeout` for `pekko.ask.timeout`) and options
Flink marks `@Deprecated` (`taskmanager.heap.size` up to 1.20). The message names the key to
use instead and, where a rename alone does not keep the meaning, what else changes. When both
the deprecated key and its replacement are set, it says which one Flink uses: the replacement
always wins, wherever each is written, and the deprecated key is ignored.

## Why is this bad?
Deprecated keys are removed in a later release (Flink 2.0 dropped most of the 1.x ones), and
from then on Flink ignores them silently. Every read of a deprecated fallback key also logs
`Config uses deprecated configuration key '...' instead of proper key '...'`.

## Example
```yaml config.yaml flink-version=2.0
state.backend: rocksdb
```

## Use instead
```yaml config.yaml flink-version=2.0
state.backend.type: rocksdb
```

## Fix safety
Safe when the deprecated key is a fallback key of its replacement (Flink reads the value
through the replacement either way) and the replacement is not set yet: the fix renames the key.
Keys written nested in `config.yaml` are renamed only when the new key keeps the same parents.
No fix when the replacement takes a different value or unit (`taskmanager.heap.mb`), or is
already set (then delete the deprecated line).
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.catalog import Deprecation, catalog
from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Fix, Severity
from flinklint.flink_config import Entry, FlinkConfig
from flinklint.rules.shared.keys import rename, written_keys, written_twice
from flinklint.versions import FlinkVersion


def _message(config: FlinkConfig, found: Deprecation, version: FlinkVersion) -> str:
    key, new = found.key, found.replacement
    if new is None:
        text = f"`{key}` is deprecated in Flink {version} and has no replacement"
        return text + (f": {found.note}" if found.note else "")
    text = f"`{key}` is deprecated in Flink {version}: use `{new}`"
    if catalog().deprecation(new, version) is not None:
        text += ", itself deprecated"
    if found.note:
        text += f" ({found.note})"
    if new in config.effective:
        if found.fallback:
            text += f"; `{new}` is also set, so Flink reads `{new}` and ignores `{key}`"
        else:
            text += f"; `{new}` is also set"
    return text


def _fix(config: FlinkConfig, entry: Entry, found: Deprecation) -> Fix | None:
    new = found.replacement
    if new is None or found.note or not found.fallback or new in config.effective:
        return None
    if written_twice(config, entry.key):
        return None
    edit = rename(config, entry, new)
    return Fix(f"rename to `{new}`", (edit,)) if edit is not None else None


def check(ctx: Context) -> Iterator[Hit]:
    cat = catalog()
    for entry in written_keys(ctx.config):
        found = cat.deprecation(entry.key, ctx.version)
        if found is None:
            continue
        message = _message(ctx.config, found, ctx.version)
        yield Hit(entry.key_span, message, _fix(ctx.config, entry, found))


RULE = Rule(
    code="FL102",
    name="deprecated-key",
    severity=Severity.WARNING,
    summary="A key that the target Flink version still reads but has deprecated.",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
