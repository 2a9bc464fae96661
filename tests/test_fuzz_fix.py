"""Property: ``--fix`` (unsafe fixes included) and ``migrate`` never break what they touch.

Over random, mutated and generated configurations:

* every edit round the fixer tries changes only the lines its edits aim at: all other lines
  come out byte for byte, in order (checked on each call of ``apply_edits``, kept or not);
* a file that loads keeps loading, with as many configurations as before;
* ``migrate`` never raises and always writes a config.yaml that loads, whatever the legacy file
  held. What migrate keeps of values and comments is ``test_migrate_property.py``'s business.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from unittest import mock

from corpus import fuzz_settings, inputs, lines, mutated, time_limit
from hypothesis import given

from flinklint import fix as fixing
from flinklint.edits import apply_edits, encode
from flinklint.findings import Edit
from flinklint.lint.file import LintRequest, lint_file, settings_for
from flinklint.loader import load_bytes, load_text
from flinklint.migration import migrate
from flinklint.versions import FileKind

YAML_ERRORS = {"FL001", "FL002", "FL014", "FL016", "FL017", "FL018", "FL019", "FL023"}


def _offsets(text: str, edit: Edit) -> tuple[int, int]:
    starts = [0]
    for line in lines(text):
        starts.append(starts[-1] + len(line))

    def at(line: int, column: int) -> int:
        return min(starts[min(line, len(starts)) - 1] + column - 1, len(text))

    return at(edit.line, edit.column), at(edit.end_line, edit.end_column)


def _untouched_blocks(text: str, edits: Sequence[Edit]) -> list[str]:
    """The runs of lines no edit reaches, split wherever an edit inserts between lines."""
    ranges = [_offsets(text, edit) for edit in edits]
    blocks, current, start = [], "", 0
    for line in lines(text):
        end = start + len(line)
        touched = any(s < end and e > start if s < e else start < s < end for s, e in ranges)
        boundary = any(s == e == start for s, e in ranges)
        if touched or boundary:
            blocks.append(current)
            current = ""
        if not touched:
            current += line
        start = end
    blocks.append(current)
    return blocks if not any(s == e == len(text) for s, e in ranges) else [*blocks, ""]


def _keeps(before: str, after: str, edits: Sequence[Edit]) -> bool:
    """``after`` is ``before`` with only the aimed lines replaced (by anything)."""
    blocks = _untouched_blocks(before, edits)
    if len(blocks) == 1:
        return after == before
    if not after.startswith(blocks[0]) or not after.endswith(blocks[-1]):
        return False
    position = len(blocks[0])
    for block in blocks[1:-1]:
        found = after.find(block, position)
        if found < 0:
            return False
        position = found + len(block)
    return len(after) - len(blocks[-1]) >= position


def _loads(data: bytes, name: str) -> tuple[int, bool] | None:
    configs = load_bytes(data, name)
    return None if configs is None else (len(configs), all(c.lintable for c in configs))


@fuzz_settings(100)
@given(inputs())
def test_fixes_touch_only_aimed_lines_and_keep_files_loadable(case: tuple[str, bytes]) -> None:
    name, data = case
    request = LintRequest(paths=[Path(name)], isolated=True)
    settings = settings_for(Path(name), request)
    calls: list[tuple[str, list[Edit], str]] = []
    real = apply_edits

    def recording(text: str, edits: Sequence[Edit]) -> str:
        result = real(text, edits)
        calls.append((text, list(edits), result))
        return result

    with time_limit(60), mock.patch.object(fixing, "apply_edits", recording):
        result = lint_file(Path(name), settings, request, data=data)
        if result is None:
            return
        outcome = fixing.fix_file(result, request, unsafe=True)
    for before, edits, after in calls:
        assert _keeps(before, after, edits), (before, edits, after)
    if not outcome.changed:
        return
    fixed = encode(outcome.fixed, had_bom=result.bom)
    was = _loads(data, name)
    assert was is not None
    if was[1]:
        assert _loads(fixed, name) == was


def _unloadable(text: str) -> list[str]:
    [config] = load_text(text, FileKind.YAML, "config.yaml")
    return [f"{f.code} {f.line}: {f.message}" for f in config.findings if f.code in YAML_ERRORS]


@fuzz_settings(80)
@given(mutated(names=("flink-conf.yaml",)))
def test_migrate_always_writes_a_loadable_config_yaml(case: tuple[str, bytes]) -> None:
    _, data = case
    with time_limit(60):
        result = migrate(data)
        problems = _unloadable(result.text)
    assert not problems, (data, result.text, problems)
    assert all(note.line >= 1 and "\n" not in note.message for note in result.notes)


def test_the_line_check_itself() -> None:
    text = "a: 1\nb: 2\r\nc: 3\rd: 4"
    aim_b = [Edit(2, 2, 2, 2, " ")]  # insert inside line 2
    assert _keeps(text, "a: 1\nb : 2\r\nc: 3\rd: 4", aim_b)
    assert not _keeps(text, "a: 1\nb : 2\r\nc: 3\nd: 4", aim_b)  # line 3's ending changed
    assert not _keeps(text, "a:  1\nb : 2\r\nc: 3\rd: 4", aim_b)
    delete_c = [Edit(3, 1, 4, 1, "")]  # a whole line, up to the next one's start
    assert _keeps(text, "a: 1\nb: 2\r\nd: 4", delete_c)
    assert not _keeps(text, "a: 1\nb: 2\r\n", delete_c)
    before_a = [Edit(1, 1, 1, 1, "# x\n")]  # an insertion between lines touches none
    assert _keeps(text, "# x\n" + text, before_a)
    assert not _keeps(text, "# x\n" + text.replace("d", "e"), before_a)
    at_end = [Edit(4, 5, 4, 5, "\n")]
    assert _keeps(text, text + "\n", at_end) and not _keeps(text, "x" + text + "\n", at_end)
