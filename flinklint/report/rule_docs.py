"""Where a rule's documentation lives, and the parts of it that machine formats quote."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flinklint.engine.rule import Rule

HOME_URL = "https://github.com/flinklint/flinklint"
DOCS_URL = HOME_URL + "/blob/main/rules/{code}.md"


def rule_url(code: str) -> str:
    """The page of rule ``code`` (``rules/<CODE>.md``, generated from the rule's docstring)."""
    return DOCS_URL.format(code=code)


def description(rule: Rule) -> str:
    """The ``## What it does`` section of the rule's doc, else its first paragraph after the
    summary line, else the summary. Lines of a paragraph are joined with spaces."""
    import textwrap

    doc = textwrap.dedent(rule.doc).strip()
    sections = re.split(r"^##[^\n]*\n", doc, flags=re.MULTILINE)
    match = re.search(r"^##\s*What it does\s*\n(.*?)(?=^##|\Z)", doc, re.MULTILINE | re.DOTALL)
    body = match.group(1) if match else sections[0].partition("\n\n")[2]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "\n\n".join(paragraphs) or rule.summary
