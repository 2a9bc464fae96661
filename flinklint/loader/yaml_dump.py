"""A string as Flink's ``YamlParserUtils.toYAMLString`` writes it at the root of a document.

``BashJavaUtils UPDATE_AND_GET_FLINK_CONFIGURATION -flatten`` (1.19+) prints every entry of a
loaded ``config.yaml`` as ``key: <toYAMLString(value)>`` for the start scripts. snakeyaml-engine
writes a root scalar plain when *block* context allows it (unlike a string inside a flow list,
:func:`~flinklint.loader.yaml_scalar.quote`): ``a,b`` stays plain, ``-Dx=a:`` becomes
``'-Dx=a:'``, a tab makes it double-quoted. Checked against the 1.19-2.3 jars
(``tests/golden/launch/``, the ``flattened`` values).
"""

from __future__ import annotations

from flinklint.loader.yaml_scalar import analyze, double_quoted
from flinklint.loader.yaml_values import STR, implicit_tag

_FIRST = "#,[]{}&*!|>'\"%@`"
_BLANK = "\0 \t\r\n\x85\u2028\u2029"


class MultiLine(ValueError):
    """A multi-line string: the dump writes a block scalar the scripts read one line of."""


def root_scalar(text: str) -> str:
    """A string as ``toYAMLString`` writes it (without the trailing line break)."""
    analysis = analyze(text)
    if analysis.multiline:
        raise MultiLine(text)
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
