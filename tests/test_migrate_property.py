"""Property: for any legacy file, the config.yaml migrate writes gives Flink the same values.

Generated files mix real option keys of every type, keys and values made of YAML's special
characters, comments, blank lines, lines Flink drops and the three line endings. flinklint's
YAML reader (which mirrors Flink's, see test_loader_golden) must read the written file without
a problem and get exactly the legacy reader's values, lists and maps compared as Flink reads
them; and every comment must still be there.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from migrate_support import YAML_ERRORS, legacy, legacy_values, standard, yaml_values

from flinklint.loader.text import java_lines
from flinklint.migration import Settings, migrate
from flinklint.migration.source import comment_text
from flinklint.versions import parse_version

KEYS = st.sampled_from([
    "pipeline.jars", "pipeline.global-job-parameters", "kubernetes.jobmanager.tolerations",
    "metrics.job.status.enable", "parallelism.default", "taskmanager.memory.managed.fraction",
    "taskmanager.memory.process.size", "execution.checkpointing.interval", "web.submit.enable",
    "kubernetes.secrets", "kubernetes.secrets.x", "a", "a.b", "a.b.c", "metrics.reporter.p",
    "metrics.reporter.p.port", "1", "true", "null", "<<", "- a", "[a]", "'q'", "&a", "a b",
    "?x", "a:", "x..y", "state.backend", "taskmanager.heap.size", "taskmanager.heap.mb",
])
SPECIAL = "ab:;,'\"[]{}#&*!|>%@`-?~. \t01eExX\u2028\x85\xa0é\x01"
ATOMS = st.sampled_from([
    "0x10", "1_000", "true", "TRUE", "null", "~", "010", "1e3", ".inf", "0.4", "1.0", "-0",
    "+1", "[a]", "{a: b}", "*x", "&x", "!x", "%x", "@x", "|", ">", "'x'", '"x"', "a: b", "-",
    "- a", ":a", "a:", "---", "a;b", "a:1,b:2", "'a;b';c", "k:v;k2:v2", "2147483648",
    "3.4028236e38", "16777217", "<<", "1g", ";", ",", "a:b:c", "'a':'b:c'", "a #b",
])
TEXT = st.text(SPECIAL, min_size=1, max_size=10)
VALUES = st.one_of(ATOMS, TEXT, st.tuples(ATOMS, st.sampled_from(";,: "), ATOMS).map("".join))
ENTRY = st.tuples(
    st.sampled_from(["", "  ", "\t"]), st.one_of(KEYS, TEXT),
    st.sampled_from([": ", " : ", ":  ", ": \t"]), VALUES,
    st.sampled_from(["", " # c", "#c", "  # c: 'd' #", " # \u2028 \x01"]),
).map("".join)
LINE = st.one_of(
    ENTRY, ENTRY, ENTRY, TEXT, st.sampled_from(["", " ", "\t", "# c", "  # d", "\t# e", "#"]),
)
FILES = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\r\n", "\r"])), max_size=14).map(
    lambda lines: "".join(a + b for a, b in lines))
V120 = parse_version("1.20")


def _check(source: str, written: str) -> None:
    expected = legacy_values(legacy(source).effective)
    config = standard(written)
    assert config.lintable
    assert not [f.code for f in config.findings if f.code in YAML_ERRORS]
    assert yaml_values(config.effective, expected) == expected


def _comments(source: str) -> list[str]:
    found = []
    for start, end in java_lines(source):
        cut = source.find("#", start, end)
        if cut >= 0:
            found.append(comment_text(source[cut:end]))
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FILES)
def test_flat_gives_flink_the_same_values(source: str) -> None:
    written = migrate(source, Settings(V120)).text
    _check(source, written)
    assert len(java_lines(written)) == len(java_lines(source))
    rest = written
    for comment in _comments(source):  # in order, each once
        assert comment in rest
        rest = rest[rest.index(comment) + len(comment):]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FILES)
def test_nested_gives_flink_the_same_values(source: str) -> None:
    written = migrate(source, Settings(V120, nested=True)).text
    _check(source, written)
    for comment in _comments(source):
        assert comment in written


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FILES, st.booleans())
def test_renamed_output_is_a_config_flink_loads(source: str, nested: bool) -> None:
    config = standard(migrate(source, Settings(nested=nested)).text)
    assert config.lintable
    assert not [f.code for f in config.findings if f.code in YAML_ERRORS]
