"""Run the selected rules over one configuration: selection, severities, suppressions, order.

Selection follows ruff: ``select`` names codes, prefixes (``FL2``) or slugs
(``overhead-out-of-range``), ``ALL`` selects everything; ``extend-select`` adds, ``ignore``
removes. A more specific selector wins over a less specific one (``--select FL2 --ignore FL203``
and ``--ignore FL2 --select FL203`` both do the intuitive thing).

Inline suppressions live in YAML comments: ``# flinklint: disable=FL204,FL101 -- reason``
suppresses those codes on its line when it trails a value, and on the next line when it
stands alone on the line above; ``# flinklint: disable-file=FL101`` suppresses a code in the
whole file.
A suppression naming an unknown code is reported as FL090, one that suppresses nothing as FL091.

A rule that raises does not take the run down: the file gets an ``FL000`` finding asking for a
bug report, the other rules still run, and the CLI exits 2 at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from flinklint.engine.rule import Context, Hit, Rule, reported_by_loader
from flinklint.findings import Finding, Severity, Span
from flinklint.flink_config import FlinkConfig
from flinklint.records import dataclass, replace
from flinklint.versions import FlinkVersion

INTERNAL_ERROR = "FL000"
UNKNOWN_SUPPRESSION = "FL090"
UNUSED_SUPPRESSION = "FL091"

# compiled by ``re`` on first use (and cached there): most files have no suppression.
# The codes and the ``-- reason`` after it are split by :func:`_codes`, in linear time (as one
# regular expression, ``[A-Za-z0-9_,\s-]+?\s*(?:--.*)?$`` took hours on a long line of blanks).
_SUPPRESS_RE = r"#\s*flinklint:\s*(?P<kind>disable-file|disable)\s*="
_CODE_RUN = r"[A-Za-z0-9_,\s-]*"


@dataclass(frozen=True, slots=True)
class Selection:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] | None = None

    def enabled(self, rule: Rule) -> bool:
        chosen = _best(rule, (*self.select, *self.extend_select))
        dropped = _best(rule, self.ignore)
        if chosen is None:
            return False
        return dropped is None or chosen > dropped

    def severity_of(self, rule: Rule) -> Severity:
        overrides = self.severity or {}
        best: tuple[int, Severity] | None = None
        for selector, level in overrides.items():
            rank = _specificity(rule, selector)
            if rank is not None and (best is None or rank > best[0]):
                best = (rank, level)
        return best[1] if best else rule.severity


def _specificity(rule: Rule, selector: str) -> int | None:
    """How specifically ``selector`` names ``rule`` (None: not at all)."""
    sel = selector.strip()
    if sel.upper() == "ALL":
        return 0
    if sel == rule.name or sel.upper() == rule.code:
        return 100
    if rule.code.startswith(sel.upper()) and sel.upper().startswith("FL"):
        return len(sel)
    return None


def _best(rule: Rule, selectors: Iterable[str]) -> int | None:
    ranks = [r for r in (_specificity(rule, s) for s in selectors) if r is not None]
    return max(ranks) if ranks else None


def known_selector(selector: str, rules: Sequence[Rule]) -> bool:
    """Whether a selector names at least one rule (for validating options)."""
    return any(_specificity(rule, selector) is not None for rule in rules)


@cache
def registry() -> dict[str, Rule]:
    """Every rule, from the registry (its documentation included): all rule modules imported."""
    from flinklint.rules import RULES

    return {rule.code: rule for rule in RULES}


def lint_rules() -> dict[str, Rule]:
    """Every rule, for selecting and running: a module is imported when its check first runs."""
    from flinklint.rules.index import lint_rules as rules

    return rules()


def lint(
    config: FlinkConfig,
    version: FlinkVersion,
    selection: Selection,
    options: Mapping[str, object] | None = None,
    rules: Mapping[str, Rule] | None = None,
) -> list[Finding]:
    """All findings for one configuration, sorted, after suppressions."""
    rules = lint_rules() if rules is None else rules
    active = [rule for rule in rules.values()
              if rule.check is not reported_by_loader and selection.enabled(rule)]
    found: list[Finding] = [
        replace(f, severity=selection.severity_of(rules[f.code]))
        for f in config.findings
        if f.code in rules and selection.enabled(rules[f.code])
    ]
    if config.lintable:
        ctx = Context(config, version, options)
        for rule in active:
            found.extend(_run(rule, ctx, selection.severity_of(rule)))
    found = _suppress(config, found, rules, selection)
    return sorted(set(found), key=Finding.sort_key)


def _hit_severity(rule: Rule, hit: Hit, severity: Severity) -> Severity:
    """A hit's own severity, unless the user configured one for the rule."""
    return hit.severity if hit.severity is not None and severity is rule.severity else severity


def _run(rule: Rule, ctx: Context, severity: Severity) -> list[Finding]:
    path = ctx.config.path
    try:
        return [
            Finding(rule.code, rule.name, _hit_severity(rule, hit, severity), hit.message, path,
                    hit.span, hit.fix)
            for hit in rule.check(ctx)
        ]
    except Exception as err:  # a bug in a rule must not take the run down
        message = (
            f"internal error in rule {rule.code} ({rule.name}): {type(err).__name__}: {err}; "
            "please report this with the file that triggers it"
        )
        return [
            Finding(INTERNAL_ERROR, "internal-error", Severity.ERROR, message, path,
                    Span.point(ctx.config.base_line))
        ]


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


def _suppress(
    config: FlinkConfig,
    findings: list[Finding],
    rules: Mapping[str, Rule],
    selection: Selection,
) -> list[Finding]:
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
