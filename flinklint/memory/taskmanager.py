"""Resolve a TaskManager's memory exactly as Flink's ``BashJavaUtils GET_TM_RESOURCE_PARAMS``."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

from flinklint.memory import options as o
from flinklint.memory.common import ICE, Ctx, fail, log_lines
from flinklint.memory.external import LIST, external_resources
from flinklint.memory.failures import guarded
from flinklint.memory.legacy import map_legacy_heap
from flinklint.memory.model import ProcessModel
from flinklint.memory.process import ProcessOptions, resolve_process
from flinklint.memory.tm_flink import TaskManagerFlink
from flinklint.values.javafmt import double_to_string, hashmap_order
from flinklint.values.javanum import JavaError, parse_double, parse_int
from flinklint.values.units import add, human
from flinklint.versions import FlinkVersion

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import NoReturn

_OPTIONS = ProcessOptions(
    (o.TM_TASK_HEAP, o.TM_MANAGED),
    o.TM_FLINK,
    o.TM_PROCESS,
    o.TM_METASPACE,
    o.TM_OVERHEAD_MIN,
    o.TM_OVERHEAD_MAX,
    o.TM_OVERHEAD_FRACTION,
)
_LOG_LINES = (
    ("Final TaskExecutor Memory configuration:", None),
    ("  Total Process Memory:          ", ("total_process",)),
    ("    Total Flink Memory:          ", ("total_flink",)),
    ("      Total JVM Heap Memory:     ", ("framework_heap", "task_heap")),
    ("        Framework:               ", ("framework_heap",)),
    ("        Task:                    ", ("task_heap",)),
    (
        "      Total Off-heap Memory:     ",
        ("managed", "framework_off_heap", "task_off_heap", "network"),
    ),
    ("        Managed:                 ", ("managed",)),
    ("        Total JVM Direct Memory: ", ("framework_off_heap", "task_off_heap", "network")),
    ("          Framework:             ", ("framework_off_heap",)),
    ("          Task:                  ", ("task_off_heap",)),
    ("          Network:               ", ("network",)),
    ("    JVM Metaspace:               ", ("jvm_metaspace",)),
    ("    JVM Overhead:                ", ("jvm_overhead",)),
)


def resolve_taskmanager(
    effective: Mapping[str, str],
    version: FlinkVersion,
    types: Mapping[str, str] | None = None,
    standard_yaml: bool | None = None,
    *,
    containerized: bool = False,
) -> ProcessModel:
    """The TaskManager's memory, JVM arguments and ``-D`` string, or why Flink refuses it.

    Never raises: any unexpected problem is reported as a failure of kind ``internal-error``.
    """
    return guarded("taskmanager", _resolve, effective, version, types, standard_yaml, containerized)


def _resolve(ctx: Ctx, version: FlinkVersion, containerized: bool) -> ProcessModel:
    # standalone scripts map the legacy heap onto the Flink size (TM) or the heap (JM); the
    # containerized entry points (YARN, Kubernetes, the operator) onto the process size
    legacy_target = o.TM_PROCESS if containerized else o.TM_FLINK
    if version.honours_legacy_heap_keys:
        try:
            map_legacy_heap(ctx, legacy_target, o.TM_LEGACY_HEAP, o.TM_LEGACY_HEAP_MB)
        except JavaError as error:
            _rethrow(error, "TaskManager failed to map legacy JVM heap option to the new one: ")
    try:
        flink = TaskManagerFlink(version)
        resolve_process(ctx, _OPTIONS, version, flink.from_fine_grained, flink.from_total)
        cpu = _cpu_cores(ctx)
        slots = _get_int(ctx, o.TM_SLOTS)
        extras = external_resources(ctx)
    except JavaError as error:
        _rethrow(error, "TaskManager memory configuration failed: ")
    sizes = {name: c.size for name, c in ctx.components.items()}
    for text, parts in _LOG_LINES:
        logs_value = "" if parts is None else _human_sum(sizes, parts)
        ctx.logs.append(f"INFO {text}{logs_value}")
    heap = add(sizes["framework_heap"], sizes["task_heap"])
    direct = sizes["framework_off_heap"] + sizes["task_off_heap"] + sizes["network"]
    jvm = (
        f"-Xmx{heap} -Xms{heap} -XX:MaxDirectMemorySize={direct} "
        f"-XX:MaxMetaspaceSize={sizes['jvm_metaspace']}"
    )
    return ProcessModel(
        "taskmanager",
        dict(ctx.components),
        None,
        tuple(ctx.clamps),
        jvm,
        _dynamic(sizes, cpu, slots, extras),
        log_lines(ctx.logs),
    )


def _rethrow(error: JavaError, prefix: str) -> NoReturn:
    if error.cls != ICE:
        raise error
    raise JavaError(ICE, prefix + (error.message or ""), error) from None


def _human_sum(sizes: dict[str, int], parts: tuple[str, ...]) -> str:
    return human(sum(sizes[p] for p in parts))


def _get_int(ctx: Ctx, option: o.Option) -> int:
    try:
        value = ctx.conf.get(option, parse_int)
    except JavaError as error:
        error.kind, error.keys = "invalid-number", (option.key,)
        raise
    assert value is not None
    return value


def _cpu_cores(ctx: Ctx) -> float:
    """``getCpuCoresWithFallback``: ``taskmanager.cpu.cores``, else the number of slots."""
    if ctx.conf.contains(o.TM_CPU):
        try:
            cores = ctx.conf.get(o.TM_CPU, parse_double)
        except JavaError as error:
            error.kind, error.keys = "invalid-number", (o.TM_CPU.key,)
            raise
        assert cores is not None
    else:
        cores = float(_get_int(ctx, o.TM_SLOTS))
    if cores <= 0:
        raise fail(
            "TaskExecutors need to be started with a positive number of CPU cores. Please "
            "configure taskmanager.cpu.cores accordingly.",
            "cpu-not-positive",
            ctx.keys(o.TM_CPU, o.TM_SLOTS),
            cores=int(cores) if cores > -math.inf else -(2**63),  # Java's (long) cast
        )
    if math.isnan(cores) or math.isinf(cores):  # new BigDecimal(Double.toString(cores))
        first = double_to_string(cores).lstrip("-")[0]
        raise JavaError(
            "java.lang.NumberFormatException",
            f"Character {first} is neither a decimal digit number, decimal point, nor"
            ' "e" notation exponential mark.',
            kind="invalid-number",
            keys=(o.TM_CPU.key,),
        )
    return cores


@lru_cache(maxsize=256)
def _cpu_text(cores: float) -> str:
    """``CPUResource(cores).getValue().doubleValue()``: cut to 8 decimal places (rounding down).

    FLINK-MEMORY.md 5.2 says ``String.valueOf(double)`` of the cores; Flink's ``Resource`` keeps
    8 decimals first (``setScale(8, DOWN)``), so ``4.9E-324`` cores are passed on as ``0.0``.
    """
    if float(cores).is_integer():  # the usual case (cores = slots): cutting changes nothing
        return double_to_string(cores)
    from decimal import ROUND_DOWN, Context, Decimal  # here: importing it is slow

    exact = Decimal(double_to_string(cores))
    cut = exact.quantize(Decimal("1E-8"), ROUND_DOWN, Context(prec=400))
    return double_to_string(float(cut))


def _dynamic(sizes: dict[str, int], cpu: float, slots: int, extras: dict[str, int]) -> str:
    """``generateDynamicConfigsStr``: ``-D key=value`` in ``HashMap`` order."""
    entries = {
        o.TM_CPU.key: _cpu_text(cpu),
        o.TM_FRAMEWORK_HEAP.key: f"{sizes['framework_heap']}b",
        o.TM_FRAMEWORK_OFF_HEAP.key: f"{sizes['framework_off_heap']}b",
        o.TM_TASK_HEAP.key: f"{sizes['task_heap']}b",
        o.TM_TASK_OFF_HEAP.key: f"{sizes['task_off_heap']}b",
        o.TM_NETWORK_MIN.key: f"{sizes['network']}b",
        "taskmanager.memory.network.max": f"{sizes['network']}b",
        o.TM_MANAGED.key: f"{sizes['managed']}b",
        o.TM_METASPACE.key: f"{sizes['jvm_metaspace']}b",
        o.TM_OVERHEAD_MIN.key: f"{sizes['jvm_overhead']}b",
        o.TM_OVERHEAD_MAX.key: f"{sizes['jvm_overhead']}b",
        o.TM_SLOTS.key: str(slots),
    }
    if extras:
        entries[LIST.key] = '"' + ";".join(extras) + '"'
        for name, amount in extras.items():
            entries[f"external-resource.{name}.amount"] = str(amount)
    else:
        entries[LIST.key] = "none"
    return " ".join(f"-D {key}={entries[key]}" for key in hashmap_order(entries))
