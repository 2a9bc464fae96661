"""What the user most likely meant by a value Flink cannot read, as advice.

Memory sizes: quotes are dropped; decimals are turned into a whole number of a smaller unit
(`1.5g` -> `1536m`); Kubernetes and SI-looking units map to Flink's binary ones (`2Gi`, `2GiB`,
`2gigabytes` -> `2g`), since Flink's units are binary anyway. Fractions: `40%` -> `0.4`,
`0,4` -> `0.4`. Counts: `2.0` -> `2`. Every suggestion is checked with Flink's own parser.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from flinklint.rules.shared.memory import parse, setting

_SIZE = re.compile(r"^(\d+(?:\.\d*)?|\.\d+)\s*([a-z]*)$")
_UNIT = {"": 0, "b": 0, "byte": 0, "bytes": 0}
for _power, _letter, _word in ((1, "k", "kilo"), (2, "m", "mega"), (3, "g", "giga"),
                               (4, "t", "tera")):
    for _spelling in (_letter, _letter + "b", _letter + "i", _letter + "ib", _word + "bytes",
                      _word + "byte", _letter + "ibibytes", _letter[0] + "ebibytes"):
        _UNIT[_spelling] = _power
_LETTERS = ("", "k", "m", "g", "t")


def repair(kind: str, key: str, raw: str) -> str | None:
    text = raw.strip().strip("\"'").strip()
    if kind == "invalid-size":
        return _size(text, raw)
    if kind == "invalid-fraction":
        return _fraction(text)
    if kind == "invalid-boolean":
        return "write true or false"
    if kind == "negative-size" or text.startswith("-"):
        return "it must not be negative"
    if kind == "invalid-number":
        if key.endswith("cpu.cores"):
            return "write a positive number of cores, such as 2 or 0.5"
        whole = re.fullmatch(r"(\d+)\.0*", text)
        return f"write {whole.group(1)}" if whole else "write a whole number"
    return None


def _size(text: str, raw: str) -> str:
    if text.startswith("-"):
        return "sizes cannot be negative"
    match = _SIZE.match(text.lower())
    if match and match.group(2) in _UNIT:
        try:
            exact = Decimal(match.group(1)) * (1024 ** _UNIT[match.group(2)])
        except InvalidOperation:
            exact = Decimal(-1)
        if (exact >= 1 or exact == 0) and exact < 2**63:  # a size Flink can hold at all
            value = _whole(int(exact)) if exact == int(exact) else setting(int(exact), False)
            if parse(value) is not None and value != raw:
                return f"write {value}"
    return "write a whole number followed by b, k, m, g or t (binary units), such as 1536m"


def _whole(n: int) -> str:
    """``n`` bytes in the largest unit that divides it exactly."""
    power = 0
    while power < 4 and n and n % (1024 ** (power + 1)) == 0:
        power += 1
    return f"{n // 1024 ** power}{_LETTERS[power]}"


def _fraction(text: str) -> str:
    candidate = text.replace(",", ".")
    try:
        if candidate.endswith("%"):
            return f"write {Decimal(candidate[:-1].strip()) / 100}"
        if candidate != text:
            return f"write {Decimal(candidate)}"
    except InvalidOperation:
        pass
    return "write a decimal number between 0 and 1, such as 0.4"
