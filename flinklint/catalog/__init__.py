"""Every option of every supported Flink version, read from ``flinklint/data/catalog.json``.

The file is generated from Flink's own jars by ``tools/make_catalog.py`` (its docstring and
``tools/catalog/merge.py`` describe the format). :func:`catalog` loads it once, on first use.

A key is known to a version when it is an option of that version, a fallback key of one
(``taskmanager.network.memory.min`` for ``taskmanager.memory.network.min``), or belongs to a
family Flink reads by prefix (``metrics.reporter.<name>.*``, ``s3.*``,
``containerized.master.env.*``).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from flinklint.flink_config import ValueType
from flinklint.records import dataclass
from flinklint.versions import SUPPORTED, FlinkVersion

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True, slots=True)
class OptionInfo:
    """What a version knows about a key.

    ``main`` is the option's own key: the key itself, the option a fallback key belongs to, or
    the family pattern. ``type`` is ``bool int long float double str dur mem map enum``
    (``list:`` in front for lists), or empty for families that accept anything.
    """

    key: str
    main: str
    type: str
    default: str | None = None
    enum: tuple[str, ...] = ()  # the Java class, then the constants as Flink prints them
    deprecated: bool = False
    family: str | None = None
    note: str = ""

    @property
    def values(self) -> tuple[str, ...]:
        """The accepted values of an enum option (empty otherwise)."""
        return self.enum[1:]


@dataclass(frozen=True, slots=True)
class Deprecation:
    """A deprecated key: what to use instead, and a note when a plain rename is not enough.

    ``fallback``: the key is a fallback key of ``replacement``, so Flink reads its value through
    the replacement (renaming it keeps the meaning, and a set replacement wins over it).
    """

    key: str
    replacement: str | None
    note: str = ""
    fallback: bool = False


@dataclass(frozen=True, slots=True)
class Removal:
    """A key an earlier version read and the target ignores."""

    key: str
    last: FlinkVersion  # the last version that read it
    replacement: str | None
    note: str = ""


_BITS = {version: 1 << index for index, version in enumerate(SUPPORTED)}


def _matches(pattern: tuple[str, ...], parts: list[str]) -> bool:
    """``*`` is one segment, a final ``**`` one or more; anything else must be equal."""
    if pattern[-1] == "**":
        if len(parts) < len(pattern):
            return False
        parts = parts[: len(pattern) - 1]
        pattern = pattern[:-1]
    elif len(parts) != len(pattern):
        return False
    return all(p == "*" or p == s for p, s in zip(pattern, parts, strict=True))


class Catalog:
    """Lookups over the catalog data; every method is a pure function of its arguments."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._options: dict[str, list[Any]] = data["options"]
        self._aliases: dict[str, list[list[Any]]] = data["aliases"]
        self._enums: list[list[str]] = data["enums"]
        self._replaced: dict[str, list[Any]] = data["replaced"]
        self._ancient: dict[str, list[Any]] = data.get("ancient", {})
        families = sorted(data["families"], key=lambda f: (not f[2], f[0].endswith("**")))
        self._families = [(tuple(f[0].split(".")), f[0], int(f[1]), f[2], f[3]) for f in families]
        # by first segment, in the same order: a key is matched only against its own namespace
        self._wild = [f for f in self._families if f[0][0] in ("*", "**")]
        self._heads = {head: [f for f in self._families if f[0][0] in (head, "*", "**")]
                       for head in {f[0][0] for f in self._families}}
        self._candidates: dict[int, tuple[str, ...]] = {}
        self._found: dict[tuple[str, int], OptionInfo | None] = {}  # lookup's answers

    @staticmethod
    def bit(version: FlinkVersion) -> int:
        found = _BITS.get(version)  # looked up for every key: SUPPORTED.index was a hot spot
        return found if found is not None else 1 << SUPPORTED.index(version)

    def lookup(self, key: str, version: FlinkVersion) -> OptionInfo | None:
        """The option, fallback key or family ``key`` is to ``version``; None if unknown.

        Answers are kept: several rules ask about every key of every file.
        """
        bit = self.bit(version)
        try:
            return self._found[key, bit]
        except KeyError:
            answer = self._found[key, bit] = self._lookup(key, version, bit)
            return answer

    def _lookup(self, key: str, version: FlinkVersion, bit: int) -> OptionInfo | None:
        option = self._option(key, key, bit)
        if option is not None:
            return option
        for main, deprecated, mask in self._aliases.get(key, ()):
            if mask & bit and (info := self._option(main, key, bit)) is not None:
                return OptionInfo(key, main, info.type, info.default, info.enum, bool(deprecated))
        return self._family(key, bit) or self._map_entry(key, version)

    def _map_entry(self, key: str, version: FlinkVersion) -> OptionInfo | None:
        """``<map option>.<entry>``: Flink reads a map option from prefixed keys too.

        ``Configuration.get`` of a map-typed option falls back to every ``<key>.<name>`` entry
        when ``<key>`` itself is absent, and a nested YAML map in ``config.yaml`` is flattened
        into exactly such keys (``consumer-weights: {OPERATOR: 70}``).
        """
        parts = key.split(".")
        for end in range(len(parts) - 1, 0, -1):
            prefix = ".".join(parts[:end])
            info = self.lookup(prefix, version) if prefix in self._options or (
                prefix in self._aliases) else None
            if info is not None and info.type == "map":
                return OptionInfo(key, info.main, "str", family=f"{prefix}.*",
                                  note=f"an entry of the map option {prefix}")
        return None

    def _option(self, main: str, key: str, bit: int) -> OptionInfo | None:
        entry = self._options.get(main)
        if entry is None or not entry[0] & bit:
            return None
        for mask, type_code, default, enum in entry[2]:
            if mask & bit:
                values = tuple(self._enums[enum]) if enum >= 0 else ()
                return OptionInfo(key, main, type_code, default, values, bool(entry[1] & bit))
        return None

    def _family(self, key: str, bit: int, typed_only: bool = False) -> OptionInfo | None:
        parts = key.split(".")
        for segments, pattern, mask, type_code, note in self._heads.get(parts[0], self._wild):
            if mask & bit and (type_code or not typed_only) and _matches(segments, parts):
                return OptionInfo(key, pattern, type_code, family=pattern, note=note)
        return None

    def is_known(
        self,
        key: str,
        version: FlinkVersion,
        extra_keys: tuple[str, ...] | frozenset[str] = (),
        extra_prefixes: tuple[str, ...] = (),
    ) -> bool:
        """True when ``version`` reads ``key`` or the user declared it (exactly or by prefix)."""
        if key in extra_keys or (extra_prefixes and key.startswith(tuple(extra_prefixes))):
            return True
        return self.lookup(key, version) is not None

    def known_in(self, key: str) -> tuple[FlinkVersion, ...]:
        """The supported versions that know ``key`` (as an option, fallback key or family)."""
        masks = self._families_only(key)
        if masks is not None:
            return tuple(v for v in SUPPORTED if masks[0] & _BITS[v])
        return tuple(v for v in SUPPORTED if self.lookup(key, v) is not None)

    def _families_only(self, key: str) -> tuple[int, int] | None:
        """For a key that only a family can make known (not an option, fallback or ancient key,
        and no option is a prefix of it: a map's entry), the versions of the families of its
        namespace that match it, as bits: ``(any family, a typed family)``; else None. Asked
        first for a mistyped key, which each version's lookup would otherwise try in full."""
        if key in self._options or key in self._aliases or key in self._ancient:
            return None
        parts = key.split(".")
        for end in range(len(parts) - 1, 0, -1):
            prefix = ".".join(parts[:end])
            if prefix in self._options or prefix in self._aliases:
                return None
        anything = typed = 0
        for segments, _pattern, mask, type_code, _note in self._heads.get(parts[0], self._wild):
            if _matches(segments, parts):
                anything |= mask
                typed |= mask if type_code else 0
        return anything, typed

    def deprecation(self, key: str, version: FlinkVersion) -> Deprecation | None:
        """Why ``key`` is deprecated in ``version`` and what replaces it; None if it is not.

        A replacement that is deprecated too is followed to its own replacement
        (``jobmanager.web.ssl.enabled`` -> ``web.ssl.enabled`` -> ``security.ssl.rest.enabled``).
        """
        found = self._deprecation(key, version)
        seen = {key}
        while found is not None and found.replacement and found.replacement not in seen:
            seen.add(found.replacement)
            after = self._deprecation(found.replacement, version)
            if after is None or after.replacement is None:
                break
            note = "; ".join(n for n in (found.note, after.note) if n)
            found = Deprecation(key, after.replacement, note, found.fallback and after.fallback)
        return found

    def _deprecation(self, key: str, version: FlinkVersion) -> Deprecation | None:
        info = self.lookup(key, version)
        if info is None or not info.deprecated:
            return None
        if info.main != key:
            return Deprecation(key, info.main, fallback=True)
        bit = self.bit(version)
        for main, deprecated, mask in self._aliases.get(key, ()):
            if deprecated and mask & bit and self._option(main, main, bit) is not None:
                return Deprecation(key, main, fallback=True)
        replacement, note = self._replaced.get(key, (None, ""))
        return Deprecation(key, replacement, note)

    def deprecated(self, key: str, version: FlinkVersion) -> str | None:
        """The key to use instead of a deprecated ``key`` (None: not deprecated or no successor)."""
        found = self.deprecation(key, version)
        return found.replacement if found is not None else None

    def removed_in(self, key: str, version: FlinkVersion) -> Removal | None:
        """The last earlier version that read ``key`` if ``version`` ignores it, else None.

        A key that a prefix family of ``version`` still reads is not removed, unless it was an
        option of its own in that family (``metrics.reporter.<name>.class`` up to 1.20).
        """
        bit = self.bit(version)
        masks = self._families_only(key)
        if masks is not None:  # no exact key and no ancient one: only typed families remove
            if masks[1] & bit:
                return None
            for last in reversed([v for v in SUPPORTED if v < version]):
                if masks[1] & _BITS[last]:
                    return self._removal(key, last, version)
            return None
        if self._exact(key, bit) or self._family(key, bit, typed_only=True):
            return None
        for last in reversed([v for v in SUPPORTED if v < version]):
            old = self.bit(last)
            if self._exact(key, old):
                return None if self._family(key, bit) else self._removal(key, last, version)
            if self._family(key, old, typed_only=True):
                return self._removal(key, last, version)
        ancient = self._ancient.get(key)
        if ancient is None or self._family(key, bit):
            return None
        major, minor = (int(part) for part in ancient[0].split("."))
        return Removal(key, FlinkVersion(major, minor), ancient[1], ancient[2])

    def _exact(self, key: str, bit: int) -> OptionInfo | None:
        option = self._option(key, key, bit)
        if option is not None:
            return option
        for main, _deprecated, mask in self._aliases.get(key, ()):
            if mask & bit:
                return OptionInfo(key, main, "")
        return None

    def _removal(self, key: str, last: FlinkVersion, target: FlinkVersion) -> Removal:
        replacement, note = self._replaced.get(key, (None, ""))
        if replacement is None:
            for main, _deprecated, mask in self._aliases.get(key, ()):
                if mask & self.bit(last):
                    replacement = main
        if replacement is not None and self.lookup(replacement, target) is None:
            replacement, note = None, ""
        return Removal(key, last, replacement, note)

    def keys(self, version: FlinkVersion) -> tuple[str, ...]:
        """The exact option keys of ``version`` that are not deprecated, sorted."""
        bit = self.bit(version)
        cached = self._candidates.get(bit)
        if cached is None:
            cached = tuple(sorted(k for k, e in self._options.items() if e[0] & bit & ~e[1]))
            self._candidates[bit] = cached
        return cached

    def all_keys(self, version: FlinkVersion) -> tuple[str, ...]:
        """Every exact key ``version`` reads: its options and their fallback keys, sorted."""
        bit = self.bit(version)
        options = (k for k, e in self._options.items() if e[0] & bit)
        aliases = (k for k, a in self._aliases.items() if any(m & bit for _, _, m in a))
        return tuple(sorted({*options, *aliases}))

    def families(self, version: FlinkVersion) -> tuple[tuple[str, str, str], ...]:
        """``(pattern, type, note)`` of the families ``version`` reads."""
        bit = self.bit(version)
        return tuple((p, t, n) for _, p, m, t, n in self._families if m & bit)

    def suggest(self, key: str, version: FlinkVersion, limit: int = 3) -> list[str]:
        """The known keys closest to a mistyped ``key``, best first (empty if none is close)."""
        from flinklint.catalog.nearby import closest_of

        return closest_of(key, self.keys(version), limit)

    def check_value(
        self,
        key: str,
        value: str,
        version: FlinkVersion,
        value_type: ValueType = ValueType.STRING,
    ) -> str | None:
        """Flink's reason for refusing ``value`` for ``key``, or None (also for unknown keys)."""
        info = self.lookup(key, version)
        if info is None or not info.type or value_type in (ValueType.NULL, ValueType.LIST):
            return None
        from flinklint.values.convert import problem

        return problem(info.type, value, version, value_type, info.enum)


CATALOG_FILE = Path(__file__).parent.parent / "data" / "catalog.json"


@functools.cache
def catalog() -> Catalog:
    """The catalog, loaded on first use and kept."""
    return Catalog(json.loads(CATALOG_FILE.read_bytes()))
