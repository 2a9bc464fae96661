"""The advised sizes come from Flink's arithmetic run backwards, not from a search.

:mod:`flinklint.memory.inverse` computes the least size of one key at which a process starts;
``flinklint.rules.shared.search.solved`` confirms it in whole mebibytes with two resolutions.
The properties: the inverse of a clamped fraction is the least solution; on the goldens of
every version and on random configurations, the closed form gives exactly the answer of the
search it replaced (kept here, :func:`reference`, as the oracle), and that answer starts the
process while one mebibyte less does not. The one difference: where the search stepped over a
window of working sizes and gave no advice, the closed form lands in the window; there the
test checks the answer starts the process and that sizes below it (sampled) do not.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.flink_config import FlinkConfig
from flinklint.loader import load_text
from flinklint.memory.inverse import exact, invert_clamped
from flinklint.rules.index import lint_rules
from flinklint.rules.shared import search as memory_search
from flinklint.rules.shared.memory import MB
from flinklint.rules.shared.search import UNKNOWN, resolve_with, resolves, searched, solved
from flinklint.versions import FileKind, FlinkVersion, parse_version

GOLDEN = Path(__file__).parent / "golden" / "memory"
T, J = "taskmanager.memory.", "jobmanager.memory."
# the keys an advice may raise, per process (memory rules FL206, FL207, FL210)
KNOBS = {
    "taskmanager": (T + "process.size", T + "flink.size", "taskmanager.heap.size"),
    "jobmanager": (J + "process.size", J + "flink.size"),
}


def _start(config: FlinkConfig, key: str) -> int:
    from flinklint.rules.shared.memory import parse

    return parse(config.effective.get(key, "")) or 0


def _check(config: FlinkConfig, process: str, version: FlinkVersion, key: str,
           start: int | None = None, accept: Any = resolves) -> bool:
    """Closed form == search where the closed form answers; True when it answered."""
    start = _start(config, key) if start is None else start
    got = solved(config, process, version, key, start, accept)
    if got == UNKNOWN:
        return False
    expected = searched(config, process, version, key, start, True, accept)  # as before
    if got is None or expected is not None:
        assert got == expected, (config.effective, key)
        return True
    # the search stepped over a window of working sizes (a fixed task heap leaves the network
    # memory between its min and max only there) and gave up; the closed form lands in it
    WINDOWS.append((config.effective, key, got))
    mib, current = int(got[:-1]) * (1024 if got.endswith("g") else 1), start // MB
    assert accept(resolve_with(config, process, version, {key: got}))
    for below in {mib - 1, *range(current + 1, mib, max(1, (mib - current) // 64))}:
        if below > current:
            assert not accept(resolve_with(config, process, version, {key: f"{below}m"}))
    return True


WINDOWS: list[tuple[Any, str, str]] = []


@given(st.integers(0, 2**34), st.integers(0, 2**31), st.integers(0, 2**31),
       st.sampled_from(["0.1", "0.25", "0.0", "0.5", "0.999", "0.10000000149011612"]))
def test_inverse_of_a_clamped_fraction_is_the_least_solution(
        target: int, low: int, spread: int, text: str) -> None:
    d, high = exact(float(text)), low + spread
    x = invert_clamped(Fraction(target), d, low, high)
    assert x is not None

    def left(v: Fraction) -> Fraction:
        return v - min(max(v * d, Fraction(low)), Fraction(high))

    assert left(x) >= target
    assert x == 0 or left(x - Fraction(1, 1000)) < target


def _golden_configs(path: Path) -> list[tuple[FlinkConfig, FlinkVersion]]:
    version = parse_version(path.stem)
    found = []
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        if case["load"]["ok"]:
            kind = FileKind.LEGACY if case["file"] == "flink-conf.yaml" else FileKind.YAML
            [config] = load_text(case["text"], kind, case["file"], version=version)
            found.append((config, version))
    return found


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.stem)
def test_advice_on_every_golden_configuration_equals_the_search(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every size the memory rules look for while linting a version's goldens: the closed form
    answers nearly all of them (the rest are searched, as before), always as the search did."""
    asked: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    search = memory_search.nearest

    def spy(config: Any, process: str, version: Any, key: str, start: int, up: bool,
            accept: Any = resolves, guess: int | None = None) -> str | None:
        if up and guess is None:
            asked[id(config), process, key, start, accept.__qualname__] = (
                config, process, version, key, start, accept)
        return search(config, process, version, key, start, up, accept, guess)

    for name in ("process_memory_too_small", "components_exceed_flink_memory",
                 "jobmanager_memory_inconsistent", "jobmanager_heap_too_small"):
        monkeypatch.setattr(f"flinklint.rules.{name}.nearest", spy)
    configs = _golden_configs(path)
    for config, version in configs:
        lint(config, version, Selection(select=("FL2",)), rules=lint_rules())
    del WINDOWS[:]
    answered = [_check(*ask) for ask in asked.values()]
    started = [done for done, ask in zip(answered, asked.values(), strict=True)
               if ask[-1] is resolves]  # "at least X" for a process that fails to start
    assert len(started) > 150
    assert sum(started) >= 0.97 * len(started), (sum(started), len(started))
    assert len(WINDOWS) < 0.25 * len(asked)


