"""What the key rules (FL101-FL104) share: which entries they judge and how a key is renamed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from flinklint.engine.rule import Context
from flinklint.findings import Edit, Span
from flinklint.flink_config import Entry, FlinkConfig, Source

# Keys the memory resolver reads: the memory rules (FL2xx) judge their values.
MEMORY_PREFIXES = ("taskmanager.memory.", "jobmanager.memory.")
MEMORY_KEYS = frozenset(
    {
        "taskmanager.heap.size",
        "taskmanager.heap.mb",
        "jobmanager.heap.size",
        "jobmanager.heap.mb",
        "taskmanager.network.numberOfBuffers",
        "taskmanager.network.memory.min",
        "taskmanager.network.memory.max",
        "taskmanager.network.memory.fraction",
        "taskmanager.numberOfTaskSlots",
        "taskmanager.cpu.cores",
    }
)


def is_memory_key(key: str) -> bool:
    return key in MEMORY_KEYS or key.startswith(MEMORY_PREFIXES)


def written_keys(config: FlinkConfig) -> Iterator[Entry]:
    """The entry that gives each key written in the file its value (the last one), in file order."""
    last: dict[str, Entry] = {}
    for entry in config.entries:
        if entry.source is Source.FILE:
            last[entry.key] = entry
    return iter(sorted(last.values(), key=lambda e: (e.key_span.line, e.key_span.column)))


def written_twice(config: FlinkConfig, key: str) -> bool:
    return _per_file(config)[0].get(key, 0) > 1


# what the per-finding helpers need of a file, worked out once per file (a file of thousands of
# findings asked the whole file again for each): counts of the keys it writes, its lines
_MEMO: dict[int, tuple[FlinkConfig, dict[str, int], list[str]]] = {}


def _per_file(config: FlinkConfig) -> tuple[dict[str, int], list[str]]:
    found = _MEMO.get(id(config))
    if found is None or found[0] is not config:
        counts: dict[str, int] = {}
        for e in config.entries:
            if e.source is Source.FILE:
                counts[e.key] = counts.get(e.key, 0) + 1
        if len(_MEMO) > 8:
            _MEMO.clear()
        found = _MEMO[id(config)] = (config, counts, config.text.split("\n"))
    return found[1], found[2]


def user_keys(ctx: Context) -> tuple[frozenset[str], tuple[str, ...]]:
    """The keys and prefixes the user declared as known (``extra-keys``, ``extra-prefixes``)."""
    keys = ctx.options.get("extra-keys", ()) or ()
    prefixes = ctx.options.get("extra-prefixes", ()) or ()
    return frozenset(str(k) for k in keys), tuple(str(p) for p in prefixes)


def _text(config: FlinkConfig, span: Span) -> str | None:
    if span.line != span.end_line:
        return None
    lines = _per_file(config)[1]
    if not 0 < span.line <= len(lines):
        return None
    return lines[span.line - 1].rstrip("\r")[span.column - 1 : span.end_column]


def rename(config: FlinkConfig, entry: Entry, new_key: str) -> Edit | None:
    """The edit that renames ``entry``'s key in place, or None when that cannot be done there.

    A dotted key is replaced whole (inside its quotes if it has any); a key written nested is
    renamed only when the new key keeps the parents it is written under.
    """
    written = _text(config, entry.key_span)
    if not written:
        return None
    span = entry.key_span
    if len(written) > 1 and written[0] in "\"'" and written[-1] == written[0]:
        written = written[1:-1]
        span = Span(span.line, span.column + 1, span.end_line, span.end_column - 1)
    if not entry.nested:
        return Edit.replace(span, new_key) if written == entry.key else None
    parent = entry.key[: len(entry.key) - len(written)]
    if (
        not entry.key.endswith(written)
        or not parent.endswith(".")
        or not new_key.startswith(parent)
    ):
        return None
    return Edit.replace(span, new_key[len(parent) :])


def quoted(keys: Sequence[str]) -> str:
    return ", ".join(f"`{k}`" for k in keys)
