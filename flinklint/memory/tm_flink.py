"""The TaskManager's Flink memory components (Flink's ``TaskExecutorFlinkMemoryUtils``).

Framework heap and off-heap, task heap and off-heap, managed and network memory, either from
the fine-grained options (task heap + managed) or from a total Flink memory. Network memory has
its own module (:mod:`flinklint.memory.network`).
"""

from __future__ import annotations

from flinklint.memory import options as o
from flinklint.memory.common import (
    ICE,
    Ctx,
    range_fraction,
    read_memory,
    short_fraction,
    with_fraction,
    with_inverse_fraction,
)
from flinklint.memory.network import Network
from flinklint.values.javanum import JavaError
from flinklint.values.units import MAX_LONG, add, human, subtract
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
        self.network = Network(version)

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
                    self.network.max_option,
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
            self.network.check_wrapped(ctx, parts["network"], flink)
        else:
            network = self.network.derive(
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
            self.network.check_wrapped(ctx, parts["network"], flink)
        else:
            parts["managed"] = self._managed_or_fraction(ctx, flink)
            parts["network"] = self.network.derive(
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
        return ctx.derived(
            "managed", size, f"{short_fraction(rf.fraction)} x total Flink memory", key
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
