"""What ``flinklint explain`` shows: each process's memory as Flink resolves it, JSON or text.

:func:`explain_json` returns the machine-readable shape (sizes in bytes, Flink's JVM arguments,
or the error with a rule code, a line and advice); :func:`explain_text` draws a tree in the
spirit of Flink's "Final TaskExecutor Memory configuration" log, with each component's share
of the process, where its value came from, silent adjustments and the JVM arguments.

Advice comes from the rules (a callable given by the caller); without one, the failure is
reworded in plain English under code ``FL200``. Lines come from the caller too (a mapping or a
callable key -> line, e.g. ``lambda key: (e := config.last(key)) and e.line``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flinklint.memory.failures import compact, plain_message
from flinklint.memory.model import Clamp, Component, Origin, ProcessModel
from flinklint.values.units import human
from flinklint.versions import FlinkVersion

TM_MEMORY = (
    "total_process", "total_flink", "framework_heap", "task_heap", "framework_off_heap",
    "task_off_heap", "managed", "network", "jvm_metaspace", "jvm_overhead",
)  # fmt: skip
JM_MEMORY = (
    "total_process",
    "total_flink",
    "jvm_heap",
    "off_heap",
    "jvm_metaspace",
    "jvm_overhead",
)


@dataclass(frozen=True, slots=True)
class Advice:
    """What a rule says about a process Flink refuses: its code, line and plain advice."""

    code: str
    line: int | None
    message: str


@dataclass(frozen=True, slots=True)
class JvmOverride:
    """A memory flag from ``env.java.opts*`` that replaces one of Flink's JVM arguments."""

    flag: str  # as the JVM gets it, e.g. -Xmx2g
    replaces: str  # Flink's own argument, e.g. -Xmx536870902
    key: str  # the option it came from
    line: int | None

    def as_json(self) -> dict[str, Any]:
        return {"flag": self.flag, "replaces": self.replaces, "key": self.key,
                "line": self.line, "code": "FL331"}


Overrides = Mapping[str, "list[JvmOverride]"]
Advisor = Callable[[str, ProcessModel], "Advice | None"]
Lines = Mapping[str, int] | Callable[[str], "int | None"]


def default_advice(process: str, model: ProcessModel) -> Advice:
    """``FL200``, no line, and the failure reworded in plain English."""
    assert model.failure is not None
    return Advice("FL200", None, plain_message(process, model.failure))


def _advice(process: str, model: ProcessModel, advise: Advisor | None) -> Advice:
    found = advise(process, model) if advise else None
    return found or default_advice(process, model)


def _process_json(
    process: str, model: ProcessModel, names: tuple[str, ...], advise: Advisor | None,
    overridden: list[JvmOverride] | None = None,
) -> dict[str, Any]:
    if model.failure is None:
        memory = {name: model.size(name) for name in names}
        doc = {"ok": True, "memory": memory, "jvm_args": model.jvm_args, "error": None}
        if overridden:  # only then: the key is an addition to the document's shape
            doc["jvm_overrides"] = [o.as_json() for o in overridden]
        return doc
    advice = _advice(process, model, advise)
    error = {
        "code": advice.code,
        "line": advice.line,
        "message": advice.message,
        "flink_message": model.failure.message,
    }
    return {"ok": False, "memory": None, "jvm_args": None, "error": error}


def explain_json(
    path: str,
    version: FlinkVersion,
    effective: Mapping[str, str],
    tm: ProcessModel,
    jm: ProcessModel,
    *,
    advise: Advisor | None = None,
    overrides: Overrides | None = None,
) -> dict[str, Any]:
    """The ``flinklint explain --format json`` document for one configuration.

    ``overrides`` (process -> memory flags of ``env.java.opts*`` that replace Flink's) adds a
    ``jvm_overrides`` list to a process that has any.
    """
    found = overrides or {}
    return {
        "path": path,
        "flink_version": str(version),
        "effective": dict(effective),
        "taskmanager": _process_json("taskmanager", tm, TM_MEMORY, advise,
                                     found.get("taskmanager")),
        "jobmanager": _process_json("jobmanager", jm, JM_MEMORY, advise,
                                    found.get("jobmanager")),
    }


# -- text -----------------------------------------------------------------------------------

