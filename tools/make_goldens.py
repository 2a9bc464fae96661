"""Regenerate the golden files in tests/golden/ by running real Flink (see tools/README.md).

    python tools/make_goldens.py memory [--versions 1.20.3 ...]  # tests/golden/memory/X.Y.json
    python tools/make_goldens.py reader                    # tests/golden/reader/expected.json
    python tools/make_goldens.py verify [--versions ...]   # oracle == BashJavaUtils CLI?

Common options: --cache DIR (default $FLINK_CACHE or ~/.cache/flinklint/flink; the layout
flink-<version>/<anything>/deps is accepted, e.g. --cache /work/flink-cache).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import fetch_flink
import golden_cases

ROOT = Path(__file__).resolve().parent.parent
ORACLE_SRC = ROOT / "tools" / "oracle" / "Oracle.java"
MEMORY_OUT = ROOT / "tests" / "golden" / "memory"
READER_DIR = ROOT / "tests" / "golden" / "reader"
FORMAT = 1
READER_VERSIONS = {
    "1.18.1": ("flink-conf.yaml",),
    "1.19.3": ("flink-conf.yaml", "config.yaml"),
    "1.20.3": ("flink-conf.yaml", "config.yaml"),
    "2.3.0": ("config.yaml",),
}
Json = dict[str, Any]


def minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def file_kinds(version: str) -> tuple[str, ...]:
    """Which file each memory case is written as for ``version``."""
    major, mnr = (int(p) for p in version.split(".")[:2])
    if major >= 2:
        return ("config.yaml",)
    return ("flink-conf.yaml", "config.yaml") if mnr >= 19 else ("flink-conf.yaml",)


class Flink:
    """One cached Flink version with the oracle compiled against it."""

    def __init__(self, version: str, cache: Path, work: Path) -> None:
        self.version = version
        deps = fetch_flink.fetch(version, cache)
        self.classpath = [deps / "bin" / "bash-java-utils.jar", fetch_flink.dist_jar(deps)]
        self.classes = work / f"oracle-{version}"
        self.classes.mkdir(parents=True, exist_ok=True)
        javac = ["javac", "-nowarn", "-d", str(self.classes), "-cp", self._cp(), str(ORACLE_SRC)]
        subprocess.run(javac, check=True)

    def _cp(self, *extra: Path) -> str:
        return os.pathsep.join(str(p) for p in (*self.classpath, *extra))

    def java(self, main: str, *args: str) -> list[str]:
        return ["java", "-Dfile.encoding=UTF-8", "-cp", self._cp(self.classes), main, *args]

    def oracle(self, mode: str, dirs: Sequence[tuple[str, Path]], work: Path) -> dict[str, Json]:
        """Run the oracle on ``(id, config dir)`` pairs; results by id."""
        listing, out = work / f"{mode}-{self.version}.list", work / f"{mode}-{self.version}.out"
        listing.write_text("".join(f"{i}\t{d}\n" for i, d in dirs), encoding="utf-8")
        subprocess.run(
            self.java("Oracle", mode, str(listing), str(out)), check=True, env=clean_env()
        )
        text = out.read_text(encoding="utf-8")
        rows = [json.loads(line) for line in text.split("\n") if line]
        return {row.pop("id"): row for row in rows}


def clean_env() -> dict[str, str]:
    """The environment without the variables Flink 1.x reads as legacy heap sizes."""
    env = {k: v for k, v in os.environ.items() if k not in ("FLINK_TM_HEAP", "FLINK_JM_HEAP")}
    env.pop("FLINK_CONF_DIR", None)
    return env


def java_version() -> str:
    out = subprocess.run(["java", "-version"], capture_output=True, text=True, check=True).stderr
    return out.splitlines()[0]


def config_text(entries: Iterable[tuple[str, str]]) -> str:
    return "".join(f"{key}: {value}\n" for key, value in entries)


def write_dir(base: Path, name: str, file: str, text: str | bytes) -> Path:
    target = base / name
    target.mkdir(parents=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    (target / file).write_bytes(data)
    return target


# ----------------------------------------------------------------------------- memory


def memory_cases(version: str) -> list[tuple[golden_cases.Case, str]]:
    """(case, file name) pairs: every case as the version's file; 1.19/1.20 also as config.yaml."""
    cases = golden_cases.all_cases()
    kinds = file_kinds(version)
    pairs = [(case, kinds[0]) for case in cases]
    if len(kinds) > 1:
        pairs += [(case, kinds[1]) for case in cases if case.hand_picked]
    return pairs


