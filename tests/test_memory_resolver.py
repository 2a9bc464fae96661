"""What the resolver adds to Flink's own output: failure kinds and keys, provenance, clamps.

Byte-for-byte agreement with Flink is checked by ``test_memory_golden.py``; here the data a rule
relies on is pinned, and the resolver is fuzzed to prove it never raises.
"""

from __future__ import annotations

import string
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flinklint.memory import resolve_jobmanager, resolve_taskmanager
from flinklint.memory.failures import KINDS
from flinklint.memory.inverse import NEVER, least
from flinklint.memory.model import Origin, ProcessModel
from flinklint.versions import SUPPORTED, parse_version

V120 = parse_version("1.20")
TM = "taskmanager.memory."
JM = "jobmanager.memory."

FAILURES: list[tuple[Any, dict[str, str], str, tuple[str, ...], dict[str, int]]] = [
    (resolve_taskmanager, {}, "no-memory-configured", (TM + "process.size", TM + "flink.size"), {}),
    (
        resolve_taskmanager,
        {TM + "process.size": "1.5g"},
        "invalid-size",
        (TM + "process.size",),
        {},
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "1728m", TM + "managed.fraction": "abc"},
        "invalid-fraction",
        (TM + "managed.fraction",),
        {},
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "1728m", TM + "managed.fraction": "1.5"},
        "inconsistent-fraction",
        (TM + "managed.fraction",),
        {"min": 0, "max": 2**63 - 1},
    ),
    (
        resolve_taskmanager,  # the deprecated keys the user wrote are the keys reported
        {
            TM + "process.size": "1728m",
            "taskmanager.network.memory.min": "512m",
            "taskmanager.network.memory.max": "256m",
        },
        "network-min-exceeds-max",
        ("taskmanager.network.memory.min", "taskmanager.network.memory.max"),
        {"min": 512 << 20, "max": 256 << 20},
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "1728m", TM + "jvm-overhead.min": "2g"},
        "overhead-min-exceeds-max",
        (TM + "jvm-overhead.min",),  # only keys the file sets: the max is a default
        {"min": 2 << 30, "max": 1 << 30},
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "2g", TM + "flink.size": "1g", TM + "jvm-overhead.max": "300m"},
        "overhead-out-of-range",
        (TM + "process.size", TM + "flink.size", TM + "jvm-overhead.max"),
        {
            "overhead": 768 << 20,
            "min": 192 << 20,
            "max": 300 << 20,
            "process": 2 << 30,
            "flink": 1 << 30,
            "metaspace": 256 << 20,
        },
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "1g", TM + "flink.size": "1g"},
        "process-below-flink-plus-metaspace",
        (TM + "process.size", TM + "flink.size"),
        {"process": 1 << 30, "flink": 1 << 30, "metaspace": 256 << 20},
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "300m"},
        "metaspace-overhead-exceed-process",
        (TM + "process.size",),
        {"process": 300 << 20, "metaspace": 256 << 20, "overhead": 192 << 20},
    ),
    (
        resolve_taskmanager,
        {TM + "flink.size": "1280m", TM + "task.heap.size": "1g"},
        "fine-grained-sum-exceeds-flink",
        (TM + "flink.size", TM + "task.heap.size"),
        {
            "flink": 1280 << 20,
            "framework_heap": 128 << 20,
            "framework_off_heap": 128 << 20,
            "task_off_heap": 0,
            "task_heap": 1 << 30,
            "managed": 536870920,
        },
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "500m"},
        "derived-sum-exceeds-flink",
        (TM + "process.size",),
        {
            "flink": 52 << 20,
            "framework_heap": 128 << 20,
            "framework_off_heap": 128 << 20,
            "task_off_heap": 0,
            "managed": 21810381,
            "network": 64 << 20,
        },
    ),
    (
        resolve_taskmanager,
        {
            TM + "flink.size": "2g",
            TM + "task.heap.size": "1g",
            "taskmanager.memory.size": "128m",
            TM + "network.max": "256m",
        },
        "network-out-of-range-derived",
        (TM + "flink.size", TM + "task.heap.size", "taskmanager.memory.size", TM + "network.max"),
        {"network": 640 << 20, "min": 64 << 20, "max": 256 << 20, "flink": 2 << 30},
    ),
    (
        resolve_taskmanager,
        {
            TM + "flink.size": "2g",
            TM + "task.heap.size": "1g",
            TM + "managed.size": "128m",
            "taskmanager.network.numberOfBuffers": "100",
        },
        "network-legacy-mismatch",
        (
            "taskmanager.network.numberOfBuffers",
            TM + "flink.size",
            TM + "task.heap.size",
            TM + "managed.size",
        ),
        {"network": 640 << 20, "configured": 3276800},
    ),
    (
        resolve_taskmanager,
        {
            TM + "process.size": "2g",
            "taskmanager.network.numberOfBuffers": "100",
            TM + "segment-size": "1000",
        },
        "segment-size-invalid",
        (TM + "segment-size",),
        {"segment_size": 1000},
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "2g", "taskmanager.network.numberOfBuffers": "-1"},
        "negative-size",
        ("taskmanager.network.numberOfBuffers",),
        {},
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "2g", "taskmanager.cpu.cores": "0"},
        "cpu-not-positive",
        ("taskmanager.cpu.cores",),
        {"cores": 0},
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "2g", "taskmanager.numberOfTaskSlots": "0"},
        "cpu-not-positive",
        ("taskmanager.numberOfTaskSlots",),
        {"cores": 0},
    ),
    (
        resolve_taskmanager,
        {TM + "process.size": "2g", "taskmanager.numberOfTaskSlots": "x"},
        "invalid-number",
        ("taskmanager.numberOfTaskSlots",),
        {},
    ),
    (
        resolve_taskmanager,
        {TM + "flink.size": "9223372036854775807"},
        "long-overflow",
        (TM + "flink.size",),
        {},
    ),
    (
        resolve_taskmanager,
        {"taskmanager.heap.mb": "-1"},
        "negative-size",
        ("taskmanager.heap.mb",),
        {"megabytes": -1},
    ),
    (
        resolve_jobmanager,
        {JM + "flink.size": "1g", JM + "heap.size": "2g"},
        "jm-heap-exceeds-flink",
        (JM + "heap.size", JM + "flink.size"),
        {"heap": 2 << 30, "flink": 1 << 30},
    ),
    (
        resolve_jobmanager,
        {JM + "flink.size": "1g", JM + "heap.size": "1g", JM + "off-heap.size": "128m"},
        "jm-heap-offheap-mismatch",
        (JM + "flink.size", JM + "heap.size", JM + "off-heap.size"),
        {"heap": 1 << 30, "off_heap": 128 << 20, "flink": 1 << 30},
    ),
    (
        resolve_jobmanager,
        {JM + "flink.size": "100m"},
        "jm-flink-below-offheap",
        (JM + "flink.size",),
        {"flink": 100 << 20, "off_heap": 128 << 20},
    ),
    (
        resolve_jobmanager,
        {JM + "process.size": "1g", JM + "enable-jvm-direct-memory-limit": "yes"},
        "invalid-boolean",
        (JM + "enable-jvm-direct-memory-limit",),
        {},
    ),
]


