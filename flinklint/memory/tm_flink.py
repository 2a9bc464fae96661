"""The TaskManager's Flink memory components (Flink's ``TaskExecutorFlinkMemoryUtils``).

Framework heap and off-heap, task heap and off-heap, managed and network memory, either from
the fine-grained options (task heap + managed) or from a total Flink memory; plus the network
sanity checks and, up to 1.20, the legacy ``taskmanager.network.numberOfBuffers`` rule.
"""

from __future__ import annotations

from flinklint.memory import options as o
from flinklint.memory.common import (
    ICE,
    Ctx,
    RangeFraction,
    fail,
    range_fraction,
    read_memory,
    with_fraction,
    with_inverse_fraction,
)
from flinklint.memory.javafmt import double_to_string
from flinklint.memory.javanum import JavaError, parse_int
from flinklint.memory.process import _short
from flinklint.units import IAE, MAX_LONG, add, human, multiply, parse_memory_size, subtract
from flinklint.versions import FlinkVersion

_FRAMEWORK = (
    ("framework_heap", o.TM_FRAMEWORK_HEAP),
    ("framework_off_heap", o.TM_FRAMEWORK_OFF_HEAP),
    ("task_off_heap", o.TM_TASK_OFF_HEAP),
)


class TaskManagerFlink:
    """The two derivations, bound to a Flink version (network max default, legacy rule)."""

    def __init__(self, version: FlinkVersion) -> None:
        self.version = version
        self.network_max = o.tm_network_max(version)

    def _sum_error(self, ctx: Ctx, parts: dict[str, int], flink: int, with_heap: bool) -> JavaError:
        fh, fo, to, mg = (
            parts[k] for k in ("framework_heap", "framework_off_heap", "task_off_heap", "managed")
        )
        if with_heap:
            text = (
                f"Sum of configured Framework Heap Memory ({human(fh)}), Framework Off-Heap "
                f"Memory ({human(fo)}), Task Heap Memory ({human(parts['task_heap'])}), Task "
                f"Off-Heap Memory ({human(to)}) and Managed Memory ({human(mg)}) exceed "
                f"configured Total Flink Memory ({human(flink)})."
            )
            kind, keys = (
                "fine-grained-sum-exceeds-flink",
                ctx.keys(
                    o.TM_FLINK,
                    o.TM_PROCESS,
                    o.TM_TASK_HEAP,
                    o.TM_MANAGED,
                    o.TM_FRAMEWORK_HEAP,
                    o.TM_FRAMEWORK_OFF_HEAP,
                    o.TM_TASK_OFF_HEAP,
                ),
            )
        else:
            text = (
                f"Sum of configured Framework Heap Memory ({human(fh)}), Framework Off-Heap "
                f"Memory ({human(fo)}), Task Off-Heap Memory ({human(to)}), Managed Memory "
                f"({human(mg)}) and Network Memory ({human(parts['network'])}) exceed "
                f"configured Total Flink Memory ({human(flink)})."
            )
            kind, keys = (
                "derived-sum-exceeds-flink",
                ctx.keys(
                    o.TM_FLINK,
                    o.TM_PROCESS,
                    o.TM_MANAGED,
                    o.TM_NETWORK_MIN,
                    self.network_max,
                    o.TM_NETWORK_FRACTION,
                    o.TM_FRAMEWORK_HEAP,
                    o.TM_FRAMEWORK_OFF_HEAP,
                    o.TM_TASK_OFF_HEAP,
                    o.TM_MANAGED_FRACTION,
                ),
            )
        return JavaError(ICE, text, kind=kind, keys=keys, numbers={"flink": flink, **parts})

    # -- the two entry points -------------------------------------------------------------

    def from_fine_grained(self, ctx: Ctx) -> int:
        """``deriveFromRequiredFineGrainedOptions``: returns the total Flink memory."""
        parts = {"task_heap": self._task_heap(ctx), "managed": self._managed(ctx)}
        for name, option in _FRAMEWORK:
            parts[name] = ctx.component(name, read_memory(ctx, option), option)
        rest = _sum(parts)
        if ctx.conf.contains(o.TM_FLINK):
            flink = ctx.component("total_flink", self._flink(ctx), o.TM_FLINK)
            if rest > flink:
                raise self._sum_error(ctx, parts, flink, True)
            parts["network"] = ctx.derived(
                "network", subtract(flink, rest), "the rest of total Flink memory"
            )
            self._check_network_wrapped(ctx, parts["network"], flink)
        else:
            network = self._legacy_or(
                ctx,
                lambda rf: with_inverse_fraction(ctx, "network memory", rest, rf),
                "the other Flink components",
            )
            parts["network"] = network
        total = _sum(parts)
        self._check_total(ctx)
        if "total_flink" not in ctx.components:
            ctx.derived("total_flink", total, "sum of its components")
        return total

    def from_total(self, ctx: Ctx, flink: int) -> None:
        """``deriveFromTotalFlinkMemory``."""
        parts = {}
        for name, option in _FRAMEWORK:
            parts[name] = ctx.component(name, read_memory(ctx, option), option)
        if ctx.conf.contains(o.TM_TASK_HEAP):
            parts["task_heap"] = self._task_heap(ctx)
            parts["managed"] = self._managed_or_fraction(ctx, flink)
            rest = _sum(parts)
            if rest > flink:
                raise self._sum_error(ctx, parts, flink, True)
            parts["network"] = ctx.derived(
                "network", subtract(flink, rest), "the rest of total Flink memory"
            )
            self._check_network_wrapped(ctx, parts["network"], flink)
        else:
            parts["managed"] = self._managed_or_fraction(ctx, flink)
            parts["network"] = self._legacy_or(
                ctx,
                lambda rf: with_fraction(ctx, "network memory", flink, rf),
                "total Flink memory",
            )
            rest = _sum(parts)
            if rest > flink:
                raise self._sum_error(ctx, parts, flink, False)
            ctx.derived("task_heap", subtract(flink, rest), "the rest of total Flink memory")
        self._check_total(ctx)

    # -- reading -----------------------------------------------------------------------

    def _task_heap(self, ctx: Ctx) -> int:
        ctx.conf.contains(o.TM_TASK_HEAP)
        return ctx.component("task_heap", read_memory(ctx, o.TM_TASK_HEAP), o.TM_TASK_HEAP)

    def _managed(self, ctx: Ctx) -> int:
        ctx.conf.contains(o.TM_MANAGED)  # checkArgument(contains): logs a deprecated key again
        return ctx.component("managed", read_memory(ctx, o.TM_MANAGED), o.TM_MANAGED)

    def _flink(self, ctx: Ctx) -> int:
        ctx.conf.contains(o.TM_FLINK)
        return read_memory(ctx, o.TM_FLINK)

    def _managed_or_fraction(self, ctx: Ctx, flink: int) -> int:
        if ctx.conf.contains(o.TM_MANAGED):
            return self._managed(ctx)
        rf = range_fraction(
            ctx, 0, MAX_LONG, o.TM_MANAGED_FRACTION, None, None, "inconsistent-fraction"
        )
        size = with_fraction(ctx, "managed memory", flink, rf)
        key = ctx.conf.used[o.TM_MANAGED_FRACTION.key][1]
        return ctx.derived("managed", size, f"{_short(rf.fraction)} x total Flink memory", key)

    def network_range(self, ctx: Ctx) -> RangeFraction:
        low = read_memory(ctx, o.TM_NETWORK_MIN)
        high = read_memory(ctx, self.network_max)
        return range_fraction(
            ctx,
            low,
            high,
            o.TM_NETWORK_FRACTION,
            o.TM_NETWORK_MIN,
            self.network_max,
            "network-min-exceeds-max",
        )

    def _legacy_or(self, ctx: Ctx, derive: object, base: str) -> int:
        if self._uses_legacy(ctx):
            size = self._legacy_size(ctx)
            return ctx.derived(
                "network",
                size,
                "taskmanager.network.numberOfBuffers x taskmanager.memory.segment-size",
                o.TM_NUM_BUFFERS.key,
            )
        rf = self.network_range(ctx)
        size = derive(rf)  # type: ignore[operator]
        key = ctx.conf.used[o.TM_NETWORK_FRACTION.key][1]
        clamp = (
            ctx.clamps[-1] if ctx.clamps and ctx.clamps[-1].component == "network memory" else None
        )
        basis = f"{_short(rf.fraction)} x {base}"
        if clamp is not None and clamp.used == size:
            basis += (
                ", raised to its minimum" if clamp.bound == "min" else ", lowered to its maximum"
            )
            key = clamp.key
        return ctx.derived("network", int(size), basis, key)

    def _uses_legacy(self, ctx: Ctx) -> bool:
        """``isUsingLegacyNetworkConfigs`` (up to 1.20; the rule is gone in 2.0)."""
        if not self.version.honours_legacy_heap_keys:
            return False
        conf = ctx.conf
        configured = (
            conf.contains(o.TM_NETWORK_MIN)
            or conf.contains(self.network_max)
            or conf.contains(o.TM_NETWORK_FRACTION)
        )
        legacy = conf.contains(o.TM_NUM_BUFFERS)
        return not configured and legacy

    def _legacy_size(self, ctx: Ctx) -> int:
        self._uses_legacy(ctx)
        try:
            buffers = ctx.conf.get(o.TM_NUM_BUFFERS, parse_int)
        except JavaError as error:
            error.kind, error.keys = "invalid-number", (o.TM_NUM_BUFFERS.key,)
            raise
        assert buffers is not None
        size = buffers * self._page_size(ctx)
        if size < 0:
            raise JavaError(
                IAE, "bytes must be >= 0", kind="negative-size", keys=(o.TM_NUM_BUFFERS.key,)
            )
        return size

    def _page_size(self, ctx: Ctx) -> int:
        """``ConfigurationParserUtils.getPageSize``."""
        key = o.TM_SEGMENT_SIZE.key
        try:
            size = ctx.conf.get(o.TM_SEGMENT_SIZE, parse_memory_size)
        except JavaError as error:
            error.kind, error.keys = "invalid-size", (key,)
            raise
        assert size is not None
        if size > 2**31 - 1:
            raise JavaError(
                IAE,
                f"Cannot downcast long value {size} to integer.",
                kind="segment-size-invalid",
                keys=(key,),
            )
        for ok, why in (
            (size >= 4096, "Minimum memory segment size is 4096"),
            (size & (size - 1) == 0, "Memory segment size must be a power of 2."),
        ):
            if not ok:
                raise fail(
                    f"Invalid configuration value for {key} : {size} - {why}",
                    "segment-size-invalid",
                    (key,),
                    segment_size=size,
                )
        return size

    # -- sanity checks -------------------------------------------------------------------

    def _check_network_wrapped(self, ctx: Ctx, network: int, flink: int) -> None:
        try:
            self._check_network(ctx, network, flink)
        except JavaError as error:
            if error.cls != ICE:
                raise
            raise fail(
                "If Total Flink, Task Heap and (or) Managed Memory sizes are explicitly "
                "configured then the Network Memory size is the rest of the Total Flink memory "
                "after subtracting all other configured types of memory, but the derived "
                "Network Memory is inconsistent with its configuration.",
                error.kind or "network-out-of-range-derived",
                error.keys,
                cause=error,
                **error.numbers,
            ) from None

    def _check_network(self, ctx: Ctx, network: int, flink: int) -> None:
        keys = ctx.keys(o.TM_FLINK, o.TM_PROCESS, o.TM_TASK_HEAP, o.TM_MANAGED)
        if self._uses_legacy(ctx):
            legacy = self._legacy_size(ctx)
            if legacy != network:
                raise fail(
                    f"Derived Network Memory size ({human(network)}) does not match configured "
                    f"Network Memory size ({human(legacy)}).",
                    "network-legacy-mismatch",
                    (o.TM_NUM_BUFFERS.key, *keys),
                    network=network,
                    configured=legacy,
                )
            return
        rf = self.network_range(ctx)
        if network > rf.max or network < rf.min:
            raise fail(
                f"Derived Network Memory size ({human(network)}) is not in configured Network "
                f"Memory range [{human(rf.min)}, {human(rf.max)}].",
                "network-out-of-range-derived",
                keys + ctx.keys(o.TM_NETWORK_MIN, self.network_max),
                network=network,
                min=rf.min,
                max=rf.max,
                flink=flink,
            )
        if ctx.conf.contains(o.TM_NETWORK_FRACTION) and network != multiply(flink, rf.fraction):
            ctx.logs.append(
                f"INFO The derived Network Memory size ({human(network)}) does not match the "
                f"configured Network Memory fraction ({double_to_string(rf.fraction)}) from the "
                f"configured Total Flink Memory size ({human(flink)}). The derived Network Memory "
                "size will be used."
            )

    def _check_total(self, ctx: Ctx) -> None:
        """``sanityCheckTotalFlinkMemory``: re-reads the total (its mismatch is unreachable)."""
        if ctx.conf.contains(o.TM_FLINK):
            self._flink(ctx)


def _sum(parts: dict[str, int]) -> int:
    total = 0
    for size in parts.values():
        total = add(total, size)
    return total
