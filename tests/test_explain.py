"""``flinklint explain``: the JSON shape and the text tree."""

from __future__ import annotations

import json

from flinklint.memory import resolve_jobmanager, resolve_taskmanager
from flinklint.memory.model import ProcessModel
from flinklint.report.explain import explain_json, explain_text
from flinklint.verdict import Advice, Advisor, Verdict, verdict
from flinklint.versions import parse_version

V = parse_version("1.20")
DEFAULTS = {"taskmanager.memory.process.size": "1728m", "jobmanager.memory.process.size": "1600m"}
BROKEN = {
    "taskmanager.memory.process.size": "1g",
    "taskmanager.memory.flink.size": "1g",
    "jobmanager.memory.process.size": "300m",
}


def _models(config: dict[str, str], advise: Advisor | None = None) -> Verdict:
    """Both processes of ``config`` judged, as a ``flink-conf.yaml`` of Flink 1.20."""
    from flinklint.loader import load_text
    from flinklint.versions import FileKind

    loaded = load_text("".join(f"{k}: {v}\n" for k, v in config.items()), FileKind.LEGACY,
                       "flink-conf.yaml", version=V)[0]
    return verdict(loaded, V, resolve_taskmanager(config, V), resolve_jobmanager(config, V),
                   advise)


def test_json_of_a_working_configuration() -> None:
    doc = explain_json("conf/flink-conf.yaml", V, DEFAULTS, _models(DEFAULTS))
    assert doc == {
        "path": "conf/flink-conf.yaml",
        "flink_version": "1.20",
        "effective": DEFAULTS,
        "taskmanager": {
            "ok": True,
            "memory": {
                "total_process": 1811939328,
                "total_flink": 1342177280,
                "framework_heap": 134217728,
                "task_heap": 402653174,
                "framework_off_heap": 134217728,
                "task_off_heap": 0,
                "managed": 536870920,
                "network": 134217730,
                "jvm_metaspace": 268435456,
                "jvm_overhead": 201326592,
            },
            "jvm_args": "-Xmx536870902 -Xms536870902 -XX:MaxDirectMemorySize=268435458 "
            "-XX:MaxMetaspaceSize=268435456",
            "error": None,
            "runtime": [],
        },
        "jobmanager": {
            "ok": True,
            "memory": {
                "total_process": 1677721600,
                "total_flink": 1207959552,
                "jvm_heap": 1073741824,
                "off_heap": 134217728,
                "jvm_metaspace": 268435456,
                "jvm_overhead": 201326592,
            },
            "jvm_args": "-Xmx1073741824 -Xms1073741824 -XX:MaxMetaspaceSize=268435456",
            "error": None,
        },
    }
    assert list(doc["taskmanager"]["memory"]) == [
        "total_process", "total_flink", "framework_heap", "task_heap", "framework_off_heap",
        "task_off_heap", "managed", "network", "jvm_metaspace", "jvm_overhead",
    ]  # fmt: skip
    json.dumps(doc)  # serialisable as is


def test_json_of_a_failure_with_the_default_advice() -> None:
    doc = explain_json("config.yaml", V, BROKEN, _models(BROKEN))
    assert doc["taskmanager"] == {
        "ok": False,
        "memory": None,
        "jvm_args": None,
        "error": {
            "code": "FL200",
            "line": None,
            "message": "Total process memory (1gb) is smaller than total Flink memory (1gb) plus "
            "JVM metaspace (256mb), with nothing left for JVM overhead: raise the process size or "
            "set only one of the two totals.",
            "flink_message": "TaskManager memory configuration failed: The configured Total "
            "Process Memory size (1024.000mb (1073741824 bytes)) is less than the sum of the "
            "derived Total Flink Memory size (1024.000mb (1073741824 bytes)) and the configured "
            "or default JVM Metaspace size  (256.000mb (268435456 bytes)).",
            "stage": "resolve",
            "severity": "error",
        },
        "runtime": [],
    }
    assert doc["jobmanager"]["error"]["message"] == (
        "Total process memory (300mb) is too small: JVM metaspace (256mb) and JVM overhead "
        "(192mb) alone need more."
    )


