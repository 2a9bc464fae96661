"""Fixes the memory rules offer: drop the lines of a key, set its value, append a unit, add a key.

All are unsafe (they change how much memory a process gets) and all are proved before they are
offered: the edited text is loaded again and must still load, with ``key`` gone (or holding the
new value), every other effective key unchanged and no loader finding the original did not
have. Removing the only child of a nested ``config.yaml`` mapping would leave ``process:``
empty (a null value Flink refuses), so such a fix is simply not offered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from flinklint.edits import EditError, apply_edits, line_starts
from flinklint.findings import Applicability, Edit, Fix
from flinklint.flink_config import Entry, FlinkConfig, Source
from flinklint.loader import load_bytes
from flinklint.rules.shared.memory import parse
from flinklint.versions import FileKind


def delete_key(config: FlinkConfig, key: str, message: str) -> Fix | None:
    """Remove every line of the file that writes ``key`` (so no earlier duplicate takes over)."""
    entries = [e for e in config.all(key) if e.source is Source.FILE]
    if not entries or any(e.source is not Source.FILE for e in config.all(key)):
        return None
    edits = tuple(Edit.delete_lines(e.key_span.line, _last_line(e)) for e in reversed(entries))
    return _proved(config, edits, key, None, message)


def set_value(config: FlinkConfig, entry: Entry, key: str, value: str, message: str) -> Fix | None:
    """Replace the value of ``entry`` (which supplies ``key``) with ``value``."""
    if entry.value_span is None or entry.source is Source.DEFINE:
        return None
    edits = (Edit.replace(entry.value_span, value),)
    return _proved(config, edits, key, value, message)


def add_key(config: FlinkConfig, key: str, value: str, message: str) -> Fix | None:
    """Add ``key: value`` on a line of its own: at the end of a ``flink-conf.yaml`` or
    ``config.yaml`` (a dotted top-level key), in a manifest right after the last entry of
    ``spec.flinkConfiguration`` with its indentation and the value quoted (older operators
    read only strings). Not offered where that last entry is nested YAML."""
    text = config.text
    starts = line_starts(text)
    if config.kind is FileKind.MANIFEST:
        written = [e for e in config.entries if e.source is Source.FILE]
        if not written or written[-1].nested:
            return None
        anchor = written[-1]
        line = f"{' ' * (anchor.key_span.column - 1)}{key}: \"{value}\""
        after = _last_line(anchor)
    else:
        line, after = f"{key}: {value}", len(starts)
    offset = starts[after] if after < len(starts) else len(text)
    if offset == len(text) and text and text[-1] not in "\r\n":
        line = "\n" + line
    at = max(i for i, start in enumerate(starts) if start <= offset)
    edit = Edit.insert(at + 1, offset - starts[at] + 1, line + "\n")
    return _proved(config, (edit,), key, value, message)


def _new_problems(before: FlinkConfig, after: FlinkConfig) -> bool:
    """Whether loading the edited text finds something the original did not (a null value)."""
    return bool(Counter(f.code for f in after.findings) - Counter(f.code for f in before.findings))


def _last_line(entry: Entry) -> int:
    return entry.value_span.end_line if entry.value_span else entry.key_span.line


def _proved(config: FlinkConfig, edits: Sequence[Edit], key: str, value: str | None,
            message: str) -> Fix | None:
    """The fix, if the edited text loads with ``key`` now ``value`` (None: gone), else None."""
    try:
        text = apply_edits(config.text, edits)
    except EditError:
        return None
    defines = {e.key: e.value for e in config.entries if e.source is Source.DEFINE}
    reloaded = load_bytes(text.encode("utf-8"), Path(config.path), defines=defines,
                          kind=config.kind) or []
    same = [c for c in reloaded if c.document == config.document]
    if len(same) != 1 or not same[0].lintable or _new_problems(config, same[0]):
        return None
    after = dict(same[0].effective)
    new = after.pop(key, None)
    before = {k: v for k, v in config.effective.items() if k != key}
    if after != before or (new is None) != (value is None):
        return None
    if value is not None and new is not None and parse(new) != parse(value):
        return None
    return Fix(message, tuple(edits), Applicability.UNSAFE)


def append_unit(config: FlinkConfig, entry: Entry, key: str, unit: str,
                message: str) -> Fix | None:
    """Write ``unit`` right after the number of ``entry``'s value (inside any quotes)."""
    span = entry.value_span
    if span is None or entry.source is Source.DEFINE or span.line != span.end_line:
        return None
    lines = config.text.splitlines()
    if span.line > len(lines) or span.end_column > len(lines[span.line - 1]):
        return None
    last = lines[span.line - 1][span.end_column - 1]
    column = span.end_column if last in "\"'" else span.end_column + 1
    number = lines[span.line - 1][span.column - 1:column - 1].strip("\"' ")
    edits = (Edit.insert(span.line, column, unit),)
    return _proved(config, edits, key, number + unit, message)
