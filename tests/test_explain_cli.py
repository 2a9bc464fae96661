"""``flinklint explain`` on the command line: the verdict in every format, exit codes, --compare.

A process Flink does not start is shown as such, with Flink's own message, in text, JSON,
Markdown and SVG alike, and ``explain`` exits 1 exactly when ``check`` reports the error that
stops it.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from flinklint.cli import main

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "json", "markdown", "svg")


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths of the examples are shown as given
DUPLICATE = ("taskmanager.memory.process.size: 2g\ntaskmanager.memory.process.size: 3g\n"
             "jobmanager.memory.process.size: 1600m\n")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--isolated"]) if argv[0] != "explain" else main(
        ["explain", "--isolated", *argv[1:]])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def duplicate(tmp_path: Path) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(DUPLICATE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_config_yaml_flink_refuses_to_load_starts_nothing_in_any_format(
        duplicate: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    check_code, check_out, _ = _run(capsys, "check", "--format", "concise", str(duplicate))
    assert check_code == 1 and ":2:1: FL002 [error]" in check_out
    code, out, err = _run(capsys, "explain", "--format", fmt, str(duplicate))
    assert (code, err) == (1, "")
    assert "Error parsing YAML configuration." in out
    if fmt == "json":
        document = json.loads(out)
        for process in ("taskmanager", "jobmanager"):
            assert document[process]["ok"] is False and document[process]["memory"] is None
            error = document[process]["error"]
            assert (error["code"], error["line"], error["stage"], error["severity"]) == (
                "FL002", 2, "load", "error")
            assert error["flink_message"] == "Error parsing YAML configuration."
    elif fmt == "text":
        assert out.count("Flink does not start it: it stops while loading the file") == 2
        assert "  FL002 (line 2): duplicate key 'taskmanager.memory.process.size'" in out
    elif fmt == "markdown":
        assert out.count("> **TaskManager does not start**: Flink stops while loading the "
                         "file.") == 1
        assert "> Flink says: `Error parsing YAML configuration.`" in out
    else:
        root = ElementTree.fromstring(out)
        stopped = [g for g in root.iter("{http://www.w3.org/2000/svg}g")
                   if g.get("class") == "stopped"]
        assert [g.get("id") for g in stopped] == ["taskmanager", "jobmanager"]


def test_a_file_the_target_version_does_not_read_stops_with_flinks_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "flink-conf.yaml"
    path.write_text("taskmanager.memory.process.size: 4g\n", encoding="utf-8")
    code, out, _ = _run(capsys, "explain", "--format", "json", "--flink-version", "2.0",
                        str(path))
    assert code == 1
    error = json.loads(out)["taskmanager"]["error"]
    expected = tmp_path / "config.yaml"
    assert (error["code"], error["stage"]) == ("FL009", "load")
    assert error["flink_message"] == (
        f"The Flink config file '{expected}' ({expected}) does not exist.")


def test_no_memory_settings_is_a_warning_in_both(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "flink-conf.yaml"
    path.write_text("parallelism.default: 2\n", encoding="utf-8")
    assert _run(capsys, "check", str(path))[0] == 0  # FL215 is a warning
    code, out, _ = _run(capsys, "explain", "--format", "json", str(path))
    assert code == 0
    error = json.loads(out)["taskmanager"]["error"]
    assert (error["code"], error["severity"], error["line"]) == ("FL215", "warning", 1)
    code, out, _ = _run(capsys, "explain", str(path))
    assert "TaskManager: Flink does not start it with this file alone" in out


def test_markdown_tables_hold_exact_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "explain", "--format", "markdown",
                        "examples/good/flink-conf.yaml")
    assert code == 0
    rows = out.splitlines()
    assert rows[0] == "### `examples/good/flink-conf.yaml`: memory layout with Flink 1.20"
    assert "| **Total Process Memory** | 4gb | 4294967296 | 100.0% | set by " \
           "`taskmanager.memory.process.size` |" in rows
    assert "| \u2003\u2003\u2003\u2003Network Memory | 343.04mb | 359703515 | 8.4% | derived: " \
           "0.1 x total Flink memory |" in rows
    assert any(row.startswith("| \u2003JVM Overhead | 192mb | 201326592 | 12.0% |") and
               "**silently adjusted by Flink** from 167772162 bytes" in row for row in rows)


def test_markdown_escapes_what_the_file_says(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "flink-conf.yaml"
    path.write_text("taskmanager.memory.process.size: 1g|<b>`x`\n"
                    "jobmanager.memory.process.size: 1600m\n", encoding="utf-8")
    code, out, _ = _run(capsys, "explain", "--format", "markdown", str(path))
    assert code == 1
    advice = next(line for line in out.splitlines() if line.startswith("> **FL211**"))
    assert "<b>" not in advice and "&lt;b&gt;" in advice and "\\|" in advice


def test_compare_in_json_keeps_version_a_and_adds_b(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "flink-conf.yaml"
    path.write_text("taskmanager.memory.process.size: 4g\ntaskmanager.heap.size: 1g\n"
                    "jobmanager.memory.process.size: 1600m\n", encoding="utf-8")
    code, out, _ = _run(capsys, "explain", "--format", "json", "--flink-version", "1.20",
                        "--compare", "2.0", str(path))
    assert code == 1  # process 4g with a 1g Flink size: overhead out of range, in both
    document = json.loads(out)
    assert document["flink_version"] == "1.20" and document["taskmanager"]["ok"] is False
    compare = document["compare"]
    assert compare["flink_version"] == "2.0" and compare["migrated"] is True
    assert compare["taskmanager"]["error"]["code"] == "FL203"
    assert compare["changes"] == []  # migrate maps taskmanager.heap.size as 1.20 read it
    assert [(k["key"], k["change"]) for k in compare["keys"]] == [
        ("taskmanager.heap.size", "removed")]


def test_compare_where_only_one_version_starts_the_process(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # tm-legacy-heap-with-process in the goldens: 1.20 maps the legacy heap onto the Flink size
    # and refuses the TaskManager; 2.0 ignores the legacy key and starts it
    path = tmp_path / "config.yaml"
    path.write_text("taskmanager.heap.size: 1g\ntaskmanager.memory.process.size: 4g\n"
                    "jobmanager.memory.process.size: 1600m\n", encoding="utf-8")
    argv = ("--flink-version", "1.20", "--compare", "2.0", str(path))
    code, out, _ = _run(capsys, "explain", "--format", "json", *argv)
    assert code == 1
    document = json.loads(out)
    assert document["taskmanager"]["ok"] is False
    assert document["compare"]["taskmanager"]["ok"] is True
    changes = document["compare"]["changes"]
    assert [c["component"] for c in changes] == list(document["compare"]["taskmanager"]["memory"])
    assert all(c["process"] == "taskmanager" and c["from"] is None for c in changes)
    assert changes[0]["to"] == 4294967296  # total_process, as Flink 2.0 logs it
    assert document["compare"]["keys"][0]["key"] == "taskmanager.heap.size"
    code, out, _ = _run(capsys, "explain", *argv)
    assert code == 1
    assert "~ Total Process Memory         -                           4gb (4294967296 bytes)" \
           "      starts" in out.splitlines()
    assert "  Flink 1.20: TaskManager: Flink refuses to start it" in out.splitlines()
    for fmt in ("markdown", "svg"):
        assert _run(capsys, "explain", "--format", fmt, *argv)[0] == 1


def test_svg_of_several_files_draws_the_first_and_says_so(
        duplicate: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "explain", "--format", "svg", "examples/good/flink-conf.yaml",
                          str(duplicate))
    assert code == 1
    assert err == ("flinklint: --format svg draws one configuration; showing "
                   "examples/good/flink-conf.yaml\n")
    assert "examples/good/flink-conf.yaml" in (ElementTree.fromstring(out).findtext(
        "{http://www.w3.org/2000/svg}title") or "")


def test_a_session_job_has_no_processes_of_its_own(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "job.yaml"
    path.write_text("apiVersion: flink.apache.org/v1beta1\nkind: FlinkSessionJob\nmetadata:\n"
                    "  name: job\nspec:\n  deploymentName: session\n", encoding="utf-8")
    assert _run(capsys, "check", str(path))[0] == 0
    code, out, _ = _run(capsys, "explain", "--format", "json", str(path))
    assert code == 0
    error = json.loads(out)["jobmanager"]["error"]
    assert (error["code"], error["severity"], error["flink_message"]) == ("", "info", "")
    assert error["message"].startswith("a FlinkSessionJob has no processes of its own")


def test_check_says_a_memory_error_waits_for_the_file_to_load(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("taskmanager.memory.process.size: 2g\ntaskmanager.memory.flink.size: 1900m\n"
                    "jobmanager.memory.process.size: 1600m\njobmanager.memory.process.size: "
                    "1600m\n", encoding="utf-8")
    code, out, _ = _run(capsys, "check", "--format", "concise", str(path))
    assert code == 1
    rows = out.splitlines()
    assert any(":1:1: FL206 [error]" in row and row.endswith(
        "(Flink reports this once the problem on line 4 is fixed)") for row in rows), rows
    assert any(":4:1: FL002 [error]" in row for row in rows)
    code, out, _ = _run(capsys, "explain", "--format", "json", str(path))
    assert code == 1
    assert json.loads(out)["taskmanager"]["error"]["code"] == "FL002"


@pytest.mark.parametrize("deployment", ["standalone", "kubernetes"])
def test_compare_reads_both_versions_as_the_deployment_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], deployment: str) -> None:
    # in a container the legacy heap key is the process size, standalone the Flink size
    path = tmp_path / "flink-conf.yaml"
    path.write_text("taskmanager.heap.size: 2g\njobmanager.memory.process.size: 1600m\n")
    main(["explain", "--isolated", "--format", "json", "--deployment", deployment,
          "--flink-version", "1.18", "--compare", "1.20", str(path)])
    document = json.loads(capsys.readouterr().out)
    sizes = {document["taskmanager"]["memory"]["total_process"],
             document["compare"]["taskmanager"]["memory"]["total_process"]}
    assert sizes == {2 << 30} if deployment == "kubernetes" else (2 << 30) not in sizes
