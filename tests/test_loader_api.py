"""The loader's entry points: which files are Flink's, which one Flink reads, -D, speed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flinklint.flink_config import Source
from flinklint.loader import load_bytes, load_path, load_text, sibling_findings, sniff
from flinklint.versions import FileKind, FlinkVersion

MANIFEST = b"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nspec: {}\n"
SNIFF = [
    ("flink-conf.yaml", b"", FileKind.LEGACY),
    ("conf/flink-conf.yaml", b"anything", FileKind.LEGACY),
    ("config.yaml", b"taskmanager.memory.process.size: 4g\n", FileKind.YAML),
    ("config.yaml", b"taskmanager:\n  numberOfTaskSlots: 2\n", FileKind.YAML),
    ("config.yaml", b"\xef\xbb\xbfstate.backend.type: rocksdb\n", FileKind.YAML),
    ("config.yaml", b"- jobmanager.memory.process.size: 1g\n", FileKind.YAML),
    ("config.yaml", b"env:\n  FOO: bar\nstate: ok\n", None),  # another tool's config.yaml
    ("config.yaml", b"", None),
    ("deploy.yaml", MANIFEST, FileKind.MANIFEST),
    ("config.yaml", MANIFEST, FileKind.MANIFEST),
    ("x.yml", b"kind: 'FlinkSessionJob'\napiVersion: \"flink.apache.org/v1beta1\"\n",
     FileKind.MANIFEST),
    ("deploy.yaml", b"apiVersion: apps/v1\nkind: Deployment\n", None),
    ("deploy.yaml", b"apiVersion: flink.apache.org/v1beta1\nkind: FlinkStateSnapshot\n", None),
    ("flink-conf.yml", b"a: 1\n", None),
    ("notes.txt", b"taskmanager.memory.process.size: 4g\n", None),
]


@pytest.mark.parametrize(("name", "head", "kind"), SNIFF, ids=range(len(SNIFF)))
def test_sniff(name: str, head: bytes, kind: FileKind | None) -> None:
    assert sniff(Path(name), head) is kind


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


# (files present, version, file loaded) -> (codes, lintable)
WHICH = [
    (("flink-conf.yaml",), FlinkVersion(1, 18), "flink-conf.yaml", [], True),
    (("flink-conf.yaml",), FlinkVersion(2, 0), "flink-conf.yaml", ["FL009"], False),
    (("config.yaml",), FlinkVersion(1, 18), "config.yaml", ["FL009"], False),
    (("config.yaml",), FlinkVersion(1, 19), "config.yaml", [], True),
    (("config.yaml", "flink-conf.yaml"), FlinkVersion(1, 20), "config.yaml", ["FL010"], False),
    (("config.yaml", "flink-conf.yaml"), FlinkVersion(1, 20), "flink-conf.yaml", [], True),
    (("config.yaml", "flink-conf.yaml"), FlinkVersion(2, 3), "config.yaml", [], True),
    (("config.yaml", "flink-conf.yaml"), FlinkVersion(2, 3), "flink-conf.yaml", ["FL009"], False),
    (("config.yaml", "flink-conf.yaml"), None, "config.yaml", ["FL010"], True),
    (("config.yaml", "flink-conf.yaml"), None, "flink-conf.yaml", [], True),
]


@pytest.mark.parametrize(("present", "version", "loaded", "codes", "lintable"), WHICH,
                         ids=range(len(WHICH)))
def test_which_file_flink_reads(tmp_path: Path, present: tuple[str, ...],
                                version: FlinkVersion | None, loaded: str, codes: list[str],
                                lintable: bool) -> None:
    for name in present:
        _write(tmp_path, name, "taskmanager.memory.process.size: 4g\n")
    configs = load_path(tmp_path / loaded, version=version)
    assert configs is not None
    [config] = configs
    assert [f.code for f in config.findings] == codes
    assert config.lintable is lintable
    assert [(f.line, f.column) for f in config.findings] == [(1, 1)] * len(codes)


def test_a_file_flink_does_not_read_reports_only_that(tmp_path: Path) -> None:
    path = _write(tmp_path, "flink-conf.yaml", "a:1\nb: 2\nb: 3\n")
    [config] = load_path(path, version=FlinkVersion(2, 1)) or []
    assert [f.code for f in config.findings] == ["FL009"]
    assert dict(config.effective) == {"b": "3"}


def test_sibling_findings_from_a_set_of_files() -> None:
    files = [Path("a/config.yaml"), Path("a/flink-conf.yaml"), Path("b/config.yaml")]
    found = sibling_findings(files, FlinkVersion(1, 19))
    assert {p: [f.code for f in fs] for p, fs in found.items()} == {
        Path("a/config.yaml"): ["FL010"]}
    assert sibling_findings(files, FlinkVersion(2, 0)) == {}


def test_not_flink_files_give_none(tmp_path: Path) -> None:
    assert load_path(_write(tmp_path, "values.yaml", "replicas: 3\n")) is None
    assert load_path(_write(tmp_path, "config.yaml", "server:\n  port: 80\n")) is None
    assert load_bytes(b"replicas: 3\n", "values.yaml") is None
    assert load_bytes(b"a: 1\n", "values.yaml", kind=FileKind.YAML) is not None


def test_unreadable_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "flink-conf.yaml", "a: 1\n")
    os.chmod(path, 0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything")
        [config] = load_path(path) or []
        assert ([f.code for f in config.findings], config.lintable) == (["FL023"], False)
    finally:
        os.chmod(path, 0o644)


def test_defines_override_the_file_key_they_name() -> None:
    defines = {"a": "2", "new.key": "x"}
    [config] = load_text("b: 0\na: 1\n", FileKind.LEGACY, "flink-conf.yaml", defines=defines)
    assert dict(config.effective) == {"b": "0", "a": "2", "new.key": "x"}
    define_a, define_new = config.entries[-2:]
    assert (define_a.source, define_a.key_span.line) == (Source.DEFINE, 2)
    assert define_a.value_span is None
    assert (define_new.source, define_new.key_span.line) == (Source.DEFINE, 1)
    assert config.last("a") is define_a
    assert config.span_of("a") is None  # span_of only points at what the file wrote


def test_defines_join_yaml_and_manifests_too() -> None:
    [config] = load_text("a:\n  b: 1\n", FileKind.YAML, "config.yaml", defines={"a.b": "9"})
    assert dict(config.effective) == {"a.b": "9"}
    [deployment] = load_text(MANIFEST, FileKind.MANIFEST, "d.yaml", defines={"k": "v"})
    assert dict(deployment.effective) == {"k": "v"}


def test_templated_files_are_not_linted() -> None:
    for kind in FileKind:
        [config] = load_text("a: 1\nb: {{ .Values.b }}\n", kind, "f.yaml")
        assert [(f.code, f.line, f.column) for f in config.findings] == [("FL013", 2, 4)]
        assert not config.lintable and config.entries == ()


def test_legacy_loading_never_imports_ruamel() -> None:
    code = ("import sys; from pathlib import Path; import flinklint.loader as L; "
            "L.load_bytes(b'a: 1\\n', Path('flink-conf.yaml')); "
            "print('ruamel' in ' '.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_200_line_flink_conf_loads_in_well_under_a_millisecond_per_100_lines() -> None:
    lines = [f"section{i % 7}.option-{i}.size: {i}m  # comment {i}" for i in range(190)]
    lines += ["# a comment line"] * 5 + [""] * 5
    data = ("\n".join(lines) + "\n").encode()
    load_bytes(data, "flink-conf.yaml")
    best = min(_timed(lambda: load_bytes(data, "flink-conf.yaml")) for _ in range(30))
    assert best < 0.005, f"{best * 1000:.2f} ms"  # measured ~0.6 ms; generous for busy CI


def _timed(call: object) -> float:
    start = time.perf_counter()
    call()  # type: ignore[operator]
    return time.perf_counter() - start


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["{{", "}}", "{%", "%}", "#", " ", "\t", "a", "\n", "\r",
                                 "\r\n"]), max_size=14).map("".join))
def test_template_markers_are_found_on_the_lines_yaml_and_flink_see(text: str) -> None:
    """The first ``{{``/``{%`` with its closing later on the same line (a lone CR ends a line),
    on a line that is not a comment: as a plain walk over the lines finds it."""
    import re

    from flinklint.loader.api import _template_at

    expected = None
    for line in re.finditer(r"[^\r\n]*", text):
        body = line.group(0)
        found = [at for opening, closing in (("{{", "}}"), ("{%", "%}"))
                 if (at := body.find(opening)) >= 0 and body.find(closing, at + 2) >= 0]
        if found and not body.lstrip(" \t").startswith("#"):
            expected = line.start() + min(found)
            break
    assert _template_at(text) == expected
