"""What the TaskManager and the JobManager resolvers share (Flink's ``ProcessMemoryUtils``).

The functions mirror Flink's call order exactly, because the order decides which error wins,
how often a deprecated key is logged and which INFO lines appear. A failed check raises
:class:`~flinklint.values.javanum.JavaError` annotated with the failure kind, the keys
responsible and the numbers involved; the resolvers turn it into a ``Failure``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from flinklint.memory.model import Clamp, Component, Origin
from flinklint.memory.options import Conf, Option
from flinklint.records import dataclass, field
from flinklint.values import units
from flinklint.values.javafmt import double_to_string
from flinklint.values.javanum import JavaError, parse_float
from flinklint.values.units import human

ICE = "org.apache.flink.configuration.IllegalConfigurationException"
NPE = "java.lang.NullPointerException"


@dataclass
class Ctx:
    """The state of one resolution: configuration, logs, clamps and resolved components."""

    conf: Conf
    logs: list[str]
    clamps: list[Clamp] = field(default_factory=list)
    components: dict[str, Component] = field(default_factory=dict)

    def keys(self, *options: Option, present_only: bool = True) -> tuple[str, ...]:
        """The keys the user wrote for ``options`` (only those present unless told)."""
        out = []
        for option in options:
            if not present_only or self.conf.present(option):
                out.append(self.conf.source_key(option))
        return tuple(dict.fromkeys(out))

    def component(self, name: str, size: int, option: Option) -> int:
        """Record a component read from ``option`` (explicit, fallback, legacy or default)."""
        origin, key = self.conf.used.get(option.key, (Origin.DEFAULT, option.key))
        self.components[name] = Component(name, size, origin, key)
        return size

    def derived(self, name: str, size: int, basis: str, key: str | None = None) -> int:
        self.components[name] = Component(name, size, Origin.DERIVED, key, basis)
        return size


def log_lines(logs: list[str]) -> tuple[str, ...]:
    """Our ``LEVEL message`` entries as BashJavaUtils prints them (``%-5p %x - %m``)."""
    out = []
    for entry in logs:
        level, _, message = entry.partition(" ")
        out.append(f"{level:<5} [] - {message}")
    return tuple(out)


def fail(
    message: str,
    kind: str,
    keys: tuple[str, ...],
    *,
    cause: JavaError | None = None,
    **numbers: int,
) -> JavaError:
    """An ``IllegalConfigurationException`` for a failed check."""
    return JavaError(ICE, message, cause, kind=kind, keys=keys, numbers=numbers)


def read_memory(ctx: Ctx, option: Option) -> int:
    """``ProcessMemoryUtils.getMemorySizeFromConfig``."""
    try:
        value = ctx.conf.get(option, units.parse_memory_size)
        if value is None:
            raise JavaError(NPE, "The memory option is not set and has no default value.")
    except JavaError as error:
        key = ctx.conf.source_key(option)
        raise fail(
            f"Cannot read memory size from config option '{option.key}'.",
            "invalid-size",
            (key,),
            cause=error,
        ) from None
    return value


def read_fraction(ctx: Ctx, option: Option) -> float:
    try:
        value = ctx.conf.get(option, parse_float)
    except JavaError as error:
        error.kind, error.keys = "invalid-fraction", (ctx.conf.source_key(option),)
        raise
    assert value is not None
    return value


@dataclass(frozen=True, slots=True)
class RangeFraction:
    """``RangeFraction``: min, max, fraction and the options they came from."""

    min: int
    max: int
    fraction: float
    fraction_option: Option
    min_option: Option | None = None
    max_option: Option | None = None


def range_fraction(
    ctx: Ctx,
    low: int,
    high: int,
    option: Option,
    min_option: Option | None,
    max_option: Option | None,
    min_max_kind: str,
) -> RangeFraction:
    """``ProcessMemoryUtils.getRangeFraction``: min <= max and 0 <= fraction < 1, or fail."""
    fraction = read_fraction(ctx, option)
    problem = None
    if low > high:
        problem, kind = "min value must be less or equal to max value", min_max_kind
        keys = ctx.keys(*(o for o in (min_option, max_option) if o))
    elif not 0 <= fraction < 1:
        problem, kind, keys = (
            "fraction must be in range [0, 1)",
            "inconsistent-fraction",
            (ctx.conf.source_key(option),),
        )
    if problem:
        raise fail(
            f"Inconsistently configured {option.describe()} ({double_to_string(fraction)}) "
            f"and its min ({human(low)}), max ({human(high)}) value",
            kind,
            keys,
            cause=JavaError(units.IAE, problem),
            min=low,
            max=high,
        )
    return RangeFraction(low, high, fraction, option, min_option, max_option)


def cap(ctx: Ctx, description: str, relative: int, rf: RangeFraction) -> int:
    """``capToMinMax``: clamp a derived size into [min, max], logging Flink's INFO line."""
    for bound, limit, option, word, beyond in (
        ("max", rf.max, rf.max_option, "greater", relative > rf.max),
        ("min", rf.min, rf.min_option, "less", relative < rf.min),
    ):
        if beyond:
            ctx.logs.append(
                f"INFO The derived from fraction {description} ({human(relative)}) is {word} than "
                f"its {bound} value {human(limit)}, {bound} value will be used instead"
            )
            key = ctx.conf.source_key(option) if option else ""
            ctx.clamps.append(Clamp(description, relative, limit, bound, key))
            return limit
    return relative


def with_fraction(ctx: Ctx, description: str, base: int, rf: RangeFraction) -> int:
    return cap(ctx, description, units.multiply(base, rf.fraction), rf)


def with_inverse_fraction(ctx: Ctx, description: str, base: int, rf: RangeFraction) -> int:
    return cap(ctx, description, units.multiply(base, rf.fraction / (1 - rf.fraction)), rf)


Reader = Callable[[Ctx], int]


@lru_cache(maxsize=256)
def short_fraction(fraction: float) -> str:
    """A fraction as the user wrote it (the shortest text giving the same Java float)."""
    for digits in range(1, 10):
        text = f"{fraction:.{digits}g}"
        if parse_float(text) == fraction:
            return text
    return double_to_string(fraction)
