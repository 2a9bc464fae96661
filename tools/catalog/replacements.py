"""What to use instead of a deprecated or removed option, read from Flink's own descriptions.

Fallback keys already say it for most options (the alias map). For the rest, the description
often does ("Use the "client.timeout" instead"): a key is taken when it is the only option key
named in a sentence that speaks of a replacement and that key is not deprecated itself.
"""

from __future__ import annotations

import html
import re
from typing import Any

_TAGS = re.compile(r"<[^>]+>")
_SENTENCE = re.compile(r"[^.]*?(?:\binstead\b|\breplaced\b|\bin favou?r of\b|\bplease use\b|"
                       r"\buse the\b|\bsuperseded\b)[^.]*", re.IGNORECASE)  # fmt: skip


def _mentions(sentence: str, options: dict[str, list[Any]]) -> set[str]:
    found = set()
    for match in re.finditer(r"[A-Za-z0-9$_.-]+", sentence):
        token = match.group(0).strip(".")
        if token in options:
            found.add(token)
    return found


def _text(description: str) -> str:
    text = html.unescape(_TAGS.sub(" ", description))
    # keep dotted keys whole when splitting into sentences: only ". " ends a sentence
    return re.sub(r"\.(\s)", r";\1", text)


def derive(
    options: dict[str, list[Any]],
    aliases: dict[str, list[list[Any]]],
    descriptions: dict[str, str],
) -> dict[str, str]:
    replaced: dict[str, str] = {}
    for key, (_present, deprecated, _variants) in options.items():
        if not deprecated or key in aliases or key not in descriptions:
            continue
        for sentence in re.split(r";\s", _text(descriptions[key])):
            if not _SENTENCE.search(sentence):
                continue
            named = _mentions(sentence, options) - {key}
            named = {k for k in named if options[k][0] & ~options[k][1]}
            if len(named) == 1:
                replaced[key] = named.pop()
                break
    return replaced
