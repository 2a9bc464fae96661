"""The rows of config.yaml, one per line of the legacy file, before they are laid out.

A blank line stays blank, a comment stays the same comment, an entry Flink reads becomes a
:class:`Pair` (its key and its value as YAML), and a line Flink did not use (dropped by its
parser, superseded by a later line, not read by the target version) becomes a comment that
quotes it after a ``# flinklint:`` note saying why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flinklint.catalog import catalog
from flinklint.flink_config import Entry
from flinklint.migration.model import Decision, Note, Settings
from flinklint.migration.source import Kind, Line, comment_text, content
from flinklint.migration.values import yaml_value
from flinklint.versions import DEFAULT_FOR_LEGACY

NOTE = "# flinklint: "


@dataclass(frozen=True, slots=True)
class Blank:
    line: int
    ending: str
    text: str = ""  # spaces, when the line had only spaces


@dataclass(frozen=True, slots=True)
class Comment:
    line: int
    ending: str
    text: str  # starting with '#'
    indent: str = ""


@dataclass(frozen=True, slots=True)
class Pair:
    line: int
    ending: str
    key: str  # the flat key, unquoted
    value: str  # YAML text
    separator: str = ": "
    gap: str = ""
    comment: str = ""


Item = Blank | Comment | Pair


def build(lines: Sequence[Line], entries: Sequence[Entry], decisions: Sequence[Decision],
          settings: Settings, notes: list[Note]) -> list[Item]:
    decision_of = {entry.line: d for entry, d in zip(entries, decisions, strict=True)}
    written = [d.key for d in decisions if d.note is None]
    items: list[Item] = []
    for line in lines:
        if line.kind is Kind.BLANK:
            items.append(Blank(line.number, line.ending, line.indent))
        elif line.kind is Kind.COMMENT:
            items.append(Comment(line.number, line.ending, comment_text(line.comment),
                                 line.indent))
        elif line.kind is Kind.DROPPED:
            notes.append(Note(line.number, f"dropped by Flink's legacy parser ({_why(line)}); "
                                           "kept as a comment"))
            items.append(_quoting(line, "dropped by Flink's legacy parser"))
        else:
            assert line.entry is not None
            decision = decision_of[line.number]
            if decision.note is not None:
                items.append(_quoting(line, decision.note))
            else:
                items.append(_pair(line, line.entry, decision, written, settings, notes))
    return items


def _quoting(line: Line, why: str) -> Comment:
    return Comment(line.number, line.ending, f"{NOTE}{why}: {comment_text(content(line))}")


def _pair(line: Line, entry: Entry, decision: Decision, written: Sequence[str],
          settings: Settings, notes: list[Note]) -> Pair:
    key = decision.key
    info = catalog().lookup(key, settings.version) or catalog().lookup(
        entry.key, DEFAULT_FOR_LEGACY)
    below = any(other.startswith(key + ".") for other in written)
    value, why = yaml_value(decision.value or entry.value, info.type if info else "", below)
    if why:
        notes.append(Note(line.number, f"'{key}': {why}"))
    comment = comment_text(line.comment)
    return Pair(line.number, line.ending, key, value, line.separator, line.gap, comment)


def _why(line: Line) -> str:
    cut = line.text.find("#")
    conf = content(Line(line.number, line.text[:cut] if cut >= 0 else line.text, "", line.kind))
    colon = conf.find(":")
    if colon == 0:
        return "the key is empty"
    if colon == len(conf) - 1 and conf.count(":") == 1:
        return "no value after the ':'"
    if colon > 0:
        return "no space after the ':', so Flink finds no key and value"
    return "not a 'key: value' line"
