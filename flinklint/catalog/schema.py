"""A JSON Schema of ``config.yaml`` for one Flink version, for editors with a YAML language server.

``json_schema(version)`` lists every option of the version twice: as a flat dotted key
(``taskmanager.memory.process.size``) and as nested mappings (``taskmanager: memory: process:
size:``), each with its type, accepted values, default and deprecation. Families Flink reads
by prefix (``metrics.reporter.<name>.*``) are ``patternProperties``. Unknown keys stay allowed
(``additionalProperties``), as Flink ignores them: flinklint's FL101 is the place to flag them.
Value patterns follow Flink's parsers (case-insensitive units and booleans; ISO-8601 durations
from 2.1), so an editor flags what Flink would refuse.
"""

from __future__ import annotations

from typing import Any

from flinklint.catalog import OptionInfo, catalog
from flinklint.values.durations import DURATION_LABELS
from flinklint.versions import FlinkVersion

Schema = dict[str, Any]

_MEMORY_UNITS = ["b", "bytes", "k", "kb", "kibibytes", "m", "mb", "mebibytes", "g", "gb",
                 "gibibytes", "t", "tb", "tebibytes"]  # fmt: skip
_ISO = (
    r"[-+]?[Pp]([-+]?[0-9]+[Dd])?"
    r"([Tt]([-+]?[0-9]+[Hh])?([-+]?[0-9]+[Mm])?([-+]?[0-9]+([.,][0-9]{0,9})?[Ss])?)?"
)


def _anycase(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() and c.isascii() else c for c in word)


def _words(words: list[str] | tuple[str, ...]) -> str:
    return "(" + "|".join(_anycase(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _number_with_unit(units: list[str], extra: str = "") -> Schema:
    pattern = rf"^\s*([0-9]+\s*{_words(units)}?{extra})\s*$"
    return {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": pattern}]}


def _types(version: FlinkVersion) -> dict[str, Schema]:
    """The value schemas of Flink's option types, shared by every option of that type."""
    iso = f"|{_ISO}" if version.at_least(2, 1) else ""
    return {
        "type:bool": {"anyOf": [{"type": "boolean"},
                                {"type": "string", "pattern": f"^{_words(['true', 'false'])}$"}]},
        "type:int": _integer(31),
        "type:long": _integer(63),
        "type:float": {"type": ["number", "string"]},
        "type:double": {"type": ["number", "string"]},
        "type:dur": _number_with_unit(list(DURATION_LABELS), iso),
        "type:mem": _number_with_unit(_MEMORY_UNITS),
        "type:map": {"type": ["string", "object"]},
        "type:list": {"type": ["string", "array"]},
        "type:str": {"type": ["string", "number", "boolean"]},
    }  # fmt: skip


def _integer(bits: int) -> Schema:
    return {"anyOf": [{"type": "integer", "minimum": -(2**bits), "maximum": 2**bits - 1},
                      {"type": "string", "pattern": r"^[+-]?[0-9]+$"}]}  # fmt: skip


def _scalar(info: OptionInfo) -> Schema:
    """A schema that refers to the shared type (enums carry their constants)."""
    if info.type == "enum" and info.values:
        pattern = f"^{_words(info.values)}$"
        return {"anyOf": [{"enum": list(info.values)}, {"type": "string", "pattern": pattern}]}
    kind = "list" if info.type.startswith("list:") else info.type
    name = f"type:{kind}" if f"type:{kind}" in _TYPE_KEYS else "type:str"
    return {"allOf": [{"$ref": f"#/definitions/{name}"}]}


_TYPE_KEYS = frozenset(
    f"type:{k}" for k in ("bool", "int", "long", "float", "double", "dur", "mem", "map", "list")
)


_TYPE_NAMES = {
    "bool": "Boolean",
    "int": "Integer",
    "long": "Long",
    "float": "Float",
    "double": "Double",
    "str": "String",
    "dur": "Duration",
    "mem": "MemorySize",
    "map": "Map",
    "enum": "Enum",
}


def _type_name(info: OptionInfo) -> str:
    if info.type.startswith("list:"):
        return f"List<{_TYPE_NAMES.get(info.type[5:], 'String')}>"
    if info.type == "enum" and info.values:
        return "Enum: " + ", ".join(info.values)
    return _TYPE_NAMES.get(info.type, "String")


def _describe(info: OptionInfo, version: FlinkVersion) -> Schema:
    schema = _scalar(info)
    text = _type_name(info) + (f". Default: {info.default}" if info.default else "")
    if info.deprecated:
        found = catalog().deprecation(info.key, version)
        instead = f": use {found.replacement}" if found and found.replacement else ""
        schema["deprecated"] = True
        schema["deprecationMessage"] = f"Deprecated in Flink {version}{instead}"
        text = f"{text} (deprecated{instead})"
    schema["description"] = text
    return schema


def _trie(leaves: dict[str, Schema]) -> Schema:
    """Nested mappings: every key as ``a: b: c:``, a key that is also a parent as ``anyOf``."""
    root: dict[str, Any] = {}
    for key, leaf in leaves.items():
        node = root
        for part in key.split("."):
            node = node.setdefault(part, {})
        node[""] = leaf  # "" never is a segment of a key
    return _object(root)


def _object(node: dict[str, Any]) -> Schema:
    children = {k: _node(v) for k, v in node.items() if k}
    return {"type": "object", "properties": children, "additionalProperties": True}


def _node(node: dict[str, Any]) -> Schema:
    leaf = node.get("")
    if len(node) == 1 and leaf is not None:
        return dict(leaf)
    obj = _object(node)
    return obj if leaf is None else {"anyOf": [dict(leaf), obj]}


def _escape(segment: str) -> str:
    """Escape for both Python and ECMAScript (unicode mode): only real metacharacters."""
    return "".join("\\" + c if c in ".^$*+?()[]{}|\\" else c for c in segment)


def _pattern(family: str) -> str:
    parts = family.split(".")
    regex = (r"[^.]+" if p == "*" else r".+" if p == "**" else _escape(p) for p in parts)
    return "^" + r"\.".join(regex) + "$"


def _families(version: FlinkVersion) -> Schema:
    patterns: Schema = {}
    for pattern, type_code, note in catalog().families(version):
        if type_code:
            info = OptionInfo(pattern, pattern, type_code)
            patterns[_pattern(pattern)] = _scalar(info) | {"description": _type_name(info)}
        else:
            patterns[_pattern(pattern)] = {"description": note}
    return patterns


def json_schema(version: FlinkVersion) -> dict[str, Any]:
    """The JSON Schema (draft 7) of a ``config.yaml`` read by Flink ``version``."""
    cat = catalog()
    definitions: dict[str, Schema] = _types(version)
    options: list[str] = []
    for key in cat.all_keys(version):
        info = cat.lookup(key, version)
        if info is not None:
            definitions[key] = _describe(info, version)
            options.append(key)
    refs = {key: {"$ref": f"#/definitions/{_pointer(key)}"} for key in options}
    nested = _trie(refs)
    properties = {k: v for k, v in refs.items() if "." in k}
    properties.update(nested["properties"])
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": f"Apache Flink {version} config.yaml",
        "type": "object",
        "properties": properties,
        "patternProperties": _families(version),
        "additionalProperties": True,
        "definitions": definitions,
    }


def _pointer(key: str) -> str:
    """``key`` as a JSON Pointer token inside a URI fragment."""
    return key.replace("~", "~0").replace("/", "~1").replace("%", "%25").replace("$", "%24")
