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

from flinklint.catalog import catalog
from flinklint.catalog.closest import closest, distance
from flinklint.catalog.nearby import KeyIndex, index_of, near_distance
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


def test_the_catalog_answers_through_the_index() -> None:
    version = SUPPORTED[-1]
    known = catalog()
    assert known.suggest("taskmanager.memory.proces.size", version) == [
        "taskmanager.memory.process.size"]
    assert index_of(known.keys(version)) is index_of(known.keys(version))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="abc.", max_size=9), st.text(alphabet="abc.", max_size=9),
       st.integers(0, 4))
def test_the_common_prefix_and_suffix_do_not_change_the_distance(a: str, b: str,
                                                                 limit: int) -> None:
    # beyond the limit only "too far" counts (the plain distance may say limit + 1 or more)
    assert min(near_distance(a, b, limit), limit + 1) == min(distance(a, b, limit), limit + 1)


@pytest.mark.parametrize("version", [SUPPORTED[0], SUPPORTED[-1]], ids=str)
def test_a_key_known_nowhere_is_told_apart_without_a_lookup_per_version(
        version: FlinkVersion, monkeypatch: pytest.MonkeyPatch) -> None:
    """``known_in`` and ``removed_in`` answer a mistyped key at once; the answer must be the
    one of the full lookups (taken with the shortcut switched off)."""
    known = catalog()
    rng = random.Random(f"nowhere {version}")
    typed = [_edit(rng, key) for key in known.keys(version)] + list(known.keys(version))
    fast = [(known.known_in(key), known.removed_in(key, version)) for key in typed]
    monkeypatch.setattr(type(known), "_nowhere", lambda self, key: False)
    slow = [(known.known_in(key), known.removed_in(key, version)) for key in typed]
    assert fast == slow
    assert sum(1 for versions, _ in fast if not versions) > 100
