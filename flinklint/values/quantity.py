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

_AMOUNT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_UNIT_CHARS = "eEinumkKMGTP"
_DECIMAL64 = Context(prec=16, rounding=ROUND_HALF_EVEN)
_SUFFIX = {"Ki": (2, 10), "Mi": (2, 20), "Gi": (2, 30), "Ti": (2, 40), "Pi": (2, 50),
           "Ei": (2, 60), "n": (10, -9), "u": (10, -6), "m": (10, -3), "k": (10, 3),
           "M": (10, 6), "G": (10, 9), "T": (10, 12), "P": (10, 15), "E": (10, 18), "": (10, 0)}


def operator_memory(text: str) -> str:
    """The ``*.memory.process.size`` text the operator writes; ValueError if it cannot."""
    from flinklint.values.javanum import java_trim
    from flinklint.values.units import JavaError, parse_memory_size, to_string

    try:
        return to_string(parse_memory_size(text))
    except JavaError:
        pass
    quantity = re.sub(r"[ \t\n\x0b\f\r]", "", java_trim(text)).upper()
    quantity = quantity[:-1] if quantity.endswith("B") else quantity
    quantity = quantity[:-1] + "i" if quantity.endswith("I") else quantity
    try:
        return str(_numerical_amount(quantity))
    except ArithmeticError as err:  # an exponent too large for BigDecimal too
        raise ValueError(f"Invalid quantity {quantity!r}") from err
    except ValueError as err:
        raise ValueError(java_amount_message(quantity) or str(err)) from err


def numerical_amount(quantity: str) -> Decimal:
    """fabric8 ``Quantity.parse(q).getNumericalAmount()`` of a quantity as written (Kubernetes
    semantics: ``2048m`` is 2.048); ValueError when fabric8 cannot parse it."""
    try:
        return _numerical_amount(quantity)
    except ArithmeticError as err:
        raise ValueError(f"Invalid quantity {quantity!r}") from err
    except ValueError as err:
        raise ValueError(java_amount_message(quantity) or str(err)) from err


def java_amount_message(quantity: str) -> str | None:
    """``new BigDecimal(amount)``'s message for an amount holding a foreign character (JDK 17:
    ``Character a is neither a decimal digit number, ...``), None when it holds none."""
    cut = next((i for i, ch in enumerate(quantity) if ch in _UNIT_CHARS), len(quantity))
    for index, ch in enumerate(quantity[:cut]):
        if not (ch.isdigit() or ch == "." or (index == 0 and ch in "+-")):
            return (f"Character {ch} is neither a decimal digit number, decimal point, nor "
                    f'"e" notation exponential mark.')
    return None


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
