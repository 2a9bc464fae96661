"""Findings as LSP diagnostics: one diagnostic per finding of ``check``, nothing added or lost.

``code`` is the rule code, ``codeDescription`` the rule's page, ``source`` ``flinklint``,
``data`` the rule's name and whether a fix exists. Tags where LSP has one: a deprecated key is
*deprecated*; text Flink ignores (an earlier duplicate, a removed key, a fraction that has no
effect) and a suppression that suppresses nothing are *unnecessary* (editors fade them).
"""

from __future__ import annotations

from lsprotocol import types as lsp

from flinklint.findings import Edit, Finding, Severity
from flinklint.lsp.positions import Lines
from flinklint.report.rule_docs import rule_url

SOURCE = "flinklint"
SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
TAGS = {
    "FL102": lsp.DiagnosticTag.Deprecated,  # deprecated-key
    "FL003": lsp.DiagnosticTag.Unnecessary,  # legacy-duplicate-key: the ignored earlier line
    "FL091": lsp.DiagnosticTag.Unnecessary,  # unused-suppression
    "FL103": lsp.DiagnosticTag.Unnecessary,  # removed-key: the target version ignores it
    "FL217": lsp.DiagnosticTag.Unnecessary,  # fraction-clamped: the fraction has no effect
    "FL218": lsp.DiagnosticTag.Unnecessary,  # network-fraction-ignored
}


def lsp_range(pair: tuple[tuple[int, int], tuple[int, int]]) -> lsp.Range:
    (line, char), (end_line, end_char) = pair
    return lsp.Range(lsp.Position(line, char), lsp.Position(end_line, end_char))


def diagnostic(finding: Finding, lines: Lines) -> lsp.Diagnostic:
    tag = TAGS.get(finding.code)
    return lsp.Diagnostic(
        range=lsp_range(lines.span(finding.span)),
        message=finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.code,
        code_description=lsp.CodeDescription(href=rule_url(finding.code)),
        source=SOURCE,
        tags=[tag] if tag is not None else None,
        data={"name": finding.name, "fixable": finding.fix is not None},
    )


def diagnostics(findings: list[Finding], lines: Lines) -> list[lsp.Diagnostic]:
    return [diagnostic(finding, lines) for finding in findings]


def text_edit(edit: Edit, lines: Lines, newline: str) -> lsp.TextEdit:
    """An edit as ``apply_edits`` applies it: inserted line breaks in the file's own style."""
    content = edit.content.replace("\n", newline) if newline != "\n" else edit.content
    return lsp.TextEdit(range=lsp_range(lines.edit(edit)), new_text=content)
