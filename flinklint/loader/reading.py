"""Whether Flink reads this file at all (``GlobalConfiguration.loadConfiguration``).

* up to 1.18: only ``flink-conf.yaml``;
* 1.19 and 1.20: ``flink-conf.yaml`` if it exists, else ``config.yaml``; never both: with both
  in one directory, ``config.yaml`` is ignored entirely;
* 2.0 and later: only ``config.yaml``; a ``flink-conf.yaml`` is not read at all.

A file Flink does not read is reported once and not linted further (``lintable=False``). With
no target version, both files beside each other get a warning that names the versions at stake.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from flinklint.findings import Finding, Span
from flinklint.loader import codes
from flinklint.loader.sniff import LEGACY_NAME, YAML_NAME
from flinklint.versions import FileKind, FlinkVersion


def reading_findings(
    kind: FileKind, path: str, version: FlinkVersion | None, legacy_beside: bool
) -> tuple[list[Finding], bool]:
    """Findings about which file Flink reads, and whether this one is read."""
    where = Span.point(1, 1)
    if kind is FileKind.LEGACY and version is not None and not version.reads_legacy_file:
        return [codes.FILE_NOT_READ.at(
            path, where,
            f"Flink {version} does not read flink-conf.yaml at all (only config.yaml, since "
            f"2.0); convert it, comments kept, with `flinklint migrate flink-conf.yaml -o "
            f"config.yaml`",
        )], False
    if kind is FileKind.YAML and version is not None and not version.reads_yaml_file:
        return [codes.FILE_NOT_READ.at(
            path, where,
            f"Flink {version} does not read config.yaml (it reads only flink-conf.yaml; "
            f"config.yaml is read from 1.19 on)",
        )], False
    if kind is FileKind.YAML and legacy_beside:
        return _shadowed(path, version)
    return [], True


def _shadowed(path: str, version: FlinkVersion | None) -> tuple[list[Finding], bool]:
    if version is None:
        message = (
            "flink-conf.yaml exists in the same directory: Flink 1.19 and 1.20 read only "
            "flink-conf.yaml and ignore this file entirely (2.0+ reads only this one); "
            "keep one of the two"
        )
        return [codes.CONFIG_YAML_SHADOWED.at(path, Span.point(1, 1), message)], True
    if version.reads_legacy_file:
        message = (
            f"flink-conf.yaml exists in the same directory: Flink {version} reads only "
            f"flink-conf.yaml and ignores this file entirely; keep one of the two"
        )
        return [codes.CONFIG_YAML_SHADOWED.at(path, Span.point(1, 1), message)], False
    return [], True


def sibling_findings(
    files: Iterable[Path], version: FlinkVersion | None
) -> dict[Path, list[Finding]]:
    """For a set of files: each ``config.yaml`` shadowed by a ``flink-conf.yaml`` beside it.

    ``load_path`` already does this for one file (looking at the disk); this variant serves a
    caller that knows the set of files (e.g. staged files) without touching the disk.
    """
    paths = list(files)
    legacy_dirs = {p.parent for p in paths if p.name == LEGACY_NAME}
    out: dict[Path, list[Finding]] = {}
    for path in paths:
        if path.name == YAML_NAME and path.parent in legacy_dirs:
            findings, _ = _shadowed(str(path), version)
            if findings:
                out[path] = findings
    return out
