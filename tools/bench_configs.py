"""Realistic Flink configurations for the benchmark (``tools/bench.py``).

Each file holds 20-80 keys: a memory block (process sizes, sometimes managed/network settings),
then real option names drawn from ``flinklint/data/catalog.json`` (options every supported
version reads, with their own default or a plausible variation), grouped under comment
headers. A third of the files is each kind: ``flink-conf.yaml`` (legacy lines),
``config.yaml`` (standard YAML, partly nested) and ``FlinkDeployment`` manifests (one
directory of ``*.yaml``). Seeded: the same arguments always give the same files.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "flinklint" / "data" / "catalog.json"
TYPES = ("bool", "int", "long", "dur", "enum", "float", "double", "mem", "str")
DURATIONS = ("10 s", "30 s", "1 min", "5 min", "100 ms", "2 h")
MEMORY = ("taskmanager.memory.", "jobmanager.memory.", "taskmanager.numberOfTaskSlots")
Pair = tuple[str, str]


def options() -> list[Pair]:
    """(key, default) of plain options that all supported versions read, memory ones aside."""
    data = json.loads(CATALOG.read_text(encoding="utf-8"))
    found = []
    for key, (mask, deprecated, variants) in sorted(data["options"].items()):
        if mask != 1023 or deprecated or len(variants) != 1 or key[0] in "$_":
            continue
        _, kind, default, _ = variants[0]
        if kind in TYPES and default not in (None, "") and not key.startswith(MEMORY):
            found.append((key, default))
    return found


def _vary(rng: random.Random, default: str) -> str:
    if default in ("true", "false"):
        return rng.choice(("true", "false"))
    if default.isdigit() and int(default) < 100_000 and rng.random() < 0.5:
        return str(int(default) * rng.choice((2, 4)))
    if default.endswith((" s", " min", " ms", " h")) and rng.random() < 0.5:
        return rng.choice(DURATIONS)
    return default


def memory(rng: random.Random) -> list[Pair]:
    tm = rng.choice((1728, 2048, 4096, 8192))
    pairs = [("jobmanager.memory.process.size", f"{rng.choice((1600, 2048))}m"),
             ("taskmanager.memory.process.size", f"{tm}m"),
             ("taskmanager.numberOfTaskSlots", str(rng.choice((1, 2, 4))))]
    if rng.random() < 0.5:
        pairs.append(("taskmanager.memory.managed.fraction", rng.choice(("0.3", "0.4", "0.5"))))
    if rng.random() < 0.3:
        pairs += [("taskmanager.memory.network.min", "64mb"),
                  ("taskmanager.memory.network.max", "512mb")]
    return pairs


def entries(rng: random.Random, pool: list[Pair],
            block: Callable[[random.Random], list[Pair]] = memory) -> list[Pair]:
    """The memory block then 20-80 keys in total, sorted so that namespaces group."""
    chosen = rng.sample(pool, rng.randint(20, 80) - 5)
    return block(rng) + sorted((k, _vary(rng, v)) for k, v in chosen)


def _sections(pairs: list[Pair]) -> list[tuple[str, list[Pair]]]:
    groups: dict[str, list[Pair]] = {}
    for key, value in pairs:
        groups.setdefault(key.split(".")[0], []).append((key, value))
    return list(groups.items())


def legacy(pairs: list[Pair]) -> str:
    lines = ["# Flink configuration (legacy flink-conf.yaml)", ""]
    for name, group in _sections(pairs):
        lines += [f"#{'=' * 70}", f"# {name}", f"#{'=' * 70}", ""]
        lines += [f"{k}: {v}" for k, v in group] + [""]
    return "\n".join(lines)


def _quote(value: str) -> str:
    return value if value.replace(".", "").replace(" ", "").isalnum() else f"'{value}'"


def standard(pairs: list[Pair]) -> str:
    """config.yaml: each namespace nested one level, the rest of the key dotted."""
    lines = ["# Flink configuration (config.yaml, YAML 1.2)"]
    for name, group in _sections(pairs):
        lines += ["", f"# {name} options", f"{name}:"]
        lines += [f"  {k.split('.', 1)[1]}: {_quote(v)}" for k, v in group if "." in k]
    return "\n".join(lines) + "\n"


def manifest(pairs: list[Pair], number: int, sizes: tuple[str, str] = ("2048m", "4096m")) -> str:
    flink = "\n".join(f'    {k}: "{v}"' for k, v in pairs if not k.endswith("process.size"))
    return f"""\
