"""A memory fraction has no effect: Flink clamps its result to a default bound.

## What it does
Flink derives the JVM overhead (`*.memory.jvm-overhead.fraction` of the process size) and the
network memory (`taskmanager.memory.network.fraction` of the Flink memory) from a fraction, then
silently raises the result to the option's minimum or lowers it to its maximum. The rule
reports a fraction set in the file whose result is clamped by a bound left at its default:
the fraction then does nothing, which is rarely what its author wanted. Clamps by a bound the
file sets are deliberate and not reported, and neither are clamps of default fractions (the
shipped 1728m TaskManager's overhead is raised to 192mb by design).

## Why is this bad?
Flink only logs it at INFO (`The derived from fraction network memory (...) is greater than its
max value ..., max value will be used instead`). A typical surprise: raising the network
fraction on Flink 1.15 or 1.16 has no effect beyond 1gb, the default maximum up to 1.16.

## Example
```yaml flink-conf.yaml flink-version=1.16
taskmanager.memory.process.size: 16g
taskmanager.memory.network.fraction: 0.2
jobmanager.memory.process.size: 1600m
```

## Use instead
```yaml flink-conf.yaml flink-version=1.16
taskmanager.memory.process.size: 16g
taskmanager.memory.network.fraction: 0.2
taskmanager.memory.network.max: 4g
jobmanager.memory.process.size: 1600m
```

## Fix safety
No fix: either set the bound so the fraction applies, or remove the fraction.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.memory.model import Clamp
from flinklint.rules.shared.memory import TITLE, applies, models, setting, size, span_for

WORDS = {"jvm overhead memory": "JVM overhead", "network memory": "network memory"}


def fraction_keys(process: str, clamp: Clamp) -> tuple[str, ...]:
    if clamp.component == "network memory":
        return ("taskmanager.memory.network.fraction", "taskmanager.network.memory.fraction")
    if clamp.component == "jvm overhead memory":
        return (f"{process}.memory.jvm-overhead.fraction",)
    return ()


def check(ctx: Context) -> Iterator[Hit]:
    config = ctx.config
    if not applies(config):
        return
    for process, model in models(ctx):
        for clamp in model.clamps:
            key = next((k for k in fraction_keys(process, clamp) if k in config.effective), None)
            span = span_for(config, key) if key else None
            if key is None or span is None or clamp.key in config.effective:
                continue
            verb = "raises it to its minimum" if clamp.bound == "min" else "caps it at its maximum"
            message = (
                f"{key} {config.effective[key]} would give the {TITLE[process]} "
                f"{size(clamp.derived)} of {WORDS.get(clamp.component, clamp.component)}, but "
                f"Flink {verb} {size(clamp.used)} (the default of {clamp.key}), so the fraction "
                f"has no effect; set {clamp.key} to {setting(clamp.derived, clamp.bound == 'max')}"
                f" to let it apply, or remove the fraction"
            )
            yield Hit(span, message)


RULE = Rule(
    code="FL217",
    name="fraction-clamped",
    severity=Severity.INFO,
    summary="A memory fraction has no effect: Flink clamps its result to a default bound.",
    check=check,
    doc=__doc__ or "",
)
