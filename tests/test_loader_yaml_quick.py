"""The quick YAML reader gives ruamel.yaml's nodes exactly, or leaves the text to ruamel."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flinklint.loader import yaml_nodes, yaml_parse
from flinklint.loader.yaml_nodes import Node
from flinklint.loader.yaml_quick import quick_documents

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("FLINKLINT_QUICK_YAML_EXAMPLES", "400"))


def shape(node: Node | None) -> object:
    """Everything a node holds, for comparing trees (nodes compare by identity)."""
    if node is None:
        return None
    if isinstance(node, yaml_nodes.Scalar):
        return ("scalar", node.value, node.tag, node.plain, node.start, node.end)
    if isinstance(node, yaml_nodes.Mapping):
        pairs = [(shape(k), shape(v)) for k, v in node.pairs]
        return ("mapping", node.tag, node.start, node.end, pairs)
    if isinstance(node, yaml_nodes.Sequence):
        return ("sequence", node.tag, node.start, node.end, [shape(i) for i in node.items])
    return ("alias", shape(node.target), node.start, node.end)


def by_ruamel(text: str) -> object:
    try:
        return [(shape(d.root), d.start) for d in yaml_parse.read_with_ruamel(text)]
    except yaml_nodes.YamlError as err:
        return ("error", err.message, err.offset)


def assert_agrees(text: str) -> bool:
    """The quick reader's documents are ruamel's, when it gives any; True if it did."""
    quick = quick_documents(text)
    if quick is None:
        return False
    assert [(shape(d.root), d.start) for d in quick] == by_ruamel(text), text
    return True


CASES = [
    "", "\n", "# only a comment\n", "---\n", "---\n---\n", "a: 1\n---\n", "--- # c\na: 1\n",
    "a: 1", "a:\n", "a:\nb:\n", "a: 1\nb:\n  c: 2\n  d:\ne: 3\n", "a:\n- 1\n-\n- 3\nb: 2\n",
    "a:\n  - x\n  - y: 1\n    z:\n  -\n    w: 2\n", "- a\n- b: c\n  d: e\n-\n",
    "k1: abc#def\nk2: \"x#y\"\nk3: 'x # y'\nk4: v # c\nk5: #c\n", "'a''b': 'c''d'\n",
    "\"k\" : v\nx   : y\n", "a: b: c\n", "a: b:\n", "a:\n  b\n", "a: 1\n  b: 2\n", "a: [1]\n",
    "a: &x 1\n", "a: !t 1\n", "a: |\n  t\n", "a:\tb\n", "a: 'open\n", "- - a\n", "? a\n",
    "a: -\n", "a: - b\n", "-a: -b\n", "a: \"\\n\"\n", "...\n", "%YAML 1.2\n---\n", "a: 1\n b: 2\n",
    "a:\n    b: 1\n  c: 2\n", "  a: 1\n  b: 2\n", "  a: 1\nb: 2\n", "a:\n-\n  b: 1\n",
]


@pytest.mark.parametrize("text", CASES, ids=repr)
def test_agrees_with_ruamel_on_hand_written_texts(text: str) -> None:
    assert_agrees(text)


def test_reads_common_files_itself() -> None:
    """It handles what Flink files are made of (else it would not be worth having)."""
    files = [ROOT / "examples" / "k8s" / "deployment.yaml",
             *sorted((ROOT / "tests" / "golden" / "reader" / "cases").glob("*.config.yaml"))]
    texts = [f.read_bytes().decode("utf-8", "replace") for f in files]
    assert sum(assert_agrees(text) for text in texts) >= 20


@pytest.mark.parametrize("path", sorted(
    p for p in (ROOT / "tests").rglob("*.y*ml") if p.is_file()), ids=lambda p: p.name)
def test_agrees_with_ruamel_on_test_data(path: Path) -> None:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return
    assert_agrees(text)


COMMON = ["a", "b.c", "taskmanager.memory.process.size", "1g", "-Xmx1g", "s3://b/c", "x:y",
          "a b", "'q'", "'q''r'", '"d"', '"e f"', "''", '""', "a#b", "~", "null", "1.5"]
ODD = ["#c", "a #b", "- x", "-", ":", "a:", "[1]", "{a: 1}", "&a", "*a", "!t", "|", ">", "?",
       "'open", '"\\t"', "%", "@", "`", ",", "é", "---", "...", ""]
WORDS = st.sampled_from(COMMON * 4 + ODD)
LINE = st.tuples(st.sampled_from([0, 0, 0, 2, 2, 4, 1, 3, 6]), st.sampled_from([
    "{k}: {v}", "{k}: {v}", "{k}:", "{k}:", "- {v}", "- {k}: {v}", "- {k}:", "-", "# {v}", "",
    "---", "{k}:  {v}  ", "{k}: {v} # {v}", "{v}", "{k} : {v}", "- - {v}", "...",
]), WORDS, WORDS)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(LINE, max_size=12), st.booleans())
def test_agrees_with_ruamel_on_generated_texts(lines: list[tuple[int, str, str, str]],
                                               newline_at_end: bool) -> None:
    text = "\n".join(" " * indent + form.format(k=k, v=v) for indent, form, k, v in lines)
    assert_agrees(text + ("\n" if newline_at_end and lines else ""))


SCALARS = st.sampled_from([*COMMON, "", "# c", "v # c"])
TREES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(st.tuples(st.sampled_from(COMMON[:9]), inner), min_size=1, max_size=3),
    st.lists(inner, min_size=1, max_size=3).map(tuple),
), max_leaves=10)


def render(node: object, indent: int, step: int, lines: list[str]) -> None:
    """Block YAML for a tree of lists of pairs (mappings), tuples (sequences) and strings."""
    pad = " " * indent
    if isinstance(node, list):
        for key, value in node:
            if isinstance(value, str):
                lines.append(f"{pad}{key}: {value}".rstrip() if value else f"{pad}{key}:")
            else:
                lines.append(f"{pad}{key}:")
                inner = indent if isinstance(value, tuple) and step % 2 else indent + step
                render(value, inner, step, lines)
    elif isinstance(node, tuple):
        for item in node:
            if isinstance(item, str):
                lines.append(f"{pad}- {item}".rstrip())
            else:
                lines.append(f"{pad}-")
                render(item, indent + step, step, lines)
    else:
        lines.append(f"{pad}{node}")


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(TREES, min_size=1, max_size=2), st.sampled_from([1, 2, 3, 4]),
       st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["", "# c", "  # c", "---"])),
                max_size=3))
def test_agrees_with_ruamel_on_generated_trees(trees: list[object], step: int,
                                               extra: list[tuple[int, str]]) -> None:
    lines: list[str] = []
    for number, tree in enumerate(trees):
        if number:
            lines.append("---")
        render(tree, 0, step, lines)
    for position, line in extra:
        lines.insert(min(position, len(lines)), line)
    assert_agrees("\n".join(lines) + "\n")
