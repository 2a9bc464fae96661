"""Lint many files in worker processes, when that pays.

Linting is pure Python and CPU-bound, so threads would not help; processes do, once there are
enough files to repay starting them (:data:`PARALLEL_FROM`). The first file is linted here
before the workers are forked, so they inherit every module and table it loaded (rules,
catalog, memory model) instead of loading them again. Each worker lints runs of consecutive
files and sends back only what the reports need (text, target versions, findings); results
come back in the order of the walk, so the output is the same as a serial run's. A
:class:`~flinklint.lint.file.FileResult` made here holds no configurations: callers that need them
(fixing, explaining) lint serially.

Fork is the way to start workers cheaply, so this happens on Linux only; elsewhere, when the
CPUs are busy anyway and when a worker cannot be started, files are linted one after the
other. On the 2-core development machine, two workers linted 600 files in 0.54 of the serial
time when the second core was idle, but took 1.27 times as long (and a fifth more CPU) when
another program kept it busy: hence the load average decides.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from flinklint.findings import Finding
from flinklint.lint.file import FileResult, LintRequest, lint_file
from flinklint.settings import Settings
from flinklint.versions import FlinkVersion

PARALLEL_FROM = 50  # fewer files are linted faster than worker processes start
Job = tuple[Path, Settings]
Found = tuple[str, list[FlinkVersion], list[Finding], bool]  # what a worker sends back
_jobs: list[Job] = []  # set before forking: workers inherit the list instead of receiving it
_request = LintRequest(paths=[])


def workers(files: int) -> int:
    """How many processes should lint ``files`` files (1: lint them here).

    As many as there are idle CPUs (CPUs minus the load average of the last minute), since a
    worker that has to share a CPU with another program only adds its start-up cost.
    """
    if files < PARALLEL_FROM or sys.platform != "linux":
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
        idle = round(cpus - os.getloadavg()[0])
    except OSError:
        return 1
    return max(1, min(idle, files // (PARALLEL_FROM // 2)))


def lint_jobs(jobs: list[Job], request: LintRequest) -> list[FileResult]:
    """Lint ``(path, settings)`` pairs, in worker processes when there are enough of them."""
    count = workers(len(jobs))
    if count < 2:
        return _serial(jobs, request)
    head = _serial(jobs[:1], request)  # loads what every file needs, before forking
    try:
        return head + _parallel(jobs, request, count)
    except OSError:  # no process could be started (limits): carry on here
        return head + _serial(jobs[1:], request)


def _serial(jobs: list[Job], request: LintRequest) -> list[FileResult]:
    results = (lint_file(path, settings, request) for path, settings in jobs)
    return [result for result in results if result is not None]


def _parallel(jobs: list[Job], request: LintRequest, count: int) -> list[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _jobs, _request
    _jobs, _request = jobs, request
    size = -(-(len(jobs) - 1) // (count * 4))  # a few runs per worker evens out their load
    starts = range(1, len(jobs), size)
    context = multiprocessing.get_context("fork")
    import gc

    gc.freeze()  # workers then never touch (and so copy) the objects they inherit
    try:
        with ProcessPoolExecutor(count, mp_context=context) as pool:
            parts = list(pool.map(_lint_run, starts, [min(s + size, len(jobs)) for s in starts]))
    finally:
        gc.unfreeze()
        _jobs, _request = [], LintRequest(paths=[])
    results = []
    for start, part in zip(starts, parts, strict=True):
        for (path, settings), found in zip(jobs[start:start + size], part, strict=True):
            if found is not None:
                text, versions, findings, bom = found
                results.append(FileResult(str(path), text, settings, [], versions, findings, bom))
    return results


def _lint_run(start: int, stop: int) -> list[Found | None]:
    """In a worker: lint jobs ``start`` to ``stop``; what reports need of each result."""
    out: list[Found | None] = []
    for path, settings in _jobs[start:stop]:
        result = lint_file(path, settings, _request)
        out.append(None if result is None else (
            result.text, result.versions, result.findings, result.bom))
    return out
