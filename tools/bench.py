"""How fast is flinklint as a pre-commit hook? Whole-process runs, side by side with yamllint.

    python tools/bench.py [--files 600] [--rounds 21] [--tree-rounds 7] [--yamllint-config relaxed]
                          [--compare DIR]

Writes ``--files`` realistic configurations (``tools/bench_configs.py``) to a temporary
directory, then runs, interleaved round after round (the order rotates each round, so a busy
spell of a shared machine does not fall on one command):

* ``python -c pass``: the floor, the interpreter starting and stopping;
* ``flinklint check FILE`` and ``yamllint -d relaxed FILE`` on one ``flink-conf.yaml``;
* ``flinklint check DIR`` and ``yamllint -d relaxed DIR`` on the whole tree, and flinklint
  once more pinned to one CPU (so that it lints every file in its own process);
* the failing-heavy cases, both tools again: ``failing tree``, as many configurations whose
  memory settings Flink mostly refuses (each finding then carries advice worked out with the
  resolver), and ``near-miss``, one ``flink-conf.yaml`` of 5,000 mistyped option names (each
  an unknown key with a "did you mean").

All with the interpreter running this script (run it with the virtual environment's python; the
commands are the ``flinklint`` and ``yamllint`` scripts beside it). Bytecode is cached as in a
normal installation (``PYTHONDONTWRITEBYTECODE`` is dropped and ``PYTHONPYCACHEPREFIX`` points
into the temporary directory, filled by one untimed warm-up run of each command), so what is
timed is not Python compiling the sources. ``-d relaxed`` is yamllint's lighter preset, named
so that no ``.yamllint`` file changes what is measured.

Prints, per command, the median wall-clock and CPU (user + system, workers included) time, the
peak resident set of the largest process (``ru_maxrss`` from ``wait4``) and, for the tree runs,
the peak of all its processes together (the sum of their proportional set sizes, sampled from
``/proc``); then the ratios the targets are stated in: of the medians, and in brackets the
median of each round's own ratio (steadier when the machine's load changes during the run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import bench_configs

BIN = Path(sys.executable).parent
Sample = tuple[float, float, int, int]  # wall s, cpu s, peak rss KiB, peak rss of all KiB


def run(argv: list[str], cwd: Path, sample: bool = False) -> Sample:
    """One whole-process run; its rusage (and its workers') through wait4."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cwd / "pycache")
    if argv[0].startswith("PYTHONPATH="):  # another flinklint source tree (--compare)
        env["PYTHONPATH"], argv = argv[0].partition("=")[2], argv[1:]
    one_cpu = argv[0] == "1cpu"  # pinned to one CPU, so flinklint lints the files itself
    argv = argv[1:] if one_cpu else argv
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, preexec_fn=_pin if one_cpu else None)
    peak = _Sampler(proc.pid, active=sample)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    peak.stop = True
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed with exit code {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, peak.kib


class _Sampler(threading.Thread):
    """The largest memory of a process and its workers together (the sum of their proportional
    set sizes, shared pages split between the processes sharing them), every 20 ms; sampled
    only for the tree runs, so that the one-file runs do not share the CPU with it."""

    def __init__(self, pid: int, active: bool) -> None:
        super().__init__(daemon=True)
        self.pid, self.kib, self.stop = pid, 0, False
        if active:
            self.start()

    def run(self) -> None:
        while not self.stop:
            self.kib = max(self.kib, sum(_pss(pid) for pid in _tree(self.pid)))
            time.sleep(0.02)


def _tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid, *(p for child in children for p in _tree(int(child)))]


def _pss(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in rollup.splitlines()
                 if line.startswith("Pss:")), 0)


def _pin() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def heavy(name: str) -> bool:
    """A run over many files or a long one: fewer rounds, memory sampled."""
    return "tree" in name or "near-miss" in name


def commands(tree: Path, one: Path, preset: str, other: str | None, failing: Path,
             near: Path) -> dict[str, list[str]]:
    yamllint = [str(BIN / "yamllint"), "-d", preset]
    flinklint = [str(BIN / "flinklint"), "check"]
    compared = {} if other is None else {
        "other 1 file": [f"PYTHONPATH={other}", *flinklint, str(one)],
        "other tree": [f"PYTHONPATH={other}", *flinklint, str(tree)],
        "other failing tree": [f"PYTHONPATH={other}", *flinklint, str(failing)],
        "other near-miss": [f"PYTHONPATH={other}", *flinklint, str(near)],
    }
    return compared | {
        "python -c pass": [sys.executable, "-c", "pass"],
        "flinklint 1 file": [str(BIN / "flinklint"), "check", str(one)],
        "yamllint 1 file": [*yamllint, str(one)],
        "flinklint tree": [str(BIN / "flinklint"), "check", str(tree)],
        "flinklint tree 1cpu": ["1cpu", str(BIN / "flinklint"), "check", str(tree)],
        "yamllint tree": [*yamllint, str(tree)],
        "flinklint failing tree": [*flinklint, str(failing)],
        "yamllint failing tree": [*yamllint, str(failing)],
        "flinklint near-miss": [*flinklint, str(near)],
        "yamllint near-miss": [*yamllint, str(near)],
    }


