"""Check a manifest's spec against the CRD of one operator release (FL300, FL301).

A mix-in of :class:`~flinklint.loader.operator_spec.SpecReader`: it walks ``spec`` field by
field along :mod:`~flinklint.launch.operator_crd`, reports a field the release's CRD does not
declare (the API server drops it) and a value whose type or enum the CRD refuses.
"""

from __future__ import annotations

from flinklint.launch import operator_crd as crd
from flinklint.launch.operator import OperatorRelease, releases_label
from flinklint.loader import codes
from flinklint.loader.operator_nodes import scalar_text
from flinklint.loader.operator_values import go_value
from flinklint.loader.yaml_nodes import Mapping, Node, Scalar, Sequence, deref


class SchemaCheck:
    """The CRD walk; the reader supplies ``kind``, ``release``, ``who`` and ``add``."""

    kind: str
    release: OperatorRelease
    who: str

    def add(self, code: codes.Code, node: Node, message: str) -> None:
        raise NotImplementedError

    def _fields(self, node: Node, path: str) -> None:
        schema = crd.schema(self.kind, self.release, path)
        if schema is None:
            return
        target = deref(node)
        if isinstance(target, Scalar) and go_value(target) is None:
            return  # the API server drops a null
        kind = schema.get("type")
        if kind == "any":
            return
        if not _matches(kind, target):
            self._wrong_type(node, path, schema)
            return
        if isinstance(target, Scalar) and "enum" in schema:
            self._enum(node, path, schema)
        elif isinstance(target, Mapping):
            self._mapping(target, path, schema)
        elif isinstance(target, Sequence):
            item_path = path + "[]"
            items = schema.get("items")
            for item in target.items:
                if crd.schema(self.kind, self.release, item_path) is not None:
                    self._fields(item, item_path)
                elif items is not None and not _matches(items.get("type"), deref(item)):
                    self._wrong_type(item, path + "[]", items)

    def _mapping(self, target: Mapping, path: str, schema: crd.Schema) -> None:
        values = schema.get("values")
        for key, value in target.pairs:
            name = deref(key)
            if not isinstance(name, Scalar):
                continue
            if values is not None:
                inner = deref(value)
                if not (isinstance(inner, Scalar) and go_value(inner) is None) and \
                        not _matches(values.get("type"), inner):
                    self._wrong_type(value, f"{path}.{name.value}", values, parent=path)
                continue
            if not schema.get("fields"):
                continue
            sub = f"{path}.{name.value}"
            inner = deref(value)
            if isinstance(inner, Scalar) and go_value(inner) is None:
                continue  # an empty field: the API server drops it, nothing is lost
            if crd.schema(self.kind, self.release, sub) is None:
                self._unknown(key, sub)
            else:
                self._fields(value, sub)

    def _unknown(self, key: Node, path: str) -> None:
        readers = crd.releases_with(self.kind, path)
        drop = ("the API server drops it (kubectl apply with server-side field validation "
                "refuses the manifest)")
        if not readers:
            self.add(codes.OPERATOR_FIELD_NOT_READ, key,
                     f"`{path}` is not a field of the {self.kind} of any operator release: "
                     f"{drop}; check the spelling")
            return
        self.add(codes.OPERATOR_FIELD_NOT_READ, key,
                 f"{self.who} does not read `{path}`: its CRD has no such field, so {drop}; "
                 f"it is read by operator {releases_label(readers)}")

    def _wrong_type(self, node: Node, path: str, schema: crd.Schema,
                    parent: str | None = None) -> None:
        expected = _TYPE_WORDS.get(schema.get("type") or "", schema.get("type") or "?")
        target = deref(node)
        given = _describe(target)
        if parent == "spec.flinkConfiguration":
            self.add(codes.OPERATOR_CRD_REFUSES, node,
                     f"{self.who} accepts only strings in spec.flinkConfiguration (its CRD "
                     f"declares a map of strings) and the API server refuses {given}; quote "
                     f"the value or write one dotted key per option (operator 1.13 and later "
                     f"accept nested maps, numbers and lists)")
            return
        self.add(codes.OPERATOR_CRD_REFUSES, node,
                 f"`{path}` must be {expected} in the CRD of {self.who}: the API server "
                 f"refuses the manifest ({given})")

    def _enum(self, node: Node, path: str, schema: crd.Schema) -> None:
        value = scalar_text(node)
        allowed = schema["enum"]
        if value is None or value in allowed:
            return
        accepting = crd.enum_releases(self.kind, path, value)
        where = f"; accepted by operator {releases_label(accepting)}" if accepting else ""
        if path == "spec.flinkVersion" and self.release.minor == 15 and value in ("v2_3", "v2_4"):
            where += (" (operator 1.15's code knows it, but the CRD its Helm chart installs was "
                      "generated before it was added)")
        self.add(codes.OPERATOR_CRD_REFUSES, node,
                 f"`{path}: {value}` is not allowed by the CRD of {self.who} (allowed: "
                 f"{', '.join(allowed)}): the API server refuses the manifest{where}")


_TYPE_WORDS = {"string": "a string", "integer": "an integer", "number": "a number",
               "boolean": "true or false", "object": "a mapping", "array": "a list",
               "int-or-string": "an integer or a string"}


def _matches(kind: str | None, target: Scalar | Mapping | Sequence) -> bool:
    if kind in (None, "any"):
        return True
    if kind == "object":
        return isinstance(target, Mapping)
    if kind == "array":
        return isinstance(target, Sequence)
    if not isinstance(target, Scalar):
        return False
    value = go_value(target)
    if value is None:
        return True
    integral = (isinstance(value, int) and not isinstance(value, bool)) or \
        (isinstance(value, float) and value.is_integer())
    return {
        "string": isinstance(value, str),
        "integer": integral,
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "int-or-string": isinstance(value, str) or integral,
    }.get(kind, True)


def _describe(target: Scalar | Mapping | Sequence) -> str:
    if isinstance(target, Mapping):
        return "a mapping"
    if isinstance(target, Sequence):
        return "a list"
    value = go_value(target)
    if isinstance(value, bool):
        return f"the boolean {target.value}"
    if isinstance(value, int | float):
        return f"the number {target.value}"
    return f"the string {target.value!r}"


