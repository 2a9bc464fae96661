"""Who uses the TaskManager's managed memory at run time, as Flink reads it from the options.

The resolver (:mod:`flinklint.memory.taskmanager`) says how large managed memory is; this module
says which consumers Flink will hand it to, reading the same effective configuration the way
Flink's run-time classes do, per version:

* :func:`state_backend`: ``StateBackendLoader``: which backend ``state.backend.type`` (1.17+)
  or ``state.backend`` names. Shortcut names are matched in any case (``hashmap``, ``rocksdb``;
  ``jobmanager`` and ``filesystem`` mean the heap backend up to 1.20 and nothing from 2.0;
  ``forst`` from 2.0); anything else is the class name of a factory.
* :func:`consumer_weights`: ``ManagedMemoryUtils.getManagedMemoryUseCaseWeightsFromConfig``:
  ``taskmanager.memory.managed.consumer-weights`` as weights of ``OPERATOR``,
  ``STATE_BACKEND`` and ``PYTHON`` (up to 1.20 ``DATAPROC`` stands in for the first two; names
  are case-sensitive; a consumer left out gets nothing).
* :func:`runtime_mode`: ``execution.runtime-mode`` (``STREAMING`` by default).
* :func:`rocksdb_memory` and :func:`rocksdb_bound`: ``RocksDBMemoryConfiguration`` and
  ``RocksDBSharedResourcesFactory``: what bounds RocksDB's native memory (a fixed size per
  slot, the slot's managed memory, a fixed size per TaskManager from 1.17, or nothing).

Every function returns None where Flink would fail to read the value (the job, not the cluster,
fails then) so that rules built on it stay silent rather than guess. Checked against real Flink
for every supported version: ``tests/golden/runtime/<X.Y>.json``, made by
``tools/make_runtime_goldens.py``.
"""

from __future__ import annotations

from collections.abc import Mapping

from flinklint.records import dataclass
from flinklint.values.javanum import JavaError, parse_boolean, parse_double, parse_int
from flinklint.values.units import parse_memory_size
from flinklint.versions import FlinkVersion

HEAP, ROCKSDB, FORST = "hashmap", "rocksdb", "forst"
OPERATOR, STATE_BACKEND, PYTHON = "OPERATOR", "STATE_BACKEND", "PYTHON"
WEIGHTS_KEY = "taskmanager.memory.managed.consumer-weights"
DEFAULT_WEIGHTS = {OPERATOR: 70, STATE_BACKEND: 70, PYTHON: 30}
MODE_KEY = "execution.runtime-mode"
ROCKSDB_MANAGED = "state.backend.rocksdb.memory.managed"
FIXED_PER_SLOT = "state.backend.rocksdb.memory.fixed-per-slot"
FIXED_PER_TM = "state.backend.rocksdb.memory.fixed-per-tm"
WRITE_BUFFER_RATIO = "state.backend.rocksdb.memory.write-buffer-ratio"
HIGH_PRIO_RATIO = "state.backend.rocksdb.memory.high-prio-pool-ratio"
PYTHON_MANAGED = "python.fn-execution.memory.managed"

_FACTORIES = {
    "org.apache.flink.runtime.state.hashmap.HashMapStateBackendFactory": (HEAP, None),
    "org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackendFactory": (ROCKSDB, None),
    "org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackendFactory": (ROCKSDB, (2, 0)),
    "org.apache.flink.state.forst.ForStStateBackendFactory": (FORST, (2, 0)),
}


@dataclass(frozen=True, slots=True)
class Backend:
    """The state backend a configuration names: ``kind`` is HEAP, ROCKSDB or FORST."""

    kind: str
    key: str
    value: str

    @property
    def uses_managed_memory(self) -> bool:
        """``StateBackend.useManagedMemory()``: false for the heap backend only."""
        return self.kind != HEAP


@dataclass(frozen=True, slots=True)
class RocksDBMemory:
    managed: bool
    fixed_per_slot: int | None
    fixed_per_tm: int | None


def backend_keys(version: FlinkVersion) -> tuple[str, ...]:
    """Keys naming the backend, main key first: ``state.backend`` became a deprecated key of
    ``state.backend.type`` in 1.17."""
    if version.at_least(1, 17):
        return ("state.backend.type", "state.backend")
    return ("state.backend",)


def state_backend(effective: Mapping[str, str], version: FlinkVersion) -> Backend | None:
    """The backend the configuration names, or None: not named (Flink's default is the heap
    backend, unless the job sets one in its code), or a name Flink cannot load or that is a
    factory of someone else's."""
    key = next((k for k in backend_keys(version) if k in effective), None)
    if key is None:
        return None
    value = effective[key]
    name = value.lower()
    legacy = not version.at_least(2, 0)
    if name == HEAP or (legacy and name in ("jobmanager", "filesystem")):
        return Backend(HEAP, key, value)
    if name == ROCKSDB or (name == FORST and not legacy):
        return Backend(name, key, value)
    kind, since = _FACTORIES.get(value, (None, None))
    if kind is None or (since is not None and not version.at_least(*since)):
        return None
    return Backend(kind, key, value)


