"""Any bytes at all: the loader never raises, and every position it reports is in the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flinklint.findings import Span
from flinklint.flink_config import FlinkConfig
from flinklint.loader import load_text
from flinklint.versions import FileKind, FlinkVersion

SEED = (
    b"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nspec:\n"
    b"  flinkVersion: v1_20\n  flinkConfiguration:\n    a.b: \"1\"\n    c: {d: [1, 2]}\n"
    b"  taskManager:\n    resource:\n      memory: 2Gi\n"
    b"taskmanager:\n  memory.process.size: 4g\nx: &a [1, *a]\ny: !!int 1\n"
)
PIECES = st.sampled_from([
    b"\n", b"\r", b"\r\n", b"\t", b" ", b": ", b":", b"#", b'"', b"'", b"- ", b"[", b"]", b"{",
    b"}", b"&a ", b"*a", b"!!", b"? ", b"<<: ", b"---\n", b"\xef\xbb\xbf", b"\xff", b"\xe9",
    b"\x00", b"{{ x }}", b"|\n", b">-\n", b"\\", b"\xe2\x80\xa8", b"key", b"1.5G", b".nan",
    b"+.inf", b"~", b"!!int ", b"!x ", b"0x1F", b"yes",
])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(SEED)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data[at:at] = draw(PIECES)
        else:
            del data[at:at + draw(st.integers(1, 6))]
    return bytes(data)


def _check(config: FlinkConfig) -> None:
    lines = len(config.text.splitlines()) + 1

    def inside(span: Span) -> bool:
        return 1 <= span.line <= span.end_line <= lines and span.column >= 1

    assert all(inside(f.span) for f in config.findings)
    assert all(inside(e.key_span) for e in config.entries)
    assert dict(config.effective) == {e.key: e.value for e in config.entries}


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=300), mutated()),
       st.sampled_from([None, FlinkVersion(1, 18), FlinkVersion(1, 20), FlinkVersion(2, 3)]))
def test_never_raises(data: bytes, version: FlinkVersion | None) -> None:
    for kind in FileKind:
        for config in load_text(data, kind, "f.yaml", version=version, defines={"a.b": "2"}):
            _check(config)
