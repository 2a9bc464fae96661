"""``flinklint explain --flink-version A --compare B``: one configuration as two versions see it.

A :class:`Comparison` holds both verdicts, whether B's side is the ``config.yaml`` that
``flinklint migrate`` writes (a ``flink-conf.yaml`` compared with Flink 2.x, which reads only
``config.yaml``), and the keys of the file whose meaning changes between the two versions
(removed, renamed, or read by one version only). :func:`changes` lists every component whose
size differs, in bytes (``None`` where the process does not start); :func:`compare_json`,
:func:`compare_text` and :func:`compare_markdown` render it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flinklint.memory.failures import compact
from flinklint.records import dataclass
from flinklint.report.explain import JM_MEMORY, TM_MEMORY, process_json, stop_title
from flinklint.report.explain_layout import TITLES, nodes, tree_of
from flinklint.verdict import ProcessVerdict, Verdict
from flinklint.versions import FlinkVersion

TYPE_CHECKING = False
if TYPE_CHECKING:
    from flinklint.flink_config import FlinkConfig

MIGRATED = "the config.yaml that `flinklint migrate` writes for it"


@dataclass(frozen=True, slots=True)
class KeyChange:
    """A key of the file that the two versions read differently."""

    key: str
    line: int | None
    change: str  # "removed" | "renamed" | "only-before" | "only-after"
    replacement: str | None = None
    note: str = ""

    def describe(self, before: FlinkVersion, after: FlinkVersion) -> str:
        use = f"; use {self.replacement}" if self.replacement else ""
        note = f" ({self.note})" if self.note else ""
        if self.change == "removed":
            return f"Flink {after} no longer reads it{use}{note}"
        if self.change == "renamed":
            return f"deprecated in Flink {after}{use}{note}"
        if self.change == "only-after":
            return f"read by Flink {after}, ignored by Flink {before}"
        return f"read by Flink {before}, ignored by Flink {after}{use}"


@dataclass(frozen=True, slots=True)
class Comparison:
    before: FlinkVersion
    after: FlinkVersion
    a: Verdict
    b: Verdict
    migrated: bool = False
    keys: tuple[KeyChange, ...] = ()


def key_changes(config: FlinkConfig, before: FlinkVersion,
                after: FlinkVersion) -> tuple[KeyChange, ...]:
    """The file's keys that ``before`` and ``after`` read differently, in file order."""
    from flinklint.catalog import catalog

    options = catalog()
    seen: set[str] = set()
    found = []
    for entry in config.entries:
        if entry.key in seen or entry.source.value != "file":
            continue
        seen.add(entry.key)
        change = _change(options, entry.key, before, after)
        if change is not None:
            found.append(KeyChange(entry.key, entry.line, *change))
    return tuple(found)


def _change(options: Any, key: str, before: FlinkVersion,
            after: FlinkVersion) -> tuple[str, str | None, str] | None:
    known_before, known_after = options.is_known(key, before), options.is_known(key, after)
    if known_before and not known_after:
        removal = options.removed_in(key, after) if after > before else None
        if removal is not None:
            return "removed", removal.replacement, removal.note
        return "only-before", None, ""
    if known_after and not known_before:
        return "only-after", None, ""
    if not known_before:
        return None
    was, now = options.deprecation(key, before), options.deprecation(key, after)
    if now is not None and now.replacement and (was is None or was.replacement != now.replacement):
        return "renamed", now.replacement, now.note
    return None


def _sizes(judged: ProcessVerdict) -> dict[str, int | None]:
    names = TM_MEMORY if judged.process == "taskmanager" else JM_MEMORY
    if not judged.starts:
        return dict.fromkeys(names)
    return {name: judged.model.size(name) for name in names}


def changes(comparison: Comparison) -> list[dict[str, Any]]:
    """Every component whose size differs: ``{"process", "component", "from", "to"}``."""
    out = []
    for before, after in zip(comparison.a, comparison.b, strict=True):
        old, new = _sizes(before), _sizes(after)
        for name in old:
            if old[name] != new[name]:
                out.append({"process": before.process, "component": name,
                            "from": old[name], "to": new[name]})
    return out


