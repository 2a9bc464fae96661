"""``spec.flinkConfiguration`` flattened the way the operator (1.13+) flattens it.

Nested mappings join their keys with dots (``ConfigObjectNode.asFlatMap``); a later key that
flattens to the same name wins. A list becomes its elements' text joined by ``;``. Every value
that is not a string is reported: operators up to 1.12 declare the field a map of strings and
the API server rejects anything else, and 1.13+ converts it (``1.0`` arrives as ``1``).
Whatever the YAML type, Flink receives text: every entry has ``value_type`` STRING. Aliases
are expanded up to the keys and characters :mod:`~.limits` allows.
"""

from __future__ import annotations

from flinklint.findings import Finding, Span
from flinklint.flink_config import Entry, ValueType
from flinklint.loader import codes
from flinklint.loader.limits import Budget
from flinklint.loader.operator_values import go_value, json_text
from flinklint.loader.sensitive import shown
from flinklint.loader.text import LineIndex
from flinklint.loader.yaml_nodes import Mapping, Node, Scalar, Sequence, deref


class ConfigFlattener:
    def __init__(self, text: str, path: str, index: LineIndex) -> None:
        self.text, self.path, self.index = text, path, index
        self.entries: list[Entry] = []
        self.findings: list[Finding] = []
        self.budget = Budget()

    def span(self, node: Node) -> Span:
        return self.index.span(node.start, node.end, self.text)

    def finding(self, code: codes.Code, node: Node, message: str) -> Finding:
        return code.at(self.path, self.span(node), message)

    def mapping(self, node: Mapping, prefix: str) -> None:
        seen: dict[str, Node] = {}
        for key_node, value_node in node.pairs:
            key = deref(key_node)
            name = key.value if isinstance(key, Scalar) else ""
            self.budget.entry(key_node.start)
            self.budget.chars(len(prefix) + len(name), key_node.start)
            if name in seen:
                self.findings.append(self.finding(
                    codes.DUPLICATE_KEY, key_node,
                    f"duplicate key '{name}' (first on line {self.span(seen[name]).line}): "
                    f"kubectl rejects the manifest or silently keeps one of the two"))
            seen[name] = key_node
            target = deref(value_node)
            if isinstance(target, Mapping):
                self.mapping(target, prefix + name + ".")
            else:
                self.leaf(prefix + name, key_node, value_node, nested=bool(prefix))

    def leaf(self, key: str, key_node: Node, value_node: Node, nested: bool) -> None:
        target = deref(value_node)
        try:
            text, kind = self.value_text(target)
        except ValueError as err:
            self.findings.append(self.finding(codes.YAML_VALUE_ERROR, value_node, str(err)))
            return
        if kind is not ValueType.LIST:  # a list's parts were counted as they were joined
            self.budget.chars(len(text), value_node.start)
        if kind is ValueType.NULL:
            self.findings.append(self.finding(
                codes.NULL_VALUE, value_node if target.end > target.start else key_node,
                f"'{key}' has no value (null): operators up to 1.12 reject it, later ones "
                f"pass Flink the text 'null'; give a value or remove the key"))
            return
        if kind is not ValueType.STRING:
            what = "a list" if kind is ValueType.LIST else f"a {kind.value} value"
            self.findings.append(self.finding(
                codes.OPERATOR_NON_STRING_VALUE, value_node,
                f"'{key}' is {what}, not a string: operators up to 1.12 reject the manifest, "
                f"later ones pass Flink {shown(key, text)}; write that string, quoted"))
        self.entries.append(Entry(
            key=key, value=text, raw=self.text[value_node.start:value_node.end].rstrip(),
            key_span=self.span(key_node), value_span=self.span(value_node), nested=nested,
        ))  # Flink gets every value as a string (Configuration.fromMap): value_type STRING

    def value_text(self, node: Scalar | Mapping | Sequence) -> tuple[str, ValueType]:
        if isinstance(node, Scalar):
            return json_text(go_value(node))
        if isinstance(node, Sequence):
            parts = []
            for item in map(deref, node.items):
                parts.append(json_text(go_value(item))[0] if isinstance(item, Scalar) else "")
                self.budget.chars(len(parts[-1]) + 1, node.start)
            return ";".join(parts), ValueType.LIST
        return "", ValueType.MAP
