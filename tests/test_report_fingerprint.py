"""Option keys read from the source, fingerprints, and the text helpers behind ``full``."""

from __future__ import annotations

import pytest
from test_report_api import finding, report

from flinklint.findings import Span
from flinklint.report.fingerprint import fingerprints, option_key
from flinklint.report.source import source_lines

LEGACY = """\
# comment: not a key
taskmanager.memory.process.size: 1g
env.java.opts: -Da=b:c
key:novalue
"""

STANDARD = """\
taskmanager:
  memory:
    process:
      size: 1g   # inline
    "quoted.key": 2
jobmanager:

  rpc: {address: x}
"""

DEPLOYMENT = """\
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
spec:
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "2"
  podTemplate:
    spec:
      containers:
        - name: flink-main-container
          env:
            - name: X
---
spec:
  flinkConfiguration:
    other: 1
"""


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        (LEGACY, 1, None),
        (LEGACY, 2, "taskmanager.memory.process.size"),
        (LEGACY, 3, "env.java.opts"),
        (LEGACY, 4, None),  # Flink's legacy reader needs ": " too
        (STANDARD, 4, "taskmanager.memory.process.size"),
        (STANDARD, 5, "taskmanager.memory.quoted.key"),
        (STANDARD, 8, "jobmanager.rpc"),
        (DEPLOYMENT, 5, "spec.flinkConfiguration.taskmanager.numberOfTaskSlots"),
        (DEPLOYMENT, 9, "spec.podTemplate.spec.containers.name"),
        (DEPLOYMENT, 11, "spec.podTemplate.spec.containers.env.name"),
        (DEPLOYMENT, 15, "spec.flinkConfiguration.other"),  # a new document starts afresh
        (DEPLOYMENT, 99, None),
    ],
)
def test_option_key(text: str, line: int, key: str | None) -> None:
    assert option_key(source_lines(text), Span.point(line, 3)) == key


def prints(text: str, *lines: int, code: str = "FL203") -> list[str]:
    findings = [finding(code, line) for line in lines]
    return fingerprints(report(*findings, sources={"conf/flink-conf.yaml": text}))


def test_fingerprint_follows_the_key_not_the_line() -> None:
    moved = "# new comment\nunrelated: 1\n" + LEGACY
    assert prints(LEGACY, 2, 3) == prints(moved, 4, 5)
    assert prints(LEGACY, 2) != prints(LEGACY, 2, code="FL204")
    assert prints(LEGACY, 2)[0] != prints(LEGACY, 3)[0]


def test_repeated_key_findings_get_distinct_stable_fingerprints() -> None:
    text = "a: 1\na: 2\n"
    first = prints(text, 1, 2)
    assert len(set(first)) == 2
    assert prints("x: 0\n" + text, 2, 3) == first


def test_line_without_key_and_missing_source() -> None:
    text = "a: 1\n  - stray item\n"
    assert prints(text, 2) == prints("b: 2\n" + text, 3)
    no_source = fingerprints(report(finding(message="m1"), finding(line=3, message="m2")))
    assert len(set(no_source)) == 2
    assert all(len(value) == 32 and int(value, 16) >= 0 for value in no_source)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a\nb\n", ["a", "b"]),
        ("a\r\nb", ["a", "b"]),
        ("a\rb\r", ["a", "b"]),
        ("", [""]),
        ("\n\n", ["", ""]),
        ("a\u2028b\n", ["a\u2028b"]),  # only CR and LF end a line
    ],
)
def test_source_lines(text: str, lines: list[str]) -> None:
    assert source_lines(text) == lines
