"""Pure text edits: positions, line endings, overlaps, encoding."""

from __future__ import annotations

import pytest

from flinklint import edits as fixer
from flinklint.edits import EditError, apply_edits, compatible, line_starts, newline_of
from flinklint.findings import Edit, Fix, Span


@pytest.mark.parametrize(
    ("text", "edits", "expected"),
    [
        # replace a key, everything else untouched
        ("a.b: 1  # c\nx: 2\n", [Edit.replace(Span(1, 1, 1, 3), "a.z")], "a.z: 1  # c\nx: 2\n"),
        # insert the missing space after a colon
        ("k:v\n", [Edit.insert(1, 3, " ")], "k: v\n"),
        # delete a whole line, CRLF kept elsewhere
        ("a: 1\r\nb: 2\r\nc: 3\r\n", [Edit.delete_lines(2, 2)], "a: 1\r\nc: 3\r\n"),
        # delete the last line that has no newline
        ("a: 1\nb: 2", [Edit.delete_lines(2, 2)], "a: 1\n"),
        # inserted newlines follow the file's line ending
        ("a: 1\r\n", [Edit.insert(2, 1, "b: 2\n")], "a: 1\r\nb: 2\r\n"),
        # two edits applied back to front
        ('k: "1g"\n', [Edit.replace(Span(1, 4, 1, 4), ""), Edit.replace(Span(1, 7, 1, 7), "")],
         "k: 1g\n"),
        # lone CR line ends count as lines
        ("a: 1\rb: 2\r", [Edit.replace(Span(2, 1, 2, 1), "c")], "a: 1\rc: 2\r"),
        # columns count characters, not bytes
        ("ä: 1\nk: 2\n", [Edit.replace(Span(1, 4, 1, 4), "9")], "ä: 9\nk: 2\n"),
    ],
)
def test_apply_edits(text: str, edits: list[Edit], expected: str) -> None:
    assert apply_edits(text, edits) == expected


@pytest.mark.parametrize(
    "edits",
    [
        [Edit(5, 1, 5, 2, "x")],
        [Edit(1, 1, 1, 3, "x"), Edit(1, 2, 1, 4, "y")],
        [Edit(1, 3, 1, 1, "x")],
    ],
)
def test_bad_edits_are_refused(edits: list[Edit]) -> None:
    with pytest.raises(EditError):
        apply_edits("abcdef\n", edits)


def test_compatible_keeps_first_of_overlapping_fixes() -> None:
    first = Fix("one", (Edit(1, 1, 1, 3, "x"),))
    overlapping = Fix("two", (Edit(1, 2, 1, 4, "y"),))
    elsewhere = Fix("three", (Edit(2, 1, 2, 2, "z"),))
    assert compatible("abcdef\nxy\n", [first, overlapping, elsewhere]) == [first, elsewhere]


def test_line_helpers() -> None:
    assert line_starts("a\r\nb\rc\nd") == [0, 3, 5, 7]
    assert newline_of("a\r\nb\r\n") == "\r\n"
    assert newline_of("a\nb") == "\n"
    assert newline_of("") == "\n"


def test_encode_keeps_bom() -> None:
    assert fixer.encode("a: 1\n", had_bom=True) == b"\xef\xbb\xbfa: 1\n"
    assert fixer.encode("\ufeffa: 1\n", had_bom=True) == b"\xef\xbb\xbfa: 1\n"
    assert fixer.encode("a: 1\n", had_bom=False) == b"a: 1\n"
