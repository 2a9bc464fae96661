"""A config.yaml Flink would refuse is reported when it is Flink's, never when it is another
tool's; and a run that skipped every file says so instead of "All checks passed."."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flinklint.cli import main
from flinklint.loader.conf_dir import FLINK_CONF_FILES
from flinklint.loader.sniff import looks_like_flink

NOT_YAML = [b"\x00\x01binary\xff", b"a: [\n", b"just some text\n", b"key=value\n",
            b"\tkey: value\n"]


def _findings(path: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int, int]]:
    assert main(["check", "--isolated", "--format", "json", str(path)]) in (0, 1)
    return [(f["code"], f["line"], f["column"]) for f in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize("data", NOT_YAML)
@pytest.mark.parametrize("sibling", FLINK_CONF_FILES)
def test_a_broken_config_yaml_in_a_flink_conf_dir_is_reported(
        tmp_path: Path, data: bytes, sibling: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config.yaml").write_bytes(data)
    (tmp_path / sibling).write_text("")
    codes = {code for code, _, _ in _findings(tmp_path / "config.yaml", capsys)}
    assert codes & {"FL001", "FL012", "FL016"}


@pytest.mark.parametrize("data", NOT_YAML)
def test_a_config_yaml_elsewhere_is_left_alone(tmp_path: Path, data: bytes,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config.yaml").write_bytes(data)
    (tmp_path / "log4j.properties").write_text("")  # not only Flink's
    if looks_like_flink(data):
        pytest.skip("recognised by its content")
    assert main(["check", "--isolated", str(tmp_path / "config.yaml")]) == 0
    assert capsys.readouterr().out == (
        "No Flink configuration checked: 1 file skipped as not Flink's (a config.yaml without "
        "Flink options, YAML that is not a FlinkDeployment or FlinkSessionJob).\n")


def test_a_wide_encoding_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Flink's YAML reader follows a UTF-16 byte-order mark (observed with Flink 2.3's
    GlobalConfiguration); flinklint reads UTF-8 only and must not call the file broken."""
    (tmp_path / "config.yaml").write_bytes("parallelism.default: 2\n".encode("utf-16"))
    (tmp_path / "log4j-console.properties").write_text("")
    assert _findings(tmp_path / "config.yaml", capsys) == []


def test_json_config_yaml_is_flinks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config.yaml").write_text(
        '{"jobmanager.memory.process.size": "1g", "taskmanager.memory.process.size": "2g",'
        ' "parallelism.default": "x"}')
    assert _findings(tmp_path / "config.yaml", capsys) == [("FL104", 1, 106)]


def test_summary_when_some_files_were_linted(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "config.yaml").write_text("name: other tool\n")
    (tmp_path / "flink-conf.yaml").write_text(
        "jobmanager.memory.process.size: 1g\ntaskmanager.memory.process.size: 2g\n")
    assert main(["check", "--isolated", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "All checks passed.\n"
