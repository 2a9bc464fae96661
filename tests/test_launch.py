"""How the configuration is deployed: the setting, the legacy heap mapping, deploy-time
placeholders, the official Docker image's rewrites (FL350-FL353), and the severities that
depend on what Flink does anyway (FL103, FL008)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flinklint.cli import main
from flinklint.launch.deployment import Deployment, deployment_for, legacy_heap_to_process
from flinklint.launch.placeholders import fill, names
from flinklint.loader import load_bytes
from flinklint.memory import resolve
from flinklint.settings import SettingsError, load_settings_file
from flinklint.versions import FileKind, FlinkVersion

V120 = FlinkVersion(1, 20)


def run(tmp_path: Path, name: str, text: str, *args: str,
        capsys: pytest.CaptureFixture[str]) -> tuple[int, list[tuple[str, int, int, str]]]:
    """Exit code and (code, line, column, severity) of every finding of one file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    isolated = [] if "--config" in args else ["--isolated"]
    code = main(["check", *isolated, "--format", "json", *args, str(path)])
    found = json.loads(capsys.readouterr().out)
    return code, [(f["code"], f["line"], f["column"], f["severity"]) for f in found]


# -- the setting ---------------------------------------------------------------------------

def test_deployment_setting_is_validated(tmp_path: Path) -> None:
    good = tmp_path / "good" / ".flinklint.toml"
    good.parent.mkdir()
    good.write_text('deployment = "docker"\n')
    assert load_settings_file(good).deployment is Deployment.DOCKER
    bad = tmp_path / "bad" / ".flinklint.toml"
    bad.parent.mkdir()
    bad.write_text('deployment = "mesos"\n')
    with pytest.raises(SettingsError, match="deployment"):
        load_settings_file(bad)


def test_deployment_option_and_show_settings(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--isolated", "--deployment", "yarn", "--show-settings",
                 str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["deployment"] == "yarn"
    assert main(["check", "--deployment", "mesos", str(tmp_path)]) == 2


def test_a_manifest_is_always_the_operators() -> None:
    assert deployment_for(FileKind.MANIFEST, Deployment.YARN) is Deployment.OPERATOR
    assert deployment_for(FileKind.LEGACY, None) is Deployment.STANDALONE
    assert deployment_for(FileKind.YAML, Deployment.DOCKER) is Deployment.DOCKER


# -- legacy heap keys ------------------------------------------------------------------------

@pytest.mark.parametrize(("deployment", "tm", "jm"), [
    (Deployment.STANDALONE, "taskmanager.memory.flink.size", "jobmanager.memory.heap.size"),
    (Deployment.DOCKER, "taskmanager.memory.flink.size", "jobmanager.memory.heap.size"),
    (Deployment.YARN, "taskmanager.memory.process.size", "jobmanager.memory.process.size"),
    (Deployment.KUBERNETES, "taskmanager.memory.process.size", "jobmanager.memory.heap.size"),
])
def test_legacy_heap_keys_map_as_the_deployment_does(deployment: Deployment, tm: str,
                                                     jm: str, tmp_path: Path) -> None:
    """The legacy keys give exactly the layout of the option they map onto."""
    from flinklint.launch.deployment import prepare

    def models(text: str) -> tuple[object, object]:
        [config] = load_bytes(text.encode(), Path("flink-conf.yaml")) or []
        tm_model, jm_model = resolve(prepare(config, deployment, {}), V120)
        return tm_model.components, jm_model.components  # type: ignore[attr-defined]

    legacy = models("taskmanager.heap.size: 2g\njobmanager.heap.size: 1g\n")
    explicit = models(f"{tm}: 2g\n{jm}: 1g\n")
    assert [{k: c.size for k, c in m.items()} for m in legacy] == [  # type: ignore[attr-defined]
        {k: c.size for k, c in m.items()} for m in explicit]  # type: ignore[attr-defined]
    assert legacy_heap_to_process(deployment, "taskmanager") == tm.endswith("process.size")


# -- placeholders ----------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value", "expected"), [
    ("a.b", "${X}", ("X",)),
    ("a.b", "$X", ("X",)),
    ("a.b", "  $X_1 ", ("X_1",)),
    ("a.b", "s3://${BUCKET}/chk/${JOB}", ("BUCKET", "JOB")),
    ("a.b", "${X}${X}", ("X",)),
    ("a.b", "ab$cd", ()),  # a bare $NAME inside a longer value: a password, not a template
    ("a.b", "$1", ()),
    ("a.b", "${X:-30s}", ()),  # envsubst leaves shell defaults alone
    ("a.b", "${1X}", ()),
    ("a.b", "$", ()),
    ("a.b", "${user.name}", ()),  # Hadoop's own variables are not shell names
    ("env.java.opts.all", "-Xlog:gc:${FLINK_LOG_PREFIX}.gc", ()),  # the scripts expand it
    ("env.java.default-opts.all", "$X", ()),
])
def test_placeholder_syntax(key: str, value: str, expected: tuple[str, ...]) -> None:
    assert names(key, value) == expected


