"""flink-conf.yaml to config.yaml: exact output for each kind of line, value and key."""

from __future__ import annotations

import pytest
from migrate_support import legacy, legacy_values, standard, yaml_values

from flinklint.migration import Settings, migrate
from flinklint.versions import parse_version

V120 = Settings(parse_version("1.20"))
V23 = Settings(parse_version("2.3"))

# legacy text -> config.yaml for Flink 1.20 (no renames), flat
FLAT = [
    # comments, blank lines and order stay byte for byte
    ("# head: 'x' & *y\n\n  # indented\nb: 2   # trail: 'z' #\na: 1\n",
     "# head: 'x' & *y\n\n  # indented\nb: 2   # trail: 'z' #\na: 1\n"),
    # line endings stay as they were, also mixed, also without a final one
    ("a: 1\r\n# c\r\n\r\nb: 2\r\n", "a: 1\r\n# c\r\n\r\nb: 2\r\n"),
    ("a: 1\rb: 2\r", "a: 1\rb: 2\r"),
    ("a: 1\r\nb: 2\nc: 3", "a: 1\r\nb: 2\nc: 3"),
    ("", ""),
    # indentation meant nothing to the legacy parser: gone; spacing around the value kept
    ("   a: 1\n\tb: 2\n", "a: 1\nb: 2\n"),
    ("a   :   1\n", "a   :   1\n"),
    ("a: \t1\n", "a: 1\n"),
    # blank lines keep their spaces only; a tab before a comment cannot stay in YAML
    ("  \n\t\n\x0b\n\t# c\na: 1\t# d\n", "  \n\n\n# c\na: 1 # d\n"),
    # an empty line after a lone '\r' would merge with it into one '\r\n'
    ("a\r\t\nb: 1\n", "# flinklint: dropped by Flink's legacy parser: a\r \nb: 1\n"),
    # a line kept as a comment keeps its own comment whole
    ("a: 1 # c \x01\na: 2\n", "# flinklint: superseded by line 2: a: 1 # c \\u0001\na: 2\n"),
    # a '#' cut the value: the rest is a comment, now with the space YAML needs
    ("a: x#y\n", "a: x #y\n"),
    # list and map options in YAML syntax
    ("pipeline.jars: a.jar;'b;c.jar';'d,e'\n", "pipeline.jars: [a.jar, b;c.jar, 'd,e']\n"),
    ("yarn.ship-files: a;;b;\n", "yarn.ship-files: [a, '', b]\n"),
    ("pipeline.global-job-parameters: k:v,n:70,h:0x10\n",
     "pipeline.global-job-parameters: {k: v, n: 70, h: '0x10'}\n"),
    ("kubernetes.jobmanager.tolerations: key:a,effect:NoSchedule;key:b\n",
     "kubernetes.jobmanager.tolerations: [{key: a, effect: NoSchedule}, {key: b}]\n"),
    # a map with keys below it, and an empty map: one quoted string of YAML
    ("kubernetes.secrets: a:/x\nkubernetes.secrets.b: y\n",
     "kubernetes.secrets: '{a: /x}'\nkubernetes.secrets.b: y\n"),
    ("kubernetes.jobmanager.node-selector: ,\n", "kubernetes.jobmanager.node-selector: '{}'\n"),
    # a value Flink cannot split stays the string it was
    ("pipeline.jars: 'a'b\n", "pipeline.jars: '''a''b'\n"),
    ("kubernetes.jobmanager.labels: a:1,a:2\n", "kubernetes.jobmanager.labels: a:1,a:2\n"),
    # not a list option: no conversion
    ("io.tmp.dirs: /a;/b\n", "io.tmp.dirs: /a;/b\n"),
    # quoting: YAML would type it, read a structure, or fail
    ("k: 0x10\nk2: 1_000\nk3: null\nk4: ~\nk5: TRUE\nk6: true\nk7: 010\nk8: 1e3\n",
     "k: '0x10'\nk2: 1_000\nk3: 'null'\nk4: '~'\nk5: 'TRUE'\nk6: true\nk7: '010'\nk8: '1e3'\n"),
    ("k: *a\nk2: &a\nk3: !x\nk4: {a}\nk5: [a]\nk6: %x\nk7: @x\nk8: `x\nk9: |\nk10: >\n",
     "k: '*a'\nk2: '&a'\nk3: '!x'\nk4: '{a}'\nk5: '[a]'\nk6: '%x'\nk7: '@x'\nk8: '`x'\n"
     "k9: '|'\nk10: '>'\n"),
    ("k: 'x'\nk2: \"y\"\nk3: a: b\nk4: - a\nk5: -Xmx1g\nk6: it's\n",
     "k: '''x'''\nk2: '\"y\"'\nk3: 'a: b'\nk4: '- a'\nk5: -Xmx1g\nk6: it's\n"),
    ("k: a\tb\nk2: a\u2028b\nk3: a\x01b\n", 'k: "a\\tb"\nk2: "a\\Lb"\nk3: "a\\x01b"\n'),
    # numbers stay plain where every reader gets the same: floats, ints in range
    ("parallelism.default: 4\ntaskmanager.memory.managed.fraction: 0.4\n",
     "parallelism.default: 4\ntaskmanager.memory.managed.fraction: 0.4\n"),
    ("parallelism.default: 2147483648\nmy.key: 2147483648\nmy.f: 1.50\n",
     "parallelism.default: '2147483648'\nmy.key: 2147483648\nmy.f: '1.50'\n"),
    # keys YAML would read as something else than the string
    ("1: a\ntrue: b\n<<: c\n[x]: d\n'q': e\na:b: f\n",
     "'1': a\n'true': b\n'<<': c\n'[x]': d\n'''q''': e\na:b: f\n"),
    # earlier lines of a key, and lines Flink drops, stay as comments
    ("a: 1  # one\na: 2\n", "# flinklint: superseded by line 2: a: 1  # one\na: 2\n"),
    ("a:1\nb:\n: c\n- d\n---\n",
     "# flinklint: dropped by Flink's legacy parser: a:1\n"
     "# flinklint: dropped by Flink's legacy parser: b:\n"
     "# flinklint: dropped by Flink's legacy parser: : c\n"
     "# flinklint: dropped by Flink's legacy parser: - d\n"
     "# flinklint: dropped by Flink's legacy parser: ---\n"),
    ("taskmanager:\n  memory.size: 1g\n",
     "# flinklint: dropped by Flink's legacy parser: taskmanager:\nmemory.size: 1g\n"),
    # characters a YAML comment cannot hold
    ("# a\u2028b \x01\n", "# a\\u2028b \\u0001\n"),
    # the byte-order mark Flink took as part of the first key is gone
    ("\ufeffa: 1\n", "a: 1\n"),
    ("\ufeffa: 1\na: 2\n", "# flinklint: superseded by line 2: a: 1\na: 2\n"),
]