@pytest.mark.parametrize(("resolve", "config", "kind", "keys", "numbers"), FAILURES)
def test_failure_kind_keys_and_numbers(
    resolve: Any, config: dict[str, str], kind: str, keys: tuple[str, ...], numbers: dict[str, int]
) -> None:
    model: ProcessModel = resolve(config, V120)
    assert model.failure is not None
    assert (model.failure.kind, model.failure.keys, model.failure.numbers) == (kind, keys, numbers)
    assert kind in KINDS
    assert model.failure.chain[0].endswith(": " + model.failure.message)
    assert model.jvm_args is None and model.dynamic_configs is None


def test_every_documented_kind_is_a_kebab_case_identifier() -> None:
    assert len(KINDS) == len(set(KINDS)) >= 20
    assert all(set(kind) <= set(string.ascii_lowercase + "-") for kind in KINDS)


def _provenance(model: ProcessModel) -> dict[str, tuple[Origin, str | None, str]]:
    return {name: (c.origin, c.key, c.basis) for name, c in model.components.items()}


def test_provenance_of_the_default_taskmanager() -> None:
    model = resolve_taskmanager({TM + "process.size": "1728m"}, V120)
    got = _provenance(model)
    assert got["total_process"] == (Origin.EXPLICIT, TM + "process.size", "")
    assert got["framework_heap"] == (Origin.DEFAULT, TM + "framework.heap.size", "")
    assert got["managed"] == (
        Origin.DERIVED,
        TM + "managed.fraction",
        "0.4 x total Flink memory",
    )
    assert got["network"] == (Origin.DERIVED, TM + "network.fraction", "0.1 x total Flink memory")
    assert got["jvm_overhead"] == (
        Origin.DERIVED,
        TM + "jvm-overhead.min",
        "0.1 x total process memory, raised to its minimum",
    )
    assert got["task_heap"][0] is Origin.DERIVED
    assert set(got) == {
        "total_process", "total_flink", "framework_heap", "task_heap", "framework_off_heap",
        "task_off_heap", "managed", "network", "jvm_metaspace", "jvm_overhead",
    }  # fmt: skip
    assert sum(model.size(n) for n in ("total_flink", "jvm_metaspace", "jvm_overhead")) == (
        model.size("total_process")
    )