# (label as in Flink's log, depth, components summed for the line, provenance shown from)
_TM_TREE = (
    ("Total Process Memory", 1, ("total_process",)),
    ("Total Flink Memory", 2, ("total_flink",)),
    ("Total JVM Heap Memory", 3, ("framework_heap", "task_heap")),
    ("Framework", 4, ("framework_heap",)),
    ("Task", 4, ("task_heap",)),
    ("Total Off-heap Memory", 3, ("managed", "framework_off_heap", "task_off_heap", "network")),
    ("Managed", 4, ("managed",)),
    ("Total JVM Direct Memory", 4, ("framework_off_heap", "task_off_heap", "network")),
    ("Framework", 5, ("framework_off_heap",)),
    ("Task", 5, ("task_off_heap",)),
    ("Network", 5, ("network",)),
    ("JVM Metaspace", 2, ("jvm_metaspace",)),
    ("JVM Overhead", 2, ("jvm_overhead",)),
)
_JM_TREE = (
    ("Total Process Memory", 1, ("total_process",)),
    ("Total Flink Memory", 2, ("total_flink",)),
    ("JVM Heap", 3, ("jvm_heap",)),
    ("Off-heap", 3, ("off_heap",)),
    ("JVM Metaspace", 2, ("jvm_metaspace",)),
    ("JVM Overhead", 2, ("jvm_overhead",)),
)
_CLAMPED = {
    "jvm overhead memory": "JVM overhead",
    "network memory": "Network memory",
    "managed memory": "Managed memory",
}
_BAR = 20
_BOLD, _DIM, _RED, _CYAN, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[36m", "\x1b[0m"


class _Style:
    def __init__(self, lines: Lines | None, terminal: bool) -> None:
        self.lines = lines
        self.terminal = terminal

    def line_of(self, key: str | None) -> int | None:
        if key is None or self.lines is None:
            return None
        if isinstance(self.lines, Mapping):
            return self.lines.get(key)
        return self.lines(key)

    def paint(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.terminal else text

    def details(self, key: str, note: str = "") -> str:
        """``deprecated key, line 5``: what to say about a key besides its name."""
        line = self.line_of(key)
        return ", ".join(x for x in (note, f"line {line}" if line else "") if x)

    def where(self, key: str, note: str = "") -> str:
        """``taskmanager.memory.process.size (line 3)``."""
        details = self.details(key, note)
        return f"{key} ({details})" if details else key


def _provenance(component: Component, style: _Style) -> str:
    if component.origin is Origin.DEFAULT:
        return "default"
    if component.origin is Origin.DERIVED:
        text = f"derived: {component.basis}"
        if component.key and style.line_of(component.key):
            return f"{text} ({component.key}, {style.details(component.key)})"
        return text
    note = {Origin.FALLBACK: "deprecated key", Origin.LEGACY: "legacy key"}.get(
        component.origin, ""
    )
    return style.where(component.key or "", note)


def _bar(share: float) -> str:
    eighths = round(share * _BAR * 8)
    full, rest = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[rest] if rest else ""
    return ("█" * full + partial).ljust(_BAR)


def _tree(model: ProcessModel, tree: tuple[Any, ...], style: _Style) -> list[str]:
    total = model.size("total_process") or 1
    width = max(2 * depth + len(label) for label, depth, _ in tree) + 1
    rows = []
    for label, depth, parts in tree:
        size = sum(model.size(p) for p in parts)
        head = f"{'  ' * depth}{label}:".ljust(width)
        share = f"{100 * size / total:5.1f}%"
        bar = f" {style.paint(_bar(size / total), _CYAN)}" if style.terminal else ""
        where = _provenance(model.components[parts[0]], style) if len(parts) == 1 else ""
        row = f"{head} {human(size).ljust(30)} {share}{bar}"
        rows.append(f"{row}  {style.paint(where, _DIM)}".rstrip() if where else row)
    return rows


def _clamp_line(clamp: Clamp, style: _Style) -> str:
    what = _CLAMPED.get(clamp.component, clamp.component)
    verb = "raised to its minimum" if clamp.bound == "min" else "lowered to its maximum"
    source = f"; {style.where(clamp.key)}" if clamp.key else ""
    return f"{what} {verb} {compact(clamp.used)} (derived {compact(clamp.derived)}{source})"


def _section(
    process: str, title: str, model: ProcessModel, tree: tuple[Any, ...], style: _Style,
    advise: Advisor | None, overridden: list[JvmOverride] | None = None,
) -> list[str]:  # fmt: skip
    if model.failure is not None:
        advice = _advice(process, model, advise)
        at = f" (line {advice.line})" if advice.line else ""
        return [
            style.paint(f"{title}: Flink refuses to start it", _BOLD + _RED),
            f"  Flink says: {model.failure.message}",
            f"  {advice.code}{at}: {advice.message}",
        ]
    out = [style.paint(title, _BOLD), *_tree(model, tree, style)]
    if model.clamps:
        out.append("  Silently adjusted by Flink:")
        out.extend(f"    {_clamp_line(clamp, style)}" for clamp in model.clamps)
    out.append(f"  JVM arguments: {model.jvm_args}")
    for o in overridden or ():
        at = f", line {o.line}" if o.line else ""
        out.append(style.paint(
            f"  Overridden: {o.flag} from {o.key}{at} replaces {o.replaces}: the JVM keeps the "
            f"last one (FL331)", _RED))
    return out


def explain_text(
    path: str,
    version: FlinkVersion,
    effective: Mapping[str, str],
    tm: ProcessModel,
    jm: ProcessModel,
    *,
    lines: Lines | None = None,
    advise: Advisor | None = None,
    terminal: bool = False,
    overrides: Overrides | None = None,
) -> str:
    """The ``flinklint explain`` text: both processes, with bars and colour on a terminal."""
    style = _Style(lines, terminal)
    found = overrides or {}
    out = [f"{path} (Flink {version}, {len(effective)} effective keys)", ""]
    out += _section("taskmanager", "TaskManager", tm, _TM_TREE, style, advise,
                    found.get("taskmanager"))
    out.append("")
    out += _section("jobmanager", "JobManager", jm, _JM_TREE, style, advise,
                    found.get("jobmanager"))
    return "\n".join(out) + "\n"
