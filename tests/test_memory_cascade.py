"""Every memory failure of a process, one repair at a time, not only Flink's first."""

from __future__ import annotations

from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.loader import load_text
from flinklint.memory import resolve, resolve_taskmanager
from flinklint.memory.cascade import failures
from flinklint.rules.index import lint_rules
from flinklint.versions import FileKind, FlinkVersion

V120 = FlinkVersion(1, 20)
BROKEN = (
    "jobmanager.memory.process.size: 1600m\n"
    "taskmanager.memory.process.size: 2g\n"
    "taskmanager.memory.flink.size: 1900m\n"
    "taskmanager.network.memory.min: 512mb\n"
    "taskmanager.network.memory.max: 256mb\n"
    "taskmanager.cpu.cores: 0\n"
)


def _config(text: str):  # type: ignore[no-untyped-def]
    [config] = load_text(text, FileKind.LEGACY, "flink-conf.yaml")
    return config


def test_failures_follow_flinks_order_one_repair_at_a_time() -> None:
    config = _config(BROKEN)
    tm, _ = resolve(config, V120)
    chain = failures(config, V120, "taskmanager", tm)
    assert [f.kind for f, _ in chain] == [
        "network-min-exceeds-max", "process-below-flink-plus-metaspace", "cpu-not-positive"]
    reset: set[str] = set()
    for failure, effective in chain:
        assert not reset & set(failure.keys), "a later failure never names a reset key"
        assert not reset & set(effective)
        reset.add(failure.keys[0])  # the most responsible key is set back to its default
    assert reset == {"taskmanager.network.memory.min", "taskmanager.memory.process.size",
                     "taskmanager.cpu.cores"}


def test_no_memory_after_a_reset_ends_the_chain() -> None:
    config = _config("taskmanager.memory.process.size: 100m\n"
                     "jobmanager.memory.process.size: 1600m\n")
    tm, _ = resolve(config, V120)
    assert [f.kind for f, _ in failures(config, V120, "taskmanager", tm)] == [
        "metaspace-overhead-exceed-process"]


def test_lint_reports_every_failure_and_later_advice_holds_after_the_reset() -> None:
    config = _config(BROKEN)
    found = {f.code: f for f in lint(config, V120, Selection(select=("FL2",)), rules=lint_rules())}
    assert {"FL202", "FL206", "FL213"} <= set(found)
    assert "once the problem on line 4 is fixed" in found["FL206"].message
    assert "once the problem" not in found["FL202"].message
    assert "at least 2348m" in found["FL206"].message
    # judged with the minimum reset: 2348m is the smallest process size that holds the Flink
    # size, its metaspace and the minimum overhead (the zero cores still fail afterwards)
    repaired = {k: v for k, v in config.effective.items() if k != "taskmanager.network.memory.min"}
    for size, kind in (("2348m", "cpu-not-positive"),
                       ("2347m", "overhead-out-of-range")):
        model = resolve_taskmanager({**repaired, "taskmanager.memory.process.size": size}, V120)
        assert model.failure is not None and model.failure.kind == kind
