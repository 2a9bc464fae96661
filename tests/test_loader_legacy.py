"""The legacy flink-conf.yaml reader: what Flink reads, where, and what it silently does."""

from __future__ import annotations

import pytest

from flinklint.edits import apply_edits
from flinklint.findings import Applicability, Span
from flinklint.flink_config import FlinkConfig
from flinklint.loader import load_text
from flinklint.versions import FileKind

Pos = tuple[int, int, int, int]


def load(data: str | bytes) -> FlinkConfig:
    [config] = load_text(data, FileKind.LEGACY, "flink-conf.yaml")
    return config


# text -> [(key, value, key span, value span)], spans as (line, column, end_line, end_column)
ENTRIES = [
    ("a: 1", [("a", "1", (1, 1, 1, 1), (1, 4, 1, 4))]),
    ("  key.x :   val  ", [("key.x", "val", (1, 3, 1, 7), (1, 13, 1, 15))]),
    ("a: b: c", [("a", "b: c", (1, 1, 1, 1), (1, 4, 1, 7))]),
    ("a:b: c", [("a:b", "c", (1, 1, 1, 3), (1, 6, 1, 6))]),
    ("url: http://h:80/x", [("url", "http://h:80/x", (1, 1, 1, 3), (1, 6, 1, 18))]),
    ("a: x # comment", [("a", "x", (1, 1, 1, 1), (1, 4, 1, 4))]),
    ("a: x#y", [("a", "x", (1, 1, 1, 1), (1, 4, 1, 4))]),
    ('a: "1g"', [("a", '"1g"', (1, 1, 1, 1), (1, 4, 1, 7))]),
    ("\ta\t: \tb\t", [("a", "b", (1, 2, 1, 2), (1, 7, 1, 7))]),
    ("a: \u00a0b", [("a", "\u00a0b", (1, 1, 1, 1), (1, 4, 1, 5))]),  # NBSP is not trimmed
    ("\x0bc: d\x0c", [("c", "d", (1, 2, 1, 2), (1, 5, 1, 5))]),
    ("a: 1\r\nb: 2\rc: 3\n", [("a", "1", (1, 1, 1, 1), (1, 4, 1, 4)),
                              ("b", "2", (2, 1, 2, 1), (2, 4, 2, 4)),
                              ("c", "3", (3, 1, 3, 1), (3, 4, 3, 4))]),
    ("sep: a\u2028b", [("sep", "a\u2028b", (1, 1, 1, 3), (1, 6, 1, 8))]),  # not a line break
    ("k\u00e9y: \U0001f600", [("k\u00e9y", "\U0001f600", (1, 1, 1, 3), (1, 6, 1, 6))]),
    ("a:\nb:value\n: v\n- x\n---\n#c: 1\n", []),
]


@pytest.mark.parametrize(("text", "expected"), ENTRIES, ids=range(len(ENTRIES)))
def test_entries(text: str, expected: list[tuple[str, str, Pos, Pos]]) -> None:
    config = load(text)
    got = [(e.key, e.value, _span(e.key_span), _span(e.value_span)) for e in config.entries]
    assert got == expected
    assert all(e.raw == e.value for e in config.entries)


def _span(span: Span | None) -> Pos:
    assert span is not None
    return (span.line, span.column, span.end_line, span.end_column)


def test_last_duplicate_wins() -> None:
    config = load("a: 1\nb: 2\na: 3\n")
    assert dict(config.effective) == {"a": "3", "b": "2"}
    assert [e.value for e in config.all("a")] == ["1", "3"]


