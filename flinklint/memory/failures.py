"""Turn the Java exception Flink would throw into a :class:`~flinklint.memory.model.Failure`.

A failure's ``keys`` are the keys the configuration sets that the failed check read, most
responsible first, spelled as written (a deprecated or legacy key if that is what supplied the
value); ``numbers`` holds the sizes in bytes the check compared. Two exceptions: the keys of a
``no-memory-configured`` failure are the options to add, those of a ``long-overflow`` every
memory key of the process that is set.

Failure kinds (stable identifiers, one per check of Flink's that can fail):

======================================  ======================================================
``no-memory-configured``                no process size, no Flink size, no fine-grained sizes
``invalid-size``                        a memory size Flink cannot parse (keys: the bad key)
``invalid-fraction``                    a fraction that is not a Java float
``invalid-number``                      an integer/double option that does not parse (slots,
                                        cpu cores, numberOfBuffers, heap.mb, resource amounts),
                                        or CPU cores NaN/Infinity
``invalid-boolean``                     ``jobmanager.memory.enable-jvm-direct-memory-limit``
``inconsistent-fraction``               a fraction outside [0, 1)
``network-min-exceeds-max``             network min > max
``overhead-min-exceeds-max``            JVM overhead min > max
``overhead-out-of-range``               overhead = process - Flink - metaspace outside [min, max]
``process-below-flink-plus-metaspace``  process size < Flink size + metaspace
``metaspace-overhead-exceed-process``   metaspace + overhead > process size
``fine-grained-sum-exceeds-flink``      framework + task heap/off-heap + managed > Flink size
``derived-sum-exceeds-flink``           framework + task off-heap + managed + network > Flink
``network-out-of-range-derived``        network as "the rest" outside [network min, max]
``network-legacy-mismatch``             network as "the rest" != numberOfBuffers x segment size
``segment-size-invalid``                segment size < 4096, not a power of 2, or > 2^31-1
``negative-size``                       a negative size (buffers, heap.mb)
``jm-heap-exceeds-flink``               JobManager heap > JobManager Flink size
``jm-heap-offheap-mismatch``            heap + off-heap != Flink size (all three set)
``jm-flink-below-offheap``              JobManager Flink size <= off-heap
``cpu-not-positive``                    CPU cores (or slots standing in for them) <= 0
``long-overflow``                       a sum beyond 2^63-1 bytes
``internal-error``                      a defect of flinklint (never expected)
======================================  ======================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from flinklint.memory.common import Ctx, log_lines
from flinklint.memory.model import Failure, ProcessModel
from flinklint.memory.options import Conf
from flinklint.values.javanum import JavaError
from flinklint.values.units import human
from flinklint.versions import FlinkVersion

# the rows of the table above: ``kind`` followed by at least two spaces
KINDS = tuple(re.findall(r"^``([a-z-]+)``  ", __doc__ or "", re.MULTILINE))


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


def guarded(
    process: str,
    resolve: Callable[[Ctx, FlinkVersion, bool], ProcessModel],
    effective: Mapping[str, str],
    version: FlinkVersion,
    types: Mapping[str, str] | None,
    standard_yaml: bool | None,
    containerized: bool,
) -> ProcessModel:
    """``resolve`` one process from ``effective``; never raises. Flink's exception becomes the
    model's failure, and anything unexpected a failure of kind ``internal-error``."""
    logs: list[str] = []
    yaml = version.at_least(2, 0) if standard_yaml is None else standard_yaml
    ctx = Ctx(Conf(dict(effective), logs, types, yaml), logs)
    try:
        return resolve(ctx, version, containerized)
    except JavaError as error:
        return to_model(process, ctx, error)
    except Exception as error:  # pragma: no cover - a bug of ours must not crash the linter
        return to_model(
            process, ctx, JavaError(type(error).__name__, str(error), kind="internal-error")
        )


def to_model(process: str, ctx: Ctx, error: JavaError) -> ProcessModel:
    keys = tuple(error.keys) or _present_sizes(process, ctx)
    failure = Failure(_kind(error), keys, error.message or "", error.chain(), dict(error.numbers))
    return ProcessModel(
        process, dict(ctx.components), failure, tuple(ctx.clamps), logs=log_lines(ctx.logs)
    )


def compact(size: int) -> str:
    """A size as a person reads it: ``1gb``, ``1728mb``, ``172.8mb``, ``512 bytes``."""
    for shift, unit in ((40, "tb"), (30, "gb"), (20, "mb"), (10, "kb")):
        if size >= 1 << shift and size % (1 << shift) == 0:
            return f"{size >> shift}{unit}"
    text = human(size).split(" (")[0]
    if " " in text:
        return text
    return text[:-2].rstrip("0").rstrip(".") + text[-2:]


