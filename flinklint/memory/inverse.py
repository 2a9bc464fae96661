"""The smallest size that lets a process start, from Flink's arithmetic run backwards.

Every step of Flink's memory derivation is a nondecreasing piecewise-linear function of the
size it starts from, so each can be inverted on its own:

* the JVM overhead, ``clamp(process x fraction, min, max)``, leaves ``process - overhead``,
  whose inverse has one formula per clamp state (:func:`invert_clamped`);
* the TaskManager's total Flink memory must hold the framework and task off-heap memory, the
  managed memory (a size, or a fraction of the total) and the network memory (its fraction
  clamped into [min, max], or the legacy number of buffers); with a fixed task heap the
  network memory is what is left and must lie in [min, max];
* the JobManager's total Flink memory must exceed its off-heap memory.

:func:`least` composes the inverses into the least size (in bytes, as a rational number) of
one key, the others fixed, at which the memory arithmetic holds. It ignores the rounding of
Java's ``long`` products (a few bytes), so the caller confirms its answer, in whole mebibytes,
with the resolver itself (``flinklint.rules.shared.search``). Constants are read with the
resolver's own option reading (deprecated keys, defaults of the target version, YAML types),
after the legacy heap keys are mapped as the resolver maps them. Where no inverse applies (a
key that does not size the process, fractions adding up to 1 or more, a value Flink cannot
read), :func:`least` returns None and the caller searches.
"""

from __future__ import annotations

from fractions import Fraction

from flinklint.memory import options as o
from flinklint.memory import reading
from flinklint.memory.common import Ctx, range_fraction, read_fraction, read_memory
from flinklint.memory.legacy import map_legacy_heap
from flinklint.memory.network import Network
from flinklint.memory.options import MAX_LONG, Conf
from flinklint.memory.tm_flink import TaskManagerFlink
from flinklint.values.javafmt import double_to_string
from flinklint.values.javanum import JavaError
from flinklint.versions import FlinkVersion

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Mapping

    from flinklint.flink_config import FlinkConfig
    from flinklint.memory.common import RangeFraction

NEVER = Fraction(-1)  # no value of the key lets the process start
# a stand-in value for the key being solved for: it only has to be present and readable
_PLACEHOLDER = "1m"


def exact(fraction: float) -> Fraction:
    """The multiplier ``MemorySize.multiply`` uses: the decimal of ``Double.toString``."""
    mantissa, _, exponent = double_to_string(fraction).partition("E")
    whole, _, decimals = mantissa.partition(".")
    return Fraction(int(whole + decimals)) * Fraction(10) ** (int(exponent or 0) - len(decimals))


def invert_clamped(target: Fraction, d: Fraction, low: int, high: int) -> Fraction | None:
    """The least ``x >= 0`` with ``x - clamp(x * d, low, high) >= target``.

    ``x - clamp(x * d)`` is ``x - low`` up to ``low / d``, ``x * (1 - d)`` up to ``high / d``
    (falling when ``d >= 1``) and ``x - high`` beyond; each piece is solved on its own and the
    first that holds a solution wins."""
    if d < 0 or low > high:
        return None
    if d == 0 or target + low <= Fraction(low) / d:
        return max(Fraction(0), target + low)
    if d < 1 and target / (1 - d) <= Fraction(high) / d:
        return target / (1 - d)
    return max(Fraction(high) / d, target + high)


class _Reader:
    """The constants of one process, read as the resolver reads them."""

    def __init__(self, ctx: Ctx, version: FlinkVersion) -> None:
        self.ctx, self.version = ctx, version

    def size(self, option: o.Option) -> int:
        return read_memory(self.ctx, option)

    def fraction(self, option: o.Option) -> Fraction:
        return exact(read_fraction(self.ctx, option))

    def has(self, option: o.Option) -> bool:
        return self.ctx.conf.contains(option)

    def overhead(self, process: str) -> RangeFraction:
        tm = process == "taskmanager"
        low = self.size(o.TM_OVERHEAD_MIN if tm else o.JM_OVERHEAD_MIN)
        high = self.size(o.TM_OVERHEAD_MAX if tm else o.JM_OVERHEAD_MAX)
        fraction = o.TM_OVERHEAD_FRACTION if tm else o.JM_OVERHEAD_FRACTION
        return range_fraction(self.ctx, low, high, fraction, None, None, "")


