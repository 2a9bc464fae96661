"""Output formats: findings in, one string out. Only this package and the CLI print.

The CLI builds one :class:`ReportInput` and asks for a format by name::

    from flinklint.report import FORMATS, ReportInput, render, summary_line
    data = ReportInput(findings=sorted_findings, rules=rules_by_code, ...)
    text = render("full", data, color=True)
    sys.stdout.write(text)  # ends with a newline unless it is empty; write it as is
    sys.stdout.write(summary_line(data) + "\n")  # after concise/full, unless --quiet

``render(fmt, data, color=False)`` accepts every name in :data:`FORMATS` and raises
``ValueError`` for any other (the CLI offers ``FORMATS`` as the argument's choices). ``color``
only affects ``concise`` and ``full``; honouring ``NO_COLOR``/``--color`` is the CLI's job.
``concise`` and ``full`` hold the findings only (empty when there are none): the caller adds
:func:`summary_line` (``Found 3 problems (...)`` or ``All checks passed.``) after them.
:func:`github_step_summary` gives Markdown for ``$GITHUB_STEP_SUMMARY``.

Formats, one module each:

- ``concise`` (terminal): ``path:line:col: CODE [*] [severity] message``, one per line.
- ``full`` (terminal): the same header, the source lines with a gutter, a caret under the span,
  the message, and the fix as a small unified diff; each finding ends with a blank line.
- ``json`` / ``jsonl`` (structured): one object per finding. ``end_column`` is *inclusive*, as
  :class:`~flinklint.findings.Span`; fix edits keep :class:`~flinklint.findings.Edit`'s
  *exclusive* end.
- ``sarif``: SARIF 2.1.0 for GitHub code scanning. Columns count code points
  (``columnKind: unicodeCodePoints``); region ends are exclusive, as SARIF wants.
- ``github``: workflow commands (``::error file=...::message``), escaped as the runner expects.
- ``gitlab``: Code Quality JSON. Severity ``error`` -> ``critical`` (Flink refuses the file or
  silently runs with other values than written), ``warning`` -> ``minor``, ``info`` -> ``info``.
- ``junit``: one testsuite per file, one failing testcase per (file, rule), one passing
  testcase per clean file; clean files are the keys of ``sources`` without findings.

Fingerprints (SARIF ``partialFingerprints``, GitLab ``fingerprint``) hash the rule code, the
path relative to ``root`` and the option key read from the source at the finding's line (see
:mod:`flinklint.report.fingerprint`), never the line number, so unrelated edits keep them.

Text a user wrote (messages quote values) may hold anything: each format escapes for its own
syntax, terminal formats show control characters as ``\\x1b``-style escapes, and lone surrogates
(from undecodable bytes) become U+FFFD so the output always encodes as UTF-8.
"""

from __future__ import annotations

from collections.abc import Callable

from flinklint.report.input import ReportInput as ReportInput  # the formats' input, public
from flinklint.report.summary import summary_line as line

FORMATS: tuple[str, ...] = (
    "concise",
    "full",
    "json",
    "jsonl",
    "sarif",
    "github",
    "gitlab",
    "junit",
)

# format -> (module under flinklint.report, function taking (data, color)); imported on use.
_RENDERERS: dict[str, tuple[str, str]] = {
    "concise": ("terminal", "concise"),
    "full": ("full", "full"),
    "json": ("structured", "json_array"),
    "jsonl": ("structured", "json_lines"),
    "sarif": ("sarif", "sarif"),
    "github": ("github", "workflow_commands"),
    "gitlab": ("gitlab", "code_quality"),
    "junit": ("junit", "junit"),
}


def render(fmt: str, data: ReportInput, *, color: bool = False) -> str:
    """The whole output of format ``fmt``; ``ValueError`` if ``fmt`` is not in FORMATS."""
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    from importlib import import_module

    module, name = _RENDERERS[fmt]
    function: Callable[[ReportInput, bool], str] = getattr(
        import_module(f"flinklint.report.{module}"), name
    )
    return _encodable(function(data, color))


def summary_line(data: ReportInput) -> str:
    """``Found 3 problems (2 errors, 1 warning) in 2 files; 1 fixable with --fix.``"""
    return line(data)


def github_step_summary(data: ReportInput) -> str:
    """A Markdown section (heading, summary, table of findings) for $GITHUB_STEP_SUMMARY."""
    from flinklint.report.github import step_summary

    return _encodable(step_summary(data))


def _encodable(text: str) -> str:
    """Replace lone surrogates (undecodable bytes kept by the loader) with U+FFFD."""
    if text.isascii():
        return text
    import re

    return re.sub("[\ud800-\udfff]", "\ufffd", text)
