"""Scalars as Flink's YAML library reads them: snakeyaml-engine with the YAML 1.2 core schema.

``resolve`` turns a scalar node into the Java value Flink holds (a ``str``, ``int``, ``float``,
``bool``, ``None`` or ``bytes``); it raises :class:`ValueError` where snakeyaml-engine throws
(an unknown tag, ``!!int 1.5``, and its own quirk ``+.inf``). Verified against Flink 1.19-2.3.
"""

from __future__ import annotations

import re

from flinklint.loader.limits import check_digits
from flinklint.loader.yaml_nodes import Scalar

CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (CORE + t for t in ("str", "int", "float", "bool", "null"))
BINARY, MAP, SEQ, SET = (CORE + t for t in ("binary", "map", "seq", "set"))

_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN)"
)
_NULL = re.compile(r"~|null|Null|NULL|")
_JAVA_FLOAT = re.compile(
    r"[-+]?(?:NaN|Infinity|(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?[fFdD]?)"
)
_DIGITS = {10: re.compile(r"[-+]?[0-9]+"), 16: re.compile(r"[-+]?[0-9a-fA-F]+"),
           8: re.compile(r"[-+]?[0-7]+")}

Value = str | int | float | bool | bytes | None


def check_collection_tag(tag: str | None, mapping: bool) -> None:
    """ValueError for a tag snakeyaml-engine has no constructor for on a list or mapping."""
    allowed = (MAP, SET) if mapping else (SEQ,)
    if tag is not None and tag != "!" and tag not in allowed:
        raise ValueError(f"could not determine a constructor for the tag {tag}")


def implicit_tag(text: str) -> str:
    """The tag a plain scalar resolves to."""
    if _BOOL.fullmatch(text):
        return BOOL
    if _INT.fullmatch(text):
        return INT
    if _FLOAT.fullmatch(text):
        return FLOAT
    if _NULL.fullmatch(text):
        return NULL
    return STR


def tag_of(node: Scalar) -> str:
    if node.tag is None:
        return implicit_tag(node.value) if node.plain else STR
    return STR if node.tag == "!" else node.tag


def resolve(node: Scalar) -> Value:
    """The Java value of a scalar; ValueError where snakeyaml-engine fails."""
    tag, text = tag_of(node), node.value
    if tag == STR:
        return text
    if tag == NULL:
        return None
    if tag == BOOL:
        return {"true": True, "false": False}.get(text.lower())
    if tag == INT:
        check_digits(text, node.start)  # far beyond any option; Python converts 4,300 at most
        return to_int(text)
    if tag == FLOAT:
        return to_float(text)
    if tag == BINARY:
        return to_binary(text)
    raise ValueError(f"could not determine a constructor for the tag {tag}")


def to_int(text: str) -> int:
    sign = -1 if text[:1] == "-" else 1
    body = text[1:] if text[:1] in ("-", "+") else text
    base = 10
    if body.startswith("0x"):
        base, body = 16, body[2:]
    elif body.startswith("0o"):
        base, body = 8, body[2:]
    if not _DIGITS[base].fullmatch(body):
        raise ValueError(f'For input string: "{body}"')
    return sign * int(body, base)


def to_float(text: str) -> float:
    lower = text.lower()
    if lower in (".inf", "-.inf", ".nan"):
        return {".inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}[lower]
    sign = -1.0 if text[:1] == "-" else 1.0
    body = text[1:] if text[:1] in ("-", "+") else text
    stripped = body.strip(" \t\n\r\x0b\x0c\x00")
    if not _JAVA_FLOAT.fullmatch(stripped):
        raise ValueError(f'For input string: "{body}"')
    return sign * float(stripped.rstrip("fFdD"))


def to_binary(text: str) -> bytes:
    import base64  # here: only !!binary needs it
    import binascii

    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("Illegal base64 character") from None
