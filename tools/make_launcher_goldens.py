"""Run Flink's real start scripts over the cases of ``launcher_cases.py`` and write the JVM argv.

For each Flink minor version (its latest patch release) the scripts come from the PyPI
``apache-flink`` wheel (``pyflink/bin``), the jars from the ``apache-flink-libraries`` sdist
(``fetch_flink.py``). A Flink home is laid out in a temporary directory (``bin/`` = the
wheel's scripts plus ``bash-java-utils.jar``, ``lib/`` = the ``flink-dist`` jar only,
``conf/`` = one case file) and ``bin/taskmanager.sh start-foreground`` and
``bin/jobmanager.sh start-foreground`` are run with a stand-in ``java`` first on ``PATH``:
it hands ``BashJavaUtils`` and ``-XshowSettings:properties`` to the real JDK 17 (so the
1.19+ configuration reading and every version's memory resolution are Flink's own) and, for
the process the script finally starts, records its argument vector instead of starting it.
The environment is empty apart from ``PATH``, ``HOME``, ``USER``, ``HOSTNAME``, ``LANG`` and
``FLINK_PID_DIR`` (a fresh directory per run), so no ``FLINK_ENV_JAVA_OPTS*`` or ``JVM_ARGS``
leaks in.

    python tools/make_launcher_goldens.py [--cache DIR] [--jobs N] [--versions V ...]

writes ``tests/golden/launch/<X.Y>.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fetch_flink
from launcher_cases import cases

VERSIONS = (
    "1.15.4", "1.16.3", "1.17.2", "1.18.1", "1.19.3",
    "1.20.5", "2.0.2", "2.1.3", "2.2.1", "2.3.0",
)  # fmt: skip
PYTHONS = ("3.11", "3.10", "3.9", "3.8")
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "golden" / "launch"
PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:"
MAIN_CLASSES = {
    "taskmanager": "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
    "jobmanager": "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
}
STANDIN = r"""#!/bin/bash
# Stand-in for java: the real JDK for BashJavaUtils and the spec-version probe, else record argv.
# A real call's output (stdout and stderr, as the scripts merge them) and exit status are kept
# and replayed for the same call on the same configuration: the flattened configuration is asked
# for by every config.sh (twice per script), the spec version by every 1.19+ config.sh.
tag=
for a in "$@"; do
  case "$a" in
    GET_TM_RESOURCE_PARAMS) tag=tm;;
    GET_JM_RESOURCE_PARAMS) tag=jm;;
    UPDATE_AND_GET_FLINK_CONFIGURATION) tag=flat;;
    -XshowSettings:properties) tag=spec;;
  esac
done
if [ -n "$tag" ]; then
  work="$(dirname "$STANDIN_OUT")"
  cache="$work/java-$tag"
  [ "$tag" = spec ] && cache="$STANDIN_SHARED/java-spec"
  if [ ! -f "$cache.rc" ] && { [ "$tag" = tm ] || [ "$tag" = jm ]; }; then
    # the memory resolution depends on the loaded configuration less its env.java.* keys:
    # on 1.19+ that is the flattened dump (or its error), up to 1.18 the same for every case
    # (a configuration that does not load is always resolved for real)
    key=legacy
    if [ -f "$work/java-flat.out" ]; then
      key=
      if [ "$(cat "$work/java-flat.rc")" = 0 ] \
         && grep -q '^BASH_JAVA_UTILS_EXEC_RESULT:' "$work/java-flat.out"; then
        key=$(grep '^BASH_JAVA_UTILS_EXEC_RESULT:' "$work/java-flat.out" \
              | grep -v '^BASH_JAVA_UTILS_EXEC_RESULT:env\.java\.' | sha1sum | cut -c1-16)
      fi
    fi
    shared="$STANDIN_SHARED/java-$tag-$key"
    if [ -n "$key" ] && [ ! -f "$shared.rc" ]; then
      "$REAL_JAVA" "$@" > "$shared.out.$$" 2>&1
      echo $? > "$shared.rc.$$"
      mv "$shared.out.$$" "$shared.out" && mv "$shared.rc.$$" "$shared.rc"
    fi
    [ -n "$key" ] && cp "$shared.out" "$cache.out" && cp "$shared.rc" "$cache.rc"
  fi
  if [ ! -f "$cache.rc" ]; then
    "$REAL_JAVA" "$@" > "$cache.out" 2>&1
    echo $? > "$cache.rc"
  fi
  cat "$cache.out"
  exit "$(cat "$cache.rc")"