def measure(cmds: dict[str, list[str]], rounds: int, tree_rounds: int,
            cwd: Path) -> dict[str, list[Sample]]:
    samples: dict[str, list[Sample]] = {name: [] for name in cmds}
    names = list(cmds)
    names = [n for n in names if tree_rounds or not heavy(n)]
    for name in names:  # warm-up: bytecode caches, file system caches
        run(cmds[name], cwd)
    for number in range(rounds):
        order = names[number % len(names):] + names[: number % len(names)]
        for name in order:
            if heavy(name) and number >= tree_rounds:
                continue
            samples[name].append(run(cmds[name], cwd, sample=heavy(name)))
        print(f"\rround {number + 1}/{rounds}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return samples


def report(samples: dict[str, list[Sample]], files: int) -> None:
    med = {name: (statistics.median(s[0] for s in runs), statistics.median(s[1] for s in runs),
                  max(s[2] for s in runs), max(s[3] for s in runs))
           for name, runs in samples.items() if runs}
    print(f"{'command':<24} {'runs':>4} {'wall ms':>9} {'cpu ms':>9} {'peak RSS MiB':>13} "
          f"{'all, PSS MiB':>14}")
    for name, (wall, cpu, rss, total) in med.items():
        print(f"{name:<24} {len(samples[name]):>4} {wall * 1000:>9.1f} {cpu * 1000:>9.1f} "
              f"{rss / 1024:>13.1f} {total / 1024:>14.1f}")
    print(f"\nratios of the medians, wall / cpu, then the median of each round's own wall ratio;"
          f" tree = {files} files:")
    for label, top, bottom, target in (
        ("flinklint / yamllint, 1 file", "flinklint 1 file", "yamllint 1 file", 0.6),
        ("flinklint / python -c pass", "flinklint 1 file", "python -c pass", 2.5),
        ("flinklint / yamllint, tree", "flinklint tree", "yamllint tree", 0.33),
        ("flinklint / yamllint, failing", "flinklint failing tree", "yamllint failing tree",
         0.33),
        ("flinklint / yamllint, near-miss", "flinklint near-miss", "yamllint near-miss", 1.0),
        ("flinklint tree, all CPUs / 1", "flinklint tree", "flinklint tree 1cpu", 1.0),
        ("flinklint / other, 1 file", "flinklint 1 file", "other 1 file", 1.0),
        ("flinklint / other, tree", "flinklint tree", "other tree", 1.0),
        ("flinklint / other, failing", "flinklint failing tree", "other failing tree", 1.0),
        ("flinklint / other, near-miss", "flinklint near-miss", "other near-miss", 1.0),
    ):
        if top not in med or bottom not in med:
            continue
        wall, cpu = (med[top][i] / med[bottom][i] for i in (0, 1))
        paired = statistics.median(a[0] / b[0] for a, b in zip(samples[top], samples[bottom],
                                                               strict=True))
        verdict = "ok" if wall <= target else "OVER"
        print(f"  {label:<30} {wall:5.2f} / {cpu:5.2f}  ({paired:4.2f})   target <= {target}  "
              f"{verdict}")
    for name in ("flinklint tree", "flinklint failing tree", "flinklint near-miss"):
        if name not in med:
            continue
        peak, together = (value / 1024 for value in med[name][2:])
        print(f"  {name + ' peak RSS':<30} {peak:5.1f} MiB (all processes, PSS: "
              f"{together:.1f})   target < 60  {'ok' if max(peak, together) < 60 else 'OVER'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=21, help="rounds of the one-file runs")
    parser.add_argument("--tree-rounds", type=int, default=7, help="rounds that run the tree")
    parser.add_argument("--yamllint-config", default="relaxed", help="preset or YAML for -d")
    parser.add_argument("--compare", metavar="DIR",
                        help="also time the flinklint package found in DIR (e.g. an export of an"
                             " older commit), as 'other'")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="flinklint-bench-") as tmp:
        root = Path(tmp)
        tree = root / "tree"
        written = bench_configs.write_tree(tree, args.files)
        failing = root / "failing"
        bench_configs.write_tree(failing, args.files, failing=True)
        near = root / "near-miss" / "flink-conf.yaml"
        near.parent.mkdir()
        near.write_text(bench_configs.near_misses(5000), encoding="utf-8")
        (root / ".git").mkdir()  # a repository root, as under pre-commit: discovery stops here
        cmds = commands(tree, written[0], args.yamllint_config, args.compare, failing, near)
        print(f"{len(written)} files in {tree}; {os.cpu_count()} CPUs; "
              f"load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
        report(measure(cmds, args.rounds, args.tree_rounds, root), len(written))


if __name__ == "__main__":
    main()