def memory_record(case: golden_cases.Case, file: str, result: Json) -> Json:
    return {
        "id": case.id,
        "file": file,
        "entries": [list(entry) for entry in case.entries],
        "text": config_text(case.entries),
        "load": result["load"],
        "effective": result["effective"],
        "taskmanager": result["taskmanager"],
        "jobmanager": result["jobmanager"],
    }


def run_memory(flink: Flink, work: Path) -> list[Json]:
    pairs = memory_cases(flink.version)
    base = work / f"memory-{flink.version}"
    dirs = []
    for n, (case, file) in enumerate(pairs):
        dirs.append((str(n), write_dir(base, str(n), file, config_text(case.entries))))
    results = flink.oracle("memory", dirs, work)
    return [memory_record(case, file, results[str(n)]) for n, (case, file) in enumerate(pairs)]


def dump_lines(header: Json, key: str, items: Iterable[str]) -> str:
    """A JSON object whose ``key`` list holds one pre-serialised item per line."""
    head = json.dumps(header, ensure_ascii=False)[:-1]
    body = ",\n".join(items)
    return f'{head}, "{key}": [\n{body}\n]}}\n'


def write_memory(version: str, records: list[Json], out: Path) -> Path:
    header = {
        "format": FORMAT,
        "flink_version": version,
        "java": java_version(),
        "generator": "tools/make_goldens.py memory",
    }
    lines = (json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{minor(version)}.json"
    target.write_text(dump_lines(header, "cases", lines), encoding="utf-8")
    return target


def cmd_memory(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="flinklint-goldens-") as tmp:
        for version in args.versions:
            start = time.monotonic()
            records = run_memory(Flink(version, args.cache, Path(tmp)), Path(tmp))
            target = write_memory(version, records, args.out)
            failed = sum(1 for r in records for role in ("taskmanager", "jobmanager")
                         if not r[role]["ok"])  # fmt: skip
            took = time.monotonic() - start
            print(
                f"{version}: {len(records)} cases, {failed} failed roles, {took:.1f}s -> {target}"
            )
    return 0


# ----------------------------------------------------------------------------- reader


def reader_files(cases_dir: Path) -> list[tuple[str, str]]:
    """(case name, Flink file name) for every ``<name>.<flink-conf.yaml|config.yaml>``."""
    found = []
    for path in sorted(cases_dir.iterdir()):
        for kind in ("flink-conf.yaml", "config.yaml"):
            if path.name.endswith("." + kind):
                found.append((path.name, kind))
    return found


def cmd_reader(args: argparse.Namespace) -> int:
    cases_dir = READER_DIR / "cases"
    files = reader_files(cases_dir)
    expected: dict[str, dict[str, Json]] = {name: {} for name, _ in files}
    with tempfile.TemporaryDirectory(prefix="flinklint-reader-") as tmp:
        for version, kinds in READER_VERSIONS.items():
            flink = Flink(version, args.cache, Path(tmp))
            base = Path(tmp) / f"reader-{version}"
            dirs = [(name, write_dir(base, name, kind, (cases_dir / name).read_bytes()))
                    for name, kind in files if kind in kinds]  # fmt: skip
            for name, row in flink.oracle("reader", dirs, Path(tmp)).items():
                expected[name][minor(version)] = row
            print(f"{version}: {len(dirs)} reader cases")
    lines = (
        json.dumps(name, ensure_ascii=False)
        + ": "
        + json.dumps(expected[name], ensure_ascii=False, separators=(",", ":"))
        for name in sorted(expected)
    )
    text = "{\n" + ",\n".join(lines) + "\n}\n"
    (READER_DIR / "expected.json").write_text(text, encoding="utf-8")
    return 0


# ----------------------------------------------------------------------------- verify

VERIFY_IDS = (
    "v01", "v05", "v06", "v07", "v08", "v10", "v11", "v12", "v13", "v15", "v16", "v17", "empty",
    "duplicate-key-last-wins", "empty-value", "tm-invalid-dq1gdq", "tm-overflow-fine-sum",
    "tm-cpu-0", "tm-legacy-heap-mb--1", "tm-buffers-segment-1kb", "tm-buffers-fine-mismatch",
    "tm-network-min-gt-max", "tm-deprecated-network-fraction", "jm-heap-flink-off-mismatch",
    "jm-flink-small-heap-warn", "jm-direct-limit-abc", "rnd-000", "rnd-001", "rnd-002",
)  # fmt: skip
RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:"
# log4j 2.17 (Flink <= 1.19) prints this once per JVM at start-up; the oracle keeps it out of cases
STARTUP_NOTICE = "WARNING: sun.reflect.Reflection.getCallerClass is not supported."
COMMANDS = {"taskmanager": "GET_TM_RESOURCE_PARAMS", "jobmanager": "GET_JM_RESOURCE_PARAMS"}


def stack_trace_chain(stderr: str) -> list[str]:
    """The ``toString()`` of each level of an uncaught exception's printed stack trace."""
    chain: list[str] = []
    open_level = False
    for line in stderr.split("\n"):
        prefix = next((p for p in ('Exception in thread "main" ', "Caused by: ")
                       if line.startswith(p)), None)  # fmt: skip
        if prefix is not None:
            chain.append(line[len(prefix) :])
            open_level = True
        elif line.startswith("\tat ") or line.startswith("\t..."):
            open_level = False
        elif open_level:
            chain[-1] += "\n" + line
    return chain


def cli_outcome(flink: Flink, command: str, conf_dir: Path) -> Json:
    """What the real BashJavaUtils command prints, in the oracle's terms."""
    argv = flink.java("org.apache.flink.runtime.util.bash.BashJavaUtils", command,
                      "--configDir", str(conf_dir))  # fmt: skip
    done = subprocess.run(argv, capture_output=True, text=True, env=clean_env())
    scrub = str(conf_dir.resolve())
    out = [line.replace(scrub, "$CONF_DIR") for line in done.stdout.splitlines()]
    out = [line for line in out if not line.startswith((STARTUP_NOTICE, "\tat ", "\t... "))]
    results = [line[len(RESULT_PREFIX) :] for line in out if line.startswith(RESULT_PREFIX)]
    chain = [level.replace(scrub, "$CONF_DIR") for level in stack_trace_chain(done.stderr)]
    return {
        "ok": done.returncode == 0,
        "results": results,
        "logs": [line for line in out if not line.startswith(RESULT_PREFIX)],
        "error": chain or None,
    }


def compare(record: Json, role: str, cli: Json) -> list[str]:
    mine = record[role]
    expected_logs = (record["load"]["logs"] if record["load"]["ok"] else []) + mine["logs"]
    problems = []
    if cli["ok"] != mine["ok"]:
        problems.append(f"ok: cli {cli['ok']} oracle {mine['ok']}")
    if mine["ok"] and cli["results"] != [mine["jvm_args"], mine["dynamic_configs"]]:
        problems.append(f"results: cli {cli['results']}")
    if not mine["ok"] and cli["error"] != mine["error"]:
        problems.append(f"error: cli {cli['error']} oracle {mine['error']}")
    if mine["ok"] and cli["logs"] != expected_logs:
        problems.append(f"logs: cli {cli['logs']} oracle {expected_logs}")
    return problems


def cmd_verify(args: argparse.Namespace) -> int:
    wanted = set(args.ids or VERIFY_IDS)
    bad = checked = 0
    with tempfile.TemporaryDirectory(prefix="flinklint-verify-") as tmp:
        for version in args.versions:
            flink = Flink(version, args.cache, Path(tmp))
            pairs = [(c, f) for c, f in memory_cases(version) if c.id in wanted]
            base = Path(tmp) / f"verify-{version}"
            dirs = [(str(n), write_dir(base, str(n), f, config_text(c.entries)))
                    for n, (c, f) in enumerate(pairs)]  # fmt: skip
            results = flink.oracle("memory", dirs, Path(tmp))
            for n, (case, file) in enumerate(pairs):
                record = memory_record(case, file, results[str(n)])
                for role, command in COMMANDS.items():
                    problems = compare(record, role, cli_outcome(flink, command, dirs[n][1]))
                    checked += 1
                    bad += bool(problems)
                    for problem in problems:
                        print(f"MISMATCH {version} {case.id} ({file}) {role}: {problem}")
            print(f"{version}: compared {len(pairs)} cases x 2 commands with the CLI")
    print(f"{checked} command runs compared, {bad} mismatches")
    return 1 if bad else 0


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=fetch_flink.default_cache())
    sub = parser.add_subparsers(dest="command", required=True)
    memory = sub.add_parser("memory", help="tests/golden/memory/<X.Y>.json")
    memory.add_argument("--versions", nargs="+", default=list(fetch_flink.VERSIONS))
    memory.add_argument("--out", type=Path, default=MEMORY_OUT)
    memory.set_defaults(run=cmd_memory)
    reader = sub.add_parser("reader", help="tests/golden/reader/expected.json")
    reader.set_defaults(run=cmd_reader)
    verify = sub.add_parser("verify", help="compare the oracle with the BashJavaUtils CLI")
    verify.add_argument("--versions", nargs="+", default=["1.15.4", "1.20.3", "2.3.0"])
    verify.add_argument("--ids", nargs="*", help="case ids (default: a fixed handful)")
    verify.set_defaults(run=cmd_verify)
    args = parser.parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