def test_advice_comes_from_the_callback_when_it_has_some() -> None:
    seen = []

    def advise(process: str, model: ProcessModel) -> Advice | None:
        seen.append((process, model.failure.kind if model.failure else None))
        return (
            Advice("FL203", 2, "Remove one of the two totals.")
            if process == "taskmanager"
            else None
        )

    doc = explain_json("config.yaml", V, BROKEN, _models(BROKEN, advise))
    assert doc["taskmanager"]["error"]["code"] == "FL203"
    assert doc["taskmanager"]["error"]["line"] == 2
    assert doc["taskmanager"]["error"]["message"] == "Remove one of the two totals."
    assert doc["jobmanager"]["error"]["code"] == "FL200"  # no advice: the default
    assert seen == [
        ("taskmanager", "process-below-flink-plus-metaspace"),
        ("jobmanager", "metaspace-overhead-exceed-process"),
    ]


def test_text_tree_mirrors_flinks_log_with_shares_and_provenance() -> None:
    config = {**DEFAULTS, "taskmanager.memory.managed.fraction": "0.3"}
    lines = {"taskmanager.memory.process.size": 1, "taskmanager.memory.managed.fraction": 3}
    text = explain_text("conf/flink-conf.yaml", V, config, _models(config), lines=lines)
    rows = text.splitlines()
    assert rows[0] == "conf/flink-conf.yaml (Flink 1.20, 3 effective keys)"
    assert rows[2] == "TaskManager"
    assert rows[3] == (
        "  Total Process Memory:          1.688gb (1811939328 bytes)     100.0%  "
        "taskmanager.memory.process.size (line 1)"
    )
    assert rows[5].startswith("      Total JVM Heap Memory:     640.000mb (671088622 bytes)")
    assert rows[5].endswith("37.0%")  # a sum has no provenance of its own
    assert (
        "        Managed:                 384.000mb (402653200 bytes)     22.2%  derived: 0.3 x "
        "total Flink memory (taskmanager.memory.managed.fraction, line 3)" in rows
    )
    assert "        Framework:               128.000mb (134217728 bytes)      7.4%  default" in rows
    assert "  Silently adjusted by Flink:" in rows
    assert (
        "    JVM overhead raised to its minimum 192mb (derived 172.8mb; "
        "taskmanager.memory.jvm-overhead.min)" in rows
    )
    assert (
        "  JVM arguments: -Xmx671088622 -Xms671088622 -XX:MaxDirectMemorySize=268435458 "
        "-XX:MaxMetaspaceSize=268435456" in rows
    )
    assert "JobManager" in rows
    assert "\x1b[" not in text and "█" not in text


def test_text_takes_lines_from_a_callable_and_names_deprecated_keys() -> None:
    config = {"taskmanager.memory.flink.size": "1g", "taskmanager.memory.size": "256m"}
    text = explain_text(
        "f.yaml", V, config, _models(config), lines=lambda key: 7 if "size" in key else None
    )
    assert "taskmanager.memory.size (deprecated key, line 7)" in text
    assert "taskmanager.memory.flink.size (line 7)" in text


def test_text_names_legacy_keys() -> None:
    config = {"taskmanager.heap.size": "1g", "jobmanager.heap.size": "1g"}
    text = explain_text("f.yaml", V, config, _models(config))
    assert "Total Flink Memory:          1024.000mb (1073741824 bytes)" in text
    assert "taskmanager.heap.size (legacy key)" in text
    assert "jobmanager.heap.size (legacy key)" in text


def test_text_on_a_terminal_draws_proportional_bars_in_colour() -> None:
    text = explain_text("f.yaml", V, DEFAULTS, _models(DEFAULTS), terminal=True)
    assert "\x1b[1mTaskManager\x1b[0m" in text
    assert "\x1b[36m" + "█" * 20 + "\x1b[0m" in text  # the whole process
    assert "\x1b[36m██████████████▉     \x1b[0m" in text  # total Flink memory, 74.1%


def test_text_of_a_failure_shows_flinks_message_and_the_advice() -> None:
    text = explain_text("config.yaml", V, BROKEN, _models(BROKEN))
    rows = text.splitlines()
    index = rows.index("TaskManager: Flink refuses to start it")
    assert rows[index + 1].startswith(
        "  Flink says: TaskManager memory configuration failed: The configured Total Process"
    )
    assert rows[index + 2].startswith("  FL200: Total process memory (1gb) is smaller")
    assert "JobManager: Flink refuses to start it" in rows


def test_text_of_a_failure_shows_the_advice_line() -> None:
    def advise(process: str, model: ProcessModel) -> Advice:
        return Advice("FL205", 4, "Make the process larger.")

    text = explain_text("config.yaml", V, BROKEN, _models(BROKEN, advise))
    assert "  FL205 (line 4): Make the process larger." in text.splitlines()
