"""What a ``spec.flinkConfiguration`` value becomes on its way into Flink.

kubectl/Helm turn the manifest's YAML into JSON (sigs.k8s.io/yaml: YAML 1.1 typing, so ``yes``
is true, ``0755`` is 493 and ``1.0`` is the number 1), the API server stores that JSON, and the
operator (1.13+, structured ``flinkConfiguration``) hands each leaf to Flink as Jackson's
``asText()``: numbers in Java form (``0.8``, ``1.0E21``), booleans ``true``/``false``, null as
``null``, a list as its elements joined by ``;``. Operators up to 1.12 declare the field a map of
strings: the API server rejects any value that is not a string.
"""

from __future__ import annotations

import math
import re

from flinklint.flink_config import ValueType
from flinklint.loader.limits import check_digits
from flinklint.loader.yaml_nodes import Scalar

_TRUE = ("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")
_FALSE = ("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")
_BOOLS = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
_NULLS = {"", "~", "null", "Null", "NULL"}
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_GO_INT = re.compile(r"[-+]?(?:0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9][0-9]*)")
_CORE = "tag:yaml.org,2002:"

_SPECIAL_FLOATS = {
    **dict.fromkeys((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"), math.inf),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), -math.inf),
    **dict.fromkeys((".nan", ".NaN", ".NAN"), math.nan),
}

GoValue = str | int | float | bool | None


def go_value(node: Scalar) -> GoValue:
    """The value go-yaml v2 gives a scalar (what kubectl sends as JSON)."""
    if node.tag is not None:
        return _tagged(node)
    if not node.plain:
        return node.value
    text = node.value
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    plain = text.replace("_", "")
    if _GO_INT.fullmatch(plain):
        check_digits(plain, node.start)  # far beyond any option; Python converts 4,300 at most
        return _go_int(plain)
    if _FLOAT.fullmatch(plain):
        return float(plain)
    if plain in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[plain]  # json_text refuses it, as kubectl does
    return text


def _go_int(plain: str) -> int | float:
    sign = -1 if plain.startswith("-") else 1
    body = plain.lstrip("+-")
    lower = body.lower()
    if lower.startswith("0x"):
        return sign * int(body[2:], 16)
    if lower.startswith("0b"):
        return sign * int(body[2:], 2)
    if lower.startswith("0o"):
        return sign * int(body[2:], 8)
    if len(body) > 1 and body.startswith("0"):
        return sign * int(body, 8)
    return sign * int(body)


def _tagged(node: Scalar) -> GoValue:
    tag = node.tag or ""
    if tag == _CORE + "null":
        return None
    if tag == _CORE + "bool":
        return _BOOLS.get(node.value, node.value.lower() == "true")
    if tag in (_CORE + "int", _CORE + "float"):
        return go_value(Scalar(node.value, None, True, node.start, node.end))
    return node.value


def json_text(value: GoValue) -> tuple[str, ValueType]:
    """Jackson's ``asText()`` of the JSON kubectl writes for ``value``."""
    if value is None:
        return "null", ValueType.NULL
    if isinstance(value, bool):
        return ("true" if value else "false"), ValueType.BOOLEAN
    if isinstance(value, int):
        return str(value), ValueType.INTEGER
    if isinstance(value, float):
        return _float_text(value), ValueType.FLOAT
    return value, ValueType.STRING


def _float_text(value: float) -> str:
    """Go writes integral floats without a fraction, so Jackson reads them back as integers."""
    if math.isinf(value) or math.isnan(value):
        raise ValueError("kubectl cannot write an infinite or NaN number as JSON and refuses "
                         "the manifest")
    small_or_huge = value != 0 and not 1e-6 <= abs(value) < 1e21
    if value.is_integer() and not small_or_huge:
        return str(int(value))
    from flinklint.values.units import double_to_string

    return double_to_string(value)
