"""The run-time memory rules (FL4xx): where each stays silent, where it reports (line:column),
the fixes (text before and exact text after), on flink-conf.yaml, config.yaml and manifests.

The sizes in the messages come from the resolver; the tests check them against the resolver,
and FL401's promised gain against the layout Flink computes for the file once the fix is applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from flinklint.edits import apply_edits
from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.findings import Applicability, Finding
from flinklint.loader import load_bytes
from flinklint.memory import resolve_process
from flinklint.memory.model import ProcessModel
from flinklint.rules.index import lint_rules
from flinklint.rules.shared.memory import size
from flinklint.versions import default_for, parse_version

JM = "jobmanager.memory.process.size: 1600m\n"
TM = "taskmanager.memory.process.size: 4g\n"
K8S = "execution.target: kubernetes-application\n"
ROCKS = "state.backend.type: rocksdb\n"
UNMANAGED = "state.backend.rocksdb.memory.managed: false\n"
W = "taskmanager.memory.managed.consumer-weights"


def manifest(flink_configuration: str, kind: str = "FlinkDeployment", version: str = "v1_20",
             tm: str = "4g") -> str:
    """A manifest: flinkConfiguration entries start on line 8, column 5."""
    text = (f"apiVersion: flink.apache.org/v1beta1\nkind: {kind}\nmetadata:\n  name: job\n"
            f"spec:\n  flinkVersion: {version}\n  flinkConfiguration:\n{flink_configuration}")
    if kind == "FlinkDeployment":
        for name, memory in (("jobManager", "1600m"), ("taskManager", tm)):
            text += f"  {name}:\n    resource:\n      memory: \"{memory}\"\n      cpu: 1\n"
    return text


@dataclass(frozen=True)
class Case:
    code: str
    text: str
    expected: tuple[tuple[int, int], ...]  # (line, column) of each finding
    file: str = "flink-conf.yaml"
    version: str | None = None
    options: dict[str, object] = field(default_factory=dict)


def findings(text: str, code: str, file: str = "flink-conf.yaml", version: str | None = None,
             options: dict[str, object] | None = None) -> list[Finding]:
    target = parse_version(version) if version else None
    configs = load_bytes(text.encode(), file, version=target)
    assert configs, "not recognised as a Flink configuration"
    out: list[Finding] = []
    for config in configs:
        chosen = target or config.flink_version or default_for(config.kind)
        found = lint(config, chosen, Selection(select=(code,)), options, rules=lint_rules())
        out += [f for f in found if f.code == code]
    return out


CASES = [
    # FL401 managed-memory-unused: the heap backend, by each name each version maps to it
    Case("FL401", TM + JM + "state.backend.type: hashmap\n", ((3, 1),)),
    Case("FL401", TM + JM + "state.backend: HashMap\n", ((3, 1),), version="1.16"),
    Case("FL401", TM + JM + "state.backend: jobmanager\n", ((3, 1),), version="1.18"),
    Case("FL401", TM + JM + "state.backend.type: filesystem\n", ((3, 1),), version="1.20"),
    Case("FL401", TM + "taskmanager.memory.managed.fraction: 0.2\n" + JM
         + "state.backend.type: hashmap\n", ((2, 1),)),
    Case("FL401", "taskmanager:\n  memory:\n    process.size: 4g\n    managed:\n"
         "      fraction: 0.5\n" + JM + "state:\n  backend:\n    type: hashmap\n", ((5, 7),),
         "config.yaml"),
    Case("FL401", TM + JM + "state.backend: hashmap\n", ((3, 1),), "config.yaml", "2.0"),
    Case("FL401", manifest("    state.backend.type: hashmap\n"), ((8, 5),), "job.yaml"),
    Case("FL401", TM + JM + "state.backend.type: hashmap\npython.executable: python3\n"
         "python.fn-execution.memory.managed: false\n", ((3, 1),)),
    Case("FL401", TM + JM + "state.backend.type: hashmap\n" + W + ": OPERATOR:70\n", ((3, 1),)),
    # ... silent where managed memory has a consumer, is zero, or the backend is not the heap's
    Case("FL401", TM + JM + ROCKS, ()),
    Case("FL401", TM + JM + "state.backend.type: forst\n", (), "config.yaml", "2.0"),
    Case("FL401", TM + JM, ()),  # no backend named: the job may set one in code
    Case("FL401", TM + JM + "state.backend.type: hashmap\nexecution.runtime-mode: BATCH\n", ()),
    Case("FL401", TM + JM + "state.backend.type: hashmap\nexecution.runtime-mode: automatic\n",
         ()),
    Case("FL401", TM + JM + "state.backend.type: hashmap\nexecution.runtime-mode: nonsense\n",
         ()),
    Case("FL401", TM + JM + "state.backend.type: hashmap\npython.executable: python3\n", ()),
    Case("FL401", TM + JM + "state.backend.type: hashmap\n" + W + ": OPERATOR:70,PYTHON:30\n",
         ()),
    Case("FL401", TM + JM + "state.backend.type: hashmap\n" + W + ": OPERATOR:x\n", ()),
    Case("FL401", TM + "taskmanager.memory.managed.size: 0\n" + JM + "state.backend.type: "
         "hashmap\n", ()),
    Case("FL401", TM + JM + "state.backend.type: hashmap\n", (), version="1.16"),  # not read
    Case("FL401", TM + JM + "state.backend: filesystem\n", (), "config.yaml", "2.0"),  # gone
    Case("FL401", "taskmanager.memory.process.size: 1g\ntaskmanager.memory.managed.size: 2g\n"
         + JM + "state.backend.type: hashmap\n", ()),  # Flink refuses the TaskManager (FL2xx)
    Case("FL401", manifest("    state.backend.type: hashmap\n", kind="FlinkSessionJob"), (),
         "job.yaml"),
    # FL402 rocksdb-memory-unbounded: only in a container
    Case("FL402", K8S + TM + JM + ROCKS + UNMANAGED, ((5, 1),)),
    Case("FL402", "execution.target: yarn-per-job\n" + TM + JM + ROCKS
         + "state.backend.rocksdb:\n  memory:\n    managed: false\n", ((7, 5),), "config.yaml"),
    Case("FL402", manifest("    state.backend.type: rocksdb\n    " + UNMANAGED), ((9, 5),),
         "job.yaml"),
    Case("FL402", TM + JM + ROCKS + UNMANAGED, ((4, 1),), options={"deployment": "kubernetes"}),
    Case("FL402", K8S + TM + JM + "state.backend: rocksdb\n" + UNMANAGED
         + "state.backend.rocksdb.memory.fixed-per-tm: 1g\n", ((5, 1),), version="1.16"),
    Case("FL402", TM + JM + ROCKS + UNMANAGED, ((4, 1),), options={"deployment": "docker"}),
    Case("FL402", TM + JM + ROCKS + UNMANAGED, (), options={"deployment": "standalone"}),
    Case("FL402", TM + JM + ROCKS + UNMANAGED, ()),  # deployment unknown
    Case("FL402", "execution.target: remote\n" + TM + JM + ROCKS + UNMANAGED, ()),
    Case("FL402", K8S + TM + JM + ROCKS, ()),
    Case("FL402", K8S + TM + JM + ROCKS + UNMANAGED
         + "state.backend.rocksdb.memory.fixed-per-slot: 256m\n", ()),
    Case("FL402", K8S + TM + JM + ROCKS + UNMANAGED
         + "state.backend.rocksdb.memory.fixed-per-tm: 1g\n", ()),
    Case("FL402", K8S + TM + JM + "state.backend.type: hashmap\n" + UNMANAGED, ()),
    # FL403 rocksdb-without-managed-memory
    Case("FL403", TM + "taskmanager.memory.managed.size: 0\n" + JM + ROCKS, ((2, 1),)),
    Case("FL403", "taskmanager:\n  memory:\n    process.size: 4g\n    managed.fraction: 0\n"
         + JM + ROCKS, ((4, 5),), "config.yaml"),
    Case("FL403", manifest("    state.backend.type: rocksdb\n"
                           "    taskmanager.memory.managed.size: \"0\"\n"), ((9, 5),),
         "job.yaml"),
    Case("FL403", TM + JM + ROCKS, ()),
    Case("FL403", TM + "taskmanager.memory.managed.size: 0\n" + JM + ROCKS + UNMANAGED, ()),
    Case("FL403", TM + "taskmanager.memory.managed.size: 0\n" + JM + ROCKS
         + "state.backend.rocksdb.memory.fixed-per-slot: 256m\n", ()),
    Case("FL403", TM + "taskmanager.memory.managed.size: 0\n" + JM
         + "state.backend.type: hashmap\n", ()),
    # FL404 rocksdb-no-managed-weight
    Case("FL404", TM + JM + ROCKS + W + ": OPERATOR:70,PYTHON:30\n", ((4, 1),)),
    Case("FL404", TM + JM + ROCKS + W + ": operator:70,state_backend:70\n", ((4, 1),)),
    Case("FL404", TM + JM + ROCKS + W + ": DATAPROC:70,PYTHON:30\n", ((4, 1),), "config.yaml",
         "2.0"),
    Case("FL404", TM + JM + ROCKS + W + ": {OPERATOR: 70, PYTHON: 30}\n", ((4, 47),),
         "config.yaml"),
    Case("FL404", manifest("    state.backend.type: rocksdb\n    " + W
                           + ": \"OPERATOR:70,STATE_BACKEND:0\"\n"), ((9, 5),), "job.yaml"),
    Case("FL404", TM + JM + ROCKS + W + ": DATAPROC:70,PYTHON:30\n", ()),  # 1.x reads DATAPROC
    Case("FL404", TM + JM + ROCKS + W + ": OPERATOR:70,STATE_BACKEND:1\n", ()),
    Case("FL404", TM + JM + ROCKS, ()),  # Flink's default weights
    Case("FL404", TM + JM + ROCKS + W + ": OPERATOR:70;PYTHON:30\n", ()),  # unreadable: FL1xx
    Case("FL404", TM + JM + ROCKS + UNMANAGED + W + ": OPERATOR:70\n", ()),
    Case("FL404", TM + JM + ROCKS + "state.backend.rocksdb.memory.fixed-per-slot: 128m\n" + W
         + ": OPERATOR:70\n", ()),
    Case("FL404", TM + JM + "state.backend.type: hashmap\n" + W + ": OPERATOR:70\n", ()),
    # FL405 rocksdb-fixed-memory-too-large
    Case("FL405", manifest("    taskmanager.numberOfTaskSlots: \"4\"\n    " + ROCKS
                           + "    state.backend.rocksdb.memory.fixed-per-slot: 512m\n"),
         ((10, 5),), "job.yaml"),
    Case("FL405", K8S + TM + JM + ROCKS + "state.backend.rocksdb.memory.fixed-per-slot: 2g\n",
         ((5, 1),)),
    Case("FL405", "execution.target: yarn-application\n" + TM + JM + ROCKS
         + "taskmanager.numberOfTaskSlots: 2\nstate.backend.rocksdb.memory.fixed-per-slot: 1g\n",
         ((6, 1),), "config.yaml"),
    Case("FL405", K8S + TM + JM + ROCKS + UNMANAGED
         + "state.backend.rocksdb.memory.fixed-per-slot: 2g\n", ((6, 1),)),
    Case("FL405", manifest("    taskmanager.numberOfTaskSlots: \"4\"\n    " + ROCKS
                           + "    state.backend.rocksdb.memory.fixed-per-slot: 256m\n"), (),
         "job.yaml"),
    Case("FL405", TM + JM + ROCKS + "state.backend.rocksdb.memory.fixed-per-slot: 2g\n", ()),
    Case("FL405", K8S + TM + JM + ROCKS, ()),
    Case("FL405", K8S + TM + JM + "state.backend.type: hashmap\n"
         "state.backend.rocksdb.memory.fixed-per-slot: 2g\n", ()),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.code}-{c.file}-{len(c.expected)}")
def test_rule_positions(case: Case) -> None:
    found = findings(case.text, case.code, case.file, case.version, case.options)
    assert [(f.span.line, f.span.column) for f in found] == list(case.expected)


FIXES = [
    # FL401: add managed.size: 0, or set the key that sizes managed memory to 0
    ("FL401", TM + JM + "state.backend.type: hashmap\n",
     TM + JM + "state.backend.type: hashmap\ntaskmanager.memory.managed.size: 0\n",
     "flink-conf.yaml"),
    ("FL401", TM + "taskmanager.memory.managed.size: 512m\n" + JM + "state.backend: hashmap",
     TM + "taskmanager.memory.managed.size: 0\n" + JM + "state.backend: hashmap",
     "flink-conf.yaml"),
    ("FL401", "taskmanager:\n  memory:\n    process.size: 4g\n    managed:\n      fraction: 0.5\n"
     + JM + "state.backend.type: hashmap\n",
     "taskmanager:\n  memory:\n    process.size: 4g\n    managed:\n      fraction: 0\n"
     + JM + "state.backend.type: hashmap\n", "config.yaml"),
    ("FL401", TM + JM + "state.backend.type: hashmap\n",
     TM + JM + "state.backend.type: hashmap\ntaskmanager.memory.managed.size: 0\n",
     "config.yaml"),
    ("FL401", manifest("    state.backend.type: hashmap\n"),
     manifest("    state.backend.type: hashmap\n    taskmanager.memory.managed.size: \"0\"\n"),
     "job.yaml"),
    ("FL401", manifest("    taskmanager.memory.managed.fraction: \"0.3\"\n"
                       "    state.backend.type: hashmap\n"),
     manifest("    taskmanager.memory.managed.fraction: \"0\"\n"
              "    state.backend.type: hashmap\n"), "job.yaml"),
    # FL402: drop managed: false
    ("FL402", K8S + TM + JM + ROCKS + UNMANAGED, K8S + TM + JM + ROCKS, "flink-conf.yaml"),
    ("FL402", K8S + TM + JM + ROCKS + UNMANAGED, K8S + TM + JM + ROCKS, "config.yaml"),
    ("FL402", manifest("    " + ROCKS + "    " + UNMANAGED), manifest("    " + ROCKS),
     "job.yaml"),
    # FL403: drop the line that zeroes managed memory
    ("FL403", TM + "taskmanager.memory.managed.size: 0\n" + JM + ROCKS, TM + JM + ROCKS,
     "flink-conf.yaml"),
    ("FL403", TM + "taskmanager.memory.managed.fraction: 0\n" + JM + ROCKS, TM + JM + ROCKS,
     "config.yaml"),
    ("FL403", manifest("    " + ROCKS + "    taskmanager.memory.managed.size: \"0\"\n"),
     manifest("    " + ROCKS), "job.yaml"),
    # FL404: append STATE_BACKEND:70 (inside a manifest's quotes)
    ("FL404", TM + JM + ROCKS + W + ": OPERATOR:70,PYTHON:30\n",
     TM + JM + ROCKS + W + ": OPERATOR:70,PYTHON:30,STATE_BACKEND:70\n", "flink-conf.yaml"),
    ("FL404", TM + JM + ROCKS + W + ": DATAPROC:70\n",
     TM + JM + ROCKS + W + ": DATAPROC:70,STATE_BACKEND:70\n", "config.yaml"),
    ("FL404", manifest("    " + ROCKS + "    " + W + ": \"OPERATOR:70,PYTHON:30\"\n"),
     manifest("    " + ROCKS + "    " + W + ": \"OPERATOR:70,PYTHON:30,STATE_BACKEND:70\"\n"),
     "job.yaml"),
]


@pytest.mark.parametrize(("code", "before", "after", "file"), FIXES,
                         ids=[f"{c}-{f}-{i}" for i, (c, _, _, f) in enumerate(FIXES)])
def test_fix_pairs(code: str, before: str, after: str, file: str) -> None:
    [finding] = findings(before, code, file)
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.UNSAFE
    fixed = apply_edits(before, finding.fix.edits)
    assert fixed == after
    assert findings(fixed, code, file) == []


@pytest.mark.parametrize(("code", "text", "file"), [
    ("FL404", TM + JM + ROCKS + W + ": OPERATOR:70,STATE_BACKEND:0\n", "flink-conf.yaml"),
    ("FL404", TM + JM + ROCKS + W + ": {OPERATOR: 70, PYTHON: 30}\n", "config.yaml"),
    # both keys set managed memory to zero: removing one alone changes nothing
    ("FL403", TM + "taskmanager.memory.managed.size: 0\ntaskmanager.memory.managed.fraction: 0\n"
     + JM + ROCKS, "flink-conf.yaml"),
    # fine-grained: without managed.size Flink cannot size the TaskManager
    ("FL403", "taskmanager.memory.task.heap.size: 1g\ntaskmanager.memory.managed.size: 0\n" + JM
     + ROCKS, "flink-conf.yaml"),
])
def test_reported_without_a_fix_where_none_is_unambiguous(code: str, text: str,
                                                          file: str) -> None:
    [finding] = findings(text, code, file)
    assert finding.fix is None


def _taskmanager(text: str, file: str, version: str | None = None) -> ProcessModel:
    [config] = load_bytes(text.encode(), file,
                          version=parse_version(version) if version else None) or []
    target = parse_version(version) if version else config.flink_version or default_for(
        config.kind)
    return resolve_process(config, target, "taskmanager")


@pytest.mark.parametrize(("before", "file"), [
    (TM + JM + "state.backend.type: hashmap\n", "flink-conf.yaml"),
    ("taskmanager:\n  memory:\n    process.size: 4g\n    managed:\n      fraction: 0.5\n" + JM
     + "state.backend.type: hashmap\n", "config.yaml"),
    (manifest("    state.backend.type: hashmap\n", tm="3g"), "job.yaml"),
    # fine-grained: managed memory leaves the process rather than joining the heap
    ("taskmanager.memory.task.heap.size: 1g\ntaskmanager.memory.managed.size: 512m\n" + JM
     + "state.backend.type: hashmap\n", "flink-conf.yaml"),
])
def test_fl401_promises_what_the_fix_gives(before: str, file: str) -> None:
    [finding] = findings(before, "FL401", file)
    assert finding.fix is not None
    old = _taskmanager(before, file)
    new = _taskmanager(apply_edits(before, finding.fix.edits), file)
    assert new.size("managed") == 0
    assert f"the TaskManager's {size(old.size('managed'))} of managed memory" in finding.message
    heap = new.size("task_heap") - old.size("task_heap")
    shrink = old.size("total_process") - new.size("total_process")
    if heap:
        assert f"the task heap grows by {size(heap)}" in finding.message
    else:
        assert "task heap" not in finding.message.split(";")[-1]
    if shrink:
        assert f"the process shrinks by {size(shrink)}" in finding.message


def test_fl401_exact_numbers() -> None:
    """4g process: Flink memory 3.44gb, managed 0.4 of it; all of it moves to the task heap."""
    [finding] = findings(TM + JM + "state.backend.type: hashmap\n", "FL401")
    assert "the TaskManager's 1.34gb of managed memory" in finding.message
    assert finding.message.endswith("with it the task heap grows by 1.34gb")
    [fine] = findings("taskmanager.memory.task.heap.size: 1g\ntaskmanager.memory.managed.size: "
                      "512m\n" + JM + "state.backend.type: hashmap\n", "FL401")
    # less managed memory also means less network memory and JVM overhead (fractions)
    assert fine.message.endswith("with it the process shrinks by 626.57mb")


def test_fl405_numbers_come_from_the_resolver() -> None:
    text = manifest("    taskmanager.numberOfTaskSlots: \"4\"\n    " + ROCKS
                    + "    state.backend.rocksdb.memory.fixed-per-slot: 512m\n")
    [finding] = findings(text, "FL405", "job.yaml")
    model = _taskmanager(text, "job.yaml")
    managed = model.size("managed")
    assert f"2gb for 4 slots, while the managed memory it leaves unused is only " \
           f"{size(managed)}" in finding.message
    assert f"outgrow its 4gb process size by {size(2 * 1024**3 - managed)}" in finding.message


def test_fl402_names_fixed_per_tm_only_where_flink_reads_it() -> None:
    [new] = findings(K8S + TM + JM + ROCKS + UNMANAGED, "FL402")
    [old] = findings(K8S + TM + JM + "state.backend: rocksdb\n" + UNMANAGED, "FL402",
                     version="1.16")
    assert "fixed-per-slot or fixed-per-tm" in new.message
    assert "fixed-per-tm" not in old.message
    assert "outgrows its 4gb process size" in new.message


def test_fl404_names_dataproc_in_2x() -> None:
    [finding] = findings(TM + JM + ROCKS + W + ": DATAPROC:70,PYTHON:30\n", "FL404",
                         "config.yaml", "2.0")
    assert "Flink 2.x no longer reads DATAPROC" in finding.message


@pytest.mark.parametrize(("deployment", "fires"), [
    ("kubernetes", True), ("yarn", True), ("docker", True), ("operator", True),
    ("standalone", False),
])
def test_container_rules_read_the_deployment_recorded_for_the_file(deployment: str,
                                                                  fires: bool) -> None:
    from flinklint.records import replace

    [config] = load_bytes((TM + JM + ROCKS + UNMANAGED).encode(), "flink-conf.yaml") or []
    config = replace(config, meta={**config.meta, "deployment": deployment})
    found = lint(config, parse_version("1.20"), Selection(select=("FL402",)), rules=lint_rules())
    assert [(f.code, f.span.line) for f in found] == ([("FL402", 4)] if fires else [])
