"""The language server's parts that need no LSP library: positions, the lint of a document,
suppression edits, completion contexts and option descriptions. Also: without the ``lsp``
extra, ``flinklint server`` exits 2 with one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flinklint.findings import Edit, Span
from flinklint.lsp.actions import replacement, suppression
from flinklint.lsp.analysis import analyse
from flinklint.lsp.completion import complete
from flinklint.lsp.hover import description, hover, memory_keys
from flinklint.lsp.positions import UTF8, UTF16, UTF32, Lines
from flinklint.report.structured import finding_object
from flinklint.versions import FileKind, FlinkVersion

ROOT = Path(__file__).resolve().parent.parent
V120, V23 = FlinkVersion(1, 20), FlinkVersion(2, 3)


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flinklint", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, input=stdin, check=False)


# -- positions --------------------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "expected"), [(UTF16, 5), (UTF8, 7), (UTF32, 4)])
def test_columns_in_code_units(encoding: str, expected: int) -> None:
    lines = Lines("a: 1\nx=\"😋\"\n", encoding)  # the closing quote of line 2
    assert lines.to_client(2, 5) == (1, expected)
    assert lines.from_client(1, expected) == (2, 5)


def test_lines_end_where_lsp_says() -> None:
    lines = Lines("a\rb\r\nc\u2028d\x85e\n", UTF16)
    assert [lines.line(i) for i in range(4)] == ["a", "b", "c\u2028d\x85e", ""]
    assert lines.to_client(3, 5) == (2, 4)  # U+2028 and U+0085 are characters, not breaks
    assert lines.end() == (3, 0)


def test_positions_outside_the_text_are_clamped() -> None:
    lines = Lines("ab\ncd", UTF16)
    assert lines.from_client(0, 99) == (1, 3)
    assert lines.from_client(7, 3) == (8, 1)  # a line past the end: nothing is there
    assert lines.edit(Edit(2, 1, 3, 1, "")) == ((1, 0), (1, 2))  # "just past the end"
    assert lines.span(Span(1, 2, 2, 2)) == ((0, 1), (1, 2))  # the end included -> excluded


def test_a_character_beyond_the_bmp_counts_twice_in_utf16() -> None:
    lines = Lines("k: 𝔣𝔩\n", UTF16)
    assert [lines.from_client(0, c) for c in (3, 5, 7)] == [(1, 4), (1, 5), (1, 6)]
    assert lines.to_client(1, 6) == (0, 7)


# -- the lint of a document -------------------------------------------------------------------

def check_json(path: Path, cwd: Path) -> list[dict[str, object]]:
    done = run("check", "--format", "json", str(path), cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    found: list[dict[str, object]] = json.loads(done.stdout)
    return found


def without_path(found: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: v for k, v in f.items() if k != "path"} for f in found]


@pytest.mark.parametrize("example", sorted(
    str(p.relative_to(ROOT / "examples")) for p in (ROOT / "examples").rglob("*.yaml")))
def test_analysis_equals_check(example: str, tmp_path: Path) -> None:
    path = tmp_path / example
    path.parent.mkdir(parents=True)
    path.write_bytes((ROOT / "examples" / example).read_bytes())
    analysis = analyse(path, path.read_text(encoding="utf-8"))
    got = [finding_object(f) for f in analysis.findings]
    assert without_path(got) == without_path(check_json(path, tmp_path))


def test_config_yaml_beside_flink_conf_yaml_from_stdin_too(tmp_path: Path) -> None:
    (tmp_path / "flink-conf.yaml").write_text("parallelism.default: 1\n", encoding="utf-8")
    path = tmp_path / "config.yaml"
    path.write_text("parallelism.default: 2\n", encoding="utf-8")
    from_file = check_json(path, tmp_path)
    stdin = run("check", "--format", "json", "--flink-version", "1.20", "--stdin-filename",
                "config.yaml", "-", cwd=tmp_path, stdin="parallelism.default: 2\n")
    assert [f["code"] for f in json.loads(stdin.stdout)] == ["FL010"]
    (tmp_path / ".flinklint.toml").write_text('flink-version = "1.20"\n', encoding="utf-8")
    from_file = check_json(path, tmp_path)
    assert [f["code"] for f in from_file] == ["FL010"]
    got = [finding_object(f) for f in analyse(path, "parallelism.default: 2\n").findings]
    assert without_path(got) == without_path(from_file)


def test_settings_are_found_from_the_document_and_reread_when_changed(tmp_path: Path) -> None:
    folder = tmp_path / "conf" / "prod"
    folder.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text('[tool.flinklint]\nflink-version = "2.3"\n',
                                             encoding="utf-8")
    path = folder / "config.yaml"  # need not exist: an editor's unsaved buffer
    text = "taskmanager.memory.proces.size: 1g\n"
    first = analyse(path, text)
    assert first.result is not None and first.result.versions == [V23]
    assert "FL101" in {f.code for f in first.findings}
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flinklint]\nflink-version = "2.3"\nignore = ["FL101"]\n', encoding="utf-8")
    assert "FL101" not in {f.code for f in analyse(path, text).findings}
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flinklint]\nexclude = ["conf/prod"]\n', encoding="utf-8")
    assert analyse(path, text).result is None  # excluded: check DIR skips it too
    (tmp_path / "pyproject.toml").write_text('[tool.flinklint]\nflink-version = 7\n',
                                             encoding="utf-8")
    broken = analyse(path, text)
    assert broken.result is None and broken.error and "flink-version" in broken.error


def test_a_lone_surrogate_is_text_that_is_not_utf8(tmp_path: Path) -> None:
    analysis = analyse(tmp_path / "flink-conf.yaml", "a: \ud800\n")
    assert "FL012" in {f.code for f in analysis.findings}


# -- suppression edits ------------------------------------------------------------------------

QUIET = "taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 1g\n"


@pytest.mark.parametrize(("name", "line", "text", "expected"), [
    ("flink-conf.yaml", "taskmanager.memory.proces.size: 1g",
     QUIET + "taskmanager.memory.proces.size: 1g\n",
     "taskmanager.memory.proces.size: 1g  # flinklint: disable=FL101 -- TODO: reason"),
    ("flink-conf.yaml", "taskmanager.memory.proces.size: 1g # flinklint: disable=FL204",
     QUIET + "taskmanager.memory.proces.size: 1g # flinklint: disable=FL204\n",
     "taskmanager.memory.proces.size: 1g # flinklint: disable=FL204,FL101"),
    # the line ends inside a quoted value: a '#' there is part of the value, so the comment
    # goes on a line of its own above
    ("config.yaml", 'taskmanager.memory.proces.size: "1g',
     QUIET + 'taskmanager.memory.proces.size: "1g\n  "\n',
     "# flinklint: disable=FL101 -- TODO: reason"),
    ("config.yaml", "    proces.size: 1g",
     "taskmanager:\n  memory:\n    process.size: 2g\n    proces.size: 1g\n"
     "jobmanager.memory.process.size: 1g\n",
     "    proces.size: 1g  # flinklint: disable=FL101 -- TODO: reason"),
])
def test_suppression_edits(tmp_path: Path, name: str, line: str, text: str,
                           expected: str) -> None:
    from flinklint.edits import apply_edits

    analysis = analyse(tmp_path / name, text)
    [finding] = [f for f in analysis.findings if f.code == "FL101"]
    edit = suppression(analysis, finding)
    assert edit is not None
    after = apply_edits(text, [edit])
    assert expected in after.splitlines()
    relinted = analyse(tmp_path / name, after)
    assert "FL101" not in {f.code for f in relinted.findings}


def test_no_suppression_for_suppression_findings(tmp_path: Path) -> None:
    text = QUIET + "parallelism.default: 1  # flinklint: disable=FL101 -- why\n"
    analysis = analyse(tmp_path / "flink-conf.yaml", text)
    [finding] = analysis.findings
    assert finding.code == "FL091" and suppression(analysis, finding) is None


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("abc", "abc", (3, 3, "")), ("a-b-c", "a-X-c", (2, 3, "X")), ("ab", "abab", (2, 2, "ab")),
    ("x\ny\n", "y\n", (0, 2, "")),
])
def test_replacement_is_minimal(old: str, new: str, expected: tuple[int, int, str]) -> None:
    start, end, text = replacement(old, new)
    assert (start, end, text) == expected
    assert old[:start] + text + old[end:] == new


# -- completion -------------------------------------------------------------------------------

def labels(lines: list[str], line: int, column: int, kind: FileKind,
           version: FlinkVersion = V120) -> dict[str, str]:
    return {c.label: c.insert for c in complete(lines, line, column, kind, version)}


def test_keys_at_the_start_of_a_line() -> None:
    found = complete(["taskmanager.memory.pro"], 1, 23, FileKind.LEGACY, V120)
    keys = {c.label: c for c in found}
    assert keys["taskmanager.memory.process.size"].insert == "taskmanager.memory.process.size"
    assert (keys["taskmanager.memory.process.size"].start, found[0].end) == (1, 23)
    assert keys["taskmanager.heap.size"].deprecated and not keys[
        "taskmanager.memory.process.size"].deprecated
    assert not [k for k in keys if not k[0].isalpha()]  # no internal keys ($internal..., __x__)


def test_nested_keys_in_config_yaml_complete_relative_to_their_maps() -> None:
    found = labels(["taskmanager:", "  # a comment", "  memory:", "    pro"], 4, 8,
                   FileKind.YAML, V23)
    assert found["taskmanager.memory.process.size"] == "process.size"
    assert all(k.startswith("taskmanager.memory.") for k in found)
    assert "taskmanager.heap.size" not in found  # Flink 2.3 no longer reads it


def test_keys_in_a_manifest_only_under_flink_configuration() -> None:
    text = ["apiVersion: flink.apache.org/v1beta1", "kind: FlinkDeployment", "spec:",
            "  flinkConfiguration:", "    taskm", "  jobManager:", "    res"]
    assert "taskmanager.memory.process.size" in labels(text, 5, 10, FileKind.MANIFEST)
    assert labels(text, 7, 8, FileKind.MANIFEST) == {}
    assert labels(text, 3, 3, FileKind.MANIFEST) == {}


def test_no_nesting_in_flink_conf_yaml_and_nothing_in_comments() -> None:
    assert labels(["taskmanager:", "  mem"], 2, 6, FileKind.LEGACY) == {}
    assert labels(["# taskm"], 1, 8, FileKind.LEGACY) == {}


@pytest.mark.parametrize(("line", "expected"), [
    ("execution.runtime-mode: ", ["STREAMING", "BATCH", "AUTOMATIC"]),
    ("execution.runtime-mode: 'B", ["STREAMING", "BATCH", "AUTOMATIC"]),
    ("pipeline.object-reuse: t", ["true", "false"]),
    ("parallelism.default: 4", []),
    ("no.such.key: x", []),
])
def test_values_of_enumerations_and_booleans(line: str, expected: list[str]) -> None:
    found = complete([line], 1, len(line) + 1, FileKind.LEGACY, V120)
    assert [c.label for c in found] == expected
    assert all(not c.is_key and c.end == len(line) + 1 for c in found)


# -- hover ------------------------------------------------------------------------------------

def test_descriptions_follow_the_target_version() -> None:
    old, new = description("state.backend.type", V120), description("state.backend.type", V23)
    assert old is not None and new is not None
    assert "'forst'" in new and "'forst'" not in old
    assert description("no.such.key", V23) is None


def test_every_memory_key_names_a_component_of_its_process() -> None:
    from flinklint.report.explain import JM_MEMORY, TM_MEMORY

    names = {"taskmanager": TM_MEMORY, "jobmanager": JM_MEMORY}
    for key, (process, component) in memory_keys().items():
        assert key.startswith(process) or key.startswith(f"{process[:-7]}")
        assert component in names[process], key
    assert memory_keys()["taskmanager.network.memory.min"] == ("taskmanager", "network")


def test_hover_over_a_value_shows_its_key(tmp_path: Path) -> None:
    text = "taskmanager.memory.process.size: 4096m\njobmanager.memory.process.size: 1600m\n"
    result = analyse(tmp_path / "flink-conf.yaml", text).result
    assert result is not None
    shown = hover(result, 1, 36)
    assert shown is not None and shown.span == Span(1, 34, 1, 38)
    assert "**TaskManager total process memory: 4.000gb (4294967296 bytes)**" in shown.markdown
    assert hover(result, 3, 1) is None


# -- without the extra ------------------------------------------------------------------------

def test_server_without_pygls_exits_2_with_one_line(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['pygls'] = None; sys.modules['lsprotocol'] = None\n"
            "from flinklint.cli import main_entry; main_entry()\n")
    done = subprocess.run([sys.executable, "-c", code, "server"], capture_output=True,
                          text=True, cwd=tmp_path, check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == ("flinklint: 'server' needs the lsp extra (pygls): "
                           "pip install 'flinklint[lsp]'\n")


def test_hover_on_a_process_flink_does_not_start_says_what_explain_says(tmp_path: Path) -> None:
    path = tmp_path / "flink-conf.yaml"
    path.write_bytes((ROOT / "examples" / "broken" / "flink-conf.yaml").read_bytes())
    result = analyse(path, path.read_text(encoding="utf-8")).result
    assert result is not None
    line = next(i for i, t in enumerate(result.text.splitlines(), start=1)
                if t.startswith("taskmanager.network.memory.min"))
    shown = hover(result, line, 1)
    explained = json.loads(run("explain", "--format", "json", str(path), cwd=tmp_path).stdout)
    error = explained["taskmanager"]["error"]
    assert shown is not None and explained["taskmanager"]["ok"] is False
    assert "**TaskManager: Flink does not start it**" in shown.markdown
    assert f"{error['code']}: {error['message']}" in shown.markdown
    assert f"Flink says: `{error['flink_message']}`" in shown.markdown
