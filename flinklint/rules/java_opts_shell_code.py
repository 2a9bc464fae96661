"""The start scripts run the JVM options of `env.java.opts*` as shell code.

## What it does
Reports a value of `env.java.opts`, `env.java.opts.all`, `env.java.opts.taskmanager`,
`env.java.opts.jobmanager` or `env.java.default-opts.*` that holds shell syntax, outside quotes,
that the start scripts' `eval` executes or interprets: command substitution (`$(...)`,
backticks), operators (`;`, `|`, `&`, `<`, `>`, parentheses), brace (`{a,b}`) and tilde
(`~/x`) expansion, and parameter forms such as `${X:-y}` or `$1`.

## Why is this bad?
`flink-console.sh` and `flink-daemon.sh` run
`FLINK_ENV_JAVA_OPTS=$(eval echo ${FLINK_ENV_JAVA_OPTS})` before starting the TaskManager or
JobManager, so this text is executed by bash on every start:
`-Da=1; rm -rf x` runs `rm`, `-Dx=$(hostname)` runs `hostname`, and the JVM gets only what
`echo` printed. It may be meant (a host name in a property), but the client JVMs (`bin/flink`)
do not evaluate the same options, YARN containers evaluate them differently, and what the JVM
finally gets cannot be checked here. Plain variables (`${FLINK_LOG_PREFIX}`) are not reported:
Flink documents them.

## Example
```yaml config.yaml
env.java.opts.all: -Dhost=$(hostname -f)
```

## Use instead
```yaml config.yaml
env.java.opts.all: -Dhost=${HOSTNAME}
```

## Fix safety
No fix: write the value the command would print, or a variable.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.launch import options as o
from flinklint.launch.scripts import Launch, Piece, Process
from flinklint.launch.shell import eval_echo
from flinklint.rules.shared.launch import launch_of


def check(ctx: Context) -> Iterator[Hit]:
    reported: dict[int, tuple[Piece, str, list[Process]]] = {}
    for process in Process:
        found = launch_of(ctx.config, ctx.version, process)
        if found is None or found.unmodelled is None:
            continue
        for piece in _culprits(found):
            what = eval_echo(piece.stripped).unmodelled or found.unmodelled
            reported.setdefault(id(piece.entry), (piece, what, []))[2].append(process)
    for piece, what, names in reported.values():
        yield Hit(
            o.value_span(piece),
            f"Flink {ctx.version}'s start scripts run the options of {piece.key} through bash's "
            f"eval before starting {o.processes(names)}, which interprets {what} here: it runs "
            f"on every start and the JVM gets only what echo prints",
        )


def _culprits(found: Launch) -> list[Piece]:
    alone = [p for p in found.pieces if eval_echo(p.stripped).unmodelled is not None]
    return alone or list(found.pieces[:1])


RULE = Rule(
    code="FL332",
    name="java-opts-shell-code",
    severity=Severity.WARNING,
    summary="The start scripts run the JVM options of `env.java.opts*` as shell code.",
    check=check,
    needs=("env.java",),
    doc=__doc__ or "",
)
