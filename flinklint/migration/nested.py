"""config.yaml with nested maps (``taskmanager:`` / ``  memory:`` / ``    process:`` ...).

Keys are grouped under their common prefixes in the order the groups first appear; a key that
joins a group opened earlier moves there, together with the comment lines right above it (no
blank line in between). Blank lines and comments that stand apart stay where they were, in the
innermost group the keys before and after them share. A trailing comment stays on its line.

A key cannot be both a value and a group (``metrics.reporter.prom: x`` beside
``metrics.reporter.prom.port: 9249``): such keys are nested only down to the colliding part
and written from there as dotted keys (``prom: x`` and ``prom.port: 9249`` under ``reporter``),
which Flink flattens to the same names. A key with an empty part (``a..b``) stays flat.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from flinklint.migration.flat import pair_text
from flinklint.migration.items import Blank, Comment, Item, Pair
from flinklint.migration.scalars import block_key

INDENT = "  "
_LONG_KEY = 200


@dataclass
class _Leaf:
    name: str
    pair: Pair
    above: list[Comment]


@dataclass
class _Node:
    items: list[_Node | _Leaf | list[Blank | Comment]] = field(default_factory=list)
    children: dict[str, _Node] = field(default_factory=dict)
    name: str = ""


def paths(keys: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The nesting of each key: its parts, shortened where keys collide."""
    parts = {key: tuple(key.split(".")) for key in keys}
    inner = {p[:i] for p in parts.values() for i in range(1, len(p))}
    roots = inner & set(parts.values())  # keys that are also the start of other keys
    out: dict[str, tuple[str, ...]] = {}
    for key, p in parts.items():
        if "" in p or len(key) > _LONG_KEY:
            out[key] = (key,)
            continue
        cut = next((i for i in range(1, len(p) + 1) if p[:i] in roots), None)
        out[key] = p if cut is None else (*p[:cut - 1], ".".join(p[cut - 1:]))
    return out


def render(items: Sequence[Item], newline: str) -> str:
    root = _Node()
    nesting = paths(i.key for i in items if isinstance(i, Pair))
    previous: tuple[str, ...] = ()
    pending: list[Comment] = []
    loose: list[Blank | Comment] = []
    for item in items:
        if isinstance(item, Pair):
            path = nesting[item.key]
            if loose:
                _node(root, _common(previous, path[:-1])).items.append(loose)
                loose = []
            _node(root, path[:-1]).items.append(_Leaf(path[-1], item, pending))
            previous, pending = path[:-1], []
        elif isinstance(item, Comment):
            pending.append(item)
        else:
            loose += [*pending, item]
            pending = []
    if loose or pending:
        root.items.append([*loose, *pending])
    lines = list(_emit(root, 0, newline))
    ending = "" if items and not items[-1].ending else newline
    return newline.join(lines) + ending if lines else ""


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return a[:size]


def _node(root: _Node, path: tuple[str, ...]) -> _Node:
    node = root
    for name in path:
        child = node.children.get(name)
        if child is None:
            child = node.children[name] = _Node(name=name)
            node.items.append(child)
        node = child
    return node


def _emit(node: _Node, depth: int, newline: str) -> Iterable[str]:
    indent = INDENT * depth
    for item in node.items:
        if isinstance(item, _Node):
            yield f"{indent}{block_key(item.name)}:"
            yield from _emit(item, depth + 1, newline)
        elif isinstance(item, _Leaf):
            yield from (indent + c.text for c in item.above)
            yield indent + pair_text(item.pair, item.name, newline + indent, ": ")
        else:
            for line in item:
                if isinstance(line, Blank):
                    yield ""
                else:
                    yield (indent if depth else line.indent) + line.text
