"""What the legacy parser does that an author did not mean: one function per kind of surprise.

Every function gets the raw line as Java sees it (with the byte-order mark prepended on line 1
when the file had one, hence ``shift``: the column offset back into the text without the mark).
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.findings import Applicability, Edit, Finding, Fix, Span
from flinklint.flink_config import Entry
from flinklint.loader import codes
from flinklint.loader.quoted import quoted_unknown
from flinklint.loader.sensitive import shown
from flinklint.loader.text import trim

QUOTES = "\"'"


def check_entry(entry: Entry, line: str, cut: int, shift: int, path: str) -> Iterator[Finding]:
    """A ``#`` that cut the value short, or quotes that Flink keeps."""
    value = entry.value
    opened = value[0] in QUOTES and (len(value) == 1 or value[-1] != value[0])
    if cut >= 0 and (line[cut - 1] > " " or opened):
        yield _comment_finding(entry, line, cut, shift, path)
    elif value[0] in QUOTES and not is_java_opts(entry.key):
        yield quoted_unknown(entry.key, _quote_finding(entry, path, opened))


def is_java_opts(key: str) -> bool:
    """``env.java.opts*`` and ``env.java.default-opts.*``: the start scripts handle their quotes
    (FL330 judges them per version), no Java option parses them."""
    return key == "env.java.opts" or key.startswith(("env.java.opts.", "env.java.default-opts."))


def _comment_finding(entry: Entry, line: str, cut: int, shift: int, path: str) -> Finding:
    span = entry.value_span
    assert span is not None
    _, end = trim(line, cut, len(line))
    where = Span(span.line, cut + 1 + shift, span.line, end + shift)
    meant = line[span.column - 1 - shift:end]
    return codes.LEGACY_COMMENT_IN_VALUE.at(
        path, where,
        f"Flink's legacy parser cuts every line at the first '#': '{entry.key}' is read as "
        f"{shown(entry.key, entry.value)}, not {shown(entry.key, meant)}; flink-conf.yaml "
        f"cannot hold a '#' in a value "
        f"(config.yaml, read from Flink 1.19 on, can)",
    )


def _quote_finding(entry: Entry, path: str, opened: bool) -> Finding:
    value, span = entry.value, entry.value_span
    assert span is not None
    inner = value[1:-1]
    fix = None
    if not opened and inner and value[0] not in inner and (value[0] == "'" or "\\" not in inner):
        fix = Fix("remove the quotes", (Edit.replace(span, inner),))
    what = "an unclosed quote" if opened else "the quotes"
    return codes.LEGACY_QUOTED_VALUE.at(
        path, span,
        f"Flink's legacy parser keeps {what} as part of the value: '{entry.key}' is read as "
        f"{shown(entry.key, value)}, quotes included, which no number, size or duration "
        f"option accepts",
        fix,
    )


def dropped_line(line: str, number: int, shift: int, path: str) -> Finding:
    """A line Flink skips (its log says ``Error while trying to split key and value``)."""
    cut = line.find("#")
    start, end = trim(line, 0, cut if cut >= 0 else len(line))
    span = Span(number, max(start + 1 + shift, 1), number, max(end + shift, 1))
    conf = line[start:end]
    colon = conf.find(":")
    if 0 < colon < len(conf) - 1:
        return _missing_space(line, start + colon, span, shift, path, conf.count(":") == 1)
    if colon == 0:
        why = "its key is empty"
    elif colon == len(conf) - 1:
        why = "its value is empty" + (" (all after '#' is a comment)" if cut >= 0 else "")
    else:
        why = "it is not a 'key: value' pair"
    return codes.LEGACY_LINE_DROPPED.at(
        path, span, f"Flink's legacy parser skips this line because {why}; it sets nothing",
    )


def _missing_space(
    line: str, colon: int, span: Span, shift: int, path: str, only_colon: bool
) -> Finding:
    gap = colon + 1
    while gap < len(line) and line[gap] in " \t":
        gap += 1
    tab = gap > colon + 1
    column = colon + 2 + shift
    edit = Edit(span.line, column, span.line, column + gap - colon - 1, " ")
    fix = Fix(
        "put one space after the first ':'",
        (edit,),
        Applicability.SAFE if only_colon or tab else Applicability.UNSAFE,
    )
    what = "a tab" if tab else "no space"
    key = line[span.column - 1 - shift:colon].strip()
    return codes.LEGACY_MISSING_SPACE.at(
        path, span,
        f"Flink's legacy parser skips this line: the ':' is followed by {what}, and Flink "
        f"splits key and value only at ': ' (colon and space), so '{key}' is not set",
        fix,
    )


def nested_entry(entry: Entry, stack: list[tuple[int, str, int]], path: str) -> Finding:
    meant = ".".join([name for _, name, _ in stack] + [entry.key])
    parent, parent_line = stack[-1][1], stack[-1][2]
    return codes.LEGACY_NESTED_YAML.at(
        path, entry.key_span,
        f"flink-conf.yaml has no nesting: Flink reads this line as '{entry.key}', not "
        f"'{meant}' (it skips the '{parent}:' line {parent_line}); write the full key on one "
        f"line, or use config.yaml (Flink 1.19+), which is real YAML",
    )


def duplicates(entries: list[Entry], path: str) -> Iterator[Finding]:
    """Every line whose key is set again later: Flink keeps only the last one."""
    last: dict[str, Entry] = {}
    for entry in entries:
        last[entry.key] = entry
    if len(last) == len(entries):
        return
    for entry in entries:
        winner = last[entry.key]
        if winner is entry:
            continue
        yield codes.LEGACY_DUPLICATE_KEY.at(
            path, entry.key_span,
            f"'{entry.key}' is set again on line {winner.line}; Flink uses the last value "
            f"({shown(entry.key, winner.value)}) and ignores this one "
            f"({shown(entry.key, entry.value)})",
            Fix(f"delete this earlier '{entry.key}' line",
                (Edit.delete_lines(entry.line, entry.line),)),
        )
