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

Candidates keep their catalog order everywhere the plain search relied on it. Building the
index costs about as much as ten plain searches, so :func:`closest_of` asks the first few keys
of a sequence by plain comparison (the usual file has a typo or two) and builds the index for
the rest.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from flinklint.catalog.closest import _budget, _segment_neighbour, _squash, closest, distance

Q = 3  # trigrams
SCAN_FIRST = 6  # keys asked by plain comparison before an index is worth its building
_INDEXES: dict[int, tuple[Sequence[str], KeyIndex]] = {}
_ASKED: dict[int, tuple[Sequence[str], int]] = {}


def closest_of(key: str, candidates: Sequence[str], limit: int = 3) -> list[str]:
    """:func:`flinklint.catalog.closest.closest`: the first few keys of a sequence by plain
    comparison (a file with a typo or two: one comparison pass costs about a tenth of
    building the index), the rest through its :class:`KeyIndex`."""
    asked = _ASKED.get(id(candidates))
    count = asked[1] if asked is not None and asked[0] is candidates else 0
    if count < SCAN_FIRST:
        _ASKED[id(candidates)] = (candidates, count + 1)
        return closest(key, candidates, limit)
    return index_of(candidates).closest(key, limit)


def index_of(candidates: Sequence[str]) -> KeyIndex:
    """The index of ``candidates`` (built on first use, kept while the sequence lives)."""
    found = _INDEXES.get(id(candidates))
    if found is None or found[0] is not candidates:
        found = (candidates, KeyIndex(candidates))
        _INDEXES[id(candidates)] = found
    return found[1]


def _tokens(text: str) -> frozenset[str]:
    """The trigrams of ``text`` counted with multiplicity, as a set: a trigram's first
    occurrence is itself, its ``n``-th the trigram followed by ``n``. The size of the
    intersection of two such sets is the number of trigrams they share, repeats included."""
    grams = [text[i:i + Q] for i in range(len(text) - Q + 1)]
    plain = frozenset(grams)
    if len(plain) == len(grams):
        return plain
    seen: dict[str, int] = {}
    tokens: list[str] = []
    for gram in grams:
        nth = seen[gram] = seen.get(gram, 0) + 1
        tokens.append(gram if nth == 1 else f"{gram}{nth}")
    return frozenset(tokens)


class KeyIndex:
    """Squashed spellings, keys per trigram token, per length and per last segment.

    The keys holding a token are a bit mask over the keys sorted by length (catalog order
    within a length), so that the keys of a range of lengths are one range of bits."""

    def __init__(self, candidates: Sequence[str]) -> None:
        self.candidates = candidates
        self.squashed: dict[str, list[int]] = {}
        self.by_length: dict[int, list[int]] = {}
        self.by_last: dict[str, list[int]] = {}
        for number, key in enumerate(candidates):
            self.squashed.setdefault(_squash(key), []).append(number)
            self.by_length.setdefault(len(key), []).append(number)
            self.by_last.setdefault(key.rsplit(".", 1)[-1], []).append(number)
        self.order = sorted(range(len(candidates)), key=lambda n: len(candidates[n]))
        self.lengths = [len(candidates[n]) for n in self.order]
        self.tokens = [_tokens(candidates[n]) for n in self.order]
        self.holding: dict[str, int] = {}  # the keys (bits in length order) holding a token
        for bit, tokens in enumerate(self.tokens):
            for token in tokens:
                self.holding[token] = self.holding.get(token, 0) | 1 << bit
        self.sizes = {token: mask.bit_count() for token, mask in self.holding.items()}

    def closest(self, key: str, limit: int = 3) -> list[str]:
        """Exactly :func:`flinklint.catalog.closest.closest` over the indexed candidates."""
        names = self.candidates
        same = [names[n] for n in self.squashed.get(_squash(key), ()) if names[n] != key]
        if same:
            return same[:limit]
        budget = _budget(key)
        scored = [(d, names[n]) for n in self._within(key, budget)
                  if (d := distance(key, names[n], budget)) <= budget]
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
        key with ``need`` of the query's ``n`` trigram tokens misses at most ``n - need`` of
        them, so it holds one of any ``n - need + 1``: only keys holding one of the rarest are
        counted."""
        low, high = len(key) - budget, len(key) + budget
        slack = (Q - 1) + (Q + 1) * budget  # need = max(len(key), length) - slack
        found: list[int] = []
        for length in range(low, min(high, slack) + 1):  # too short to tell apart by trigrams
            found += self.by_length.get(length, ())
        low = max(low, slack + 1)
        total = max(len(key) - (Q - 1), 0)
        least = len(key) - slack  # the smallest need of the lengths left
        if low > high or least > total:
            return found
        mine = _tokens(key)
        probes = total - max(least, 1) + 1  # any that many of the query's tokens do
        sizes = self.sizes  # the rarest first; a token no key holds is a probe finding nothing
        held = [token for token in mine if token in sizes]
        held.sort(key=sizes.__getitem__)
        holding = self.holding
        probed = 0
        for token in held[:probes - (total - len(held))]:
            probed |= holding[token]
        lengths = self.lengths
        first, end = bisect_left(lengths, low), bisect_right(lengths, high)
        probed = (probed >> first) & ((1 << (end - first)) - 1)
        tokens, order = self.tokens, self.order
        while probed:
            lowest = probed & -probed
            probed ^= lowest
            bit = first + lowest.bit_length() - 1
            length = lengths[bit]
            if len(mine & tokens[bit]) >= (length if length > len(key) else len(key)) - slack:
                found.append(order[bit])
        return found
