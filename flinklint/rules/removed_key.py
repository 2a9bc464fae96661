"""A key that earlier Flink versions read and the target version ignores.

## What it does
Reports keys that were options (or fallback keys of options) of an earlier supported Flink
version and are gone in the target version: the legacy memory keys Flink 2.0 removed
(`taskmanager.heap.size`, `taskmanager.heap.mb`, `jobmanager.heap.size`,
`taskmanager.network.numberOfBuffers`, ...), the Akka-era
`taskmanager.net.*` and `akka.watch.*` keys, the reflection-based
`metrics.reporter.<name>.class`, and every other option a release dropped. The message says
which version read the key last and what to use instead, when Flink has a successor.

Memory keys are reported as errors: the memory they sized silently falls back to Flink's
defaults (or the process refuses to start because no size is configured any more). Other keys
are warnings, except one whose successor reads the same values and now holds another value (its
default, or what the file sets): Flink silently uses that one instead, an error
(`state.backend.rocksdb.checkpointdir: /mnt/rocksdb` on Flink 2.0 leaves RocksDB in the
temporary directories). A key whose value is what the target version does anyway is a warning:
removing the line changes nothing. That is the case when the value equals the successor's (set
in the file, or its default), compared as the successor's type, and for
`taskmanager.memory.preallocate: false` (managed memory is never preallocated since 1.10) and
`taskmanager.memory.off-heap: true` (it is always off-heap). The successor of the legacy heap
keys depends on the deployment (`--deployment`): `taskmanager.memory.flink.size` and
`jobmanager.memory.heap.size` for standalone and Docker, the process sizes where Flink 1.x
mapped them there (YARN; Kubernetes and the operator for the TaskManager).

## Why is this bad?
Flink ignores unknown keys without a word, so after an upgrade a removed key looks configured
but does nothing. `taskmanager.heap.size: 4g` sized a 1.x TaskManager; Flink 2.0 ignores it.

## Example
```yaml config.yaml flink-version=2.0
taskmanager.heap.size: 4g
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 1600m
```

A removed key whose successor reads the same value gets an (unsafe) rename fix:

```yaml config.yaml flink-version=2.0
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 1600m
state.backend.rocksdb.checkpointdir: /mnt/rocksdb
```

## Use instead
```yaml config.yaml flink-version=2.0
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 1600m
state.backend.rocksdb.localdir: /mnt/rocksdb
```

## Fix safety
Unsafe: when the successor takes the same value and is not set yet, the fix renames the key,
which makes Flink read a value it has been ignoring; check it is still what you want. No fix
when the successor takes its value differently (`taskmanager.heap.mb` is in megabytes) or
there is none.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.catalog import Removal, catalog
from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Applicability, Fix, Severity
from flinklint.flink_config import Entry, FlinkConfig
from flinklint.rules.shared.keys import file_entries, is_memory_key, rename, written_twice
from flinklint.rules.shared.removal import changes_nothing, takes_over
from flinklint.versions import FlinkVersion


def _message(config: FlinkConfig, removal: Removal, version: FlinkVersion) -> str:
    key, new = removal.key, removal.replacement
    text = f"`{key}` was read up to Flink {removal.last}; Flink {version} ignores it"
    if new is None:
        return text + (f" ({removal.note})" if removal.note else "")
    text += f": use `{new}`" + (f" ({removal.note})" if removal.note else "")
    if new in config.effective:
        text += f"; `{new}` is set already, so remove `{key}`"
    return text


def _fix(config: FlinkConfig, entry: Entry, removal: Removal) -> Fix | None:
    new = removal.replacement
    if new is None or removal.note or new in config.effective:
        return None
    if written_twice(config, entry.key):
        return None
    edit = rename(config, entry, new)
    if edit is None:
        return None
    return Fix(f"rename to `{new}`", (edit,), Applicability.UNSAFE)


def check(ctx: Context) -> Iterator[Hit]:
    cat = catalog()
    for entry in file_entries(ctx.config):
        removal = cat.removed_in(entry.key, ctx.version)
        if removal is None:
            continue
        message = _message(ctx.config, removal, ctx.version)
        if changes_nothing(ctx.config, entry, removal, ctx.version):
            severity = Severity.WARNING
            message += f"; its value is what Flink {ctx.version} does anyway, so remove the line"
        elif is_memory_key(entry.key) or takes_over(ctx.config, entry, removal):
            severity = Severity.ERROR
        else:
            severity = None
        yield Hit(entry.key_span, message, _fix(ctx.config, entry, removal), severity)


RULE = Rule(
    code="FL103",
    name="removed-key",
    severity=Severity.WARNING,
    summary="A key that earlier Flink versions read and the target version ignores.",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
