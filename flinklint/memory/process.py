"""Total process memory, metaspace and overhead (Flink's ``ProcessMemoryUtils``).

Three ways to size a process, tried in this order: the fine-grained options (TaskManager task
heap and managed memory; JobManager heap), the total Flink memory, the total process memory.
"""

from __future__ import annotations

from collections.abc import Callable

from flinklint.memory.common import (
    Ctx,
    RangeFraction,
    fail,
    range_fraction,
    read_memory,
    short_fraction,
    with_fraction,
    with_inverse_fraction,
)
from flinklint.memory.options import Option
from flinklint.records import dataclass
from flinklint.values.javafmt import double_to_string
from flinklint.values.units import add, human, multiply, subtract
from flinklint.versions import FlinkVersion


@dataclass(frozen=True, slots=True)
class ProcessOptions:
    fine_grained: tuple[Option, ...]
    flink: Option
    process: Option
    metaspace: Option
    overhead_min: Option
    overhead_max: Option
    overhead_fraction: Option


# A process's Flink memory resolver: from the fine-grained options (returns total Flink
# memory) and from a given total Flink memory.
FromFineGrained = Callable[[Ctx], int]
FromTotal = Callable[[Ctx, int], None]


def resolve_process(
    ctx: Ctx, opts: ProcessOptions, version: FlinkVersion, fine: FromFineGrained, total: FromTotal
) -> None:
    """``memoryProcessSpecFromConfig``: fills ctx.components or raises ``JavaError``."""
    if all(ctx.conf.contains(option) for option in opts.fine_grained):
        flink = fine(ctx)
        _from_flink(ctx, opts, version, flink)
    elif ctx.conf.contains(opts.flink):
        flink = ctx.component("total_flink", read_memory(ctx, opts.flink), opts.flink)
        total(ctx, flink)
        _from_flink(ctx, opts, version, flink)
    elif ctx.conf.contains(opts.process):
        _from_process(ctx, opts, version, total)
    else:
        raise fail(
            "Either required fine-grained memory ("
            + " and ".join(o.key for o in opts.fine_grained)
            + f"), or Total Flink Memory size ({opts.flink.describe()}), or Total Process Memory "
            f"size ({opts.process.describe()}) need to be configured explicitly.",
            "no-memory-configured",
            (opts.process.key, opts.flink.key),
        )


def _overhead_range(ctx: Ctx, opts: ProcessOptions) -> RangeFraction:
    low = read_memory(ctx, opts.overhead_min)
    high = read_memory(ctx, opts.overhead_max)
    return range_fraction(
        ctx,
        low,
        high,
        opts.overhead_fraction,
        opts.overhead_min,
        opts.overhead_max,
        "overhead-min-exceeds-max",
    )


def _from_process(ctx: Ctx, opts: ProcessOptions, version: FlinkVersion, total: FromTotal) -> None:
    process = read_memory(ctx, opts.process)
    ctx.component("total_process", process, opts.process)
    meta = ctx.component("jvm_metaspace", read_memory(ctx, opts.metaspace), opts.metaspace)
    rf = _overhead_range(ctx, opts)
    overhead = with_fraction(ctx, "jvm overhead memory", process, rf)
    _overhead_component(ctx, rf, overhead, "total process memory")
    if add(meta, overhead) > process:
        raise fail(
            f"Sum of configured JVM Metaspace ({human(meta)}) and JVM Overhead ({human(overhead)}) "
            f"exceed configured Total Process Memory ({human(process)}).",
            "metaspace-overhead-exceed-process",
            ctx.keys(opts.process)
            + ctx.keys(opts.metaspace, opts.overhead_min, opts.overhead_fraction),
            process=process,
            metaspace=meta,
            overhead=overhead,
        )
    flink = subtract(process, add(meta, overhead))
    ctx.derived("total_flink", flink, "total process memory - JVM metaspace - JVM overhead")
    total(ctx, flink)


def _overhead_component(ctx: Ctx, rf: RangeFraction, overhead: int, base: str) -> None:
    origin = ctx.conf.used.get(rf.fraction_option.key)
    key = origin[1] if origin else rf.fraction_option.key
    basis = f"{short_fraction(rf.fraction)} x {base}"
    clamp = (
        ctx.clamps[-1] if ctx.clamps and ctx.clamps[-1].component == "jvm overhead memory" else None
    )
    if clamp is not None and clamp.used == overhead:
        basis += (
            f", {'raised to its minimum' if clamp.bound == 'min' else 'lowered to its maximum'}"
        )
        key = clamp.key
    ctx.derived("jvm_overhead", overhead, basis, key)


def _from_flink(ctx: Ctx, opts: ProcessOptions, version: FlinkVersion, flink: int) -> None:
    """``deriveJvmMetaspaceAndOverheadFromTotalFlinkMemory``."""
    meta = read_memory(ctx, opts.metaspace)
    add(flink, meta)
    if ctx.conf.contains(opts.process):
        process = read_memory(ctx, opts.process)
        ctx.component("total_process", process, opts.process)
        meta = read_memory(ctx, opts.metaspace)
        if process < add(flink, meta):
            raise fail(
                f"The configured Total Process Memory size ({human(process)}) is less than the sum "
                f"of the derived Total Flink Memory size ({human(flink)}) and the configured or "
                f"default JVM Metaspace size  ({human(meta)}).",
                "process-below-flink-plus-metaspace",
                ctx.keys(opts.process, opts.flink, *opts.fine_grained, opts.metaspace),
                process=process,
                flink=flink,
                metaspace=meta,
            )
        overhead = subtract(process, add(flink, meta))
        ctx.component("jvm_metaspace", meta, opts.metaspace)
        _check_overhead(ctx, opts, version, overhead, process, flink, meta)
        ctx.derived(
            "jvm_overhead", overhead, "total process memory - total Flink memory - JVM metaspace"
        )
        return
    ctx.component("jvm_metaspace", meta, opts.metaspace)
    rf = _overhead_range(ctx, opts)
    overhead = with_inverse_fraction(ctx, "jvm overhead memory", add(flink, meta), rf)
    _overhead_component(ctx, rf, overhead, "total process memory")
    process = add(add(flink, meta), overhead)
    ctx.derived("total_process", process, "total Flink memory + JVM metaspace + JVM overhead")


def _check_overhead(
    ctx: Ctx,
    opts: ProcessOptions,
    version: FlinkVersion,
    overhead: int,
    process: int,
    flink: int,
    meta: int,
) -> None:
    """``sanityCheckJvmOverhead``."""
    rf = _overhead_range(ctx, opts)
    if overhead > rf.max or overhead < rf.min:
        raise fail(
            f"Derived JVM Overhead size ({human(overhead)}) is not in configured JVM Overhead "
            f"range [{human(rf.min)}, {human(rf.max)}].",
            "overhead-out-of-range",
            ctx.keys(
                opts.process,
                opts.flink,
                *opts.fine_grained,
                opts.overhead_min,
                opts.overhead_max,
                opts.metaspace,
            ),
            overhead=overhead,
            min=rf.min,
            max=rf.max,
            process=process,
            flink=flink,
            metaspace=meta,
        )
    if ctx.conf.contains(opts.overhead_fraction) and overhead != multiply(process, rf.fraction):
        typo = "OVerhead" if not version.at_least(1, 16) else "Overhead"
        ctx.logs.append(
            f"INFO The derived JVM Overhead size ({human(overhead)}) does not match the configured "
            f"or default JVM Overhead fraction ({double_to_string(rf.fraction)}) from the "
            f"configured Total Process Memory size ({human(process)}). The derived JVM {typo} "
            "size will be used."
        )
