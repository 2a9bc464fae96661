"""Whether a ``config.yaml`` sits in a Flink configuration directory, whatever it holds.

A ``config.yaml`` is recognised as Flink's by its content (a key of Flink's, see
:mod:`~.sniff`). One that does not parse, or holds no such key, is still the file Flink reads
when it sits beside the files only Flink's ``conf/`` directory has: Flink refuses to start on
it (``Error parsing YAML configuration``), so it is linted and its problems reported (FL001,
FL012, FL016), not skipped. Files every Flink distribution ships in ``conf/`` next to
``config.yaml`` (1.19+) or ``flink-conf.yaml``, and that no other tool names so: the log4j and
logback files of Flink's console, CLI and session launchers, and ``flink-conf.yaml`` itself.
"""

from __future__ import annotations

from pathlib import Path

FLINK_CONF_FILES = (
    "flink-conf.yaml",
    "log4j-console.properties",
    "log4j-cli.properties",
    "log4j-session.properties",
    "logback-console.xml",
    "logback-session.xml",
)
# Flink's YAML reader (snakeyaml-engine) detects these byte-order marks and reads UTF-16/32;
# flinklint reads UTF-8 only, so such a file is left alone rather than misreported.
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def in_flink_conf_dir(path: Path, head: bytes) -> bool:
    """Whether ``path`` (a ``config.yaml``) is in a directory only Flink's ``conf/`` looks like."""
    if head.startswith(_WIDE_BOMS):
        return False
    directory = path.parent
    return any((directory / name).is_file() for name in FLINK_CONF_FILES)
