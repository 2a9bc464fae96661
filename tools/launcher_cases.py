"""The configurations ``make_launcher_goldens.py`` hands to Flink's real start scripts.

Every case is a list of ``(key, value text)`` lines written as ``key: value``. The same text is
written as ``flink-conf.yaml`` (1.15-1.20, read line by line, quotes are characters) and as
``config.yaml`` (1.19+, standard YAML, quotes are YAML's), so one case shows both readings.
Every case also carries the two memory sizes of the shipped default configuration, so the
TaskManager and JobManager memory resolution succeeds on every version.
"""

from __future__ import annotations

BASE = (
    ("jobmanager.memory.process.size", "1600m"),
    ("taskmanager.memory.process.size", "1728m"),
)

# value id -> value text as written after "key: "
VALUES: dict[str, str] = {
    "plain": "-Dfoo=bar -Dx=y",
    "dq": '"-Dfoo=bar -Dx=y"',
    "dq-one": '"-Djava.class.path=/opt/flink/lib/*"',
    "sq": "'-Dfoo=bar -Dx=y'",
    "dq-pair": '"-Dfoo=bar" "-Dx=y"',
    "dq-end": '-Dfoo="a b"',
    "dq-inner": '-Dfoo="a b" -Dx=y',
    "sq-inner": "-Dfoo='a b' -Dx=y",
    "dq-lead-only": '"-Dfoo=bar -Dx=y',
    "dq-trail-only": '-Dfoo=bar -Dx=y"',
    "sq-lone": "-Dfoo=it's -Dx=y",
    "backslash": "-Dfoo=a\\ b -Dx=y",
    "comment": "-Da=1 # c",
    "hash-word": "-Dx=a#b -Dy=1",
    "tabs": "-Da=1\t-Db=2",
    "log-prefix": "-Dgc=${FLINK_LOG_PREFIX}.gc",
    "yaml-sq-of-dq": "'\"-Dfoo=bar -Dx=y\"'",
    "yaml-colon-end": '"-Dx=a:"',
    "yaml-sq-inner": "\"-Dfoo=it's\"",
    "xmx": "-Xmx2g",
    "mem-all": "-Xms1g -XX:MaxDirectMemorySize=512m -XX:MaxMetaspaceSize=300m -Xmx3g",
    "xmx-dq": '"-Xmx2g -Dx=y"',
    "g1": "-XX:+UseG1GC",
}

QUOTE_VALUES = (
    "plain", "dq", "dq-one", "sq", "dq-pair", "dq-end", "dq-inner", "sq-inner", "dq-lead-only",
    "dq-trail-only", "sq-lone", "backslash", "comment", "hash-word", "tabs", "log-prefix",
    "yaml-sq-of-dq", "yaml-colon-end", "yaml-sq-inner",
)  # fmt: skip


def cases() -> list[tuple[str, list[tuple[str, str]]]]:
    """``(case id, lines)`` in a fixed order."""
    out: list[tuple[str, list[tuple[str, str]]]] = []

    def add(case_id: str, *lines: tuple[str, str]) -> None:
        out.append((case_id, [*BASE, *lines]))

    add("none")
    for vid in QUOTE_VALUES:
        add(f"all-{vid}", ("env.java.opts.all", VALUES[vid]))
    for vid in ("plain", "dq", "dq-one", "sq", "dq-end", "dq-lead-only", "yaml-sq-of-dq"):
        add(f"opts-{vid}", ("env.java.opts", VALUES[vid]))
    for vid in ("plain", "dq", "dq-one", "sq", "dq-end", "dq-inner", "dq-lead-only"):
        add(f"tm-{vid}", ("env.java.opts.taskmanager", VALUES[vid]))
        add(f"jm-{vid}", ("env.java.opts.jobmanager", VALUES[vid]))
    # combinations: the pieces are joined before quotes are stripped and before eval
    add("all-dq+tm-dq", ("env.java.opts.all", VALUES["dq"]),
        ("env.java.opts.taskmanager", '"-Dtm=1"'))  # fmt: skip
    add("all-dq+tm-plain", ("env.java.opts.all", VALUES["dq"]),
        ("env.java.opts.taskmanager", "-Dtm=1"))  # fmt: skip
    add("all-plain+tm-dq", ("env.java.opts.all", "-Dall=1"),
        ("env.java.opts.taskmanager", VALUES["dq"]))  # fmt: skip
    add("all-and-opts", ("env.java.opts", "-Dold=1"), ("env.java.opts.all", "-Dnew=1"))
    add("opts-and-empty-all", ("env.java.opts", "-Dold=1"), ("env.java.opts.all", ""))
    add("all-twice", ("env.java.opts.all", "-Dfirst=1"), ("env.java.opts.all", "-Dsecond=1"))
    add("default-all", ("env.java.default-opts.all", "-Ddef=1"),
        ("env.java.opts.all", VALUES["dq"]))  # fmt: skip
    add("default-tm", ("env.java.default-opts.taskmanager", "-Ddef=1"),
        ("env.java.opts.taskmanager", VALUES["dq"]))  # fmt: skip
    add("default-jm-only", ("env.java.default-opts.jobmanager", '"-Ddef=1 -Dx=2"'))
    # memory flags: the user's options come after Flink's own, and the JVM keeps the last
    for vid in ("xmx", "mem-all", "xmx-dq", "g1"):
        add(f"all-{vid}", ("env.java.opts.all", VALUES[vid]))
    add("tm-xmx", ("env.java.opts.taskmanager", VALUES["xmx"]))
    add("jm-xmx", ("env.java.opts.jobmanager", "-Xmx1g -XX:MaxMetaspaceSize=128m"))
    add("opts-xmx", ("env.java.opts", VALUES["xmx"]))
    return out