@pytest.mark.parametrize(("source", "expected"), FLAT, ids=range(len(FLAT)))
def test_flat(source: str, expected: str) -> None:
    assert migrate(source, V120).text == expected


@pytest.mark.parametrize(("source", "expected"), FLAT, ids=range(len(FLAT)))
def test_flat_output_gives_flink_the_same_values(source: str, expected: str) -> None:
    before = legacy_values({k.lstrip("\ufeff"): v for k, v in legacy(source).effective.items()})
    after = standard(expected)
    assert after.lintable and not after.findings
    assert yaml_values(after.effective, before) == before


# legacy text -> config.yaml for Flink 2.3 (renames on)
RENAMES = [
    ("state.backend: rocksdb\n", V23, "state.backend.type: rocksdb\n"),
    ("state.backend: rocksdb\n", V120, "state.backend: rocksdb\n"),
    ("state.backend: rocksdb\n", Settings(parse_version("1.20"), rename=True),
     "state.backend.type: rocksdb\n"),
    ("state.backend: rocksdb\n", Settings(rename=False), "state.backend: rocksdb\n"),
    # the key under its new name wins in Flink whatever the order
    ("state.backend.type: hashmap\nstate.backend: rocksdb\n", V23,
     "state.backend.type: hashmap\n"
     "# flinklint: ignored, 'state.backend.type' (line 1) wins: state.backend: rocksdb\n"),
    # removed without a plain replacement: a comment
    ("jobmanager.web.ssl.enabled: true\n", V23,
     "# flinklint: not read by Flink 2.3 (last read by 1.20): jobmanager.web.ssl.enabled: true\n"),
    ("jobmanager.web.ssl.enabled: true\n", V120, "jobmanager.web.ssl.enabled: true\n"),
    ("cluster.evenly-spread-out-slots: true\n", V23,
     "# flinklint: not read by Flink 2.3 (last read by 1.20): "
     "cluster.evenly-spread-out-slots: true\n"),
    # the legacy heap keys: under the option Flink 1.x mapped them to
    ("taskmanager.heap.size: 1g  # heap\n", V23, "taskmanager.memory.flink.size: 1g  # heap\n"),
    ("taskmanager.heap.size: 1g\n", Settings(heap="containerized"),
     "taskmanager.memory.process.size: 1g\n"),
    ("jobmanager.heap.mb: 1024\n", V23, "jobmanager.memory.heap.size: 1024m\n"),
    ("taskmanager.heap.mb: 512\ntaskmanager.heap.size: 1g\n", V23,
     "# flinklint: ignored, 'taskmanager.heap.size' (line 2) wins: taskmanager.heap.mb: 512\n"
     "taskmanager.memory.flink.size: 1g\n"),
    ("taskmanager.heap.size: 1g\ntaskmanager.memory.flink.size: 2g\n", V23,
     "# flinklint: ignored, 'taskmanager.memory.flink.size' (line 2) wins: "
     "taskmanager.heap.size: 1g\ntaskmanager.memory.flink.size: 2g\n"),
    ("jobmanager.heap.mb: lots\n", V23,
     "# flinklint: not read by Flink 2.x, and not a number Flink 1.x read: "
     "jobmanager.heap.mb: lots\n"),
    ("taskmanager.heap.size: 1g\n", Settings(rename=False),
     "# flinklint: not read by Flink 2.x; use 'taskmanager.memory.flink.size': "
     "taskmanager.heap.size: 1g\n"),
    ("taskmanager.heap.size: 1g\n", V120, "taskmanager.heap.size: 1g\n"),
]