T_SIZES = st.sampled_from(["64m", "128m", "256m", "300m", "448m", "512m", "600m", "1g", "1280m",
                           "1728m", "2g", "4g", "8g", "100g"])
T_FRACTIONS = st.sampled_from(["0", "0.05", "0.1", "0.25", "0.4", "0.5", "0.7", "0.99"])
OPTIONAL = {
    T + "process.size": T_SIZES, T + "flink.size": T_SIZES, T + "task.heap.size": T_SIZES,
    T + "managed.size": T_SIZES, T + "managed.fraction": T_FRACTIONS,
    T + "network.min": T_SIZES, T + "network.max": T_SIZES, T + "network.fraction": T_FRACTIONS,
    T + "jvm-overhead.min": T_SIZES, T + "jvm-overhead.max": T_SIZES,
    T + "jvm-overhead.fraction": T_FRACTIONS, T + "jvm-metaspace.size": T_SIZES,
    T + "framework.heap.size": T_SIZES, T + "task.off-heap.size": T_SIZES,
    "taskmanager.heap.size": T_SIZES, "taskmanager.network.numberOfBuffers":
        st.sampled_from(["1024", "4096", "65536"]),
    J + "process.size": T_SIZES, J + "flink.size": T_SIZES, J + "heap.size": T_SIZES,
    J + "off-heap.size": T_SIZES, J + "jvm-overhead.min": T_SIZES,
    J + "jvm-overhead.max": T_SIZES, J + "jvm-overhead.fraction": T_FRACTIONS,
    J + "jvm-metaspace.size": T_SIZES,
}


@st.composite
def configurations(draw: st.DrawFn) -> tuple[FlinkConfig, FlinkVersion]:
    keys = draw(st.lists(st.sampled_from(sorted(OPTIONAL)), min_size=1, max_size=6, unique=True))
    text = "".join(f"{key}: {draw(OPTIONAL[key])}\n" for key in keys)
    version = draw(st.sampled_from([FlinkVersion(1, 15), FlinkVersion(1, 20),
                                    FlinkVersion(2, 1)]))
    kind, name = draw(st.sampled_from([(FileKind.LEGACY, "flink-conf.yaml"),
                                       (FileKind.YAML, "config.yaml")]))
    [config] = load_text(text, kind, name, version=version)
    return config, version


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(configurations())
def test_random_configurations_get_the_answer_of_the_search(
        drawn: tuple[FlinkConfig, FlinkVersion]) -> None:
    config, version = drawn
    for process, keys in KNOBS.items():
        if resolve_with(config, process, version, {}).ok:
            continue
        for key in keys:
            _check(config, process, version, key)


@pytest.mark.parametrize(("deployment", "advised"), [
    (None, 534),  # standalone: taskmanager.heap.size is the total Flink size
    ("kubernetes", 982),  # containers: it is the process size (as the resolver's goldens)
])
def test_advice_follows_the_deployment_mapping_of_the_legacy_heap_key(
        deployment: str | None, advised: int) -> None:
    from flinklint.launch.deployment import Deployment, prepare
    from flinklint.memory.inverse import least_for

    [loaded] = load_text("taskmanager.heap.size: 500m\n", FileKind.LEGACY, "flink-conf.yaml")
    config = prepare(loaded, Deployment(deployment) if deployment else None, {})
    least = least_for(config, parse_version("1.20"), "taskmanager", "taskmanager.heap.size")
    assert least is not None and -(-least // MB) == advised
