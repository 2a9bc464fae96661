"""``check`` and ``explain`` judge every golden configuration alike, and as real Flink does.

Both come from :func:`flinklint.verdict.verdict`. For every configuration under
``tests/golden`` (the memory cases of every version, the reader cases, the migrate cases and
the files ``flinklint migrate`` writes from them), each run by real Flink:

* the verdict says a process starts exactly when Flink started it (loaded the file, then
  resolved the process's memory), with Flink's own message when it does not;
* ``check`` reports an error that stops a process (a refusal of the loader, or a finding of a
  memory rule that owns a resolver failure) exactly when the verdict says an error stops one,
  and it reports each stop's code on the stop's line.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.findings import Finding, Severity
from flinklint.loader import load_text
from flinklint.loader.codes import YAML_REFUSALS
from flinklint.rules.advice import judge
from flinklint.rules.index import lint_rules
from flinklint.verdict import NOT_READ, YAML_PARSE_ERROR, Verdict
from flinklint.versions import FileKind, parse_version

GOLDEN = Path(__file__).parent / "golden"
MEMORY = sorted((GOLDEN / "memory").glob("*.json"))


@cache
def _owners() -> frozenset[str]:
    """The memory rules whose findings say Flink refuses to resolve a process."""
    from flinklint.rules.advice import owners

    return frozenset(code for code, _ in owners().values())


def _kind(name: str) -> FileKind:
    return FileKind.LEGACY if name.endswith("flink-conf.yaml") else FileKind.YAML


def _judge(text: str | bytes, name: str, version: str) -> tuple[Verdict, list[Finding]]:
    target = parse_version(version)
    [config] = load_text(text, _kind(name), name, version=target)
    return judge(config, target), lint(config, target, Selection(), rules=lint_rules())


def _agree(text: str | bytes, name: str, version: str) -> tuple[Verdict, str | None]:
    judged, findings = _judge(text, name, version)
    return judged, _disagreement(judged, findings, _kind(name))


def _disagreement(judged: Verdict, findings: list[Finding], kind: FileKind) -> str | None:
    """How check's findings and explain's verdict disagree, if they do."""
    errors = {(f.code, f.line) for f in findings if f.severity is Severity.ERROR}
    reported = {(f.code, f.line) for f in findings}
    for process in judged:
        stop = process.stop
        if stop is None or not stop.code:
            continue
        if (stop.code, stop.line) not in (errors if stop.severity == "error" else reported):
            return f"{process.process}: explain says {stop.code} line {stop.line}, check does not"
    stopping = _owners() | {NOT_READ} | (YAML_REFUSALS if kind is FileKind.YAML else set())
    said = sorted(code for code, _ in errors if code in stopping)
    if said and not judged.failed:
        return f"check reports {said}, yet explain says both processes start"
    return None


def _memory_cases() -> list[tuple[str, dict[str, Any]]]:
    return [(path.stem, case) for path in MEMORY
            for case in json.loads(path.read_text(encoding="utf-8"))["cases"]]


@cache
def _all_memory_cases() -> tuple[tuple[str, dict[str, Any]], ...]:
    return tuple(_memory_cases())


@pytest.mark.parametrize("path", MEMORY, ids=[p.stem for p in MEMORY])
def test_memory_goldens_check_and_explain_agree_with_each_other_and_flink(path: Path) -> None:
    version = path.stem
    problems = []
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        judged, problem = _agree(case["text"], case["file"], version)
        loaded = case["load"]["ok"]
        for process in judged:
            want = loaded and case[process.process]["ok"]
            if process.starts != want:
                problems.append(f"{case['id']} {process.process}: starts={process.starts}, "
                                f"Flink: {want}")
            elif not want and not loaded:
                if process.stop is None or process.stop.stage != "load":
                    problems.append(f"{case['id']}: Flink stops loading it, explain does not")
            elif not want and process.stop is not None:
                flink = case[process.process]["error"][0].split(": ", 1)[1]
                if process.stop.flink_message != flink:
                    problems.append(f"{case['id']} {process.process}: message "
                                    f"{process.stop.flink_message!r} != {flink!r}")
        if problem:
            problems.append(f"{case['id']}: {problem}")
    assert not problems, f"{len(problems)} problems, first: " + "\n".join(problems[:5])


READER = GOLDEN / "reader"


def _reader_cases() -> list[tuple[str, str, dict[str, Any]]]:
    expected = json.loads((READER / "expected.json").read_text(encoding="utf-8"))
    return [(name, version, row) for name, rows in sorted(expected.items())
            for version, row in sorted(rows.items())]


def test_reader_goldens_stop_exactly_where_flink_stops_loading() -> None:
    problems = []
    for name, version, row in _reader_cases():
        judged, problem = _agree((READER / "cases" / name).read_bytes(), name, version)
        stop = judged.taskmanager.stop
        loading = stop is not None and stop.stage == "load"
        if loading != (not row["ok"]):
            problems.append(f"{name}@{version}: load stop {loading}, Flink ok {row['ok']}")
        elif loading:
            assert stop is not None
            flink = row["error"][0].split(": ", 1)[1]
            assert flink == YAML_PARSE_ERROR
            if stop.flink_message != flink or judged.jobmanager.stop != stop:
                problems.append(f"{name}@{version}: {stop}")
        if problem:
            problems.append(f"{name}@{version}: {problem}")
    assert not problems, f"{len(problems)} problems, first: " + "\n".join(problems[:5])


def test_migrate_goldens_and_their_migrated_files_agree() -> None:
    expected = json.loads((GOLDEN / "migrate" / "expected.json").read_text(encoding="utf-8"))
    problems = []
    for case in expected["cases"]:
        name = f"{case['name']}.flink-conf.yaml"
        runs: list[tuple[str | bytes, str, str, str]] = [
            ((GOLDEN / "migrate" / "cases" / name).read_bytes(), "1.20", "legacy", name)]
        if "v2" in case["texts"] and "v2" in case["reads"]:
            runs.append((case["texts"]["v2"], "2.3", "v2", "config.yaml"))
        for text, version, read, file in runs:
            judged, problem = _agree(text, file, version)
            stop = judged.taskmanager.stop
            loading = stop is not None and stop.stage == "load"
            if loading != (not case["reads"][read]["ok"]):
                problems.append(f"{case['name']} {read}: load stop {loading}")
            if problem:
                problems.append(f"{case['name']} {read}: {problem}")
    assert not problems, f"{len(problems)} problems, first: " + "\n".join(problems[:5])


def test_a_file_the_version_does_not_read_stops_with_flinks_message(tmp_path: Path) -> None:
    conf = tmp_path / "flink-conf.yaml"
    conf.write_text("taskmanager.memory.process.size: 4g\n", encoding="utf-8")
    version = parse_version("2.0")
    [config] = load_text(conf.read_bytes(), FileKind.LEGACY, str(conf), version=version)
    judged = judge(config, version)
    assert judged.failed
    stop = judged.taskmanager.stop
    assert stop is not None and (stop.stage, stop.code, stop.line) == ("load", "FL009", 1)
    target = tmp_path / "config.yaml"
    assert stop.flink_message == (
        f"The Flink config file '{target}' ({target}) does not exist.")
    # with the file Flink does read beside it, Flink starts from that one: no message of its own
    target.write_text("taskmanager.memory.process.size: 4g\n", encoding="utf-8")
    again = judge(config, version).taskmanager.stop
    assert again is not None and again.flink_message == "" and again.code == "FL009"
