"""Settings discovery, validation and command-line overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from flinklint.findings import Severity
from flinklint.settings import (
    SettingsError,
    find_settings_file,
    load_settings_file,
    override,
    split_codes,
)
from flinklint.versions import FlinkVersion


def _repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir(parents=True)
    return tmp_path


def test_nearest_flinklint_toml_wins_and_walk_stops_at_repo_root(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "repo")
    (tmp_path / ".flinklint.toml").write_text('flink-version = "1.18"\n')  # outside the repo
    deep = repo / "a" / "b"
    deep.mkdir(parents=True)
    assert find_settings_file(deep) is None
    (repo / "a" / ".flinklint.toml").write_text('flink-version = "1.18"\n')
    assert find_settings_file(deep) == (repo / "a" / ".flinklint.toml").absolute()


def test_pyproject_counts_only_with_a_tool_table(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_settings_file(repo) is None
    (repo / "pyproject.toml").write_text(
        "[tool.flinklint]\nflink-version = '2.0'\nignore = ['FL204']\n"
        "[tool.flinklint.severity]\nFL201 = 'error'\n"
    )
    found = find_settings_file(repo)
    assert found is not None
    settings = load_settings_file(found)
    assert settings.flink_version == FlinkVersion(2, 0)
    assert settings.ignore == ("FL204",)
    assert settings.severity == {"FL201": Severity.ERROR}


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("selct = ['FL1']\n", "unknown setting 'selct'"),
        ("select = 'FL1'\n", "invalid value for 'select'"),
        ("[severity]\nFL201 = 'fatal'\n", "invalid value for 'severity.FL201'"),
        ("flink-version = '1.9'\n", "unsupported Flink version"),
        ("flink-version = \n", "invalid TOML"),
    ],
)
def test_bad_settings_name_the_offending_key(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / ".flinklint.toml"
    path.write_text(toml)
    with pytest.raises(SettingsError, match=message) as info:
        load_settings_file(path)
    assert str(path) in str(info.value)


def test_per_file_ignores_and_exclude_are_relative_to_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / ".flinklint.toml"
    path.write_text(
        "exclude = ['legacy/*']\n[per-file-ignores]\n'k8s/*.yaml' = ['FL101']\n"
    )
    settings = load_settings_file(path)
    assert settings.excludes(tmp_path / "legacy" / "flink-conf.yaml")
    assert not settings.excludes(tmp_path / "conf" / "flink-conf.yaml")
    assert settings.ignored_for(tmp_path / "k8s" / "job.yaml") == ("FL101",)
    assert settings.ignored_for(tmp_path / "conf" / "config.yaml") == ()


def test_command_line_overrides() -> None:
    from flinklint.settings import from_mapping

    base = from_mapping({"select": ["FL2"], "ignore": ["FL204"], "define": {"a": 1, "b": True}})
    assert base.define == {"a": "1", "b": "true"}
    merged = override(base, {"select": ["FL1"], "ignore": ["FL101"], "define": {"a": "2"}})
    assert merged.select == ("FL1",)
    assert merged.ignore == ("FL204", "FL101")
    assert merged.define == {"a": "2", "b": "true"}


def test_split_codes() -> None:
    assert split_codes(["FL1, FL2", "FL3", ""]) == ["FL1", "FL2", "FL3"]
    assert split_codes(None) == []