# Deployment {number}, managed by the Flink Kubernetes operator
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: job-{number:04d}
  labels:
    team: data-platform
spec:
  image: flink:1.20
  flinkVersion: v1_20
  serviceAccount: flink
  flinkConfiguration:
{flink}
  jobManager:
    resource:
      memory: "{sizes[0]}"
      cpu: 1
  taskManager:
    resource:
      memory: "{sizes[1]}"
      cpu: 2
  job:
    jarURI: local:///opt/flink/usrlib/job-{number:04d}.jar
    parallelism: 4
    upgradeMode: savepoint
"""


def failing_memory(rng: random.Random) -> list[Pair]:
    """A memory block Flink refuses four times out of five: a process too small for its
    metaspace and overhead, fixed components beyond the Flink size, a JobManager too small."""
    if rng.random() < 0.2:
        return memory(rng)
    jm = rng.choice(("300m", "400m", "1600m", "2048m"))
    tm = rng.choice((
        [("taskmanager.memory.process.size", f"{rng.choice((300, 400, 500, 700))}m")],
        [("taskmanager.memory.flink.size", rng.choice(("1024m", "1280m"))),
         ("taskmanager.memory.task.heap.size", "1g")],
        [("taskmanager.memory.process.size", "2g"), ("taskmanager.memory.managed.size", "2g")],
    ))
    if jm in ("1600m", "2048m") and tm[0][1] in ("2g", "1024m", "1280m"):
        jm = "300m"  # something fails in every process pair drawn here
    slots = ("taskmanager.numberOfTaskSlots", str(rng.choice((1, 2, 4))))
    return [("jobmanager.memory.process.size", jm), *tm, slots]


def near_misses(count: int, seed: int = 2) -> str:
    """A flink-conf.yaml of ``count`` real option names, each with one character dropped,
    doubled, replaced or swapped (what "did you mean" is for)."""
    rng = random.Random(seed)
    pool = [key for key, _ in options()]
    lines = ["taskmanager.memory.process.size: 4g", "jobmanager.memory.process.size: 2g"]
    for number in range(count):
        key = rng.choice(pool)
        i = rng.randrange(len(key) - 1)
        edit = rng.randrange(4)
        if edit == 0:
            key = key[:i] + key[i + 1:]
        elif edit == 1:
            key = key[:i] + key[i] + key[i:]
        elif edit == 2:
            key = key[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + key[i + 1:]
        else:
            key = key[:i] + key[i + 1] + key[i] + key[i + 2:]
        lines.append(f"{key}: value-{number}")
    return "\n".join(lines) + "\n"


def write_tree(root: Path, count: int, seed: int = 1, failing: bool = False) -> list[Path]:
    """``count`` files below ``root``: cluster-N/flink-conf.yaml, cluster-N/config.yaml, k8s/;
    ``failing``: most with memory settings Flink refuses (:func:`failing_memory`)."""
    rng = random.Random(seed)
    pool = options()
    written = []
    for number in range(count):
        pairs = entries(rng, pool, failing_memory if failing else memory)
        if number % 3 == 0:
            path, text = root / f"legacy-{number:04d}" / "flink-conf.yaml", legacy(pairs)
        elif number % 3 == 1:
            path, text = root / f"standard-{number:04d}" / "config.yaml", standard(pairs)
        else:
            sizes = ("2048m", "4096m")
            if failing:  # the operator derives the process sizes from the resources
                given = dict(pairs)
                sizes = (given.get("jobmanager.memory.process.size", sizes[0]),
                         given.get("taskmanager.memory.process.size", sizes[1]))
            path, text = root / "k8s" / f"job-{number:04d}.yaml", manifest(pairs, number, sizes)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