def test_fill_replaces_only_defined_names() -> None:
    assert fill("s3://${BUCKET}/${JOB}", {"BUCKET": "b"}) == "s3://b/${JOB}"
    assert fill("$X", {"X": "30s"}) == "30s"
    assert fill("ab$X", {"X": "30s"}) == "ab$X"


CONF = """\
execution.checkpointing.interval: ${CHECKPOINT_INTERVAL}
taskmanager.memory.process.size: ${TM_MEMORY}
jobmanager.memory.process.size: 1600m
"""


def test_a_placeholder_is_never_judged_nor_an_error(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, found = run(tmp_path, "flink-conf.yaml", CONF, capsys=capsys)
    assert (code, found) == (0, [("FL350", 1, 35, "info")])


def test_define_fills_a_placeholder_by_name(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, found = run(tmp_path, "flink-conf.yaml", CONF, "-D", "CHECKPOINT_INTERVAL=30s",
                      "-D", "TM_MEMORY=4g", capsys=capsys)
    assert (code, found) == (0, [])
    code, found = run(tmp_path, "flink-conf.yaml", CONF, "-D", "CHECKPOINT_INTERVAL=soon",
                      "-D", "TM_MEMORY=100m", capsys=capsys)
    assert (code, found) == (1, [("FL104", 1, 35, "error"), ("FL206", 2, 1, "error")])


def test_define_of_the_key_replaces_the_placeholder(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, found = run(tmp_path, "flink-conf.yaml", CONF,
                      "-D", "taskmanager.memory.process.size=4g", capsys=capsys)
    assert (code, found) == (0, [("FL350", 1, 35, "info")])


MANIFEST = """\
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata: {name: x}
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    execution.checkpointing.interval: ${CHECKPOINT_INTERVAL}
  jobManager:
    resource: {memory: "${JM_MEMORY}", cpu: 1}
  taskManager:
    resource: {memory: "2048m", cpu: 1}
"""


def test_manifest_placeholders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, found = run(tmp_path, "deploy.yaml", MANIFEST, capsys=capsys)
    assert (code, found) == (0, [("FL350", 7, 39, "info")])
    # a filled resource.memory is converted as the operator converts it (200Mi = 200m)
    code, found = run(tmp_path, "deploy.yaml", MANIFEST, "-D", "CHECKPOINT_INTERVAL=1m",
                      "-D", "JM_MEMORY=200Mi", capsys=capsys)
    assert (code, found) == (1, [("FL206", 9, 16, "error")])


# -- the official Docker image -------------------------------------------------------------

def test_docker_rewritten_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "jobmanager.rpc.address: jm\nblob.server.port: 6124\nparallelism.default: 2\n"
    _, found = run(tmp_path, "flink-conf.yaml", text, "--deployment", "docker",
                   "--select", "FL3", capsys=capsys)
    assert found == [("FL352", 1, 1, "warning"), ("FL352", 2, 1, "warning")]
    _, found = run(tmp_path, "flink-conf.yaml", text, "--select", "FL3", capsys=capsys)
    assert found == []


def test_docker_placeholders_by_image(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "jobmanager.memory.process.size: 1g\ntaskmanager.memory.process.size: 2g\n" \
           "pipeline.name: ${JOB_NAME}\n"
    _, found = run(tmp_path, "flink-conf.yaml", text, "--deployment", "docker",
                   "--flink-version", "1.18", capsys=capsys)
    assert found == [("FL350", 3, 16, "info")]  # the 1.18 image runs envsubst
    _, found = run(tmp_path, "flink-conf.yaml", text, "--deployment", "docker",
                   "--flink-version", "1.19", capsys=capsys)
    assert found == [("FL350", 3, 16, "info"), ("FL351", 3, 16, "warning")]


def test_docker_missing_final_line_break(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    text = "jobmanager.memory.process.size: 1g\ntaskmanager.memory.process.size: 2g\n" \
           "parallelism.default: 2"
    args = ("--deployment", "docker", "--flink-version", "1.18")
    code, found = run(tmp_path, "flink-conf.yaml", text, *args, capsys=capsys)
    assert (code, found) == (1, [("FL353", 3, 22, "error")])
    assert main(["check", "--isolated", "--fix", "-q", *args,
                 str(tmp_path / "flink-conf.yaml")]) == 0
    assert (tmp_path / "flink-conf.yaml").read_text() == text + "\n"
    for other in (("--deployment", "docker", "--flink-version", "1.19"),
                  ("--flink-version", "1.18")):
        _, found = run(tmp_path, "flink-conf.yaml", text, *other, capsys=capsys)
        assert found == []
    # a comment on the last line swallows the appended text
    _, found = run(tmp_path, "flink-conf.yaml", text + " # two", *args, capsys=capsys)
    assert found == []


# -- severity by consequence -----------------------------------------------------------------

MEMORY = "taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 1g\n"


@pytest.mark.parametrize(("line", "args", "severity"), [
    ("taskmanager.memory.preallocate: false", (), "warning"),
    ("taskmanager.memory.preallocate: FALSE", (), "warning"),
    ("taskmanager.memory.preallocate: true", (), "error"),
    ("taskmanager.memory.off-heap: true", (), "warning"),
    ("taskmanager.memory.off-heap: false", (), "error"),
    ("taskmanager.memory.fraction: 0.4", (), "error"),  # a fraction of another total
    ("taskmanager.heap.size: 2g", ("--flink-version", "2.0"), "error"),
    ("taskmanager.heap.size: 2048m", ("--flink-version", "2.0", "--deployment", "yarn"),
     "warning"),
    ("jobmanager.heap.mb: 1024", ("--flink-version", "2.0", "--deployment", "yarn"),
     "warning"),
    ("jobmanager.heap.mb: 1024", ("--flink-version", "2.0"), "error"),
    ("table.exec.topn-cache-size: 10000", ("--flink-version", "2.0"), "warning"),
    ("table.exec.topn-cache-size: 20000", ("--flink-version", "2.0"), "error"),
    ("state.backend.rocksdb.checkpointdir: /mnt/x", ("--flink-version", "2.0"), "error"),
    ("state.backend.async: true", ("--flink-version", "2.0"), "warning"),  # no successor
])
def test_removed_key_severity(line: str, args: tuple[str, ...], severity: str,
                              tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "config.yaml" if "2.0" in args else "flink-conf.yaml"
    _, found = run(tmp_path, name, MEMORY + line + "\n", *args, capsys=capsys)
    assert [f for f in found if f[0] == "FL103"] == [("FL103", 3, 1, severity)]


def test_quoted_value_of_an_unknown_key_is_a_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MEMORY + 'my.plugin.mode: "fast"\nstate.checkpoints.dir: "s3://b/c"\n'
    _, found = run(tmp_path, "flink-conf.yaml", text, "--select", "FL008", capsys=capsys)
    assert found == [("FL008", 3, 17, "warning"), ("FL008", 4, 24, "error")]
    _, found = run(tmp_path, "flink-conf.yaml", text, "--select", "FL008",
                   "--config", str(_settings(tmp_path)), capsys=capsys)
    assert found == [("FL008", 3, 17, "error"), ("FL008", 4, 24, "error")]


def _settings(tmp_path: Path) -> Path:
    path = tmp_path / "s" / ".flinklint.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text('[severity]\nFL008 = "error"\n')
    return path


def test_explain_a_process_sized_at_deploy_time(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "flink-conf.yaml"
    path.write_text(CONF)
    assert main(["explain", "--isolated", str(path)]) == 0
    assert "TaskManager: sized at deploy time" in capsys.readouterr().out
    assert main(["explain", "--isolated", "-D", "TM_MEMORY=100m", str(path)]) == 1


def test_docker_envsubst_of_other_dollars(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    text = MEMORY + ("env.java.opts.all: -Xloggc:${FLINK_LOG_PREFIX}.gc.log\n"
                     "s3.secret-key: ab$cd\npipeline.name: ${JOB}\n")
    args = ("--deployment", "docker", "--select", "FL35")
    _, found = run(tmp_path, "flink-conf.yaml", text, *args, "--flink-version", "1.18",
                   capsys=capsys)
    assert found == [("FL354", 3, 20, "warning"), ("FL354", 4, 16, "warning"),
                     ("FL350", 5, 16, "info")]
    _, found = run(tmp_path, "flink-conf.yaml", text, *args, "--flink-version", "1.19",
                   capsys=capsys)
    assert found == [("FL350", 5, 16, "info"), ("FL351", 5, 16, "warning")]