def test_provenance_of_fallback_and_legacy_keys() -> None:
    config = {"taskmanager.heap.size": "1g", "taskmanager.memory.size": "256m"}
    model = resolve_taskmanager(config, V120)
    assert model.components["total_flink"].origin is Origin.LEGACY
    assert model.components["total_flink"].key == "taskmanager.heap.size"
    assert model.components["managed"].origin is Origin.FALLBACK
    assert model.components["managed"].key == "taskmanager.memory.size"
    assert any("deprecated configuration key 'taskmanager.memory.size'" in x for x in model.logs)


def test_clamps_are_recorded() -> None:
    model = resolve_taskmanager({TM + "process.size": "1728m"}, V120)
    (clamp,) = model.clamps
    assert (clamp.component, clamp.derived, clamp.used, clamp.bound, clamp.key) == (
        "jvm overhead memory",
        181193935,
        201326592,
        "min",
        TM + "jvm-overhead.min",
    )
    assert model.logs[0] == (
        "INFO  [] - The derived from fraction jvm overhead memory (172.800mb (181193935 bytes)) "
        "is less than its min value 192.000mb (201326592 bytes), min value will be used instead"
    )


def test_jobmanager_provenance() -> None:
    model = resolve_jobmanager({JM + "process.size": "1600m"}, V120)
    assert _provenance(model)["off_heap"] == (Origin.DEFAULT, JM + "off-heap.size", "")
    assert model.components["jvm_heap"].origin is Origin.DERIVED
    assert set(model.components) == {
        "total_process", "total_flink", "jvm_heap", "off_heap", "jvm_metaspace", "jvm_overhead",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("config", "key", "expected_mib"),
    [
        ({TM + "process.size": "500m"}, TM + "process.size", 982),
        ({TM + "process.size": "1g", TM + "flink.size": "1g"}, TM + "process.size", 1472),
        (
            {
                JM + "process.size": "1g",
                JM + "flink.size": "600m",
                JM + "jvm-overhead.fraction": "0.3",
            },
            JM + "process.size",
            1048,
        ),
        ({JM + "process.size": "300m"}, JM + "process.size", 577),
    ],
)
def test_smallest_size_is_the_first_that_works(
    config: dict[str, str], key: str, expected_mib: int
) -> None:
    process = key.partition(".")[0]
    size = least(config, V120, {}, False, process, key)
    assert size is not None and size is not NEVER and -(-size // (1 << 20)) == expected_mib
    resolve = resolve_jobmanager if key.startswith("jobmanager") else resolve_taskmanager
    assert resolve({**config, key: f"{expected_mib}m"}, V120).ok
    assert not resolve({**config, key: f"{expected_mib - 1}m"}, V120).ok


def test_smallest_size_gives_up_when_another_key_is_at_fault() -> None:
    config = {TM + "process.size": "2g", TM + "managed.fraction": "2"}
    assert least(config, V120, {}, False, "taskmanager", TM + "process.size") in (None, NEVER)


_KEYS = [
    TM + s
    for s in (
        "process.size", "flink.size", "task.heap.size", "managed.size", "managed.fraction",
        "network.min", "network.max", "network.fraction", "jvm-metaspace.size",
        "jvm-overhead.min", "jvm-overhead.max", "jvm-overhead.fraction", "segment-size",
        "framework.heap.size", "task.off-heap.size",
    )
] + [
    "taskmanager.memory.size", "taskmanager.network.memory.fraction", "taskmanager.heap.size",
    "taskmanager.heap.mb", "taskmanager.cpu.cores", "taskmanager.numberOfTaskSlots",
    "taskmanager.network.numberOfBuffers", "external-resources", JM + "process.size",
    JM + "flink.size", JM + "heap.size", JM + "off-heap.size", JM + "jvm-overhead.fraction",
    JM + "enable-jvm-direct-memory-limit", "jobmanager.heap.mb",
]  # fmt: skip
_VALUES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["1g", "0", "-1", "NaN", "1e39", "0.5", "9223372036854775807", "8388607t"]),
    st.integers(min_value=0, max_value=2**64).map(str),
    st.floats(allow_nan=True).map(repr),
)


