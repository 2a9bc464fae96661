"""Run the selected rules over one configuration: selection, severities, suppressions, order.

Selection is :mod:`flinklint.engine.select`, suppressions :mod:`flinklint.engine.suppress`.
The rules are handed in (``flinklint.rules.index.lint_rules()`` for a run): the engine imports
no rule.

A rule that raises does not take the run down: the file gets an ``FL000`` finding asking for a
bug report, the other rules still run, and the CLI exits 2 at the end.
"""

from __future__ import annotations

from collections.abc import Mapping

from flinklint.engine.rule import INTERNAL_ERROR, Context, Hit, Rule, reported_by_loader
from flinklint.engine.select import Selection
from flinklint.findings import Finding, Severity, Span
from flinklint.flink_config import FlinkConfig
from flinklint.records import replace
from flinklint.versions import FlinkVersion


def lint(
    config: FlinkConfig,
    version: FlinkVersion,
    selection: Selection,
    options: Mapping[str, object] | None = None,
    *,
    rules: Mapping[str, Rule],
) -> list[Finding]:
    """All findings for one configuration, sorted, after suppressions."""
    active = [rule for rule in rules.values()
              if rule.check is not reported_by_loader and selection.enabled(rule)]
    found: list[Finding] = [
        replace(f, severity=selection.severity_of(rules[f.code])
                if selection.configures(rules[f.code]) else f.severity)
        for f in config.findings
        if f.code in rules and selection.enabled(rules[f.code])
    ]
    if config.lintable:
        ctx = Context(config, version, options)
        for rule in active:
            if rule.applies_to(config):
                found.extend(_run(rule, ctx, selection.severity_of(rule)))
    if "flinklint:" in config.text:  # most files have no suppression comment
        from flinklint.engine.suppress import suppress

        found = suppress(config, found, rules, selection)
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
