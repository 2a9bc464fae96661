"""Choosing the operator release: ``--operator-version``, ``operator-version`` in the settings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flinklint.launch.operator import OperatorRelease
from flinklint.settings import SettingsError, load_settings_file, override
from tests.test_cli import assert_clean_failure, run

MAIN_EXAMPLE = Path(__file__).parent / "fixtures" / "operator" / "main" / "sql-example.yaml"


def _project(tmp_path: Path, settings: str | None) -> Path:
    (tmp_path / ".git").mkdir()
    if settings is not None:
        (tmp_path / ".flinklint.toml").write_text(settings)
    shutil.copy(MAIN_EXAMPLE, tmp_path / "deploy.yaml")
    return tmp_path


def _codes(stdout: str) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in stdout.splitlines()
            if line.startswith("deploy.yaml:")]


def test_settings_file_reads_operator_version(tmp_path: Path) -> None:
    (tmp_path / ".flinklint.toml").write_text('operator-version = "1.12.1"\n')
    settings = load_settings_file(tmp_path / ".flinklint.toml")
    assert settings.operator_version == OperatorRelease(12)
    assert override(settings, {"operator_version": OperatorRelease(16)}).operator_version == \
        OperatorRelease(16)


@pytest.mark.parametrize("value", ['"1.16"', '"2.0"', "15"])
def test_bad_operator_version_in_settings(tmp_path: Path, value: str) -> None:
    (tmp_path / ".flinklint.toml").write_text(f"operator-version = {value}\n")
    with pytest.raises(SettingsError, match="operator-version"):
        load_settings_file(tmp_path / ".flinklint.toml")


def test_default_is_the_newest_release_and_says_so(tmp_path: Path) -> None:
    project = _project(tmp_path, None)
    result = run("--format", "concise", "deploy.yaml", cwd=project)
    assert result.returncode == 1
    assert _codes(result.stdout) == ["FL205", "FL205", "FL300", "FL300"]
    assert "operator 1.15 (the newest release, assumed)" in result.stdout


def test_settings_and_command_line_choose_the_release(tmp_path: Path) -> None:
    project = _project(tmp_path, 'operator-version = "main"\n')
    result = run("--format", "concise", "deploy.yaml", cwd=project)
    assert (result.returncode, _codes(result.stdout)) == (0, []), result.stdout
    result = run("--format", "concise", "--operator-version", "1.15", "deploy.yaml", cwd=project)
    assert result.returncode == 1
    assert "assumed" not in result.stdout and "operator 1.15 does not read" in result.stdout


def test_bad_operator_version_on_the_command_line(tmp_path: Path) -> None:
    assert_clean_failure(run("--operator-version", "1.99", str(MAIN_EXAMPLE)))


def test_show_settings_and_explain(tmp_path: Path) -> None:
    project = _project(tmp_path, 'operator-version = "1.14"\n')
    shown = json.loads(run("check", "--show-settings", "deploy.yaml", cwd=project).stdout)
    assert shown["operator-version"] == "1.14"
    result = run("explain", "--operator-version", "main", "deploy.yaml", cwd=project)
    assert result.returncode == 0
    assert result.stdout.startswith("deploy.yaml (Flink 1.20, operator main, ")
    result = run("explain", "--format", "json", "deploy.yaml", cwd=project)
    assert json.loads(result.stdout)["operator_version"] == "1.14"
    assert result.returncode == 1  # 1.14 does not read resources: no memory
