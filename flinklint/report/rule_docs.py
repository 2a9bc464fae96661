"""Where a rule's documentation lives, its sections, and the parts that machine formats quote.

A rule's docstring is split into ``## Title`` sections here, for every reader: the rule pages
and the documented examples (:mod:`~.rule_pages`) and SARIF's rule descriptions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flinklint.engine.rule import Rule

HOME_URL = "https://github.com/flinklint/flinklint"
DOCS_URL = HOME_URL + "/blob/main/rules/{code}.md"
_SECTION_RE = re.compile(r"^## (?P<title>.+)$", re.M)


def rule_url(code: str) -> str:
    """The page of rule ``code`` (``rules/<CODE>.md``, generated from the rule's docstring)."""
    return DOCS_URL.format(code=code)


def sections(doc: str) -> list[tuple[str, str]]:
    """The ``## Title`` sections of a rule's docstring: (title, body) in order."""
    marks = list(_SECTION_RE.finditer(doc))
    out = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(doc)
        out.append((mark.group("title").strip(), doc[mark.end():end]))
    return out


def description(rule: Rule) -> str:
    """The ``## What it does`` section of the rule's doc, else its first paragraph after the
    summary line, else the summary. Lines of a paragraph are joined with spaces."""
    import textwrap

    doc = textwrap.dedent(rule.doc).strip()
    body = next((text for title, text in sections(doc) if title == "What it does"), None)
    if body is None:
        first = _SECTION_RE.search(doc)
        body = doc[: first.start() if first else len(doc)].partition("\n\n")[2]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "\n\n".join(paragraphs) or rule.summary
