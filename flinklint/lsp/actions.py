"""Code actions: each finding's fix, "fix all", and a suppression comment for one line.

* A finding's fix is offered with exactly its edits (the ``fix`` of ``check --format json``):
  a safe fix as the preferred quick fix, an unsafe one with "(unsafe)" in its title, as
  ``--unsafe-fixes`` asks for it on the command line.
* "Fix all" (``source.fixAll.flinklint``) is ``check --fix`` on the open text: the same rounds,
  each proven by re-linting (:func:`flinklint.fix.fix_file`), safe fixes only.
* "Disable ... for this line" writes ``# flinklint: disable=CODE -- TODO: reason`` (the
  syntax of :mod:`flinklint.engine.suppress`) after the line, adds the code to a suppression
  already there, or puts the comment alone on the line above. The edit is offered only once
  re-linting the edited text proves that the finding is suppressed, that nothing new appears
  and that Flink reads every value as before (a ``#`` inside a multi-line quoted value is no
  comment).
"""

from __future__ import annotations

import re
from collections import Counter

from flinklint.edits import EditError, apply_edits
from flinklint.engine.suppress import suppressions
from flinklint.findings import Applicability, Edit, Finding
from flinklint.fix import fix_file
from flinklint.lint.file import FileResult
from flinklint.lsp.analysis import Analysis, analyse
from flinklint.lsp.positions import Lines

REASON = "TODO: reason"
FIX_ALL = "source.fixAll.flinklint"
_NOT_SUPPRESSIBLE = ("FL000", "FL090", "FL091")


_fixed: dict[int, tuple[Analysis, str | None]] = {}


def fixed_text(analysis: Analysis) -> str | None:
    """The text ``check --fix`` would write for this document, None if it changes nothing.

    Kept for the last lint of each text: editors ask for code actions at every cursor move.
    """
    kept = _fixed.get(id(analysis))
    if kept is not None and kept[0] is analysis:
        return kept[1]
    if len(_fixed) > 32:
        _fixed.clear()
    answer = _fixed_text(analysis)
    _fixed[id(analysis)] = (analysis, answer)
    return answer


def _fixed_text(analysis: Analysis) -> str | None:
    if analysis.result is None or not any(f.fix for f in analysis.findings):
        return None
    outcome = fix_file(analysis.result, analysis.request, unsafe=False)
    if not outcome.changed:
        return None
    fixed = outcome.fixed
    if analysis.text.startswith("\ufeff") and not fixed.startswith("\ufeff"):
        fixed = "\ufeff" + fixed
    return fixed if fixed != analysis.text else None


def replacement(old: str, new: str) -> tuple[int, int, str]:
    """One replacement turning ``old`` into ``new``: (start, end) offsets in ``old``, text."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]


def unsafe(finding: Finding) -> bool:
    return finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE


def fix_title(finding: Finding) -> str:
    assert finding.fix is not None
    suffix = " (unsafe)" if unsafe(finding) else ""
    return f"{finding.fix.message} ({finding.code}){suffix}"


def _line_text(text: str, line: int) -> str:
    return Lines(text).line(line - 1)


_SUPPRESS = re.compile(r"#\s*flinklint:\s*disable\s*=")


def _candidates(text: str, finding: Finding) -> list[Edit]:
    """Ways to suppress ``finding`` on its line, the most natural first."""
    line = finding.line
    current = _line_text(text, line)
    edits = []
    mark = next((m for m in suppressions(current) if not m.whole_file and not m.own_line), None)
    if mark is not None:
        match = _SUPPRESS.search(current, mark.column - 1)
        if match is not None:
            rest = current[match.end():]
            codes_end = match.end() + len(rest.split("--", 1)[0].rstrip())
            edits.append(Edit.insert(line, codes_end + 1, f",{finding.code}"))
    comment = f"# flinklint: disable={finding.code} -- {REASON}"
    gap = "" if current.endswith((" ", "\t")) else "  "
    edits.append(Edit.insert(line, len(current) + 1, f"{gap}{comment}"))
    indent = current[: len(current) - len(current.lstrip(" \t"))]
    edits.append(Edit.insert(line, 1, f"{indent}{comment}\n"))
    return edits


def suppression(analysis: Analysis, finding: Finding) -> Edit | None:
    """An edit that suppresses ``finding`` and is proven to by re-linting, else None."""
    if finding.code in _NOT_SUPPRESSIBLE or analysis.result is None:
        return None
    before = Counter(f.code for f in analysis.findings)
    for edit in _candidates(analysis.text, finding):
        try:
            text = apply_edits(analysis.text, [edit])
        except EditError:
            continue
        relinted = analyse(analysis.path, text, analysis.request)
        if relinted.result is None or not _same_meaning(analysis.result, relinted.result):
            continue
        after = Counter(f.code for f in relinted.findings)
        if after[finding.code] < before[finding.code] and all(
            after[code] <= before[code] for code in after
        ):
            return edit
    return None


def _same_meaning(before: FileResult, after: FileResult) -> bool:
    """Flink reads the same configuration from both: a comment changed no value."""
    return len(before.configs) == len(after.configs) and all(
        a.effective == b.effective and a.lintable == b.lintable
        for a, b in zip(before.configs, after.configs, strict=True))
