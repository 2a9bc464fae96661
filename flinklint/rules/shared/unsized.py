"""Whether a configuration sizes neither process: FL215's question, which FL205 and explain ask too.

Flink's scripts refuse to start a process without a memory size, unless it comes from
elsewhere (``-D``, ``FLINK_PROPERTIES``, the operator); when both fail for that reason alone the
configuration is most likely completed at deploy time, and the memory rules say so once.
"""

from __future__ import annotations

from flinklint.findings import Span
from flinklint.flink_config import Source
from flinklint.rules.shared.memory import PROCESSES
from flinklint.rules.shared.search import resolve_with

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.engine.rule import Context
    from flinklint.flink_config import FlinkConfig
    from flinklint.versions import FlinkVersion

NO_MEMORY_SETTINGS = "FL215"
MISSING = "no-memory-configured"


def nothing_configured(config: FlinkConfig, version: FlinkVersion,
                       ctx: Context | None = None) -> bool:
    """Whether both processes fail only because nothing sizes them."""
    for process in PROCESSES:
        if ctx is not None:
            model = ctx.taskmanager if process == "taskmanager" else ctx.jobmanager
        else:
            model = resolve_with(config, process, version, {})
        if model.failure is None or model.failure.kind != MISSING:
            return False
    return True


def message(config: FlinkConfig) -> str:
    return (
        "neither the TaskManager nor the JobManager has a memory size: Flink's start scripts "
        "refuse to start them unless memory comes from elsewhere (-D, FLINK_PROPERTIES, the "
        "operator); declare it with `define` in the flinklint settings or --define "
        "taskmanager.memory.process.size=... so the memory rules can check it"
    )


def first_key_span(config: FlinkConfig) -> Span:
    """Where FL215 points: the file's first key."""
    for entry in config.entries:
        if entry.source is Source.FILE:
            return entry.key_span
    return Span.point(config.base_line)