_PROCESS = {"taskmanager": "TaskManager", "jobmanager": "JobManager"}
_PLAIN = {
    "no-memory-configured": "No memory size is set for the {process}: set {key0} (or {key1}).",
    "invalid-size": "{key0} is not a memory size Flink can read: write a whole number with an "
    "optional binary unit b, k, m, g or t (1g = 1024m), e.g. 1728m.",
    "invalid-fraction": "{key0} is not a number Flink can read as a fraction (e.g. 0.1).",
    "invalid-number": "{key0} is not a number Flink can read.",
    "invalid-boolean": "{key0} must be true or false.",
    "inconsistent-fraction": "{key0} must be at least 0 and less than 1.",
    "network-min-exceeds-max": "The network memory minimum ({min}) is larger than its maximum "
    "({max}).",
    "overhead-min-exceeds-max": "The JVM overhead minimum ({min}) is larger than its maximum "
    "({max}).",
    "overhead-out-of-range": "Total process memory {process_size} minus total Flink memory "
    "{flink} and JVM metaspace {metaspace} leaves {overhead} for JVM overhead, outside its range "
    "[{min}, {max}]: make the process size between {low} and {high}, or set only one of the "
    "two totals.",
    "process-below-flink-plus-metaspace": "Total process memory ({process_size}) is smaller than "
    "total Flink memory ({flink}) plus JVM metaspace ({metaspace}), with nothing left for JVM "
    "overhead: raise the process size or set only one of the two totals.",
    "metaspace-overhead-exceed-process": "Total process memory ({process_size}) is too small: JVM "
    "metaspace ({metaspace}) and JVM overhead ({overhead}) alone need more.",
    "fine-grained-sum-exceeds-flink": "The memory components set explicitly (framework heap "
    "{framework_heap}, framework off-heap {framework_off_heap}, task heap {task_heap}, task "
    "off-heap {task_off_heap}, managed {managed}) add up to more than total Flink memory "
    "({flink}).",
    "derived-sum-exceeds-flink": "Total Flink memory ({flink}) is too small for framework heap "
    "{framework_heap}, framework off-heap {framework_off_heap}, task off-heap {task_off_heap}, "
    "managed {managed} and network {network}: nothing is left for the task heap.",
    "network-out-of-range-derived": "Network memory is what total Flink memory leaves after the "
    "other components ({network}), which is outside the network range [{min}, {max}].",
    "network-legacy-mismatch": "Network memory is what total Flink memory leaves after the other "
    "components ({network}), but taskmanager.network.numberOfBuffers asks for {configured}.",
    "segment-size-invalid": "{key0} must be a power of two of at least 4096 bytes.",
    "negative-size": "{key0} must not be negative.",
    "jm-heap-exceeds-flink": "The JVM heap ({heap}) is larger than total Flink memory ({flink}).",
    "jm-heap-offheap-mismatch": "JVM heap ({heap}) plus off-heap memory ({off_heap}) is not total "
    "Flink memory ({flink}): set only two of the three.",
    "jm-flink-below-offheap": "Total Flink memory ({flink}) must be larger than off-heap memory "
    "({off_heap}), or nothing is left for the JVM heap.",
    "cpu-not-positive": "The TaskManager needs a positive number of CPU cores: set "
    "taskmanager.cpu.cores (or taskmanager.numberOfTaskSlots) above 0.",
    "long-overflow": "The memory sizes add up to more than 2^63 - 1 bytes: one of them is far too "
    "large.",
}


def plain_message(process: str, failure: Failure) -> str:
    """Why Flink refuses the process, in plain words with the sizes involved."""
    values: dict[str, str] = {k: compact(v) for k, v in failure.numbers.items() if k != "process"}
    values["process"] = _PROCESS.get(process, process)
    numbers = failure.numbers
    if "process" in numbers:
        values["process_size"] = compact(numbers["process"])
    if failure.kind == "overhead-out-of-range":
        base = numbers["flink"] + numbers["metaspace"]
        values["low"], values["high"] = (
            compact(base + numbers["min"]),
            compact(base + numbers["max"]),
        )
    for index, key in enumerate(failure.keys[:2]):
        values[f"key{index}"] = key
    template = _PLAIN.get(failure.kind)
    try:
        return template.format(**values) if template else failure.message
    except (KeyError, IndexError):
        return failure.message
