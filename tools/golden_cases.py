"""The memory configurations fed to real Flink to make ``tests/golden/memory/*.json``.

Every case is a list of ``(key, raw value text)`` lines, written as ``key: value``. The list is
the same for every Flink version, so the goldens show where versions differ. Hand-picked cases
come first (named by what they exercise), then a seeded random sample (``rnd-NNN``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

SEED = 20240615
RANDOM_CASES = 230

T = "taskmanager.memory."
J = "jobmanager.memory."
P, F, TH, MG, MGF = (
    T + "process.size",
    T + "flink.size",
    T + "task.heap.size",
    T + "managed.size",
    T + "managed.fraction",
)
FH, FO, TO = T + "framework.heap.size", T + "framework.off-heap.size", T + "task.off-heap.size"
NMIN, NMAX, NF = T + "network.min", T + "network.max", T + "network.fraction"
META, OMIN, OMAX, OF = (
    T + "jvm-metaspace.size",
    T + "jvm-overhead.min",
    T + "jvm-overhead.max",
    T + "jvm-overhead.fraction",
)
SEG, NBUF = T + "segment-size", "taskmanager.network.numberOfBuffers"
CPU, SLOTS = "taskmanager.cpu.cores", "taskmanager.numberOfTaskSlots"
TLEG, TLEGMB = "taskmanager.heap.size", "taskmanager.heap.mb"
DNMIN, DNMAX, DNF = (
    "taskmanager.network.memory.min",
    "taskmanager.network.memory.max",
    "taskmanager.network.memory.fraction",
)
DMG = "taskmanager.memory.size"
JP, JF, JH, JO, JDL = (
    J + "process.size",
    J + "flink.size",
    J + "heap.size",
    J + "off-heap.size",
    J + "enable-jvm-direct-memory-limit",
)
JMETA, JOMIN, JOMAX, JOF = (
    J + "jvm-metaspace.size",
    J + "jvm-overhead.min",
    J + "jvm-overhead.max",
    J + "jvm-overhead.fraction",
)
JLEG, JLEGMB = "jobmanager.heap.size", "jobmanager.heap.mb"

Entry = tuple[str, str]
TM_DEFAULT: Entry = (P, "1728m")
JM_DEFAULT: Entry = (JP, "1600m")


@dataclass(frozen=True)
class Case:
    id: str
    entries: tuple[Entry, ...]
    hand_picked: bool = True


def _slug(value: str) -> str:
    """A readable, collision-free id fragment for a raw value."""
    names = {'"': "dq", "'": "sq", " ": "_", "\t": "tab", "/": "slash", ",": "comma", "": "empty"}
    if value in names:
        return names[value]
    out = []
    for ch in value:
        ok = ch.isascii() and (ch.isalnum() or ch in ".+-_")
        out.append(ch if ok else names.get(ch, f"u{ord(ch):04x}"))
    return "".join(out)


def _c(id_: str, *entries: Entry) -> Case:
    return Case(id_, tuple(entries))


def _tm(id_: str, *entries: Entry) -> Case:
    """A TaskManager case; the JobManager gets the shipped default."""
    return Case("tm-" + id_, (*entries, JM_DEFAULT))


def _jm(id_: str, *entries: Entry) -> Case:
    """A JobManager case; the TaskManager gets the shipped default."""
    return Case("jm-" + id_, (TM_DEFAULT, *entries))


FRACTIONS = (
    "0", "0.0", "0.05", "0.1", "0.25", "0.4", "0.5", "0.9", "0.99", "1", "1.0", "1.5", "-0.1",
    "NaN", "Infinity", "abc", "0.4f", ".5", "1e-1", "0x1p-2", "",
)  # fmt: skip
UNIT_SPELLINGS = (
    "4294967296", "4294967296b", "4294967296bytes", "4294967296 bytes", "4194304k", "4194304kb",
    "4194304kibibytes", "4096m", "4096mb", "4096mebibytes", "4g", "4gb", "4gibibytes", "4G", "4GB",
    "4Gb", "4096MB", "4096M", "4 g", "4  gb", "0004g", "4\tg", "4GiBiBytes", "4194304K", "4B",
)  # fmt: skip
TERA_SPELLINGS = ("1t", "1tb", "1tebibytes", "1T", "1TB", "1 Tb")
INVALID_SIZES = (
    "1.5g", "-1m", "+1m", '"1g"', "'1g'", "1gib", "1Gi", "1e3m", "1_000m", "8388608t",
    "9223372036854775808", "9223372036854775807b", "m", "1 m b", "1KB/s", "\uff14g", "abc",
    "1g1", "0x10m", "1,5g",
)  # fmt: skip


def vectors() -> Iterator[Case]:
    """Section 12 vectors of the memory specification, under their names."""
    yield _c("v01", (P, "1728m"), (JP, "1600m"))
    yield _c("v02", (P, "4096m"), (JP, "2048m"))
    yield _c("v03", (F, "1280m"), (JF, "1g"))
    yield _c("v04", (TH, "512m"), (MG, "512m"), (JH, "1g"))
    yield _c("v05", (P, "8g"), (NMIN, "256m"), (NMAX, "256m"), (JP, "8g"))
    yield _c("v06", (P, "16g"), (MGF, "0.2"), (NF, "0.15"), (JP, "1g"), (JDL, "true"))
    yield _c("v07", (P, "1g"), (F, "1g"), (JP, "1g"), (JF, "1g"))
    yield _c("v08", (P, "2g"), (TH, "1g"), (MG, "1g"), (JH, "2g"), (JP, "2g"))
    yield _c("v09", (F, "2g"), (TH, "1g"), (MG, "512m"), (JF, "1g"), (JH, "1g"), (JO, "128m"))
    yield _c("v10", (TLEG, "1024m"), (JLEG, "1024m"))
    yield _c("v11", (P, "500m"), (JP, "300m"))
    yield _c("v12", (P, "1728m"), (NF, "1.0"), (OMIN, "2g"), (JP, "1600m"), (JMETA, "2g"))
    yield _c("v13", (P, "1.5g"), (JP, '"1600m"'))
    yield _c("v14", (F, "1280m"), (TH, "1g"), (JF, "100m"))
    yield _c("v15", (P, "4g"), (SLOTS, "4"), (NBUF, "4096"))
    yield _c("v16", (P, "16g"))
    yield _c("v17", (P, "4g"), (OF, "0.2"), (JP, "1g"), (JF, "600m"), (JOF, "0.3"))


def basics() -> Iterator[Case]:
    yield _c("empty")
    yield _c("unrelated-keys-only", ("parallelism.default", "4"), ("rest.port", "8081"))
    yield _c("tm-only-process", (P, "1728m"))
    yield _c("tm-only-flink", (F, "1280m"))
    yield _c("jm-only-process", (JP, "1600m"))
    yield _c("jm-only-heap", (JH, "1g"))
    yield _c("duplicate-key-last-wins", (P, "1g"), (P, "2g"), JM_DEFAULT)
    yield _c("value-with-comment", (P, "2g # two gigs"), (JP, "1600m #"))
    yield _c("empty-value", (P, ""), JM_DEFAULT)
    yield _c("both-defaults-upper-case-units", (P, "1728M"), (JP, "1600MB"))


def tm_paths() -> Iterator[Case]:
    sizes = ("0", "1b", "256m", "448m", "449m", "500m", "576m", "600m", "640m", "700m", "800m",
             "900m", "1g", "1280m", "1728m", "2g", "4g", "8g", "10g", "11g", "16g", "64g", "1t",
             "100t", "8388607t")  # fmt: skip
    for s in sizes:
        yield _tm(f"process-{_slug(s)}", (P, s))
    for s in ("0", "100m", "256m", "300m", "320m", "512m", "1g", "1280m", "4g", "16g", "8388607t"):
        yield _tm(f"flink-{_slug(s)}", (F, s))
    fine = (("512m", "512m"), ("0", "0"), ("1g", "0"), ("0", "1g"), ("100g", "100g"),
            ("1b", "1b"), ("8388607t", "1t"), ("4t", "4000t"))  # fmt: skip
    for th, mg in fine:
        yield _tm(f"fine-{_slug(th)}-{_slug(mg)}", (TH, th), (MG, mg))
    yield _tm("fine-flink-consistent", (TH, "512m"), (MG, "512m"), (F, "1280m"))
    yield _tm("fine-flink-rest-too-small", (TH, "512m"), (MG, "512m"), (F, "1g"))
    yield _tm("fine-flink-exceeded", (TH, "1g"), (MG, "1g"), (F, "1g"))
    yield _tm("fine-flink-rest-too-big", (TH, "512m"), (MG, "512m"), (F, "8g"))
    yield _tm("fine-flink-rest-max-ok", (TH, "512m"), (MG, "512m"), (F, "8g"), (NMAX, "8g"))
    yield _tm("fine-process-ok", (TH, "512m"), (MG, "512m"), (P, "2g"))
    yield _tm("fine-process-too-small", (TH, "512m"), (MG, "512m"), (P, "1g"))
    yield _tm("fine-process-overhead-out", (TH, "512m"), (MG, "512m"), (P, "4g"))
    yield _tm("fine-flink-process-ok", (TH, "512m"), (MG, "512m"), (F, "1280m"), (P, "1728m"))
    yield _tm("fine-flink-process-bad", (TH, "512m"), (MG, "512m"), (F, "1280m"), (P, "1500m"))
    yield _tm("flink-process-ok", (F, "1280m"), (P, "1728m"))
    yield _tm("flink-process-overhead-derived", (F, "1280m"), (P, "2g"))
    yield _tm("flink-process-too-small", (F, "2g"), (P, "2g"))
    yield _tm("heap-only-process", (TH, "1g"), (P, "4g"))
    yield _tm("heap-only-process-exceeded", (TH, "4g"), (P, "4g"))
    yield _tm("managed-only-process", (MG, "1g"), (P, "4g"))
    yield _tm("managed-only-process-exceeded", (MG, "4g"), (P, "4g"))
    yield _tm("heap-only-flink", (TH, "512m"), (F, "1280m"))
    yield _tm("heap-only-flink-network-low", (TH, "800m"), (F, "1280m"))
    yield _tm("managed-only-flink", (MG, "100m"), (F, "1280m"))
    yield _tm("managed-only-flink-exceeded", (MG, "2g"), (F, "1280m"))
    yield _tm("heap-only-no-total", (TH, "1g"))
    yield _tm("managed-only-no-total", (MG, "1g"))
    yield _tm("framework-only", (FH, "128m"), (FO, "128m"))


def tm_fractions() -> Iterator[Case]:
    for f in FRACTIONS:
        yield _tm(f"managed-fraction-{_slug(f)}", (P, "4g"), (MGF, f))
        yield _tm(f"network-fraction-{_slug(f)}", (P, "4g"), (NF, f))
        yield _tm(f"overhead-fraction-{_slug(f)}", (P, "4g"), (OF, f))
    yield _tm("managed-fraction-flink", (F, "2g"), (MGF, "0.7"))
    yield _tm("managed-fraction-with-size", (P, "4g"), (MGF, "0.9"), (MG, "100m"))
    yield _tm("managed-fraction-sum-exceeded", (P, "4g"), (MGF, "0.9"), (NF, "0.2"))
    yield _tm("network-clamp-min", (P, "1g"))
    yield _tm("network-clamp-max-1g-default", (P, "16g"))
    yield _tm("network-min-eq-max", (P, "4g"), (NMIN, "256m"), (NMAX, "256m"))
    yield _tm("network-min-gt-max", (P, "4g"), (NMIN, "512m"), (NMAX, "256m"))
    yield _tm("network-min-gt-default-max", (P, "4g"), (NMIN, "2g"))
    yield _tm("network-zero", (P, "4g"), (NMIN, "0"), (NMAX, "0"))
    yield _tm("network-clamp-to-min", (P, "4g"), (NMIN, "1g"), (NMAX, "2g"))
    yield _tm("network-clamp-to-max", (P, "4g"), (NMAX, "100m"))
    yield _tm(
        "network-fraction-inconsistent-min", (P, "4g"), (NF, "1.2"), (NMIN, "2g"), (NMAX, "1g")
    )
    yield _tm(
        "network-fraction-explicit-rest", (TH, "512m"), (MG, "512m"), (F, "1280m"), (NF, "0.2")
    )
    yield _tm("network-max-bad", (P, "4g"), (NMAX, "1.5g"))
    yield _tm("network-min-bad", (P, "4g"), (NMIN, "abc"))
    yield _tm(
        "network-fraction-explicit-rest-ok", (TH, "512m"), (MG, "512m"), (F, "1500m"), (NF, "0.2")
    )
    yield _tm("fine-network-min-bad", (TH, "512m"), (MG, "512m"), (F, "1280m"), (NMIN, "x"))
    yield _tm("fine-network-fraction-bad", (TH, "512m"), (MG, "512m"), (F, "1280m"), (NF, "2"))
    yield _tm("fine-network-min-gt-max", (TH, "512m"), (MG, "512m"), (F, "1280m"),
              (NMIN, "1g"), (NMAX, "64m"))  # fmt: skip
    yield _tm("fine-no-flink-network-fraction", (TH, "1g"), (MG, "1g"), (NF, "0.5"))
    yield _tm("overhead-clamp-min", (P, "1g"))
    yield _tm("overhead-clamp-max", (P, "16g"))
    yield _tm("overhead-min-gt-max", (P, "4g"), (OMIN, "2g"), (OMAX, "1g"))
    yield _tm("overhead-min-eq-max", (P, "4g"), (OMIN, "300m"), (OMAX, "300m"))
    yield _tm("overhead-zero", (P, "4g"), (OMIN, "0"), (OMAX, "0"), (OF, "0"))
    yield _tm("overhead-fraction-ignored-range", (F, "1280m"), (P, "1728m"), (OF, "0.5"))
    yield _tm("overhead-out-of-range-derived", (F, "1g"), (P, "4g"))
    yield _tm("overhead-below-min-derived", (F, "1g"), (P, "1300m"))
    yield _tm("overhead-min-bad", (P, "4g"), (OMIN, "-1m"))
    yield _tm("overhead-exceeds-process", (P, "1g"), (OMIN, "900m"), (OMAX, "900m"))


def tm_keys() -> Iterator[Case]:
    yield _tm("deprecated-network-min", (P, "1g"), (DNMIN, "128m"))
    yield _tm("deprecated-network-max", (P, "16g"), (DNMAX, "512m"))
    yield _tm("deprecated-network-fraction", (P, "4g"), (DNF, "0.2"))
    yield _tm("deprecated-network-all", (P, "4g"), (DNMIN, "100m"), (DNMAX, "200m"), (DNF, "0.3"))
    yield _tm("deprecated-and-new-network", (P, "4g"), (DNF, "0.3"), (NF, "0.2"))
    yield _tm("deprecated-network-fraction-bad", (P, "4g"), (DNF, "x"))
    yield _tm("deprecated-network-min-gt-max", (P, "4g"), (DNMIN, "1g"), (DNMAX, "100m"))
    yield _tm("deprecated-managed", (P, "4g"), (DMG, "1g"))
    yield _tm("deprecated-managed-bare-number", (P, "4g"), (DMG, "512"))
    yield _tm("deprecated-managed-fine", (TH, "512m"), (DMG, "512m"))
    yield _tm("deprecated-and-new-managed", (P, "4g"), (DMG, "1g"), (MG, "2g"))
    yield _tm("deprecated-managed-bad", (P, "4g"), (DMG, "1.5g"))
    yield _tm("old-memory-fraction-ignored", (P, "4g"), ("taskmanager.memory.fraction", "0.9"))
    for value in ("1024m", "1g", "0", "1.5g", "100m", "1024"):
        yield _tm(f"legacy-heap-size-{_slug(value)}", (TLEG, value))
    for value in ("1024", "0", "-1", "abc", "2048"):
        yield _tm(f"legacy-heap-mb-{_slug(value)}", (TLEGMB, value))
    yield _tm("legacy-heap-size-and-mb", (TLEG, "1g"), (TLEGMB, "2048"))
    yield _tm("legacy-heap-with-process", (TLEG, "1g"), (P, "4g"))
    yield _tm("legacy-heap-with-flink", (TLEG, "1g"), (F, "2g"))
    yield _tm("legacy-heap-with-fine", (TLEG, "1g"), (TH, "512m"), (MG, "512m"))
    yield _tm("legacy-heap-mb-bad-with-flink", (TLEGMB, "abc"), (F, "2g"))
    yield _tm("buffers", (P, "4g"), (NBUF, "4096"))
    yield _tm("buffers-segment-64kb", (P, "4g"), (NBUF, "4096"), (SEG, "64kb"))
    yield _tm("buffers-segment-1kb", (P, "4g"), (NBUF, "4096"), (SEG, "1kb"))
    yield _tm("buffers-segment-not-pow2", (P, "4g"), (NBUF, "100"), (SEG, "5000"))
    yield _tm("buffers-segment-huge", (P, "4g"), (NBUF, "1"), (SEG, "4g"))
    yield _tm("buffers-segment-bad", (P, "4g"), (NBUF, "10"), (SEG, "32k b"))
    yield _tm("buffers-with-network-min", (P, "4g"), (NBUF, "4096"), (NMIN, "64m"))
    yield _tm("buffers-with-deprecated-fraction", (P, "4g"), (NBUF, "4096"), (DNF, "0.1"))
    yield _tm("buffers-negative", (P, "4g"), (NBUF, "-1"))
    yield _tm("buffers-zero", (P, "4g"), (NBUF, "0"))
    yield _tm("buffers-bad", (P, "4g"), (NBUF, "many"))
    yield _tm("buffers-too-many", (P, "4g"), (NBUF, "1000000"))
    yield _tm("buffers-fine-match", (TH, "512m"), (MG, "512m"), (F, "1408m"), (NBUF, "4096"))
    yield _tm("buffers-fine-mismatch", (TH, "512m"), (MG, "512m"), (F, "1280m"), (NBUF, "4096"))
    yield _tm("buffers-fine-no-flink", (TH, "512m"), (MG, "512m"), (NBUF, "2048"))
    yield _tm("segment-size-alone", (P, "4g"), (SEG, "1kb"))


def tm_components() -> Iterator[Case]:
    for key, name in ((FH, "framework-heap"), (FO, "framework-off-heap"), (TO, "task-off-heap")):
        for value in ("0", "64m", "1g", "4g", "bad"):
            yield _tm(f"{name}-{_slug(value)}", (P, "1728m"), (key, value))
    yield _tm("framework-all-zero", (P, "1g"), (FH, "0"), (FO, "0"), (TO, "0"))
    yield _tm("framework-fine-exceeds-flink", (TH, "1g"), (MG, "1g"), (FH, "1g"), (F, "2g"))
    for value in ("0", "64m", "256m", "1g", "2g", "8g", "bad"):
        yield _tm(f"metaspace-{_slug(value)}", (P, "1728m"), (META, value))
    yield _tm("metaspace-flink", (F, "1280m"), (META, "1g"))
    yield _tm("metaspace-fine-process", (TH, "512m"), (MG, "512m"), (P, "1600m"), (META, "512m"))
    for value in ("0", "-1", "0.5", "4", "1e7", "abc", "NaN", "0.0001", "12345678.5"):
        yield _tm(f"cpu-{_slug(value)}", (P, "1728m"), (CPU, value))
    for value in ("0", "-1", "4", "abc", "2147483648"):
        yield _tm(f"slots-{_slug(value)}", (P, "1728m"), (SLOTS, value))
    yield _tm("slots-0-cpu-2", (P, "1728m"), (SLOTS, "0"), (CPU, "2"))
    yield _tm("cpu-0-bad-memory", (P, "1.5g"), (CPU, "0"))
    yield _tm("bad-memory-bad-slots", (P, "100m"), (SLOTS, "x"))


def units() -> Iterator[Case]:
    for s in UNIT_SPELLINGS:
        yield _tm(f"unit-{_slug(s)}", (P, s))
    for s in TERA_SPELLINGS:
        yield _tm(f"unit-{_slug(s)}", (P, s))
    for s in ("1600m", "1600MB", "1600 mebibytes", "1677721600", "1638400k", "1600M"):
        yield _jm(f"unit-{_slug(s)}", (JP, s))
    for s in INVALID_SIZES:
        yield _tm(f"invalid-{_slug(s)}", (P, s))
        yield _jm(f"invalid-{_slug(s)}", (JP, s))
    for key, name in ((F, "flink"), (TH, "heap"), (MG, "managed"), (OMAX, "overhead-max")):
        yield _tm(f"invalid-{name}-1.5g", (P, "4g"), (key, "1.5g"), (TH if key == MG else MG, "1g"))
    yield _tm("overflow-flink-plus-meta", (F, "8388607t"))
    yield _tm("overflow-fine-sum", (TH, "8388607t"), (MG, "8388607t"))
    yield _tm("overflow-managed-fraction", (P, "8388607t"), (MGF, "0.99"))
    yield _tm("near-overflow-process", (P, "9223372036854775807"))
    yield _tm("overflow-flink-max-bytes", (F, "9223372036854775807"))
    yield _jm("overflow-flink-max-bytes", (JF, "9223372036854775807"))
    yield _jm("overflow-heap-max-bytes", (JH, "9223372036854775807"))
    yield _tm("near-overflow-flink-network", (F, "8000000t"), (NMAX, "8388607t"))


def jm_cases() -> Iterator[Case]:
    for s in ("0", "1b", "300m", "448m", "449m", "500m", "576m", "700m", "1g", "1600m", "2g", "8g",
              "64g", "1t", "8388607t"):  # fmt: skip
        yield _jm(f"process-{_slug(s)}", (JP, s))
    for s in ("0", "100m", "128m", "129m", "200m", "256m", "1g", "8g", "8388607t"):
        yield _jm(f"flink-{_slug(s)}", (JF, s))
    for s in ("0", "64m", "128m", "1g", "8g", "8388607t"):
        yield _jm(f"heap-{_slug(s)}", (JH, s))
    yield _jm("heap-flink-derive-off-heap", (JH, "1g"), (JF, "1500m"))
    yield _jm("heap-flink-equal-default-off", (JH, "1g"), (JF, "1152m"))
    yield _jm("heap-exceeds-flink", (JH, "2g"), (JF, "1g"))
    yield _jm("heap-flink-off-match", (JH, "1g"), (JF, "1280m"), (JO, "256m"))
    yield _jm("heap-flink-off-mismatch", (JH, "1g"), (JF, "1g"), (JO, "128m"))
    yield _jm("heap-process-ok", (JH, "1g"), (JP, "2g"))
    yield _jm("heap-process-too-small", (JH, "1g"), (JP, "1g"))
    yield _jm("heap-flink-process", (JH, "1g"), (JF, "1152m"), (JP, "1600m"))
    yield _jm("flink-process-ok", (JF, "1g"), (JP, "1600m"))
    yield _jm("flink-process-overhead-out", (JF, "1g"), (JP, "4g"))
    yield _jm("flink-le-off-heap", (JF, "256m"), (JO, "256m"))
    yield _jm("flink-small-heap-warn", (JF, "200m"))
    for value in ("0", "1g", "bad"):
        yield _jm(f"off-heap-{_slug(value)}", (JP, "1600m"), (JO, value))
    for value in ("true", "false", "TRUE", "True", "yes", "1", "abc"):
        yield _jm(f"direct-limit-{_slug(value)}", (JP, "1600m"), (JDL, value))
    yield _jm("direct-limit-off-heap", (JH, "1g"), (JO, "512m"), (JDL, "true"))
    for value in ("0", "64m", "2g", "bad"):
        yield _jm(f"metaspace-{_slug(value)}", (JP, "1600m"), (JMETA, value))
    yield _jm("overhead-min-gt-max", (JP, "1600m"), (JOMIN, "2g"), (JOMAX, "1g"))
    yield _jm("overhead-fraction-1", (JP, "1600m"), (JOF, "1"))
    yield _jm("overhead-fraction-nan", (JP, "1600m"), (JOF, "NaN"))
    yield _jm("overhead-fraction-0.5", (JP, "4g"), (JOF, "0.5"))
    yield _jm("overhead-fraction-bad", (JP, "4g"), (JOF, "half"))
    yield _jm("overhead-clamp-max", (JP, "32g"))
    yield _jm("overhead-fraction-heap-process", (JH, "1g"), (JP, "2g"), (JOF, "0.2"))
    for value in ("1024m", "1g", "0", "1.5g", "100m"):
        yield _jm(f"legacy-heap-size-{_slug(value)}", (JLEG, value))
    for value in ("1024", "0", "-1", "abc"):
        yield _jm(f"legacy-heap-mb-{_slug(value)}", (JLEGMB, value))
    yield _jm("legacy-heap-with-new-heap", (JLEG, "2g"), (JH, "1g"))
    yield _jm("legacy-heap-with-process", (JLEG, "1g"), (JP, "1600m"))
    yield _jm("legacy-heap-with-flink", (JLEG, "1g"), (JF, "2g"))
    yield _jm("legacy-heap-size-and-mb", (JLEG, "1g"), (JLEGMB, "2048"))


def hand_picked() -> list[Case]:
    groups = (vectors, basics, tm_paths, tm_fractions, tm_keys, tm_components, units, jm_cases)
    return [case for group in groups for case in group()]


def all_cases() -> list[Case]:
    cases = hand_picked() + random_cases(random.Random(SEED), RANDOM_CASES)
    ids = [c.id for c in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"duplicate case ids: {sorted(duplicates)}")
    return cases


# ------------------------------------------------------------------------- random sample

_TOTALS = (0, 64, 256, 448, 600, 1000, 1024, 1280, 1600, 1728, 1728, 2048, 2048, 3000, 4096, 4096,
           6000, 8192, 12000, 16384, 65536, 1 << 20)  # fmt: skip
_PARTS = (0, 1, 32, 64, 100, 128, 192, 256, 300, 512, 1024, 2048)
_RND_FRACTIONS = ("0", "0.05", "0.1", "0.15", "0.2", "0.25", "0.3", "0.4", "0.5", "0.7", "0.9",
                  "0.99", "1", "-0.1", "NaN", "2")  # fmt: skip


def _size(rng: random.Random, pool: tuple[int, ...] = _TOTALS) -> str:
    if rng.random() < 0.04:
        return rng.choice(INVALID_SIZES)
    n = rng.choice(pool)
    forms = [f"{n}m", f"{n}mb", f"{n << 20}", f"{n << 10}k", f"{n} MB", f"{n}M"]
    if n and n % 1024 == 0:
        forms += [f"{n >> 10}g", f"{n >> 10}gb", f"{n >> 10}G"]
    return rng.choice(forms)


def _tm_random(rng: random.Random) -> list[Entry]:
    style = rng.choice(("P", "P", "P", "F", "F", "FG", "FG+F", "FG+P", "F+P", "TH+P", "MG+F",
                        "legacy", "none"))  # fmt: skip
    out: list[Entry] = []
    for key, tag in ((P, "P"), (F, "F"), (TH, "FG"), (MG, "FG"), (TH, "TH"), (MG, "MG")):
        if tag in style.split("+"):
            out.append((key, _size(rng)))
    if style == "legacy":
        out.append(rng.choice(((TLEG, _size(rng)), (TLEGMB, str(rng.choice(_TOTALS))))))
    fractions, sizes = (MGF, NF, OF, DNF), (NMIN, NMAX, OMIN, OMAX, META, FH, FO, TO, DNMAX)
    for key in (*fractions, *sizes):
        if rng.random() < 0.12:
            out.append(
                (key, rng.choice(_RND_FRACTIONS) if key in fractions else _size(rng, _PARTS))
            )
    if rng.random() < 0.08:
        out.append((NBUF, str(rng.choice((0, 1024, 2048, 4096, 65536)))))
    if rng.random() < 0.1:
        out.append((CPU, rng.choice(("0", "0.5", "1", "2.5", "8", "-1"))))
    if rng.random() < 0.1:
        out.append((SLOTS, rng.choice(("0", "1", "2", "16"))))
    return out


def _jm_random(rng: random.Random) -> list[Entry]:
    style = rng.choice(("P", "P", "F", "H", "H+F", "H+F+O", "H+P", "F+P", "legacy", "none"))
    out: list[Entry] = []
    for key, tag in ((JP, "P"), (JF, "F"), (JH, "H"), (JO, "O")):
        if tag in style.split("+"):
            out.append((key, _size(rng, _PARTS if tag == "O" else _TOTALS)))
    if style == "legacy":
        out.append(rng.choice(((JLEG, _size(rng)), (JLEGMB, str(rng.choice(_TOTALS))))))
    for key in (JO, JMETA, JOMIN, JOMAX):
        if rng.random() < 0.1 and key not in dict(out):
            out.append((key, _size(rng, _PARTS)))
    if rng.random() < 0.1:
        out.append((JOF, rng.choice(_RND_FRACTIONS)))
    if rng.random() < 0.15:
        out.append((JDL, rng.choice(("true", "false"))))
    return out


def random_cases(rng: random.Random, count: int) -> list[Case]:
    cases = []
    for i in range(count):
        entries = _tm_random(rng) + _jm_random(rng)
        rng.shuffle(entries)
        cases.append(Case(f"rnd-{i:03d}", tuple(entries), hand_picked=False))
    return cases
