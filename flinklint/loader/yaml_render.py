"""The text Flink makes of a YAML value: ``Configuration.toMap()`` after loading ``config.yaml``.

A string stays as it is; everything else goes through ``YamlParserUtils.toYAMLString``, a
snakeyaml-engine flow dump without line splitting: ``0.80`` -> ``0.8``, ``1e3`` -> ``1000.0``,
``.inf`` -> ``.inf``, ``[a, 'b: c', "x\\ty"]``, ``{k: v}``, a collection reached twice through
an alias -> ``&id001 [1]`` then ``*id001`` (Flink numbers anchors with a JVM-wide counter, so
only the first such value of a run matches exactly). A value longer than :mod:`~.limits`
allows (an alias to a long text, repeated) stops the file.
"""

from __future__ import annotations

import math
from collections import Counter

from flinklint.loader.limits import MAX_TEXT, too_much_text
from flinklint.loader.yaml_nodes import Alias, Mapping, Node, Scalar, Sequence, deref
from flinklint.loader.yaml_scalar import quote
from flinklint.loader.yaml_values import SET, Value, check_collection_tag, resolve

MAX_SIMPLE_KEY = 128
BEST_WIDTH = 80


def scalar_text(value: Value) -> str:
    """A non-string scalar as the dumper prints it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        from flinklint.values.units import double_to_string

        return double_to_string(value)
    if isinstance(value, bytes):
        import base64  # here: only !!binary needs it

        return base64.b64encode(value).decode("ascii")
    return value


def flink_text(node: Node) -> str:
    """The string Flink's configuration holds for a leaf value (ValueError if unloadable)."""
    target = deref(node)
    if isinstance(target, Scalar):
        value = resolve(target)
        if isinstance(value, str):
            return value
        if isinstance(value, bytes):
            return "!!binary |-\n  " + scalar_text(value)
        return scalar_text(value)
    return _Emitter(target).text()


class _Emitter:
    def __init__(self, root: Mapping | Sequence) -> None:
        self.out: list[str] = []
        self.column = 0
        self.length = 0
        seen = Counter[int]()
        self._count(root, seen)
        self.repeated = {key for key, n in seen.items() if n > 1}
        self.anchors: dict[int, str] = {}
        self.scalars: dict[tuple[int, bool], str] = {}  # an aliased scalar is quoted once
        self.root = root

    def _count(self, node: Mapping | Sequence, seen: Counter[int]) -> None:
        seen[id(node)] += 1
        if seen[id(node)] > 1:
            return
        children = node.items if isinstance(node, Sequence) else [
            part for pair in node.pairs for part in pair]
        for child in children:
            target = deref(child)
            if not isinstance(target, Scalar):
                self._count(target, seen)

    def text(self) -> str:
        self._node(self.root, 1)
        return "".join(self.out)

    def write(self, text: str) -> None:
        self.length += len(text)
        if self.length > MAX_TEXT:
            raise too_much_text(self.root.start)
        self.out.append(text)
        newline = text.rfind("\n")
        self.column = len(text) - newline - 1 if newline >= 0 else self.column + len(text)

    def _node(self, node: Node, depth: int, simple_key: bool = False) -> None:
        target = deref(node)
        if isinstance(target, Scalar):
            key = (id(target), simple_key)
            if key not in self.scalars:
                self.scalars[key] = self._scalar(target, simple_key)
            self.write(self.scalars[key])
            return
        check_collection_tag(target.tag, isinstance(target, Mapping))
        if id(target) in self.anchors:
            self.write("*" + self.anchors[id(target)])
            return
        if id(target) in self.repeated:
            self.anchors[id(target)] = f"id{len(self.anchors) + 1:03d}"
            self.write("&" + self.anchors[id(target)] + " ")
        if target.tag == SET:
            self.write("!!set ")
        if isinstance(target, Sequence):
            self._sequence(target, depth)
        else:
            self._mapping(target, depth)

    def _scalar(self, node: Scalar, simple_key: bool) -> str:
        value = resolve(node)
        if isinstance(value, str):
            return quote(value, simple_key)
        if isinstance(value, bytes):
            return '!!binary "' + scalar_text(value) + '"'
        return scalar_text(value)

    def _sequence(self, node: Sequence, depth: int) -> None:
        self.write("[")
        for i, item in enumerate(node.items):
            self.write(", " if i else "")
            self._node(item, depth + 1)
        self.write("]")

    def _mapping(self, node: Mapping, depth: int) -> None:
        self.write("{")
        for i, (key, value) in enumerate(node.pairs):
            self.write(", " if i else "")
            if self._simple(key):
                self._node(key, depth + 1, simple_key=True)
                self.write(": ")
            else:
                self.write("? ")
                self._node(key, depth + 1)
                if self.column > BEST_WIDTH:
                    self.write("\n" + " " * (2 * depth))
                self.write(" : " if self.out[-1][-1:] != " " else ": ")
            self._node(value, depth + 1)
        self.write("}")

    def _simple(self, key: Node) -> bool:
        target = deref(key)
        if isinstance(target, Scalar):
            text, tag = self._key_text(target)
            multiline = "\n" in text
            return bool(text) and not multiline and len(tag) + len(text) < MAX_SIMPLE_KEY
        return isinstance(key, Alias) or not (
            target.items if isinstance(target, Sequence) else target.pairs)

    @staticmethod
    def _key_text(node: Scalar) -> tuple[str, str]:
        value = resolve(node)
        if isinstance(value, str):
            return value, "!!str"
        if isinstance(value, bytes):
            return scalar_text(value), "!!binary"
        tag = {bool: "!!bool", int: "!!int", float: "!!float"}.get(type(value), "!!null")
        return scalar_text(value), tag
