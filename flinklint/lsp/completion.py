"""Completion of option keys and of enumeration values, for the target Flink version.

Keys are those the target version reads (:meth:`Catalog.all_keys`: its options and their
fallback keys); deprecated ones are marked, keys the version no longer reads are not offered.
In ``config.yaml`` a key typed under nested maps is completed relative to them
(``taskmanager:`` / ``memory:`` / ``proc`` -> ``process.size``); in a manifest only under
``spec.flinkConfiguration``. After ``key:`` the values of an enumeration (or boolean) option.
"""

from __future__ import annotations

import re

from flinklint.catalog import catalog
from flinklint.lsp.hover import type_name
from flinklint.records import dataclass
from flinklint.versions import FileKind, FlinkVersion

_KEY_TYPED = re.compile(r"^(?P<indent>[ \t]*)(?P<typed>[A-Za-z0-9_.\-]*)$")
_VALUE_TYPED = re.compile(
    r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z0-9_.\-]+)[ \t]*:[ \t]+[\"']?(?P<typed>[^\s#\"']*)$"
)
_PARENT = re.compile(r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z0-9_.\-]+)[ \t]*:[ \t]*(?:#.*)?$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One completion: ``insert`` replaces the columns ``start``..``end`` (1-based, code
    points, end excluded) of the line."""

    label: str
    insert: str
    start: int
    end: int
    is_key: bool
    detail: str = ""
    deprecated: bool = False


def _parents(lines: list[str], index: int, indent: int) -> list[str]:
    """The keys of the nested maps line ``index`` sits in, outermost first."""
    chain: list[str] = []
    for line in reversed(lines[:index]):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        width = len(line) - len(line.lstrip(" \t"))
        if width >= indent:
            continue
        match = _PARENT.match(line)
        if match is None:
            return chain if width == 0 else ["\0"]  # under a value or a list: no key here
        chain.insert(0, match.group("key"))
        indent = width
        if width == 0:
            break
    return chain


def _prefix(kind: FileKind, chain: list[str]) -> str | None:
    """The dotted prefix of keys typed under ``chain``; None where no option can be."""
    if "\0" in chain:
        return None
    if kind is FileKind.MANIFEST:
        if chain[:2] != ["spec", "flinkConfiguration"]:
            return None
        chain = chain[2:]
    elif kind is FileKind.LEGACY and chain:
        return None
    return "".join(f"{key}." for key in chain)


def complete(text_lines: list[str], line: int, column: int, kind: FileKind,
             version: FlinkVersion) -> list[Candidate]:
    """Completions at ``line``:``column`` (1-based, code points) of a text of ``kind``."""
    current = text_lines[line - 1] if 0 < line <= len(text_lines) else ""
    before = current[: column - 1]
    key_typed = _KEY_TYPED.match(before)
    value_typed = None if key_typed else _VALUE_TYPED.match(before)
    match = key_typed or value_typed
    if match is None:
        return []
    indent = len(match.group("indent"))
    prefix = _prefix(kind, _parents(text_lines, line - 1, indent) if indent else [])
    if prefix is None or (kind is FileKind.MANIFEST and not indent):
        return []
    start = column - len(match.group("typed"))
    cat = catalog()
    if value_typed is not None:
        info = cat.lookup(prefix + value_typed.group("key"), version)
        if info is None:
            return []
        values = info.values or (("true", "false") if info.type == "bool" else ())
        return [Candidate(v, v, start, column, False, info.enum[0] if info.enum else "")
                for v in values]
    found = []
    for key in cat.all_keys(version):
        if not key.startswith(prefix) or not key[:1].isalpha():
            continue
        info = cat.lookup(key, version)
        deprecated = info is not None and info.deprecated
        detail = _detail(info)
        found.append(Candidate(key, key[len(prefix):], start, column, True, detail, deprecated))
    return found


def _detail(info: object) -> str:
    kind = getattr(info, "type", "")
    default = getattr(info, "default", None)
    text = type_name(kind) if kind else ""
    return f"{text}, default {default}" if default is not None else text
