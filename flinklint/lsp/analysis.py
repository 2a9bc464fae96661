"""Lint the text of an open document exactly as ``flinklint check`` lints it.

The text goes through the entry point ``check`` uses for standard input with
``--stdin-filename``: :func:`flinklint.lint.file.lint_file` on the encoded text, with the settings
found for the document's own path (``pyproject.toml`` / ``.flinklint.toml`` above it). So codes,
severities, spans, messages, the target version and inline suppressions are ``check``'s. Files
that the settings exclude get nothing, as ``check DIR`` skips them.

A settings file is read once and kept by :func:`flinklint.settings.load_settings_file`; a server
lives longer than one run, so the kept copy is dropped whenever a settings file changes on disk.
"""

from __future__ import annotations

from pathlib import Path

from flinklint.findings import Finding
from flinklint.lint.file import FileResult, LintRequest, lint_file, settings_for
from flinklint.records import dataclass
from flinklint.settings import (
    Settings,
    SettingsError,
    find_settings_file,
    load_settings_file,
)


@dataclass(frozen=True, slots=True)
class Analysis:
    """One lint of one document text. ``result`` is None when it is not a Flink file."""

    path: Path
    text: str
    result: FileResult | None
    request: LintRequest
    error: str | None = None  # the settings cannot be read: why

    @property
    def findings(self) -> list[Finding]:
        return self.result.findings if self.result is not None else []


_settings_seen: dict[Path, tuple[int, int]] = {}


def _forget_changed_settings(directory: Path) -> None:
    """Drop the kept settings when the settings file that applies here changed on disk."""
    found = find_settings_file(directory)
    if found is None:
        return
    try:
        stat = found.stat()
    except OSError:
        return
    stamp = (stat.st_mtime_ns, stat.st_size)
    if _settings_seen.setdefault(found, stamp) != stamp:
        _settings_seen[found] = stamp
        load_settings_file.cache_clear()


def analyse(path: Path, text: str, request: LintRequest | None = None) -> Analysis:
    """Lint ``text`` as the content of ``path`` (which need not exist or be saved)."""
    request = request or LintRequest(paths=[path])
    _forget_changed_settings(path.parent)
    try:
        settings: Settings = settings_for(path, request)
    except SettingsError as err:
        return Analysis(path, text, None, request, error=str(err))
    if settings.excludes(path):
        return Analysis(path, text, None, request)
    # a lone surrogate (JSON can carry one) becomes bytes that are not UTF-8, as in a file
    result = lint_file(path, settings, request, data=text.encode("utf-8", "surrogatepass"))
    return Analysis(path, text, result, request)