@pytest.mark.parametrize(("source", "settings", "expected"), RENAMES, ids=range(len(RENAMES)))
def test_renames(source: str, settings: Settings, expected: str) -> None:
    assert migrate(source, settings).text == expected


def test_notes_name_the_lines() -> None:
    source = "a: 1\nstate.backend: rocksdb\na: 2\nb:c\njobmanager.web.ssl.enabled: true\n"
    notes = migrate(source, V23).notes
    assert [n.line for n in notes] == [1, 2, 4, 5]
    assert "line 3" in notes[0].message and "'state.backend.type'" in notes[1].message


NESTED = [
    ("a.b.c: 1\na.b.d: 2\na.e: 3\n", "a:\n  b:\n    c: 1\n    d: 2\n  e: 3\n"),
    # a key joining a group opened earlier moves there with the comments right above it
    ("jm.x: 1\n\n# about tm\ntm.y: 2\n# about jm.z\njm.z: 3  # trailing\n",
     "jm:\n  x: 1\n  # about jm.z\n  z: 3  # trailing\n\ntm:\n  # about tm\n  y: 2\n"),
    # a comment that stands apart stays where it was
    ("# head\n\na.b: 1\n\n# middle\n\nc.d: 2\n# tail\n",
     "# head\n\na:\n  b: 1\n\n# middle\n\nc:\n  d: 2\n# tail\n"),
    # a blank line between keys of one group stays inside it
    ("a.b: 1\n\na.c: 2\n", "a:\n  b: 1\n\n  c: 2\n"),
    # a key that is also the start of other keys: dotted from the collision down
    ("metrics.reporter.prom: on\nmetrics.reporter.prom.port: 9249\nmetrics.x: 1\n",
     "metrics:\n  reporter:\n    prom: on\n    prom.port: 9249\n  x: 1\n"),
    ("a: 1\na.b: 2\n", "a: 1\na.b: 2\n"),
    ("a..b: 1\n.c: 2\nd.: 3\n", "a..b: 1\n.c: 2\nd.: 3\n"),
    # parts are quoted as keys on their own
    ("x.1.true: a\n", "x:\n  '1':\n    'true': a\n"),
    # dropped and superseded lines are comments like any other
    ("a.b: 1\na.b: 2\nc:d\n",
     "a:\n  # flinklint: superseded by line 2: a.b: 1\n  b: 2\n"
     "# flinklint: dropped by Flink's legacy parser: c:d\n"),
    ("a.b: 1\r\na.c: 2\r\n", "a:\r\n  b: 1\r\n  c: 2\r\n"),
    ("a.b: 1", "a:\n  b: 1"),
]


@pytest.mark.parametrize(("source", "expected"), NESTED, ids=range(len(NESTED)))
def test_nested(source: str, expected: str) -> None:
    assert migrate(source, Settings(parse_version("1.20"), nested=True)).text == expected
    flat = standard(migrate(source, V120).text).effective
    assert dict(standard(expected).effective) == dict(flat)


def test_every_comment_survives_nesting() -> None:
    source = "# 1\na.b: 1 # 2\n# 3\nc.d: 2\n\n# 4\na.c: 3\n# 5\n"
    text = migrate(source, Settings(nested=True)).text
    assert text == "a:\n  # 1\n  b: 1 # 2\n  # 4\n  c: 3\nc:\n  # 3\n  d: 2\n\n# 5\n"
