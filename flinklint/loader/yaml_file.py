"""The standard ``config.yaml`` reader (Flink 1.19+): YAML 1.2, flattened with dots.

Flink loads the file with snakeyaml-engine (core schema), requires one document holding a
mapping with string keys, flattens nested mappings into dotted keys (an empty mapping sets
nothing; a later key that flattens to the same name wins) and rejects the whole file on a
duplicate key, a null value or a value its library cannot construct. ``Configuration.toMap()``
then shows each value as text (:mod:`flinklint.loader.yaml_render`). Aliases are expanded as
Flink expands them, up to the keys and characters :mod:`~.limits` allows.
"""

from __future__ import annotations

from flinklint.findings import Finding, Span
from flinklint.flink_config import Entry, ValueType
from flinklint.loader import codes
from flinklint.loader.limits import Budget
from flinklint.loader.sensitive import shown
from flinklint.loader.text import LineIndex
from flinklint.loader.yaml_nodes import (
    Alias,
    Mapping,
    Node,
    Scalar,
    Sequence,
    YamlError,
    deref,
)
from flinklint.loader.yaml_parse import documents
from flinklint.loader.yaml_render import flink_text
from flinklint.loader.yaml_values import SET, check_collection_tag, resolve
from flinklint.records import dataclass, field


