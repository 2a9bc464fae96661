"""The closest keys of :mod:`flinklint.catalog.closest`, without comparing against every key.

A file of thousands of mistyped keys asked each of them against the whole catalog (a few
milliseconds per key, most of it edit distances). :class:`KeyIndex` answers the same question
with the same answer from an index built once per catalog version:

1. the squashed spelling (case, ``-``, ``_``, ``.`` dropped) maps straight to its keys;
2. edit distances are computed only for keys that could be within the budget: of a length at
   most the budget away, and sharing enough trigrams. One edit of the optimal string alignment
   distance (insertion, deletion, substitution, adjacent transposition) destroys at most four
   of a string's trigrams and the preserved ones can only shrink along a chain of edits, so two
   strings within ``k`` edits share at least ``max(len) - 2 - 4k`` trigrams (counted with
   multiplicity): a key with fewer cannot be within the budget and is never compared;
3. segment neighbours are looked for only among keys with the same last segment.

Candidates keep their catalog order everywhere the plain search relied on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from flinklint.catalog.closest import _budget, _segment_neighbour, _squash, distance

Q = 3  # trigrams
_INDEXES: dict[int, tuple[Sequence[str], KeyIndex]] = {}


def index_of(candidates: Sequence[str]) -> KeyIndex:
    """The index of ``candidates`` (built on first use, kept while the sequence lives)."""
    found = _INDEXES.get(id(candidates))
    if found is None or found[0] is not candidates:
        found = (candidates, KeyIndex(candidates))
        _INDEXES[id(candidates)] = found
    return found[1]


def _grams(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i in range(len(text) - Q + 1):
        gram = text[i:i + Q]
        counts[gram] = counts.get(gram, 0) + 1
    return counts


class KeyIndex:
    """Squashed spellings, keys per trigram, per length and per last segment."""

    def __init__(self, candidates: Sequence[str]) -> None:
        self.candidates = candidates
        self.squashed: dict[str, list[int]] = {}
        self.grams: dict[str, list[tuple[int, int]]] = {}
        self.lengths = [len(key) for key in candidates]
        self.by_length: dict[int, list[int]] = {}
        self.by_last: dict[str, list[int]] = {}
        self.counts: list[dict[str, int]] = []
        self.plain: list[bool] = []  # no trigram twice
        self.holding: dict[str, set[int]] = {}  # the keys holding a trigram at least once
        self.sizes: dict[str, int] = {}  # how many keys hold each trigram
        for number, key in enumerate(candidates):
            self.squashed.setdefault(_squash(key), []).append(number)
            self.by_length.setdefault(len(key), []).append(number)
            self.by_last.setdefault(key.rsplit(".", 1)[-1], []).append(number)
            self.counts.append(_grams(key))
            self.plain.append(len(self.counts[-1]) == max(len(key) - (Q - 1), 0))
            for gram, count in self.counts[-1].items():
                self.grams.setdefault(gram, []).append((number, count))
                self.holding.setdefault(gram, set()).add(number)
        self.sizes = {gram: len(numbers) for gram, numbers in self.holding.items()}

    def closest(self, key: str, limit: int = 3) -> list[str]:
        """Exactly :func:`flinklint.catalog.closest.closest` over the indexed candidates."""
        names = self.candidates
        same = [names[n] for n in self.squashed.get(_squash(key), ()) if names[n] != key]
        if same:
            return same[:limit]
        budget = _budget(key)
        scored = [(d, names[n]) for n in self._within(key, budget)
                  if (d := near_distance(key, names[n], budget)) <= budget]
        if scored:
            return [c for _, c in sorted(scored)[:limit]]
        parts = key.split(".")
        if len(parts) < 3:
            return []
        found: list[str] = []
        for number in self.by_last.get(parts[-1], ()):
            if _segment_neighbour(parts, names[number].split(".")):
                found.append(names[number])
                if len(found) == limit:
                    break
        return found

    def _within(self, key: str, budget: int) -> list[int]:
        """The candidates that may be within ``budget`` edits of ``key``.

        Counting shared trigrams of every key of a length is itself a scan of most of them; a
        key with ``need`` of the query's ``n`` trigrams (occurrences counted apart) misses at
        most ``n - need`` of them, so it holds one of any ``n - need + 1``: only keys holding
        one of the rarest are counted."""
        low, high = len(key) - budget, len(key) + budget
        slack = (Q - 1) + (Q + 1) * budget  # need = max(len(key), length) - slack
        found: list[int] = []
        for length in range(low, min(high, slack) + 1):  # too short to tell apart by trigrams
            found += self.by_length.get(length, ())
        low = max(low, slack + 1)
        grams = _grams(key)
        total = max(len(key) - (Q - 1), 0)
        least = len(key) - slack  # the smallest need of the lengths left
        if low > high or least > total:
            return found
        probes = total - max(least, 1) + 1  # any that many of the query's occurrences do
        probed: set[int] = set()
        lengths = self.lengths
        plain = len(grams) == total  # no trigram twice: shared ones are a set intersection
        if plain:  # the rarest trigrams first; one no key holds is a probe that finds nothing
            sizes = self.sizes
            held = [gram for gram in grams if gram in sizes]
            for gram in sorted(held, key=sizes.__getitem__)[:probes - (total - len(held))]:
                probed |= self.holding[gram]  # a set union in C, lengths are filtered below
        else:
            postings = self.grams
            items = sorted((len(postings.get(gram, ())), gram, nth)
                           for gram, count in grams.items() for nth in range(1, count + 1))
            for _, gram, nth in items[:probes]:
                probed.update(number for number, count in postings.get(gram, ())
                              if count >= nth)
        mine = grams.keys()
        for number in probed:
            if not low <= lengths[number] <= high:
                continue
            theirs = self.counts[number]
            if plain and self.plain[number]:
                common = len(mine & theirs.keys())
            else:
                common = 0
                for gram, count in grams.items():
                    other = theirs.get(gram)
                    if other:
                        common += count if count < other else other
            if common >= max(len(key), lengths[number]) - slack:
                found.append(number)
        return found


def _stripped(a: str, b: str) -> tuple[str, str]:
    """``a`` and ``b`` without their common prefix and suffix (which no optimal alignment edits,
    so the distance is that of what remains)."""
    start, end = 0, min(len(a), len(b))
    while start < end and a[start] == b[start]:
        start += 1
    tail = 0
    while tail < end - start and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return a[start:len(a) - tail], b[start:len(b) - tail]


def near_distance(a: str, b: str, limit: int) -> int:
    """:func:`flinklint.catalog.closest.distance` of what differs between ``a`` and ``b``."""
    return distance(*_stripped(a, b), limit)
