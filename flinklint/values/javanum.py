"""Java's exceptions, number parsing and printing, and ``HashMap`` order, as Flink sees them.

Flink reads option values with ``Float.parseFloat``, ``Double.parseDouble``,
``Integer.parseInt``/``Long.parseLong`` and a case-insensitive ``true``/``false``; it prints
fractions and CPU cores with ``Double.toString`` and builds the ``-D`` string from a
``java.util.HashMap``. Python's own rules differ in many corners (``float("inf")``, ``1_0``,
``0.2f``, Unicode whitespace, shortest ``repr``), so each is reproduced here for JDK 17.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Callable

from flinklint.values.javafmt import double_to_string

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from fractions import Fraction
    from typing import TypeVar

    T = TypeVar("T")

NFE = "java.lang.NumberFormatException"


class JavaError(Exception):
    """A Java exception as data: fully qualified class, message (or None) and cause.

    ``kind``, ``keys`` and ``numbers`` annotate which check of Flink's threw it; a wrapping
    exception inherits them from its cause unless it sets its own.
    """

    def __init__(
        self,
        cls: str,
        message: str | None,
        cause: JavaError | None = None,
        *,
        kind: str | None = None,
        keys: tuple[str, ...] = (),
        numbers: dict[str, int] | None = None,
    ) -> None:
        super().__init__(message)
        self.cls = cls
        self.message = message
        self.cause = cause
        self.kind: str | None = kind if kind is not None else (cause.kind if cause else None)
        self.keys: tuple[str, ...] = keys or (cause.keys if cause else ())
        self.numbers: dict[str, int] = (
            numbers if numbers is not None else (cause.numbers if cause else {})
        )

    def __str__(self) -> str:
        """``Throwable.toString()``: ``class: message``."""
        return self.cls if self.message is None else f"{self.cls}: {self.message}"

    def chain(self) -> tuple[str, ...]:
        """This exception and its causes, top first, as ``Caused by:`` lines would show them."""
        out: list[str] = []
        error: JavaError | None = self
        while error is not None:
            out.append(str(error))
            error = error.cause
        return tuple(out)


def java_trim(text: str) -> str:
    """``String.trim()``: strip every character up to U+0020 (and nothing else)."""
    start, end = 0, len(text)
    while start < end and text[start] <= " ":
        start += 1
    while end > start and text[end - 1] <= " ":
        end -= 1
    return text[start:end]


_DEC = re.compile(
    r"([+-]?)(?:(NaN)|(Infinity)|((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)[fFdD]?)"
)
_HEX = (  # compiled by ``re`` on first use (and cached there): hexadecimal floats are rare
    r"([+-]?)0[xX]((?:[0-9a-fA-F]+)\.?|[0-9a-fA-F]*\.[0-9a-fA-F]+)[pP]([+-]?[0-9]+)[fFdD]?"
)


def _exact(text: str) -> tuple[str, float, Callable[[], Fraction]]:
    """Parse Java's floating-point grammar: sign, the nearest double, and the exact value."""
    trimmed = java_trim(text)
    if not trimmed:
        raise JavaError(NFE, "empty String")
    match = _DEC.fullmatch(trimmed)
    if match:
        if match.group(2):
            return "", math.nan, _no_exact
        if match.group(3):
            return match.group(1), math.inf, _no_exact
        digits = match.group(4)
        return match.group(1), float(digits), lambda: _fraction(digits)
    match = re.fullmatch(_HEX, trimmed)
    if match is None:
        raise JavaError(NFE, _bad_float_message(trimmed))
    whole, _, frac = match.group(2).partition(".")
    mantissa = int((whole + frac) or "0", 16)
    exponent = int(match.group(3)) - 4 * len(frac)
    if mantissa == 0 or exponent < -2000:  # zero, or far below the smallest double
        return match.group(1), 0.0, lambda: _fraction(0)
    if exponent > 2000:
        return match.group(1), math.inf, _no_exact
    exact = _fraction(mantissa) * _fraction(2) ** exponent
    try:
        return match.group(1), float(exact), lambda: exact
    except OverflowError:
        return match.group(1), math.inf, _no_exact


def _fraction(value: int | float | str) -> Fraction:
    """Exact values settle rare rounding cases; ``fractions`` is imported only for them."""
    from fractions import Fraction

    return Fraction(value)


def _no_exact() -> Fraction:
    raise AssertionError("infinite and NaN values have no exact form")


def _bad_float_message(trimmed: str) -> str:
    """Java scans the leading digits and points first and complains about a second point.

    FLINK-MEMORY.md 3.3 gives only ``For input string: "<s>"``; ``1.2.3`` gives
    ``multiple points`` instead.
    """
    body = trimmed[1:] if trimmed[0] in "+-" else trimmed
    if body[:1] not in ("N", "I") and body[:2].lower() != "0x":
        scanned = re.match(r"[0-9.]*", body)
        if scanned is not None and scanned.group().count(".") > 1:
            return "multiple points"
    return f'For input string: "{trimmed}"'


