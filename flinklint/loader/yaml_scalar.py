"""How snakeyaml-engine's emitter writes one string: plain, 'single' or "double" quoted.

Flink turns a non-string YAML value (a list, a map, a number) into the option's text with
``YamlParserUtils.toYAMLString``, a flow-style dump; the strings inside are quoted exactly as
this module decides (``analyze`` mirrors the emitter's scalar analysis, code point by code
point, quirks included). Verified by fuzzing against Flink's own ``toYAMLString``.
"""

from __future__ import annotations

from flinklint.loader.yaml_values import STR, implicit_tag
from flinklint.records import dataclass

_LINEBR = "\n\x85\u2028\u2029"
_NULL_BL_T = "\0 \t"
_FIRST_INDICATORS = "#,[]{}&*!|>'\"%@`"
_MULTILINE = "\n\x85\u2028\u2029"
_ESCAPES = {
    "\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v", "\x0c": "f",
    "\r": "r", "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L",
    "\u2029": "P",
}


@dataclass(frozen=True, slots=True)
class Analysis:
    empty: bool
    multiline: bool
    flow_plain: bool
    single_quoted: bool


def _unicode_ok(c: int) -> bool:
    return c == 0x85 or 0xA0 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or 0x10000 <= c <= 0x10FFFF


def analyze(text: str) -> Analysis:
    if not text:
        return Analysis(True, False, False, True)
    units = text.encode("utf-16-le")
    n = len(units) // 2
    flow = text.startswith(("---", "..."))
    line_breaks = special = lead = trail = break_space = space_break = False
    preceded = True
    followed = len(text) == 1 or text[1] in "\0 \t\r\n\x85\u2028\u2029"
    prev_space = prev_break = False
    index = 0  # in UTF-16 units, as Java counts
    for ch in text:
        c = ord(ch)
        if index == 0:
            if ch in _FIRST_INDICATORS or ch in "?:" or (ch == "-" and followed):
                flow = True
        elif ch in ",?[]{}:" or (ch == "#" and preceded):
            flow = True
        is_break = ch in _LINEBR
        line_breaks = line_breaks or is_break
        if not (ch == "\n" or 0x20 <= c <= 0x7E) and not _unicode_ok(c):
            special = True
        if ch == " ":
            lead = lead or index == 0
            trail = trail or index == n - 1
            break_space = break_space or prev_break
            prev_space, prev_break = True, False
        elif is_break:
            lead = lead or index == 0
            trail = trail or index == n - 1
            space_break = space_break or prev_space
            prev_space, prev_break = False, True
        else:
            prev_space = prev_break = False
        index += 2 if c > 0xFFFF else 1
        preceded = ch in _NULL_BL_T or is_break
        followed = _followed(text, units, index, n, is_break)
    flow_plain = not (lead or trail or break_space or space_break or special or line_breaks
                      or flow)
    single = not (break_space or space_break or special)
    return Analysis(False, line_breaks, flow_plain, single)


def _followed(text: str, units: bytes, index: int, n: int, is_break: bool) -> bool:
    if index + 1 >= n:
        return True
    c = int.from_bytes(units[2 * index:2 * index + 2], "little")
    step = 2 if 0xD800 <= c <= 0xDBFF else 1
    nxt = index + step
    if nxt >= n:
        return True
    c2 = int.from_bytes(units[2 * nxt:2 * nxt + 2], "little")
    return chr(c2) in _NULL_BL_T or is_break


def quote(text: str, simple_key: bool = False) -> str:
    """The string as the flow emitter writes it inside a list or map."""
    analysis = analyze(text)
    literal = any(ch in _MULTILINE for ch in text)  # the representer asks for literal style
    if not literal and implicit_tag(text) == STR and not (
        simple_key and (analysis.empty or analysis.multiline)
    ) and analysis.flow_plain:
        return text
    if not literal and analysis.single_quoted and not (simple_key and analysis.multiline):
        return "'" + text.replace("'", "''") + "'"
    return double_quoted(text)


def double_quoted(text: str) -> str:
    out = ['"']
    for ch in text:
        c = ord(ch)
        if 0x20 <= c <= 0x7E and ch not in '"\\':
            out.append(ch)
        elif ch in _ESCAPES:
            out.append("\\" + _ESCAPES[ch])
        elif c in (0x9, 0xA, 0xD) or _unicode_ok(c):
            out.append(ch)
        elif c <= 0xFF:
            out.append(f"\\x{c:02x}")
        else:
            out.append(f"\\u{c:04x}")
    out.append('"')
    return "".join(out)
