"""Fingerprints that survive unrelated edits, for SARIF and GitLab to track findings by.

Recipe (version 1): the first 32 hex digits of SHA-256 over, joined by NUL,
``flinklint/v1``, the rule code, the path relative to the root, the option key, and the
finding's ordinal among earlier findings with the same code, path and key (so that two
findings of one rule on one key stay apart). The line number is not part of it.

The option key is read from the source at the finding's line: the ``key`` of ``key: value``,
prefixed with the keys of the YAML mappings it is nested in (``spec.flinkConfiguration.
taskmanager.numberOfTaskSlots`` in a FlinkDeployment). A line without a key stands for itself
(its stripped text); without the file's text the message stands in for the key.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from flinklint.findings import Finding, Span

if TYPE_CHECKING:
    from flinklint.report.input import ReportInput

RECIPE = "flinklint/v1"
# A key line is ``^( *)((?:- +)*)("[^"]*"|'[^']*'|[^\s#"'][^#]*?)\s*:(?=\s|$)(.*)$``; as one
# regular expression that backtracked quadratically over long lines of blanks (hours for the
# SARIF of a 2 MB line), so a plain key's end is found by hand.
_HEAD = re.compile(r"( *)((?:- +)*)")
_QUOTED = re.compile(r"""("[^"]*"|'[^']*')\s*:(?=\s|$)""")


def _parse(line: str) -> tuple[int, str, bool] | None:
    """(indent of the key, key, whether the line opens a nested mapping) or None."""
    head = _HEAD.match(line)
    assert head is not None  # both groups may be empty
    indent, dashes = head.groups()
    found = _key_at(line, head.end())
    if found is None and dashes:  # the last dash may begin the key instead ('- : x')
        dashes = dashes[:dashes.rstrip(" ").rfind("-")]
        found = _key_at(line, len(indent) + len(dashes))
    if found is None:
        return None
    key, rest = found
    opens = not rest.strip() or rest.strip().startswith("#")
    return len(indent) + len(dashes), key.strip("\"'"), opens


def _key_at(line: str, start: int) -> tuple[str, str] | None:
    """The key starting at ``start`` and the text after its colon."""
    if line[start:start + 1] in ('"', "'"):
        quoted = _QUOTED.match(line, start)
        return (quoted.group(1), line[quoted.end():]) if quoted else None
    if start >= len(line) or line[start].isspace() or line[start] == "#":
        return None
    colon = line.find(":", start + 1)
    while colon >= 0 and colon + 1 < len(line) and not line[colon + 1].isspace():
        colon = line.find(":", colon + 1)
    if colon < 0 or "#" in line[start:colon]:
        return None
    return line[start:colon].rstrip(), line[colon + 1:]


def option_key(lines: Sequence[str], span: Span) -> str | None:
    """The dotted option key written on the span's first line, or None without a key there."""
    if not 1 <= span.line <= len(lines):
        return None
    parsed = _parse(lines[span.line - 1])
    if parsed is None:
        return None
    indent, key, _ = parsed
    path = [key]
    for line in reversed(lines[: span.line - 1]):
        if indent == 0 or line.startswith(("---", "...")):
            break
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#") or len(line) - len(stripped) >= indent:
            continue
        indent = len(line) - len(stripped)
        parent = _parse(line)
        if parent is not None and parent[2]:
            path.insert(0, parent[1])
    return ".".join(path)


def option_keys(lines: Sequence[str], numbers: Iterable[int]) -> dict[int, str | None]:
    """:func:`option_key` of every line in ``numbers``, in one pass over the file.

    Walking back from each finding's line made a file's fingerprints quadratic (thousands of
    findings on the indented lines of one long mapping). Instead the lines are read once, top
    to bottom, keeping the chain of lines a key line could be nested in: each earlier line that
    no later line (up to this one) is indented as little as. A line's parents are the ones of
    that chain indented less than its key, exactly those the walk back stops at."""
    wanted = sorted({n for n in numbers if 1 <= n <= len(lines)})
    keys: dict[int, str | None] = {}
    chain: list[tuple[int, int]] = []  # (indent, line index) of the lines keys may nest in
    parsed: dict[int, tuple[int, str, bool] | None] = {}

    def parse(index: int) -> tuple[int, str, bool] | None:
        if index not in parsed:
            parsed[index] = _parse(lines[index])
        return parsed[index]

    position = 0
    for index, line in enumerate(lines[:wanted[-1]] if wanted else ()):
        if position < len(wanted) and wanted[position] == index + 1:
            position += 1
            keys[index + 1] = _nested_key(parse(index), chain, lines, parse)
        if line.startswith(("---", "...")):
            chain.clear()
            continue
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        while chain and chain[-1][0] >= indent:
            chain.pop()
        chain.append((indent, index))
    return keys


def _nested_key(found: tuple[int, str, bool] | None, chain: list[tuple[int, int]],
                lines: Sequence[str],
                parse: Callable[[int], tuple[int, str, bool] | None]) -> str | None:
    if found is None:
        return None
    indent, key, _ = found
    path = [key]
    if indent:
        for parent_indent, index in reversed(chain):
            if parent_indent >= indent:
                continue
            indent = parent_indent
            parent = parse(index)
            if parent is not None and parent[2]:
                path.insert(0, parent[1])
            if indent == 0:
                break
    return ".".join(path)


def identity(finding: Finding, lines: Sequence[str] | None,
             keys: Mapping[int, str | None] | None = None) -> str:
    """What stands for the finding's place in its file: its option key, line or message;
    ``keys``: :func:`option_keys` of the file, when worked out already."""
    if lines is None:
        return finding.message
    key = option_key(lines, finding.span) if keys is None else keys.get(finding.span.line)
    if key is not None:
        return key
    in_file = 1 <= finding.line <= len(lines)
    return lines[finding.line - 1].strip() if in_file else finding.message


def fingerprints(data: ReportInput) -> list[str]:
    """One fingerprint per finding of ``data``, in the same order."""
    import hashlib

    from flinklint.report.location import repo_path
    from flinklint.report.source import source_lines

    split = {path: source_lines(text) for path, text in data.sources.items()}
    lines_of: dict[str, list[int]] = {}
    for finding in data.findings:
        lines_of.setdefault(finding.path, []).append(finding.span.line)
    keys = {path: option_keys(split[path], numbers) for path, numbers in lines_of.items()
            if path in split}
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in data.findings:
        place = (finding.code, repo_path(finding.path, data.root))
        lines = split.get(finding.path)
        ident = (*place, identity(finding, lines, keys.get(finding.path)))
        parts = [RECIPE, *ident, str(seen[ident])]
        seen[ident] += 1
        result.append(hashlib.sha256("\0".join(parts).encode("utf-8", "replace")).hexdigest()[:32])
    return result
