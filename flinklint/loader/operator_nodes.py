"""Small readers of a manifest's YAML nodes, shared by the operator modules.

``scalar_text`` is what kubectl sends for a scalar (JSON written by Go, read back by Jackson):
the text the operator sees, or None for null and collections.
"""

from __future__ import annotations

from flinklint.loader.operator_values import go_value, json_text
from flinklint.loader.yaml_nodes import Mapping, Node, Scalar, deref


def child(node: Mapping | None, name: str) -> Node | None:
    for key, value in node.pairs if node is not None else ():
        target = deref(key)
        if isinstance(target, Scalar) and target.value == name:
            return value
    return None


def key_node(node: Mapping | None, name: str) -> Node | None:
    for key, _ in node.pairs if node is not None else ():
        target = deref(key)
        if isinstance(target, Scalar) and target.value == name:
            return key
    return None


def mapping(node: Node | None) -> Mapping | None:
    target = deref(node) if node is not None else None
    return target if isinstance(target, Mapping) else None


def scalar_text(node: Node | None) -> str | None:
    """The text kubectl sends for a scalar (``2048`` for an integer), None for null or a
    collection."""
    target = deref(node) if node is not None else None
    if not isinstance(target, Scalar):
        return None
    value = go_value(target)
    if value is None:
        return None
    try:
        return json_text(value)[0]
    except ValueError:
        return target.value



def flink_minor(text: str | None) -> tuple[int, int] | None:
    if text is None or not text.startswith("v"):
        return None
    try:
        major, minor = text[1:].split("_")
        return int(major), int(minor)
    except ValueError:
        return None

