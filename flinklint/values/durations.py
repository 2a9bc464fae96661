"""Flink's ``TimeUtils.parseDuration``, in its three generations.

* up to 1.20: a number (``Long.parseLong``), then an optional unit label; no unit means
  milliseconds. ``Duration.of`` overflows (``long overflow``) for minutes, hours and days.
* 2.0: the number is a ``BigInteger`` and the product is checked as a whole (``The value '<n>'
  cannot be represented as Duration (numeric overflow).``).
* 2.1 and later: text that does not start with a digit is tried as an ISO-8601 duration
  (``PT10S``, case-insensitive, ``java.time.Duration.parse``); a negative one is refused.

Labels (case-insensitive, whitespace allowed before them): ``d day days``, ``h hour hours``,
``min m minute minutes``, ``s sec secs second seconds``, ``ms milli millis millisecond
milliseconds``, ``µs micro micros microsecond microseconds``, ``ns nano nanos nanosecond
nanoseconds``. Returns nanoseconds; raises :class:`~flinklint.values.units.JavaError` with
Flink's text.
"""

from __future__ import annotations

import re

from flinklint.values.javanum import java_trim, to_decimal
from flinklint.values.units import JavaError
from flinklint.versions import FlinkVersion

_IAE = "java.lang.IllegalArgumentException"
_NFE = "java.lang.NumberFormatException"
_LONG = 2**63
_SECOND = 10**9
_UNITS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("DAYS", 86400 * _SECOND, ("d", "day", "days")),
    ("HOURS", 3600 * _SECOND, ("h", "hour", "hours")),
    ("MINUTES", 60 * _SECOND, ("min", "m", "minute", "minutes")),
    ("SECONDS", _SECOND, ("s", "sec", "secs", "second", "seconds")),
    ("MILLISECONDS", 10**6, ("ms", "milli", "millis", "millisecond", "milliseconds")),
    ("MICROSECONDS", 1000, ("µs", "micro", "micros", "microsecond", "microseconds")),
    ("NANOSECONDS", 1, ("ns", "nano", "nanos", "nanosecond", "nanoseconds")),
)
_BY_LABEL = {label: nanos for _, nanos, labels in _UNITS for label in labels}
DURATION_LABELS = tuple(_BY_LABEL)
_ALL_UNITS = ", ".join(f"{name}: ({' | '.join(labels)})" for name, _, labels in _UNITS)
# compiled by ``re`` on first use (and cached there): only ISO-8601 text on 2.1+ needs it
_ISO = (
    r"([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?"
    r"(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?"
)


def parse_duration(text: str, version: FlinkVersion) -> int:
    """The duration ``text`` stands for, in nanoseconds, as ``version`` reads it."""
    trimmed = java_trim(text)
    if not trimmed:
        raise JavaError(_IAE, "argument is an empty- or whitespace-only string")
    pos = 0
    while pos < len(trimmed) and "0" <= trimmed[pos] <= "9":
        pos += 1
    number, label = trimmed[:pos], java_trim(trimmed[pos:]).lower()
    if not number:
        if version.at_least(2, 1):
            return _iso(trimmed)
        raise JavaError(_NFE, "text does not start with a number")
    if not version.at_least(2, 0) and to_decimal(number) >= _LONG:
        raise JavaError(
            _IAE,
            f"The value '{number}' cannot be re represented as 64bit number (numeric overflow).",
        )
    unit = _BY_LABEL.get(label, 0) if label else 10**6
    if not unit:
        raise JavaError(
            _IAE,
            f"Time interval unit label '{label}' does not match any of the recognized units: "
            + _ALL_UNITS,
        )
    return _product(number, unit, version)


def _product(number: str, unit: int, version: FlinkVersion) -> int:
    value = to_decimal(number)
    if version.at_least(2, 0):
        if value * unit >= _LONG * _SECOND:
            raise JavaError(
                _IAE, f"The value '{number}' cannot be represented as Duration (numeric overflow)."
            )
    elif unit >= 60 * _SECOND and value * (unit // _SECOND) >= _LONG:
        raise JavaError("java.lang.ArithmeticException", "long overflow")
    return value * unit


def _iso(text: str) -> int:
    """``java.time.Duration.parse``; Flink 2.1+ refuses negative durations."""
    match = re.fullmatch(_ISO, text, re.IGNORECASE)
    invalid = JavaError(
        _NFE,
        f"text does not start with a number, and is not a valid ISO-8601 duration format: {text}",
    )
    if match is None or match.group(3) in ("T", "t"):
        raise invalid
    days, hours, minutes, seconds = (match.group(i) for i in (2, 4, 5, 6))
    if days is None and match.group(3) is None:
        raise invalid
    total = 0
    for part, factor in ((days, 86400), (hours, 3600), (minutes, 60), (seconds, 1)):
        total += to_decimal(part or "0") * factor
        if not -_LONG <= to_decimal(part or "0") * factor < _LONG or not -_LONG <= total < _LONG:
            raise invalid
    nanos = total * _SECOND
    fraction = match.group(7)
    if fraction:
        sign = -1 if seconds is not None and seconds.startswith("-") else 1
        nanos += sign * int(fraction.ljust(9, "0"))
    if match.group(1) == "-":
        nanos = -nanos
    if nanos < 0:
        raise JavaError(_NFE, "negative duration is not supported")
    return nanos
