"""Find the files to lint below the paths a user gave.

A directory is walked for ``flink-conf.yaml``, ``config.yaml`` and ``*.yaml``/``*.yml`` files
(whether a YAML file is a Flink manifest, or a ``config.yaml`` a Flink config, is decided later
by its content). Hidden directories, ``.git``, ``node_modules``, ``__pycache__`` and virtual
environments are not walked. Directory symlinks are not followed (so symlink loops cannot hang
the walk); FIFOs, sockets, devices and directories named like a config file are skipped. The
order is deterministic: sorted by path.

Files named explicitly on the command line are always considered (pre-commit passes them that
way), except that FIFOs and other non-regular files, and files or directories that cannot be
read, are refused with a clear message (exit code 2); a file found by walking that cannot be
read is a finding of its own (FL023).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from flinklint.records import dataclass

CONFIG_NAMES = frozenset({"flink-conf.yaml", "config.yaml"})
YAML_SUFFIXES = (".yaml", ".yml")
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "target", "build"})


@dataclass(frozen=True, slots=True)
class Candidate:
    path: Path
    explicit: bool  # named on the command line, not found by walking


class WalkError(Exception):
    """A path the user named that cannot be linted (missing, unreadable, not a file)."""


def candidates(paths: list[Path]) -> Iterator[Candidate]:
    """Files to consider, in a stable order; raises WalkError for a bad explicit path."""
    seen: set[Path] = set()
    for path in paths:
        for candidate in _expand(path):
            key = candidate.path.absolute()
            if key not in seen:
                seen.add(key)
                yield candidate


def _expand(path: Path) -> Iterator[Candidate]:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise WalkError(f"{path}: no such file or directory") from None
    except OSError as err:
        raise WalkError(f"{path}: cannot access: {err.strerror or err}") from None
    if stat.S_ISDIR(info.st_mode):
        yield from (Candidate(p, False) for p in sorted(_walk(path)))
    elif stat.S_ISREG(info.st_mode):
        try:  # opening is the only sure test (root passes os.access, NFS may still refuse)
            path.open("rb").close()
        except OSError as err:
            raise WalkError(f"{path}: cannot read: {err.strerror or err}") from None
        yield Candidate(path, True)
    else:
        raise WalkError(f"{path}: not a regular file (FIFO, socket or device); skipped")


def _walk(root: Path) -> Iterator[Path]:
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError as err:
            if directory == root:
                raise WalkError(f"{root}: cannot list: {err.strerror or err}") from None
            continue  # unreadable directory below a root the user gave: skip quietly
        for entry in entries:
            yield from _visit(entry, stack)


def _visit(entry: os.DirEntry[str], stack: list[Path]) -> Iterator[Path]:
    name = entry.name
    try:
        if entry.is_dir(follow_symlinks=False):
            if not _skip_dir(entry):
                stack.append(Path(entry.path))
            return
        if not entry.is_file(follow_symlinks=True):
            return  # FIFO, socket, device, broken symlink, symlink to a directory
    except OSError:
        return
    if name in CONFIG_NAMES or name.endswith(YAML_SUFFIXES):
        yield Path(entry.path)


def _skip_dir(entry: os.DirEntry[str]) -> bool:
    name = entry.name
    if name.startswith(".") or name in SKIP_DIRS:
        return True
    return os.path.exists(os.path.join(entry.path, "pyvenv.cfg"))
