"""The configurations ``make_runtime_goldens.py`` asks real Flink about (run-time memory).

Each case is ``(id, effective configuration, managed memory of one slot or None)``: how Flink
names the state backend, reads the managed-memory consumer weights, the runtime mode and
RocksDB's memory options, and (with a slot size) what RocksDB's shared memory becomes.
"""

from __future__ import annotations

Case = tuple[str, dict[str, str], int | None]
MB = 1 << 20
WEIGHTS = "taskmanager.memory.managed.consumer-weights"
R = "state.backend.rocksdb.memory."
ROCKS = {"state.backend": "rocksdb", "state.backend.type": "rocksdb"}
NAMES = (
    "hashmap", "HashMap", "jobmanager", "filesystem", "rocksdb", "RocksDB", "forst", " hashmap",
    "org.apache.flink.runtime.state.hashmap.HashMapStateBackendFactory",
    "org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackendFactory",
    "org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackendFactory",
    "org.apache.flink.state.forst.ForStStateBackendFactory", "bogus",
)  # fmt: skip
WEIGHT_VALUES = (
    "OPERATOR:70,PYTHON:30", "DATAPROC:70,PYTHON:30", "STATE_BACKEND:0,OPERATOR:70", "PYTHON:30",
    "OPERATOR:-1", "OPERATOR:70,STATE_BACKEND:70,PYTHON:30,DATAPROC:5", "operator:70",
    "{OPERATOR: 70, PYTHON: 30}", "OPERATOR:x", "'OPERATOR:70,STATE_BACKEND:70'",
    "OPERATOR: 70, PYTHON: 30", " OPERATOR:70 , PYTHON:30 ", "'OPERATOR':70,\"PYTHON\":'30'",
    "OPERATOR:70,", "OPERATOR:70;PYTHON:30", "OPERATOR:+70", "{OPERATOR: 70, STATE_BACKEND: 0}",
    "{OPERATOR: '70', STATE_BACKEND: '0'}", "", "OPERATOR:70,OPERATOR:0", "OPERATOR:3000000000",
    "{OPERATOR:70}", "{OPERATOR: 70,PYTHON: 30}", "{ OPERATOR : 70 }", "{OPERATOR: 0x10}",
    "{OPERATOR: 70,}", "{OPERATOR:70", "STATE_BACKEND:70",
)  # fmt: skip


def cases() -> list[Case]:
    out: list[Case] = [("empty", {}, None)]
    for key in ("state.backend", "state.backend.type"):
        out += [(f"{key}={name}", {key: name}, None) for name in NAMES]
    out.append(("both-type-rocksdb", {"state.backend": "hashmap", "state.backend.type": "rocksdb"},
                None))
    out.append(("both-type-hashmap", {"state.backend": "rocksdb", "state.backend.type": "hashmap"},
                None))
    for value in WEIGHT_VALUES:
        out.append((f"weights={value}", {WEIGHTS: value}, None))
        out.append((f"weights={value}+rocksdb", {WEIGHTS: value, **ROCKS}, 256 * MB))
    out.append(("weights-prefixed", {WEIGHTS + ".OPERATOR": "70", WEIGHTS + ".PYTHON": "30"},
                None))
    for mode in ("batch", "BATCH", "automatic", "Streaming", "bogus", " batch"):
        out.append((f"mode={mode}", {"execution.runtime-mode": mode}, None))
    for managed in (0, 1, 32768, 64 * MB, 512 * MB):
        out.append((f"rocksdb-managed-{managed}", dict(ROCKS), managed))
        fixed = {**ROCKS, R + "fixed-per-slot": "128m"}
        out.append((f"rocksdb-fixed-128m-managed-{managed}", fixed, managed))
    out += [
        ("rocksdb-unmanaged", {**ROCKS, R + "managed": "false"}, 64 * MB),
        ("rocksdb-unmanaged-upper", {**ROCKS, R + "managed": "FALSE"}, 64 * MB),
        ("rocksdb-unmanaged-fixed-tm", {**ROCKS, R + "managed": "false", R + "fixed-per-tm": "1g"},
         64 * MB),
        ("rocksdb-unmanaged-fixed-tm-0", {**ROCKS, R + "managed": "false", R + "fixed-per-tm": "0"},
         64 * MB),
        ("rocksdb-fixed-tm", {**ROCKS, R + "fixed-per-tm": "1g"}, 64 * MB),
        ("rocksdb-unmanaged-fixed-slot",
         {**ROCKS, R + "managed": "false", R + "fixed-per-slot": "256m"}, 64 * MB),
        ("rocksdb-fixed-0", {**ROCKS, R + "fixed-per-slot": "0"}, 64 * MB),
        ("rocksdb-ratios-ok", {**ROCKS, R + "write-buffer-ratio": "0.6",
                               R + "high-prio-pool-ratio": "0.2"}, 64 * MB),
        ("rocksdb-ratios-sum", {**ROCKS, R + "write-buffer-ratio": "0.9",
                                R + "high-prio-pool-ratio": "0.2"}, None),
        ("rocksdb-ratio-one", {**ROCKS, R + "write-buffer-ratio": "1"}, None),
        ("rocksdb-managed-bad", {**ROCKS, R + "managed": "nope"}, None),
        ("rocksdb-fixed-bad", {**ROCKS, R + "fixed-per-slot": "lots"}, None),
        ("forst", {"state.backend.type": "forst"}, None),
        ("forst-unmanaged", {"state.backend.type": "forst",
                             "state.backend.forst.memory.managed": "false"}, None),
    ]
    return out