def _context(effective: Mapping[str, str], version: FlinkVersion, types: Mapping[str, str],
             yaml: bool, process: str, containerized: bool) -> Ctx:
    logs: list[str] = []
    ctx = Ctx(Conf(dict(effective), logs, types, yaml), logs)
    if version.honours_legacy_heap_keys:
        tm = process == "taskmanager"
        if tm:
            target = o.TM_PROCESS if containerized else o.TM_FLINK
            map_legacy_heap(ctx, target, o.TM_LEGACY_HEAP, o.TM_LEGACY_HEAP_MB)
        else:
            target = o.JM_PROCESS if containerized else o.JM_HEAP
            map_legacy_heap(ctx, target, o.JM_LEGACY_HEAP, o.JM_LEGACY_HEAP_MB)
    return ctx


def least(effective: Mapping[str, str], version: FlinkVersion, types: Mapping[str, str],
          yaml: bool, process: str, key: str, containerized: bool = False) -> Fraction | None:
    """The least value of ``key`` (bytes) at which ``process``'s memory arithmetic holds;
    :data:`NEVER` when no value does (another size Flink cannot read, an empty range), None
    when that is not known in closed form."""
    values = {**effective, key: _PLACEHOLDER}
    try:
        ctx = _context(values, version, types, yaml, process, containerized)
        read = _Reader(ctx, version)
        read.overhead(process)  # every derivation reads its range: an empty one fails them all
        if process == "taskmanager":
            return _taskmanager(read, key, containerized)
        return _jobmanager(read, key, containerized)
    except JavaError:  # reading a size or fraction that does not depend on the key failed
        return NEVER


def least_for(config: FlinkConfig, version: FlinkVersion, process: str,
              key: str) -> Fraction | None:
    """:func:`least` for a loaded configuration, read as ``flinklint.memory.resolve_process``
    reads it (YAML types, the standard YAML reader, containers)."""
    types, yaml, containerized = reading(config, version, process, config.effective)
    types.pop(key, None)  # the key gets a value of its own
    return least(config.effective, version, types, yaml, process, key, containerized)


def _solved(key: str, *options: o.Option) -> bool:
    return any(key == option.key for option in options)


def _taskmanager(read: _Reader, key: str, containerized: bool) -> Fraction | None:
    legacy = (o.TM_LEGACY_HEAP, o.TM_LEGACY_HEAP_MB)
    fine = read.has(o.TM_TASK_HEAP) and read.has(o.TM_MANAGED)
    if _solved(key, o.TM_PROCESS) or (containerized and _solved(key, *legacy)):
        if fine or read.has(o.TM_FLINK):  # process = Flink + metaspace + overhead in [min, max]
            flink = _tm_flink_fixed(read, fine)
            if flink is None:
                return None
            return flink + read.size(o.TM_METASPACE) + read.overhead("taskmanager").min
        flink = _tm_least_flink(read, fine)
        if flink is None or flink is NEVER:
            return flink
        return _process_for(read, "taskmanager", flink)
    if _solved(key, o.TM_FLINK) or (not containerized and _solved(key, *legacy)):
        flink = _tm_least_flink(read, fine)
        if flink is None or flink is NEVER or not read.has(o.TM_PROCESS):
            return flink
        return _within_process(read, "taskmanager", flink)
    return None


def _tm_flink_fixed(read: _Reader, fine: bool) -> Fraction | None:
    """The total Flink memory when it does not depend on the process size."""
    if not fine:
        return Fraction(read.size(o.TM_FLINK))

    return Fraction(TaskManagerFlink(read.version).from_fine_grained(read.ctx))


