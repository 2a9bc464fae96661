"""A JVM memory flag in `env.java.opts*` overrides the size Flink computed.

## What it does
Reports `-Xmx`, `-Xms` (and their long forms `-XX:MaxHeapSize=`, `-XX:InitialHeapSize=`),
`-XX:MaxDirectMemorySize=` and `-XX:MaxMetaspaceSize=` among the JVM options the start scripts
hand the TaskManager or JobManager (from `env.java.opts`, `env.java.opts.all`,
`env.java.opts.taskmanager`, `env.java.opts.jobmanager`, `env.java.default-opts.*`) when its size
differs from the one Flink computed for that flag. The message names the process, the memory
component that loses its size and Flink's value, and points at the flag in the value.

## Why is this bad?
`taskmanager.sh` and `jobmanager.sh` ask Flink's memory model (`BashJavaUtils`) for the JVM
flags and start the JVM with them first and the options of `env.java.opts*` after them. The JVM
keeps the last value of a flag, so `-Xmx2g` silently replaces the heap Flink laid out: the
process no longer fits the total process size Flink planned (and the container it runs in),
while Flink still divides managed, network and task memory as if its own sizes held. A larger
`-Xms` than Flink's `-Xmx` stops the JVM from starting at all. Size memory with the
`taskmanager.memory.*` and `jobmanager.memory.*` options instead.

## Example
```yaml flink-conf.yaml
taskmanager.memory.process.size: 1728m
jobmanager.memory.process.size: 1600m
env.java.opts.taskmanager: -XX:+UseG1GC -Xmx2g
```

## Use instead
```yaml flink-conf.yaml
taskmanager.memory.process.size: 2560m
jobmanager.memory.process.size: 1600m
env.java.opts.taskmanager: -XX:+UseG1GC
```

## Fix safety
No fix: remove the flag and size the component with the option the message names.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.launch import options as o
from flinklint.launch.flags import Flag, last_flags
from flinklint.launch.scripts import Piece, Process
from flinklint.rules.shared.launch import launches
from flinklint.rules.shared.memory import size

# (process, flag family) -> what Flink sizes with it: words, components, the option to use
COMPONENTS: dict[tuple[Process, str], tuple[str, tuple[str, ...], str]] = {
    (Process.TASKMANAGER, "max-heap"): (
        "JVM heap", ("framework_heap", "task_heap"), "taskmanager.memory.task.heap.size"),
    (Process.TASKMANAGER, "initial-heap"): (
        "initial JVM heap", ("framework_heap", "task_heap"), "taskmanager.memory.task.heap.size"),
    (Process.TASKMANAGER, "max-direct"): (
        "direct memory limit", ("framework_off_heap", "task_off_heap", "network"),
        "taskmanager.memory.task.off-heap.size"),
    (Process.TASKMANAGER, "max-metaspace"): (
        "JVM metaspace", ("jvm_metaspace",), "taskmanager.memory.jvm-metaspace.size"),
    (Process.JOBMANAGER, "max-heap"): (
        "JVM heap", ("jvm_heap",), "jobmanager.memory.heap.size"),
    (Process.JOBMANAGER, "initial-heap"): (
        "initial JVM heap", ("jvm_heap",), "jobmanager.memory.heap.size"),
    (Process.JOBMANAGER, "max-direct"): (
        "direct memory limit", ("off_heap",), "jobmanager.memory.off-heap.size"),
    (Process.JOBMANAGER, "max-metaspace"): (
        "JVM metaspace", ("jvm_metaspace",), "jobmanager.memory.jvm-metaspace.size"),
}
NAMES = {
    "framework_heap": "framework heap", "task_heap": "task heap", "jvm_heap": "heap",
    "framework_off_heap": "framework off-heap", "task_off_heap": "task off-heap",
    "network": "network", "jvm_metaspace": "metaspace", "off_heap": "off-heap",
}  # fmt: skip


def overrides(ctx: Context) -> Iterator[tuple[Process, Piece, Flag, Flag]]:
    """``(process, key it came from, the user's flag, Flink's flag)`` for every override."""
    for found in launches(ctx.config, ctx.version):
        if found.error is not None:
            continue
        model = ctx.taskmanager if found.process is Process.TASKMANAGER else ctx.jobmanager
        if not model.ok or not model.jvm_args:
            continue
        flink = last_flags(model.jvm_args.split())
        for family, user in last_flags(found.options).items():
            piece = _source(found.pieces, user.text)
            if family in flink and user.size != flink[family].size and piece is not None:
                yield found.process, piece, user, flink[family]


def check(ctx: Context) -> Iterator[Hit]:
    grouped: dict[tuple[int, str], list[tuple[Process, Piece, Flag, Flag]]] = {}
    for hit in overrides(ctx):
        grouped.setdefault((id(hit[1].entry), hit[2].text), []).append(hit)
    refused = _refused(ctx)
    for hits in grouped.values():
        _, piece, user, _ = hits[0]
        parts = [_part(ctx, process, flink) for process, _, _, flink in hits]
        what, _, option = COMPONENTS[(hits[0][0], user.family)]
        message = (
            f"'{user.text}' in {piece.key} replaces the {what} Flink computed for "
            f"{' and for '.join(parts)}: the start scripts pass Flink's flags first and the JVM "
            f"keeps the last one, so the process no longer matches Flink's memory layout; "
            f"remove it and size the {what} with {_option(hits, option)}"
        )
        for process, _, flag, _ in hits:
            if flag.family == "initial-heap" and process in refused:
                message += (
                    f"; the {o.TITLE[process]}'s JVM does not even start: {flag.text} is larger "
                    f"than its maximum heap {refused[process]} ('Initial heap size set to a "
                    f"larger value than the maximum heap size')"
                )
        yield Hit(o.text_span(piece, user.text), message)


def _refused(ctx: Context) -> dict[Process, str]:
    """Processes whose JVM refuses its flags: initial heap above the maximum (with the max)."""
    refused: dict[Process, str] = {}
    for found in launches(ctx.config, ctx.version):
        model = ctx.taskmanager if found.process is Process.TASKMANAGER else ctx.jobmanager
        if found.error is not None or not model.ok or not model.jvm_args:
            continue
        flags = last_flags([*model.jvm_args.split(), *found.options])
        top, first = flags.get("max-heap"), flags.get("initial-heap")
        if top is not None and first is not None and first.size > top.size:
            refused[found.process] = top.text
    return refused


def _part(ctx: Context, process: Process, flink: Flag) -> str:
    model = ctx.taskmanager if process is Process.TASKMANAGER else ctx.jobmanager
    _, components, _ = COMPONENTS[(process, flink.family)]
    sizes = [(NAMES[c], model.size(c)) for c in components if c in model.components]
    detail = " + ".join(f"{name} {size(n)}" for name, n in sizes) if len(sizes) > 1 else ""
    return (
        f"the {o.TITLE[process]} ({size(flink.size)}"
        + (f" = {detail}" if detail else "")
        + f", passed as {flink.text})"
    )


def _option(hits: list[tuple[Process, Piece, Flag, Flag]], option: str) -> str:
    options = [COMPONENTS[(process, flag.family)][2] for process, _, flag, _ in hits]
    return " and ".join(dict.fromkeys(options or [option]))


def _source(pieces: tuple[Piece, ...], text: str) -> Piece | None:
    for piece in reversed(pieces):
        if text in piece.stripped:
            return piece
    return None


RULE = Rule(
    code="FL331",
    name="java-opts-memory-flag",
    severity=Severity.ERROR,
    summary="A JVM memory flag in `env.java.opts*` overrides the size Flink computed.",
    check=check,
    needs=("env.java",),
    doc=__doc__ or "",
)
