"""The index behind "did you mean" gives exactly the answers of the plain search.

Every catalog key of every supported version, and random edits of them (the near misses a file
really holds: a character dropped, doubled, replaced or swapped, a separator changed, a segment
dropped or inserted, the case changed), asked of :class:`~flinklint.catalog.nearby.KeyIndex`
and of :func:`~flinklint.catalog.closest.closest` over the whole catalog.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flinklint.catalog import catalog, nearby
from flinklint.catalog.closest import closest, distance
from flinklint.catalog.nearby import KeyIndex, closest_of, index_of
from flinklint.versions import SUPPORTED, FlinkVersion

LETTERS = "abcdefghijklmnopqrstuvwxyz.-_ABC0123456789"


def _edit(rng: random.Random, key: str) -> str:
    i = rng.randrange(len(key))
    parts = key.split(".")
    choice = rng.randrange(9)
    if choice == 0:
        return key[:i] + key[i + 1:]
    if choice == 1:
        return key[:i] + rng.choice(LETTERS) + key[i:]
    if choice == 2:
        return key[:i] + rng.choice(LETTERS) + key[i + 1:]
    if choice == 3 and i + 1 < len(key):
        return key[:i] + key[i + 1] + key[i] + key[i + 2:]
    if choice == 4:
        return key.replace(".", rng.choice("-_"), 1)
    if choice == 5 and len(parts) > 2:
        del parts[rng.randrange(len(parts) - 1)]
        return ".".join(parts)
    if choice == 6:
        parts.insert(rng.randrange(len(parts)), rng.choice(("memory", "task", "x", "size")))
        return ".".join(parts)
    if choice == 7:
        return key.upper() if rng.random() < 0.5 else key.title()
    return key[:i] + key[i] + key[i:]  # a doubled character


CHUNKS = 4


@pytest.mark.parametrize("chunk", range(CHUNKS))
@pytest.mark.parametrize("version", [SUPPORTED[0], SUPPORTED[-1]], ids=str)
def test_every_key_and_its_near_misses_get_the_plain_answer(version: FlinkVersion,
                                                            chunk: int) -> None:
    """Each key of the oldest and the newest catalog, one, two and three edits away."""
    keys = catalog().keys(version)
    index = KeyIndex(keys)
    rng = random.Random(f"{version} {chunk}")
    asked = 0
    for key in keys[chunk::CHUNKS]:
        once = _edit(rng, key)
        twice = _edit(rng, once)
        for typed in (key, once, twice, _edit(rng, twice)):
            assert index.closest(typed) == closest(typed, keys), typed
            asked += 1
    assert asked > 600


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_random_strings_get_the_plain_answer(data: st.DataObject) -> None:
    version = data.draw(st.sampled_from(SUPPORTED))
    keys = catalog().keys(version)
    base = data.draw(st.sampled_from(keys))
    typed = data.draw(st.one_of(
        st.text(alphabet=LETTERS, max_size=40),
        st.builds(lambda cut, tail: base[:cut] + tail, st.integers(0, len(base)),
                  st.text(alphabet=LETTERS, max_size=6)),
    ))
    limit = data.draw(st.integers(1, 5))
    assert index_of(keys).closest(typed, limit) == closest(typed, keys, limit)


def test_the_catalog_answers_through_the_index_after_a_few_plain_scans(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A file with a typo or two is answered by plain comparison; from the ``SCAN_FIRST``-th
    key of a sequence on, the index is built once and answers, the same way."""
    built: list[int] = []

    class Counted(KeyIndex):
        def __init__(self, candidates: tuple[str, ...]) -> None:
            built.append(len(candidates))
            super().__init__(candidates)

    monkeypatch.setattr(nearby, "KeyIndex", Counted)
    keys = tuple(list(catalog().keys(SUPPORTED[-1])))  # a sequence of its own: counted from 0
    rng = random.Random("switch")
    typed = [_edit(rng, key) for key in rng.sample(keys, nearby.SCAN_FIRST + 5)]
    for number, key in enumerate(typed):
        assert closest_of(key, keys) == closest(key, keys), key
        assert built == ([] if number < nearby.SCAN_FIRST else [len(keys)])
    assert catalog().suggest("taskmanager.memory.proces.size", SUPPORTED[-1]) == [
        "taskmanager.memory.process.size"]


def _whole_table(a: str, b: str) -> int:
    """The textbook optimal string alignment distance: every cell of the table."""
    table = [[i + j if not i or not j else 0 for j in range(len(b) + 1)]
             for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1,
                              table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="abc.", max_size=12), st.text(alphabet="abc.", max_size=12),
       st.integers(0, 4))
def test_the_band_gives_the_whole_tables_distance(a: str, b: str, limit: int) -> None:
    whole = _whole_table(a, b)
    assert distance(a, b, limit) == (whole if whole <= limit else limit + 1)


@pytest.mark.parametrize("version", [SUPPORTED[0], FlinkVersion(2, 0), SUPPORTED[-1]], ids=str)
def test_a_key_only_families_can_know_is_told_apart_without_a_lookup_per_version(
        version: FlinkVersion, monkeypatch: pytest.MonkeyPatch) -> None:
    """``known_in`` and ``removed_in`` answer a mistyped key, or a key of a family, from the
    families' version bits at once; the answer must be the one of the full lookups (taken with
    the shortcut switched off). The keys: every option and its near misses, and every family of
    every version filled in (``*`` as one name, ``**`` as two segments) and mistyped."""
    known = catalog()
    rng = random.Random(f"families {version}")
    filled = {pattern.replace("**", "x.y").replace("*", "mine")
              for v in SUPPORTED for pattern, _, _ in known.families(v)}
    typed = [_edit(rng, key) for key in known.keys(version)] + list(known.keys(version))
    typed += [key for key in sorted(filled) for key in (key, _edit(rng, key))]
    fast = [(known.known_in(key), known.removed_in(key, version)) for key in typed]
    monkeypatch.setattr(type(known), "_families_only", lambda self, key: None)
    slow = [(known.known_in(key), known.removed_in(key, version)) for key in typed]
    assert fast == slow
    assert sum(1 for versions, _ in fast if not versions) > 100
    assert sum(1 for versions, _ in fast if versions and len(versions) < len(SUPPORTED)) > 10
    assert any(removal is not None for _, removal in fast) or version == SUPPORTED[0]
