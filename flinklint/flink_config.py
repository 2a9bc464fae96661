"""What the loader produces: the configuration as Flink would see it, with positions.

A :class:`FlinkConfig` keeps every entry the file wrote (duplicates included, in file order)
and the effective map Flink ends up with after reading it (later duplicates win, ``-D``
definitions and operator overrides applied). Rules read ``effective`` for meaning and
``entries`` for positions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum

from flinklint.findings import Finding, Span
from flinklint.records import dataclass, field
from flinklint.versions import FileKind, FlinkVersion


class Source(StrEnum):
    """Where an entry came from."""

    FILE = "file"  # written in the linted file
    DEFINE = "define"  # -D/--define on the command line or ``define`` in settings
    OPERATOR = "operator"  # set by the Kubernetes operator from the manifest's spec
    OPERATOR_DEFAULT = "operator-default"  # the operator release's default configuration


class ValueType(StrEnum):
    """The type the value has before Flink converts it to an option's type.

    The legacy parser only knows strings; standard YAML keeps the YAML type, which matters in a
    few corners (a YAML float narrowed to a Java float, a YAML integer read as bytes, null).
    """

    STRING = "string"
    INTEGER = "integer"
    FLOAT = "float"
    BOOLEAN = "boolean"
    NULL = "null"
    LIST = "list"
    MAP = "map"


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``key: value`` as written, with the value Flink reads from it."""

    key: str
    value: str  # the value as Flink sees it (string form, e.g. YAML float 0.80 -> "0.8")
    raw: str  # the value's text exactly as written in the file (quotes included)
    key_span: Span
    value_span: Span | None
    nested: bool = False  # written as nested YAML maps rather than a dotted key
    value_type: ValueType = ValueType.STRING
    source: Source = Source.FILE

    @property
    def line(self) -> int:
        return self.key_span.line


@dataclass(frozen=True, slots=True)
class Embedding:
    """Where a configuration lies inside another file: the ``name`` key (``flink-conf.yaml``,
    ``config.yaml``) of a Kubernetes ConfigMap in the manifest ``text``, its lines from
    ``first_line`` on, each indented by ``indent`` blanks."""

    name: str
    text: str
    first_line: int
    indent: int
    lines: int

    def line(self, line: int) -> int:
        """``line`` of the embedded file as a line of the manifest (a line past the end of the
        embedded file is its last line)."""
        return min(line, max(self.lines, 1)) + self.first_line - 1

    def span(self, span: Span) -> Span:
        """``span`` of the embedded file as a span of the manifest."""
        return Span(self.line(span.line), span.column + self.indent, self.line(span.end_line),
                    span.end_column + self.indent)


@dataclass(frozen=True, slots=True)
class FlinkConfig:
    """A configuration as Flink reads it.

    ``document`` is the 0-based index of the YAML document for multi-document manifests and
    ``base_line`` the 1-based line where a manifest's ``flinkConfiguration`` starts, so rules
    that need a line for a process-wide problem have somewhere sensible to point.
    """

    path: str
    kind: FileKind
    text: str
    entries: tuple[Entry, ...]
    effective: Mapping[str, str]
    findings: tuple[Finding, ...] = ()
    flink_version: FlinkVersion | None = None  # set by the file itself: spec.flinkVersion
    document: int = 0
    base_line: int = 1
    lintable: bool = True  # False when loading failed so badly that rules must not run
    meta: Mapping[str, str] = field(default_factory=dict)
    embedding: Embedding | None = None  # set for a file embedded in a ConfigMap

    def last(self, key: str) -> Entry | None:
        """The entry that gives ``key`` its effective value (the last one written)."""
        if len(self.entries) < 64:
            for entry in reversed(self.entries):
                if entry.key == key:
                    return entry
            return None
        return _last_entries(self).get(key)

    def all(self, key: str) -> Iterator[Entry]:
        return (entry for entry in self.entries if entry.key == key)

    def span_of(self, *keys: str) -> Span | None:
        """The key span of the first of ``keys`` present in the file (effective entry)."""
        for key in keys:
            entry = self.last(key)
            if entry is not None and entry.source is Source.FILE:
                return entry.key_span
        return None


# the last entry of every key of a large configuration, built once (rules ask per entry)
_LAST: dict[int, tuple[FlinkConfig, dict[str, Entry]]] = {}


def _last_entries(config: FlinkConfig) -> dict[str, Entry]:
    found = _LAST.get(id(config))
    if found is None or found[0] is not config:
        if len(_LAST) > 8:
            _LAST.clear()
        found = _LAST[id(config)] = (config, {entry.key: entry for entry in config.entries})
    return found[1]
