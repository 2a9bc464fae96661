"""Flink configurations inside a Kubernetes ConfigMap.

Flink's guide to standalone Kubernetes puts ``flink-conf.yaml`` (or ``config.yaml``) into a
ConfigMap that is mounted as the pods' ``conf/`` directory::

    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: flink-config
    data:
      flink-conf.yaml: |+
        jobmanager.rpc.address: flink-jobmanager
        taskmanager.numberOfTaskSlots: 2

The text of each such key is exactly the file Flink reads in the pod, so it is loaded as that
file (a ``config.yaml`` only when it looks like Flink's, as a file of that name must) and linted
like one; findings point into the manifest. Only a literal block scalar (``|``, ``|-``, ``|+``)
maps line for line onto the manifest, and only such a value is read: each of its lines must
be the manifest's line with the block's indentation removed (checked, not assumed). A fix is
made on the embedded file, then written back as the lines it changes, indented like the block;
every other byte of the manifest stays as it was, and ``--fix`` proves the result by loading
the manifest again, as for any file.
"""

from __future__ import annotations

from flinklint.edits import apply_edits, line_starts
from flinklint.findings import Edit, Finding, Fix
from flinklint.flink_config import Embedding, FlinkConfig
from flinklint.loader.limits import LimitExceeded
from flinklint.loader.manifest import child
from flinklint.loader.sniff import LEGACY_NAME, YAML_NAME, looks_like_flink
from flinklint.loader.text import LineIndex
from flinklint.loader.yaml_nodes import Document, Mapping, Node, Scalar, YamlError, deref
from flinklint.loader.yaml_parse import documents
from flinklint.records import dataclass, replace
from flinklint.versions import FileKind

NAMES = {LEGACY_NAME: FileKind.LEGACY, YAML_NAME: FileKind.YAML}


@dataclass
class Block:
    """One embedded file: its ``content`` (what the pod reads), its kind and where it lies."""

    content: str
    kind: FileKind
    embedding: Embedding
    legacy_beside: bool = False  # a config.yaml with a flink-conf.yaml in the same ConfigMap


def blocks(text: str) -> list[Block]:
    """The ``flink-conf.yaml``/``config.yaml`` of every ConfigMap document of a manifest that
    parses (the manifest's own findings say why one does not)."""
    try:
        docs = documents(text)
    except (YamlError, LimitExceeded, RecursionError):
        return []
    index = LineIndex(text)
    found: list[Block] = []
    for doc in docs:
        data = _data(doc)
        if data is None:
            continue
        mine = {name: block for name in NAMES
                if (block := _block(data, name, text, index)) is not None}
        if YAML_NAME in mine and not looks_like_flink(mine[YAML_NAME].content.encode()):
            del mine[YAML_NAME]  # some other tool's config.yaml
        for name, block in mine.items():
            block.legacy_beside = name == YAML_NAME and LEGACY_NAME in mine
            found.append(block)
    return found


def _data(doc: Document) -> Mapping | None:
    root = deref(doc.root) if doc.root is not None else None
    if not isinstance(root, Mapping) or _value(root, "kind") != "ConfigMap" or not _value(
            root, "apiVersion").startswith("v1"):
        return None
    data = _child(root, "data")
    return data if isinstance(data, Mapping) else None


def _child(node: Mapping, name: str) -> Node | None:
    found = child(node, name)
    return deref(found) if found is not None else None


def _value(node: Mapping, name: str) -> str:
    found = _child(node, name)
    return found.value if isinstance(found, Scalar) else ""


def _block(data: Mapping, name: str, text: str, index: LineIndex) -> Block | None:
    """The content of ``name`` and where it lies, if it is a literal block that maps line for
    line onto the manifest."""
    node = _child(data, name)
    if not isinstance(node, Scalar) or not text.startswith("|", node.start):
        return None
    header, _ = index.position(node.start)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # YAML's line breaks
    content = node.value.split("\n")
    if content and content[-1] == "":
        content.pop()  # the final line break ends the last line
    body = [number for number, line in enumerate(content) if line.strip(" ")]
    if not body or header + body[0] >= len(lines):
        return None
    first = lines[header + body[0]]
    indent = len(first) - len(first.lstrip(" ")) - (len(content[body[0]]) - len(
        content[body[0]].lstrip(" ")))
    for number, line in enumerate(content):
        written = lines[header + number] if header + number < len(lines) else None
        if written is None:
            return None
        if line.strip(" ") == "" and written.strip(" ") == "" and len(written) <= indent:
            continue  # a blank line: fewer blanks than the indentation are not content
        if written != " " * indent + line:
            return None
    return Block(node.value, NAMES[name], Embedding(
        name=name, text=text, first_line=header + 1, indent=indent, lines=len(content)))


def to_manifest(findings: list[Finding], config: FlinkConfig) -> list[Finding]:
    """``findings`` of an embedded configuration, moved into its manifest."""
    embedding = config.embedding
    if embedding is None:
        return findings
    return [replace(finding, span=embedding.span(finding.span),
                    fix=_fix(finding.fix, config.text, embedding))
            for finding in findings]


def _fix(fix: Fix | None, text: str, embedding: Embedding) -> Fix | None:
    """The fix as edits of the manifest: the embedded lines it changes, indented like the
    block, in place of the old ones. None when it cannot be made there."""
    if fix is None:
        return None
    import difflib

    try:
        new = apply_edits(text, fix.edits)
    except ValueError:
        return None
    old_lines, new_lines = text.split("\n"), new.split("\n")
    if text.endswith("\n") != new.endswith("\n"):
        return None  # the block's final line break (its chomping) is not the fix's to change
    edits: list[Edit] = []
    manifest = embedding.text
    open_end = bool(manifest) and not manifest.endswith(("\n", "\r"))
    last = len(line_starts(manifest))  # the manifest's lines; the last has no break if open
    indent = " " * embedding.indent
    shift = embedding.first_line - 1
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        lines = "".join((indent + line if line else "") + "\n"
                        for line in new_lines[new_start:new_end])
        if open_end and old_end + shift >= last:  # up to the end of a file with no final break
            lines = "\n" + lines[:-1] if old_start + shift >= last else lines[:-1]
        edits.append(Edit(old_start + 1 + shift, 1, old_end + 1 + shift, 1, lines))
    return Fix(fix.message, tuple(edits), fix.applicability) if edits else None
