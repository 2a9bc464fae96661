"""From resolver failures to advice: every failure kind owned once, suggestions that work.

The suggested sizes are checked against the resolver on every failing golden case: a value the
message calls "at least"/"at most" must make that failure go away, and one mebibyte less (or
more) must not, so the advice is the smallest change.
"""

from __future__ import annotations

import json
import re
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest

from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.loader import load_bytes, load_text
from flinklint.memory import resolve
from flinklint.memory.failures import KINDS
from flinklint.memory.model import Failure
from flinklint.rules import registry
from flinklint.rules.advice import advice_for
from flinklint.rules.index import lint_rules
from flinklint.rules.shared.failures import FAILURE_RULES, owners
from flinklint.rules.shared.memory import GB, KB, MB, TB, size
from flinklint.rules.shared.search import resolve_with
from flinklint.versions import FileKind, FlinkVersion, parse_version

V120 = FlinkVersion(1, 20)
GOLDEN = Path(__file__).parent / "golden" / "memory"
SUGGESTION = re.compile(r"set (\S+) to (at least|at most) (\d+[mg])\b")


def test_every_failure_kind_is_owned_by_exactly_one_rule() -> None:
    listed = [kind for name in FAILURE_RULES
              for kind in import_module(f"flinklint.rules.{name}").KINDS]
    assert sorted(listed) == sorted(KINDS)
    assert len(listed) == len(set(listed))


def test_failure_rules_are_registered() -> None:
    codes = {code for code, _ in owners().values()}
    assert codes <= set(registry())
    assert all(registry()[code].severity.value == "error" for code in codes)


def _config(text: str) -> Any:
    [config] = load_bytes(text.encode(), "flink-conf.yaml") or []
    return config


@pytest.mark.parametrize(("text", "process", "code", "line"), [
    ("taskmanager.memory.process.size: 1728m\njobmanager.memory.process.size: 300m\n",
     "jobmanager", "FL206", 2),
    ("jobmanager.memory.process.size: 1g\ntaskmanager.memory.process.size: 1.5g\n",
     "taskmanager", "FL211", 2),
    ("taskmanager.memory.process.size: 1728m\nparallelism.default: 1\n", "jobmanager", "FL205", 1),
    ("parallelism.default: 1\n", "taskmanager", "FL215", 1),
    ("taskmanager.memory.process.size: 1728m\njobmanager.memory.process.size: 1600m\n"
     "taskmanager.memory.network.min: 2g\ntaskmanager.memory.network.max: 1g\n",
     "taskmanager", "FL202", 3),
])
def test_advice_for(text: str, process: str, code: str, line: int) -> None:
    config = _config(text)
    model = resolve(config, V120)[0 if process == "taskmanager" else 1]
    assert model.failure is not None
    got = advice_for(model.failure, config)
    assert got[:2] == (code, line)
    assert got[2] and got[2] == advice_for(model.failure, config, process, V120)[2]


def test_advice_for_a_defect_asks_for_a_report() -> None:
    config = _config("taskmanager.memory.process.size: 1728m\n")
    code, line, message = advice_for(Failure("internal-error", (), "boom"), config)
    assert (code, line) == ("FL000", 1) and "report" in message


@pytest.mark.parametrize(("n", "text"), [
    (0, "0 bytes"), (1000, "1000 bytes"), (KB, "1kb"), (1536, "1.5kb"), (GB, "1gb"),
    (1728 * MB, "1728mb"), (1536 * MB, "1.5gb"), (181193935, "172.8mb"),
    (134217730, "128mb (134217730 bytes)"), (2 * TB, "2tb"),
])
def test_size(n: int, text: str) -> None:
    assert size(n) == text


def _suggestions(path: Path) -> list[tuple[dict[str, Any], str, str, str, str, bool]]:
    """(case, code, key, direction, value, partial) for every size a memory error suggests;
    ``partial``: the message says another setting still keeps the process from starting."""
    version = parse_version(path.stem)
    found = []
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        if not case["load"]["ok"] or case["file"] != "flink-conf.yaml":
            continue
        [config] = load_text(case["text"], FileKind.LEGACY, "flink-conf.yaml", version=version)
        for finding in lint(config, version, Selection(select=("FL203", "FL206", "FL207")),
                            rules=lint_rules()):
            if "once the problem on line" in finding.message:
                continue  # judged after an earlier failure is reset: tests/test_memory_cascade.py
            for key, direction, value in SUGGESTION.findall(finding.message):
                partial = "still keeps" in finding.message
                found.append((case, finding.code, key, direction, value, partial))
    return found


def _works(config: Any, only_this: bool, key: str, text: str, kind: str) -> bool:
    """Whether the process starts (or, ``only_this``, no longer fails because of ``key``:
    FL203 promises its own kind is gone, a partial suggestion that what fails is elsewhere)."""
    failure = resolve_with(config, key.split(".")[0], V120, {key: text}).failure
    if failure is None or not only_this:
        return failure is None
    return failure.kind != kind and (kind == "overhead-out-of-range" or key not in failure.keys)


@pytest.mark.parametrize("path", [GOLDEN / "1.20.json"], ids=lambda p: p.stem)
def test_suggested_sizes_are_the_smallest_that_work(path: Path) -> None:
    suggestions = _suggestions(path)
    assert len(suggestions) > 20
    for case, code, key, direction, value, partial in suggestions:
        [config] = load_text(case["text"], FileKind.LEGACY, "flink-conf.yaml")
        before = resolve_with(config, key.split(".")[0], V120, {}).failure
        assert before is not None
        mib = int(value[:-1]) * (1024 if value.endswith("g") else 1)
        neighbour = f"{mib - 1 if direction == 'at least' else mib + 1}m"
        only_this = code == "FL203" or partial  # FL203 promises only its own failure goes away
        assert _works(config, only_this, key, value, before.kind), (case["id"], key, value)
        assert not _works(config, only_this, key, neighbour, before.kind), (case["id"], value)


def test_advice_for_manifests() -> None:
    text = ("apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: a\n"
            "spec:\n  flinkConfiguration:\n    parallelism.default: \"2\"\n---\n"
            "apiVersion: flink.apache.org/v1beta1\nkind: FlinkSessionJob\nmetadata:\n  name: b\n"
            "spec:\n  deploymentName: a\n")
    deployment, session = load_bytes(text.encode(), "job.yaml") or []
    for config, code in ((deployment, "FL205"), (session, "")):
        failure = resolve(config, V120)[0].failure
        assert failure is not None and failure.kind == "no-memory-configured"
        assert advice_for(failure, config)[0] == code
