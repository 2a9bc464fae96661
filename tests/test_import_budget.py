"""The import budget of a pre-commit run: what linting typical files may import.

flinklint runs as a pre-commit hook on every commit, so its start-up time is part of the
product, and most of it is importing. Wall-clock time cannot be tested on a shared machine;
imports can. Each case lints files with ``flinklint.cli.main`` in a fresh interpreter and
compares the modules it imported with the budget below. A module that a run newly needs must
be added to ALLOWED with its reason (``tools/bench.py`` shows what it costs).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# top-level standard modules a flink-conf.yaml run may import (beyond Python's own start-up)
ALLOWED = {
    # the interpreter's basics (most are imported at start-up already)
    "__future__", "collections", "contextlib", "copyreg", "enum", "errno", "functools",
    "genericpath", "importlib", "itertools", "keyword", "operator", "os", "posixpath", "re",
    "reprlib", "stat", "types", "warnings", "ntpath",
    "pathlib", "fnmatch", "urllib", "ipaddress",  # paths, and what pathlib imports
    "json",  # the option catalog (flinklint/data/catalog.json)
    "bisect",  # line numbers of offsets
    "math", "struct",  # Java's number parsing and printing
    "atexit",  # built in; the CLI asks it whether Python's shutdown can be skipped
}

# heavy modules, and why none of these runs needs them
FORBIDDEN = {
    "ruamel": "plain block YAML is read by flinklint.loader.yaml_quick",
    "yaml": "flinklint does not use PyYAML",
    "jsonschema": "valid settings are checked without it (flinklint.settings)",
    "referencing": "jsonschema's", "rpds": "jsonschema's", "jsonschema_specifications": "idem",
    "attrs": "jsonschema's", "attr": "jsonschema's",
    "argparse": "a run that names only files skips the parser (flinklint.cli.plain_check)",
    "dataclasses": "flinklint.records", "inspect": "dataclasses'",
    "shutil": "argparse's help width, tempfile", "tempfile": "only to write a fixed file",
    "concurrent": "worker processes only from 50 files", "multiprocessing": "idem",
    "subprocess": "nothing runs a program", "logging": "nothing logs", "difflib": "--diff",
}
LEGACY_ONLY = {  # also kept out of a flink-conf.yaml run
    "tomllib": "only when a settings file exists", "typing": "only for type checkers",
    "decimal": "rare values (flinklint.values.units)", "fractions": "rare values (memory.javanum)",
}

RUN = """
import io, json, sys
before = set(sys.modules)
from flinklint.cli import main
sys.stdout = io.StringIO()
code = main(sys.argv[1:])
sys.stdout = sys.__stdout__
print(json.dumps({"code": code, "new": sorted(set(sys.modules) - before)}))
"""

LEGACY = "# cluster\ntaskmanager.memory.process.size: 4g\nparallelism.default: 4\n"
CONFIG_YAML = "taskmanager:\n  memory:\n    process:\n      size: 4g\nparallelism.default: 4\n"
MANIFEST = """\
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "2"
  taskManager:
    resource:
      memory: "4096m"
"""


def imported(repo: Path, *args: str) -> set[str]:
    run = subprocess.run([sys.executable, "-c", RUN, "check", *args], cwd=repo,
                         capture_output=True, text=True, check=True)
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["code"] in (0, 1), run.stderr
    return set(result["new"])


def _public_top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules if not m.startswith(("_", "flinklint"))}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    for name, text in (("conf/flink-conf.yaml", LEGACY), ("new/config.yaml", CONFIG_YAML),
                       ("k8s/job.yaml", MANIFEST)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_flink_conf_yaml_run_stays_within_the_budget(repo: Path) -> None:
    modules = imported(repo, "conf/flink-conf.yaml")
    outside = _public_top(modules) - ALLOWED
    assert not outside, f"new imports on the pre-commit path: {sorted(outside)}"
    assert not _public_top(modules) & (set(FORBIDDEN) | set(LEGACY_ONLY))
    # no YAML reader, no argument parser, none of the rules the loader reports
    unneeded = {"flinklint.loader.yaml_nodes", "flinklint.loader.yaml_quick",
                "flinklint.cli.arguments", "flinklint.rules.duplicate_key",
                "flinklint.rules.yaml_syntax_error", "flinklint.rules.legacy_missing_space",
                # explain's judgement and renderers: a file Flink starts never needs them
                "flinklint.verdict", "flinklint.report.explain",
                "flinklint.report.explain_svg", "flinklint.report.explain_markdown",
                "flinklint.report.explain_compare", "flinklint.report.explain_layout"}
    assert not modules & unneeded


@pytest.mark.parametrize(("path", "extra"), [
    ("new/config.yaml", set()),
    ("k8s/job.yaml", {"decimal", "numbers"}),  # the operator's memory quantities
])
def test_yaml_runs_stay_within_the_budget(repo: Path, path: str, extra: set[str]) -> None:
    modules = _public_top(imported(repo, path))
    assert not modules - ALLOWED - extra, sorted(modules - ALLOWED - extra)
    assert not modules & set(FORBIDDEN), sorted(modules & set(FORBIDDEN))


def test_a_settings_file_costs_tomllib_but_not_jsonschema(repo: Path) -> None:
    (repo / ".flinklint.toml").write_text('ignore = ["FL101"]\nflink-version = "1.19"\n')
    modules = _public_top(imported(repo, "conf/flink-conf.yaml"))
    assert "tomllib" in modules
    assert not modules & set(FORBIDDEN), sorted(modules & set(FORBIDDEN))


def test_a_pyproject_without_our_table_is_not_parsed(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n')
    assert "tomllib" not in _public_top(imported(repo, "conf/flink-conf.yaml"))
