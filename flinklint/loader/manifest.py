"""Flink Kubernetes Operator manifests: ``FlinkDeployment`` and ``FlinkSessionJob``.

Each such document of a (multi-document) file becomes one configuration: the entries of
``spec.flinkConfiguration`` (flat or nested keys, flattened with dots, values as the operator
hands them to Flink, see :mod:`~.operator_values`), then, for a ``FlinkDeployment``, the memory
the chosen operator release sets from the spec (``source=OPERATOR``; it overrides the same keys
in ``flinkConfiguration``), preceded by the memory its default configuration injects
(``source=OPERATOR_DEFAULT``, operator 1.0-1.1); what the release reads, refuses and writes is
:mod:`flinklint.loader.operator_spec`. ``meta["operator"]`` names the release,
``meta["operator_assumed"]`` says it was not chosen. ``spec.flinkVersion`` (``v1_20``) fixes the
target version. How the legacy heap keys (``taskmanager.heap.size`` & co.) map in the operator's
pods is the deployment's business (:mod:`flinklint.launch.deployment`).
A ``FlinkSessionJob`` has no memory of its own; its options are job options only.
"""

from __future__ import annotations

from collections.abc import Mapping as MappingType

from flinklint.findings import Finding, Span
from flinklint.flink_config import FlinkConfig
from flinklint.launch.operator import NEWEST
from flinklint.loader import build, codes
from flinklint.loader.manifest_config import ConfigFlattener
from flinklint.loader.operator_spec import SpecReader
from flinklint.loader.operator_values import go_value
from flinklint.loader.text import LineIndex
from flinklint.loader.yaml_nodes import (
    Mapping,
    Node,
    Scalar,
    Sequence,
    YamlError,
    deref,
)
from flinklint.loader.yaml_parse import documents
from flinklint.versions import FileKind, FlinkVersion, VersionError, parse_version

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.launch.operator import OperatorRelease

KINDS = ("FlinkDeployment", "FlinkSessionJob")
MEMORY = (("jobManager", "jobmanager.memory.process.size"),
          ("taskManager", "taskmanager.memory.process.size"))


def load_manifest(text: str, path: str, defines: MappingType[str, str],
                  first: list[Finding], operator: OperatorRelease | None = None,
                  ) -> list[FlinkConfig]:
    """``operator``: the operator release that reads the manifest (None: the newest release,
    assumed)."""
    index = LineIndex(text)
    try:
        docs = documents(text)
    except YamlError as err:
        line, column = index.position(err.offset)
        finding = codes.YAML_SYNTAX.at(path, Span.point(line, column),
                                       f"this YAML cannot be parsed ({err.message})")
        return [build.config(path, FileKind.MANIFEST, text, [], [*first, finding], {},
                             lintable=False)]
    configs: list[FlinkConfig] = []
    for number, doc in enumerate(docs):
        root = deref(doc.root) if doc.root is not None else None
        if isinstance(root, Mapping) and _text(child(root, "kind")) in KINDS and _text(
                child(root, "apiVersion")).startswith("flink.apache.org/"):
            configs.append(_document(root, number, text, path, index, defines,
                                     first if not configs else [], operator))
    return configs


def child(node: Mapping | None, name: str) -> Node | None:
    if node is None:
        return None
    for key, value in node.pairs:
        target = deref(key)
        if isinstance(target, Scalar) and target.value == name:
            return value
    return None


def key_of(node: Mapping | None, name: str) -> Node | None:
    """The key node ``name`` of a mapping (where a section starts)."""
    for key, _ in node.pairs if node is not None else ():
        target = deref(key)
        if isinstance(target, Scalar) and target.value == name:
            return key
    return None


def _text(node: Node | None) -> str:
    target = deref(node) if node is not None else None
    return target.value if isinstance(target, Scalar) else ""


def _given(node: Node) -> bool:
    """Not empty: a list, or a scalar other than null."""
    target = deref(node)
    if isinstance(target, Scalar):
        return go_value(target) is not None
    return isinstance(target, Sequence)


def _mapping(node: Node | None) -> Mapping | None:
    target = deref(node) if node is not None else None
    return target if isinstance(target, Mapping) else None


def _document(root: Mapping, number: int, text: str, path: str, index: LineIndex,
              defines: MappingType[str, str], first: list[Finding],
              operator: OperatorRelease | None) -> FlinkConfig:
    kind = _text(child(root, "kind"))
    spec = _mapping(child(root, "spec"))
    flattener = ConfigFlattener(text, path, index)
    conf_node = child(spec, "flinkConfiguration")
    conf = _mapping(conf_node)
    if conf is not None:
        flattener.mapping(conf, "")
    elif conf_node is not None and _given(conf_node):
        flattener.findings.append(flattener.finding(
            codes.NOT_A_MAPPING, conf_node,
            "spec.flinkConfiguration must be a mapping of option names to values"))
    release = operator or NEWEST
    reader = SpecReader(root, kind, release, operator is None, flattener)
    reader.read(flattener.entries)
    findings = first + flattener.findings + reader.findings
    if not release.structured_config:  # the CRD refuses them: FL301, not a conversion warning
        findings = [f for f in findings if f.code != codes.OPERATOR_NON_STRING_VALUE.code]
    else:  # 1.13+ accepts them: only a value that reaches Flink as other text is risky
        same = {e.value_span for e in flattener.entries if e.raw == e.value}
        findings = [f for f in findings
                    if f.code != codes.OPERATOR_NON_STRING_VALUE.code or f.span not in same]
    vendor = _vendor(spec, conf)
    if vendor:  # its own CRD and validation, which the Apache releases' model does not know
        findings = [f for f in findings if f.code not in VENDOR_UNCHECKED]
    entries = reader.before + flattener.entries + reader.after
    anchor = key_of(spec, "flinkConfiguration") or key_of(root, "spec")
    base_line = index.position(anchor.start)[0] if anchor is not None else 1
    meta = {"manifest_kind": kind, "name": _text(child(_mapping(child(root, "metadata")), "name")),
            "operator": str(release),
            "operator_assumed": "true" if operator is None else "",
            "operator_refused": ",".join(reader.refused), "operator_vendor": vendor,
            **{f"operator_field.{key}": field for key, field in reader.fields.items()}}
    return build.config(path, FileKind.MANIFEST, text, entries, findings, defines,
                        lintable=not reader.canary,
                        flink_version=_version(child(spec, "flinkVersion")), document=number,
                        base_line=base_line, meta=meta)


VENDOR_UNCHECKED = (codes.OPERATOR_FIELD_NOT_READ.code, codes.OPERATOR_CRD_REFUSES.code,
                   codes.OPERATOR_VALIDATION.code)


def _vendor(spec: Mapping | None, conf: Mapping | None) -> str:
    """The vendor whose own build of the operator a manifest is written for ("" for Apache's):
    Amazon EMR on EKS adds ``spec.emrReleaseLabel`` and ``spec.executionRoleArn`` (and
    ``jobManager.storageDir``, ``monitoringConfiguration``) to its CRD; IBM Event Automation's
    operator requires ``license.*`` keys in ``flinkConfiguration`` and fills in
    ``spec.flinkVersion`` itself. Their CRD fields and checks (FL300-FL302) are not checked."""
    if child(spec, "emrReleaseLabel") is not None or child(spec, "executionRoleArn") is not None:
        return "Amazon EMR on EKS"
    if child(conf, "license.use") is not None or child(conf, "license.license") is not None:
        return "IBM Event Automation"
    return ""


def _version(node: Node | None) -> FlinkVersion | None:
    try:
        return parse_version(_text(node)) if node is not None else None
    except VersionError:
        return None
