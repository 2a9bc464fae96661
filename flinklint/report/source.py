"""The linted text as lines, for showing excerpts and fixes and reading keys.

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as Flink's readers and YAML count them;
positions are 1-based and count code points, as in :mod:`flinklint.findings`.
"""

from __future__ import annotations


def source_lines(text: str) -> list[str]:
    """The lines of ``text`` without their line breaks (a final break ends the last line)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if len(lines) > 1 and not lines[-1] else lines