def _tm_least_flink(read: _Reader, fine: bool = False) -> Fraction | None:
    """The least total Flink memory ``deriveFromTotalFlinkMemory`` accepts (with ``fine``,
    ``deriveFromRequiredFineGrainedOptions``: the managed size is set too)."""
    fixed = sum(read.size(option) for option in
                (o.TM_FRAMEWORK_HEAP, o.TM_FRAMEWORK_OFF_HEAP, o.TM_TASK_OFF_HEAP))
    network = Network(read.version)
    if read.has(o.TM_MANAGED):
        managed_size, managed_fraction = read.size(o.TM_MANAGED), Fraction(0)
    else:
        rf = range_fraction(read.ctx, 0, MAX_LONG, o.TM_MANAGED_FRACTION, None, None, "")
        managed_size, managed_fraction = 0, exact(rf.fraction)
    keep = 1 - managed_fraction  # total Flink memory less the managed fraction of it
    legacy = network._uses_legacy(read.ctx)
    if read.has(o.TM_TASK_HEAP):  # network is the rest: it must lie in [min, max]
        rest = fixed + read.size(o.TM_TASK_HEAP) + managed_size
        if legacy:
            low = high = network._legacy_size(read.ctx)
        else:
            rf = network.range(read.ctx)
            low, high = rf.min, rf.max
        flink = (rest + low) / keep
        return flink if flink * keep <= rest + high else NEVER
    if legacy:
        return (fixed + managed_size + network._legacy_size(read.ctx)) / keep
    rf = network.range(read.ctx)
    # F * keep - clamp(F * network fraction) >= fixed + managed size; in terms of F * keep:
    return _div(invert_clamped(Fraction(fixed + managed_size), exact(rf.fraction) / keep,
                               rf.min, rf.max), keep)


def _div(x: Fraction | None, by: Fraction) -> Fraction | None:
    return None if x is None else x / by


def _process_for(read: _Reader, process: str, flink: Fraction) -> Fraction | None:
    """The least process size that derives at least ``flink`` total Flink memory."""
    metaspace = read.size(o.TM_METASPACE if process == "taskmanager" else o.JM_METASPACE)
    rf = read.overhead(process)
    return invert_clamped(flink + metaspace, exact(rf.fraction), rf.min, rf.max)


def _within_process(read: _Reader, process: str, flink: Fraction) -> Fraction | None:
    """With the process size set too, the overhead it leaves must lie in [min, max]."""
    tm = process == "taskmanager"
    room = read.size(o.TM_PROCESS if tm else o.JM_PROCESS) - read.size(
        o.TM_METASPACE if tm else o.JM_METASPACE)
    rf = read.overhead(process)
    flink = max(flink, Fraction(room - rf.max))
    return flink if flink <= room - rf.min else NEVER


def _jobmanager(read: _Reader, key: str, containerized: bool) -> Fraction | None:
    fine = read.has(o.JM_HEAP)
    legacy = (o.JM_LEGACY_HEAP, o.JM_LEGACY_HEAP_MB)
    if _solved(key, o.JM_PROCESS) or (containerized and _solved(key, *legacy)):
        if fine or read.has(o.JM_FLINK):  # process = Flink + metaspace + overhead in [min, max]
            if read.has(o.JM_FLINK):
                total = read.size(o.JM_FLINK)
            else:
                total = read.size(o.JM_HEAP) + read.size(o.JM_OFF_HEAP)
            return Fraction(total + read.size(o.JM_METASPACE) + read.overhead("jobmanager").min)
        # Flink memory must exceed the off-heap memory
        return _process_for(read, "jobmanager", Fraction(read.size(o.JM_OFF_HEAP) + 1))
    if _solved(key, o.JM_FLINK) and not fine:
        flink = Fraction(read.size(o.JM_OFF_HEAP) + 1)
        if not read.has(o.JM_PROCESS):
            return flink
        return _within_process(read, "jobmanager", flink)
    return None
