"""A key that the target Flink version does not read.

## What it does
Reports keys that are not an option of the target Flink version: not one of its
`ConfigOption`s (read from the Flink jars of every supported version, including the table
planner, the SQL client, PyFlink and the bundled plugins), not a fallback key of one, and not
in a family Flink reads by prefix: `metrics.reporter.<name>.*`, `traces.reporter.<name>.*`,
`external-resource.<name>.*`, `containerized.master.env.*`, `containerized.taskmanager.env.*`,
`flink.hadoop.*`, `flink.yarn.*`, the file system plugins' `fs.<scheme>.*`, `s3.*`, `s3a.*`,
`presto.s3.*`, `gs.*`, `azure.*`, delegation token providers, and the Kubernetes operator's
`kubernetes.operator.*` and `job.autoscaler.*`. When a known key is close (a typo, a wrong
case, a missing segment) the message names it; a key that only later Flink versions read says
so. Keys that earlier versions read and the target ignores are FL103's.

Keys read by your own plugins or connectors can be declared in flinklint's settings:
`extra-keys` (exact keys) and `extra-prefixes` (every key starting with one of them).

## Why is this bad?
Flink does not reject unknown keys: it ignores them without a word. A misspelt
`taskmanager.memory.proces.size` leaves the TaskManager at its default size, and a key of a
newer Flink does nothing on an older one.

## Example
```yaml flink-conf.yaml
taskmanager.memory.proces.size: 4g
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 4g
jobmanager.memory.process.size: 1600m
```

## Fix safety
Unsafe: when exactly one known key is close, the fix renames the key to it, which makes Flink
read a value it ignored until now; check that it is the key you meant. Keys written nested in
`config.yaml` are renamed only when the new key keeps the same parents.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.catalog import catalog
from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Applicability, Fix, Severity
from flinklint.flink_config import Entry, FlinkConfig
from flinklint.rules.shared.keys import quoted, rename, user_keys, written_keys, written_twice
from flinklint.versions import FlinkVersion


def _later(key: str, version: FlinkVersion) -> str:
    later = [v for v in catalog().known_in(key) if v > version]
    return f" (Flink {later[0]} and later read it)" if later else ""


def _fix(config: FlinkConfig, entry: Entry, suggestion: str) -> Fix | None:
    if suggestion in config.effective or written_twice(config, entry.key):
        return None
    edit = rename(config, entry, suggestion)
    if edit is None:
        return None
    return Fix(f"rename to `{suggestion}`", (edit,), Applicability.UNSAFE)


def _hit(config: FlinkConfig, entry: Entry, version: FlinkVersion) -> Hit:
    cat = catalog()
    message = f"`{entry.key}` is not an option of Flink {version}: Flink ignores it"
    message += _later(entry.key, version)
    suggestions = cat.suggest(entry.key, version)
    fix = None
    if len(suggestions) == 1:
        message += f"; did you mean `{suggestions[0]}`?"
        fix = _fix(config, entry, suggestions[0])
    elif suggestions:
        message += f"; did you mean one of {quoted(suggestions)}?"
    return Hit(entry.key_span, message, fix)


def check(ctx: Context) -> Iterator[Hit]:
    cat = catalog()
    extra_keys, extra_prefixes = user_keys(ctx)
    for entry in written_keys(ctx.config):
        if cat.is_known(entry.key, ctx.version, extra_keys, extra_prefixes):
            continue
        if cat.removed_in(entry.key, ctx.version) is not None:
            continue  # FL103
        yield _hit(ctx.config, entry, ctx.version)


RULE = Rule(
    code="FL101",
    name="unknown-key",
    severity=Severity.WARNING,
    summary="A key that the target Flink version does not read.",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
