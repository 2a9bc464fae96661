"""The launcher rules (FL330, FL331) and FL008's hands-off for ``env.java.opts*``.

Every verdict here follows what the real start scripts did in ``tests/golden/launch/`` (case ids
in the comments: ``<version>/<file>/<case>``); ``test_verdicts_follow_the_goldens`` checks FL330
against every golden case, so the rule cannot drift from the scripts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flinklint.edits import apply_edits
from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.findings import Applicability, Finding
from flinklint.launch.options import stray_word
from flinklint.loader import load_bytes
from flinklint.rules.index import lint_rules
from flinklint.versions import SUPPORTED, default_for, parse_version

MEM = "jobmanager.memory.process.size: 1600m\ntaskmanager.memory.process.size: 1728m\n"
GOLDEN = Path(__file__).parent / "golden" / "launch"
LEGACY_VERSIONS = [str(v) for v in SUPPORTED if v.reads_legacy_file]
YAML_VERSIONS = [str(v) for v in SUPPORTED if v.reads_yaml_file]


def findings(text: str, codes: tuple[str, ...], file: str, version: str) -> list[Finding]:
    target = parse_version(version)
    configs = load_bytes(text.encode(), file, version=target)
    assert configs
    out: list[Finding] = []
    for config in configs:
        found = lint(config, target, Selection(select=codes), rules=lint_rules())
        out += [f for f in found if f.code in codes]
    return out


def positions(text: str, code: str, file: str, version: str) -> list[tuple[int, int]]:
    return [(f.span.line, f.span.column) for f in findings(text, (code,), file, version)]


BRIEF = 'env.java.opts: "-Djava.class.path=/opt/flink/lib/*"\n'


@pytest.mark.parametrize("version", LEGACY_VERSIONS)
def test_quoted_java_opts_in_flink_conf(version: str) -> None:
    # */flink-conf.yaml/opts-dq-one: harmless up to 1.18, every option dropped in 1.19 and 1.20
    expected = [(3, 16)] if version in ("1.19", "1.20") else []
    assert positions(MEM + BRIEF, "FL330", "flink-conf.yaml", version) == expected
    assert positions(MEM + BRIEF, "FL008", "flink-conf.yaml", version) == []


@pytest.mark.parametrize("version", YAML_VERSIONS)
def test_quoted_java_opts_in_config_yaml_are_yaml_quotes(version: str) -> None:
    assert positions(MEM + BRIEF, "FL330", "config.yaml", version) == []


def test_fl008_still_reports_other_quoted_values() -> None:
    text = MEM + 'rest.address: "host"\nenv.java.opts.all: "-Da=1"\n'
    assert positions(text, "FL008", "flink-conf.yaml", "1.18") == [(3, 15)]


CASES = [
    # (text after MEM, file, version, expected FL330 positions)
    ('env.java.opts.all: -Dfoo="a b"\n', "flink-conf.yaml", "1.18", [(3, 20)]),  # dq-end
    ('env.java.opts.all: -Dfoo="a b" -Dx=y\n', "flink-conf.yaml", "1.18", [(3, 20)]),  # stray b
    ("env.java.opts.all: -Dfoo='a b' -Dx=y\n", "config.yaml", "2.3", [(3, 20)]),  # sq-inner
    ("env.java.opts.all: '-Dfoo=bar -Dx=y'\n", "flink-conf.yaml", "1.20", []),  # sq: eval
    ('env.java.opts.all: -Dfoo=bar -Dx=y"\n', "flink-conf.yaml", "1.20", []),  # trail-only
    ('env.java.opts.all: "-Dfoo=bar -Dx=y\n', "flink-conf.yaml", "1.18", []),  # lead-only
    ('env.java.opts.all: "-Dfoo=bar -Dx=y\n', "flink-conf.yaml", "1.19", [(3, 20)]),
    ("env.java.opts.all: -Dfoo=it's -Dx=y\n", "flink-conf.yaml", "1.16", []),  # not read
    ("env.java.opts.all: -Dfoo=it's -Dx=y\n", "flink-conf.yaml", "1.17", [(3, 20)]),
    ("env.java.opts.all: '\"-Dfoo=bar -Dx=y\"'\n", "config.yaml", "2.0", [(3, 20)]),  # migrated
    ("env.java.opts.all: -Da=1\t-Db=2\n", "config.yaml", "1.19", [(3, 20)]),  # tabs: re-quoted
    ("env.java.opts.all: -Da=1\t-Db=2\n", "flink-conf.yaml", "1.19", []),
    # the two quotes of 1.19's regression cancel out for the TaskManager, not for the JobManager
    ('env.java.opts.all: "-Dfoo=bar -Dx=y"\nenv.java.opts.taskmanager: "-Dtm=1"\n',
     "flink-conf.yaml", "1.20", [(3, 20)]),
    # */default-all: the strip now removes the default's first character and the closing quote
    ('env.java.default-opts.all: -Ddef=1\nenv.java.opts.all: "-Dfoo=bar -Dx=y"\n',
     "flink-conf.yaml", "1.20", [(4, 20)]),
    ("env.java.opts.all: --add-opens java.base/java.lang=ALL-UNNAMED\n", "config.yaml", "2.3",
     []),
    ('env.java.opts.all: -XX:OnOutOfMemoryError="kill -9 %p"\n', "config.yaml", "2.3",
     [(3, 20)]),
    # the environment decides what a variable expands to
    ("env.java.opts.all: $EXTRA_OPTS -Dx=1\n", "config.yaml", "2.3", []),
    ('env.java.opts.all: -Dgc=${FLINK_LOG_PREFIX}.gc "-Da=1\n', "config.yaml", "2.3", [(3, 20)]),
]


@pytest.mark.parametrize(("text", "file", "version", "expected"), CASES)
def test_fl330(text: str, file: str, version: str, expected: list[tuple[int, int]]) -> None:
    assert positions(MEM + text, "FL330", file, version) == expected


def test_fl330_message_names_the_processes_and_the_regression() -> None:
    [finding] = findings(MEM + BRIEF, ("FL330",), "flink-conf.yaml", "1.19")
    assert "the TaskManager and the JobManager start without any option" in finding.message
    assert "from 1.19 on the scripts remove only the closing" in finding.message
    text = MEM + 'env.java.opts.all: -Dfoo="a b" -Dx=y\n'
    [finding] = findings(text, ("FL330",), "flink-conf.yaml", "1.18")
    assert finding.message.startswith("'b' reaches the JVM of the TaskManager and the JobManager")


def test_fl330_message_for_a_quoted_default_names_the_closing_quote() -> None:
    # 1.20/flink-conf.yaml/default-jm-only: only the JobManager loses its options
    text = MEM + 'env.java.default-opts.jobmanager: "-Ddef=1 -Dx=2"\n'
    [finding] = findings(text, ("FL330",), "flink-conf.yaml", "1.20")
    assert "so the JobManager starts without any option" in finding.message
    assert "remove only the opening '\"' of a default-opts value" in finding.message
    assert findings(text, ("FL330",), "flink-conf.yaml", "1.18") == []  # not read before 1.19


def test_fl330_fix_removes_the_quotes() -> None:
    [finding] = findings(MEM + BRIEF, ("FL330",), "flink-conf.yaml", "1.20")
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    fixed = apply_edits(MEM + BRIEF, finding.fix.edits)
    assert fixed == MEM + "env.java.opts: -Djava.class.path=/opt/flink/lib/*\n"
    assert findings(fixed, ("FL330",), "flink-conf.yaml", "1.20") == []
    text = MEM + 'env.java.opts.all: "-Dfoo=\\"a\\""\n'
    assert all(f.fix is None for f in findings(text, ("FL330",), "flink-conf.yaml", "1.20"))


def _golden_cases() -> list[tuple[str, str, str, bool]]:
    out = []
    for path in sorted(GOLDEN.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        minor = ".".join(data["flink_version"].split(".")[:2])
        for case in data["cases"]:
            text = "".join(f"{k}: {v}\n" for k, v in case["entries"])
            runs = [case[p] for p in ("taskmanager", "jobmanager") if case[p]["started"]]
            if not runs:
                continue
            hurt = any(
                any("eval:" in e for e in r["shell_errors"])
                or stray_word(tuple(r["jvm_options"])) is not None
                for r in runs
            )  # fmt: skip
            out.append((minor, case["file"], text, hurt))
    return out


@pytest.mark.parametrize(("version", "file", "text", "hurt"), _golden_cases())
def test_verdicts_follow_the_goldens(version: str, file: str, text: str, hurt: bool) -> None:
    """FL330 fires exactly where the real scripts dropped the options or passed a stray word."""
    assert bool(findings(text, ("FL330",), file, version)) == hurt


# FL331: memory flags among the options
def test_fl331_names_component_and_flink_value() -> None:
    text = MEM + "env.java.opts.taskmanager: -XX:+UseG1GC -Xmx2g\n"
    [finding] = findings(text, ("FL331",), "flink-conf.yaml", "1.20")
    assert (finding.span.line, finding.span.column, finding.span.end_column) == (3, 41, 46)
    assert "JVM heap Flink computed for the TaskManager (512mb (536870902 bytes)" in finding.message
    assert "passed as -Xmx536870902" in finding.message


def test_fl331_all_processes_and_families() -> None:
    # */all-mem-all: -Xms1g -XX:MaxDirectMemorySize=512m -XX:MaxMetaspaceSize=300m -Xmx3g
    text = MEM + (
        "env.java.opts.all: -Xms1g -XX:MaxDirectMemorySize=512m -XX:MaxMetaspaceSize=300m -Xmx3g\n"
    )
    found = findings(text, ("FL331",), "config.yaml", "2.3")
    assert [(f.span.line, f.span.column) for f in found] == [(3, 20), (3, 27), (3, 56), (3, 82)]
    # the JobManager sets no direct memory limit by default: that flag names only the TaskManager
    assert ["and for the JobManager" in f.message for f in found] == [False, False, True, True]


def test_fl331_initial_heap_above_the_maximum_stops_the_jvm() -> None:
    text = MEM + "env.java.opts.taskmanager: -Xms1g\n"
    [finding] = findings(text, ("FL331",), "flink-conf.yaml", "1.20")
    assert ("the TaskManager's JVM does not even start: -Xms1g is larger than its maximum heap "
            "-Xmx536870902") in finding.message
    text = MEM + "env.java.opts.taskmanager: -Xms1g -Xmx2g\n"
    assert all("does not even start" not in f.message
               for f in findings(text, ("FL331",), "flink-conf.yaml", "1.20"))


CASES_331 = [
    ("env.java.opts.jobmanager: -Xmx1073741824\n", "1.20", []),  # Flink's own JobManager heap
    ("env.java.opts.all: -Xmx1073741824\n", "1.20", [(3, 20)]),  # not the TaskManager's
    ("env.java.opts.jobmanager: -XX:MaxHeapSize=2g\n", "1.20", [(3, 27)]),
    ("env.java.opts.all: -Xmx2gb\n", "1.20", []),  # not a HotSpot size
    ('env.java.opts.all: "-Xmx2g -Dx=y"\n', "1.20", []),  # 1.20 drops every option (FL330)
    ('env.java.opts.all: "-Xmx2g -Dx=y"\n', "1.18", [(3, 21)]),
    ("env.java.opts: -Xmx2g\n", "1.15", [(3, 16)]),
    ("env.java.opts.all: -Xmx2g\n", "1.16", []),  # 1.16 does not read .all
]


@pytest.mark.parametrize(("text", "version", "expected"), CASES_331)
def test_fl331(text: str, version: str, expected: list[tuple[int, int]]) -> None:
    assert positions(MEM + text, "FL331", "flink-conf.yaml", version) == expected


def test_default_version_of_a_legacy_file_is_1_20() -> None:
    assert str(default_for(load_bytes(BRIEF.encode(), "flink-conf.yaml")[0].kind)) == "1.20"


# FL332: shell code in the options
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("env.java.opts.all: -Dhost=$(hostname -f)\n", [(3, 20)]),
        ('env.java.opts.taskmanager: "-Da=1; -Db=2"\n', [(3, 28)]),
        ("env.java.opts.all: -Dgc=${FLINK_LOG_PREFIX}.gc -Dh=$HOSTNAME\n", []),
        ("env.java.opts.all: '-Dx=a;b' -Dy=\"a|b\"\n", []),  # quoted: no operator
        ("env.java.opts.all: -Dx=`id`\n", [(3, 20)]),
    ],
)
def test_fl332(text: str, expected: list[tuple[int, int]]) -> None:
    assert positions(MEM + text, "FL332", "config.yaml", "2.3") == expected
    assert positions(MEM + text, "FL330", "config.yaml", "2.3") == []
