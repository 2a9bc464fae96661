"""flink-conf.yaml to config.yaml: the same configuration, every comment kept.

:func:`migrate` reads the legacy file with flinklint's legacy loader (so exactly what Flink
read) and writes the standard YAML file Flink 1.19+ reads, such that Flink gets the same
values: lists and maps in YAML syntax, scalars quoted where YAML would type them differently,
lines Flink did not use kept as comments with a note, old keys renamed or commented out for a
2.x target. Nothing here raises on user input or prints; the notes say what the user should
know, by line.
"""

from __future__ import annotations

import dataclasses

from flinklint.edits import newline_of
from flinklint.flink_config import Entry, Source
from flinklint.loader import load_text
from flinklint.migration import flat, items, keys
from flinklint.migration.model import HEAP_MODES, Migration, Note, Settings
from flinklint.migration.source import read_lines
from flinklint.versions import FileKind

__all__ = ["HEAP_MODES", "Migration", "Note", "Settings", "migrate"]
_EXPLAINED = ("FL006", "FL007", "FL008", "FL012")  # loader findings worth repeating
BOM = "\ufeff"


def migrate(data: str | bytes, settings: Settings | None = None,
            path: str = "flink-conf.yaml") -> Migration:
    """The config.yaml for the legacy file ``data`` (default settings: flat, for Flink 2.3)."""
    settings = settings or Settings()
    [config] = load_text(data, FileKind.LEGACY, path)
    limit = next((f for f in config.findings if f.code == "FL023"), None)
    if limit is not None:  # the loader stopped (size, keys): writing what it read would lose keys
        return Migration("", (Note(limit.line, limit.message),), complete=False)
    notes = [Note(f.line, f"{f.message} (config.yaml keeps what Flink read)")
             for f in config.findings if f.code in _EXPLAINED]
    entries = _without_bom([e for e in config.entries if e.source is Source.FILE], notes)
    decisions, more = keys.decide(entries, settings)
    notes.extend(more)
    lines = read_lines(config.text, entries)
    rows = items.build(lines, entries, decisions, settings, notes)
    newline = newline_of(config.text)
    if settings.nested:
        from flinklint.migration import nested

        text = nested.render(rows, newline)
    else:
        text = flat.render(rows, newline)
    return Migration(text, tuple(sorted(notes)))


def _without_bom(entries: list[Entry], notes: list[Note]) -> list[Entry]:
    """The first key without the byte-order mark the legacy parser took as part of it."""
    if not entries or entries[0].line != 1 or not entries[0].key.startswith(BOM):
        return entries
    first = entries[0]
    notes.append(Note(1, f"the byte-order mark at the start of the file made Flink's legacy "
                         f"parser read the first key as '\\ufeff{first.key[1:]}'; config.yaml "
                         f"sets '{first.key[1:]}'"))
    return [dataclasses.replace(first, key=first.key[1:]), *entries[1:]]
