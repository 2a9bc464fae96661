"""config.yaml with flat dotted keys: one line for each line of the legacy file, in order.

Every line keeps its own line ending, its comment and the spacing around the value; keys lose
their indentation (the legacy parser ignored it; in YAML it would mean nesting), and a blank
line keeps its text only when that is spaces (a tab or a control character YAML refuses).
"""

from __future__ import annotations

from collections.abc import Sequence

from flinklint.migration.items import Blank, Comment, Item, Pair
from flinklint.migration.scalars import block_key

MAX_IMPLICIT_KEY = 1000  # YAML parsers refuse longer keys unless written after '? '


def key_text(key: str, value: str, separator: str, newline: str) -> str:
    """``key: value`` (or the explicit ``? key`` form for a key too long to be implicit)."""
    written = block_key(key)
    if len(written) > MAX_IMPLICIT_KEY:
        return f"? {written}{newline}: {value}"
    return f"{written}{separator}{value}"


def render(items: Sequence[Item], newline: str) -> str:
    out: list[str] = []
    for item in items:
        if isinstance(item, Blank):
            # after a lone '\r', an empty line ending in '\n' would merge into one '\r\n'
            merges = not item.text and item.ending[:1] == "\n" and out and out[-1][-1:] == "\r"
            out.append((item.text or (" " if merges else "")) + item.ending)
        elif isinstance(item, Comment):
            out.append(item.indent + item.text + item.ending)
        else:
            out.append(pair_text(item, item.key, newline) + item.ending)
    return "".join(out)


def pair_text(pair: Pair, key: str, newline: str, separator: str | None = None) -> str:
    text = key_text(key, pair.value, pair.separator if separator is None else separator, newline)
    return text + (pair.gap + pair.comment if pair.comment else "")
