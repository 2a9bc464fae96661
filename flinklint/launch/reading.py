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

from collections.abc import Callable

from flinklint.flink_config import Entry, ValueType
from flinklint.versions import FileKind

Dump = Callable[[str], str]  # a config.yaml string -> the text the scripts read (the loader's)


class NotModelled(Exception):
    """A value whose shell text this model does not know (a YAML list, map, multi-line text)."""


def shell_text(entry: Entry, kind: FileKind, dump: Dump | None) -> str:
    """What ``readFromConfig`` returns for ``entry`` (before the scripts strip quotes).

    ``dump`` is :func:`flinklint.loader.yaml_dump.root_scalar` (passed in: the loader is a
    layer above); without it a ``config.yaml`` string is not modelled.
    """
    if kind is FileKind.LEGACY:
        return entry.value
    if entry.value_type is not ValueType.STRING:
        if entry.value_type in (ValueType.LIST, ValueType.MAP, ValueType.NULL):
            raise NotModelled(f"a YAML {entry.value_type.value}")
        return entry.value
    if dump is None:
        raise NotModelled("a config.yaml string without the loader's YAML dump")
    try:
        return dump(entry.value)
    except ValueError as error:  # MultiLine
        raise NotModelled("a multi-line string") from error
