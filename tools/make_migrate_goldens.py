"""Regenerate tests/golden/migrate/expected.json: what real Flink reads from each legacy file
in tests/golden/migrate/cases/ and from the config.yaml ``flinklint migrate`` writes for it.

    python tools/make_migrate_goldens.py [--cache DIR] [--generate N]

For every ``<name>.flink-conf.yaml`` the script writes three config.yaml files with the
``flinklint migrate`` command: flat and ``--nested`` for Flink 1.20 (no renames), and flat for
Flink 2.3 (the default target, with renames). Real Flink 1.20.3 loads the legacy file and the two
1.20 files, each alone in its own directory (``GlobalConfiguration.loadConfiguration``, through
the reader mode of tools/oracle/Oracle.java), and reads every list and map option of the legacy
file the way Flink's code does (tools/migrate/MigrateProbe.java); Flink 2.3.0 loads the 2.3 file.
The golden keeps the written texts, each ``toMap()`` and the list and map values.

``--generate N`` first rewrites the generated cases ``gen-NNN.flink-conf.yaml`` (seeds 0..N-1,
see tools/migrate_cases.py). Java 17 and the Flink jars are needed (tools/fetch_flink.py).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import fetch_flink
import make_goldens
import migrate_cases

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flinklint.cli import main as flinklint  # noqa: E402
from flinklint.migration.values import STRUCTURED  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "migrate"
PROBE_SRC = ROOT / "tools" / "migrate" / "MigrateProbe.java"
FORMAT = 1
# variant -> (flinklint migrate options, Flink release that reads the result)
VARIANTS = {
    "flat": (["--flink-version", "1.20"], "1.20.3"),
    "nested": (["--flink-version", "1.20", "--nested"], "1.20.3"),
    "v2": ([], "2.3.0"),
}
LEGACY_FLINK = "1.20.3"
Json = dict[str, Any]


def migrate(case: Path, target: Path, options: list[str]) -> str:
    """Run ``flinklint migrate`` on ``case`` into ``target``; the text it wrote."""
    target.mkdir(parents=True)
    out = target / "config.yaml"
    with contextlib.redirect_stderr(io.StringIO()):
        code = flinklint(["migrate", str(case), "-o", str(out), "-q", *options])
    if code != 0:
        raise RuntimeError(f"flinklint migrate {case} {options} exited {code}")
    return out.read_bytes().decode("utf-8")


def probe_keys(case: Path) -> list[tuple[str, str]]:
    """The list and map options the legacy file sets, with their types."""
    from flinklint.catalog import catalog
    from flinklint.loader import load_text
    from flinklint.versions import DEFAULT_FOR_LEGACY, FileKind

    [config] = load_text(case.read_bytes(), FileKind.LEGACY, case.name)
    found = []
    for key in config.effective:
        info = catalog().lookup(key, DEFAULT_FOR_LEGACY)
        if info is not None and info.type in STRUCTURED:
            found.append((key, info.type))
    return sorted(found)


def run_probe(flink: make_goldens.Flink, rows: list[tuple[str, Path, list[tuple[str, str]]]],
              work: Path) -> dict[str, Json]:
    classes = work / f"probe-{flink.version}"
    classes.mkdir(exist_ok=True)
    cp = ":".join(str(p) for p in flink.classpath)
    subprocess.run(["javac", "-nowarn", "-d", str(classes), "-cp", cp, str(PROBE_SRC)], check=True)
    listing, out = work / "probe.list", work / "probe.out"
    lines = ["\t".join([name, str(d), *(part for kv in keys for part in kv)]) for name, d, keys
             in rows]
    listing.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    java = ["java", "-Dfile.encoding=UTF-8", "-cp", f"{cp}:{classes}", "MigrateProbe",
            str(listing), str(out)]
    subprocess.run(java, check=True, env=make_goldens.clean_env(), stdout=subprocess.DEVNULL)
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {row.pop("id"): row for row in results}


def build(cache: Path, work: Path) -> Json:
    cases = sorted((GOLDEN / "cases").glob("*.flink-conf.yaml"))
    names = [case.name.removesuffix(".flink-conf.yaml") for case in cases]
    texts: dict[str, dict[str, str]] = {name: {} for name in names}
    dirs: dict[str, list[tuple[str, Path]]] = {}
    for case, name in zip(cases, names, strict=True):
        legacy = work / "legacy" / name
        legacy.mkdir(parents=True)
        (legacy / "flink-conf.yaml").write_bytes(case.read_bytes())
        dirs.setdefault(LEGACY_FLINK, []).append((f"{name}/legacy", legacy))
        for variant, (options, release) in VARIANTS.items():
            target = work / variant / name
            texts[name][variant] = migrate(case, target, options)
            dirs.setdefault(release, []).append((f"{name}/{variant}", target))
    reads: dict[str, Json] = {}
    probes: dict[str, Json] = {}
    for release, pairs in dirs.items():
        flink = make_goldens.Flink(release, cache, work)
        ids = [(f"{n}", d) for n, (_, d) in enumerate(pairs)]
        result = flink.oracle("reader", ids, work)
        for n, (label, _) in enumerate(pairs):
            row = result[str(n)]
            reads[label] = {"ok": row["ok"], "effective": row["effective"], "error": row["error"]}
        if release == LEGACY_FLINK:
            rows = [(label, d, probe_keys(cases[names.index(label.split("/")[0])]))
                    for label, d in pairs]
            probes.update(run_probe(flink, rows, work))
    return {name: _record(name, texts[name], reads, probes) for name in names}


def _record(name: str, texts: dict[str, str], reads: dict[str, Json],
            probes: dict[str, Json]) -> Json:
    record: Json = {"texts": texts, "reads": {}}
    for variant in ("legacy", *VARIANTS):
        read = dict(reads[f"{name}/{variant}"])
        probe = probes.get(f"{name}/{variant}")
        if probe is not None:
            read["lists_and_maps"] = probe["values"]
        record["reads"][variant] = read
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=fetch_flink.default_cache())
    parser.add_argument("--generate", type=int, metavar="N", help="rewrite N generated cases")
    args = parser.parse_args(argv)
    if args.generate is not None:
        for old in (GOLDEN / "cases").glob("gen-*.flink-conf.yaml"):
            old.unlink()
        for seed in range(args.generate):
            path = GOLDEN / "cases" / f"gen-{seed:03d}.flink-conf.yaml"
            path.write_bytes(migrate_cases.generate(seed).encode("utf-8"))
    with tempfile.TemporaryDirectory(prefix="flinklint-migrate-") as tmp:
        cases = build(args.cache, Path(tmp))
    header = {"format": FORMAT, "generator": "tools/make_migrate_goldens.py",
              "java": make_goldens.java_version(),
              "flink": {"legacy": LEGACY_FLINK, **{v: r for v, (_, r) in VARIANTS.items()}}}
    lines = (json.dumps({"name": name, **record}, ensure_ascii=False, separators=(",", ":"))
             for name, record in cases.items())
    (GOLDEN / "expected.json").write_text(make_goldens.dump_lines(header, "cases", lines),
                                          encoding="utf-8")
    failed = sum(1 for r in cases.values() for read in r["reads"].values() if not read["ok"])
    print(f"{len(cases)} cases, {failed} loads refused by Flink -> {GOLDEN / 'expected.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
