"""``flinklint explain`` names a memory flag of ``env.java.opts*`` that replaces Flink's own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flinklint.cli import main

MEM = "taskmanager.memory.process.size: 1728m\njobmanager.memory.process.size: 1600m\n"


def _explain(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *args: str) -> str:
    path = tmp_path / "flink-conf.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["explain", *args, "--flink-version", "1.20", str(path)]) == 0
    return capsys.readouterr().out


def test_json_lists_the_override_per_process(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    text = MEM + "env.java.opts.taskmanager: -XX:+UseG1GC -Xmx2g\n"
    doc = json.loads(_explain(tmp_path, capsys, text, "--format", "json"))
    assert doc["taskmanager"]["jvm_overrides"] == [{
        "flag": "-Xmx2g", "replaces": "-Xmx536870902", "key": "env.java.opts.taskmanager",
        "line": 3, "code": "FL331"}]
    assert "jvm_overrides" not in doc["jobmanager"]


def test_json_without_overrides_keeps_its_shape(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(_explain(tmp_path, capsys, MEM + "env.java.opts.all: -Xmx1g -Dx=1\n",
                              "--format", "json"))
    assert "jvm_overrides" in doc["taskmanager"]
    assert "jvm_overrides" not in doc["jobmanager"]  # -Xmx1g is the JobManager's own heap
    doc = json.loads(_explain(tmp_path, capsys, MEM, "--format", "json"))
    assert "jvm_overrides" not in doc["taskmanager"] and "jvm_overrides" not in doc["jobmanager"]


def test_text_has_one_line_per_override(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = _explain(tmp_path, capsys, MEM + "env.java.opts.all: -XX:MaxMetaspaceSize=512m\n")
    lines = [line for line in out.splitlines() if line.startswith("  Overridden:")]
    assert lines == [
        "  Overridden: -XX:MaxMetaspaceSize=512m from env.java.opts.all, line 3 replaces "
        "-XX:MaxMetaspaceSize=268435456: the JVM keeps the last one (FL331)",
    ] * 2
