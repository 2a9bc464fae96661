"""Flink's legacy syntax for list and map values, read as Flink reads it.

In ``flink-conf.yaml`` a list option holds ``a;b;c`` and a map option ``k1:v1,k2:v2``; a list
of maps combines both (``k:v,k2:v2;k:w``). Flink splits such a string at the delimiter outside
quotes: a part may be wrapped in single or double quotes (a doubled quote inside stands for one
quote), an unquoted part is trimmed (a quote inside it is an ordinary character), and text
right after a closing quote is an error. A delimiter directly after another one yields an
empty part; a leading or trailing delimiter yields nothing. A map item must split at ``:``
into exactly a key and a value, and a key may appear only once.

:func:`split` and :func:`parse` return None where Flink would throw, so the caller can keep the
value as it is (Flink fails on it in both formats).
"""

from __future__ import annotations

import unicodedata

from flinklint.values.javanum import java_trim

ListValue = list[str]
MapValue = list[tuple[str, str]]  # in the order written
_JAVA_SPACE = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f")
_NOT_JAVA_SPACE = frozenset("\u00a0\u2007\u202f")


def java_whitespace(ch: str) -> bool:
    """``Character.isWhitespace``: separators except the non-breaking ones, and some controls."""
    if ch in _JAVA_SPACE:
        return True
    return unicodedata.category(ch) in ("Zs", "Zl", "Zp") and ch not in _NOT_JAVA_SPACE


def _quoted(text: str, start: int) -> tuple[str, int] | None:
    """The content of the quoted part at ``start`` and the index after it; None if unclosed."""
    quote, out, i = text[start], [], start + 1
    while i < len(text):
        if text[i] != quote:
            out.append(text[i])
        elif i + 1 < len(text) and text[i + 1] == quote:
            out.append(quote)
            i += 1
        else:
            return "".join(out), i + 1
        i += 1
    return None


def _tokens(text: str, delimiter: str) -> list[tuple[str, str]] | None:
    """``(kind, text)`` with kind ``q`` (quoted), ``u`` (unquoted) or ``d`` (delimiter)."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            found = _quoted(text, i)
            if found is None:
                return None
            tokens.append(("q", found[0]))
            i = found[1]
        elif ch == delimiter:
            tokens.append(("d", ch))
            i += 1
        elif java_whitespace(ch):
            i += 1
        else:
            end = i
            while end < len(text) and text[end] != delimiter:
                end += 1
            tokens.append(("u", java_trim(text[i:end])))
            i = end
    return tokens


def split(text: str, delimiter: str) -> ListValue | None:
    """The parts of ``text`` as Flink splits it at ``delimiter``; None where Flink throws."""
    tokens = _tokens(text, delimiter)
    if tokens is None:
        return None
    parts: ListValue = []
    for index, (kind, value) in enumerate(tokens):
        following = tokens[index + 1][0] if index + 1 < len(tokens) else None
        if kind == "q" and following not in (None, "d"):
            return None
        if kind != "d":
            parts.append(value)
        elif following == "d":
            parts.append("")
    return parts


def parse_map(text: str) -> MapValue | None:
    """A legacy map value as ordered pairs; None where Flink cannot read it as a map."""
    items = split(text, ",")
    if items is None:
        return None
    pairs: dict[str, str] = {}
    for item in items:
        parts = split(item, ":")
        if parts is None or len(parts) != 2 or parts[0] in pairs:
            return None
        pairs[parts[0]] = parts[1]
    return list(pairs.items())


def parse(text: str, option_type: str) -> ListValue | MapValue | list[MapValue] | None:
    """The value of a ``list:*``, ``map`` or ``list:map`` option; None if Flink cannot read it."""
    if option_type == "map":
        return parse_map(text)
    items = split(text, ";")
    if items is None or option_type != "list:map":
        return items
    maps = [parse_map(item) for item in items]
    if any(m is None for m in maps):
        return None
    return [m for m in maps if m is not None]
