"""A YAML document as a tree of positioned nodes: the node types.

The readers that build them are in :mod:`~.yaml_parse` (ruamel.yaml's parser events) and
:mod:`~.yaml_quick` (plain block YAML). Nothing is ever *constructed*, so a tag such as
``!!python/object`` is just a string on a node. Values are resolved later by
:mod:`flinklint.loader.yaml_values`, the way Flink's YAML library (snakeyaml-engine, YAML 1.2
core schema) would. Anchors are shared nodes; an alias keeps its own position.
"""

from __future__ import annotations

from flinklint.records import dataclass, field

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    pass



@dataclass(eq=False)
class Scalar:
    value: str
    tag: str | None  # the tag as written (resolved handle), None when implicit
    plain: bool
    start: int
    end: int


@dataclass(eq=False)
class Mapping:
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    tag: str | None = None
    start: int = 0
    end: int = 0


@dataclass(eq=False)
class Sequence:
    items: list[Node] = field(default_factory=list)
    tag: str | None = None
    start: int = 0
    end: int = 0


@dataclass(eq=False)
class Alias:
    target: Scalar | Mapping | Sequence
    start: int
    end: int


Node = Scalar | Mapping | Sequence | Alias


def deref(node: Node) -> Scalar | Mapping | Sequence:
    return node.target if isinstance(node, Alias) else node


class YamlError(Exception):
    """A document Flink's YAML library rejects while parsing; ``offset`` is where."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message, self.offset = message, offset


@dataclass(eq=False)
class Document:
    root: Node | None  # None for an empty document
    start: int  # offset of the document's first event
