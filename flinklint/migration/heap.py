"""The legacy heap keys (``taskmanager.heap.size`` & co.), which Flink 2.0 no longer reads.

Up to 1.20 Flink copied the legacy heap size into a new option when that option was not set:
``taskmanager.heap.size`` (else ``taskmanager.heap.mb``, a number of megabytes) became
``taskmanager.memory.flink.size`` in a standalone cluster and ``taskmanager.memory.process.size``
on YARN and Kubernetes; ``jobmanager.heap.*`` became ``jobmanager.memory.heap.size`` or
``jobmanager.memory.process.size``. The migration writes the legacy value under the option it
stood for, so that a 2.x cluster gets the memory the 1.x cluster had, and turns the legacy keys
Flink ignored into comments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flinklint.flink_config import Entry
from flinklint.migration.model import Decision, Note, Settings

HEAP_KEYS = frozenset(
    f"{process}.heap.{unit}" for process in ("taskmanager", "jobmanager") for unit in ("size", "mb")
)
_TARGETS = {
    ("taskmanager", "standalone"): "taskmanager.memory.flink.size",
    ("taskmanager", "containerized"): "taskmanager.memory.process.size",
    ("jobmanager", "standalone"): "jobmanager.memory.heap.size",
    ("jobmanager", "containerized"): "jobmanager.memory.process.size",
}
_INT = re.compile(r"\+?[0-9]+")


def heap_decisions(entries: Sequence[Entry], effective: Sequence[int], settings: Settings,
                   notes: list[Note]) -> dict[int, Decision]:
    """Decisions for the effective legacy heap entries, keyed by entry index."""
    by_key = {entries[i].key: i for i in effective}
    out: dict[int, Decision] = {}
    for process in ("taskmanager", "jobmanager"):
        present = [by_key[k] for k in (f"{process}.heap.size", f"{process}.heap.mb") if k in by_key]
        if not present:
            continue
        target = _TARGETS[process, settings.heap]
        if target in by_key:
            winner = entries[by_key[target]]
            for index in present:
                out[index] = _ignored(entries[index], winner, notes)
            continue
        for index in present[1:]:
            out[index] = _ignored(entries[index], entries[present[0]], notes)
        out[present[0]] = _mapped(entries[present[0]], target, settings, notes)
    return out


def _ignored(entry: Entry, winner: Entry, notes: list[Note]) -> Decision:
    notes.append(Note(entry.line, f"'{entry.key}' was ignored by Flink 1.x because "
                                  f"'{winner.key}' is set (line {winner.line}); kept as a comment"))
    return Decision(entry.key, f"ignored, '{winner.key}' (line {winner.line}) wins")


def _mapped(entry: Entry, target: str, settings: Settings, notes: list[Note]) -> Decision:
    value = entry.value
    if entry.key.endswith(".mb"):
        if not _INT.fullmatch(value) or int(value) >= 2**31:
            notes.append(Note(entry.line, f"'{entry.key}' is not a number of megabytes Flink 1.x "
                                          "could read; kept as a comment"))
            return Decision(entry.key, "not read by Flink 2.x, and not a number Flink 1.x read")
        value = f"{int(value)}m"
    where = "a standalone cluster" if settings.heap == "standalone" else "YARN and Kubernetes"
    other = "containerized" if settings.heap == "standalone" else "standalone"
    if not settings.renames:
        notes.append(Note(entry.line, f"'{entry.key}' is not read by Flink 2.x; in {where} "
                                      f"Flink 1.x read it as '{target}'; kept as a comment"))
        return Decision(entry.key, f"not read by Flink 2.x; use '{target}'")
    notes.append(Note(entry.line, f"'{entry.key}' is not read by Flink 2.x: written as "
                                  f"'{target}' ({value}), as Flink 1.x read it in {where} "
                                  f"(use --legacy-heap {other} if that is not your deployment)"))
    return Decision(target, renamed=True, value=value)
