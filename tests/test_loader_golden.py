"""The loader against real Flink: ``tests/golden/reader/expected.json``.

Every case file under ``tests/golden/reader/cases`` was loaded by Flink's own
``GlobalConfiguration`` for each version that reads its kind (``tools/make_goldens.py reader``).
Where Flink loads the file, the effective map must be identical, key for key and byte for byte,
and no finding may claim that Flink refuses it; where Flink refuses it, an error must say so.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flinklint.findings import Severity
from flinklint.loader import load_text
from flinklint.versions import FileKind, parse_version

READER = Path(__file__).parent / "golden" / "reader"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (READER / "expected.json").read_text(encoding="utf-8")
)
CASES = [(name, version, row) for name, rows in EXPECTED.items() for version, row in rows.items()]
REFUSALS = {"FL001", "FL002", "FL012", "FL014", "FL016", "FL017", "FL018", "FL019"}


def _kind(name: str) -> FileKind:
    return FileKind.LEGACY if name.endswith(".flink-conf.yaml") else FileKind.YAML


@pytest.mark.parametrize(("name", "version", "row"), CASES,
                         ids=[f"{n}@{v}" for n, v, _ in CASES])
def test_reader_matches_flink(name: str, version: str, row: dict[str, Any]) -> None:
    kind = _kind(name)
    data = (READER / "cases" / name).read_bytes()
    [config] = load_text(data, kind, name, version=parse_version(version))
    codes = {f.code for f in config.findings if f.severity is Severity.ERROR}
    if row["ok"]:
        assert dict(config.effective) == row["effective"]
        refused = codes & REFUSALS
        if kind is FileKind.LEGACY:
            refused.discard("FL012")  # the legacy parser reads bad bytes as U+FFFD
        assert not refused, f"Flink loads this file, yet {sorted(refused)} says it refuses it"
    else:
        assert codes, f"Flink refuses this file ({row['error'][-1]}) but no error is reported"


def test_every_case_was_run_by_flink() -> None:
    names = sorted(p.name for p in (READER / "cases").iterdir())
    assert names == sorted(EXPECTED)
    for name in names:
        expected = {"1.19", "1.20"} | ({"1.18"} if _kind(name) is FileKind.LEGACY else {"2.3"})
        assert set(EXPECTED[name]) == expected, name
