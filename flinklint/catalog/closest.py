"""Closest known keys to a mistyped one.

Three passes, each used only when the one before found nothing:

1. the same key up to case, ``-``, ``_`` and ``.`` (``taskmanager.numberoftaskslots``,
   ``taskmanager.memory.process_size``);
2. a few character edits away: optimal string alignment distance (a transposition counts as
   one edit) of at most 1 for short keys, 2 from 12 characters and 3 from 24;
3. one dotted segment inserted, dropped or replaced while the last segment stays
   (``taskmanager.process.size`` -> ``taskmanager.memory.process.size``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SEPARATORS = re.compile(r"[-_.]")


def _squash(key: str) -> str:
    return _SEPARATORS.sub("", key.lower())


def _budget(key: str) -> int:
    return 1 if len(key) < 12 else 2 if len(key) < 24 else 3


def distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance of ``a`` and ``b``, or ``limit + 1`` when larger.

    Their common prefix and suffix are dropped first (no optimal alignment edits them, so the
    distance is that of what remains), and of the table only the band of cells within
    ``limit`` of the diagonal is computed: an alignment of cost at most ``limit`` never leaves
    it (each step off the diagonal costs an edit, and a transposition stays on its diagonal),
    and a cell outside it counts as too far."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    start, end = 0, min(len(a), len(b))
    while start < end and a[start] == b[start]:
        start += 1
    tail = 0
    while tail < end - start and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a, b = a[start:len(a) - tail], b[start:len(b) - tail]
    far = limit + 1
    width = len(b)
    before: list[int] = []
    previous = [j if j <= limit else far for j in range(width + 1)]
    for i, ca in enumerate(a, 1):
        current = [far] * (width + 1)
        if i <= limit:
            current[0] = i
        best = current[0]
        for j in range(max(1, i - limit), min(width, i + limit) + 1):
            cb = b[j - 1]
            cell = previous[j - 1] + (ca != cb)
            if previous[j] + 1 < cell:
                cell = previous[j] + 1
            if current[j - 1] + 1 < cell:
                cell = current[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and before[j - 2] + 1 < cell:
                cell = before[j - 2] + 1
            current[j] = cell
            if cell < best:
                best = cell
        if best > limit:
            return far
        before, previous = previous, current
    return min(previous[-1], far)


def _segment_neighbour(parts: list[str], other: list[str]) -> bool:
    """``other`` is ``parts`` with one non-final segment inserted, dropped or replaced."""
    if parts[-1] != other[-1]:
        return False
    if len(parts) == len(other):
        return sum(a != b for a, b in zip(parts, other, strict=True)) == 1
    longer, shorter = (parts, other) if len(parts) > len(other) else (other, parts)
    if len(longer) != len(shorter) + 1:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer) - 1))


def closest(key: str, candidates: Sequence[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` candidates close to ``key``, best first."""
    squashed = _squash(key)
    same = [c for c in candidates if _squash(c) == squashed and c != key]
    if same:
        return same[:limit]
    budget = _budget(key)
    scored = []
    for candidate in candidates:
        if abs(len(candidate) - len(key)) <= budget:
            d = distance(key, candidate, budget)
            if d <= budget:
                scored.append((d, candidate))
    if scored:
        return [c for _, c in sorted(scored)[:limit]]
    parts = key.split(".")
    if len(parts) < 3:
        return []
    return [c for c in candidates if _segment_neighbour(parts, c.split("."))][:limit]
