"""``flinklint check``: lint, fix or show the diff, report, and choose the exit code.

A problem the user must fix outside the linted files raises
:class:`~flinklint.cli.common.UsageError` (exit 2, one line on stderr).
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

from flinklint import __version__
from flinklint.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, use_color
from flinklint.cli.output import write_file, write_report, write_stdout
from flinklint.cli.request import lint, lint_request
from flinklint.edits import encode
from flinklint.engine.rule import Rule
from flinklint.findings import Finding, Severity
from flinklint.lint.file import FileResult, LintRequest, settings_for
from flinklint.report import FORMATS, ReportInput, github_step_summary, render, summary_line
from flinklint.rules import registry
from flinklint.settings import SettingsError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    import argparse
    from typing import Any

def check(args: argparse.Namespace) -> int:
    if args.show_settings:
        return _show_settings(args)
    request = lint_request(args)
    if not (args.fix or args.diff):
        request.jobs = 0  # many files may be linted in parallel (results without configs)
    results = lint(request)
    changed = 0
    if args.fix or args.diff:
        results, changed = _fix(args, request, results)
        if args.diff:
            return EXIT_FINDINGS if changed else EXIT_OK
    findings = [f for result in results for f in result.findings]
    # with `--fix -` the fixed text goes to stdout, so the findings go to stderr
    to_stderr = bool(args.fix) and request.paths == [Path("-")]
    _report(args, results, findings, sys.stderr if to_stderr else sys.stdout, request.skipped)
    if args.statistics:
        _print_statistics(findings)
    return _exit_code(args, results, findings, changed)


def _fix(args: argparse.Namespace, request: LintRequest,
         results: list[FileResult]) -> tuple[list[FileResult], int]:
    """Fix every file; print diffs (--diff) or write files; returns new results and #changed."""
    from flinklint import fix as fixing

    outcomes = [fixing.fix_file(r, request, unsafe=args.unsafe_fixes) for r in results]
    changed = [o for o in outcomes if o.changed]
    stdin = request.paths == [Path("-")]
    for outcome in changed:
        if args.diff:
            sys.stdout.write(fixing.diff(outcome))
        elif stdin:
            continue
        else:
            write_file(Path(outcome.result.path), encode(outcome.fixed, outcome.result.bom))
    if stdin and not args.diff:
        _write_stdin(outcomes[0])
    if args.show_fixes or args.diff:
        _print_fixes(outcomes, sys.stderr if stdin or args.diff else sys.stdout,
                     "Would fix" if args.diff else "Fixed")
    return [o.result for o in outcomes], len(changed)


def _write_stdin(outcome: Any) -> None:
    """The fixed text in the input's encoding; unfixed input byte for byte, however long."""
    result = outcome.result
    if outcome.changed or result.data is None:
        write_stdout(encode(outcome.fixed, had_bom=result.bom))
    else:
        write_stdout(result.data, rest=sys.stdin.buffer)


def _print_fixes(outcomes: list[Any], stream: Any, verb: str) -> None:
    for outcome in outcomes:
        counts = Counter((f.code, f.name) for f in outcome.applied)
        for (code, name), count in sorted(counts.items()):
            stream.write(f"{verb} {count} x {code} ({name}) in {outcome.result.path}\n")
        for finding in outcome.rejected:
            stream.write(f"Not fixed: {finding.code} at {finding.path}:{finding.line}: its fix "
                         "did not prove safe on this file\n")


def _exit_code(
    args: argparse.Namespace, results: list[FileResult], findings: list[Finding], changed: int
) -> int:
    if any(f.code == "FL000" for f in findings):
        return EXIT_USAGE
    if args.diff and changed:
        return EXIT_FINDINGS
    if args.fix and changed and args.exit_non_zero_on_fix:
        return EXIT_FINDINGS
    if args.exit_zero:
        return EXIT_OK
    threshold = {r.path: r.settings.fail_on.rank for r in results}
    for finding in findings:
        if finding.severity.rank >= threshold.get(finding.path, Severity.ERROR.rank):
            return EXIT_FINDINGS
    return EXIT_OK


def _outputs(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    pairs = [(fmt, out) for fmt, out in (args.outputs or [])]
    default = os.environ.get("FLINKLINT_FORMAT") or (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true"
        else "full" if _isatty(sys.stdout) else "concise"
    )
    resolved = [(fmt or default, out) for fmt, out in pairs] or [(default, None)]
    for fmt, _ in resolved:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return resolved


def _isatty(stream: Any) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())


def _report(args: argparse.Namespace, results: list[FileResult], findings: list[Finding],
            stream: Any, skipped: int = 0) -> None:
    data = ReportInput(
        findings=findings,
        rules=_Registry(),
        files_checked=len(results),
        files_skipped=skipped,
        sources={r.path: r.text for r in results},
        root=Path.cwd(),
        fix_flag_hint="--fix",
        version=_version(),
        unsafe_fixes_enabled=bool(args.unsafe_fixes),
    )
    for fmt, out in _outputs(args):
        color = out is None and use_color(args.color, stream)
        text = render(fmt, data, color=color)
        if fmt in ("full", "concise") and not args.quiet:
            text += summary_line(data) + "\n"
        write_report(text, out, stream)
        if fmt == "github":
            _step_summary(data)


class _Registry(Mapping[str, Rule]):
    """``rules.registry()``, built only if a format reads it (SARIF's table of rules): building
    it imports every rule module, which a plain run does not need."""

    def __getitem__(self, code: str) -> Rule:
        return registry()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(registry())

    def __len__(self) -> int:
        return len(registry())


def _step_summary(data: Any) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return

    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(github_step_summary(data))
    except OSError as err:
        raise UsageError(f"cannot write GITHUB_STEP_SUMMARY {target}: {err.strerror}") from None


def _print_statistics(findings: list[Finding]) -> None:
    counts = Counter((f.code, f.name) for f in findings)
    fixable = Counter(f.code for f in findings if f.fix is not None)
    for (code, name), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if fixable[code] else "   "
        sys.stdout.write(f"{count:5d}  {code}  {mark} {name}\n")


def _show_settings(args: argparse.Namespace) -> int:
    request = lint_request(args)
    try:
        for path in request.paths:
            settings = settings_for(path, request)
            shown = {
                "file": str(path),
                "settings-file": str(settings.source) if settings.source else None,
                "flink-version": str(settings.flink_version) if settings.flink_version else None,
                "deployment": settings.deployment.value if settings.deployment else None,
                "operator-version": str(settings.operator_version)
                if settings.operator_version else None,
                "select": list(settings.select),
                "extend-select": list(settings.extend_select),
                "ignore": list(settings.ignore),
                "severity": {k: v.value for k, v in settings.severity.items()},
                "per-file-ignores": {k: list(v) for k, v in settings.per_file_ignores},
                "exclude": list(settings.exclude),
                "define": dict(settings.define),
                "fail-on": settings.fail_on.value,
            }
            sys.stdout.write(json.dumps(shown, indent=2) + "\n")
    except SettingsError as err:
        raise UsageError(str(err)) from None
    return EXIT_OK


def _version() -> str:
    return __version__
