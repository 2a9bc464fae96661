"""Turn the Java exception Flink would throw into a :class:`~flinklint.memory.model.Failure`.

Failure kinds (stable identifiers, one per check of Flink's that can fail):

=====================================  =========================================================
``no-memory-configured``               no process size, no Flink size, no fine-grained sizes
``invalid-size``                       a memory size Flink cannot parse (keys: the bad key)
``invalid-fraction``                   a fraction that is not a Java float
``invalid-number``                     an integer/double option that does not parse (slots,
                                       cpu cores, numberOfBuffers, heap.mb, resource amounts),
                                       or CPU cores NaN/Infinity
``invalid-boolean``                    ``jobmanager.memory.enable-jvm-direct-memory-limit``
``inconsistent-fraction``              a fraction outside [0, 1)
``network-min-exceeds-max``            network min > max
``overhead-min-exceeds-max``           JVM overhead min > max
``overhead-out-of-range``              overhead = process - Flink - metaspace outside [min, max]
``process-below-flink-plus-metaspace`` process size < Flink size + metaspace
``metaspace-overhead-exceed-process``  metaspace + overhead > process size
``fine-grained-sum-exceeds-flink``     framework + task heap/off-heap + managed > Flink size
``derived-sum-exceeds-flink``          framework + task off-heap + managed + network > Flink
``network-out-of-range-derived``       network as "the rest" outside [network min, max]
``network-legacy-mismatch``            network as "the rest" != numberOfBuffers x segment size
``segment-size-invalid``               segment size < 4096, not a power of 2, or > 2^31-1
``negative-size``                      a negative size (buffers, heap.mb)
``jm-heap-exceeds-flink``              JobManager heap > JobManager Flink size
``jm-heap-offheap-mismatch``           heap + off-heap != Flink size (all three set)
``jm-flink-below-offheap``             JobManager Flink size <= off-heap
``cpu-not-positive``                   CPU cores (or slots standing in for them) <= 0
``long-overflow``                      a sum beyond 2^63-1 bytes
``internal-error``                     a defect of flinklint (never expected)
=====================================  =========================================================
"""

from __future__ import annotations

from flinklint.memory.common import Ctx, log_lines
from flinklint.memory.javanum import JavaError
from flinklint.memory.model import Failure, ProcessModel

KINDS = tuple(line.split("``")[1] for line in (__doc__ or "").splitlines() if line.startswith("``"))


def _kind(error: JavaError) -> str:
    if error.kind:
        return error.kind
    if error.cls == "java.lang.ArithmeticException":
        return "long-overflow"
    if error.message == "bytes must be >= 0":
        return "negative-size"
    return "internal-error"


def _present_sizes(process: str, ctx: Ctx) -> tuple[str, ...]:
    """For a failure no single option explains (an overflow): every memory key written."""
    prefix = f"{process}.memory."
    return tuple(key for key in ctx.conf.values if key.startswith(prefix))


def to_model(process: str, ctx: Ctx, error: JavaError) -> ProcessModel:
    keys = tuple(error.keys) or _present_sizes(process, ctx)
    failure = Failure(_kind(error), keys, error.message or "", error.chain(), dict(error.numbers))
    return ProcessModel(
        process, dict(ctx.components), failure, tuple(ctx.clamps), logs=log_lines(ctx.logs)
    )
