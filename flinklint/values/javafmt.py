"""Java's ``Double.toString`` (JDK 17) and ``java.util.HashMap`` iteration order.

``Double.toString`` prints the shortest decimal that reads back to the same double, except
that JDK up to 18 prints every integer-valued double below 2^63 from its exact digits, rounded
only by the "insignificant digits" of its binary exponent (``1.2345678901234567E17`` style
outputs). Values of 2^63 and above, and some subnormals (JDK 17 prints ``Double.MIN_VALUE``
as ``4.9E-324``), very rarely differ from JDK 17 in their last digits; they never occur as a
valid fraction or a sensible CPU count. (FLINK-MEMORY.md 3.3 expects such differences only
from JDK 19 on; they exist on JDK 17 too, for these magnitudes only.)
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterable
from functools import lru_cache

# FloatingDecimal's table of decimal digits that a power of two makes insignificant
_INSIGNIFICANT = (
    0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7,
    8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14,
    14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19,
)  # fmt: skip


def _digits(value: float) -> tuple[str, int]:
    """Decimal digits (no trailing zeros) and exponent ``e`` with value = 0.digits x 10^e."""
    if value == int(value) and value < 2**63:
        number = int(value)
        exponent = (struct.unpack(">q", struct.pack(">d", value))[0] >> 52) - 1023
        skip = _INSIGNIFICANT[exponent - 54] if 1 < exponent - 54 < len(_INSIGNIFICANT) else 0
        if skip:
            power = 10**skip
            number, rest = divmod(number, power)
            number += rest >= power // 2
        text = str(number)
        return text.rstrip("0"), len(text) + skip
    mantissa, _, exp = repr(value).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac).lstrip("0")
    point = len(whole) + int(exp or 0) - (len(whole + frac) - len(digits) if whole == "0" else 0)
    return digits.rstrip("0") or "0", point


def double_to_string(value: float) -> str:
    """``Double.toString(value)``: ``0.1``, ``1.0``, ``1.0E7``, ``1.0E-4``, ``NaN``."""
    if value == 0:  # not cached: the cache would not tell 0.0 from -0.0
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    return _nonzero_to_string(value)


@lru_cache(maxsize=4096)
def _nonzero_to_string(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    sign = "-" if value < 0 else ""
    digits, point = _digits(abs(value))
    if 1e-3 <= abs(value) < 1e7:
        if point <= 0:
            return f"{sign}0.{'0' * -point}{digits}"
        return f"{sign}{digits[:point].ljust(point, '0')}.{digits[point:] or '0'}"
    return f"{sign}{digits[0]}.{digits[1:] or '0'}E{point - 1}"


@lru_cache(maxsize=4096)
def string_hash(text: str) -> int:
    """``String.hashCode()`` (over UTF-16 code units), as an unsigned 32-bit value."""
    h = 0
    if text.isascii():  # one code unit per byte (and no codec to look up and import)
        for unit in text.encode("ascii"):
            h = (31 * h + unit) & 0xFFFFFFFF
        return h
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h = (31 * h + (data[i] | data[i + 1] << 8)) & 0xFFFFFFFF
    return h


def hashmap_order(keys: Iterable[str]) -> list[str]:
    """The iteration order of a ``HashMap<String, ?>`` filled with ``keys`` in this order.

    Buckets are ``(h ^ h >>> 16) & (n - 1)`` for the final table size ``n`` (16, doubled while
    the size exceeds 3/4 of it); entries of one bucket keep insertion order.
    """
    return list(_order(tuple(dict.fromkeys(keys))))


@lru_cache(maxsize=1024)
def _order(unique: tuple[str, ...]) -> tuple[str, ...]:
    capacity = 16
    while len(unique) > capacity * 3 // 4:
        capacity *= 2

    def bucket(key: str) -> int:
        h = string_hash(key)
        return (h ^ (h >> 16)) & (capacity - 1)

    return tuple(sorted(unique, key=bucket))
