"""A legacy value as YAML text for its option: lists and maps in YAML syntax, scalars quoted
where YAML would read them differently.

A list option's ``a;b;c`` becomes ``[a, b, c]`` and a map option's ``k1:v1,k2:v2`` becomes
``{k1: v1, k2: v2}`` (a list of maps ``[{...}, {...}]``), each part quoted on its own as needed.
Flink's YAML reader spreads a map over dotted keys (``k.k1``, ``k.k2``) and reads the map
option back from them; where the file also sets a key below the map's key, that would change
the map, so such a map is written as one quoted string of YAML (``'{k1: v1}'``), which Flink
parses the same way and which hides no other key; so is an empty map, which as ``{}`` would
set nothing at all. A value Flink cannot read as a list or map
stays the string it was (Flink fails on it in both formats).
"""

from __future__ import annotations

from flinklint.migration import structured
from flinklint.migration.scalars import block_value, flow_scalar, quoted

STRUCTURED = ("list:str", "list:enum", "list:map", "map")


def _flow_map(pairs: structured.MapValue) -> str:
    return "{" + ", ".join(f"{flow_scalar(k, key=True)}: {flow_scalar(v)}" for k, v in pairs) + "}"


def _flow(parsed: object, option_type: str) -> str:
    if option_type == "map":
        assert isinstance(parsed, list)
        return _flow_map(parsed)
    assert isinstance(parsed, list)
    if option_type == "list:map":
        return "[" + ", ".join(_flow_map(m) for m in parsed) + "]"
    return "[" + ", ".join(flow_scalar(item) for item in parsed) + "]"


def yaml_value(text: str, option_type: str, keys_below: bool = False) -> tuple[str, str | None]:
    """The YAML for ``text`` and, when it could not be converted, why.

    ``keys_below``: the file sets other keys starting with this key and a dot.
    """
    if option_type not in STRUCTURED:
        return block_value(text, option_type), None
    parsed = structured.parse(text, option_type)
    kind = {"map": "map", "list:map": "list of maps"}.get(option_type, "list")
    if parsed is None:
        return block_value(text, "str"), (
            f"Flink cannot read this value as a {kind}; kept as the string it is")
    flow = _flow(parsed, option_type)
    if option_type == "map" and not parsed:
        return quoted(flow), None  # an empty YAML map would set nothing at all
    if option_type == "map" and keys_below:
        return quoted(flow), (
            "the map is written as one quoted string: written as a YAML map, Flink would mix "
            "it with the keys below it that the file also sets")
    return flow, None
