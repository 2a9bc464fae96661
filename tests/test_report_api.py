"""The report API: format names, dispatch, the summary line; builders the other report tests use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from flinklint.engine.rule import Rule, reported_by_loader
from flinklint.findings import Applicability, Edit, Finding, Fix, Severity, Span
from flinklint.report import FORMATS, ReportInput, github_step_summary, render, summary_line

# A message that breaks every naive escaping: percent, CR/LF, colon, comma, pipe, markup,
# quotes, a backslash, an ANSI escape, a tab, a line separator, astral and combining characters.
HOSTILE = "50% of 'a:b,c' <x> & \"q\" | back\\slash\r\nnext\x1b[31m\tü e\u0301 € 😀 \u2028 \x85 end"
HOSTILE_PATH = "conf dir/flink, %20 conf.yaml"

FLAT = (
    "jobmanager.rpc.address: localhost\n"
    "taskmanager.memory.process.size: 100m\n"
    "parallelism.default: 1\n"
)


def finding(
    code: str = "FL203",
    line: int = 2,
    column: int = 1,
    end: tuple[int, int] | None = None,
    *,
    path: str = "conf/flink-conf.yaml",
    severity: Severity = Severity.ERROR,
    message: str = "Process size is too small",
    fix: Fix | None = None,
    name: str = "",
) -> Finding:
    end_line, end_column = end or (line, column)
    span = Span(line, column, end_line, end_column)
    slug = name or f"rule-{code.lower()}"
    return Finding(code, slug, severity, message, path, span, fix)


def safe_fix(span: Span, content: str, message: str = "Replace it") -> Fix:
    return Fix(message, (Edit.replace(span, content),))


def unsafe_fix(edit: Edit, message: str = "Remove it") -> Fix:
    return Fix(message, (edit,), Applicability.UNSAFE)


def rule(code: str, severity: Severity = Severity.ERROR, doc: str = "") -> Rule:
    summary = f"Summary of {code}."
    return Rule(code, f"rule-{code.lower()}", severity, summary, reported_by_loader, doc)


def report(*findings: Finding, **fields: object) -> ReportInput:
    ordered = sorted(findings, key=Finding.sort_key)
    return ReportInput(findings=ordered, **fields)  # type: ignore[arg-type]


def hostile_report(root: Path) -> ReportInput:
    """Findings with hostile messages and paths, every severity, safe and unsafe fixes."""
    text = "a: 1\nb: 2\n"
    path = str(root / HOSTILE_PATH)
    span = Span(1, 4, 1, 4)
    return report(
        finding("FL101", 1, 4, path=path, message=HOSTILE, fix=safe_fix(span, HOSTILE, HOSTILE)),
        finding("FL102", 2, 1, (2, 4), path=path, severity=Severity.WARNING, message=HOSTILE),
        finding(
            "FL103",
            2,
            1,
            path=path,
            severity=Severity.INFO,
            message="\ud800 lone",
            fix=unsafe_fix(Edit.delete_lines(2, 2)),
        ),
        rules={"FL101": rule("FL101", doc=HOSTILE)},
        sources={path: text},
        root=root,
        version="0.1.0",
    )


def test_formats_are_the_documented_ones() -> None:
    expected = ("concise", "full", "json", "jsonl", "sarif", "github", "gitlab", "junit")
    assert expected == FORMATS


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render("xml", report())


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("concise", ""),
        ("full", ""),
        ("json", "[]\n"),
        ("jsonl", ""),
        ("github", ""),
        ("gitlab", "[]\n"),
    ],
)
def test_clean_run_renders_nothing_to_report(fmt: str, expected: str) -> None:
    assert render(fmt, report(files_checked=3)) == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_encodes_hostile_text_as_utf8(fmt: str, tmp_path: Path) -> None:
    text = render(fmt, hostile_report(tmp_path), color=True)
    text.encode("utf-8")  # a lone surrogate would raise here
    assert "\ufffd lone" in text


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "github", "gitlab", "junit"])
def test_machine_formats_never_colour(fmt: str, tmp_path: Path) -> None:
    assert "\x1b[1m" not in render(fmt, hostile_report(tmp_path), color=True)


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO
SAFE = safe_fix(Span(1, 1, 1, 1), "x")
UNSAFE = unsafe_fix(Edit.insert(1, 1, "x"))


@pytest.mark.parametrize(
    ("cases", "unsafe_enabled", "expected"),
    [
        ([], False, "All checks passed."),
        ([("a", E, None)], False, "Found 1 problem (1 error) in 1 file."),
        (
            [("a", E, None), ("a", E, None), ("b", W, None)],
            False,
            "Found 3 problems (2 errors, 1 warning) in 2 files.",
        ),
        ([("a", N, None), ("a", N, None)], False, "Found 2 problems (2 infos) in 1 file."),
        (
            [("a", W, None), ("b", N, None), ("c", E, None)],
            False,
            "Found 3 problems (1 error, 1 warning, 1 info) in 3 files.",
        ),
        (
            [("a", E, SAFE), ("b", W, None)],
            False,
            "Found 2 problems (1 error, 1 warning) in 2 files; 1 fixable with --fix.",
        ),
        (
            [("a", E, SAFE), ("a", E, UNSAFE)],
            False,
            "Found 2 problems (2 errors) in 1 file; "
            "1 fixable with --fix (1 more with --unsafe-fixes).",
        ),
        (
            [("a", E, SAFE), ("a", E, UNSAFE)],
            True,
            "Found 2 problems (2 errors) in 1 file; 2 fixable with --fix.",
        ),
        (
            [("a", E, UNSAFE), ("a", W, UNSAFE)],
            False,
            "Found 2 problems (1 error, 1 warning) in 1 file; 2 fixable with --unsafe-fixes.",
        ),
    ],
)
def test_summary_line(
    cases: list[tuple[str, Severity, Fix | None]], unsafe_enabled: bool, expected: str
) -> None:
    findings = [
        finding(line=n + 1, path=path, severity=sev, fix=fix)
        for n, (path, sev, fix) in enumerate(cases)
    ]
    data = report(*findings, unsafe_fixes_enabled=unsafe_enabled)
    assert summary_line(data) == expected


def test_summary_line_names_the_callers_flags() -> None:
    data = report(
        finding(fix=SAFE),
        finding(line=3, fix=UNSAFE),
        fix_flag_hint="--apply",
        unsafe_flag_hint="--apply-unsafe",
    )
    assert summary_line(data).endswith("1 fixable with --apply (1 more with --apply-unsafe).")


def test_step_summary_is_exposed_at_package_level(tmp_path: Path) -> None:
    text = github_step_summary(hostile_report(tmp_path))
    assert text.startswith("### flinklint\n")
    assert "\ud800" not in text


def test_importing_the_package_loads_no_format_machinery() -> None:
    code = (
        "import sys, flinklint.report\n"
        "heavy = {'json', 'xml.etree.ElementTree', 'difflib', 'hashlib', 'unicodedata'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
