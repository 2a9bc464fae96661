"""``explain --compare``: both sides against real Flink, and the changes between them.

Every comparison below is checked against ``tests/golden/memory`` for *both* versions: each
side's sizes must be the bytes Flink logged ("Final TaskExecutor/Master Memory
configuration"), its JVM arguments Flink's, a process that Flink refused must not start, and
the ``changes`` list must be exactly the components whose logged bytes differ. A
``flink-conf.yaml`` compared with 2.x is resolved as the ``config.yaml`` ``flinklint migrate``
writes; where that text is the file itself, the 2.x golden of the same case is what Flink 2.x
does with it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from flinklint.loader import load_text
from flinklint.migration import Settings, migrate
from flinklint.report.explain import JM_MEMORY, TM_MEMORY
from flinklint.report.explain_compare import (
    Comparison,
    changes,
    compare_json,
    compare_text,
    key_changes,
)
from flinklint.report.explain_markdown import compare_markdown
from flinklint.rules.advice import judge
from flinklint.versions import FileKind, parse_version

GOLDEN = Path(__file__).parent / "golden" / "memory"
# the components in the order of Flink's "Final ... Memory configuration" log lines (None: a sum)
TM_LOG = ("total_process", "total_flink", None, "framework_heap", "task_heap", None, "managed",
          None, "framework_off_heap", "task_off_heap", "network", "jvm_metaspace",
          "jvm_overhead")
JM_LOG = ("total_process", "total_flink", "jvm_heap", "off_heap", "jvm_metaspace",
          "jvm_overhead")
_BYTES = re.compile(r"\(?(\d+) bytes\)?\s*$")  # "1.5gb (1610612736 bytes)", "1 bytes"


@cache
def _cases(version: str) -> dict[tuple[str, str], dict[str, Any]]:
    data = json.loads((GOLDEN / f"{version}.json").read_text(encoding="utf-8"))
    return {(case["id"], case["file"]): case for case in data["cases"]}


def _logged(record: dict[str, Any], process: str) -> dict[str, int]:
    """The sizes Flink logged for a process it started."""
    start = "Final TaskExecutor" if process == "taskmanager" else "Final Master"
    logs = record["logs"]
    first = next(i for i, line in enumerate(logs) if start in line) + 1
    names = TM_LOG if process == "taskmanager" else JM_LOG
    sizes = {}
    for name, line in zip(names, logs[first:first + len(names)], strict=True):
        found = _BYTES.search(line)
        if name is not None:
            assert found, line
            sizes[name] = int(found.group(1))
    return sizes


def _expected(case: dict[str, Any], process: str) -> dict[str, int] | None:
    record = case[process]
    return _logged(record, process) if case["load"]["ok"] and record["ok"] else None


def _side(document: dict[str, Any], case: dict[str, Any], where: str) -> list[str]:
    problems = []
    for process in ("taskmanager", "jobmanager"):
        want = _expected(case, process)
        got = document[process]
        if want is None:
            if got["ok"]:
                problems.append(f"{where} {process}: starts, Flink refused it")
            continue
        if not got["ok"]:
            problems.append(f"{where} {process}: does not start, Flink started it")
        elif got["memory"] != want or got["jvm_args"] != case[process]["jvm_args"]:
            problems.append(f"{where} {process}: {got['memory']} != Flink's {want}")
    return problems


def _changes(case_a: dict[str, Any], case_b: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for process, names in (("taskmanager", TM_MEMORY), ("jobmanager", JM_MEMORY)):
        a, b = _expected(case_a, process), _expected(case_b, process)
        for name in names:
            old, new = (a or {}).get(name), (b or {}).get(name)
            if old != new:
                out.append({"process": process, "component": name, "from": old, "to": new})
    return out


def _compare(text: str, file: str, before: str, after: str) -> Comparison:
    a, b = parse_version(before), parse_version(after)
    kind = FileKind.LEGACY if file == "flink-conf.yaml" else FileKind.YAML
    [config] = load_text(text, kind, file, version=a)
    migrated = kind is FileKind.LEGACY and not b.reads_legacy_file
    if migrated:
        text, kind = migrate(text, Settings(b)).text, FileKind.YAML
    [config_b] = load_text(text, kind, "config.yaml" if migrated else file, version=b)
    return Comparison(a, b, judge(config, a), judge(config_b, b), migrated,
                      key_changes(config, a, b))


# (before, after, file, whether some case differs between the two in Flink)
PAIRS = [
    ("1.20", "2.0", "config.yaml", True),
    ("2.3", "1.19", "config.yaml", True),
    ("1.18", "1.20", "flink-conf.yaml", False),
    ("1.15", "1.17", "flink-conf.yaml", True),
    ("1.20", "2.3", "flink-conf.yaml", False),  # through migrate, where it writes the file as is
]


@pytest.mark.parametrize(("before", "after", "file", "differ"), PAIRS,
                         ids=[f"{a}-{b}-{f}" for a, b, f, _ in PAIRS])
def test_both_sides_and_the_changes_are_what_flink_does(before: str, after: str, file: str,
                                                        differ: bool) -> None:
    cases_b = _cases(after)
    problems: list[str] = []
    compared = differing = 0
    for (case_id, case_file), case_a in _cases(before).items():
        other = "config.yaml" if file == "flink-conf.yaml" and after.startswith("2.") else file
        case_b = cases_b.get((case_id, other))
        if case_file != file or case_b is None or case_b["text"] != case_a["text"]:
            continue
        if other != file and migrate(case_a["text"], Settings(parse_version(after))).text != (
                case_a["text"]):
            continue
        comparison = _compare(case_a["text"], file, before, after)
        from flinklint.report.explain import process_json

        side_a = {p.process: process_json(p) for p in comparison.a}
        document = compare_json(comparison)
        problems += _side(side_a, case_a, f"{case_id} {before}")
        problems += _side(document, case_b, f"{case_id} {after}")
        if document["changes"] != _changes(case_a, case_b):
            problems.append(f"{case_id}: changes {document['changes']}")
        compared += 1
        differing += bool(document["changes"])
    assert compared > 100 and bool(differing) is differ, (compared, differing)
    assert not problems, f"{len(problems)} problems, first: " + "\n".join(problems[:5])


def test_a_flink_conf_yaml_compared_with_2x_is_the_migrated_file() -> None:
    text = ("taskmanager.memory.process.size: 4g\ntaskmanager.heap.size: 1g\n"
            "jobmanager.memory.process.size: 1600m\nstate.backend: rocksdb\n")
    comparison = _compare(text, "flink-conf.yaml", "1.20", "2.0")
    document = compare_json(comparison)
    assert document["migrated"] is True
    assert document["flink_version"] == "2.0"
    assert [(k["key"], k["line"], k["change"], k["replacement"]) for k in document["keys"]] == [
        ("taskmanager.heap.size", 2, "removed", "taskmanager.memory.flink.size")]
    text_view = compare_text("conf/flink-conf.yaml", comparison)
    assert text_view.splitlines()[0] == (
        "conf/flink-conf.yaml: Flink 1.20 compared with Flink 2.0 (as the config.yaml that "
        "`flinklint migrate` writes for it)")
    assert "  taskmanager.heap.size (line 2): Flink 2.0 no longer reads it; use " \
           "taskmanager.memory.flink.size" in text_view
    assert "`flinklint migrate`" in compare_markdown("conf/flink-conf.yaml", comparison)


def test_the_diff_view_marks_what_changes_and_names_the_removed_key() -> None:
    # tm-buffers in the goldens: 1.20 sizes network memory by numberOfBuffers, 2.0 ignores it
    case = _cases("1.20")[("tm-buffers", "config.yaml")]
    comparison = _compare(case["text"], "config.yaml", "1.20", "2.0")
    assert changes(comparison) == [
        {"process": "taskmanager", "component": "task_heap", "from": 1755567857,
         "to": 1530082070},
        {"process": "taskmanager", "component": "network", "from": 134217728, "to": 359703515},
    ]
    view = compare_text("config.yaml", comparison).splitlines()
    assert [line.split()[1] for line in view if line.startswith("~")] == [
        "JVM", "Task", "Off-Heap", "Direct", "Network"]
    assert ("~         Network Memory       128mb (134217728 bytes)     343.04mb (359703515 "
            "bytes)  +215.04mb") in view
    assert view[-1] == (
        "  taskmanager.network.numberOfBuffers (line 2): Flink 2.0 no longer reads it; use "
        "taskmanager.memory.network.min (set taskmanager.memory.network.min and "
        "taskmanager.memory.network.max to the number of buffers times "
        "taskmanager.memory.segment-size)")
    same = _compare(case["text"], "config.yaml", "2.0", "2.3")
    assert changes(same) == [] and not any(
        line.startswith("~") for line in compare_text("c", same).splitlines())
    table = compare_markdown("config.yaml", comparison)
    assert "| **\u2003\u2003\u2003\u2003Network Memory** | 134217728 | 359703515 | +215.04mb |" \
        in table.splitlines()
