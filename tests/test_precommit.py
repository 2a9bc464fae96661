"""The real pre-commit, running this repository's hook in a scratch git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() and shutil.which("pre-commit") is None,
    reason="pre-commit is a test dependency: pip install -e '.[test]'",
)

GOOD = (ROOT / "examples" / "good" / "flink-conf.yaml").read_text()
BROKEN = (ROOT / "examples" / "broken" / "flink-conf.yaml").read_text()


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed snapshot of this working tree (try-repo needs a git repository)."""
    snapshot = tmp_path_factory.mktemp("source")
    ignore = shutil.ignore_patterns(".git", ".venv*", "*.egg-info", "__pycache__", ".*_cache")
    shutil.copytree(ROOT, snapshot, dirs_exist_ok=True, ignore=ignore)
    _git(snapshot, "init", "-q")
    _git(snapshot, "add", "-A")
    _git(snapshot, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "snapshot")
    return snapshot


def _try_repo(source: Path, tmp_path: Path, content: str, hook: str = "flinklint"
              ) -> subprocess.CompletedProcess[str]:
    repo = tmp_path / "project"
    (repo / "conf").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "conf" / "flink-conf.yaml").write_text(content)
    (repo / "README.md").write_text("not a config\n")
    _git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(source.parent / "pre-commit-home")}
    command = [str(PRE_COMMIT) if PRE_COMMIT.exists() else "pre-commit"]
    return subprocess.run([*command, "try-repo", str(source), hook, "--all-files", "--color",
                           "never"], cwd=repo, capture_output=True, text=True, env=env,
                          timeout=600, check=False)


def test_hook_passes_on_a_good_config(source: Path, tmp_path: Path) -> None:
    result = _try_repo(source, tmp_path, GOOD)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hook_fails_on_a_broken_config(source: Path, tmp_path: Path) -> None:
    result = _try_repo(source, tmp_path, BROKEN)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "conf/flink-conf.yaml:" in result.stdout