@settings(max_examples=300, deadline=None)
@given(
    config=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=8),
    version=st.sampled_from(SUPPORTED),
)
def test_never_raises(config: dict[str, str], version: Any) -> None:
    for resolve in (resolve_taskmanager, resolve_jobmanager):
        model = resolve(config, version)
        if model.failure is None:
            assert model.jvm_args and model.dynamic_configs
        else:
            assert model.failure.kind in KINDS
            assert model.failure.kind != "internal-error", model.failure.chain


EXTERNAL = {
    TM + "process.size": "2g",
    "external-resources": "[gpu, fpga]",
    "external-resource.gpu.amount": "1",
    "external-resource.fpga.amount": "2",
}


def test_external_resources_as_a_yaml_list_in_config_yaml() -> None:
    # printed by BashJavaUtils 1.20 for this config.yaml
    model = resolve_taskmanager(EXTERNAL, V120, None, True)
    assert model.dynamic_configs == (
        "-D taskmanager.memory.network.min=166429984b -D taskmanager.cpu.cores=1.0 "
        "-D taskmanager.memory.task.off-heap.size=0b "
        "-D taskmanager.memory.jvm-metaspace.size=268435456b "
        '-D external-resources="fpga;gpu" -D taskmanager.memory.jvm-overhead.min=214748368b '
        "-D taskmanager.memory.framework.off-heap.size=134217728b "
        "-D taskmanager.memory.network.max=166429984b -D external-resource.fpga.amount=2 "
        "-D taskmanager.memory.framework.heap.size=134217728b "
        "-D taskmanager.memory.managed.size=665719939b "
        "-D taskmanager.memory.task.heap.size=563714445b -D taskmanager.numberOfTaskSlots=1 "
        "-D taskmanager.memory.jvm-overhead.max=214748368b -D external-resource.gpu.amount=1"
    )
    assert resolve_taskmanager(EXTERNAL, V120, {"external-resources": "list"}).dynamic_configs == (
        model.dynamic_configs
    )


def test_external_resources_list_is_one_name_in_flink_conf_yaml() -> None:
    model = resolve_taskmanager(EXTERNAL, V120)  # 1.19/1.20 default: flink-conf.yaml
    assert "-D external-resources=none " in (model.dynamic_configs or "")
    assert model.logs[0] == (
        "WARN  [] - The amount of the [gpu, fpga] should be configured. Will ignore that resource."
    )
    two = resolve_taskmanager(EXTERNAL, parse_version("2.0"))  # 2.x reads config.yaml only
    assert '-D external-resources="fpga;gpu" ' in (two.dynamic_configs or "")
