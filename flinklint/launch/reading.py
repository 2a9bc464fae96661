"""The text Flink's start scripts read for an ``env.*`` key, per version and file kind.

* 1.15-1.18 (``flink-conf.yaml``): ``sed`` on the raw file, value cut at the first ``#`` and
  trimmed of spaces, the last line wins. For a well-formed line that is the value Flink's own
  legacy parser reads, which the loader already holds.
* 1.19+: ``BashJavaUtils UPDATE_AND_GET_FLINK_CONFIGURATION -flatten`` prints every loaded
  entry as ``key: value`` and the scripts ``grep`` it. A ``flink-conf.yaml`` (1.19, 1.20) gives
  the legacy value as it is. A ``config.yaml`` value is printed by
  ``YamlParserUtils.toYAMLString``, a snakeyaml-engine dump whose root scalar is written plain
  when block context allows it and in quotes otherwise (``-Dx=a:`` -> ``'-Dx=a:'``); the
  scripts keep those quotes.
"""

from __future__ import annotations

from flinklint.flink_config import Entry, ValueType
from flinklint.versions import FileKind

_FIRST = "#,[]{}&*!|>'\"%@`"
_BLANK = "\0 \t\r\n\x85\u2028\u2029"


class NotModelled(Exception):
    """A value whose shell text this model does not know (a YAML list, map, multi-line text)."""


def shell_text(entry: Entry, kind: FileKind) -> str:
    """What ``readFromConfig`` returns for ``entry`` (before the scripts strip quotes)."""
    if kind is FileKind.LEGACY:
        return entry.value
    if entry.value_type is not ValueType.STRING:
        if entry.value_type in (ValueType.LIST, ValueType.MAP, ValueType.NULL):
            raise NotModelled(f"a YAML {entry.value_type.value}")
        return entry.value
    return root_scalar(entry.value)


def root_scalar(text: str) -> str:
    """A string as ``toYAMLString`` writes it (without the trailing line break)."""
    # here, not at the top: a flink-conf.yaml run needs no YAML code (start-up time)
    from flinklint.loader.yaml_scalar import analyze, double_quoted
    from flinklint.loader.yaml_values import STR, implicit_tag

    analysis = analyze(text)
    if analysis.multiline:
        raise NotModelled("a multi-line string")
    if (
        text
        and implicit_tag(text) == STR
        and text[0] != " "
        and text[-1] != " "
        and not _special(text)
        and not _block_indicators(text)
    ):
        return text
    if analysis.single_quoted:
        return "'" + text.replace("'", "''") + "'"
    return double_quoted(text)


def _special(text: str) -> bool:
    for ch in text:
        c = ord(ch)
        if not (0x20 <= c <= 0x7E or c == 0x85 or 0xA0 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD
                or c >= 0x10000):  # fmt: skip
            return True
    return False


def _block_indicators(text: str) -> bool:
    """snakeyaml-engine's ``blockIndicators`` of ``analyzeScalar``."""
    if text.startswith(("---", "...")):
        return True
    for i, ch in enumerate(text):
        followed = i + 1 >= len(text) or text[i + 1] in _BLANK
        if i == 0:
            if ch in _FIRST or (ch in "?:-" and followed):
                return True
        elif (ch == ":" and followed) or (ch == "#" and text[i - 1] in _BLANK):
            return True
    return False
