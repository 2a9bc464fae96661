"""The legacy heap options Flink maps onto the new model up to 1.20 (gone in 2.0).

Flink's standalone scripts (``BashJavaUtils``) read ``taskmanager.heap.size`` (or
``taskmanager.heap.mb``) as ``taskmanager.memory.flink.size`` and ``jobmanager.heap.size`` (or
``jobmanager.heap.mb``) as ``jobmanager.memory.heap.size``, but only when the new option is
absent. The ``FLINK_TM_HEAP``/``FLINK_JM_HEAP`` environment variables are outside a file's
reach and are not modelled.
"""

from __future__ import annotations

from flinklint.memory.common import Ctx, fail, read_memory
from flinklint.memory.options import Mapped, Option
from flinklint.values.javanum import JavaError, parse_int
from flinklint.values.units import human


def map_legacy_heap(ctx: Ctx, target: Option, heap: Option, heap_mb: Option) -> None:
    """``getConfWithLegacyHeapSizeMappedToNewConfigOption``: may replace ``ctx.conf``."""
    conf = ctx.conf
    if conf.contains(target):
        return
    if conf.contains(heap):
        size, source = read_memory(ctx, heap), heap.key
    elif conf.contains(heap_mb):
        try:
            megabytes = conf.get(heap_mb, parse_int)
        except JavaError as error:
            error.kind, error.keys = "invalid-number", (heap_mb.key,)
            raise
        assert megabytes is not None
        if megabytes < 0:
            raise fail(
                f"Configured total process memory size ({megabytes}MB) must not be less than 0.",
                "negative-size",
                (heap_mb.key,),
                megabytes=megabytes,
            )
        size, source = megabytes << 20, heap_mb.key
    else:
        return
    ctx.conf = conf.with_value(target.key, Mapped(size, source))
    ctx.logs.append(
        f"INFO '{target.key}' is not specified, use the configured deprecated task manager heap "
        f"value ({human(size)}) for it."
    )
