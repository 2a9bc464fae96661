"""The ``sarif`` format: SARIF 2.1.0 as GitHub code scanning accepts it.

One run; ``tool.driver.rules`` lists every rule in ``rules`` (sorted by code) plus any code a
finding has that ``rules`` lacks. Levels: error -> ``error``, warning -> ``warning``, info ->
``note``. Columns count code points (``columnKind``), regions end *exclusively*
(``endColumn`` is one past the span's last character). Paths are URIs relative to
``%SRCROOT%`` (the root; ``originalUriBaseIds`` gives its absolute URI), absolute ``file:``
URIs for files outside it. ``partialFingerprints["flinklintKey/v1"]`` is the fingerprint of
:mod:`flinklint.report.fingerprint`. A fix becomes ``fixes[0]`` with one artifact change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from flinklint.findings import Edit, Finding, Severity, Span

if TYPE_CHECKING:
    from flinklint.engine.rule import Rule
    from flinklint.report.input import ReportInput

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "flinklintKey/v1"


def sarif(data: ReportInput, color: bool) -> str:
    from flinklint.report.fingerprint import fingerprints
    from flinklint.report.location import SRCROOT, root_uri
    from flinklint.report.structured import dumps

    codes = sorted(set(data.rules) | {finding.code for finding in data.findings})
    index = {code: number for number, code in enumerate(codes)}
    names = {finding.code: finding.name for finding in data.findings}
    results = [
        result(finding, index[finding.code], fingerprint, data)
        for finding, fingerprint in zip(data.findings, fingerprints(data), strict=True)
    ]
    run = {
        "tool": {"driver": driver([rule(c, data.rules.get(c), names) for c in codes], data)},
        "originalUriBaseIds": {SRCROOT: {"uri": root_uri(data.root)}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return dumps(log, indent=2) + "\n"


def driver(rules: list[dict[str, Any]], data: ReportInput) -> dict[str, Any]:
    from flinklint.report.rule_docs import HOME_URL

    tool: dict[str, Any] = {"name": "flinklint", "informationUri": HOME_URL, "rules": rules}
    if data.version:
        tool["version"] = data.version
        tool["semanticVersion"] = data.version
    return tool


def rule(code: str, known: Rule | None, names: Mapping[str, str]) -> dict[str, Any]:
    """A reportingDescriptor; a code missing from ``rules`` gets what its findings tell."""
    from flinklint.report.rule_docs import description, rule_url

    descriptor: dict[str, Any] = {"id": code, "helpUri": rule_url(code)}
    if known is None:
        descriptor["name"] = names.get(code, code)
        return descriptor
    descriptor["name"] = known.name
    descriptor["shortDescription"] = {"text": known.summary or known.name}
    descriptor["fullDescription"] = {"text": description(known)}
    descriptor["defaultConfiguration"] = {"level": LEVELS[known.severity]}
    if known.doc.strip():
        descriptor["help"] = {"text": known.doc.strip(), "markdown": known.doc.strip()}
    return descriptor


def result(finding: Finding, index: int, fingerprint: str, data: ReportInput) -> dict[str, Any]:
    from flinklint.report.location import artifact_location

    artifact = artifact_location(finding.path, data.root)
    physical = {"artifactLocation": artifact, "region": span_region(finding.span)}
    entry: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message or finding.code},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.fix is not None and finding.fix.edits:
        replacements = [replacement(edit) for edit in finding.fix.edits]
        change = {"artifactLocation": artifact, "replacements": replacements}
        fix = {"description": {"text": finding.fix.message}, "artifactChanges": [change]}
        entry["fixes"] = [fix]
    return entry


def span_region(span: Span) -> dict[str, int]:
    return region(span.line, span.column, span.end_line, span.end_column + 1)


def region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def replacement(edit: Edit) -> dict[str, Any]:
    deleted = region(edit.line, edit.column, edit.end_line, edit.end_column)
    return {"deletedRegion": deleted, "insertedContent": {"text": edit.content}}