fi
printf '%s\0' "$@" > "$STANDIN_OUT"
"""


def kinds(version: str) -> list[str]:
    major_minor = tuple(int(p) for p in version.split(".")[:2])
    out = []
    if major_minor < (2, 0):
        out.append("flink-conf.yaml")
    if major_minor >= (1, 19):
        out.append("config.yaml")
    return out


def wheel_scripts(version: str, cache: Path) -> Path:
    """``pyflink/bin`` of the ``apache-flink`` wheel of ``version``, extracted in the cache."""
    target = cache / "wheel-bin" / version
    if (target / "config.sh").is_file():
        return target
    wheels = cache / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    found = sorted(wheels.glob(f"apache_flink-{version}-*.whl"))
    for python in PYTHONS:
        if found:
            break
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:",
             "--platform", "manylinux2014_x86_64", "--python-version", python,
             f"apache-flink=={version}", "-d", str(wheels)],
            check=False, capture_output=True,
        )  # fmt: skip
        found = sorted(wheels.glob(f"apache_flink-{version}-*.whl"))
    if not found:
        raise FileNotFoundError(f"no apache-flink {version} wheel")
    staging = target.with_name(version + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with zipfile.ZipFile(found[0]) as wheel:
        for name in wheel.namelist():
            if name.startswith("pyflink/bin/") and not name.endswith("/"):
                (staging / Path(name).name).write_bytes(wheel.read(name))
    staging.rename(target)
    return target


def lay_home(version: str, cache: Path, root: Path) -> Path:
    deps = fetch_flink.fetch(version, cache)
    home = root / f"flink-{version}"
    (home / "bin").mkdir(parents=True)
    (home / "lib").mkdir()
    (home / "log").mkdir()
    for script in wheel_scripts(version, cache).iterdir():
        shutil.copy(script, home / "bin" / script.name)
        (home / "bin" / script.name).chmod(0o755)
    (home / "bin" / "bash-java-utils.jar").symlink_to(deps / "bin" / "bash-java-utils.jar")
    dist = fetch_flink.dist_jar(deps)
    (home / "lib" / dist.name).symlink_to(dist)
    return home


def real_java() -> str:
    java = shutil.which("java")
    if java is None:
        raise FileNotFoundError("no java on PATH")
    return os.path.realpath(java)


def run_process(home: Path, conf: Path, process: str, work: Path, java: str) -> dict[str, object]:
    record = work / f"{process}.argv"
    pid_dir = work / f"{process}.pid"
    pid_dir.mkdir()
    env = {
        "PATH": f"{home.parent / 'standin'}:/usr/bin:/bin",
        "HOME": str(work),
        "USER": "flink",
        "HOSTNAME": "host",
        "LANG": "C.UTF-8",
        "FLINK_CONF_DIR": str(conf),
        "FLINK_PID_DIR": str(pid_dir),
        "REAL_JAVA": java,
        "STANDIN_OUT": str(record),
        "STANDIN_SHARED": str(home.parent),
    }
    result = subprocess.run(
        ["bash", str(home / "bin" / f"{process}.sh"), "start-foreground"],
        env=env, cwd=work, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    output = (result.stdout + result.stderr).replace(str(home), "$FLINK_HOME")
    output = output.replace(str(conf), "$CONF_DIR").replace(str(work), "$WORK")
    entry: dict[str, object] = {"started": record.exists()}
    res = work / f"java-{process[0]}m.out"
    params = _results(res)
    entry["jvm_params"] = params[0] if len(params) == 2 else None
    flat = work / "java-flat.out"
    if flat.exists():
        entry["flattened"] = {
            k: v for k, _, v in (x.partition(": ") for x in _results(flat))
            if k.startswith("env.java.")
        }  # fmt: skip
    if record.exists():
        argv = record.read_bytes().decode("utf-8").split("\0")[:-1]
        main = argv.index(MAIN_CLASSES[process])
        cut = max(
            i for i in range(main) if argv[i].startswith("-Dlog.file=") and i + 3 < main
            and argv[i + 1].startswith("-Dlog4j.configuration=file:")
        )  # fmt: skip
        norm = [a.replace(str(home), "$FLINK_HOME").replace(str(conf), "$CONF_DIR") for a in argv]
        entry["jvm_options"] = norm[:cut]
    else:
        entry["jvm_options"] = None
    entry["shell_errors"] = [
        line for line in output.splitlines()
        if "unexpected EOF" in line or "syntax error" in line or line.startswith("[ERROR]")
    ]  # fmt: skip
    return entry


def _results(path: Path) -> list[str]:
    """The ``BASH_JAVA_UTILS_EXEC_RESULT:`` lines of a recorded ``BashJavaUtils`` call."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [x.removeprefix(PREFIX) for x in lines if x.startswith(PREFIX)]


