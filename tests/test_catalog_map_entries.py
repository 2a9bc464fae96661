"""Entries of map options (``<key>.<name>``) are known keys: Flink reads maps from them."""

from __future__ import annotations

import pytest

from flinklint.catalog import catalog
from flinklint.versions import SUPPORTED


@pytest.mark.parametrize("version", SUPPORTED, ids=str)
@pytest.mark.parametrize(
    "key",
    [
        "taskmanager.memory.managed.consumer-weights.OPERATOR",
        "kubernetes.jobmanager.labels.team",
        "kubernetes.taskmanager.node-selector.disk.type",
    ],
)
def test_map_entries_are_known(key: str, version: object) -> None:
    info = catalog().lookup(key, version)  # type: ignore[arg-type]
    assert info is not None
    assert info.family is not None and info.family.endswith(".*")


@pytest.mark.parametrize(
    "key",
    [
        "taskmanager.memory.process.size.extra",  # a memory option is not a map
        "pipeline.jars.first",  # nor is a list
        "kubernetes.jobmanager.lables.team",  # a typo in the map's own key
    ],
)
def test_other_prefixed_keys_stay_unknown(key: str) -> None:
    assert catalog().lookup(key, SUPPORTED[-1]) is None
