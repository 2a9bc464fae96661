"""Linting in worker processes gives what linting here gives, in the same order."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from flinklint.lint import pool
from flinklint.lint.file import FileResult, LintRequest
from flinklint.lint.paths import lint_paths

LEGACY = "taskmanager.memory.process.size: {mb}m\ntaskmanager.numberOfTaskSlots: 2\nbad.key: 1\n"
YAML = "taskmanager:\n  memory:\n    process:\n      size: {mb}m\n    network:\n      fraction: 1\n"
MANIFEST = """\
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
spec:
  flinkVersion: v1_18
  flinkConfiguration:
    taskmanager.memory.managed.fraction: "{fraction}"
  taskManager:
    resource:
      memory: "{mb}m"
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    for n in range(25):
        (tmp_path / f"c{n:02d}").mkdir()
        (tmp_path / f"c{n:02d}" / "flink-conf.yaml").write_text(LEGACY.format(mb=300 + 200 * n))
        (tmp_path / f"y{n:02d}").mkdir()
        (tmp_path / f"y{n:02d}" / "config.yaml").write_text(YAML.format(mb=900 + 100 * n))
        (tmp_path / f"job{n:02d}.yaml").write_text(MANIFEST.format(mb=512 * n, fraction=n / 10))
    (tmp_path / "notes.yaml").write_text("not: flink\n")
    return tmp_path


def _reported(results: list[FileResult]) -> list[tuple[object, ...]]:
    return [(r.path, r.text, r.settings, r.versions, r.findings, r.bom) for r in results]


def test_workers_give_the_serial_results(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = lint_paths(LintRequest(paths=[tree]))
    monkeypatch.setattr(pool, "workers", lambda files: 3)
    parallel = lint_paths(LintRequest(paths=[tree], jobs=0))
    assert len(serial) == 75 and sum(len(r.findings) for r in serial) > 50
    assert _reported(parallel) == _reported(serial)
    assert parallel[0].configs and not any(r.configs for r in parallel[1:])


def test_no_worker_could_start(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(pool, "workers", lambda files: 2)
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", refuse)
    serial = lint_paths(LintRequest(paths=[tree]))
    assert _reported(lint_paths(LintRequest(paths=[tree], jobs=0))) == _reported(serial)


@pytest.mark.parametrize(("files", "cpus", "load", "expected"), [
    (49, 8, 0.0, 1),
    (50, 1, 0.0, 1),
    (50, 2, 0.0, 2),
    (600, 2, 0.4, 2),
    (600, 2, 0.6, 1),
    (600, 2, 3.0, 1),
    (600, 8, 1.0, 7),
    (100, 8, 0.0, 4),
])
def test_workers_only_for_many_files_and_idle_cpus(
    files: int, cpus: int, load: float, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda pid: set(range(cpus)),
                        raising=False)
    monkeypatch.setattr(pool.os, "getloadavg", lambda: (load, load, load))
    assert pool.workers(files) == expected
