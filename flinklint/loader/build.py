"""Assemble a :class:`FlinkConfig`: entries, the effective map, ``-D`` definitions.

Definitions (``-D key=value`` on the command line, ``define`` in the settings) join the map
the way Flink's dynamic properties do: after the file, overriding the entry with the same
literal key (a definition under a deprecated key does not beat the new key in the file; that is
the resolver's business). A definition is an entry with ``source=DEFINE``, no value span, and
the key span of the file entry it overrides, or line 1 column 1 when the file does not set it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from flinklint.findings import Finding, Span
from flinklint.flink_config import Entry, FlinkConfig, Source
from flinklint.versions import FileKind, FlinkVersion


def define_entries(entries: Iterable[Entry], defines: Mapping[str, str]) -> list[Entry]:
    spans = {entry.key: entry.key_span for entry in entries}
    return [
        Entry(key, value, value, spans.get(key, Span.point(1, 1)), None, source=Source.DEFINE)
        for key, value in defines.items()
    ]


def config(
    path: str,
    kind: FileKind,
    text: str,
    entries: list[Entry],
    findings: Iterable[Finding],
    defines: Mapping[str, str],
    *,
    lintable: bool = True,
    flink_version: FlinkVersion | None = None,
    document: int = 0,
    base_line: int = 1,
    meta: Mapping[str, str] | None = None,
) -> FlinkConfig:
    all_entries = entries + define_entries(entries, defines)
    effective = {entry.key: entry.value for entry in all_entries}
    return FlinkConfig(
        path=path,
        kind=kind,
        text=text,
        entries=tuple(all_entries),
        effective=effective,
        findings=tuple(sorted(findings, key=Finding.sort_key)),
        flink_version=flink_version,
        document=document,
        base_line=base_line,
        lintable=lintable,
        meta=dict(meta or {}),
    )
