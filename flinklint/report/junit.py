"""The ``junit`` format: JUnit XML for CI test-report views.

``<testsuites name="flinklint">`` holds one ``<testsuite>`` per file (findings' paths and the
keys of ``sources``, sorted). In it, each rule with findings in that file is one
``<testcase name="CODE (slug)" classname="path">`` with one ``<failure type="CODE"
message="first message">`` whose text lists all its findings as ``path:line:col: message``;
a file without findings has one passing ``<testcase name="flinklint">``. Characters XML 1.0
cannot hold (most control characters, lone surrogates) become U+FFFD.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from flinklint.findings import Finding

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from flinklint.report.input import ReportInput

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def testcase(parent: Element, path: str, findings: Sequence[Finding]) -> None:
    from xml.etree.ElementTree import SubElement

    first = findings[0]
    name = f"{first.code} ({first.name})"
    case = SubElement(parent, "testcase", name=xml_text(name), classname=xml_text(path))
    failure = SubElement(case, "failure", type=first.code, message=xml_text(first.message))
    lines = [f"{f.path}:{f.line}:{f.column}: {f.message}" for f in findings]
    failure.text = xml_text("\n".join(lines))


def testsuite(parent: Element, path: str, findings: Sequence[Finding]) -> None:
    from xml.etree.ElementTree import SubElement

    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    tests = str(max(len(by_code), 1))
    suite = SubElement(
        parent,
        "testsuite",
        name=xml_text(path),
        tests=tests,
        failures=str(len(by_code)),
        errors="0",
        skipped="0",
    )
    for code in sorted(by_code):
        testcase(suite, path, by_code[code])
    if not by_code:
        SubElement(suite, "testcase", name="flinklint", classname=xml_text(path))


def junit(data: ReportInput, color: bool) -> str:
    from xml.etree.ElementTree import Element, tostring

    by_path: dict[str, list[Finding]] = {path: [] for path in data.sources}
    for finding in data.findings:
        by_path.setdefault(finding.path, []).append(finding)
    root = Element("testsuites", name="flinklint")
    for path in sorted(by_path):
        testsuite(root, path, by_path[path])
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    body = tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
