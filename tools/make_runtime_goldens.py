"""Ask real Flink how it reads the run-time memory options: ``tests/golden/runtime.json``.

For every case of ``runtime_cases.py`` and every supported version, ``oracle/RuntimeOracle.java``
(reflection only, so one build runs on all versions; classpath ``lib/*`` of the version) reports
the state backend ``StateBackendLoader`` loads and whether it uses managed memory, the
managed-memory weights ``ManagedMemoryUtils`` reads and the fraction of a slot each consumer
gets, the runtime mode, RocksDB's memory configuration, and, for cases with a slot size, what
``RocksDBOperationUtils.allocateSharedCachesIfConfigured`` gives one slot (real RocksDB).

    python tools/make_runtime_goldens.py [--cache DIR] [--versions 1.20.3 ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import fetch_flink
import runtime_cases

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tools" / "oracle" / "RuntimeOracle.java"
OUT = ROOT / "tests" / "golden" / "runtime.json"


def write_cases(path: Path, cases: list[runtime_cases.Case]) -> None:
    lines = []
    for case_id, config, managed in cases:
        lines.append(f"#case {case_id}")
        if managed is not None:
            lines.append(f"#managed {managed}")
        lines += [f"{key}\t{value}" for key, value in config.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(version: str, cache: Path, work: Path, cases_file: Path) -> list[dict[str, Any]]:
    deps = fetch_flink.fetch(version, cache)
    out = work / f"out-{version}.jsonl"
    classpath = f"{work / 'classes'}:{deps / 'lib'}/*"
    subprocess.run(["java", "-cp", classpath, "RuntimeOracle", str(cases_file), str(out)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def dumps(golden: dict[str, Any]) -> str:
    """JSON with one case, or one version's answer to one case, per line (readable diffs)."""
    def line(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    cases = ",\n  ".join(line(case) for case in golden["cases"])
    versions = ",\n ".join(
        f"{json.dumps(v)}: [\n  " + ",\n  ".join(line(a) for a in answers) + "\n ]"
        for v, answers in golden["flink"].items()
    )
    return (f'{{"format": {golden["format"]},\n "cases": [\n  {cases}\n ],\n'
            f' "flink": {{\n {versions}\n }}\n}}\n')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=fetch_flink.default_cache())
    parser.add_argument("--versions", nargs="+", default=list(fetch_flink.VERSIONS))
    args = parser.parse_args(argv)
    cases = runtime_cases.cases()
    results: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run(["javac", "-nowarn", "-d", str(work / "classes"), str(SOURCE)], check=True,
                       stderr=subprocess.DEVNULL)
        cases_file = work / "cases.txt"
        write_cases(cases_file, cases)
        for version in args.versions:
            answers = run(version, args.cache, work, cases_file)
            results[version] = [{k: v for k, v in a.items() if k != "id"} for a in answers]
            print(f"{version}: {len(answers)} cases", file=sys.stderr)
    golden = {
        "format": 1,
        "cases": [{"id": i, "config": c, "managed_per_slot": m} for i, c, m in cases],
        "flink": results,
    }
    OUT.write_text(dumps(golden), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
