"""``flinklint migrate``: write the config.yaml equivalent of a flink-conf.yaml.

The config.yaml goes to standard output unless ``-o FILE`` names a file (or a directory, which
gets a ``config.yaml``); an existing file is replaced only with ``--force``, atomically. What
the user should know (lines kept as comments, renamed keys, converted values) goes to standard
error as ``path:line: message``, one line each.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from flinklint.cli.common import EXIT_FINDINGS, EXIT_OK, UsageError
from flinklint.cli.output import write_file, write_stdout
from flinklint.loader.sniff import LEGACY_NAME, YAML_NAME, is_manifest
from flinklint.migration import Migration, Settings, migrate
from flinklint.versions import DEFAULT_FOR_YAML, FlinkVersion


def migrate_command(args: argparse.Namespace) -> int:
    """Convert the named flink-conf.yaml; exit 1 when it cannot be converted completely."""
    version: FlinkVersion = args.flink_version or DEFAULT_FOR_YAML
    if not version.reads_yaml_file:
        raise UsageError(f"Flink {version} reads only flink-conf.yaml; config.yaml is read "
                           "from Flink 1.19 on (use --flink-version 1.19 or later)")
    source, data = _read(args.path)
    settings = Settings(version, bool(args.nested), getattr(args, "rename", None),
                        getattr(args, "legacy_heap", None) or "standalone")
    result = migrate(data, settings, str(source))
    if not result.complete:
        _report(result, str(source), sys.stderr)
        return EXIT_FINDINGS
    target = _target(args.output, bool(getattr(args, "force", False)))
    if not getattr(args, "quiet", False):
        _report(result, str(source), sys.stderr)
    _write(result.text, target)
    return EXIT_OK


def _read(name: str) -> tuple[str | Path, bytes]:
    from flinklint.loader.limits import MAX_FILE_BYTES

    if name == "-":
        return "-", sys.stdin.buffer.read(MAX_FILE_BYTES + 1)  # more: the loader says so
    path = Path(name)
    if path.is_dir():
        path = path / LEGACY_NAME
    if path.exists() and not path.is_file():  # a FIFO would block the read for ever
        raise UsageError(f"{path}: not a regular file (FIFO, socket or device)")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise UsageError(f"cannot read {path}: {err.strerror or err}") from None
    if path.name == YAML_NAME or is_manifest(data):
        what = "a config.yaml" if path.name == YAML_NAME else "a Kubernetes manifest"
        raise UsageError(f"{path} is {what}, not a legacy flink-conf.yaml; nothing to migrate")
    return path, data


def _target(output: str | None, force: bool) -> Path | None:
    """Where to write (None: standard output); refuses to replace a file without ``force``."""
    if output is None or output == "-":
        return None
    path = Path(output)
    if path.is_dir():
        path = path / YAML_NAME
    if path.exists() and not force:
        raise UsageError(f"{path} exists; use --force to replace it")
    return path


def _report(result: Migration, source: str, stream: TextIO) -> None:
    for note in result.notes:
        stream.write(f"{source}:{note.line}: {note.message}\n")


def _write(text: str, target: Path | None) -> None:
    data = text.encode("utf-8")
    if target is None:
        write_stdout(data)
    else:
        write_file(target, data)
