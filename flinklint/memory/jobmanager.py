"""Resolve a JobManager's memory exactly as Flink's ``BashJavaUtils GET_JM_RESOURCE_PARAMS``."""

from __future__ import annotations

from collections.abc import Mapping

from flinklint.memory import options as o
from flinklint.memory.common import ICE, Ctx, fail, log_lines, read_memory
from flinklint.memory.failures import guarded
from flinklint.memory.legacy import map_legacy_heap
from flinklint.memory.model import ProcessModel
from flinklint.memory.process import ProcessOptions, resolve_process
from flinklint.values.javafmt import hashmap_order
from flinklint.values.javanum import JavaError, parse_boolean
from flinklint.values.units import add, human, subtract
from flinklint.versions import FlinkVersion

_OPTIONS = ProcessOptions(
    (o.JM_HEAP,),
    o.JM_FLINK,
    o.JM_PROCESS,
    o.JM_METASPACE,
    o.JM_OVERHEAD_MIN,
    o.JM_OVERHEAD_MAX,
    o.JM_OVERHEAD_FRACTION,
)
_MIN_HEAP = 128 << 20
_ADVICE = (
    "Please, make the configuration consistent or configure only one option: either JVM "
    "Heap or Total Flink Memory."
)
_LOG_LINES = (
    ("  Total Process Memory: ", "total_process"),
    ("    Total Flink Memory: ", "total_flink"),
    ("      JVM Heap:         ", "jvm_heap"),
    ("      Off-heap:         ", "off_heap"),
    ("    JVM Metaspace:      ", "jvm_metaspace"),
    ("    JVM Overhead:       ", "jvm_overhead"),
)


def resolve_jobmanager(
    effective: Mapping[str, str],
    version: FlinkVersion,
    types: Mapping[str, str] | None = None,
    standard_yaml: bool | None = None,
    *,
    containerized: bool = False,
) -> ProcessModel:
    """The JobManager's memory, JVM arguments and ``-D`` string, or why Flink refuses it."""
    return guarded("jobmanager", _resolve, effective, version, types, standard_yaml, containerized)


def _resolve(ctx: Ctx, version: FlinkVersion, containerized: bool) -> ProcessModel:
    # standalone scripts map the legacy heap onto the Flink size (TM) or the heap (JM); the
    # containerized entry points (YARN, Kubernetes, the operator) onto the process size
    legacy_target = o.JM_PROCESS if containerized else o.JM_HEAP
    try:
        if version.honours_legacy_heap_keys:
            map_legacy_heap(ctx, legacy_target, o.JM_LEGACY_HEAP, o.JM_LEGACY_HEAP_MB)
        resolve_process(ctx, _OPTIONS, version, _from_heap, _from_total)
    except JavaError as error:
        if error.cls != ICE or version.at_least(2, 0):  # 2.0 dropped the prefix
            raise
        raise JavaError(
            ICE, f"JobManager memory configuration failed: {error.message}", error
        ) from None
    sizes = {name: c.size for name, c in ctx.components.items()}
    ctx.logs.append("INFO Final Master Memory configuration:")
    ctx.logs.extend(f"INFO {text}{human(sizes[name])}" for text, name in _LOG_LINES)
    try:
        direct_limit = ctx.conf.get(o.JM_DIRECT_LIMIT, parse_boolean)
    except JavaError as error:
        error.kind, error.keys = "invalid-boolean", (o.JM_DIRECT_LIMIT.key,)
        raise
    heap = sizes["jvm_heap"]
    direct = f" -XX:MaxDirectMemorySize={sizes['off_heap']}" if direct_limit else ""
    jvm = f"-Xmx{heap} -Xms{heap}{direct} -XX:MaxMetaspaceSize={sizes['jvm_metaspace']}"
    entries = {
        o.JM_HEAP.key: f"{heap}b",
        o.JM_OFF_HEAP.key: f"{sizes['off_heap']}b",
        o.JM_METASPACE.key: f"{sizes['jvm_metaspace']}b",
        o.JM_OVERHEAD_MIN.key: f"{sizes['jvm_overhead']}b",
        o.JM_OVERHEAD_MAX.key: f"{sizes['jvm_overhead']}b",
    }
    dynamic = " ".join(f"-D {key}={entries[key]}" for key in hashmap_order(entries))
    return ProcessModel(
        "jobmanager",
        dict(ctx.components),
        None,
        tuple(ctx.clamps),
        jvm,
        dynamic,
        log_lines(ctx.logs),
    )


