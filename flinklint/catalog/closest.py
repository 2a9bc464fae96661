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
    """Optimal string alignment distance of ``a`` and ``b``, or ``limit + 1`` when larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


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