def _signed(sign: str, value: float) -> float:
    return -value if sign == "-" else value


def parse_double(text: str) -> float:
    """``Double.parseDouble``: correctly rounded, Java's grammar, Java's error texts."""
    sign, value, _ = _exact(text)
    return _signed(sign, value)


def _f32(value: float) -> float:
    try:
        return float(struct.unpack("<f", struct.pack("<f", value))[0])
    except OverflowError:
        return math.copysign(math.inf, value)


def _f32_neighbour(value: float, toward: float) -> float:
    bits = struct.unpack("<I", struct.pack("<f", value))[0]
    up = (toward > value) == (value >= 0)
    return float(struct.unpack("<f", struct.pack("<I", bits + (1 if up else -1)))[0])


def parse_float(text: str) -> float:
    """``Float.parseFloat`` widened to a double, rounded once from the exact decimal value."""
    sign, approx, exact = _exact(text)
    rounded = _f32(approx)
    if math.isinf(rounded) and not math.isinf(approx):
        # the double is at least halfway from Float.MAX_VALUE to 2^128
        if approx == _F32_OVERFLOW and exact() < _fraction(approx):
            rounded = _F32_MAX
    elif rounded != approx and not math.isnan(rounded):
        other = _f32_neighbour(rounded, approx)
        if (rounded + other) / 2 == approx and exact() != _fraction(approx):
            # the double landed exactly on a float midpoint: decide from the exact value
            rounded = other if (exact() > _fraction(approx)) == (other > rounded) else rounded
    return _signed(sign, rounded)


_F32_MAX = 3.4028234663852886e38
_F32_OVERFLOW = 2.0**128 - 2.0**103  # halfway between Float.MAX_VALUE and 2^128


_INT = re.compile(r"[+-]?\d+")
_HUGE = 10**4000


def to_decimal(text: str) -> int:
    """``int(text)`` for a sign and decimal digits, leading zeros however many; beyond 4,000
    significant digits (where Python's ``int()`` gives up, far past every Java integer type)
    it is 10^4000 with its sign, which every range check refuses as Java does."""
    sign = -1 if text[:1] == "-" else 1
    significant = text.lstrip("+-").lstrip("0") or "0"
    return sign * (_HUGE if len(significant) > 4000 else int(significant))


def _parse_integral(text: str, bits: int) -> int:
    # Java accepts any Unicode decimal digit (Character.digit), as Python's \d and int() do
    value = to_decimal(text) if _INT.fullmatch(text) else None
    if value is None or not -(2 ** (bits - 1)) <= value < 2 ** (bits - 1):
        raise JavaError(NFE, f'For input string: "{text}"')
    return value


def parse_int(text: str) -> int:
    """``Integer.parseInt``: optional sign, decimal digits, no spaces or underscores."""
    return _parse_integral(text, 32)


def parse_long(text: str) -> int:
    """``Long.parseLong``."""
    return _parse_integral(text, 64)


def parse_boolean(text: str) -> bool:
    """Flink's ``convertToBoolean``: ``true``/``false`` in any case, nothing else."""
    upper = text.upper()
    if upper in ("TRUE", "FALSE"):
        return upper == "TRUE"
    raise JavaError(
        "java.lang.IllegalArgumentException",
        f"Unrecognized option for boolean: {text}. Expected either true or false(case insensitive)",
    )


_FLOAT_MIN, _FLOAT_MAX = 1.401298464324817e-45, 3.4028234663852886e38


def convert(parse: Callable[[str], T], raw: str, yaml_type: str | None) -> T:
    """Convert an option value that standard YAML typed (``integer``, ``float``, ``boolean``).

    Flink keeps YAML scalars typed (Integer, Long, Double, Boolean) and converts them with
    other rules than strings: a Long is range-checked for an Integer option, a Double is
    narrowed (and range-checked) for a Float option. Strings go through ``parse``.
    """
    if yaml_type == "integer" and parse is parse_int and _INT.fullmatch(raw):
        number = to_decimal(raw)  # an Integer, a Long (range-checked) or a BigInteger
        if not -(2**31) <= number < 2**31 and -(2**63) <= number < 2**63:
            raise JavaError(
                "java.lang.IllegalArgumentException",
                f"Configuration value {number} overflows/underflows the integer type.",
            )
    if yaml_type == "float" and parse is parse_float:
        value = parse_double(raw)
        magnitude = abs(value)
        if value == 0 or _FLOAT_MIN <= magnitude <= _FLOAT_MAX:
            from typing import cast  # only here: importing typing slows every run down

            return cast("T", _f32(value))

        raise JavaError(
            "java.lang.IllegalArgumentException",
            f"Configuration value {double_to_string(value)} overflows/underflows the float type.",
        )
    return parse(raw)
