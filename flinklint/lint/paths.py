"""Lint the paths of a run: walk them, pick each file's settings, lint serially or in a pool.

Settings ``exclude`` patterns apply to files named on the command line too (pre-commit passes
every staged file explicitly, and an exclude that pre-commit ignores would surprise). ``-``
is standard input, linted as ``--stdin-filename``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from flinklint.lint.file import FileResult, LintRequest, lint_file, settings_for
from flinklint.lint.pool import PARALLEL_FROM, lint_jobs
from flinklint.lint.walk import candidates
from flinklint.loader.limits import MAX_FILE_BYTES
from flinklint.settings import Settings


def lint_paths(request: LintRequest) -> list[FileResult]:
    """Lint every file below the requested paths, in a stable order."""
    if request.paths == [Path("-")]:
        return [_lint_stdin(request)]
    found: dict[Path, Path | None] = {}
    jobs: list[tuple[Path, Settings]] = []
    for candidate in candidates(request.paths):
        settings = settings_for(candidate.path, request, found)
        if not settings.excludes(candidate.path):
            jobs.append((candidate.path, settings))
    if request.jobs != 1 and len(jobs) >= PARALLEL_FROM:
        linted = lint_jobs(jobs, request)
    else:
        results = (lint_file(path, settings, request) for path, settings in jobs)
        linted = [result for result in results if result is not None]
    request.skipped = len(jobs) - len(linted)
    return linted


def _lint_stdin(request: LintRequest) -> FileResult:
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)  # more: the loader's one size finding
    path = Path(request.stdin_filename)
    settings = settings_for(Path.cwd() / path, request)
    result = lint_file(path, settings, request, data=data)
    if result is None:  # not recognisable as a Flink config: lint it as the legacy format
        result = FileResult(str(path), data.decode("utf-8", "replace"), settings, [], [], [])
    result.data = data
    return result
