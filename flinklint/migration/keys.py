"""Which key each entry gets in config.yaml: kept, renamed, or kept only as a comment.

Flink reads only the last line of a key; the earlier ones become comments. For a Flink 2.x
target, a key that version no longer reads becomes a comment too (it would be ignored), unless
a rename keeps its meaning: a deprecated key Flink reads through its replacement (a fallback
key), or a removed key that was such a fallback key in the last version that read it. The
legacy heap keys are handled by :mod:`~flinklint.migration.heap`. A rename onto a key the file
sets anyway is not made (Flink reads that key and ignores the deprecated one, so the deprecated
line becomes a comment), nor are two renames onto the same key (which of them Flink used
depends on the option's order of fallback keys).
"""

from __future__ import annotations

from collections.abc import Sequence

from flinklint.catalog import catalog
from flinklint.flink_config import Entry
from flinklint.migration.heap import HEAP_KEYS, heap_decisions
from flinklint.migration.model import Decision, Note, Settings
from flinklint.versions import SUPPORTED


def decide(entries: Sequence[Entry], settings: Settings) -> tuple[list[Decision], list[Note]]:
    """One decision per entry, in order, and the notes that explain them."""
    last = {entry.key: index for index, entry in enumerate(entries)}
    decisions = [Decision(entry.key) for entry in entries]
    notes: list[Note] = []
    for index, entry in enumerate(entries):
        winner = entries[last[entry.key]]
        if winner is not entry:
            decisions[index] = Decision(entry.key, f"superseded by line {winner.line}")
            notes.append(Note(entry.line, f"'{entry.key}' is set again on line {winner.line}, "
                                          "which Flink uses; kept as a comment"))
    effective = [i for i, entry in enumerate(entries) if last[entry.key] == i]
    if not settings.version.at_least(2, 0) and not settings.renames:
        return decisions, notes
    wanted: dict[int, tuple[Decision, str | None]] = {}
    for index in effective:
        if entries[index].key not in HEAP_KEYS:
            wanted[index] = _one(entries[index], settings)
    if settings.version.at_least(2, 0):
        heap = heap_decisions(entries, effective, settings, notes)
        wanted.update((index, (decision, None)) for index, decision in heap.items())
    for index, decision in _settle(entries, wanted, notes).items():
        decisions[index] = decision
    return decisions, notes


def _one(entry: Entry, settings: Settings) -> tuple[Decision, str | None]:
    """The decision for an effective entry and why (None: nothing to say)."""
    key, version = entry.key, settings.version
    removal = catalog().removed_in(key, version)
    if removal is not None:
        old = catalog().lookup(key, removal.last) if removal.last in SUPPORTED else None
        plain = old is not None and old.main == removal.replacement and not removal.note
        if plain and settings.renames and removal.replacement:
            return Decision(removal.replacement, renamed=True), (
                f"renamed '{key}' to '{removal.replacement}', which Flink {version} reads "
                "instead (same meaning)")
        advice = f"; use '{removal.replacement}'" if removal.replacement else ""
        advice += f" ({removal.note})" if removal.note else ""
        return Decision(key, f"not read by Flink {version} (last read by {removal.last})"), (
            f"'{key}' is not read by Flink {version} (last read by {removal.last}); kept as a "
            f"comment{advice}")
    found = catalog().deprecation(key, version)
    if found is None or found.replacement is None:
        return Decision(key), None
    if found.fallback and settings.renames:
        return Decision(found.replacement, renamed=True), (
            f"renamed deprecated '{key}' to '{found.replacement}' (same meaning)")
    detail = f" ({found.note})" if found.note else ""
    return Decision(key), (
        f"'{key}' is deprecated in Flink {version}; consider '{found.replacement}'{detail}")


def _settle(entries: Sequence[Entry], wanted: dict[int, tuple[Decision, str | None]],
            notes: list[Note]) -> dict[int, Decision]:
    """Drop the renames that would collide; a key set under its new name wins."""
    kept = {d.key: i for i, (d, _) in wanted.items() if d.note is None and not d.renamed}
    onto: dict[str, list[int]] = {}
    for index, (decision, _) in wanted.items():
        if decision.renamed:
            onto.setdefault(decision.key, []).append(index)
    out = {}
    for index, (decision, why) in sorted(wanted.items()):
        entry, target = entries[index], decision.key
        if decision.renamed and target in kept:
            winner = entries[kept[target]]
            why = (f"'{entry.key}' is ignored because '{target}' is set (line {winner.line}); "
                   "kept as a comment")
            decision = Decision(entry.key, f"ignored, '{target}' (line {winner.line}) wins")
        elif decision.renamed and len(onto[target]) > 1:
            why = (f"'{entry.key}' not renamed to '{target}': other lines stand for it too and "
                   "Flink used only one of them")
            decision = Decision(entry.key)
        if why:
            notes.append(Note(entry.line, why))
        out[index] = decision
    return out
