"""Flink files inside a Kubernetes ConfigMap: linted as the file the pod reads, findings and
fixes in the manifest.

The strongest check: every fixable rule's documented example, put into a ConfigMap (after a
Service, before another data key, with LF and CRLF line ends), gives the findings of the file on
its own, each moved by the block's position, and ``--fix`` leaves in the ConfigMap exactly the
text that fixing the file on its own gives, with no other byte of the manifest changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from flinklint.fix import fix_file
from flinklint.lint.file import FileResult, LintRequest, lint_file
from flinklint.loader import load_bytes
from flinklint.loader.sniff import sniff
from flinklint.report.rule_pages import examples
from flinklint.rules import registry
from flinklint.settings import from_mapping
from flinklint.versions import FileKind, parse_version

HEAD = """apiVersion: v1
kind: Service
metadata:
  name: flink-jobmanager
---
# the pods mount this as /opt/flink/conf
apiVersion: v1
kind: ConfigMap
metadata:
  name: flink-config
data:
"""
TAIL = """  log4j-console.properties: |+
    rootLogger.level = INFO
"""
FIRST_LINE = HEAD.count("\n") + 2  # the block's first line
CASES = [
    (rule, ex) for rule in sorted(registry().values(), key=lambda r: r.code) if rule.fixable
    for ex in examples(rule)
    if ex.should_fire and ex.filename in ("flink-conf.yaml", "config.yaml")
    and ex.text.strip() and not ex.text[:1].isspace() and "\r" not in ex.text
    and "\t" not in ex.text and "\ufeff" not in ex.text and not ex.defines
]


def _embed(name: str, text: str, newline: str = "\n") -> str:
    lines = text.split("\n")
    trailing = len(text) - len(text.rstrip("\n"))
    indicator = "|-" if trailing == 0 else "|" if trailing == 1 else "|+"
    body = "".join(("    " + line if line else "") + "\n" for line in lines[:len(lines) - (
        1 if trailing else 0)])
    manifest = f"{HEAD}  {name}: {indicator}\n{body}{TAIL}"
    return manifest.replace("\n", newline)


def _block(manifest: str, name: str) -> str:
    """What the ConfigMap holds under ``name``, read back with a YAML library of another
    make than flinklint's readers."""
    from ruamel.yaml import YAML

    documents = list(YAML(typ="safe", pure=True).load_all(manifest))
    value = documents[1]["data"][name]
    assert isinstance(value, str)
    return value


def _result(text: str, filename: str, version: str | None,
            deployment: str | None) -> tuple[FileResult, LintRequest]:
    cli: dict[str, object] = {"flink_version": parse_version(version) if version else None}
    request = LintRequest(paths=[Path(filename)], cli=cli)
    settings = from_mapping({"deployment": deployment} if deployment else {})
    result = lint_file(Path(filename), settings, request, data=text.encode())
    assert result is not None
    return result, request


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize(("rule", "example"), CASES,
                         ids=[f"{r.code}-{i}" for i, (r, _) in enumerate(CASES)])
def test_a_documented_example_in_a_configmap_lints_and_fixes_as_the_file(
        rule: object, example: argparse.Namespace, newline: str) -> None:
    name = example.filename
    alone, request = _result(example.text, name, example.flink_version, example.deployment)
    manifest = _embed(name, example.text, newline)
    assert _block(manifest, name).replace("\r\n", "\n") == example.text
    inside, inside_request = _result(manifest, "k8s/flink-configuration.yaml",
                                     example.flink_version, example.deployment)
    shift = FIRST_LINE - 1
    assert [(f.code, f.message, f.line + shift, f.column + 4) for f in alone.findings] == [
        (f.code, f.message, f.line, f.column) for f in inside.findings]
    assert inside.text == manifest

    fixed_alone = fix_file(alone, request, unsafe=True).fixed
    fixed_inside = fix_file(inside, inside_request, unsafe=True).fixed
    if fixed_alone.endswith("\n") != example.text.endswith("\n"):  # the block's chomping
        assert fixed_inside == manifest
        assert not [f for f in inside.findings if f.code == rule.code and f.fix]
        return
    assert _block(fixed_inside, name).replace("\r\n", "\n") == fixed_alone.replace("\r\n", "\n")
    outside = manifest.split(newline)
    after = fixed_inside.split(newline)
    block = FIRST_LINE - 1
    assert after[:block] == outside[:block]  # the Service, the ConfigMap's head
    tail = TAIL.count("\n") + 1
    assert after[-tail:] == outside[-tail:]  # the next data key, untouched
    assert "\r" not in fixed_inside.replace("\r\n", "") and (
        newline == "\n" or "\n" not in fixed_inside.replace("\r\n", ""))


def test_the_cases_cover_legacy_and_yaml_files() -> None:
    assert {ex.filename for _, ex in CASES} == {"flink-conf.yaml", "config.yaml"}
    assert len(CASES) > 15


CONFIGMAP = """apiVersion: v1
kind: ConfigMap
metadata:
  name: flink-config
  labels:
    app: flink
data:
  flink-conf.yaml: |+
    jobmanager.rpc.address: flink-jobmanager
    taskmanager.numberOfTaskSlots: 2
    taskmanager.memory.process.size: 1728m
    taskmanager.memory.task.heap.size: 2g
    jobmanager.memory.process.size: 1600m
    parallelism.default: 2

  log4j-console.properties: |+
    rootLogger.level = INFO
"""