def _from_heap(ctx: Ctx) -> int:
    """``deriveFromRequiredFineGrainedOptions``: heap given; returns the total Flink memory."""
    heap = ctx.component("jvm_heap", read_memory(ctx, o.JM_HEAP), o.JM_HEAP)
    off_heap = read_memory(ctx, o.JM_OFF_HEAP)
    if not ctx.conf.contains(o.JM_FLINK):
        ctx.component("off_heap", off_heap, o.JM_OFF_HEAP)
        return _total(ctx, heap, off_heap)
    flink = ctx.component("total_flink", read_memory(ctx, o.JM_FLINK), o.JM_FLINK)
    if ctx.conf.contains(o.JM_OFF_HEAP):
        ctx.component("off_heap", off_heap, o.JM_OFF_HEAP)
        if add(heap, off_heap) != flink:
            raise fail(
                f"Sum of the configured JVM Heap Memory ({human(heap)}) and the configured "
                f"Off-heap Memory ({human(off_heap)}) does not match the configured Total Flink "
                f"Memory ({human(flink)}). {_ADVICE}",
                "jm-heap-offheap-mismatch",
                ctx.keys(o.JM_FLINK, o.JM_HEAP, o.JM_OFF_HEAP),
                heap=heap,
                off_heap=off_heap,
                flink=flink,
            )
        return _total(ctx, heap, off_heap)
    if flink < heap:
        raise fail(
            f"The configured JVM Heap Memory ({human(heap)}) exceeds the configured Total Flink "
            f"Memory ({human(flink)}). {_ADVICE}",
            "jm-heap-exceeds-flink",
            ctx.keys(o.JM_HEAP, o.JM_FLINK),
            heap=heap,
            flink=flink,
        )
    derived = ctx.derived("off_heap", subtract(flink, heap), "total Flink memory - JVM heap")
    if derived != off_heap:
        ctx.logs.append(
            f"INFO The Off-Heap Memory size ({human(derived)}) is derived the configured Total "
            f"Flink Memory size ({human(flink)}) minus the configured JVM Heap Memory size "
            f"({human(heap)}). The default Off-Heap Memory size ({human(off_heap)}) is ignored."
        )
    return _total(ctx, heap, derived)


def _from_total(ctx: Ctx, flink: int) -> None:
    """``deriveFromTotalFlinkMemory``: heap is what the off-heap memory leaves."""
    off_heap = ctx.component("off_heap", read_memory(ctx, o.JM_OFF_HEAP), o.JM_OFF_HEAP)
    if flink <= off_heap:
        raise fail(
            f"The configured Total Flink Memory ({human(flink)}) is less than the configured "
            f"Off-heap Memory ({human(off_heap)}).",
            "jm-flink-below-offheap",
            ctx.keys(o.JM_FLINK, o.JM_PROCESS, o.JM_OFF_HEAP),
            flink=flink,
            off_heap=off_heap,
        )
    heap = ctx.derived("jvm_heap", subtract(flink, off_heap), "total Flink memory - off-heap")
    _check_heap(ctx, heap)


def _total(ctx: Ctx, heap: int, off_heap: int) -> int:
    _check_heap(ctx, heap)
    if "total_flink" in ctx.components:
        return ctx.components["total_flink"].size
    return ctx.derived("total_flink", add(heap, off_heap), "JVM heap + off-heap")


def _check_heap(ctx: Ctx, heap: int) -> None:
    if heap < _MIN_HEAP:
        ctx.logs.append(
            f"WARN The configured or derived JVM heap memory size ({human(heap)}) is less than "
            f"its recommended minimum value ({human(_MIN_HEAP)})"
        )
