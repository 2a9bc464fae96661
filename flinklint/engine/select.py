"""Which rules run, at which severity: ruff's selection model.

``select`` names codes, prefixes (``FL2``) or slugs (``overhead-out-of-range``), ``ALL`` selects
everything; ``extend-select`` adds, ``ignore`` removes. A more specific selector wins over a less
specific one (``--select FL2 --ignore FL203`` and ``--ignore FL2 --select FL203`` both do the
intuitive thing). ``severity`` overrides map selectors to severities, the most specific winning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from flinklint.engine.rule import Rule
from flinklint.findings import Severity
from flinklint.records import dataclass


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

    def configures(self, rule: Rule) -> bool:
        """Whether the user set a severity for ``rule`` (which then beats a finding's own)."""
        return any(_specificity(rule, selector) is not None for selector in self.severity or {})


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
