"""The installed ``flinklint`` command, end to end: exit codes, output lines, stderr."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flinklint import __version__

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BIN = Path(sys.executable).parent / "flinklint"


def run(*args: str, cwd: Path = ROOT, stdin: str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(BIN)] if BIN.exists() else [shutil.which("flinklint") or "flinklint"]
    base = {k: v for k, v in os.environ.items()
            if k not in ("GITHUB_ACTIONS", "FLINKLINT_FORMAT", "FORCE_COLOR")}
    return subprocess.run([*command, *args], cwd=cwd, input=stdin, capture_output=True,
                          text=True, env={**base, **(env or {})}, timeout=60, check=False)


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int = 2) -> None:
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_good_example_passes() -> None:
    result = run("examples/good")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "All checks passed."


def test_broken_example_fails_with_located_findings() -> None:
    result = run("--format", "concise", "examples/broken")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    findings = [line for line in lines if line.startswith("examples/broken/flink-conf.yaml:")]
    assert findings, result.stdout
    for line in findings:
        location, code = line.split(": ", 2)[:2]
        _, number, column = location.rsplit(":", 2)
        assert int(number) > 1 and int(column) >= 1
        assert code.startswith("FL")
    assert lines[-1].startswith("Found ")


def test_check_is_the_default_command_and_python_m_works() -> None:
    direct = run("check", "--format", "concise", "examples/good")
    module = subprocess.run([sys.executable, "-m", "flinklint", "--format", "concise",
                             "examples/good"], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    assert direct.returncode == module.returncode == 0
    assert direct.stdout == module.stdout


def test_unrelated_yaml_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("services:\n  web:\n    image: nginx\n")
    (tmp_path / "deploy.yaml").write_text("apiVersion: apps/v1\nkind: Deployment\n")
    result = run("--format", "concise", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == (
        "No Flink configuration checked: 2 files skipped as not Flink's (a config.yaml without "
        "Flink options, YAML that is not a FlinkDeployment or FlinkSessionJob).")


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"flinklint {__version__}"
    help_text = run("--help").stdout
    assert "examples:" in help_text and "exit codes:" in help_text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["does/not/exist.yaml"], "no such file or directory"),
        (["--flink-version", "1.9", "examples/good"], "unsupported Flink version"),
        (["--flink-version", "banana", "examples/good"], "invalid Flink version"),
        (["--select", "FL9999", "examples/good"], "unknown rule selector"),
        (["--format", "xml", "examples/good"], "unknown format"),
        (["--no-such-option"], "unrecognized arguments"),
        (["rule", "FL999"], "unknown rule"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert_clean_failure(result)
    assert message in result.stderr


def test_bad_settings_file_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".flinklint.toml").write_text("selekt = ['FL1']\n")
    (tmp_path / "flink-conf.yaml").write_text("taskmanager.memory.process.size: 2g\n")
    result = run(str(tmp_path))
    assert_clean_failure(result)
    assert "unknown setting 'selekt'" in result.stderr


def test_rule_command_lists_and_documents() -> None:
    listing = run("rule")
    assert listing.returncode == 0
    assert "FL000" in listing.stdout
    page = run("rule", "internal-error")
    assert page.returncode == 0 and page.stdout.startswith("FL000 internal-error")


def test_stdin() -> None:
    result = run("--format", "concise", "-", stdin="taskmanager.memory.process.size: 2g\n"
                 "jobmanager.memory.process.size: 1600m\n")
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_color_unless_forced() -> None:
    plain = run("--format", "concise", "examples/broken")
    assert "\x1b[" not in plain.stdout
    forced = run("--format", "concise", "examples/broken", env={"FORCE_COLOR": "1"})
    assert "\x1b[" in forced.stdout
    no_color = run("--format", "concise", "examples/broken",
                   env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in no_color.stdout


def test_explain_json_shape_and_exit_codes() -> None:
    import json

    good = run("explain", "--format", "json", "examples/good/flink-conf.yaml")
    assert good.returncode == 0, good.stderr
    document = json.loads(good.stdout)
    assert document["flink_version"] == "1.20"
    assert document["taskmanager"]["ok"] is True
    memory = document["taskmanager"]["memory"]
    assert memory["total_process"] == 4294967296
    assert memory["total_process"] == (memory["total_flink"] + memory["jvm_metaspace"]
                                       + memory["jvm_overhead"])
    assert document["jobmanager"]["jvm_args"] == (
        "-Xmx1073741824 -Xms1073741824 -XX:MaxMetaspaceSize=268435456")
    broken = run("explain", "--format", "json", "examples/broken/flink-conf.yaml")
    assert broken.returncode == 1
    error = json.loads(broken.stdout)["taskmanager"]["error"]
    assert error["code"].startswith("FL2") and isinstance(error["line"], int)
    assert error["flink_message"].startswith("TaskManager memory configuration failed: ")
    both = json.loads(run("explain", "--format", "json", "examples/good/flink-conf.yaml",
                          "examples/k8s/deployment.yaml").stdout)
    assert [d["path"] for d in both] == ["examples/good/flink-conf.yaml",
                                         "examples/k8s/deployment.yaml"]


def test_explain_text_and_bad_input(tmp_path: Path) -> None:
    text = run("explain", "examples/good/flink-conf.yaml")
    assert text.returncode == 0
    assert "Total Process Memory:" in text.stdout and "JVM arguments: -Xmx" in text.stdout
    (tmp_path / "config.yaml").write_text("services: {web: {image: nginx}}\n")
    assert_clean_failure(run("explain", str(tmp_path / "config.yaml")))
