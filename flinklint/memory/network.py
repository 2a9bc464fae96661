"""TaskManager network memory: fraction and range, the legacy buffers rule, sanity checks.

Network memory is either derived from its fraction (clamped into [min, max]) or, when task heap
and total Flink memory are both fixed, "the rest", which must then lie in [min, max]. Up to
1.20, ``taskmanager.network.numberOfBuffers`` x segment size replaces the fraction when no
network option is set at all.
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
    short_fraction,
)
from flinklint.values.javafmt import double_to_string
from flinklint.values.javanum import JavaError, parse_int
from flinklint.values.units import IAE, human, multiply, parse_memory_size
from flinklint.versions import FlinkVersion


class Network:
    """Network memory for one Flink version (its max default and whether the legacy rule holds)."""

    def __init__(self, version: FlinkVersion) -> None:
        self.version = version
        self.max_option = o.tm_network_max(version)

    def range(self, ctx: Ctx) -> RangeFraction:
        low = read_memory(ctx, o.TM_NETWORK_MIN)
        high = read_memory(ctx, self.max_option)
        return range_fraction(
            ctx,
            low,
            high,
            o.TM_NETWORK_FRACTION,
            o.TM_NETWORK_MIN,
            self.max_option,
            "network-min-exceeds-max",
        )

    def derive(self, ctx: Ctx, derive: object, base: str) -> int:
        if self._uses_legacy(ctx):
            size = self._legacy_size(ctx)
            return ctx.derived(
                "network",
                size,
                "taskmanager.network.numberOfBuffers x taskmanager.memory.segment-size",
                o.TM_NUM_BUFFERS.key,
            )
        rf = self.range(ctx)
        size = derive(rf)  # type: ignore[operator]
        key = ctx.conf.used[o.TM_NETWORK_FRACTION.key][1]
        clamp = (
            ctx.clamps[-1] if ctx.clamps and ctx.clamps[-1].component == "network memory" else None
        )
        basis = f"{short_fraction(rf.fraction)} x {base}"
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
            or conf.contains(self.max_option)
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

    def check_wrapped(self, ctx: Ctx, network: int, flink: int) -> None:
        try:
            self._check(ctx, network, flink)
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

    def _check(self, ctx: Ctx, network: int, flink: int) -> None:
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
        rf = self.range(ctx)
        if network > rf.max or network < rf.min:
            raise fail(
                f"Derived Network Memory size ({human(network)}) is not in configured Network "
                f"Memory range [{human(rf.min)}, {human(rf.max)}].",
                "network-out-of-range-derived",
                keys + ctx.keys(o.TM_NETWORK_MIN, self.max_option),
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
