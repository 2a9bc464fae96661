"""``eval echo`` as bash 5 does it, the scripts' quote strip, and the YAML text the scripts read.

Expected values were taken from bash (``X=…; X=$(eval echo ${X}); printf '%s\\n' ${X}``) and
from the flattened configuration Flink 2.3's ``BashJavaUtils`` printed (``tests/golden/launch``).
"""

from __future__ import annotations

import pytest

from flinklint.launch.flags import last_flags, parse_size
from flinklint.launch.scripts import strip
from flinklint.launch.shell import eval_echo
from flinklint.loader.yaml_dump import root_scalar

EOF_DQ = "unexpected EOF while looking for matching `\"'"
EOF_SQ = "unexpected EOF while looking for matching `''"

EVAL = [
    ("-Dfoo=bar -Dx=y", ("-Dfoo=bar", "-Dx=y"), None),
    ('"-Dfoo=bar -Dx=y"', ("-Dfoo=bar", "-Dx=y"), None),
    ("'-Dfoo=bar -Dx=y'", ("-Dfoo=bar", "-Dx=y"), None),
    ('-Dfoo="a b" -Dx=y', ("-Dfoo=a", "b", "-Dx=y"), None),
    ('-Dfoo="a b', (), EOF_DQ),
    ("-Dfoo=it's", (), EOF_SQ),
    ("-Dfoo=a\\ b", ("-Dfoo=a", "b"), None),
    ("-Da=1 # c", ("-Da=1",), None),
    ("-Dx=a#b", ("-Dx=a#b",), None),
    ("-Da=1\t-Db=2", ("-Da=1", "-Db=2"), None),
    ("-Dfoo=a\\b", ("-Dfoo=ab",), None),
    ('-Dfoo="a\\"b"', ('-Dfoo=a"b',), None),
    ("-Dx=$", ("-Dx=$",), None),
    ("-Dx='$HOME'", ("-Dx=$HOME",), None),
    ("b\\", ("b\\",), None),
    ('"" -Da', ("-Da",), None),
    ("-e -Da=a\\tb", ("-Da=atb",), None),  # echo's own option
    ("-Dx=${", (), "unexpected EOF while looking for matching `}'"),
    ("-Djava.class.path=/opt/flink/lib/*", ("-Djava.class.path=/opt/flink/lib/*",), None),
    ("", (), None),
]


@pytest.mark.parametrize(("text", "words", "error"), EVAL)
def test_eval_echo(text: str, words: tuple[str, ...], error: str | None) -> None:
    result = eval_echo(text)
    assert (result.words, result.error, result.unmodelled) == (words, error, None)


def test_variables_expand_and_split() -> None:
    env = {"FLINK_LOG_PREFIX": "/log/p", "TWO": "a b"}
    assert eval_echo("-Dgc=${FLINK_LOG_PREFIX}.gc", env).words == ("-Dgc=/log/p.gc",)
    assert eval_echo("-Dx=$TWO", env).words == ("-Dx=a", "b")
    assert eval_echo('-Dx="$TWO"', env).words == ("-Dx=a", "b")  # split again afterwards
    assert eval_echo("$UNSET -e -Da=1", env).words == ("-Da=1",)  # empty word vanishes
    kept = eval_echo("-Dgc=${FLINK_LOG_PREFIX}.gc")  # environment unknown: kept as written
    assert (kept.words, kept.variables) == (("-Dgc=${FLINK_LOG_PREFIX}.gc",), ("FLINK_LOG_PREFIX",))


@pytest.mark.parametrize(
    "text", ["-Da=$(id)", "-Da=`id`", "-Da=1; rm", "-Da=1 | x", "-Da={1,2}", "~/x", "-Da=${X:-y}",
             "-Da=$1"],
)
def test_shell_code_is_not_guessed(text: str) -> None:
    result = eval_echo(text)
    assert result.unmodelled is not None and result.words == ()


@pytest.mark.parametrize(
    ("text", "stripped"),
    [('"a b"', "a b"), ('"a', "a"), ('a"', "a"), ('""', ""), ('"', ""), ("'a'", "'a'"),
     ('""a""', '"a"')],
)
def test_strip_removes_one_double_quote_at_each_end(text: str, stripped: str) -> None:
    assert strip(text) == stripped


@pytest.mark.parametrize(
    ("value", "dumped"),
    [
        ("-Dfoo=bar -Dx=y", "-Dfoo=bar -Dx=y"),
        ('"-Dfoo=bar -Dx=y"', "'\"-Dfoo=bar -Dx=y\"'"),
        ("-Dx=a:", "'-Dx=a:'"),
        ("-Dfoo=it's", "-Dfoo=it's"),
        ("-Da=1\t-Db=2", '"-Da=1\\t-Db=2"'),
        ("-Dx=a#b -Dy=1", "-Dx=a#b -Dy=1"),
        ("a,b", "a,b"),
        ("2024", "'2024'"),
        ("true", "'true'"),
        ("x #y", "'x #y'"),
        ("-", "'-'"),
        ("- x", "'- x'"),
        ("? x", "'? x'"),
        (" lead", "' lead'"),
        ("[-Da, -Db]", "'[-Da, -Db]'"),
        ("", "''"),
    ],
)
def test_config_yaml_value_as_the_scripts_read_it(value: str, dumped: str) -> None:
    assert root_scalar(value) == dumped


def test_memory_flags() -> None:
    assert parse_size("2g") == 2 << 30 and parse_size("512M") == 512 << 20
    assert parse_size("2gb") is None and parse_size("1.5g") is None
    flags = last_flags(["-Xmx1g", "-XX:MaxHeapSize=3g", "-Xms1g", "-XX:+UseG1GC"])
    assert {k: f.text for k, f in flags.items()} == {
        "max-heap": "-XX:MaxHeapSize=3g", "initial-heap": "-Xms1g"}
