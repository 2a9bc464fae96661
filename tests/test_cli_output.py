"""Every byte flinklint writes: atomic replacement, modes, failures as one-line usage errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from flinklint.cli import output
from flinklint.cli.common import UsageError


def test_write_atomic_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "flink-conf.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    output.write_atomic(path, b"new\n")
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["flink-conf.yaml"]


def test_write_atomic_leaves_original_when_interrupted(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "flink-conf.yaml"
    path.write_bytes(b"old\n")

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(output.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        output.write_atomic(path, b"new\n")
    assert path.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["flink-conf.yaml"]


def test_write_atomic_creates_a_new_file_with_the_umask_mode(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    old = os.umask(0o027)
    try:
        output.write_atomic(path, b"new\n")
    finally:
        os.umask(old)
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["config.yaml"]


def test_write_file_failure_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"^flinklint: cannot write .*missing/config.yaml"):
        output.write_file(tmp_path / "missing" / "config.yaml", b"x\n")
