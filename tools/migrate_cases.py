"""Generated flink-conf.yaml files for the migrate goldens: hostile keys, values and lines.

Each file comes from its own seed, so a file can be regenerated alone. The mix: real option
keys of every value type (lists, maps, numbers, booleans, sizes), keys YAML would misread,
values made of YAML's special characters, comments, blank lines, lines Flink drops, and all
three line endings.
"""

from __future__ import annotations

import random

KEYS = (
    "pipeline.jars", "pipeline.global-job-parameters", "kubernetes.jobmanager.tolerations",
    "metrics.job.status.enable", "parallelism.default", "taskmanager.memory.managed.fraction",
    "taskmanager.memory.process.size", "execution.checkpointing.interval", "state.backend.type",
    "web.submit.enable", "yarn.ship-files", "kubernetes.jobmanager.annotations", "x.y", "a",
    "a.b", "a.b.c", "metrics.reporter.prom", "metrics.reporter.prom.port",
    "pipeline.global-job-parameters.x", "1", "true", "null", "<<", "- a", "[a]", "'q'", "&a",
    "a b", "?x", "a:",
)  # fmt: skip
ATOMS = (
    "0x10", "1_000", "true", "TRUE", "True", "null", "~", "010", "1e3", ".inf", ".nan", "0.4",
    "1.0", "-0", "+1", "0o17", "[a]", "{a: b}", "*x", "&x", "!x", "%x", "@x", "`x", "|", ">",
    "'x'", '"x"', "a: b", "-", "- a", "? a", ":a", "a:", "---", "...", "a;b", "a:1,b:2",
    "'a;b';c", "k:v;k2:v2", "a,b", "2147483648", "9223372036854775808", "1.5E10", "0.1",
    "3.4028236e38", "16777217", "<<", "a\tb", "\u2028x", "\xa0", "x\x01", "é", "😀", "a'b",
    "''", '""', "1g", "1728m", "10 s", ";", ";;", ",", ":", "a:b:c", "'a':'b:c'", "a #b",
)  # fmt: skip
ALPHABET = [*"ab:;,'\"[]{}#&*!|>%@`-?~. \t01eExX", "\u2028", "\x85", "é"]
COMMENTS = ("", "", " # c", "#c", "  # c: d 'x'", " # \u2028 \x01")


def _value(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(ATOMS)
    if roll < 0.7:
        return rng.choice(ATOMS) + rng.choice([";", ",", ":", " ", ""]) + rng.choice(ATOMS)
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8)))


def _line(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.6:
        key = rng.choice(KEYS) if rng.random() < 0.8 else "".join(
            rng.choice(ALPHABET) for _ in range(rng.randint(1, 6)))
        separator = rng.choice([": ", " : ", ":  ", ":\t "])
        return rng.choice(["", "  ", "\t"]) + key + separator + _value(rng) + rng.choice(COMMENTS)
    if roll < 0.7:
        return rng.choice(["", " ", "\t", "\x0b"])
    if roll < 0.8:
        return rng.choice(["# comment", "  # indented", "#", "\t# tab"])
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 10)))


def generate(seed: int) -> str:
    """One legacy file."""
    rng = random.Random(seed)
    lines = [_line(rng) + rng.choice(["\n", "\n", "\r\n", "\r"]) for _ in range(rng.randint(1, 14))]
    text = "".join(lines)
    return text.rstrip("\r\n") if rng.random() < 0.2 else text
