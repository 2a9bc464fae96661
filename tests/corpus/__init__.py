"""Seeds, mutations and checks shared by the fuzz and hostile-input tests.

The seeds are the real configurations of this repository: ``examples/``, the reader goldens'
cases and the memory goldens' case texts, each with the file name it is linted under. The
mutations insert the characters that break parsers (``:``, ``#``, quotes, tabs, CR, NUL,
invalid UTF-8, YAML indicators, tags, template markers), delete and duplicate ranges and
truncate. Nothing here is collected as a test.

Example counts are fixed and the runs derandomized, so CI is reproducible and bounded; set
``FLINKLINT_FUZZ=long`` for a local run with :data:`LONG_FACTOR` times as many examples.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import time
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
LONG = os.environ.get("FLINKLINT_FUZZ") == "long"
LONG_FACTOR = 40
NAMES = ("flink-conf.yaml", "config.yaml", "deploy.yaml")
CANARY = "flinklint-canary"  # a file a constructed YAML object would create

PIECES = (
    b":", b": ", b"#", b" #", b"'", b'"', b"\t", b"\r", b"\r\n", b"\n", b"\x00", b" ", b"- ",
    b"[", b"]", b"{", b"}", b",", b"&a ", b"*a", b"!!", b"!!str ", b"!!int ", b"!!binary ",
    b"? ", b"<<: ", b"---\n", b"...\n", b"|\n", b">-\n", b"%YAML 1.1\n", b"\\", b"~",
    b"\xef\xbb\xbf", b"\xff", b"\xfe", b"\xe9", b"\xc3", b"\xe2\x80\xa8", b"\xc2\x85",
    b"{{ .Values.x }}", b"{% if x %}", b"1.5G", b"0x1F", b"-1", b"1e400", b"NaN", b".inf",
    b"99999999999999999999", b"yes", b"null", b"2Gi", b"# flinklint: disable=FL101",
    b"# flinklint: disable-file=ALL", b"!!python/object/apply:os.system ['touch "
    + CANARY.encode() + b"']", b"taskmanager.memory.process.size: ",
    b"jobmanager.memory.flink.size: 1g\n", b"taskmanager.memory.network.min: 2g\n",
)


def fuzz_settings(examples: int) -> settings:
    """Reproducible in CI (derandomized, ``examples``); many more examples when ``LONG``."""
    return settings(
        max_examples=examples * LONG_FACTOR if LONG else examples,
        derandomize=not LONG,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.filter_too_much],
    )


def name_for(case: str) -> str:
    """The file name a seed is linted under, from its own name."""
    if case.endswith("flink-conf.yaml"):
        return "flink-conf.yaml"
    if case.endswith("config.yaml"):
        return "config.yaml"
    return "deploy.yaml"


@cache
def seeds() -> tuple[tuple[str, bytes], ...]:
    """``(file name, bytes)`` of every real configuration in the repository, sorted."""
    found: set[tuple[str, bytes]] = set()
    for path in [*ROOT.glob("examples/*/*.yaml"), *ROOT.glob("tests/golden/reader/cases/*")]:
        found.add((name_for(path.name), path.read_bytes()))
    for version in ("1.20", "2.3"):
        data = json.loads((ROOT / f"tests/golden/memory/{version}.json").read_text("utf-8"))
        for case in data["cases"]:
            found.add((name_for(case["file"]), case["text"].encode("utf-8")))
    standard = sorted(text for name, text in found if name == "config.yaml")
    found.update(("deploy.yaml", manifest(text, i)) for i, text in enumerate(standard[::3]))
    return tuple(sorted(found))


def manifest(config: bytes, variant: int = 0) -> bytes:
    """A FlinkDeployment (every fourth one after another document) around ``config``."""
    body = b"".join(b"    " + line for line in config.splitlines(keepends=True))
    head = b"apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n---\n" if variant % 4 == 0 else b""
    return head + (
        b"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: x\n"
        b"spec:\n  flinkVersion: v1_" + (b"18" if variant % 2 else b"20") + b"\n"
        b"  jobManager:\n    resource:\n      memory: 2048m\n"
        b"  taskManager:\n    resource:\n      memory: 2Gi\n  flinkConfiguration:\n" + body)


@cache
def _by_name(name: str) -> tuple[tuple[str, bytes], ...]:
    return tuple(seed for seed in seeds() if seed[0] == name)


SEEDS = st.tuples(st.sampled_from(NAMES), st.integers(0, 10**9)).map(
    lambda pick: _by_name(pick[0])[pick[1] % len(_by_name(pick[0]))])


@st.composite
def mutated(draw: st.DrawFn, names: tuple[str, ...] = NAMES) -> tuple[str, bytes]:
    """A seed with one to six random edits, under its own name or another one."""
    name, seed = draw(SEEDS)
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.integers(0, 5))
        if action <= 2:
            data[at:at] = draw(st.sampled_from(PIECES))
        elif action == 3:
            del data[at:at + draw(st.integers(1, 8))]
        elif action == 4:
            data[at:at] = data[max(0, at - draw(st.integers(1, 40))):at]
        else:
            del data[at:]
    if draw(st.integers(0, 3)) == 0:
        name = draw(st.sampled_from(names))
    return name, bytes(data)


@st.composite
def generated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A flink-conf.yaml or config.yaml made of real keys and hostile values and lines."""
    keys = ("taskmanager.memory.process.size", "jobmanager.memory.process.size",
            "taskmanager.memory.network.max", "taskmanager.memory.managed.fraction",
            "taskmanager.numberOfTaskSlots", "taskmanager.network.memory.min",
            "taskmanager.heap.size", "state.backend", "heartbeat.timeout", "pipeline.jars",
            "taskmanager.memory.proces.size", "a.b", "taskmanager.memory.framework.heap.size")
    values = ("1g", "1024m", "2 gb", "'1g'", '"2g"', "0.4", "40%", "1g # c", "1g#c", "true",
              "[a, b]", "{a: b}", "a;b", "", "-1", "1e400", "0x10", "&a 1", "*a", "!!int 1")
    lines = draw(st.lists(st.one_of(
        st.tuples(st.sampled_from(keys), st.sampled_from([": ", ":", " : ", ":\t"]),
                  st.sampled_from(values), st.sampled_from(["", " # note", "  #x"]))
        .map("".join),
        st.sampled_from(["", "# comment", "  ", "taskmanager:", "  memory:", "    a: 1",
                         "- x", "---", "\ufeffa: 1", "\x00", "é: 1"]),
    ), max_size=12))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    name = draw(st.sampled_from(NAMES[:2]))
    return name, newline.join(lines).encode("utf-8") + draw(st.sampled_from([b"", b"\n"]))


ENCODINGS = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "latin-1", "cp1252")


@st.composite
def reencoded(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real configuration in another encoding (with and without byte-order marks)."""
    name, seed = draw(SEEDS)
    text = seed.decode("utf-8", "replace") + draw(st.sampled_from(["", "a.b: Zürich €\n"]))
    return name, text.encode(draw(st.sampled_from(ENCODINGS)), "replace")


def inputs() -> st.SearchStrategy[tuple[str, bytes]]:
    """Anything: random bytes under any name, mutated, re-encoded and generated configs."""
    return st.one_of(
        st.tuples(st.sampled_from(NAMES), st.binary(max_size=400)),
        mutated(), mutated(), reencoded(), generated(),
    )


class TookTooLong(Exception):
    """A step did not end within its time limit."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail the test (rather than hang CI) if the block runs longer than ``seconds``."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TookTooLong(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(action: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def lines(text: str) -> list[str]:
    """The lines of ``text`` as the fixer counts them (ends at ``\\n``, ``\\r\\n``, ``\\r``)."""
    return LINE.findall(text)