def test_a_configmap_in_a_file_named_flink_conf_yaml_is_not_read_as_the_legacy_file(
        tmp_path: Path) -> None:
    """Flink never reads such a file line by line: ``data:`` and ``metadata:`` are no keys of
    it (FL005/FL006 would be false), the embedded file is what the pod reads."""
    (tmp_path / "flink-conf.yaml").write_text(CONFIGMAP)
    assert sniff(tmp_path / "flink-conf.yaml", CONFIGMAP.encode()) is FileKind.MANIFEST
    result, _ = _result(CONFIGMAP, str(tmp_path / "flink-conf.yaml"), None, None)
    assert [(f.code, f.line, f.column) for f in result.findings] == [("FL207", 11, 5)]
    assert "task heap 2gb" in result.findings[0].message
    assert [c.kind for c in result.configs] == [FileKind.LEGACY]


def test_a_flink_conf_yaml_that_mentions_kind_is_still_the_legacy_file() -> None:
    text = "kind: ConfigMap\nparallelism.default: 2\n"
    assert sniff("flink-conf.yaml", text.encode()) is FileKind.LEGACY
    assert sniff("flink-conf.yaml", b"parallelism.default: 2\n") is FileKind.LEGACY


def test_only_flinks_own_config_yaml_is_read_from_a_configmap() -> None:
    other = CONFIGMAP.replace("flink-conf.yaml: |+", "config.yaml: |").replace(
        "    jobmanager.rpc.address", "    receivers:\n      otlp: {}\n    x.rpc.address").split(
        "    taskmanager.numberOfTaskSlots")[0] + "\n"
    assert load_bytes(other.encode(), "otel.yaml") == []
    nested = CONFIGMAP.replace("flink-conf.yaml: |+", "config.yaml: |").replace(
        "    jobmanager.rpc.address: flink-jobmanager",
        "    jobmanager:\n      rpc:\n        address: flink-jobmanager")
    configs = load_bytes(nested.encode(), "flink-config.yaml")
    assert configs is not None and [c.kind for c in configs] == [FileKind.YAML]
    assert configs[0].effective["jobmanager.rpc.address"] == "flink-jobmanager"


@pytest.mark.parametrize("value", [
    '"jobmanager.rpc.address: a\\ntaskmanager.memory.process.size: 1g\\n"',  # quoted
    ">\n    jobmanager.rpc.address: a\n",  # folded: lines are joined
])
def test_a_value_that_does_not_map_line_for_line_is_not_read(value: str) -> None:
    text = CONFIGMAP.split("  flink-conf.yaml:")[0] + f"  flink-conf.yaml: {value}"
    assert not load_bytes(text.encode(), "flink-config.yaml")


def test_an_indentation_indicator_keeps_the_blanks_it_leaves_in_the_content() -> None:
    text = CONFIGMAP.split("  flink-conf.yaml:")[0] + (
        "  flink-conf.yaml: |2\n      jobmanager.rpc.addres: a\n"
        "    taskmanager.memory.process.size: 1g\n")
    result, _ = _result(text, "flink-config.yaml", None, None)
    assert result.configs[0].text == (
        "  jobmanager.rpc.addres: a\ntaskmanager.memory.process.size: 1g\n")
    found = {(f.code, f.line, f.column) for f in result.findings}
    assert {("FL101", 9, 7), ("FL220", 10, 5)} <= found


def test_a_configmap_beside_a_flinkdeployment_and_both_files() -> None:
    """Both files in one ConfigMap: Flink 1.19 and 1.20 read flink-conf.yaml and ignore
    config.yaml, as when the two files lie side by side."""
    both = CONFIGMAP.replace("  log4j-console.properties: |+\n    rootLogger.level = INFO\n",
                             "  config.yaml: |\n    parallelism:\n      default: 3\n")
    result, _ = _result(both, "flink-config.yaml", "1.20", None)
    assert [c.kind for c in result.configs] == [FileKind.LEGACY, FileKind.YAML]
    shadowed = [f for f in result.findings if f.line >= both.split("\n").index(
        "  config.yaml: |") + 1]
    assert shadowed and all("flink-conf.yaml" in f.message for f in shadowed)


def test_explain_and_hover_give_lines_of_the_manifest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from flinklint.cli import main
    from flinklint.lsp.hover import entry_at

    path = tmp_path / "flink-configuration-configmap.yaml"
    path.write_text(CONFIGMAP)
    assert main(["explain", "--isolated", "--format", "json", str(path)]) == 1
    shown = json.loads(capsys.readouterr().out)
    assert shown["taskmanager"]["error"]["line"] == 11
    assert main(["explain", "--isolated", str(path)]) == 1
    text = capsys.readouterr().out
    assert "FL207 (line 11)" in text and "jobmanager.memory.process.size (line 13)" in text
    result, _ = _result(CONFIGMAP, str(path), None, None)
    found = entry_at(result, 12, 8)
    assert found is not None and found[1].key == "taskmanager.memory.task.heap.size"
    assert (found[2].line, found[2].column) == (12, 5)
    assert entry_at(result, 4, 8) is None  # the ConfigMap's own name is no Flink entry


def test_a_block_at_the_end_of_a_file_without_a_final_line_break_stays_so() -> None:
    text = CONFIGMAP.split("  log4j")[0].rstrip("\n") + "\n    restart-strategy: none"
    result, request = _result(text, "flink-config.yaml", "1.20", None)
    fixed = fix_file(result, request, unsafe=True).fixed
    assert fixed == text.replace("restart-strategy: none", "restart-strategy.type: none")
