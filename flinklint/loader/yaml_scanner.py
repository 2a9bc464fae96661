"""ruamel.yaml's scanner, adjusted to where snakeyaml-engine (Flink's YAML library) differs.

Both descend from PyYAML, but treat tabs differently, and Flink is the judge:

* between the words of a plain scalar, and after its last word, snakeyaml-engine takes tabs
  like spaces (``a: 1<TAB>`` and ``key<TAB>: 1`` load); ruamel.yaml refuses them;
* before a token, snakeyaml-engine skips only spaces, in flow context too (``[1,<TAB>2]``
  fails); ruamel.yaml skips tabs inside ``[]``/``{}``;
* in a double-quoted scalar, snakeyaml-engine knows no ``\\<TAB>`` escape.

Verified against Flink 2.3 on hand-written cases and on random files.
"""

from __future__ import annotations

from functools import cache
from typing import Any

_BREAKS = "\r\n\x85\u2028\u2029"
_END_OF_COMMENT = "\0" + _BREAKS


@cache
def scanner_class() -> type:
    from ruamel.yaml.scanner import Scanner

    class FlinkScanner(Scanner):
        ESCAPE_REPLACEMENTS = {  # noqa: RUF012 - ruamel.yaml reads it from the class
            k: v for k, v in Scanner.ESCAPE_REPLACEMENTS.items() if k != "\t"
        }

        def scan_plain_spaces(self, indent: Any, start_mark: Any) -> Any:
            reader = self.reader
            length = 0
            while reader.peek(length) in " \t":
                length += 1
            if "\t" not in reader.prefix(length):
                return super().scan_plain_spaces(indent, start_mark)
            if reader.peek(length) in _BREAKS:
                reader.forward(length)
                return super().scan_plain_spaces(indent, start_mark)
            whitespace = reader.prefix(length)
            reader.forward(length)
            return [whitespace]

        def scan_to_next_token(self) -> None:
            reader = self.reader
            if reader.index == 0 and reader.peek() == "\ufeff":
                reader.forward()
            while True:
                while reader.peek() == " ":
                    reader.forward()
                if reader.peek() == "#":
                    while reader.peek() not in _END_OF_COMMENT:
                        reader.forward()
                if not self.scan_line_break():
                    return
                if not self.flow_level:
                    self.allow_simple_key = True

    return FlinkScanner
