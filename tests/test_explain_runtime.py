"""``flinklint explain`` shows the run-time notes (FL4xx) beside the layout: the same code,
lines and messages as ``flinklint check``, in text and JSON, for each file kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flinklint.cli import main
from flinklint.memory import resolve_jobmanager, resolve_taskmanager
from flinklint.report.explain import Note, explain_json, explain_text
from flinklint.verdict import ProcessVerdict, Verdict
from flinklint.versions import parse_version

JM = "jobmanager.memory.process.size: 1600m\n"
TM = "taskmanager.memory.process.size: 4g\n"
MANIFEST = """apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: orders
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "4"
    state.backend.type: rocksdb
    state.backend.rocksdb.memory.managed: "false"
    state.backend.rocksdb.memory.fixed-per-slot: 1g
    taskmanager.memory.managed.consumer-weights: "OPERATOR:70"
  jobManager:
    resource:
      memory: 1600m
      cpu: 1
  taskManager:
    resource:
      memory: 4g
      cpu: 2
"""
FILES = [
    ("flink-conf.yaml", TM + JM + "state.backend.type: hashmap\n", ["FL401"]),
    ("config.yaml", "execution.target: kubernetes-application\n" + TM
     + "taskmanager.memory.managed.size: 0\n" + JM + "state.backend.type: rocksdb\n"
     + "state.backend.rocksdb.memory.managed: false\n", ["FL402"]),
    ("config.yaml", TM + "taskmanager.memory.managed.size: 0\n" + JM
     + "state.backend.type: rocksdb\ntaskmanager.memory.managed.consumer-weights: PYTHON:30\n",
     ["FL403", "FL404"]),
    ("deployment.yaml", MANIFEST, ["FL405"]),
    ("flink-conf.yaml", TM + JM + "state.backend.type: rocksdb\n", []),
]


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    main(["check", "--select", "FL4", "--format", "json", str(path)])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return found


@pytest.mark.parametrize(("name", "text", "codes"), FILES,
                         ids=[f"{n}-{'-'.join(c) or 'none'}" for n, _, c in FILES])
def test_explain_shows_what_check_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          name: str, text: str, codes: list[str]) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    reported = _check(path, capsys)
    assert [f["code"] for f in reported] == codes
    main(["explain", "--format", "json", str(path)])
    runtime = json.loads(capsys.readouterr().out)["taskmanager"]["runtime"]
    expected = [{"code": f["code"], "line": f["line"],
                 "message": f["message"]} for f in reported]
    assert sorted(runtime, key=lambda n: n["code"]) == expected
    main(["explain", str(path)])
    out = capsys.readouterr().out
    lines = [line.strip() for line in out.splitlines()]
    for note in expected:
        assert f"{note['code']} (line {note['line']}): {note['message']}" in lines
    assert ("At run time (Flink's memory guides):" in out) is bool(codes)


def test_no_container_notes_when_the_deployment_is_unknown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Unbounded RocksDB in a plain file: whether a container kills it is unknown (FL402)."""
    path = tmp_path / "flink-conf.yaml"
    path.write_text(TM + JM + "state.backend.type: rocksdb\n"
                    "state.backend.rocksdb.memory.managed: false\n", encoding="utf-8")
    main(["explain", "--format", "json", str(path)])
    assert json.loads(capsys.readouterr().out)["taskmanager"]["runtime"] == []


def test_renderers_place_notes_under_the_taskmanager() -> None:
    version = parse_version("1.20")
    config = {"taskmanager.memory.process.size": "4g", "jobmanager.memory.process.size": "1g"}
    tm, jm = resolve_taskmanager(config, version), resolve_jobmanager(config, version)
    judged = Verdict(ProcessVerdict("taskmanager", tm, None),
                     ProcessVerdict("jobmanager", jm, None))
    notes = [Note("FL401", 3, "managed memory is reserved for nothing")]
    text = explain_text("f", version, config, judged, notes=notes).splitlines()
    at = text.index("  At run time (Flink's memory guides):")
    assert text[at + 1] == "    FL401 (line 3): managed memory is reserved for nothing"
    assert text.index("JobManager") > at
    doc = explain_json("f", version, config, judged, notes=notes)
    assert doc["taskmanager"]["runtime"] == [
        {"code": "FL401", "line": 3, "message": "managed memory is reserved for nothing"}]
    assert "runtime" not in doc["jobmanager"]
