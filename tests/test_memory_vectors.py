"""The verified vectors of FLINK-MEMORY.md section 12, per Flink version.

Each vector is a configuration and what real Flink made of it: JVM arguments, component sizes,
or the top-level exception message. They hold for 1.17 to 1.20; where 1.15/1.16 (network max
1g) or 2.x (no JobManager prefix, legacy keys ignored) differ, the table says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from flinklint.memory import resolve_jobmanager, resolve_taskmanager
from flinklint.memory.model import ProcessModel
from flinklint.versions import SUPPORTED, FlinkVersion, parse_version

TM = "taskmanager.memory."
JM = "jobmanager.memory."
OLD = [v for v in SUPPORTED if not v.at_least(1, 17)]  # network max 1g
V1 = [v for v in SUPPORTED if not v.at_least(2, 0)]
V2 = [v for v in SUPPORTED if v.at_least(2, 0)]
NEW = [v for v in SUPPORTED if v.at_least(1, 17)]
META = 268435456
TM_FAILED = "TaskManager memory configuration failed: "
JM_FAILED = "JobManager memory configuration failed: "


def _jvm(heap: int, direct: int | None) -> str:
    limit = f" -XX:MaxDirectMemorySize={direct}" if direct is not None else ""
    return f"-Xmx{heap} -Xms{heap}{limit} -XX:MaxMetaspaceSize={META}"


def _check(model: ProcessModel, expected: dict[str, Any]) -> None:
    if "error" in expected:
        assert model.failure is not None, model.jvm_args
        assert model.failure.message == expected["error"]
        return
    assert model.failure is None, model.failure
    for key, value in expected.items():
        if key == "jvm":
            assert model.jvm_args == value
        else:
            assert model.size(key) == value, key


def _jm_error(version: FlinkVersion, message: str) -> dict[str, str]:
    return {"error": (JM_FAILED if not version.at_least(2, 0) else "") + message}


VECTORS: list[tuple[str, Sequence[FlinkVersion], dict[str, str], dict[str, Any]]] = [
    (
        "v01",
        SUPPORTED,
        {TM + "process.size": "1728m"},
        {
            "jvm": _jvm(536870902, 268435458),
            "network": 134217730,
            "managed": 536870920,
            "task_heap": 402653174,
            "jvm_overhead": 201326592,
        },
    ),
    (
        "v02",
        SUPPORTED,
        {TM + "process.size": "4096m"},
        {
            "jvm": _jvm(1664299798, 493921243),
            "network": 359703515,
            "managed": 1438814063,
            "task_heap": 1530082070,
            "jvm_overhead": 429496736,
        },
    ),
    ("v03", SUPPORTED, {TM + "flink.size": "1280m"}, {"jvm": _jvm(536870902, 268435458)}),
    (
        "v04",
        SUPPORTED,
        {TM + "task.heap.size": "512m", TM + "managed.size": "512m"},
        {"jvm": _jvm(671088640, 283348539), "network": 149130811, "jvm_overhead": 201326592},
    ),
    (
        "v05",
        SUPPORTED,
        {TM + "process.size": "8g", TM + "network.min": "256m", TM + "network.max": "256m"},
        {
            "jvm": _jvm(4074850170, 402653184),
            "managed": 2985002310,
            "task_heap": 3940632442,
            "jvm_overhead": 858993472,
        },
    ),
    (
        "v06",
        NEW,
        {
            TM + "process.size": "16g",
            TM + "managed.fraction": "0.2",
            TM + "network.fraction": "0.15",
        },
        {
            "jvm": _jvm(10160281868, 2509871608),
            "network": 2375653880,
            "managed": 3167538428,
            "jvm_overhead": 1073741824,
        },
    ),
    (
        "v06-1.15",
        OLD,
        {
            TM + "process.size": "16g",
            TM + "managed.fraction": "0.2",
            TM + "network.fraction": "0.15",
        },
        {"jvm": _jvm(11462193924, 1207959552), "network": 1073741824},
    ),
    (
        "v07",
        SUPPORTED,
        {TM + "process.size": "1g", TM + "flink.size": "1g"},
        {
            "error": TM_FAILED + "The configured Total Process Memory size (1024.000mb (1073741824 "
            "bytes)) is less than the sum of the derived Total Flink Memory size (1024.000mb "
            "(1073741824 bytes)) and the configured or default JVM Metaspace size  (256.000mb "
            "(268435456 bytes))."
        },
    ),
    (
        "v08",
        SUPPORTED,
        {TM + "process.size": "2g", TM + "task.heap.size": "1g", TM + "managed.size": "1g"},
        {
            "error": TM_FAILED + "The configured Total Process Memory size (2.000gb (2147483648 "
            "bytes)) is less than the sum of the derived Total Flink Memory size (2.500gb "
            "(2684354564 bytes)) and the configured or default JVM Metaspace size  (256.000mb "
            "(268435456 bytes))."
        },
    ),
    (
        "v09",
        SUPPORTED,
        {TM + "flink.size": "2g", TM + "task.heap.size": "1g", TM + "managed.size": "512m"},
        {"network": 268435456, "jvm_overhead": 268435460},
    ),
    (
        "v10",
        V1,
        {"taskmanager.heap.size": "1024m"},
        {"jvm": _jvm(402653176, 241591912), "total_flink": 1 << 30},
    ),
    (
        "v11",
        SUPPORTED,
        {TM + "process.size": "500m"},
        {
            "error": TM_FAILED + "Sum of configured Framework Heap Memory (128.000mb (134217728 "
            "bytes)), Framework Off-Heap Memory (128.000mb (134217728 bytes)), Task Off-Heap "
            "Memory (0 bytes), Managed Memory (20.800mb (21810381 bytes)) and Network Memory "
            "(64.000mb (67108864 bytes)) exceed configured Total Flink Memory (52.000mb "
            "(54525952 bytes))."
        },
    ),
    (
        "v12",
        SUPPORTED,
        {
            TM + "process.size": "1728m",
            TM + "network.fraction": "1.0",
            TM + "jvm-overhead.min": "2g",
        },
        {
            "error": TM_FAILED + "Inconsistently configured Key: 'taskmanager.memory.jvm-overhead."
            "fraction' , default: 0.1 (fallback keys: []) (0.10000000149011612) and its min "
            "(2.000gb (2147483648 bytes)), max (1024.000mb (1073741824 bytes)) value"
        },
    ),
    (
        "v13",
        SUPPORTED,
        {TM + "process.size": "1.5g"},
        {
            "error": TM_FAILED
            + "Cannot read memory size from config option '"
            + TM
            + "process.size'."
        },
    ),
    (
        "v14",
        SUPPORTED,
        {TM + "flink.size": "1280m", TM + "task.heap.size": "1g"},
        {
            "error": TM_FAILED + "Sum of configured Framework Heap Memory (128.000mb (134217728 "
            "bytes)), Framework Off-Heap Memory (128.000mb (134217728 bytes)), Task Heap Memory "
            "(1024.000mb (1073741824 bytes)), Task Off-Heap Memory (0 bytes) and Managed Memory "
            "(512.000mb (536870920 bytes)) exceed configured Total Flink Memory (1.250gb "
            "(1342177280 bytes))."
        },
    ),
    (
        "v15",
        V1,
        {
            TM + "process.size": "4g",
            "taskmanager.numberOfTaskSlots": "4",
            "taskmanager.network.numberOfBuffers": "4096",
        },
        {"network": 134217728},
    ),
    (
        "v15-2.0",
        V2,
        {
            TM + "process.size": "4g",
            "taskmanager.numberOfTaskSlots": "4",
            "taskmanager.network.numberOfBuffers": "4096",
        },
        {"network": 359703515},
    ),
    (
        "v16",
        NEW,
        {TM + "process.size": "16g"},
        {
            "jvm": _jvm(7784628106, 1717986942),
            "network": 1583769214,
            "managed": 6335076856,
            "task_heap": 7650410378,
            "jvm_overhead": 1073741824,
        },
    ),
    (
        "v16-1.15",
        OLD,
        {TM + "process.size": "16g"},
        {"jvm": _jvm(8294655496, 1207959552), "network": 1073741824, "task_heap": 8160437768},
    ),
    (
        "v17",
        SUPPORTED,
        {TM + "process.size": "4g", TM + "jvm-overhead.fraction": "0.2"},
        {"jvm": _jvm(1449551433, 450971569), "jvm_overhead": 858993472},
    ),
]


@pytest.mark.parametrize(
    ("config", "version", "expected"),
    [(c, v, e) for name, versions, c, e in VECTORS for v in versions],
    ids=[f"{name}-{v}" for name, versions, _, _ in VECTORS for v in versions],
)
def test_taskmanager_vectors(
    config: dict[str, str], version: FlinkVersion, expected: dict[str, Any]
) -> None:
    _check(resolve_taskmanager(config, version), expected)


JM_VECTORS: list[tuple[str, dict[str, str], Any]] = [
    (
        "v01",
        {JM + "process.size": "1600m"},
        {"jvm": _jvm(1 << 30, None), "jvm_overhead": 201326592},
    ),
    ("v02", {JM + "process.size": "2048m"}, {"jvm_heap": 1530082096, "jvm_overhead": 214748368}),
    ("v03", {JM + "flink.size": "1g"}, {"jvm_heap": 939524096, "jvm_overhead": 201326592}),
    ("v04", {JM + "heap.size": "1g"}, {"jvm_heap": 1 << 30, "jvm_overhead": 201326592}),
    ("v05", {JM + "process.size": "8g"}, {"jvm_heap": 7328287936}),
    (
        "v06",
        {JM + "process.size": "1g", JM + "enable-jvm-direct-memory-limit": "true"},
        {"jvm": _jvm(469762048, 134217728)},
    ),
    (
        "v07",
        {JM + "process.size": "1g", JM + "flink.size": "1g"},
        "The configured Total Process Memory size (1024.000mb (1073741824 bytes)) is less than "
        "the sum of the derived Total Flink Memory size (1024.000mb (1073741824 bytes)) and the "
        "configured or default JVM Metaspace size  (256.000mb (268435456 bytes)).",
    ),
    (
        "v08",
        {JM + "heap.size": "2g", JM + "process.size": "2g"},
        "The configured Total Process Memory size (2.000gb (2147483648 bytes)) is less than the "
        "sum of the derived Total Flink Memory size (2.125gb (2281701376 bytes)) and the "
        "configured or default JVM Metaspace size  (256.000mb (268435456 bytes)).",
    ),
    (
        "v09",
        {JM + "flink.size": "1g", JM + "heap.size": "1g", JM + "off-heap.size": "128m"},
        "Sum of the configured JVM Heap Memory (1024.000mb (1073741824 bytes)) and the configured "
        "Off-heap Memory (128.000mb (134217728 bytes)) does not match the configured Total Flink "
        "Memory (1024.000mb (1073741824 bytes)). Please, make the configuration consistent or "
        "configure only one option: either JVM Heap or Total Flink Memory.",
    ),
    (
        "v11",
        {JM + "process.size": "300m"},
        "Sum of configured JVM Metaspace (256.000mb (268435456 bytes)) and JVM Overhead (192.000mb "
        "(201326592 bytes)) exceed configured Total Process Memory (300.000mb (314572800 bytes)).",
    ),
    (
        "v12",
        {JM + "process.size": "1600m", JM + "jvm-metaspace.size": "2g"},
        "Sum of configured JVM Metaspace (2.000gb (2147483648 bytes)) and JVM Overhead (192.000mb "
        "(201326592 bytes)) exceed configured Total Process Memory (1.563gb (1677721600 bytes)).",
    ),
    (
        "v13",
        {JM + "process.size": '"1600m"'},
        "Cannot read memory size from config option 'jobmanager.memory.process.size'.",
    ),
    (
        "v14",
        {JM + "flink.size": "100m"},
        "The configured Total Flink Memory (100.000mb (104857600 bytes)) is less than the "
        "configured Off-heap Memory (128.000mb (134217728 bytes)).",
    ),
    (
        "v17",
        {JM + "process.size": "1g", JM + "flink.size": "600m", JM + "jvm-overhead.fraction": "0.3"},
        "Derived JVM Overhead size (168.000mb (176160768 bytes)) is not in configured JVM "
        "Overhead range [192.000mb (201326592 bytes), 1024.000mb (1073741824 bytes)].",
    ),
]


@pytest.mark.parametrize(
    ("config", "version", "expected"),
    [(c, v, e) for _, c, e in JM_VECTORS for v in SUPPORTED],
    ids=[f"{name}-{v}" for name, _, _ in JM_VECTORS for v in SUPPORTED],
)
def test_jobmanager_vectors(config: dict[str, str], version: FlinkVersion, expected: Any) -> None:
    if isinstance(expected, str):
        expected = _jm_error(version, expected)
    _check(resolve_jobmanager(config, version), expected)


def test_legacy_heap_keys_map_up_to_1_20_and_are_ignored_from_2_0() -> None:
    config = {"taskmanager.heap.size": "1024m", "jobmanager.heap.size": "1024m"}
    for version in V1:
        assert resolve_jobmanager(config, version).size("jvm_heap") == 1 << 30
        assert resolve_taskmanager(config, version).size("total_flink") == 1 << 30
    for version in V2:
        tm, jm = resolve_taskmanager(config, version), resolve_jobmanager(config, version)
        assert tm.failure is not None and tm.failure.kind == "no-memory-configured"
        assert jm.failure is not None and jm.failure.message.startswith("Either required")


def test_v01_dynamic_configs_in_hashmap_order() -> None:
    config = {TM + "process.size": "1728m", JM + "process.size": "1600m"}
    version = parse_version("1.20")
    assert resolve_taskmanager(config, version).dynamic_configs == (
        "-D taskmanager.memory.network.min=134217730b -D taskmanager.cpu.cores=1.0 "
        "-D taskmanager.memory.task.off-heap.size=0b "
        "-D taskmanager.memory.jvm-metaspace.size=268435456b -D external-resources=none "
        "-D taskmanager.memory.jvm-overhead.min=201326592b "
        "-D taskmanager.memory.framework.off-heap.size=134217728b "
        "-D taskmanager.memory.network.max=134217730b "
        "-D taskmanager.memory.framework.heap.size=134217728b "
        "-D taskmanager.memory.managed.size=536870920b "
        "-D taskmanager.memory.task.heap.size=402653174b -D taskmanager.numberOfTaskSlots=1 "
        "-D taskmanager.memory.jvm-overhead.max=201326592b"
    )
    assert resolve_jobmanager(config, version).dynamic_configs == (
        "-D jobmanager.memory.off-heap.size=134217728b "
        "-D jobmanager.memory.jvm-overhead.min=201326592b "
        "-D jobmanager.memory.jvm-metaspace.size=268435456b "
        "-D jobmanager.memory.heap.size=1073741824b "
        "-D jobmanager.memory.jvm-overhead.max=201326592b"
    )


def test_v15_legacy_buffers_set_cpu_and_slots() -> None:
    config = {
        TM + "process.size": "4g",
        "taskmanager.numberOfTaskSlots": "4",
        "taskmanager.network.numberOfBuffers": "4096",
    }
    dynamic = resolve_taskmanager(config, parse_version("1.18")).dynamic_configs or ""
    assert "-D taskmanager.cpu.cores=4.0 " in dynamic
    assert "-D taskmanager.numberOfTaskSlots=4 " in dynamic
    assert "-D taskmanager.memory.network.min=134217728b " in dynamic