def run_case(
    version: str, home: Path, kind: str, case_id: str, lines: list[tuple[str, str]], java: str
) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix=f"{case_id}.", dir=home.parent / "runs"))
    conf = work / "conf"
    conf.mkdir()
    text = "".join(f"{k}: {v}\n" for k, v in lines)
    (conf / kind).write_text(text, encoding="utf-8")
    case: dict[str, object] = {"id": case_id, "file": kind, "entries": [list(x) for x in lines]}
    for process in ("taskmanager", "jobmanager"):
        case[process] = run_process(home, conf, process, work, java)
    return case


def java_version(java: str) -> str:
    probe = subprocess.run([java, "-version"], capture_output=True, text=True, check=True)
    return probe.stderr.splitlines()[0]


def generate(version: str, cache: Path, jobs: int) -> Path:
    java = real_java()
    with tempfile.TemporaryDirectory(prefix="flink-launch-") as tmp:
        root = Path(tmp)
        home = lay_home(version, cache, root)
        (root / "runs").mkdir()
        standin = root / "standin"
        standin.mkdir()
        (standin / "java").write_text(STANDIN)
        (standin / "java").chmod(0o755)
        # the spec-version probe, run once before the cases run in parallel
        probe = subprocess.run([java, "-XshowSettings:properties"], capture_output=True,
                               text=True, check=False)  # fmt: skip
        (root / "java-spec.out").write_text(probe.stdout + probe.stderr)
        (root / "java-spec.rc").write_text(f"{probe.returncode}\n")
        work = [(kind, cid, lines) for kind in kinds(version) for cid, lines in cases()]
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            done = list(pool.map(lambda w: run_case(version, home, *w, java), work))
    minor = ".".join(version.split(".")[:2])
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"{minor}.json"
    header = {
        "format": 1, "flink_version": version, "java": java_version(java),
        "generator": "tools/make_launcher_goldens.py",
    }  # fmt: skip
    body = ",\n".join(json.dumps(c, ensure_ascii=False, sort_keys=False) for c in done)
    head = json.dumps(header, ensure_ascii=False)[:-1]
    target.write_text(f'{head}, "cases": [\n{body}\n]}}\n', encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=fetch_flink.default_cache())
    parser.add_argument("--jobs", type=int, default=3)
    parser.add_argument("--versions", nargs="*", default=list(VERSIONS))
    args = parser.parse_args(argv)
    for version in args.versions:
        path = generate(version, args.cache, args.jobs)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        print(f"{version}\t{path.relative_to(ROOT)}\t{digest}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
