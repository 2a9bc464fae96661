"""Rule documentation from the rules' docstrings: ``flinklint rule`` and ``rules/*.md``.

The docstring of each rule module is the single source. This module renders it for a terminal
or as a Markdown page, lists all rules, and extracts the fenced examples so that a test can lint
them (the ``## Example`` blocks must be reported, the ``## Use instead`` blocks must not).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from flinklint.engine.rule import Rule
from flinklint.report.rule_docs import rule_url, sections

_FENCE_RE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```\s*$", re.M | re.S)


@dataclass(frozen=True, slots=True)
class Example:
    """A fenced block of a rule's docstring."""

    section: str  # "Example" or "Use instead"
    filename: str  # "flink-conf.yaml", "config.yaml" or a manifest name
    text: str
    flink_version: str | None
    defines: tuple[tuple[str, str], ...] = ()
    deployment: str | None = None  # ``deployment=docker``
    operator_version: str | None = None  # the Kubernetes operator release of a manifest

    @property
    def should_fire(self) -> bool:
        return self.section.lower().startswith("example")


def examples(rule: Rule) -> list[Example]:
    """Every fenced block under ``## Example`` and ``## Use instead``."""
    found = []
    for title, body in sections(rule.doc):
        if title.lower() not in ("example", "examples", "use instead"):
            continue
        for match in _FENCE_RE.finditer(body):
            words = match.group("info").split()
            filename = next((w for w in words[1:] if "=" not in w), "flink-conf.yaml")
            options = dict(w.split("=", 1) for w in words[1:] if "=" in w)
            defines = tuple(
                tuple(d.split(":", 1)) for d in options.get("define", "").split(",") if ":" in d
            )
            body = match.group("body")
            if options.get("final-newline") == "no":  # a file that ends without a line break
                body = body.removesuffix("\n")
            found.append(Example(title, filename, body,
                                 options.get("flink-version"),
                                 tuple((k, v) for k, v in defines),
                                 options.get("deployment"),
                                 options.get("operator-version")))
    return found


def _clean(doc: str) -> str:
    """The docstring without the leading summary line's indentation quirks."""
    lines = doc.strip("\n").splitlines()
    return "\n".join(line.rstrip() for line in lines).strip() + "\n"


def rule_page(rule: Rule, fmt: str = "text") -> str:
    """The documentation of one rule, for ``flinklint rule CODE``."""
    if fmt == "json":
        return json.dumps(_rule_json(rule), indent=2) + "\n"
    return (
        f"{rule.code} {rule.name} ({rule.severity.value})\n\n"
        f"{_clean(rule.doc)}"
    )


def _rule_json(rule: Rule) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "fixable": rule.fixable,
        "url": rule_url(rule.code),
        "doc": _clean(rule.doc),
    }


def markdown_page(rule: Rule) -> str:
    """The generated ``rules/CODE.md`` page."""
    body = _clean(rule.doc)
    summary, _, rest = body.partition("\n")
    fix = "yes" if rule.fixable else "no"
    return (
        f"# {rule.code} `{rule.name}`\n\n"
        f"*Default severity: {rule.severity.value}. Fix available: {fix}.*\n\n"
        f"{summary}\n{rest}"
        "\n<!-- generated from the rule's docstring by tools/gen_rule_docs.py; do not edit -->\n"
    )


def rule_index(rules: Iterable[Rule], fmt: str = "text") -> str:
    """All rules, one a line (or a Markdown table for the README)."""
    ordered = sorted(rules, key=lambda r: r.code)
    if fmt == "json":
        return json.dumps([_rule_json(r) for r in ordered], indent=2) + "\n"
    if fmt == "markdown":
        rows = ["| Code | Name | Severity | Fix | Summary |", "|---|---|---|---|---|"]
        rows += [
            f"| [{r.code}](rules/{r.code}.md) | `{r.name}` | {r.severity.value} | "
            f"{'yes' if r.fixable else ''} | {r.summary} |"
            for r in ordered
        ]
        return "\n".join(rows) + "\n"
    width = max((len(r.name) for r in ordered), default=10)
    return "".join(
        f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary}\n" for r in ordered
    )
