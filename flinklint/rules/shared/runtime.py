"""What the run-time memory rules (``FL4xx``) share: one fact of Flink's memory guides each.

Each ``FL4xx`` rule reports one :class:`Note` of :func:`notes`, and ``flinklint explain`` prints
the same notes beside the TaskManager's layout, so the two never disagree. A note is built only
from what the configuration says exactly: the resolved TaskManager (sizes come from the
resolver, :attr:`Context.taskmanager`) and Flink's reading of the run-time options
(:mod:`flinklint.memory.runtime`). Anything that depends on the job itself (a state backend set
in code, SQL window operators, PyFlink) is named in the message, never guessed.

Whether the TaskManager runs in a container (Kubernetes, YARN, Docker: the container is killed
when the process outgrows its size) is known from a manifest (the Kubernetes operator),
``execution.target`` (``kubernetes-*``, ``yarn-*``) or a ``deployment`` of flinklint's settings
(``docker``, ``kubernetes``, ``operator``, ``yarn``, recorded in the configuration's ``meta`` or
given in the rule options); a standalone deployment, or one nothing says, gets no note about
containers.
"""

from __future__ import annotations

from flinklint.memory import resolve_process
from flinklint.memory import runtime as rt
from flinklint.records import dataclass
from flinklint.rules.shared.memory import applies, is_manifest, size
from flinklint.values.javanum import JavaError, parse_int

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from flinklint.engine.rule import Context
    from flinklint.memory.model import ProcessModel

MANAGED_SIZE = "taskmanager.memory.managed.size"
MANAGED_FRACTION = "taskmanager.memory.managed.fraction"
LEGACY_MANAGED = "taskmanager.memory.size"
SLOTS = "taskmanager.numberOfTaskSlots"
CONTAINER_TARGETS = ("kubernetes-session", "kubernetes-application", "yarn-session",
                     "yarn-per-job", "yarn-application")
CONTAINER_DEPLOYMENTS = ("docker", "kubernetes", "operator", "yarn")


@dataclass(frozen=True, slots=True)
class Note:
    """One run-time fact: the rule's code, the keys to point at (most responsible first) and
    the message."""

    code: str
    keys: tuple[str, ...]
    message: str


def containerized(ctx: Context) -> bool:
    """Whether the TaskManager runs in a container that is killed when the process outgrows
    its size: a manifest, ``execution.target`` ``kubernetes-*``/``yarn-*``, or a deployment of
    ``docker``, ``kubernetes``, ``operator`` or ``yarn`` recorded for the file or given in the
    options. Anything else (standalone, or nothing said) is not known to be one."""
    if is_manifest(ctx.config):
        return True
    for said in (ctx.config.meta.get("deployment"), ctx.options.get("deployment")):
        if isinstance(said, str) and said.lower() in CONTAINER_DEPLOYMENTS:
            return True
    target = ctx.config.effective.get("execution.target", "")
    return target.lower() in CONTAINER_TARGETS


def _taskmanager(ctx: Context) -> ProcessModel | None:
    if not applies(ctx.config):
        return None
    model = ctx.taskmanager
    return model if model.ok and "managed" in model.components else None


def _where(ctx: Context, key: str) -> str:
    """``state.backend.type: hashmap`` as the file says it."""
    return f"{key}: {ctx.config.effective[key]}"


def _rocksdb(ctx: Context) -> tuple[rt.Backend, rt.RocksDBMemory] | None:
    backend = rt.state_backend(ctx.config.effective, ctx.version)
    if backend is None or backend.kind != rt.ROCKSDB:
        return None
    memory = rt.rocksdb_memory(ctx.config.effective, ctx.version)
    return (backend, memory) if memory is not None else None


# -- FL401 ------------------------------------------------------------------------------------


def managed_keys(effective: Mapping[str, str]) -> tuple[str, ...]:
    """The keys that set managed memory, most responsible first."""
    return tuple(k for k in (MANAGED_SIZE, LEGACY_MANAGED, MANAGED_FRACTION) if k in effective)


