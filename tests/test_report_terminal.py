"""The terminal formats, ``concise`` and ``full``: exact text, colour, hostile input."""

from __future__ import annotations

import pytest
from test_report_api import FLAT, HOSTILE, finding, report, safe_fix, unsafe_fix

from flinklint.findings import Edit, Severity, Span
from flinklint.report import render

PATH = "conf/flink-conf.yaml"


def test_concise_lines() -> None:
    data = report(
        finding("FL203", 2, 34, (2, 37), fix=safe_fix(Span(2, 34, 2, 37), "1728m")),
        finding("FL101", 3, 1, severity=Severity.WARNING, message="Unknown key"),
        finding("FL300", 1, 1, path="b.yaml", severity=Severity.INFO, message="Old key"),
    )
    assert render("concise", data) == (
        "b.yaml:1:1: FL300 [info] Old key\n"
        "conf/flink-conf.yaml:2:34: FL203 [*] [error] Process size is too small\n"
        "conf/flink-conf.yaml:3:1: FL101 [warning] Unknown key\n"
    )


@pytest.mark.parametrize(("enabled", "starred"), [(False, False), (True, True)])
def test_unsafe_fix_is_starred_only_when_enabled(enabled: bool, starred: bool) -> None:
    data = report(finding(fix=unsafe_fix(Edit.delete_lines(2, 2))), unsafe_fixes_enabled=enabled)
    assert ("FL203 [*] [error]" in render("concise", data)) is starred


@pytest.mark.parametrize("fmt", ["concise", "full"])
def test_control_characters_are_shown_escaped(fmt: str) -> None:
    data = report(finding(message=HOSTILE, path="a\x1b[2Jb.yaml"), sources={"x": FLAT})
    text = render(fmt, data)
    assert "\x1b" not in text and "\r" not in text and "\u2028" not in text
    assert "😀 \\u2028 \\x85 end" in text
    assert "a\\x1b[2Jb.yaml:2:1:" in text
    assert "back\\slash\\r\\nnext\\x1b[31m\\tü" in text


@pytest.mark.parametrize(
    ("severity", "colour"),
    [(Severity.ERROR, "\x1b[31m"), (Severity.WARNING, "\x1b[33m"), (Severity.INFO, "\x1b[34m")],
)
def test_colour_marks_path_bold_and_code_by_severity(severity: Severity, colour: str) -> None:
    data = report(finding(severity=severity))
    assert render("concise", data, color=True).startswith(
        f"\x1b[1m{PATH}\x1b[0m:2:1: \x1b[1m{colour}FL203\x1b[0m [{severity.value}]"
    )
    assert "\x1b" not in render("concise", data, color=False)


def test_full_shows_context_caret_message_and_fix_diff() -> None:
    fix = safe_fix(Span(2, 34, 2, 37), "1728m", "Raise it to 1728m")
    data = report(finding(column=34, end=(2, 37), fix=fix), sources={PATH: FLAT})
    assert render("full", data) == (
        "conf/flink-conf.yaml:2:34: FL203 [*] [error] Process size is too small\n"
        "  |\n"
        "1 | jobmanager.rpc.address: localhost\n"
        "2 | taskmanager.memory.process.size: 100m\n"
        "  |                                  ^^^^ Process size is too small\n"
        "3 | parallelism.default: 1\n"
        "  |\n"
        "  = help: Raise it to 1728m (safe fix)\n"
        "    @@ -1,3 +1,3 @@\n"
        "     jobmanager.rpc.address: localhost\n"
        "    -taskmanager.memory.process.size: 100m\n"
        "    +taskmanager.memory.process.size: 1728m\n"
        "     parallelism.default: 1\n"
        "\n"
    )


def test_full_unsafe_fix_deleting_a_line() -> None:
    fix = unsafe_fix(Edit.delete_lines(3, 3), "Remove the line")
    data = report(finding(line=3, end=(3, 19), fix=fix), sources={PATH: FLAT})
    assert render("full", data).endswith(
        "  = help: Remove the line (unsafe fix, applied with --unsafe-fixes)\n"
        "    @@ -2,2 +2 @@\n"
        "     taskmanager.memory.process.size: 100m\n"
        "    -parallelism.default: 1\n"
        "\n"
    )


def test_full_fix_that_does_not_fit_the_text_shows_no_diff() -> None:
    fix = unsafe_fix(Edit(3, 4, 90, 1, ""), "Cut the rest")  # ends far past the last line
    data = report(finding(line=3, end=(3, 19), fix=fix), sources={PATH: FLAT})
    assert render("full", data).endswith(
        "  = help: Cut the rest (unsafe fix, applied with --unsafe-fixes)\n\n")


def test_full_without_source_shows_the_message() -> None:
    data = report(finding(fix=safe_fix(Span(1, 1, 1, 1), "x", "Do it")))
    assert render("full", data) == (
        "conf/flink-conf.yaml:2:1: FL203 [*] [error] Process size is too small\n"
        "  = Process size is too small\n"
        "  = help: Do it (safe fix)\n"
        "\n"
    )


@pytest.mark.parametrize(
    ("line", "span", "caret_line"),
    [
        ("a:\tb", Span(1, 4, 1, 4), "  |       ^ m"),  # a tab takes four cells
        ("日本: x", Span(1, 5, 1, 5), "  |       ^ m"),  # wide characters take two
        ("e\u0301e: x", Span(1, 3, 1, 3), "  |  ^ m"),  # a combining mark takes none
        ("k: v", Span(1, 5, 1, 5), "  |     ^ m"),  # one past the end still gets a caret
        ("key: value", Span(1, 6, 1, 10), "  |      ^^^^^ m"),
    ],
)
def test_caret_stays_under_the_span(line: str, span: Span, caret_line: str) -> None:
    data = report(
        finding(line=1, column=span.column, end=(1, span.end_column), message="m"),
        sources={PATH: line + "\n"},
    )
    assert caret_line in render("full", data).splitlines()


def test_full_multi_line_span_underlines_each_line() -> None:
    text = "a:\n  b: 1\n  c: 2\nd: 3\n"
    data = report(finding(line=2, column=3, end=(3, 6), message="m"), sources={PATH: text})
    lines = render("full", data).splitlines()
    assert lines[1:8] == [
        "  |",
        "1 | a:",
        "2 |   b: 1",
        "  |   ^^^^",
        "3 |   c: 2",
        "  | ^^^^^^ m",
        "4 | d: 3",
    ]


def test_context_lines_stop_at_the_end_of_the_file() -> None:
    data = report(finding(line=4, message="m"), sources={PATH: "a: 1\nb: 2\n"})
    assert render("full", data).splitlines()[1:5] == ["  |", "4 |", "  | ^ m", "  |"]


def test_full_long_span_is_elided() -> None:
    text = "".join(f"k{n}: {n}\n" for n in range(1, 21))
    data = report(finding(line=2, column=1, end=(15, 6), message="m"), sources={PATH: text})
    gutters = [line.split("|")[0].strip() for line in render("full", data).splitlines()[1:]]
    numbers = [g for g in gutters if g and g != "="]
    assert numbers == ["1", "2", "3", "4", "..", "13", "14", "15", "16"]


def test_full_crlf_source_and_insertion_fix() -> None:
    text = "a: 1\r\nb: 2\r\n"
    fix = safe_fix(Span(2, 4, 2, 4), "22")
    data = report(finding(line=2, column=4, fix=fix), sources={PATH: text})
    out = render("full", data)
    assert "\r" not in out
    assert "    -b: 2\n    +b: 22\n" in out
