"""Regenerate ``flinklint/data/catalog.json``: every option of every supported Flink version.

For each version, the Java harness in ``tools/catalog/CatalogDump.java`` (compiled here, at run
time) scans the jars of the distribution (``lib/``, ``opt/``, ``plugins/*/`` and the table
planner nested inside ``flink-table-planner-loader``), reads every static ``ConfigOption`` it
finds and writes one JSON line per option. ``tools/catalog/merge.py`` then folds the ten
versions into one compact file, adding the families Flink matches by prefix and the keys only
the shell scripts read (``tools/catalog/extras.py``).

    python tools/make_catalog.py [--cache DIR] [--work DIR] [--out FILE]

The raw dumps are kept in ``--work`` (one ``<version>.jsonl`` each) and reused when present,
so changing the merge does not need Java again; pass ``--fresh`` to dump again.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

from catalog.merge import build  # noqa: E402
from fetch_flink import VERSIONS, default_cache, find_deps  # noqa: E402

HARNESS = (TOOLS / "catalog" / "CatalogDump.java", TOOLS / "catalog" / "ValueOracle.java")
DEFAULT_OUT = TOOLS.parent / "flinklint" / "data" / "catalog.json"


def compile_harness(work: Path) -> Path:
    classes = work / "classes"
    classes.mkdir(parents=True, exist_ok=True)
    subprocess.run(["javac", "-d", str(classes), *map(str, HARNESS)], check=True)
    return classes


def jars_of(deps: Path, work: Path, version: str) -> tuple[list[Path], list[Path]]:
    """The jars to scan and the extra class path (logging) of one distribution."""
    lib = sorted(deps.glob("lib/*.jar"))
    scan = [j for j in lib if j.name.startswith("flink-")]
    scan += sorted(deps.glob("opt/*.jar")) + sorted(deps.glob("plugins/*/*.jar"))
    for loader in (j for j in lib if j.name.startswith("flink-table-planner-loader")):
        nested = work / f"planner-{version}.jar"
        with zipfile.ZipFile(loader) as archive, nested.open("wb") as sink:
            sink.write(archive.read("flink-table-planner.jar"))
        scan.append(nested)
    extra = [j for j in lib if not j.name.startswith("flink-")]
    return scan, extra


def dump(version: str, cache: Path, work: Path, classes: Path) -> Path:
    out = work / f"{version}.jsonl"
    deps = find_deps(cache, version)
    if deps is None:
        raise FileNotFoundError(f"Flink {version} is not in {cache}: run tools/fetch_flink.py")
    scan, extra = jars_of(deps, work, version)
    command = ["java", "-Xss4m", "-cp", str(classes), "CatalogDump", str(out)]
    command += [str(j) for j in scan] + ["--"] + [str(j) for j in extra]
    with tempfile.TemporaryDirectory() as tmp:  # options that touch the disk on init stay here
        subprocess.run(command, check=True, cwd=tmp, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=900)  # fmt: skip
    return out


def read_dump(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def value_golden(cache: Path, classes: Path) -> dict[str, dict[str, list[Any]]]:
    """How each version reads the cases of ``tools/catalog/values.py``, per file kind."""
    from catalog import values

    golden: dict[str, dict[str, list[Any]]] = {}
    for version in VERSIONS:
        deps = find_deps(cache, version)
        assert deps is not None, version
        classpath = f"{classes}:{deps / 'lib'}/*"
        name = ".".join(version.split(".")[:2])
        kinds = ["flink-conf.yaml"] if not name.startswith("2.") else []
        kinds += ["config.yaml"] if name in values.YAML_VERSIONS else []
        golden[name] = {kind: values.run(version, kind, classpath) for kind in kinds}
    return golden


def values_text(golden: dict[str, dict[str, list[Any]]]) -> str:
    """One line per distinct outcome: [versions, file kind, type, text, YAML type, value, error].

    ``error`` is the cause under Flink's "Could not parse value" wrapper (``java.lang.`` cut).
    """
    grouped: dict[str, list[str]] = {}
    for version, kinds in golden.items():
        for kind, rows in kinds.items():
            for r in rows:
                error = [e.removeprefix("java.lang.") for e in (r.get("error") or [])[1:]]
                row = [kind, r["type"], r["text"], r["yaml"], r.get("value"), error or None]
                grouped.setdefault(json.dumps(row, ensure_ascii=False), []).append(version)
    lines = [f"[{json.dumps(v)}, {row[1:]}" for row, v in grouped.items()]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "flinklint-catalog"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--fresh", action="store_true", help="dump again even if cached")
    parser.add_argument("--values", type=Path, help="also write how Flink reads typed values here")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.values:
        golden = value_golden(args.cache, compile_harness(args.work))
        args.values.write_text(values_text(golden), encoding="utf-8")
    todo = [v for v in VERSIONS if args.fresh or not (args.work / f"{v}.jsonl").is_file()]
    if todo:
        classes = compile_harness(args.work)
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(lambda v: dump(v, args.cache, args.work, classes), todo))
    dumps = {v: read_dump(args.work / f"{v}.jsonl") for v in VERSIONS}
    data = build(dumps)
    text = json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(text)} bytes, {len(data['options'])} keys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