def consumer_weights(effective: Mapping[str, str], version: FlinkVersion) -> dict[str, int] | None:
    """The weight of each managed-memory use case Flink finds (a use case left out has none),
    or None when Flink cannot read the option (the job then fails)."""
    raw = effective.get(WEIGHTS_KEY)
    if raw is None:
        prefix = WEIGHTS_KEY + "."
        entries = {k[len(prefix):]: v for k, v in effective.items() if k.startswith(prefix)}
        configured: dict[str, str] | None = entries or dict(
            (k, str(v)) for k, v in DEFAULT_WEIGHTS.items()
        )
    else:
        configured = _parse_map(raw, version)
    if configured is None:
        return None
    fallbacks = () if version.at_least(2, 0) else ("DATAPROC",)
    weights: dict[str, int] = {}
    for use_case in (OPERATOR, STATE_BACKEND, PYTHON):
        names = (use_case, *fallbacks) if use_case != PYTHON else (use_case,)
        text = next((configured[n] for n in names if n in configured), None)
        if text is None:
            continue
        weight = _java_int(text)
        if weight is None or weight < 0:
            return None
        weights[use_case] = weight
    return weights


def _java_int(text: str) -> int | None:
    try:
        return parse_int(text)
    except JavaError:
        return None


def _parse_map(raw: str, version: FlinkVersion) -> dict[str, str] | None:
    """A map option's string as Flink reads it, or None where Flink refuses it or flinklint
    does not model it (quotes in ``k:v,k:v``). From 1.19 a ``{...}`` value is a YAML flow map
    (``{OPERATOR: 70}``; without the space, ``OPERATOR:70`` is a key of its own); otherwise
    Flink splits at ``,`` and ``:``."""
    text = raw.strip()
    if version.at_least(1, 19) and text.startswith("{") and text.endswith("}"):
        return _flow_map(text[1:-1])
    if "'" in text or '"' in text:
        return None
    items = [item.strip() for item in text.split(",")]
    if items and not items[-1]:
        items.pop()
    result: dict[str, str] = {}
    for item in items:
        key, colon, value = item.partition(":")
        if not colon or ":" in value or key.strip() in result:
            return None
        result[key.strip()] = value.strip()
    return result


def _flow_map(body: str) -> dict[str, str] | None:
    items = [item.strip() for item in body.split(",")]
    if items and not items[-1]:
        items.pop()
    result: dict[str, str] = {}
    for item in items:
        key, colon, value = item.partition(": ")
        plain_key = _scalar(key.strip())
        if not colon:
            if item in DEFAULT_WEIGHTS or item == "DATAPROC":
                return None  # a weight without a value
            continue
        plain_value = _scalar(value.strip())
        if plain_key is None or plain_value is None or plain_key in result:
            return None
        result[plain_key] = plain_value
    return result


def _scalar(text: str) -> str | None:
    """A YAML 1.2 flow scalar as the string Flink makes of it (integers in decimal)."""
    if text[:1] in ("'", '"'):
        return text[1:-1] if len(text) > 1 and text[-1] == text[0] else None
    if any(c in text for c in "{}[]#&*!|>%@`"):
        return None
    import re

    if re.fullmatch(r"[-+]?[0-9]+", text):
        return str(int(text))
    if re.fullmatch(r"0x[0-9a-fA-F]+", text):
        return str(int(text[2:], 16))
    if re.fullmatch(r"0o[0-7]+", text):
        return str(int(text[2:], 8))
    return text


def runtime_mode(effective: Mapping[str, str]) -> str | None:
    """``STREAMING``, ``BATCH`` or ``AUTOMATIC``; None when Flink cannot read the value."""
    mode = effective.get(MODE_KEY, "STREAMING").upper()
    return mode if mode in ("STREAMING", "BATCH", "AUTOMATIC") else None


def python_uses_managed_memory(effective: Mapping[str, str]) -> bool:
    """Whether the configuration is set up for Python jobs whose workers take managed memory
    (any ``python.*`` option, unless ``python.fn-execution.memory.managed`` is false)."""
    if not any(key.startswith("python.") for key in effective):
        return False
    return effective.get(PYTHON_MANAGED, "true").lower() != "false"


def rocksdb_memory(effective: Mapping[str, str], version: FlinkVersion) -> RocksDBMemory | None:
    """RocksDB's memory options as Flink reads them; None when one cannot be read."""
    try:
        managed = parse_boolean(effective.get(ROCKSDB_MANAGED, "true"))
        sizes = [parse_memory_size(effective[k]) if k in effective else None
                 for k in (FIXED_PER_SLOT, FIXED_PER_TM)]
        write = parse_double(effective.get(WRITE_BUFFER_RATIO, "0.5"))
        high = parse_double(effective.get(HIGH_PRIO_RATIO, "0.1"))
    except JavaError:
        return None
    # RocksDBMemoryConfiguration: each ratio in (0, 1), and validate()
    if not (0 < write < 1 and 0 < high < 1) or 2 * write / (3 - write) + high >= 1:
        return None
    per_tm = sizes[1] if version.at_least(1, 17) else None
    return RocksDBMemory(managed, sizes[0], per_tm)


def rocksdb_bound(memory: RocksDBMemory) -> str | None:
    """What bounds RocksDB's memory (``RocksDBSharedResourcesFactory.from``): ``fixed-per-slot``,
    ``managed``, ``fixed-per-tm`` (a positive size, 1.17+) or None (nothing: each column family
    allocates on its own)."""
    if memory.fixed_per_slot is not None:
        return "fixed-per-slot"
    if memory.managed:
        return "managed"
    if memory.fixed_per_tm:
        return "fixed-per-tm"
    return None
