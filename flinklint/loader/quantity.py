"""What the Kubernetes operator makes of ``spec.{jobManager,taskManager}.resource.memory``.

Operator 1.7+ (``FlinkConfigBuilder.parseResourceMemoryString``) first tries Flink's
``MemorySize.parse(s).toString()`` (``2g``, ``2G``, ``2Gb`` and ``2048m`` all give ``"2 gb"``:
binary units), and only if that fails reads a Kubernetes quantity: whitespace removed, upper-cased,
a trailing ``B`` dropped, a trailing ``I`` made ``i``, then fabric8's
``Quantity.getNumericalAmount()`` printed with ``BigDecimal.toString``: ``2Gi`` ->
``"2147483648"``, ``1e9`` -> ``"1000000000"``, but ``1.5G``/``1.5g`` -> ``"1500000000.0"`` (decimal
units keep the fraction's scale), which Flink then cannot parse as a memory size.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

_UNITS = (
    (("b", "bytes"), 1),
    (("k", "kb", "kibibytes"), 1 << 10),
    (("m", "mb", "mebibytes"), 1 << 20),
    (("g", "gb", "gibibytes"), 1 << 30),
    (("t", "tb", "tebibytes"), 1 << 40),
)
_NAMES = {name: factor for names, factor in _UNITS for name in names}
_LONG_MAX = (1 << 63) - 1
_AMOUNT = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")
_UNIT_CHARS = "eEinumkKMGTP"
_DECIMAL64 = Context(prec=16, rounding=ROUND_HALF_EVEN)
_SUFFIX = {"Ki": (2, 10), "Mi": (2, 20), "Gi": (2, 30), "Ti": (2, 40), "Pi": (2, 50),
           "Ei": (2, 60), "n": (10, -9), "u": (10, -6), "m": (10, -3), "k": (10, 3),
           "M": (10, 6), "G": (10, 9), "T": (10, 12), "P": (10, 15), "E": (10, 18), "": (10, 0)}


def _java_trim(text: str) -> str:
    start, end = 0, len(text)
    while start < end and text[start] <= " ":
        start += 1
    while end > start and text[end - 1] <= " ":
        end -= 1
    return text[start:end]


def parse_memory_size(text: str) -> int:
    """Flink's ``MemorySize.parse`` in bytes; ValueError with Flink's message otherwise."""
    trimmed = _java_trim(text)
    if not trimmed:
        raise ValueError("argument is an empty- or whitespace-only string")
    digits = len(trimmed) - len(trimmed.lstrip("0123456789"))
    if digits == 0:
        raise ValueError("text does not start with a number")
    number = int(trimmed[:digits])
    if number > _LONG_MAX:
        raise ValueError(f"The value '{trimmed[:digits]}' cannot be re represented as 64bit "
                         f"number (numeric overflow).")
    unit = _java_trim(trimmed[digits:]).lower()
    factor = _NAMES.get(unit or "b")
    if factor is None:
        raise ValueError(f"Memory size unit '{unit}' does not match any of the recognized units")
    if number * factor > _LONG_MAX:
        raise ValueError(f"The value '{text}' cannot be re represented as 64bit number of bytes "
                         f"(numeric overflow).")
    return number * factor


def memory_size_to_string(size: int) -> str:
    """``MemorySize.toString``: ``2 gb``, ``1536 mb``, ``1025 bytes`` (``1t`` -> bytes)."""
    for index, (names, factor) in enumerate(_UNITS):
        if size % factor:
            names, factor = _UNITS[index - 1] if index else _UNITS[0]
            return f"{size // factor} {names[1]}"
    return f"{size} bytes"


def operator_memory(text: str) -> str:
    """The ``*.memory.process.size`` text the operator writes; ValueError if it cannot."""
    try:
        return memory_size_to_string(parse_memory_size(text))
    except ValueError:
        pass
    quantity = re.sub(r"[ \t\n\x0b\f\r]", "", _java_trim(text)).upper()
    quantity = quantity[:-1] if quantity.endswith("B") else quantity
    quantity = quantity[:-1] + "i" if quantity.endswith("I") else quantity
    return str(_numerical_amount(quantity))


def _numerical_amount(quantity: str) -> Decimal:
    """fabric8 ``Quantity.parse(q).getNumericalAmount()``."""
    if not quantity:
        raise ValueError("Invalid quantity string format passed.")
    if quantity.startswith("."):
        quantity = "0" + quantity
    cut = next((i for i, ch in enumerate(quantity) if ch in _UNIT_CHARS), len(quantity))
    amount, suffix = quantity[:cut], quantity[cut:]
    has_digit = any(ch.isdigit() for ch in suffix)
    if has_digit and suffix[-1].isalpha():
        raise ValueError("Invalid quantity string format passed")
    if not _AMOUNT.fullmatch(amount):
        raise ValueError(f"Character array is missing \"exponent\" mark 'e' or 'E'. ({amount})")
    if has_digit and len(suffix) > 1:
        base, power = 10, int(suffix[1:])
    elif suffix in _SUFFIX:
        base, power = _SUFFIX[suffix]
    else:
        raise ValueError("Invalid quantity format passed to parse")
    with localcontext(_DECIMAL64):
        multiple = Decimal(base) ** power
    with localcontext(Context(prec=1000)):
        return Decimal(amount) * multiple
