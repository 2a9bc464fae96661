"""Inline suppressions in YAML comments, and the findings about them (FL090, FL091).

``# flinklint: disable=FL204,FL101 -- reason`` suppresses those codes on its line when it
trails a value, and on the next line when it stands alone on the line above;
``# flinklint: disable-file=FL101`` suppresses a code in the whole file. A suppression naming an
unknown code is reported as FL090, one that suppresses nothing as FL091. An internal error
(FL000) cannot be suppressed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from flinklint.engine.rule import INTERNAL_ERROR, Rule
from flinklint.engine.select import Selection
from flinklint.findings import Finding, Span
from flinklint.flink_config import FlinkConfig
from flinklint.records import dataclass

UNKNOWN_SUPPRESSION = "FL090"
UNUSED_SUPPRESSION = "FL091"

# compiled by ``re`` on first use (and cached there): most files have no suppression.
# The codes and the ``-- reason`` after it are split by :func:`_codes`, in linear time (as one
# regular expression, ``[A-Za-z0-9_,\s-]+?\s*(?:--.*)?$`` took hours on a long line of blanks).
_SUPPRESS_RE = r"#\s*flinklint:\s*(?P<kind>disable-file|disable)\s*="
_CODE_RUN = r"[A-Za-z0-9_,\s-]*"


@dataclass(frozen=True, slots=True)
class _Suppression:
    line: int
    column: int
    end_column: int
    codes: tuple[str, ...]
    whole_file: bool
    own_line: bool  # the comment stands alone on its line, so it covers the next line

    def covers(self, line: int) -> bool:
        return self.whole_file or line == self.line or (self.own_line and line == self.line + 1)


def suppressions(text: str) -> list[_Suppression]:
    """Every ``# flinklint: disable...`` comment of a text."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "flinklint:" not in line:
            continue
        match, written = _suppression_in(line)
        if match is not None and written is not None:
            codes = tuple(c.strip() for c in written.split(",") if c.strip())
            whole = match.group("kind") == "disable-file"
            alone = not line[: match.start()].strip()
            found.append(_Suppression(number, match.start() + 1, len(line), codes, whole, alone))
    return found


def _suppression_in(line: str) -> tuple[re.Match[str] | None, str | None]:
    """The first ``# flinklint: disable...=`` followed by codes, and those codes as written."""
    pos = 0
    while (match := re.compile(_SUPPRESS_RE).search(line, pos)) is not None:
        written = _codes(line, match.end())
        if written is not None:
            return match, written
        pos = match.start() + 1
    return None, None


def _codes(line: str, start: int) -> str | None:
    """The codes written from ``start``: the shortest run of code characters that only blanks
    follow, or blanks and a ``--`` comment; None if there is none (it is no suppression)."""
    run = re.compile(_CODE_RUN).match(line, start)
    end = run.end() if run else start
    first = start
    while first < end and line[first].isspace():
        first += 1  # blanks after '=' belong to no code
    blanks_end = [end] * (end - start + 1)  # where the blanks from start + i end
    for i in range(end - start - 1, -1, -1):
        blanks_end[i] = blanks_end[i + 1] if line[start + i].isspace() else start + i
    for j in (*range(first + 1, end + 1), *range(start + 1, first + 1)):
        rest = blanks_end[j - start]
        if rest == len(line) or line.startswith("--", rest):
            return line[start:j]
    return None


def suppress(
    config: FlinkConfig,
    findings: list[Finding],
    rules: Mapping[str, Rule],
    selection: Selection,
) -> list[Finding]:
    """``findings`` less those a suppression comment covers, plus FL090/FL091 findings."""
    marks = suppressions(config.text) if "flinklint:" in config.text else []
    if not marks:
        return findings
    kept: list[Finding] = []
    used: set[tuple[int, str]] = set()
    for finding in findings:
        hit = _matching(marks, finding)
        if hit is None or finding.code == INTERNAL_ERROR:
            kept.append(finding)
        else:
            used.add(hit)
    return kept + _suppression_findings(config, marks, used, rules, selection)


def _matching(marks: list[_Suppression], finding: Finding) -> tuple[int, str] | None:
    for mark in marks:
        if not mark.covers(finding.line):
            continue
        for code in mark.codes:
            if code.upper() == finding.code or code == finding.name:
                return (mark.line, code)
    return None


def _suppression_findings(
    config: FlinkConfig,
    marks: list[_Suppression],
    used: set[tuple[int, str]],
    rules: Mapping[str, Rule],
    selection: Selection,
) -> list[Finding]:
    out: list[Finding | None] = []
    names = {rule.name for rule in rules.values()}
    for mark in marks:
        span = Span(mark.line, mark.column, mark.line, mark.end_column)
        for code in mark.codes:
            if code.upper() not in rules and code not in names:
                out.append(_meta(rules, selection, UNKNOWN_SUPPRESSION, config.path, span,
                                 f"suppression names unknown rule {code!r}"))
            elif (mark.line, code) not in used:
                out.append(_meta(rules, selection, UNUSED_SUPPRESSION, config.path, span,
                                 f"suppression of {code} suppresses nothing here; remove it"))
    return [f for f in out if f is not None]


def _meta(
    rules: Mapping[str, Rule],
    selection: Selection,
    code: str,
    path: str,
    span: Span,
    message: str,
) -> Finding | None:
    rule = rules.get(code)
    if rule is None or not selection.enabled(rule):
        return None
    return Finding(code, rule.name, selection.severity_of(rule), message, path, span)
