"""The memory rules (FL2xx): where each must stay silent, where it must report (line:column).

Each case lints one file with one rule selected and compares the reported positions. Fix pairs
give the text before and the exact text after; all memory fixes are unsafe (they change how much
memory a process gets) and proved before they are offered, so where no fix can be proved
(removing the only child of a nested mapping) none is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from flinklint.edits import apply_edits
from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.findings import Applicability, Finding
from flinklint.loader import load_bytes
from flinklint.rules.index import lint_rules
from flinklint.versions import default_for, parse_version

JM = "jobmanager.memory.process.size: 1600m\n"
TM = "taskmanager.memory.process.size: 1728m\n"


@dataclass(frozen=True)
class Case:
    code: str
    text: str
    expected: tuple[tuple[int, int], ...]  # (line, column) of each finding, in order
    file: str = "flink-conf.yaml"
    version: str | None = None
    defines: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.code}-{'fires' if self.expected else 'silent'}"


def findings(text: str, code: str, file: str = "flink-conf.yaml", version: str | None = None,
             defines: dict[str, str] | None = None) -> list[Finding]:
    target = parse_version(version) if version else None
    configs = load_bytes(text.encode(), file, version=target, defines=defines or {})
    assert configs, "not recognised as a Flink configuration"
    out: list[Finding] = []
    for config in configs:
        chosen = target or config.flink_version or default_for(config.kind)
        found = lint(config, chosen, Selection(select=(code,)), rules=lint_rules())
        out += [f for f in found if f.code == code]
    return out


def manifest(flink_configuration: str, jm: str | None = "1600m", tm: str | None = "2g",
             kind: str = "FlinkDeployment") -> str:
    """A manifest: flinkConfiguration entries start on line 8, column 5."""
    text = (f"apiVersion: flink.apache.org/v1beta1\nkind: {kind}\nmetadata:\n  name: job\n"
            f"spec:\n  flinkVersion: v1_20\n  flinkConfiguration:\n{flink_configuration}")
    for name, memory in (("jobManager", jm), ("taskManager", tm)):
        if memory is not None and kind == "FlinkDeployment":
            text += f"  {name}:\n    resource:\n      memory: \"{memory}\"\n      cpu: 1\n"
    return text


CASES = [
    # FL201 double-total-memory
    Case("FL201", "taskmanager.memory.process.size: 4g\ntaskmanager.memory.flink.size: 3g\n" + JM,
         ((1, 1),)),
    Case("FL201", TM + "jobmanager.memory.flink.size: 1g\njobmanager.memory.process.size: 2g\n",
         ((3, 1),)),
    Case("FL201", "taskmanager.memory.process.size: 4g\njobmanager.memory.flink.size: 1g\n", ()),
    Case("FL201", "taskmanager.memory.flink.size: 3g\n" + JM, ()),
    Case("FL201", TM + "jobmanager:\n  memory:\n    process:\n      size: 2g\n"
         "    flink:\n      size: 1500m\n", ((5, 7),), "config.yaml"),
    Case("FL201", manifest("    taskmanager.memory.flink.size: 1g\n"), ((8, 5),), "job.yaml"),
    Case("FL201", manifest("    taskmanager.memory.flink.size: 1g\n", kind="FlinkSessionJob"),
         (), "job.yaml"),
    Case("FL201", "taskmanager.memory.process.size: 4g\n" + JM, (),
         defines={"taskmanager.memory.flink.size": "3g"}),
    # FL202 network-min-exceeds-max: current and deprecated keys, mixed
    Case("FL202", TM + JM + "taskmanager.memory.network.min: 512m\n"
         "taskmanager.network.memory.max: 256m\n", ((3, 1),)),
    Case("FL202", TM + JM + "taskmanager.memory.network.max: 128m\n"
         "taskmanager.memory.network.min: 256m\ntaskmanager.network.memory.max: 1g\n", ((4, 1),)),
    Case("FL202", TM + JM + "taskmanager.memory.network.max: 4g\n"
         "taskmanager.network.memory.max: 64m\ntaskmanager.memory.network.min: 1g\n", ()),
    Case("FL202", TM + JM + "taskmanager.network.memory.min: 2g\n", ((3, 1),), version="1.16"),
    Case("FL202", TM + JM + "taskmanager.network.memory.min: 2g\n", (), version="1.17"),
    Case("FL202", TM + JM + "taskmanager.memory.network.max: 32m\n", ((3, 1),)),
    Case("FL202", TM + JM + "taskmanager.memory.network.min: 1.5g\n"
         "taskmanager.memory.network.max: 1g\n", ()),  # unreadable: FL211's business
    Case("FL202", "taskmanager:\n  memory:\n    network:\n      min: 256m\n      max: 128m\n" + JM,
         ((4, 7),), "config.yaml"),
    # FL203 overhead-out-of-range
    Case("FL203", TM + "jobmanager.memory.process.size: 1g\njobmanager.memory.flink.size: 600m\n",
         ((2, 1),)),
    Case("FL203", "taskmanager.memory.process.size: 4g\ntaskmanager.memory.flink.size: 2560m\n"
         + JM, ((1, 1),)),
    Case("FL203", "taskmanager.memory.process.size: 4g\ntaskmanager.memory.flink.size: 3g\n"
         + JM, ()),
    Case("FL203", TM + JM, ()),
    Case("FL203", manifest("    jobmanager.memory.flink.size: 600m\n", jm="1g"), ((11, 7),),
         "job.yaml"),
    # FL204 framework-memory-override
    Case("FL204", TM + JM + "taskmanager.memory.framework.heap.size: 256m\n", ((3, 1),)),
    Case("FL204", TM + JM + "taskmanager.memory.framework.off-heap.size: 256m\n", ((3, 1),)),
    Case("FL204", TM + JM + "taskmanager.memory.framework.off-heap.size: 256m\n"
         "taskmanager.memory.framework.off-heap.batch-shuffle.size: 128m\n", ()),
    Case("FL204", TM + JM + "taskmanager.memory.task.heap.size: 256m\n", ()),
    # FL205 process-memory-missing
    Case("FL205", "taskmanager.memory.process.size: 4g\njobmanager.rpc.address: jm\n", ((2, 1),)),
    Case("FL205", "parallelism.default: 2\njobmanager.memory.process.size: 1g\n", ((2, 1),)),
    Case("FL205", TM + JM, ()),
    Case("FL205", "parallelism.default: 2\n", ()),  # nothing sized: FL215 instead
    Case("FL205", "parallelism.default: 2\n", (), defines={
        "taskmanager.memory.process.size": "4g", "jobmanager.memory.process.size": "1g"}),
    Case("FL205", manifest("    parallelism.default: \"2\"\n", jm=None), ((11, 7),),
         "job.yaml"),
    Case("FL205", manifest("    parallelism.default: \"2\"\n", jm=None, tm=None),
         ((8, 5), (8, 5)), "job.yaml"),
    Case("FL205", manifest("    parallelism.default: \"2\"\n", kind="FlinkSessionJob"), (),
         "job.yaml"),
    # FL206 process-memory-too-small
    Case("FL206", TM + "jobmanager.memory.process.size: 300m\n", ((2, 1),)),
    Case("FL206", "taskmanager.memory.flink.size: 1g\ntaskmanager.memory.process.size: 1g\n" + JM,
         ((2, 1),)),
    Case("FL206", "taskmanager.memory.process.size: 4096\n" + JM, ((1, 1),)),
    Case("FL206", TM + JM, ()),
    # FL207 components-exceed-flink-memory
    Case("FL207", "taskmanager.memory.flink.size: 1280m\ntaskmanager.memory.task.heap.size: 1g\n"
         + JM, ((1, 1),)),
    Case("FL207", "taskmanager.memory.process.size: 1g\ntaskmanager.memory.managed.size: 1g\n"
         + JM, ((1, 1),)),
    Case("FL207", "taskmanager.memory.flink.size: 2560m\ntaskmanager.memory.task.heap.size: 1g\n"
         + JM, ()),
    # FL208 inconsistent-memory-range
    Case("FL208", TM + JM + "taskmanager.memory.managed.fraction: 1.0\n", ((3, 1),)),
    Case("FL208", TM + JM + "taskmanager.network.memory.fraction: -0.1\n", ((3, 1),)),
    Case("FL208", TM + JM + "jobmanager.memory.jvm-overhead.min: 2g\n", ((3, 1),)),
    Case("FL208", TM + JM + "taskmanager.memory.jvm-overhead.max: 100m\n", ((3, 1),)),
    Case("FL208", TM + JM + "taskmanager.memory.managed.fraction: 0.99\n", ()),
    # FL209 derived-network-out-of-range
    Case("FL209", "taskmanager.memory.flink.size: 1280m\ntaskmanager.memory.task.heap.size: 512m\n"
         "taskmanager.memory.managed.size: 500m\n" + JM, ((1, 1),)),
    Case("FL209", "taskmanager.memory.flink.size: 2g\ntaskmanager.memory.task.heap.size: 1g\n"
         "taskmanager.memory.managed.size: 512m\ntaskmanager.network.numberOfBuffers: 4096\n" + JM,
         ((4, 1),), version="1.20"),
    Case("FL209", "taskmanager.memory.flink.size: 2g\ntaskmanager.memory.task.heap.size: 1g\n"
         "taskmanager.memory.managed.size: 512m\ntaskmanager.network.numberOfBuffers: 4096\n" + JM,
         (), "config.yaml", "2.0"),
    Case("FL209", "taskmanager.memory.flink.size: 2g\ntaskmanager.memory.task.heap.size: 1g\n"
         "taskmanager.memory.managed.size: 512m\n" + JM, ()),
    # FL210 jobmanager-memory-inconsistent
    Case("FL210", TM + "jobmanager.memory.heap.size: 2g\njobmanager.memory.flink.size: 1g\n",
         ((2, 1),)),
    Case("FL210", TM + "jobmanager.memory.flink.size: 1g\njobmanager.memory.heap.size: 1g\n"
         "jobmanager.memory.off-heap.size: 128m\n", ((2, 1),)),
    Case("FL210", TM + "jobmanager.memory.flink.size: 100m\n", ((2, 1),)),
    Case("FL210", TM + "jobmanager.memory.flink.size: 1g\njobmanager.memory.heap.size: 896m\n"
         "jobmanager.memory.off-heap.size: 128m\n", ()),
    # FL211 invalid-memory-value
    Case("FL211", "taskmanager.memory.process.size: 1.5g\n" + JM, ((1, 1),)),
    Case("FL211", TM + "jobmanager.memory.process.size: 1600 mib\n", ((2, 1),)),
    Case("FL211", TM + 'jobmanager.memory.process.size: "1600m"\n', ()),  # FL008 reports it
    Case("FL211", TM + JM + "taskmanager.memory.managed.fraction: 40%\n", ((3, 1),)),
    Case("FL211", TM + JM + "taskmanager.numberOfTaskSlots: 2.0\n", ((3, 1),)),
    Case("FL211", TM + JM + "jobmanager.memory.enable-jvm-direct-memory-limit: yes\n", ((3, 1),)),
    Case("FL211", TM + "jobmanager.heap.mb: -5\n", ((2, 1),), version="1.20"),
    Case("FL211", TM + JM + "taskmanager.memory.managed.fraction: 40%\n"
         "taskmanager.memory.managed.size: 1g\n", ()),  # the fraction is never read
    Case("FL211", 'taskmanager.memory.process.size: "1728m"\n' + JM, (), "config.yaml"),
    # FL212 invalid-segment-size
    Case("FL212", TM + JM + "taskmanager.network.numberOfBuffers: 4096\n"
         "taskmanager.memory.segment-size: 48kb\n", ((4, 1),), version="1.20"),
    Case("FL212", TM + JM + "taskmanager.network.numberOfBuffers: 4096\n"
         "taskmanager.memory.segment-size: 2kb\n", ((4, 1),), version="1.20"),
    Case("FL212", TM + JM + "taskmanager.memory.segment-size: 48kb\n", (), version="1.20"),
    # FL213 cpu-cores-not-positive
    Case("FL213", TM + JM + "taskmanager.numberOfTaskSlots: 0\n", ((3, 1),)),
    Case("FL213", TM + JM + "taskmanager.cpu.cores: -1\n", ((3, 1),)),
    Case("FL213", TM + JM + "taskmanager.numberOfTaskSlots: 0\ntaskmanager.cpu.cores: 2\n", ()),
    # FL214 memory-overflow
    Case("FL214", TM + "jobmanager.memory.flink.size: 8388607t\n"
         "jobmanager.memory.jvm-metaspace.size: 2t\n", ((2, 1),)),
    Case("FL214", TM + "jobmanager.memory.flink.size: 8000000t\n", ()),
    # FL215 no-memory-settings
    Case("FL215", "parallelism.default: 2\n", ((1, 1),)),
    Case("FL215", "# comments only\n", ((1, 1),)),
    Case("FL215", "parallelism:\n  default: 2\n", ((2, 3),), "config.yaml"),
    Case("FL215", "taskmanager.memory.managed.fraction: 0.5\n", ((1, 1),)),
    Case("FL215", "parallelism.default: 2\n", (), defines={
        "taskmanager.memory.process.size": "4g", "jobmanager.memory.process.size": "1g"}),
    Case("FL215", "taskmanager.memory.process.size: 4g\n", ()),
    Case("FL215", manifest("    parallelism.default: \"2\"\n", jm=None, tm=None), (),
         "job.yaml"),
    # FL216 unitless-memory-size
    Case("FL216", TM + JM + "taskmanager.memory.managed.size: 512\n", ((3, 1),)),
    Case("FL216", "taskmanager:\n  memory:\n    process:\n      size: 4096\n" + JM,
         ((4, 7),), "config.yaml"),
    Case("FL216", TM + JM + "taskmanager.network.memory.max: 1024\n", ((3, 1),)),
    Case("FL216", TM + JM + "taskmanager.memory.managed.size: 536870912\n", ()),
    Case("FL216", TM + JM + "taskmanager.memory.managed.size: 0\n", ()),
    Case("FL216", TM + JM + "taskmanager.memory.segment-size: 4096\n", ()),
    Case("FL216", TM + JM + "taskmanager.numberOfTaskSlots: 4\n", ()),
    Case("FL216", manifest("    parallelism.default: \"2\"\n", jm="2048"), ((11, 7),),
         "job.yaml"),
    # FL217 fraction-clamped
    Case("FL217", "taskmanager.memory.process.size: 16g\n"
         "taskmanager.memory.network.fraction: 0.2\n" + JM, ((2, 1),), version="1.16"),
    Case("FL217", "taskmanager.memory.process.size: 16g\n"
         "taskmanager.memory.network.fraction: 0.2\n" + JM, (), version="1.17"),
    Case("FL217", TM + JM + "taskmanager.memory.jvm-overhead.fraction: 0.05\n", ((3, 1),)),
    Case("FL217", TM + JM + "taskmanager.memory.jvm-overhead.fraction: 0.05\n"
         "taskmanager.memory.jvm-overhead.min: 192m\n", ()),
    Case("FL217", TM + JM, ()),  # the shipped overhead clamp is by design
    # FL218 network-fraction-ignored
    Case("FL218", "taskmanager.memory.flink.size: 2g\ntaskmanager.memory.task.heap.size: 1g\n"
         "taskmanager.memory.managed.size: 512m\ntaskmanager.network.memory.fraction: 0.2\n" + JM,
         ((4, 1),)),
    Case("FL218", "taskmanager.memory.process.size: 2g\n"
         "taskmanager.memory.network.fraction: 0.2\n" + JM, ()),
    # FL219 jobmanager-heap-too-small
    Case("FL219", TM + "jobmanager.memory.process.size: 640m\n", ((2, 1),)),
    Case("FL219", TM + "jobmanager.memory.heap.size: 100m\n", ((2, 1),)),
    Case("FL219", TM + JM, ()),
    # FL220 task-heap-too-small
    Case("FL220", "taskmanager.memory.process.size: 4g\n"
         "taskmanager.memory.managed.fraction: 0.8\n" + JM, ((2, 1),)),
    Case("FL220", "taskmanager.memory.process.size: 1g\n" + JM, ((1, 1),)),
    Case("FL220", "taskmanager.memory.process.size: 1g\ntaskmanager.memory.task.heap.size: 64m\n"
         + JM, ()),
    Case("FL220", TM + JM, ()),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_positions(case: Case) -> None:
    found = findings(case.text, case.code, case.file, case.version, case.defines)
    assert [(f.line, f.column) for f in found] == list(case.expected)


def test_every_memory_rule_has_firing_and_silent_cases() -> None:
    from flinklint.rules import registry

    codes = {code for code in registry() if code.startswith("FL2")}
    assert codes == {c.code for c in CASES if c.expected}
    assert codes == {c.code for c in CASES if not c.expected}


def test_messages_name_the_numbers_and_the_change() -> None:
    [hit] = findings(TM + "jobmanager.memory.process.size: 1g\n"
                     "jobmanager.memory.flink.size: 600m\n", "FL203")
    assert "168mb" in hit.message and "192mb" in hit.message
    assert "set jobmanager.memory.process.size to at least 1048m" in hit.message
    [hit] = findings(TM + "jobmanager.memory.process.size: 300m\n", "FL206")
    assert "at least 577m" in hit.message
    [hit] = findings("taskmanager.memory.process.size: 1.5g\n" + JM, "FL211")
    assert "write 1536m" in hit.message and "Memory size unit '.5g'" in hit.message


PAIRS = [
    ("FL201", "taskmanager.memory.process.size: 4g\ntaskmanager.memory.flink.size: 3g\n" + JM,
     "taskmanager.memory.flink.size: 3g\n" + JM, "flink-conf.yaml"),
    ("FL201", "taskmanager.memory.process.size: 2g\ntaskmanager.memory.flink.size: 3g\n"
     "taskmanager.memory.process.size: 4g\n" + JM,
     "taskmanager.memory.flink.size: 3g\n" + JM, "flink-conf.yaml"),
    ("FL201", TM + "jobmanager:\n  memory:\n    process:\n      size: 2g\n      extra: 1\n"
     "    flink:\n      size: 1500m\n",
     TM + "jobmanager:\n  memory:\n    process:\n      extra: 1\n    flink:\n      size: 1500m\n",
     "config.yaml"),
    ("FL201", manifest("    parallelism.default: \"2\"\n    taskmanager.memory.flink.size: 1g\n"),
     manifest("    parallelism.default: \"2\"\n"), "job.yaml"),
    ("FL203", TM + "jobmanager.memory.process.size: 1g\njobmanager.memory.flink.size: 600m\n",
     TM + "jobmanager.memory.process.size: 1048m\njobmanager.memory.flink.size: 600m\n",
     "flink-conf.yaml"),
    ("FL203", "taskmanager.memory.process.size: 4g\ntaskmanager.memory.flink.size: 2560m\n" + JM,
     "taskmanager.memory.process.size: 3840m\ntaskmanager.memory.flink.size: 2560m\n" + JM,
     "flink-conf.yaml"),
    ("FL203", manifest("    jobmanager.memory.flink.size: 600m\n", jm="1g"),
     manifest("    jobmanager.memory.flink.size: 600m\n", jm="1g").replace('"1g"', "1048m"),
     "job.yaml"),
    ("FL204", TM + "taskmanager.memory.framework.heap.size: 256m  # more for us\n" + JM,
     TM + JM, "flink-conf.yaml"),
    ("FL216", TM + JM + "taskmanager.memory.managed.size: 512\n",
     TM + JM + "taskmanager.memory.managed.size: 512m\n", "flink-conf.yaml"),
    ("FL216", "taskmanager:\n  memory:\n    process:\n      size: 4096  # MB\n" + JM,
     "taskmanager:\n  memory:\n    process:\n      size: 4096m  # MB\n" + JM, "config.yaml"),
    ("FL216", manifest("    parallelism.default: \"2\"\n", jm="2048"),
     manifest("    parallelism.default: \"2\"\n", jm="2048m"), "job.yaml"),
]


@pytest.mark.parametrize(("code", "before", "after", "file"), PAIRS,
                         ids=[f"{p[0]}-{i}" for i, p in enumerate(PAIRS)])
def test_fix_pairs(code: str, before: str, after: str, file: str) -> None:
    [finding] = findings(before, code, file)
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.UNSAFE
    fixed = apply_edits(before, finding.fix.edits)
    assert fixed == after
    assert findings(fixed, code, file) == []


@pytest.mark.parametrize(("code", "text", "file"), [
    ("FL201", TM + "jobmanager:\n  memory:\n    process:\n      size: 2g\n"
     "    flink:\n      size: 1500m\n", "config.yaml"),
    ("FL204", TM + JM + "taskmanager:\n  memory:\n    framework:\n      heap:\n"
     "        size: 256m\n", "config.yaml"),
])
def test_no_fix_that_would_leave_an_empty_mapping(code: str, text: str, file: str) -> None:
    found = findings(text, code, file)
    assert found and all(f.fix is None for f in found)
