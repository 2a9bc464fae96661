"""Directory walking: what is found, what is skipped, and that nothing hangs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flinklint.lint.walk import WalkError, candidates


def _names(root: Path) -> list[str]:
    return [c.path.relative_to(root).as_posix() for c in candidates([root])]


def test_finds_configs_and_yaml_and_skips_noise(tmp_path: Path) -> None:
    for rel in [
        "conf/flink-conf.yaml", "conf/config.yaml", "k8s/job.yml", "k8s/notes.txt",
        ".git/config.yaml", ".hidden/flink-conf.yaml", "node_modules/x/config.yaml",
        "venv/lib/config.yaml", "env/config.yaml", "target/classes/flink-conf.yaml",
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("a: b\n")
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    assert _names(tmp_path) == ["conf/config.yaml", "conf/flink-conf.yaml", "k8s/job.yml"]


def test_symlink_loop_fifo_and_directory_named_like_a_config(tmp_path: Path) -> None:
    (tmp_path / "flink-conf.yaml").mkdir()
    (tmp_path / "flink-conf.yaml" / "config.yaml").write_text("a: b\n")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "missing.yaml")
    os.mkfifo(tmp_path / "config.yaml")
    assert _names(tmp_path) == ["flink-conf.yaml/config.yaml"]


def test_explicit_paths(tmp_path: Path) -> None:
    path = tmp_path / "anything.conf"
    path.write_text("a: b\n")
    assert [c.explicit for c in candidates([path, path])] == [True]
    with pytest.raises(WalkError, match="no such file"):
        list(candidates([tmp_path / "nope.yaml"]))
    os.mkfifo(tmp_path / "fifo.yaml")
    with pytest.raises(WalkError, match="not a regular file"):
        list(candidates([tmp_path / "fifo.yaml"]))
