"""The option keys behind fingerprints, for a whole file in one pass.

:func:`~flinklint.report.fingerprint.option_keys` must give every line the key the walk back of
:func:`~flinklint.report.fingerprint.option_key` gives it, on real files and on random nested
YAML (indents, list dashes, comments, blank lines, document markers, quoted keys, tabs), and it
must read each line at most a bounded number of times however many findings there are.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flinklint.findings import Span
from flinklint.report import fingerprint
from flinklint.report.fingerprint import option_key, option_keys
from flinklint.report.source import source_lines

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted({*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml"),
                *ROOT.glob("tests/golden/**/*.yaml")})

LINE = st.one_of(
    st.builds(lambda indent, dashes, key, rest: " " * indent + "- " * dashes + key + rest,
              st.integers(0, 8), st.integers(0, 2),
              st.sampled_from(["a", "b.c", "spec", "'q: x'", '"d"', "flinkConfiguration", "#c",
                               "", "\tt", "k#", "x:y"]),
              st.sampled_from([":", ": 1", ": # note", ":x", " : v", "", ": [a, b]", ":\t"])),
    st.sampled_from(["---", "...", "", "   ", "# comment", "  # indented comment", "- ", "-"]),
)


def _same(lines: list[str]) -> None:
    numbers = range(0, len(lines) + 2)
    got = option_keys(lines, numbers)
    for number in numbers:
        expected = option_key(lines, Span.point(number, 1))
        assert got.get(number) == expected, (number, lines)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_files(path: Path) -> None:
    _same(source_lines(path.read_bytes().decode("utf-8", "replace")))


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=30))
def test_random_nested_yaml(lines: list[str]) -> None:
    _same(lines)


def test_some_lines_only() -> None:
    lines = ["spec:", "  flinkConfiguration:", "    a.b: 1", "  job:", "    c: 2"]
    assert option_keys(lines, [5, 3, 3, 9]) == {3: "spec.flinkConfiguration.a.b",
                                                  5: "spec.job.c"}


def test_each_line_is_read_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of findings on the indented lines of one mapping: the walk back read the
    whole mapping again for each."""
    lines = ["spec:", "  flinkConfiguration:"] + [f"    key.{n}: {n}" for n in range(3000)]
    calls = 0
    parse = fingerprint._parse

    def counted(line: str) -> tuple[int, str, bool] | None:
        nonlocal calls
        calls += 1
        return parse(line)

    monkeypatch.setattr(fingerprint, "_parse", counted)
    keys = option_keys(lines, range(1, len(lines) + 1))
    assert keys[len(lines)] == "spec.flinkConfiguration.key.2999"
    assert calls <= len(lines) + 2