def unused_managed(ctx: Context) -> Note | None:
    """The heap backend in a streaming job leaves managed memory to no one (mem_tuning)."""
    model = _taskmanager(ctx)
    effective = ctx.config.effective
    backend = rt.state_backend(effective, ctx.version)
    if model is None or backend is None or backend.kind != rt.HEAP:
        return None
    managed = model.size("managed")
    if managed == 0 or rt.runtime_mode(effective) != "STREAMING":
        return None
    if rt.python_uses_managed_memory(effective):
        return None
    weights = rt.consumer_weights(effective, ctx.version)
    if weights is None or (_weights_configured(effective) and weights.get(rt.PYTHON, 0) > 0):
        return None
    gain = zero_managed_gain(ctx, model)
    alias = "" if backend.value.lower() == rt.HEAP else " (Flink's heap backend)"
    message = (
        f"{_where(ctx, backend.key)}{alias} keeps state on the JVM heap and does not use managed "
        f"memory, and the job runs in STREAMING mode: the TaskManager's {size(managed)} of "
        f"managed memory is reserved for nothing (unless jobs run PyFlink or SQL window "
        f"aggregations, Top-N or deduplication, which use it). Flink's memory tuning guide: "
        f"set managed memory to zero{gain}"
    )
    return Note("FL401", (*managed_keys(effective), backend.key), message)


def _weights_configured(effective: Mapping[str, str]) -> bool:
    prefix = rt.WEIGHTS_KEY + "."
    return any(k == rt.WEIGHTS_KEY or k.startswith(prefix) for k in effective)


def zero_managed(effective: Mapping[str, str]) -> dict[str, str]:
    """The effective configuration with managed memory set to zero the way the fix does it:
    the key that sets it now says 0 (a fraction becomes 0), or ``managed.size: 0`` is added."""
    changed = dict(effective)
    keys = managed_keys(effective)
    changed[keys[0] if keys else MANAGED_SIZE] = "0"
    return changed


def zero_managed_gain(ctx: Context, model: ProcessModel) -> str:
    """``; the task heap grows by 1.2gb`` from the resolver run on the changed configuration."""
    after = resolve_process(ctx.config, ctx.version, "taskmanager",
                            zero_managed(ctx.config.effective))
    if not after.ok:
        return ""
    parts = []
    for name, label in (("task_heap", "the task heap"), ("network", "network memory")):
        grown = after.size(name) - model.size(name)
        if grown > 0:
            parts.append(f"{label} grows by {size(grown)}")
    shrunk = model.size("total_process") - after.size("total_process")
    if shrunk > 0:
        parts.append(f"the process shrinks by {size(shrunk)}")
    return "; with it " + " and ".join(parts) if parts else ""


# -- FL402 ------------------------------------------------------------------------------------


def unbounded_rocksdb(ctx: Context) -> Note | None:
    """RocksDB with no memory bound in a container (mem_tuning, large_state_tuning)."""
    model = _taskmanager(ctx)
    found = _rocksdb(ctx)
    if model is None or found is None or rt.rocksdb_bound(found[1]) is not None:
        return None
    if not containerized(ctx):
        return None
    per_tm = " or fixed-per-tm" if ctx.version.at_least(1, 17) else ""
    message = (
        f"RocksDB's native memory has no bound: {rt.ROCKSDB_MANAGED} is false and no "
        f"fixed-per-slot{per_tm} size is set, so every state of every task allocates its own "
        f"write buffers and block cache (the large-state tuning guide's rule of thumb: about "
        f"140mb x states x slots) outside Flink's memory budget; the container is killed when "
        f"the TaskManager outgrows its {size(model.size('total_process'))} process size"
    )
    return Note("FL402", (rt.ROCKSDB_MANAGED, found[0].key), message)


# -- FL403 ------------------------------------------------------------------------------------


def rocksdb_without_managed(ctx: Context) -> Note | None:
    """RocksDB bounded by managed memory while the TaskManager has none."""
    model = _taskmanager(ctx)
    found = _rocksdb(ctx)
    if model is None or found is None or rt.rocksdb_bound(found[1]) != "managed":
        return None
    if model.size("managed") != 0:
        return None
    keys = managed_keys(ctx.config.effective)
    why = f" ({_where(ctx, keys[0])})" if keys else ""
    message = (
        f"RocksDB takes its memory from managed memory ({rt.ROCKSDB_MANAGED} is true), but "
        f"the TaskManager has none{why}: Flink gives RocksDB a 0-byte block cache and write "
        f"buffer manager, which RocksDB reads as no limit, so nothing is cached and write "
        f"buffers grow per state outside Flink's memory budget; give the TaskManager managed "
        f"memory"
    )
    return Note("FL403", (*keys, found[0].key), message)


