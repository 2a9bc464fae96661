"""What ``flinklint explain`` shows: each process's memory as Flink resolves it, JSON or text.

:func:`explain_json` returns the machine-readable shape (sizes in bytes, Flink's JVM arguments,
or the error with a rule code, a line and advice); :func:`explain_text` draws a tree in the
spirit of Flink's "Final TaskExecutor Memory configuration" log, with each component's share
of the process, where its value came from, silent adjustments and the JVM arguments.

Both take a :class:`~flinklint.verdict.Verdict`, built from the facts ``check`` reports: a
process Flink does not start (while loading the file or resolving its memory) shows Flink's
own message and the code, line and advice of the finding ``check`` reports for it; a process
sized by a deploy-time placeholder is shown as such. Run-time notes (what Flink's memory guides
warn about for this layout: the ``FL4xx`` rules' messages) come from the caller, one line each
under the TaskManager (``"runtime"`` in JSON). Lines come from the caller (a mapping or a
callable key -> line, e.g. ``lambda key: (e := config.last(key)) and e.line``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from flinklint.memory.failures import compact
from flinklint.memory.model import Clamp, Component, Origin, ProcessModel
from flinklint.values.units import human
from flinklint.verdict import ProcessVerdict, Stop, Verdict
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


Lines = Mapping[str, int] | Callable[[str], "int | None"]


@dataclass(frozen=True, slots=True)
class Note:
    """A run-time fact about the TaskManager's layout: a rule's code, line and message."""

    code: str
    line: int | None
    message: str


def process_json(judged: ProcessVerdict) -> dict[str, Any]:
    """One process: its memory in bytes (``TM_MEMORY`` / ``JM_MEMORY`` keys), or the error."""
    stop, model = judged.stop, judged.model
    if stop is None:
        names = TM_MEMORY if judged.process == "taskmanager" else JM_MEMORY
        memory = {name: model.size(name) for name in names}
        return {"ok": True, "memory": memory, "jvm_args": model.jvm_args, "error": None}
    error = {
        "code": stop.code,
        "line": stop.line,
        "message": stop.message,
        "flink_message": stop.flink_message,
        "stage": stop.stage,
        "severity": stop.severity,
    }
    return {"ok": False, "memory": None, "jvm_args": None, "error": error}


def explain_json(
    path: str,
    version: FlinkVersion,
    effective: Mapping[str, str],
    judged: Verdict,
    notes: Sequence[Note] = (),
) -> dict[str, Any]:
    """The ``flinklint explain --format json`` document for one configuration."""
    taskmanager = process_json(judged.taskmanager)
    taskmanager["runtime"] = [{"code": n.code, "line": n.line, "message": n.message}
                              for n in notes]
    return {
        "path": path,
        "flink_version": str(version),
        "effective": dict(effective),
        "taskmanager": taskmanager,
        "jobmanager": process_json(judged.jobmanager),
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


def stop_title(title: str, stop: Stop) -> str:
    """``TaskManager: Flink refuses to start it``, and the like for each kind of stop."""
    if stop.stage == "load":
        return f"{title}: Flink does not start it: it stops while loading the file"
    if stop.stage == "deploy":
        return f"{title}: sized at deploy time"
    if stop.severity != "error":
        return f"{title}: Flink does not start it with this file alone"
    return f"{title}: Flink refuses to start it"


def _stopped(title: str, stop: Stop, style: _Style) -> list[str]:
    at = f" (line {stop.line})" if stop.line else ""
    colour = _BOLD + (_RED if stop.severity == "error" else "")
    out = [style.paint(stop_title(title, stop), colour)]
    if stop.flink_message:
        out.append(f"  Flink says: {stop.flink_message}")
    out.append(f"  {stop.code}{at}: {stop.message}" if stop.code else f"  {stop.message}")
    return out


def _section(judged: ProcessVerdict, title: str, tree: tuple[Any, ...], style: _Style,
             ) -> list[str]:
    model = judged.model
    if judged.stop is not None:
        return _stopped(title, judged.stop, style)
    out = [style.paint(title, _BOLD), *_tree(model, tree, style)]
    if model.clamps:
        out.append("  Silently adjusted by Flink:")
        out.extend(f"    {_clamp_line(clamp, style)}" for clamp in model.clamps)
    out.append(f"  JVM arguments: {model.jvm_args}")
    return out


def explain_text(
    path: str,
    version: FlinkVersion,
    effective: Mapping[str, str],
    judged: Verdict,
    *,
    lines: Lines | None = None,
    terminal: bool = False,
    notes: Sequence[Note] = (),
) -> str:
    """The ``flinklint explain`` text: both processes, with bars and colour on a terminal."""
    style = _Style(lines, terminal)
    out = [f"{path} (Flink {version}, {len(effective)} effective keys)", ""]
    out += _section(judged.taskmanager, "TaskManager", _TM_TREE, style)
    if notes:
        out.append("  At run time (Flink's memory guides):")
        for note in notes:
            at = f" (line {note.line})" if note.line else ""
            out.append(f"    {style.paint(note.code, _BOLD)}{at}: {note.message}")
    out.append("")
    out += _section(judged.jobmanager, "JobManager", _JM_TREE, style)
    return "\n".join(out) + "\n"