@dataclass
class YamlResult:
    entries: list[Entry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    lintable: bool = True


def parse(text: str, path: str) -> YamlResult:
    """Read ``text`` as Flink's standard YAML parser does."""
    index, result = LineIndex(text), YamlResult()
    try:
        docs = documents(text)
    except YamlError as err:
        return _broken(result, codes.YAML_SYNTAX, path, index, err.offset,
                       f"Flink cannot parse this YAML ({err.message}) and will not start")
    if len(docs) > 1:
        return _broken(result, codes.MULTIPLE_DOCUMENTS, path, index, docs[1].start,
                       "config.yaml must hold one YAML document; Flink refuses a second one "
                       "('expected a single document in the stream')")
    root = docs[0].root if docs else None
    if root is None:
        return result
    if not isinstance(deref(root), Mapping):
        return _broken(result, codes.NOT_A_MAPPING, path, index, deref(root).start,
                       "config.yaml must be a mapping of keys to values; Flink cannot load a "
                       "document that is a list or a single value")
    flattener = Flattener(text, path, index, result)
    top = deref(root)
    assert isinstance(top, Mapping)
    flattener.mapping(top, "", None)
    result.findings.extend(flattener.collisions())
    return result


def _broken(result: YamlResult, code: codes.Code, path: str, index: LineIndex, offset: int,
            message: str) -> YamlResult:
    line, column = index.position(offset)
    result.findings.append(code.at(path, Span.point(line, column), message))
    result.lintable = False
    return result


@dataclass
class _Where:
    """Positions to report for entries reached through an alias (the alias, not the anchor)."""

    key_span: Span
    value_span: Span


class Flattener:
    """Walks nested mappings in document order, as Flink's flattening does."""

    def __init__(self, text: str, path: str, index: LineIndex, result: YamlResult) -> None:
        self.text, self.path, self.index, self.result = text, path, index, result
        self.duplicated: set[str] = set()  # flat keys already reported as duplicate keys
        self.budget = Budget()

    def span(self, node: Node, properties: bool = False) -> Span:
        """Where ``node`` is; its ``&anchor``/``!tag`` included only if ``properties``."""
        start = node.start
        if not properties and isinstance(node, Scalar) and self.text[start:start + 1] in "&!":
            start = _skip_properties(self.text, start, node.end)
        return self.index.span(start, node.end, self.text)

    def report(self, code: codes.Code, node: Node, message: str) -> None:
        self.result.findings.append(code.at(self.path, self.span(node, True), message))

    def mapping(self, node: Mapping, prefix: str, where: _Where | None) -> None:
        seen: dict[object, Node] = {}
        for key_node, value_node in node.pairs:
            name = self.key_name(key_node, seen, prefix)
            if name is None:
                continue
            flat = prefix + name
            self.budget.entry(key_node.start)
            self.budget.chars(len(flat), key_node.start)
            here = where
            if here is None and isinstance(value_node, Alias):
                here = _Where(self.span(key_node), self.span(value_node))
            self.value(key_node, value_node, flat, here, nested=bool(prefix))

    def key_name(self, key_node: Node, seen: dict[object, Node], prefix: str) -> str | None:
        key = deref(key_node)
        if not isinstance(key, Scalar):
            self.report(codes.NON_STRING_KEY, key_node,
                        "Flink requires every key to be a string; a list or mapping as a key "
                        "makes it refuse the file (ClassCastException)")
            return None
        try:
            value = resolve(key)
        except ValueError as err:
            self.report(codes.YAML_VALUE_ERROR, key_node, f"Flink cannot load this key: {err}")
            return None
        if value is not None and not isinstance(value, str):
            self.report(codes.NON_STRING_KEY, key_node,
                        f"the key {key.value!r} is read as a {type(value).__name__}, not a "
                        f"string, and Flink refuses the file (ClassCastException); quote it")
            return None
        name = "null" if value is None else value  # a null key flattens to the text null
        if value in seen:
            self.duplicated.add(prefix + name)
            line = self.span(seen[value]).line
            self.report(codes.DUPLICATE_KEY, key_node,
                        f"duplicate key '{name}' (first on line {line}): Flink refuses to load "
                        f"a config.yaml with a duplicate key ('found duplicate key {name}')")
        seen[value] = key_node
        if name == "<<" and key.plain and key.tag is None:
            self.report(codes.MERGE_KEY, key_node,
                        "'<<' is not a merge key in YAML 1.2, which Flink reads: the entries "
                        "below are set under a literal '<<' key and nothing is merged")
        return name

    def value(self, key_node: Node, value_node: Node, flat: str, where: _Where | None,
              nested: bool) -> None:
        target = deref(value_node)
        if isinstance(target, Mapping) and target.tag != SET:
            try:
                check_collection_tag(target.tag, mapping=True)
            except ValueError as err:
                self.report(codes.YAML_VALUE_ERROR, value_node,
                            f"Flink cannot load the value of '{flat}': {err}")
                return
            self.mapping(target, flat + ".", where)
            return
        try:
            text, kind = self.leaf(target)
        except ValueError as err:
            self.report(codes.YAML_VALUE_ERROR, value_node,
                        f"Flink cannot load the value of '{flat}': {err}")
            return
        self.budget.chars(len(text), value_node.start)
        if kind is ValueType.NULL:
            self.report(codes.NULL_VALUE, key_node if _empty(target) else value_node,
                        f"'{flat}' has no value (null); Flink refuses to load the file "
                        f"('Value must not be null'); give a value or remove the key")
            return
        self.result.entries.append(Entry(
            key=flat,
            value=text,
            raw=self.text[value_node.start:value_node.end].rstrip(" \t\r\n"),
            key_span=where.key_span if where else self.span(key_node),
            value_span=where.value_span if where else self.span(value_node),
            nested=nested,
            value_type=kind,
        ))

    def leaf(self, node: Scalar | Mapping | Sequence) -> tuple[str, ValueType]:
        if isinstance(node, Sequence):
            return flink_text(node), ValueType.LIST
        if isinstance(node, Mapping):
            return flink_text(node), ValueType.MAP
        value = resolve(node)
        return ("" if value is None else flink_text(node)), _type_of(value)

    def collisions(self) -> list[Finding]:
        """Earlier entries that a later one of the same name replaces (from another mapping)."""
        last: dict[str, Entry] = {}
        for entry in self.result.entries:
            last[entry.key] = entry
        out = []
        for entry in self.result.entries:
            winner = last[entry.key]
            if winner is entry or entry.key in self.duplicated:
                continue
            out.append(codes.KEY_COLLISION.at(
                self.path, entry.key_span,
                f"'{entry.key}' is also set on line {winner.line}, written "
                f"{'nested' if winner.nested else 'as a dotted key'}; both name the same "
                f"option and Flink keeps the later one ({shown(entry.key, winner.value)})",
            ))
        return out


def _type_of(value: object) -> ValueType:
    if value is None:
        return ValueType.NULL
    if isinstance(value, bool):
        return ValueType.BOOLEAN
    if isinstance(value, int):
        return ValueType.INTEGER
    if isinstance(value, float):
        return ValueType.FLOAT
    return ValueType.STRING


def _empty(node: Scalar | Mapping | Sequence) -> bool:
    return isinstance(node, Scalar) and node.value == "" and node.start == node.end


def _skip_properties(text: str, start: int, end: int) -> int:
    """Skip ``&anchor`` and ``!tag`` before a scalar's text."""
    i = start
    while i < end and text[i] in "&!":
        while i < end and text[i] not in " \t\r\n":
            i += 1
        while i < end and text[i] in " \t\r\n":
            i += 1
    return i if i < end else start
