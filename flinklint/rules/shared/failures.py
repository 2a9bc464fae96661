"""From a resolver failure to a finding: which rule owns it, where it points, what to change.

Every failure kind the resolver can produce (``flinklint.memory.failures.KINDS``) is owned by
exactly one memory rule, which lists it in its module's ``KINDS`` and words the advice in its
``advise`` function. :func:`failure_hits` is the check of those rules;
:func:`flinklint.rules.advice.advice_for` serves ``flinklint explain``. The one exception is
``internal-error``, a defect of flinklint itself: the rule that owns it raises, so the engine
reports it as ``FL000`` with a request for a report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from importlib import import_module

from flinklint.engine.rule import Hit
from flinklint.loader.codes import refusal
from flinklint.memory.cascade import failures
from flinklint.records import replace
from flinklint.rules.shared.memory import applies, models

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.engine.rule import Context
    from flinklint.flink_config import FlinkConfig
    from flinklint.memory.model import Failure
    from flinklint.versions import FlinkVersion

Advise = Callable[["Failure", "FlinkConfig", str, "FlinkVersion"], Hit]
INTERNAL = "internal-error"
ADVICE = "memory-failure-advice"  # the key of the advice in Context.shared
PLACEHOLDER = "deploy-placeholder"  # flinklint.memory.PLACEHOLDER, without importing it

# The rule modules that turn resolver failures into findings, in code order. They are named,
# not imported: each imports this module for its check, and :func:`owners` imports them on
# first use, the way the lazy registry (flinklint.rules.index) loads a rule's check.
FAILURE_RULES = (
    "network_min_exceeds_max", "overhead_out_of_range", "process_memory_missing",
    "process_memory_too_small", "components_exceed_flink_memory", "inconsistent_memory_range",
    "derived_network_out_of_range", "jobmanager_memory_inconsistent", "invalid_memory_value",
    "invalid_segment_size", "cpu_cores_not_positive", "memory_overflow",
)


@cache
def owners() -> dict[str, tuple[str, Advise]]:
    """Failure kind -> (rule code, the rule's advise function)."""
    table: dict[str, tuple[str, Advise]] = {}
    for name in FAILURE_RULES:
        module = import_module(f"flinklint.rules.{name}")
        for kind in module.KINDS:
            table[kind] = (module.RULE.code, module.advise)
    return table


def process_of(failure: Failure) -> str:
    for key in failure.keys:
        if key.startswith("jobmanager."):
            return "jobmanager"
    return "jobmanager" if failure.message.startswith("JobManager") else "taskmanager"


def failure_hits(ctx: Context, kinds: tuple[str, ...]) -> Iterator[Hit]:
    """The findings of a failure rule: one per process whose resolution fails with ``kinds``."""
    done = ctx.shared.get(ADVICE)
    if done is None:
        try:
            done = _advised(ctx)
        except Exception as error:  # every failure rule fails alike, as each did on its own
            done = error
        ctx.shared[ADVICE] = done  # once per file for all the failure rules
    if isinstance(done, Exception):
        raise type(done)(*done.args)
    for kind, hit in done:
        if kind in kinds:
            yield hit


def _advised(ctx: Context) -> list[tuple[str, Hit]]:
    """Every failure of both processes with its finding (each advice resolves the process
    again, so this runs once per file, not once per failure rule)."""
    done: list[tuple[str, Hit]] = []
    if not applies(ctx.config):
        return done
    # as explain's verdict: Flink stops loading such a file before it resolves memory
    refused = refusal(ctx.config)
    for process, model in models(ctx):
        if model.failure is None or model.failure.kind == PLACEHOLDER:
            continue  # a process sized at deploy time is not judged (FL350 says so)
        chain = failures(ctx.config, ctx.version, process, model)
        first_line = refused.line if refused is not None else 0
        for position, (failure, effective) in enumerate(chain):
            if failure.kind == INTERNAL:
                raise RuntimeError(f"the {process} resolver failed: {failure.message}")
            # a later failure is judged in the configuration where the earlier ones are reset
            config = replace(ctx.config, effective=effective) if position else ctx.config
            _, advise = owners()[failure.kind]
            hit = advise(failure, config, process, ctx.version)
            if not position and refused is None:
                first_line = hit.span.line
            else:
                hit = replace(hit, message=f"{hit.message} (Flink reports this once the "
                              f"problem on line {first_line} is fixed)")
            done.append((failure.kind, hit))
    return done
