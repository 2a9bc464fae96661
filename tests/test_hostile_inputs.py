"""Hostile files, one test each: every one ends in seconds with findings, never an exception.

Loaded and linted in process under each file name they can have. Sizes, nesting, key counts
and alias expansion stop at the limits of :mod:`flinklint.loader.limits`, with one finding
that names the limit; encodings get the finding Flink's own reader would justify.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from corpus import CANARY, time_limit

from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.findings import Finding
from flinklint.loader import limits, load_bytes, load_path
from flinklint.rules.index import lint_rules
from flinklint.versions import default_for

SECONDS = 20  # generous for two busy CI cores; each case takes well under a second alone
MANIFEST = (b"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n"
            b"  name: x\nspec:\n  flinkConfiguration:\n")
MEMORY = b"taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 2g\n"
KINDS = ("flink-conf.yaml", "config.yaml", "deploy.yaml")


def _framed(name: str, body: bytes) -> bytes:
    """``body`` (top-level config lines) as the file ``name`` holds it."""
    if name != "deploy.yaml":
        return body
    return MANIFEST + b"".join(b"    " + line for line in body.splitlines(keepends=True))


def _findings(data: bytes, name: str) -> list[Finding]:
    with time_limit(SECONDS):
        configs = load_bytes(data, name)
        assert configs is not None, "not recognised as a Flink configuration"
        found = [f for c in configs
                 for f in lint(c, c.flink_version or default_for(c.kind), Selection(),
                                rules=lint_rules())]
    assert not [f.message for f in found if f.code == "FL000"]
    return found


def _codes(found: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in found]


def _limit(found: list[Finding], text: str) -> Finding:
    """The one finding of a file beyond a limit, whose message names it."""
    assert [f.code for f in found] == ["FL023"], _codes(found)
    assert text in found[0].message and "flinklint" in found[0].message
    return found[0]


@pytest.mark.parametrize("name", KINDS)
def test_invalid_utf8(name: str) -> None:
    found = _findings(_framed(name, MEMORY + b"a.b: caf\xe9 \xff\xfe\n"), name)
    [bad] = [f for f in found if f.code == "FL012"]
    assert (bad.line, bad.column) == (3 if name != "deploy.yaml" else 9, 9 + 4 * (
        name == "deploy.yaml"))


@pytest.mark.parametrize("name", KINDS)
def test_latin1(name: str) -> None:
    found = _findings(_framed(name, "a.b: Zürich\n".encode("latin-1") + MEMORY), name)
    assert ("FL012", 1 if name != "deploy.yaml" else 7) in _codes(found)


def test_utf16_flink_conf_with_and_without_bom() -> None:
    # Flink's legacy reader takes UTF-8: every line of a UTF-16 file is dropped
    text = "taskmanager.memory.process.size: 1g\nparallelism.default: 3\n"
    for data in (text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-16-be")):
        found = _findings(data, "flink-conf.yaml")
        assert {"FL004", "FL215"} <= {f.code for f in found}, _codes(found)
        assert ("FL012", 1) in _codes(found) or data[:2] not in (b"\xff\xfe", b"\xfe\xff")


@pytest.mark.parametrize("data", [
    "taskmanager.memory.process.size: 1g\n".encode("utf-16"),
    "taskmanager.memory.process.size: 1g\n".encode("utf-16-le"),
    "taskmanager.memory.process.size: 1g\n".encode("utf-32"),
])
def test_utf16_config_yaml_is_not_taken_for_a_flink_file(data: bytes) -> None:
    # not recognisable as Flink's config.yaml by its bytes: left alone, like any other
    # tool's config.yaml (Flink itself reads UTF-16 and UTF-32 only with a byte-order mark)
    with time_limit(SECONDS):
        assert load_bytes(data, "config.yaml") is None


@pytest.mark.parametrize("name", KINDS)
def test_utf8_byte_order_mark(name: str) -> None:
    found = _findings(b"\xef\xbb\xbf" + _framed(name, MEMORY), name)
    assert (("FL011", 1) in _codes(found)) == (name == "flink-conf.yaml"), _codes(found)


def _bomb(mapping: bool, levels: int = 24) -> bytes:
    if mapping:
        lines = ["taskmanager: &a0 {x: 1, y: 2}"]
        lines += [f"a{i}: &a{i} {{p: *a{i - 1}, q: *a{i - 1}}}" for i in range(1, levels + 1)]
    else:
        lines = ["taskmanager.a: &a0 [x, x]"]
        lines += [f"taskmanager.a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, levels + 1)]
    return "\n".join(lines).encode() + b"\n"


@pytest.mark.parametrize("name", ["config.yaml", "deploy.yaml"])
def test_alias_bomb_of_mappings(name: str) -> None:
    found = _findings(_framed(name, _bomb(mapping=True)), name)
    _limit(found, f"more than {limits.MAX_ENTRIES:,} keys")


@pytest.mark.parametrize("name", ["config.yaml", "deploy.yaml"])
def test_alias_bomb_of_sequences(name: str) -> None:
    # Flink writes a list reached twice as &id001 ... *id001, so nothing is expanded; more
    # than 50 aliases to collections are refused, as snakeyaml-engine refuses them
    found = _findings(_framed(name, _bomb(mapping=False, levels=24)), name)
    assert "FL000" not in {f.code for f in found}
    found = _findings(_framed(name, _bomb(mapping=False, levels=26)), name)
    [error] = [f for f in found if f.code == "FL001"]
    assert "max=50" in error.message


@pytest.mark.parametrize("name", ["config.yaml", "deploy.yaml"])
def test_alias_bomb_of_long_scalars(name: str) -> None:
    body = (b"taskmanager.s: &s " + b"x" * 100_000 + b"\ntaskmanager.l: ["
            + b", ".join([b"*s"] * 2_000) + b"]\n")
    _limit(_findings(_framed(name, body), name), "aliases are expanded")


def test_scalar_aliases_within_the_limits_are_expanded() -> None:
    body = b"taskmanager.s: &s 1g\n" + b"".join(b"taskmanager.k%d: *s\n" % i for i in range(100))
    found = _findings(body, "config.yaml")
    assert "FL023" not in {f.code for f in found}


@pytest.mark.parametrize("name", ["config.yaml", "deploy.yaml"])
@pytest.mark.parametrize("style", ["flow-list", "flow-map", "block-map", "block-list"])
def test_nesting_2000_deep(name: str, style: str) -> None:
    depth = 2000
    body = {
        "flow-list": "taskmanager.x: " + "[" * depth + "]" * depth + "\n",
        "flow-map": "taskmanager.x: " + "{a: " * depth + "1" + "}" * depth + "\n",
        "block-map": "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "v: 1\n",
        "block-list": "taskmanager.x:\n" + "".join(" " * i + "-\n" for i in range(1, depth)),
    }[style]
    body = "taskmanager.memory.process.size: 1g\n" + body
    found = _findings(_framed(name, body.encode()), name)
    if name == "config.yaml" and len(body) > limits.MAX_YAML_CODE_POINTS:
        pytest.fail("the case must stay below the size limit")
    _limit(found, f"YAML nesting deeper than {limits.MAX_DEPTH} levels")


def test_nesting_up_to_the_limit_is_read() -> None:
    depth = limits.MAX_DEPTH  # the root mapping is the first level
    flow = "taskmanager.x: " + "[" * (depth - 1) + "1" + "]" * (depth - 1) + "\n"
    block = "".join(" " * i + f"k{i}:\n" for i in range(depth - 1)) + " " * depth + "v: 1\n"
    for body in (flow, block):
        found = _findings(b"taskmanager.memory.process.size: 1g\n" + body.encode(),
                          "config.yaml")
        assert "FL023" not in {f.code for f in found}, body[:80]
    deeper = "taskmanager.x: " + "[" * depth + "1" + "]" * depth + "\n"
    limit = _limit(_findings(deeper.encode(), "config.yaml"), "nesting deeper")
    assert (limit.line, limit.column) == (1, 15 + depth)


def test_200000_keys_flink_conf() -> None:
    data = b"".join(b"taskmanager.k%d: %d\n" % (i, i) for i in range(200_000))
    found = _limit(_findings(data, "flink-conf.yaml"), f"more than {limits.MAX_ENTRIES:,} keys")
    assert found.line == limits.MAX_ENTRIES + 1


@pytest.mark.parametrize("name", ["config.yaml", "deploy.yaml"])
def test_200000_keys_yaml(name: str) -> None:
    data = b"".join(b"k%d: 1\n" % i for i in range(200_000))
    data = b"taskmanager.memory.process.size: 1g\n" + data
    _limit(_findings(_framed(name, data), name), f"more than {limits.MAX_NODES:,} YAML nodes")


def test_keys_up_to_the_limit_are_read() -> None:
    data = b"".join(b"taskmanager.k%d: %d\n" % (i, i) for i in range(limits.MAX_ENTRIES))
    with time_limit(SECONDS):
        [config] = load_bytes(data, "flink-conf.yaml") or []
    assert len(config.entries) == limits.MAX_ENTRIES and config.lintable


@pytest.mark.parametrize("name", KINDS)
def test_2mb_line(name: str) -> None:
    body = MEMORY + b"taskmanager.x: " + b"a" * 2_000_000 + b"\n"
    found = _findings(_framed(name, body), name)
    assert "FL023" not in {f.code for f in found}
    assert ("FL101", 3 if name != "deploy.yaml" else 9) in _codes(found)


@pytest.mark.parametrize("name", KINDS)
def test_200kb_key(name: str) -> None:
    body = MEMORY + b"taskmanager." + b"k" * 200_000 + b": 1\n"
    found = _findings(_framed(name, body), name)
    if name == "flink-conf.yaml":  # YAML's simple keys end at 1024 characters
        assert ("FL101", 3) in _codes(found)
    else:
        assert {f.code for f in found} & {"FL001", "FL101"}


@pytest.mark.parametrize("name", KINDS)
def test_file_over_10_mib_is_not_read(name: str, tmp_path: Path) -> None:
    data = _framed(name, MEMORY + b"# " + b"x" * limits.MAX_FILE_BYTES + b"\n")
    found = _limit(_findings(data, name), "larger than 10 MiB")
    assert found.line == 1
    path = tmp_path / name
    path.write_bytes(data)
    with time_limit(SECONDS):
        [config] = load_path(path) or []
    assert [f.code for f in config.findings] == ["FL023"] and config.text == ""


def test_config_yaml_over_flinks_code_point_limit() -> None:
    line = b"taskmanager.x: "
    exact = line + b"a" * (limits.MAX_YAML_CODE_POINTS - len(line) - 1) + b"\n"
    assert "FL001" not in {f.code for f in _findings(exact, "config.yaml")}
    found = _findings(exact + b"#", "config.yaml")
    assert [f.code for f in found] == ["FL001"]
    assert "exceeds the limit: 3145728 code points" in found[0].message
    # the byte-order mark does not count, as in snakeyaml-engine
    assert "FL001" not in {f.code for f in _findings(b"\xef\xbb\xbf" + exact, "config.yaml")}


def test_manifest_over_the_code_point_limit() -> None:
    data = MANIFEST + b"    a: 1\n# " + b"x" * limits.MAX_YAML_CODE_POINTS + b"\n"
    _limit(_findings(data, "deploy.yaml"), "YAML manifest of more than")


@pytest.mark.parametrize("name", KINDS)
@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch {canary}']",
    "!!python/object/new:os.system ['touch {canary}']",
    "!!python/name:os.system",
    "!!python/object:__main__.X {{a: 1}}",
    "!ruby/object:Gem::Installer {{i: x}}",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {canary}']",
])
def test_python_tags_never_construct_or_run_anything(name: str, tag: str,
                                                      tmp_path: Path) -> None:
    canary = tmp_path / CANARY
    value = tag.format(canary=canary).encode()
    found = _findings(_framed(name, MEMORY + b"taskmanager.x: " + value + b"\n"), name)
    assert not canary.exists()
    if name == "config.yaml":  # Flink's loader has no constructor for such tags
        assert ("FL018", 3) in _codes(found) or ("FL001", 3) in _codes(found), _codes(found)


@pytest.mark.parametrize("name", ["config.yaml", "deploy.yaml"])
def test_multiple_documents(name: str) -> None:
    if name == "config.yaml":
        found = _findings(MEMORY + b"---\n" + MEMORY, name)
        assert _codes(found) == [("FL019", 3)]
    else:
        data = _framed(name, MEMORY) + b"---\nkind: Service\n---\n" + _framed(name, MEMORY)
        with time_limit(SECONDS):
            assert len(load_bytes(data, name) or []) == 2


@pytest.mark.parametrize("name", KINDS)
def test_helm_template(name: str) -> None:
    body = MEMORY + b"taskmanager.numberOfTaskSlots: {{ .Values.slots | default 2 }}\n"
    body += b"{{- if .Values.ha }}\nhigh-availability.type: kubernetes\n{{- end }}\n"
    found = _findings(_framed(name, body), name)
    assert [f.code for f in found] == ["FL013"]


@pytest.mark.parametrize("name", KINDS)
def test_thousands_of_template_openings_without_closing(name: str) -> None:
    # a lazy regular expression took minutes over this line
    found = _findings(_framed(name, MEMORY + b"a.b: " + b"{{" * 50_000 + b"\n"), name)
    assert "FL013" not in {f.code for f in found}


@pytest.mark.parametrize("text", [
    "{{\n" * 400_000, "{{\r" * 1_000_000, "{{" * 1_000_000, "# {{ x }}\n" * 400_000,
    "{{\r" * 1_000_000 + "{{ x }}",
], ids=["lf-lines", "cr-lines", "one-line", "comments", "cr-lines-then-marker"])
def test_template_markers_on_many_lines_are_looked_for_in_linear_time(text: str) -> None:
    # a search for the line's bounds from each opening ran back and forth over the whole text
    from flinklint.loader.api import _template_at

    with time_limit(SECONDS):
        assert _template_at(text) == (text.rindex("{{ x }}") if text.endswith("}}") else None)


def test_long_suppression_comment() -> None:
    # the suppression's regular expression backtracked for hours over such a line
    data = MEMORY + b"a.b: 1 # flinklint: disable=FL101" + b" " * 200_000 + b"!\n"
    assert ("FL101", 3) in _codes(_findings(data, "flink-conf.yaml"))


def test_blank_lines_in_a_yaml_file() -> None:
    # sniffing a manifest ran over every run of blank lines from each of its lines
    with time_limit(SECONDS):
        assert load_bytes(b"\n" * 5_000_000, "deploy.yaml") is None
        assert load_bytes(b" \r\n" * 2_000_000, "values.yaml") is None


@pytest.mark.parametrize("name", KINDS)
@pytest.mark.parametrize("value", [
    "1" * 5000, "1" * 5000 + "x", "1" * 5000 + "m", "-" + "9" * 5000, "0" * 5000 + "1g",
    "1." + "1" * 5000, "1" * 20000 + "e" + "1" * 20000 + "x", "1e400", "-1e400",
])
def test_numbers_of_thousands_of_digits(name: str, value: str) -> None:
    keys = ("taskmanager.memory.process.size", "taskmanager.memory.managed.fraction",
            "taskmanager.cpu.cores", "taskmanager.numberOfTaskSlots", "heartbeat.timeout",
            "taskmanager.memory.jvm-overhead.min")
    for key in keys:
        body = f"{key}: '{value}'\n" if name == "deploy.yaml" else f"{key}: {value}\n"
        _findings(_framed(name, MEMORY + body.encode()), name)


def test_huge_yaml_integers() -> None:
    found = _findings(b"taskmanager.x: " + b"1" * 5000 + b"\n", "config.yaml")
    _limit(found, "an integer of 5,000 digits")
    data = MANIFEST.replace(b"  flinkConfiguration:\n", b"  taskManager:\n    resource:\n"
                            b"      memory: " + b"1" * 5000 + b"\n")
    _limit(_findings(data, "deploy.yaml"), "an integer of 5,000 digits")


@pytest.mark.parametrize("name", KINDS)
@pytest.mark.parametrize("junk", [
    b"\x00" * 10_000, bytes(range(256)) * 40, b"\r" * 100_000, b"\t" * 100_000,
    b":" * 100_000, b"#" * 100_000, b"'" * 100_000, b'"' * 100_000, b"- " * 50_000,
    b"? " * 50_000, b"&a " * 30_000, b"!" * 100_000, b"\\" * 100_000, os.urandom(0),
])
def test_runs_of_special_characters(name: str, junk: bytes) -> None:
    _findings(_framed(name, MEMORY + b"taskmanager.x: " + junk + b"\n"), name)


def test_every_report_format_on_2mb_lines() -> None:
    # the fingerprints of SARIF and GitLab backtracked for hours over a line of blanks, and
    # the full format laid out every character of a line for every finding on it
    from flinklint.report import FORMATS, ReportInput, render
    from flinklint.rules import registry

    data = (b"a" + b" " * 2_000_000 + b"b\n" + b"taskmanager.memory.proces.size:1g #"
            + b" " * 2_000_000 + b"#\n")
    found = _findings(data, "flink-conf.yaml")
    assert {"FL004", "FL005"} <= {f.code for f in found}
    [config] = load_bytes(data, "flink-conf.yaml") or []
    report = ReportInput(findings=found, rules=registry(), files_checked=1,
                         sources={"flink-conf.yaml": config.text}, root=Path.cwd())
    with time_limit(SECONDS):
        for fmt in FORMATS:
            render(fmt, report, color=True)
    full = render("full", report).splitlines()
    assert max(len(line) for line in full if " | " in line) < 1000
