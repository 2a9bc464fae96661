"""Paths as the CI formats want them: relative to the repository root, with forward slashes."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

SRCROOT = "%SRCROOT%"


def inside_root(path: str, root: Path) -> str | None:
    """``path`` relative to ``root`` (``conf/flink-conf.yaml``), or None when it lies outside.

    A relative ``path`` is taken relative to the working directory, as the CLI was given it.
    """
    try:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive on Windows
        return None
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return PurePath(relative).as_posix()


def repo_path(path: str, root: Path) -> str:
    """The path to show CI: relative to ``root`` when inside it, else as given."""
    return inside_root(path, root) or PurePath(path).as_posix()


def artifact_location(path: str, root: Path) -> dict[str, str]:
    """A SARIF artifactLocation: a percent-encoded URI relative to %SRCROOT% when possible."""
    from urllib.parse import quote

    relative = inside_root(path, root)
    if relative is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    return {"uri": quote(relative, safe="/"), "uriBaseId": SRCROOT}


def root_uri(root: Path) -> str:
    """The absolute ``file:`` URI of ``root``, ending in a slash as SARIF requires."""
    uri = Path(os.path.abspath(root)).as_uri()
    return uri if uri.endswith("/") else uri + "/"
