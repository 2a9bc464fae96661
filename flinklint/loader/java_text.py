"""Java's way of printing numbers, which Flink's configuration shows verbatim.

``Double.toString`` (a YAML float like ``1e3`` reaches an option as ``"1000.0"``) and
``BigDecimal.toString`` (the operator turns ``1.5G`` into ``"1500000000.0"``). Python's ``repr``
gives the same shortest digits as Java 19+; Java 17's older algorithm occasionally prints one
more digit for exotic values, a residual difference in text only.
"""

from __future__ import annotations

import math
from decimal import Decimal


def double_to_string(value: float) -> str:
    """``Double.toString``: ``1000.0``, ``1.0E7``, ``9.0E-4``, ``NaN``, ``-Infinity``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    sign = "-" if value < 0 else ""
    digits, exponent = _shortest(abs(value))
    if 1e-3 <= abs(value) < 1e7:
        point = exponent + 1  # digits before the decimal point
        if point <= 0:
            return f"{sign}0.{'0' * -point}{digits}"
        whole = digits[:point].ljust(point, "0")
        return f"{sign}{whole}.{digits[point:] or '0'}"
    return f"{sign}{digits[0]}.{digits[1:] or '0'}E{exponent}"


# FloatingDecimal's table of digits it may drop from an integer-valued double of 2^p
_INSIGNIFICANT = (
    0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8,
    9, 9, 9, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15,
    16, 16, 16, 17, 17, 17, 18, 18, 18, 19,
)


def _long_digits(value: float) -> tuple[str, int] | None:
    """Java 17 prints integer-valued doubles below 2^63 from their exact digits."""
    if not value.is_integer() or not 1.0 <= value < 2.0**63:
        return None
    whole = int(value)
    bin_exp = whole.bit_length() - 1
    insignificant = _INSIGNIFICANT[bin_exp - 54] if 55 < bin_exp < 54 + len(_INSIGNIFICANT) else 0
    exponent = 0
    if insignificant:
        pow10 = 10**insignificant
        whole, residue = divmod(whole, pow10)
        exponent = insignificant
        if residue >= pow10 // 2:
            whole += 1
    text = str(whole)
    digits = text.rstrip("0") or "0"
    return digits, exponent + len(text) - 1


def _shortest(value: float) -> tuple[str, int]:
    """Java's digits (no trailing zeros) and the decimal exponent of the first digit."""
    java = _long_digits(value)
    if java is not None:
        return java
    _sign, digit_tuple, exp = Decimal(repr(value)).as_tuple()
    assert isinstance(exp, int)
    digits = "".join(map(str, digit_tuple)).rstrip("0") or "0"
    stripped = len("".join(map(str, digit_tuple))) - len(digits)
    return digits, exp + stripped + len(digits) - 1


def big_decimal_to_string(value: Decimal) -> str:
    """``BigDecimal.toString``: plain unless the exponent is positive or very negative."""
    return str(value)
