"""Fold the per-version option dumps of CatalogDump into the one compact catalog file.

The file (read by ``flinklint/catalog.py``) holds, with a version set written as a bitmask over
``flinklint.versions.SUPPORTED`` (bit 0 = 1.15):

``options``   key -> [present, deprecated, variants]; a variant is [mask, type, default, enum]
              (``enum`` indexes ``enums``, each [Java class, constants' toString()...]; -1
              when the type is not an enum); types are
              ``bool int long float double str dur mem map enum`` with ``list:`` for lists.
``aliases``   fallback key -> [[main key, deprecated (0/1), mask], ...]
``families``  [pattern, mask, type, what reads it]; ``*`` is one dotted segment, ``**`` one or
              more segments.
``replaced``  deprecated or removed key -> [key to use instead or null, note]; an empty note
              means a plain rename keeps the meaning.
``ancient``   key removed before the oldest supported version -> [last minor that read it,
              key to use instead or null, note].
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from catalog.extras import ANCIENT, FAMILIES, REPLACEMENTS, SHELL_KEYS
from catalog.scope import is_top_level, reporter_prefix

Row = dict[str, Any]
_TYPES = {
    "java.lang.Boolean": "bool", "java.lang.Integer": "int", "java.lang.Long": "long",
    "java.lang.Float": "float", "java.lang.Double": "double", "java.lang.String": "str",
    "java.time.Duration": "dur", "org.apache.flink.configuration.MemorySize": "mem",
    "java.util.Map": "map",
}  # fmt: skip
_PLACEHOLDER = re.compile(r"<[^<>]+>|#")


def minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def type_code(row: Row) -> str:
    code = _TYPES.get(row["type"], "enum" if row["enum"] is not None else "other")
    return f"list:{code}" if row["list"] else code


def pick(rows: list[Row]) -> Row:
    """One definition of a key that several classes declare: Flink's own config classes first."""

    def rank(row: Row) -> tuple[int, int, str]:
        core = row["class"].startswith("org.apache.flink.configuration.")
        return (not core, _deprecated(row), row["class"])

    return min(rows, key=rank)


def _deprecated(row: Row) -> bool:
    return bool(row["deprecated"] or row["classDeprecated"])


class Builder:
    def __init__(self, versions: list[str]) -> None:
        self.versions = [minor(v) for v in versions]
        self.enums: list[list[str]] = []
        self.options: dict[str, list[Any]] = {}
        self.aliases: dict[str, dict[tuple[str, int], int]] = defaultdict(dict)
        self.families: dict[str, list[Any]] = {}  # pattern -> [mask, type, note]
        self.descriptions: dict[str, str] = {}

    def enum_index(self, values: list[str]) -> int:
        if values not in self.enums:
            self.enums.append(values)
        return self.enums.index(values)

    def add_version(self, index: int, rows: list[Row]) -> None:
        by_key: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            if is_top_level(row):
                by_key[row["key"]].append(row)
            elif (prefix := reporter_prefix(row)) and not _PLACEHOLDER.search(row["key"]):
                self.add_family(index, f"{prefix}reporter.<name>.{row['key']}", type_code(row))
        for key, defs in by_key.items():
            if _PLACEHOLDER.search(key):
                self.add_family(index, key, type_code(pick(defs)))
            else:
                self.add_option(index, key, defs)

    def add_family(self, index: int, key: str, code: str) -> None:
        parts = key.split(".")
        pattern = ".".join(
            ("**" if i == len(parts) - 1 else "*") if _PLACEHOLDER.fullmatch(p) else p
            for i, p in enumerate(parts)
        )
        family = self.families.setdefault(pattern, [0, "" if pattern.endswith("**") else code, ""])
        family[0] |= 1 << index

    def add_option(self, index: int, key: str, defs: list[Row]) -> None:
        bit = 1 << index
        row = pick(defs)
        entry = self.options.setdefault(key, [0, 0, []])
        entry[0] |= bit
        if all(_deprecated(d) for d in defs):
            entry[1] |= bit
        enum = -1
        if row["enum"] is not None:
            enum = self.enum_index([row["type"], *(e[1] for e in row["enum"])])
        spec = [type_code(row), row["default"], enum]
        for variant in entry[2]:
            if variant[1:] == spec:
                variant[0] |= bit
                break
        else:
            entry[2].append([bit, *spec])
        for d in defs:
            for fallback, dep in d["fallback"]:
                slot = (key, int(bool(dep)))
                self.aliases[fallback][slot] = self.aliases[fallback].get(slot, 0) | bit
        if row.get("desc"):
            self.descriptions[key] = row["desc"]

    def add_shell_keys(self) -> None:
        every = (1 << len(self.versions)) - 1
        for key, code in SHELL_KEYS.items():
            entry = self.options.setdefault(key, [0, 0, []])
            missing = every & ~entry[0]
            if missing:
                entry[0] |= missing
                entry[2].append([missing, code, None, -1])

    def result(self) -> dict[str, Any]:
        from catalog.replacements import derive

        for pattern, anchor, note in FAMILIES:
            family = self.families.setdefault(pattern, [0, "", note])
            family[0] |= self.anchor_mask(anchor)
            family[2] = note
        families = [[p, *rest] for p, rest in sorted(self.families.items())]
        aliases = {
            k: [[main, dep, mask] for (main, dep), mask in sorted(v.items())]
            for k, v in sorted(self.aliases.items())
        }
        replaced: dict[str, list[str | None]] = {
            k: [v, ""] for k, v in derive(self.options, aliases, self.descriptions).items()
        }
        replaced.update({k: [v, note] for k, (v, note) in REPLACEMENTS.items()})
        return {
            "format": 1,
            "versions": self.versions,
            "enums": self.enums,
            "options": self.options,
            "aliases": aliases,
            "families": families,
            "replaced": dict(sorted(replaced.items())),
            "ancient": {k: list(v) for k, v in sorted(ANCIENT.items())},
        }

    def anchor_mask(self, anchor: str | None) -> int:
        """The versions that have ``anchor`` as an option (all versions when None)."""
        if anchor is None:
            return (1 << len(self.versions)) - 1
        return int(self.options[anchor][0])


def build(dumps: dict[str, list[Row]]) -> dict[str, Any]:
    builder = Builder(list(dumps))
    for index, rows in enumerate(dumps.values()):
        builder.add_version(index, rows)
    builder.add_shell_keys()
    return builder.result()
