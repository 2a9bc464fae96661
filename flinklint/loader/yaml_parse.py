"""Read a YAML stream into positioned nodes (:mod:`~.yaml_nodes`), within limits.

Plain block YAML is read by :mod:`~.yaml_quick`; anything else by ruamel.yaml's parser, of which
only the parser runs (scanner, parser: pure Python), never the constructor. Like
snakeyaml-engine, at most 50 aliases may point at collections (a guard against alias bombs).
Nesting and the number of nodes are bounded by :mod:`~.limits`, whichever reader ran.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

from flinklint.loader.limits import MAX_DEPTH, MAX_NODES, too_deep, too_many_nodes
from flinklint.loader.yaml_nodes import (
    Alias,
    Document,
    Mapping,
    Node,
    Scalar,
    Sequence,
    YamlError,
)
from flinklint.loader.yaml_quick import quick_documents

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any

MAX_COLLECTION_ALIASES = 50


def documents(text: str) -> list[Document]:
    """Every document of the stream; raises :class:`YamlError` where parsing fails.

    Plain block YAML, what Flink files are nearly always made of, is read by
    :mod:`~.yaml_quick` (the same nodes, many times faster); anything else by ruamel.yaml.
    """
    try:
        quick = quick_documents(text)
    except RecursionError:  # deeper than the stack: ruamel's reader stops at MAX_DEPTH
        quick = None
    if quick is None:
        return read_with_ruamel(text)
    check_limits(quick)
    return quick


def check_limits(docs: list[Document]) -> None:
    """Raise :class:`~.limits.LimitExceeded` where the composer below would stop."""
    count = 0
    stack: list[tuple[Node | None, int]] = [(doc.root, 0) for doc in reversed(docs)]
    while stack:
        node, depth = stack.pop()
        count += 1  # an empty document holds one empty scalar
        if count > MAX_NODES:
            raise too_many_nodes(node.start if node is not None else 0)
        if isinstance(node, Mapping | Sequence):
            if depth + 1 > MAX_DEPTH:
                raise too_deep(node.start)
            children = node.items if isinstance(node, Sequence) else [
                part for pair in node.pairs for part in pair]
            stack.extend((child, depth + 1) for child in reversed(children))


def read_with_ruamel(text: str) -> list[Document]:
    """:func:`documents`, always read by ruamel.yaml's parser."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            events = _parser().parse(text)
            return list(_Composer(events).documents())
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise YamlError(_describe(err), mark.index if mark else 0) from None
    except YAMLError as err:  # ReaderError: a character YAML does not allow
        raise YamlError(str(err).split("\n")[0], getattr(err, "position", 0) or 0) from None
    except RecursionError:
        raise YamlError("the document is nested too deeply", 0) from None


def _parser() -> Any:
    """ruamel.yaml's pure-Python parser, with snakeyaml-engine's rules for tabs."""
    from ruamel.yaml import YAML

    from flinklint.loader.yaml_scanner import scanner_class

    yaml = YAML(typ="safe", pure=True)
    yaml.Scanner = scanner_class()
    return yaml


def _describe(err: Any) -> str:
    parts = [p for p in (err.context, err.problem) if p]
    return "; ".join(parts) or "invalid YAML"


class _Composer:
    def __init__(self, events: Iterator[Any]) -> None:
        self.events = iter(events)
        self.anchors: dict[str, Scalar | Mapping | Sequence] = {}
        self.collection_aliases = 0
        self.nodes = 0
        self.depth = 0

    def documents(self) -> Iterator[Document]:
        for event in self.events:
            if type(event).__name__ == "DocumentStartEvent":
                self.anchors = {}
                yield Document(self._document(), event.start_mark.index)

    def _document(self) -> Node | None:
        root: Node | None = None
        for event in self.events:
            if type(event).__name__ == "DocumentEndEvent":
                break
            root = self._node(event)
        if isinstance(root, Scalar) and root.plain and root.value == "" and root.tag is None:
            return None
        return root

    def _node(self, event: Any) -> Node:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise too_many_nodes(event.start_mark.index)
        name = type(event).__name__
        if name == "AliasEvent":
            return self._alias(event)
        if name == "ScalarEvent":
            node: Scalar | Mapping | Sequence = Scalar(
                event.value, _tag(event), event.style is None,
                event.start_mark.index, event.end_mark.index,
            )
        elif name == "SequenceStartEvent":
            node = self._sequence(event)
        else:
            node = self._mapping(event)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        return node

    def _alias(self, event: Any) -> Alias:
        target = self.anchors.get(event.anchor)
        if target is None:
            raise _error(f"found undefined alias {event.anchor}", event)
        if not isinstance(target, Scalar):
            self.collection_aliases += 1
            if self.collection_aliases > MAX_COLLECTION_ALIASES:
                raise _error(
                    "Number of aliases for non-scalar nodes exceeds the specified max=50", event
                )
        return Alias(target, event.start_mark.index, event.end_mark.index)

    def _enter(self, start: Any) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise too_deep(start.start_mark.index)

    def _sequence(self, start: Any) -> Sequence:
        node = Sequence(tag=_tag(start), start=start.start_mark.index)
        self._enter(start)
        for event in self.events:
            if type(event).__name__ == "SequenceEndEvent":
                node.end = event.end_mark.index
                break
            node.items.append(self._node(event))
        self.depth -= 1
        return node

    def _mapping(self, start: Any) -> Mapping:
        node = Mapping(tag=_tag(start), start=start.start_mark.index)
        self._enter(start)
        key: Node | None = None
        for event in self.events:
            if type(event).__name__ == "MappingEndEvent":
                node.end = event.end_mark.index
                break
            child = self._node(event)
            if key is None:
                key = child
            else:
                node.pairs.append((key, child))
                key = None
        self.depth -= 1
        return node


def _tag(event: Any) -> str | None:
    tag = event.tag
    if tag is None:
        return None
    return str(getattr(tag, "value", tag))


def _error(message: str, event: Any) -> Exception:
    return YamlError(message, event.start_mark.index)
