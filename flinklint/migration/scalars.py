"""One legacy string as a YAML scalar that Flink reads back as the very same value.

The legacy parser hands every value to Flink as a string; config.yaml is YAML 1.2 and types a
plain scalar (``4`` is an integer, ``0x10`` the integer 16, ``TRUE`` a boolean, ``~`` null). A
value is written plain only when YAML reads it back as that string, or as a number or boolean
that every reader of the option turns into exactly the legacy text and value: ``4`` (an int
option gets the Integer 4, a string option its text "4"), ``0.4``, ``true``. Anything else is
quoted: single quotes when every character may appear there, double quotes with escapes
otherwise (tabs, control characters, and the characters YAML takes as line breaks).

``option_type`` is the catalog's type code (``int``, ``float``, ``str``...; empty if unknown).
"""

from __future__ import annotations

import math
import re
import struct
from fractions import Fraction

from flinklint.loader.yaml_render import scalar_text
from flinklint.loader.yaml_scalar import analyze, double_quoted
from flinklint.loader.yaml_values import BOOL, FLOAT, INT, STR, implicit_tag

_FIRST = frozenset("#,[]{}&*!|>'\"%@`?:")
_CANONICAL_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_SIMPLE_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]{0,6})\.[0-9]{1,7}")
_INT32 = range(-(2**31), 2**31)
_TEXT_TYPES = frozenset(("", "str", "mem", "dur", "enum"))  # read through the value's text


def printable(ch: str) -> bool:
    """A character YAML lets stand for itself (outside double quotes, and not a line break)."""
    c = ord(ch)
    return (0x20 <= c <= 0x7E or 0xA0 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD
            or 0x10000 <= c <= 0x10FFFF) and c not in (0xFEFF, 0x2028, 0x2029)


def _plain_syntax(text: str) -> bool:
    """Whether YAML reads ``text`` written plain, as a block value or key, as this very text."""
    if not text or text[0] in _FIRST or text[0] == " " or text[-1] in " :":
        return False
    if text[0] == "-" and (len(text) == 1 or text[1] == " "):
        return False
    if ": " in text or " #" in text or text.startswith(("---", "...")):
        return False
    return all(printable(ch) for ch in text)


def _float32(value: float) -> float:
    return float(struct.unpack("<f", struct.pack("<f", value))[0])


def _next_float32(value: float, up: bool) -> float:
    bits = struct.unpack("<i", struct.pack("<f", value))[0]
    bits += 1 if (up == (value >= 0)) else -1
    return float(struct.unpack("<f", struct.pack("<i", bits))[0])


def same_float(text: str) -> bool:
    """``Float.parseFloat(text) == (float) Double.parseDouble(text)`` (no double rounding)."""
    exact, narrowed = Fraction(text), _float32(float(text))
    if not math.isfinite(narrowed):
        return False
    candidates = [narrowed, _next_float32(narrowed, True), _next_float32(narrowed, False)]
    best = min((f for f in candidates if math.isfinite(f)),
               key=lambda f: (abs(Fraction(f) - exact), struct.pack("<f", f)[0] & 1))
    return best == narrowed


def _typed_reads_same(text: str, option_type: str) -> bool:
    """Whether the YAML number or boolean ``text`` reaches every reader as the legacy string."""
    tag = implicit_tag(text)
    if tag == BOOL:
        return text in ("true", "false")
    if tag == INT:
        if not _CANONICAL_INT.fullmatch(text) or text == "-0":
            return False
        return option_type in _TEXT_TYPES or int(text) in _INT32
    if tag == FLOAT:
        if not _SIMPLE_FLOAT.fullmatch(text) or scalar_text(float(text)) != text:
            return False
        return option_type != "float" or same_float(text)
    return False  # null, and anything else YAML would construct


def plain_ok(text: str, option_type: str = "") -> bool:
    """Whether ``text`` may be written plain as a block value of an option of that type."""
    if not _plain_syntax(text):
        return False
    return implicit_tag(text) == STR or _typed_reads_same(text, option_type)


def quoted(text: str) -> str:
    """``text`` in single quotes, or double quotes where single quotes cannot hold it."""
    if all(printable(ch) for ch in text):
        return "'" + text.replace("'", "''") + "'"
    return double_quoted(text)


def block_value(text: str, option_type: str = "") -> str:
    """A top-level (block) value."""
    return text if plain_ok(text, option_type) else quoted(text)


def block_key(text: str) -> str:
    """A mapping key that YAML reads as exactly this string."""
    if _plain_syntax(text) and implicit_tag(text) == STR and text != "<<":
        return text
    return quoted(text)


def flow_scalar(text: str, key: bool = False) -> str:
    """An item of a flow list or a key or value of a flow map (read through its text).

    A key ``<<`` is quoted, as in :func:`block_key`: plain, it is a merge key, which Flink's
    YAML 1.2 reader does not merge and flinklint reports (FL020)."""
    plain = analyze(text).flow_plain and _plain_syntax(text) and not (key and text == "<<")
    if plain and (implicit_tag(text) == STR or (not key and _typed_reads_same(text, "str"))):
        return text
    return quoted(text)
