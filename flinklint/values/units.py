"""Flink's ``MemorySize`` and the Java number rules Flink's ``Configuration`` relies on.

Everything here reproduces Java behaviour exactly, because the numbers end up in JVM flags and
the messages in Flink's exceptions: ``MemorySize.parse`` (binary units only, bytes by default,
no decimals), ``toString`` (``1728 mb``) and ``toHumanReadableString``
(``1.688gb (1811939328 bytes)``), the exact ``BigDecimal`` multiplication of a size by a
fraction, and the ``Float``/``Double``/``Integer``/``Boolean`` parsing of option values.

Parsing functions raise :class:`JavaError`, a Java exception as data (class, message, cause);
the resolver turns it into a failure record. Nothing here raises anything else on user input.
"""

from __future__ import annotations

from functools import lru_cache

from flinklint.values.javafmt import double_to_string
from flinklint.values.javanum import (
    JavaError,
    java_trim,
    parse_boolean,
    parse_double,
    parse_float,
    parse_int,
    parse_long,
    to_decimal,
)

__all__ = [
    "IAE",
    "MAX_LONG",
    "JavaError",
    "add",
    "double_to_string",
    "human",
    "multiply",
    "parse_boolean",
    "parse_double",
    "parse_float",
    "parse_int",
    "parse_long",
    "parse_memory_size",
    "subtract",
    "to_string",
]

MAX_LONG = 2**63 - 1
IAE = "java.lang.IllegalArgumentException"
_NFE = "java.lang.NumberFormatException"
_ARITHMETIC = "java.lang.ArithmeticException"

# (multiplier, names) from bytes to tebibytes; the second name is the one Flink prints.
_UNITS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, ("b", "bytes")),
    (1 << 10, ("k", "kb", "kibibytes")),
    (1 << 20, ("m", "mb", "mebibytes")),
    (1 << 30, ("g", "gb", "gibibytes")),
    (1 << 40, ("t", "tb", "tebibytes")),
)
_BY_NAME = {name: mult for mult, names in _UNITS for name in names}
_HUMAN_UNITS = tuple((mult, names[1]) for mult, names in reversed(_UNITS[1:]))
_ALL_UNITS = " / ".join("(" + " | ".join(names) + ")" for _, names in _UNITS)


def parse_memory_size(text: str) -> int:
    """``MemorySize.parse(text)``: the number of bytes, or :class:`JavaError` with Flink's text."""
    trimmed = java_trim(text)
    if not trimmed:
        raise JavaError(IAE, "argument is an empty- or whitespace-only string")
    pos = 0
    while pos < len(trimmed) and "0" <= trimmed[pos] <= "9":
        pos += 1
    number, unit = trimmed[:pos], java_trim(trimmed[pos:]).lower()
    if not number:
        raise JavaError(_NFE, "text does not start with a number")
    value = to_decimal(number)
    if value > MAX_LONG:
        raise JavaError(
            IAE,
            f"The value '{number}' cannot be re represented as 64bit number (numeric overflow).",
        )
    multiplier = 1
    if unit:
        if unit not in _BY_NAME:
            raise JavaError(
                IAE,
                f"Memory size unit '{unit}' does not match any of the recognized units: "
                + _ALL_UNITS,
            )
        multiplier = _BY_NAME[unit]
    if value * multiplier > MAX_LONG:
        raise JavaError(
            IAE,
            f"The value '{text}' cannot be re represented as 64bit number of bytes "
            "(numeric overflow).",
        )
    return value * multiplier


def to_string(size: int) -> str:
    """``MemorySize.toString()``: the largest unit dividing exactly, ``bytes`` if all do.

    FLINK-MEMORY.md 3.2 says "largest unit that divides exactly"; real Flink falls back to bytes
    when every unit divides, so 1 TiB prints as ``1099511627776 bytes`` (and 2 TiB likewise).
    """
    chosen = 0
    for index, (mult, _) in enumerate(_UNITS):
        if size % mult != 0:
            chosen = max(index - 1, 0)
            break
    mult, names = _UNITS[chosen]
    return f"{size // mult} {names[1]}"


def human(size: int) -> str:
    """``MemorySize.toHumanReadableString()``: ``1.688gb (1811939328 bytes)``, ``0 bytes``."""
    for mult, name in _HUMAN_UNITS:
        if size > mult:
            # (double) bytes / multiplier: dividing by a power of two is exact, so one rounding
            return f"{_three_decimals(size / mult)}{name} ({size} bytes)"
    return f"{size} bytes"


def _three_decimals(value: float) -> str:
    """Java's ``%.3f``: the shortest decimal of the double, rounded half up to 3 places."""
    text = repr(value)
    if "e" in text or "E" in text:
        from decimal import ROUND_HALF_UP, Decimal  # imported only where needed: it is slow

        return str(Decimal(text).quantize(Decimal("0.001"), ROUND_HALF_UP))
    whole, _, frac = text.partition(".")
    if len(frac) <= 3:
        return f"{whole}.{frac.ljust(3, '0')}"
    if frac[3] < "5":
        return f"{whole}.{frac[:3]}"
    if not whole.startswith("-"):  # sizes: the exact sum below, in whole thousandths
        up = int(whole + frac[:3]) + 1
        return f"{up // 1000}.{up % 1000:03d}"
    from decimal import Decimal

    return str(Decimal(f"{whole}.{frac[:3]}") + Decimal("0.001"))


def _checked(value: int) -> int:
    if value > MAX_LONG or value < -MAX_LONG - 1:
        raise JavaError(_ARITHMETIC, "long overflow")
    if value < 0:
        raise JavaError(IAE, "bytes must be >= 0")
    return value


def add(a: int, b: int) -> int:
    """``MemorySize.add``: ``Math.addExact`` (``long overflow``)."""
    return _checked(a + b)


def subtract(a: int, b: int) -> int:
    """``MemorySize.subtract``: a negative result is ``bytes must be >= 0``."""
    return _checked(a - b)


@lru_cache(maxsize=1024)
def _decimal(value: float) -> tuple[int, int]:
    """``BigDecimal.valueOf(value)`` as (unscaled digits, power of ten)."""
    mantissa, _, exponent = double_to_string(value).partition("E")
    whole, _, decimals = mantissa.partition(".")
    return int(whole + decimals), int(exponent or 0) - len(decimals)


def multiply(size: int, fraction: float) -> int:
    """``MemorySize.multiply(double)``: exact product with ``Double.toString(fraction)``."""
    if fraction < 0:
        raise JavaError(IAE, "multiplier must be >= 0")
    digits, scale = _decimal(fraction)
    product: int = size * digits * 10**scale if scale >= 0 else size * digits // 10 ** (-scale)
    if product > MAX_LONG:
        raise JavaError(_ARITHMETIC, "long overflow")
    return product
