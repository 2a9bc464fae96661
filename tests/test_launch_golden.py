"""The launcher model against Flink's real start scripts.

``tests/golden/launch/<X.Y>.json`` records, for each case of ``tools/launcher_cases.py``, the
JVM options ``bin/taskmanager.sh start-foreground`` and ``bin/jobmanager.sh start-foreground``
of the latest patch release of every minor version handed to ``java`` (made by
``tools/make_launcher_goldens.py``: the scripts of the PyPI ``apache-flink`` wheel, the jars of
``apache-flink-libraries``, a stand-in ``java`` that records its arguments and runs
``BashJavaUtils`` for real). The model must give exactly the same arguments, the same eval
failures and, on 1.19+, read the same text for every ``env.java.*`` key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flinklint.launch import scripts
from flinklint.launch.reading import shell_text
from flinklint.loader.api import load_text
from flinklint.loader.yaml_dump import root_scalar
from flinklint.memory import resolve
from flinklint.versions import SUPPORTED, FileKind, FlinkVersion, parse_version

GOLDEN = Path(__file__).parent / "golden" / "launch"
SERVICE = {"taskmanager": "taskexecutor", "jobmanager": "standalonesession"}


def _load() -> list[tuple[FlinkVersion, dict[str, Any]]]:
    out = []
    for path in sorted(GOLDEN.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["generator"] == "tools/make_launcher_goldens.py"
        out.extend((parse_version(data["flink_version"]), case) for case in data["cases"])
    return out


CASES = _load()


def _config(case: dict[str, Any]) -> Any:
    text = "".join(f"{k}: {v}\n" for k, v in case["entries"])
    [config] = load_text(text, FileKind(case["file"]), case["file"])
    return config


def test_every_version_and_file_kind_is_covered() -> None:
    seen = {(version, case["file"]) for version, case in CASES}
    legacy = {(v, "flink-conf.yaml") for v in SUPPORTED if v.reads_legacy_file}
    yaml = {(v, "config.yaml") for v in SUPPORTED if v.reads_yaml_file}
    assert seen == legacy | yaml
    assert len(CASES) >= 12 * 50


@pytest.mark.parametrize(
    ("version", "case"),
    [pytest.param(v, c, id=f"{v}-{c['file']}-{c['id']}") for v, c in CASES],
)
def test_model_gives_the_scripts_jvm_options(version: FlinkVersion, case: dict[str, Any]) -> None:
    config = _config(case)
    for process in ("taskmanager", "jobmanager"):
        got = case[process]
        if not got["started"]:
            # the scripts stop because Flink cannot load the file: the loader says so too
            assert not config.lintable or any(f.severity == "error" for f in config.findings)
            continue
        env = {"FLINK_LOG_PREFIX": f"$FLINK_HOME/log/flink-flink-{SERVICE[process]}-0-host"}
        launch = scripts.launch(config, version, scripts.Process(process), env=env,
                                dump=root_scalar)
        assert launch is not None and launch.unmodelled is None
        flink = got["jvm_params"].split()
        expected = (["-XX:+UseG1GC"] if launch.g1 else []) + flink + list(launch.options)
        assert got["jvm_options"] == expected
        eval_errors = [e for e in got["shell_errors"] if "eval:" in e]
        if launch.error is None:
            assert eval_errors == []
        else:
            assert len(eval_errors) == 1 and eval_errors[0].endswith(": " + launch.error)
            assert launch.options == ()
        # Flink's own memory flags come from the resolver
        tm, jm = resolve(config, version)
        assert (tm if process == "taskmanager" else jm).jvm_args == got["jvm_params"]
        # 1.19+: what the scripts read for each env.java.* key (Flink's flattened dump)
        for key, value in got.get("flattened", {}).items():
            entry = config.last(key)
            assert entry is not None and shell_text(entry, config.kind, root_scalar) == value


def test_g1_is_added_only_when_no_option_is_set() -> None:
    g1 = {
        (str(v), c["id"]) for v, c in CASES
        if c["taskmanager"]["started"] and c["taskmanager"]["jvm_options"][0] == "-XX:+UseG1GC"
    }  # fmt: skip
    # 1.18 put -XX:+IgnoreUnrecognizedVMOptions in every option string
    assert {v for v, _ in g1} == {"1.15", "1.16", "1.17"}
    assert ("1.17", "jm-plain") in g1 and ("1.17", "tm-plain") not in g1


def test_quoted_value_is_dropped_only_by_1_19_and_1_20_flink_conf() -> None:
    dropped = {
        (str(v), c["file"]) for v, c in CASES
        if c["id"] == "all-dq-one" and c["taskmanager"]["shell_errors"]
    }  # fmt: skip
    assert dropped == {("1.19", "flink-conf.yaml"), ("1.20", "flink-conf.yaml")}
