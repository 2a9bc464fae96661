"""The shape ``explain`` draws: each process's memory as a tree of boxes, as Flink's docs do.

``TM_TREE`` and ``JM_TREE`` nest the components the way Flink's memory documentation draws
them: process memory > Flink memory > JVM heap / off-heap > components, with JVM metaspace and
JVM overhead beside the Flink memory. A node is ``(id, label, components summed, children)``;
``id`` is a key of the ``memory`` object of ``explain --format json`` where one component sizes
the box, or a name of its own for a sum (``jvm_heap``, ``off_heap``, ``direct`` of the
TaskManager).
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.memory.model import Component, Origin, ProcessModel

# A box: (id, label, components summed, children)
Node = tuple[str, str, tuple[str, ...], tuple["Node", ...]]

_DIRECT: Node = ("direct", "Direct Memory", ("framework_off_heap", "task_off_heap", "network"), (
    ("framework_off_heap", "Framework Off-Heap", ("framework_off_heap",), ()),
    ("task_off_heap", "Task Off-Heap", ("task_off_heap",), ()),
    ("network", "Network Memory", ("network",), ()),
))
TM_TREE: Node = ("total_process", "Total Process Memory", ("total_process",), (
    ("total_flink", "Total Flink Memory", ("total_flink",), (
        ("jvm_heap", "JVM Heap", ("framework_heap", "task_heap"), (
            ("framework_heap", "Framework Heap", ("framework_heap",), ()),
            ("task_heap", "Task Heap", ("task_heap",), ()),
        )),
        ("off_heap", "Off-Heap Memory", ("managed", "framework_off_heap", "task_off_heap",
                                         "network"), (
            ("managed", "Managed Memory", ("managed",), ()),
            _DIRECT,
        )),
    )),
    ("jvm_metaspace", "JVM Metaspace", ("jvm_metaspace",), ()),
    ("jvm_overhead", "JVM Overhead", ("jvm_overhead",), ()),
))
JM_TREE: Node = ("total_process", "Total Process Memory", ("total_process",), (
    ("total_flink", "Total Flink Memory", ("total_flink",), (
        ("jvm_heap", "JVM Heap", ("jvm_heap",), ()),
        ("off_heap", "Off-Heap Memory", ("off_heap",), ()),
    )),
    ("jvm_metaspace", "JVM Metaspace", ("jvm_metaspace",), ()),
    ("jvm_overhead", "JVM Overhead", ("jvm_overhead",), ()),
))
TITLES = {"taskmanager": "TaskManager", "jobmanager": "JobManager"}
CLAMPED = {"jvm overhead memory": "jvm_overhead", "network memory": "network",
           "managed memory": "managed"}  # Clamp.component -> node id


def tree_of(process: str) -> Node:
    """The tree of ``"taskmanager"`` or ``"jobmanager"``."""
    return TM_TREE if process == "taskmanager" else JM_TREE


def nodes(node: Node, depth: int = 0) -> Iterator[tuple[int, Node]]:
    """Every node of the tree, depth first, with its depth."""
    yield depth, node
    for child in node[3]:
        yield from nodes(child, depth + 1)


def label_of(process: str, node_id: str) -> str:
    """The label of a box (``network`` -> ``Network Memory``)."""
    return next((node[1] for _, node in nodes(tree_of(process)) if node[0] == node_id), node_id)


def rows(model: ProcessModel, node: Node) -> Iterator[tuple[int, Node, int]]:
    """Every node of a resolved process's tree: (depth, node, size in bytes)."""
    for depth, each in nodes(node):
        yield depth, each, sum(model.size(part) for part in each[2])


def provenance(component: Component) -> str:
    """Where a component's value came from, in words (for tooltips and the Markdown table)."""
    if component.origin is Origin.DEFAULT:
        return f"Flink's default ({component.key})" if component.key else "Flink's default"
    if component.origin is Origin.DERIVED:
        return f"derived: {component.basis}" if component.basis else "derived"
    what = {Origin.FALLBACK: "deprecated key ", Origin.LEGACY: "legacy key "}.get(
        component.origin, "")
    return f"set by {what}{component.key}"


