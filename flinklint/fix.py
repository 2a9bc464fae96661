"""``--fix``, ``--unsafe-fixes``, ``--diff``: fix and prove.

Each round takes the findings that carry an applicable fix, applies the largest set of them whose
edits do not overlap, then re-loads and re-lints the new text. A round is kept only if the file
still loads as a Flink configuration, no new load error appears, and every fixed finding is gone;
otherwise its fixes are tried one by one and those that fail the same proof are dropped (and
reported). Rounds repeat until nothing changes, at most :data:`MAX_ROUNDS` times. The file is
written once at the end (by the CLI, atomically), and only if its text changed; this module
writes nothing.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from flinklint.edits import EditError, apply_edits, compatible, encode
from flinklint.findings import Applicability, Finding, Fix, Severity
from flinklint.lint.file import FileResult, LintRequest, lint_file

MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    result: FileResult
    original: str
    fixed: str
    applied: list[Finding] = field(default_factory=list)
    rejected: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def _fixable(findings: list[Finding], unsafe: bool) -> list[Finding]:
    return [
        f for f in findings
        if f.fix is not None and (unsafe or f.fix.applicability is Applicability.SAFE)
    ]


def _relint(result: FileResult, text: str, request: LintRequest) -> FileResult | None:
    data = encode(text, had_bom=result.bom)
    return lint_file(Path(result.path), result.settings, request, data=data)


def _proves(before: FileResult, after: FileResult | None, fixed: list[Finding]) -> bool:
    """The new text still loads as before and the fixed findings are gone.

    New findings of other rules may appear: a fix that makes Flink read a line it dropped can
    reveal what that line says (a memory budget that does not fit), and hiding that would be
    worse than reporting it.
    """
    if after is None or len(after.configs) != len(before.configs):
        return False
    if any(not c.lintable for c in after.configs) and all(c.lintable for c in before.configs):
        return False
    if _load_errors(after) > _load_errors(before):
        return False  # the edit broke the file's syntax somewhere
    before_codes = Counter(f.code for f in before.findings)
    after_codes = Counter(f.code for f in after.findings)
    fixed_codes = Counter(f.code for f in fixed)
    return all(after_codes[c] <= before_codes[c] - n for c, n in fixed_codes.items())


def _load_errors(result: FileResult) -> int:
    """Error findings made while loading (syntax, duplicates, ...), not by the rules."""
    return sum(f.severity is Severity.ERROR for c in result.configs for f in c.findings)


def _try(result: FileResult, text: str, findings: list[Finding],
         request: LintRequest) -> tuple[str, FileResult] | None:
    fixes: list[Fix] = [f.fix for f in findings if f.fix is not None]
    try:
        new_text = apply_edits(text, [e for fix in fixes for e in fix.edits])
    except EditError:
        return None
    after = _relint(result, new_text, request)
    if new_text == text or after is None or not _proves(result, after, findings):
        return None
    return new_text, after


def fix_file(result: FileResult, request: LintRequest, unsafe: bool) -> FixOutcome:
    outcome = FixOutcome(result, result.text, result.text)
    if _undecodable(result):  # writing it back would turn those bytes into U+FFFD
        outcome.rejected.extend(_fixable(result.findings, unsafe))
        return outcome
    current, text = result, result.text
    for _ in range(MAX_ROUNDS):
        candidates = _fixable(current.findings, unsafe)
        chosen_fixes = compatible(text, [f.fix for f in candidates if f.fix is not None])
        chosen = [f for f in candidates if f.fix in chosen_fixes]
        chosen = [f for f in chosen if f not in outcome.rejected]
        if not chosen:
            break
        step = _try(current, text, chosen, request)
        if step is None:
            step = _one_by_one(current, text, chosen, request, outcome)
            if step is None:
                break
        else:
            outcome.applied.extend(chosen)
        text, current = step
    outcome.fixed, outcome.result = text, current
    return outcome


def _undecodable(result: FileResult) -> bool:
    """The file holds bytes that are not UTF-8, which its text cannot give back."""
    return any(f.code == "FL012" for config in result.configs for f in config.findings)


def _one_by_one(current: FileResult, text: str, chosen: list[Finding], request: LintRequest,
                outcome: FixOutcome) -> tuple[str, FileResult] | None:
    progress: tuple[str, FileResult] | None = None
    for finding in chosen:
        step = _try(current, text, [finding], request)
        if step is None:
            outcome.rejected.append(finding)
            continue
        outcome.applied.append(finding)
        text, current = step
        progress = step
    return progress


def diff(outcome: FixOutcome) -> str:
    """A unified diff of what the fixes change (keeps the file's own line endings)."""
    path = outcome.result.path
    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True),
        outcome.fixed.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}",
    )
    marker = "\n\\ No newline at end of file\n"
    return "".join(line if line.endswith(("\n", "\r")) else line + marker for line in lines)