# text -> [(code, line, column, end_column)]
FINDINGS = [
    ("a: 1\nb: 2\n", []),
    ("a: 1\na: 2\na: 3\n", [("FL003", 1, 1, 1), ("FL003", 2, 1, 1)]),
    ("key:value\n", [("FL004", 1, 1, 9)]),
    ("  key:\tvalue # c\n", [("FL004", 1, 3, 12)]),
    ("key:\n", [("FL005", 1, 1, 4)]),
    ("key: # secret\n", [("FL005", 1, 1, 4)]),
    (": value\n", [("FL005", 1, 1, 7)]),
    ("- item\n", [("FL005", 1, 1, 6)]),
    ("taskmanager:\n  memory.process.size: 4g\n", [("FL006", 2, 3, 21)]),
    ("a:\n  b:\n    c: 1\n  d: 2\ne: 3\n", [("FL006", 3, 5, 5), ("FL006", 4, 3, 3)]),
    ("pw: secret#123\n", [("FL007", 1, 11, 14)]),
    ('pw: "x#y"\n', [("FL007", 1, 7, 9)]),
    ("a: x # fine\n", []),
    ("a: x #\n", []),
    ('a: "4g"\n', [("FL008", 1, 4, 7)]),
    ("a: 'x'  # c\n", [("FL008", 1, 4, 6)]),
    ('a: "unclosed\n', [("FL008", 1, 4, 12)]),
    ("\ufeffa: 1\n", [("FL011", 1, 1, 1)]),
    ("\ufeff# comment\na: 1\n", [("FL005", 1, 1, 1)]),  # Java sees a lone BOM: a dropped line
    (b"a: caf\xe9\n", [("FL012", 1, 7, 7)]),
]


@pytest.mark.parametrize(("text", "expected"), FINDINGS, ids=range(len(FINDINGS)))
def test_findings(text: str | bytes, expected: list[tuple[str, int, int, int]]) -> None:
    config = load(text)
    got = [(f.code, f.line, f.column, f.span.end_column) for f in config.findings]
    assert got == expected
    assert config.lintable


def test_bom_key_is_what_flink_reads() -> None:
    config = load(b"\xef\xbb\xbf  a: 1\n")
    assert dict(config.effective) == {"\ufeff  a": "1"}
    assert config.entries[0].key_span.column == 1
    assert config.text == "  a: 1\n"
    assert config.meta["bom"] == "true"


def test_invalid_utf8_becomes_replacement_characters() -> None:
    config = load(b"k\xe9y: v\xff\xfe\n")
    assert dict(config.effective) == {"k\ufffdy": "v\ufffd\ufffd"}


# before -> after applying every safe fix
FIXES = [
    ("a: 1\nb: 2\na: 3\n", "b: 2\na: 3\n"),
    ("a: 1\r\na: 2\r\n", "a: 2\r\n"),
    ("key:value\n", "key: value\n"),
    ("key:\t\tvalue\n", "key: value\n"),
    ('a: "4g"\n', "a: 4g\n"),
    ("a: 'x' # keep this comment\n", "a: x # keep this comment\n"),
    ('a: "x\\"y"\n', 'a: "x\\"y"\n'),  # escapes: no fix
    ("a: 'it''s'\n", "a: 'it''s'\n"),
    ('a: ""\n', 'a: ""\n'),
    ("url:hdfs://nn:9000\n", "url:hdfs://nn:9000\n"),  # several colons: unsafe only
]


@pytest.mark.parametrize(("before", "after"), FIXES, ids=range(len(FIXES)))
def test_safe_fixes(before: str, after: str) -> None:
    config = load(before)
    edits = [e for f in config.findings if f.fix and f.fix.applicability is Applicability.SAFE
             for e in f.fix.edits]
    assert apply_edits(before, edits) == after


def test_unsafe_fix_splits_at_the_first_colon() -> None:
    [finding] = load("url:hdfs://nn:9000\n").findings
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    fixed = apply_edits("url:hdfs://nn:9000\n", finding.fix.edits)
    assert fixed == "url: hdfs://nn:9000\n"
    assert dict(load(fixed).effective) == {"url": "hdfs://nn:9000"}


def test_fixed_text_reads_as_meant() -> None:
    before = 'a: "4g"\nb:1\nc:\t3\nd: 0\nd: 2\n'
    config = load(before)
    edits = [e for f in config.findings if f.fix for e in f.fix.edits]
    after = load(apply_edits(before, edits))
    assert dict(after.effective) == {"a": "4g", "b": "1", "c": "3", "d": "2"}
    assert after.findings == ()


@pytest.mark.parametrize("text", [
    "security.ssl.keystore-password: abc#123\n",
    's3.secret-key: "abc123"\n',
    "metrics.reporter.x.apikey: abc1\nmetrics.reporter.x.apikey: abc2\n",
])
def test_messages_never_show_sensitive_values(text: str) -> None:
    config = load(text)
    assert config.findings
    assert all("abc" not in f.message and "******" in f.message for f in config.findings)