def compare_json(comparison: Comparison) -> dict[str, Any]:
    """The ``"compare"`` member of ``explain --format json`` (the rest is version A's)."""
    return {
        "flink_version": str(comparison.after),
        "migrated": comparison.migrated,
        "taskmanager": process_json(comparison.b.taskmanager),
        "jobmanager": process_json(comparison.b.jobmanager),
        "changes": changes(comparison),
        "keys": [
            {"key": k.key, "line": k.line, "change": k.change, "replacement": k.replacement,
             "note": k.note}
            for k in comparison.keys
        ],
    }


def _shown(size: int | None) -> str:
    if size is None:
        return "-"
    return f"{size} bytes" if size < 1024 else f"{compact(size)} ({size} bytes)"


def delta(old: int | None, new: int | None) -> str:
    """``+215.04mb``, ``-1gb``, ``starts``, ``does not start`` or "" (no change)."""
    if old is None or new is None:
        return "starts" if old is None and new is not None else (
            "does not start" if new is None and old is not None else "")
    diff = new - old
    if not diff:
        return ""
    return f"+{compact(diff)}" if diff > 0 else f"-{compact(-diff)}"


def table(before: ProcessVerdict, after: ProcessVerdict) -> Iterator[tuple[int, str, int | None,
                                                                          int | None]]:
    """(depth, label, bytes before, bytes after) for every box of the process's tree."""
    for depth, node in nodes(tree_of(before.process)):
        old = sum(before.model.size(p) for p in node[2]) if before.starts else None
        new = sum(after.model.size(p) for p in node[2]) if after.starts else None
        yield depth, node[1], old, new


def _side_notes(judged: ProcessVerdict, version: FlinkVersion) -> list[str]:
    stop = judged.stop
    if stop is None:
        return []
    at = f" (line {stop.line})" if stop.line else ""
    out = [f"  Flink {version}: {stop_title(TITLES[judged.process], stop)}"]
    if stop.flink_message:
        out.append(f"    Flink says: {stop.flink_message}")
    out.append(f"    {stop.code}{at}: {stop.message}" if stop.code else f"    {stop.message}")
    return out


def header(path: str, comparison: Comparison) -> str:
    after = f"Flink {comparison.after}"
    if comparison.migrated:
        after += f" (as {MIGRATED})"
    return f"{path}: Flink {comparison.before} compared with {after}"


def compare_text(path: str, comparison: Comparison, *, terminal: bool = False) -> str:
    """A diff view: one row per box, ``~`` in front of those that change, and the change."""
    yellow, reset = ("\x1b[33m", "\x1b[0m") if terminal else ("", "")
    a, b = f"Flink {comparison.before}", f"Flink {comparison.after}"
    out = [header(path, comparison), ""]
    for before, after in zip(comparison.a, comparison.b, strict=True):
        if not before.starts and not after.starts:
            out.append(f"  {TITLES[before.process]}: does not start with either version")
            out += _side_notes(before, comparison.before) + _side_notes(after, comparison.after)
            out.append("")
            continue
        shown = list(table(before, after))
        width = max(2 * depth + len(label) for depth, label, _, _ in shown) + 3
        column = max([len(a), len(b)] + [len(_shown(x)) for _, _, old, new in shown
                                          for x in (old, new)]) + 2
        out.append(f"  {TITLES[before.process].ljust(width)}{a.ljust(column)}{b.ljust(column)}"
                   "change")
        for depth, label, old, new in shown:
            mark = "~" if old != new else " "
            row = (f"{mark} {('  ' * depth + label).ljust(width)}{_shown(old).ljust(column)}"
                   f"{_shown(new).ljust(column)}{delta(old, new)}").rstrip()
            out.append(f"{yellow}{row}{reset}" if mark == "~" else row)
        out += _side_notes(before, comparison.before) + _side_notes(after, comparison.after)
        out.append("")
    if comparison.keys:
        out.append(f"Keys Flink {comparison.before} and Flink {comparison.after} read "
                   "differently:")
        for key in comparison.keys:
            at = f" (line {key.line})" if key.line else ""
            out.append(f"  {key.key}{at}: {key.describe(comparison.before, comparison.after)}")
    else:
        out.append(f"Flink {comparison.before} and Flink {comparison.after} read every key of "
                   "the file alike.")
    return "\n".join(out) + "\n"
