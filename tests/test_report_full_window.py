"""A fix in a long file is diffed within the lines around it.

The ``full`` format showed each fix as a unified diff of the whole file, so a file of thousands
of fixable findings took minutes. From ``WINDOW`` lines on, only the edited lines and a margin
are diffed and the hunk headers moved back to the file's line numbers. Where a change can be
aligned more than one way (deleting one of several blank lines in a row), the window and the
whole file may pick different, equally right alignments; so the window's diff must be a right
diff of the whole file (its hunks, applied to the file's lines, give the fixed file's lines),
and the same as the whole file's where the alignment is unambiguous.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flinklint.edits import EditError, apply_edits
from flinklint.findings import Edit
from flinklint.report import full
from flinklint.report.source import source_lines

LINES = 900


def _text(newline: str, blanks: bool) -> str:
    lines = [("" if blanks and n % 3 == 0 else f"key.{n % 7}: value {n}") for n in range(LINES)]
    return newline.join(lines) + newline


def _whole(text: str, edits: list[Edit], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with monkeypatch.context() as patch:
        patch.setattr(full, "WINDOW", 10**9)
        return full.diff(text, edits, color=False)


EDITS = st.lists(
    st.builds(lambda line, span, column, content: Edit(line, column, line + span, 1 + column,
                                                       content),
              st.integers(1, LINES), st.integers(0, 2), st.integers(1, 5),
              st.sampled_from(["", "x", "renamed.key", "a\nb", "\n"])),
    min_size=1, max_size=2,
).filter(lambda es: len(es) < 2 or es[0].end_line < es[1].line or es[1].end_line < es[0].line)


@settings(max_examples=150, deadline=None)
@given(EDITS, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_window_diff_is_the_whole_diff(edits: list[Edit], newline: str, blanks: bool) -> None:
    text = _text(newline, blanks)
    got = full.diff(text, edits, color=False)
    try:
        fixed = apply_edits(text, edits)
    except EditError:  # the edits do not fit the text: nothing to show
        assert got == []
        return
    assert _patched(source_lines(text), got) == source_lines(fixed)
    if not blanks:  # every line differs from its neighbours: one alignment only
        with pytest.MonkeyPatch.context() as patch:
            assert got == _whole(text, edits, patch)
    assert not got or got[0].startswith("@@")  # an edit may change nothing


def _patched(lines: list[str], hunks: list[str]) -> list[str]:
    """``lines`` with unified diff ``hunks`` applied (each header's old start tells where)."""
    out: list[str] = []
    at = 0
    for line in hunks:
        if line.startswith("@@"):
            start = int(line.split()[1][1:].split(",")[0])
            count = line.split()[1].partition(",")[2]
            first = start - 1 if count != "0" else start  # an empty range names the line before
            out += lines[at:first]
            at = first
        elif line.startswith("-"):
            assert lines[at] == line[1:]
            at += 1
        elif line.startswith("+"):
            out.append(line[1:])
        else:
            assert lines[at] == line[1:]
            out.append(lines[at])
            at += 1
    return out + lines[at:]


def test_the_first_and_last_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _text("\n", False)
    for edit in (Edit(1, 1, 1, 4, "KEY"), Edit(LINES, 1, LINES, 4, "KEY"),
                 Edit(LINES, 1, LINES + 1, 1, ""), Edit(LINES + 1, 1, LINES + 1, 1, "tail\n")):
        assert full.diff(text, [edit], False) == _whole(text, [edit], monkeypatch), edit