# -- FL404 ------------------------------------------------------------------------------------


def rocksdb_weight_zero(ctx: Context) -> Note | None:
    """RocksDB bounded by managed memory while the consumer weights give it no share."""
    model = _taskmanager(ctx)
    found = _rocksdb(ctx)
    effective = ctx.config.effective
    if model is None or found is None or rt.rocksdb_bound(found[1]) != "managed":
        return None
    if not _weights_configured(effective):
        return None
    weights = rt.consumer_weights(effective, ctx.version)
    if weights is None or weights.get(rt.STATE_BACKEND, 0) > 0:
        return None
    dataproc = ""
    if ctx.version.at_least(2, 0) and "DATAPROC" in _weight_names(effective):
        dataproc = " (Flink 2.x no longer reads DATAPROC)"
    message = (
        f"{rt.WEIGHTS_KEY} gives STATE_BACKEND no weight{dataproc}, so RocksDB, which takes "
        f"its memory from managed memory, gets a fraction of 0 and every task with keyed "
        f"state fails to start: \"The fraction of memory to allocate should not be 0. Please "
        f"make sure that all types of managed memory consumers contained in the job are "
        f"configured with a non-negative weight via `{rt.WEIGHTS_KEY}`.\"; add STATE_BACKEND "
        f"with a positive weight (Flink's default is STATE_BACKEND:70)"
    )
    return Note("FL404", (rt.WEIGHTS_KEY, *_prefixed(effective), found[0].key), message)


def _prefixed(effective: Mapping[str, str]) -> list[str]:
    prefix = rt.WEIGHTS_KEY + "."
    return [k for k in effective if k.startswith(prefix)]


def _weight_names(effective: Mapping[str, str]) -> str:
    return effective.get(rt.WEIGHTS_KEY, "") + " ".join(_prefixed(effective))


# -- FL405 ------------------------------------------------------------------------------------


def rocksdb_fixed_outside(ctx: Context) -> Note | None:
    """RocksDB's fixed memory per slot beyond the managed memory it leaves unused."""
    model = _taskmanager(ctx)
    found = _rocksdb(ctx)
    if model is None or found is None or rt.rocksdb_bound(found[1]) != "fixed-per-slot":
        return None
    if not containerized(ctx):
        return None
    slots = _slots(ctx.config.effective)
    fixed = found[1].fixed_per_slot
    if slots is None or fixed is None:
        return None
    total, managed = fixed * slots, model.size("managed")
    if total <= managed:
        return None
    message = (
        f"RocksDB takes {rt.FIXED_PER_SLOT} = {size(fixed)} per slot outside managed memory, "
        f"{size(total)} for {slots} slot{'s' if slots != 1 else ''}, while the managed memory "
        f"it leaves unused is only {size(managed)}: the TaskManager can outgrow its "
        f"{size(model.size('total_process'))} process size by {size(total - managed)} and "
        f"the container is killed; lower fixed-per-slot or raise managed memory to at least "
        f"{size(total)}"
    )
    return Note("FL405", (rt.FIXED_PER_SLOT, found[0].key), message)


def _slots(effective: Mapping[str, str]) -> int | None:
    try:
        slots = parse_int(effective.get(SLOTS, "1"))
    except JavaError:
        return None
    return slots if slots > 0 else None


FACTS: dict[str, Callable[[Context], Note | None]] = {
    "FL401": unused_managed,
    "FL402": unbounded_rocksdb,
    "FL403": rocksdb_without_managed,
    "FL404": rocksdb_weight_zero,
    "FL405": rocksdb_fixed_outside,
}


def notes(ctx: Context) -> list[Note]:
    """Every run-time note for the configuration, in code order."""
    return [note for fact in FACTS.values() if (note := fact(ctx)) is not None]
