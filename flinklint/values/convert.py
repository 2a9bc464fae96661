"""How Flink reads an option value of a given type, and why it refuses one.

``problem(type, value, version, value_type, enum)`` returns Flink's own reason (the message of
the exception under ``Could not parse value '<v>' for key '<k>'.``) or None when Flink accepts
the value. It follows ``ConfigurationUtils.convertValue``: booleans are ``true``/``false`` in any
case, integers go through ``Integer.parseInt`` and friends, durations through
``TimeUtils.parseDuration`` (which changed in 2.0 and again in 2.1), memory sizes through
``MemorySize.parse``, enums match any constant case-insensitively. A value from a standard YAML
file keeps its YAML type (``value_type``): a YAML integer too large for an ``int`` option
overflows, a YAML float is printed by ``Double.toString`` first. Lists and maps are not checked.
All of it was checked against real Flink (``tests/golden/catalog-values.json``).
"""

from __future__ import annotations

from collections.abc import Callable

from flinklint.flink_config import ValueType
from flinklint.values.durations import parse_duration
from flinklint.values.units import (
    JavaError,
    double_to_string,
    parse_boolean,
    parse_double,
    parse_float,
    parse_int,
    parse_long,
    parse_memory_size,
)
from flinklint.versions import FlinkVersion

_INT_RANGE = range(-(2**31), 2**31)
_LONG_RANGE = range(-(2**63), 2**63)
_FLOAT_MAX = 3.4028234663852886e38
_FLOAT_MIN = 1.401298464324817e-45


def problem(
    type_code: str,
    value: str,
    version: FlinkVersion,
    value_type: ValueType = ValueType.STRING,
    enum: tuple[str, ...] = (),
) -> str | None:
    """Why Flink cannot read ``value`` as ``type_code``, or None when it can."""
    try:
        _read(type_code, value, version, value_type, enum)
    except JavaError as error:
        return error.message or error.cls
    return None


def _read(
    type_code: str, value: str, version: FlinkVersion, value_type: ValueType, enum: tuple[str, ...]
) -> None:
    number = _yaml_number(value, value_type)
    if number is not None and type_code in ("int", "long", "float"):
        _typed_number(type_code, number)
        return
    text = _java_string(value, number)
    if type_code == "enum":
        _enum(text, enum)
        return
    reader = _READERS.get(type_code)
    if reader is not None:
        reader(text, version)


def _yaml_number(value: str, value_type: ValueType) -> int | float | None:
    """The Java number a YAML integer or float becomes (None for anything else)."""
    try:
        if value_type is ValueType.INTEGER:
            return int(value, 0) if value[:2].lower() in ("0x", "0o") else int(value)
        if value_type is ValueType.FLOAT:
            return float(value.lower().replace(".inf", "inf").replace(".nan", "nan"))
    except ValueError:
        return None
    return None


def _java_string(value: str, number: int | float | None) -> str:
    """``toString()`` of the Java object the value is: YAML floats print as Java doubles."""
    if isinstance(number, float):
        return double_to_string(number)
    if isinstance(number, int):
        return str(number)
    return value


def _typed_number(type_code: str, number: int | float) -> None:
    """``convertToInt``/``Long``/``Float`` on a Java ``Integer``, ``Long`` or ``Double``."""
    if isinstance(number, int):
        if type_code == "float":
            return  # Float.parseFloat of the integer's digits
        if type_code == "int" and number in _LONG_RANGE and number not in _INT_RANGE:
            raise JavaError(
                "java.lang.IllegalArgumentException",
                f"Configuration value {number} overflows/underflows the integer type.",
            )
        if number not in _LONG_RANGE or (type_code == "int" and number not in _INT_RANGE):
            raise JavaError("java.lang.NumberFormatException", f'For input string: "{number}"')
        return
    if type_code == "float":
        size = abs(number)
        if not (number == 0.0 or _FLOAT_MIN <= size <= _FLOAT_MAX):
            text = double_to_string(number)
            raise JavaError(
                "java.lang.IllegalArgumentException",
                f"Configuration value {text} overflows/underflows the float type.",
            )
        return
    parse_int(double_to_string(number))  # a YAML float never reads as an int or a long


def _enum(text: str, constants: tuple[str, ...]) -> None:
    if not constants[1:] or text.upper() in (c.upper() for c in constants[1:]):
        return
    raise JavaError("java.lang.IllegalArgumentException",
                    f"Could not parse value for enum class {constants[0]}. "
                    f"Expected one of: [[{', '.join(constants[1:])}]]")  # fmt: skip


def _ignore_version(parse: Callable[[str], object]) -> Callable[[str, FlinkVersion], object]:
    return lambda text, _version: parse(text)


_READERS: dict[str, Callable[[str, FlinkVersion], object]] = {
    "bool": _ignore_version(parse_boolean),
    "int": _ignore_version(parse_int),
    "long": _ignore_version(parse_long),
    "float": _ignore_version(parse_float),
    "double": _ignore_version(parse_double),
    "mem": _ignore_version(parse_memory_size),
    "dur": parse_duration,
}
