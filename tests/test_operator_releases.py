"""The Flink Kubernetes Operator, release by release: what each makes of a manifest.

Every case names the operator source it follows (paths in apache/flink-kubernetes-operator, at
the tag ``release-X.Y.Z`` of the release or at ``main``); ``B`` is
``flink-kubernetes-operator/src/main/java/org/apache/flink/kubernetes/operator/config/FlinkConfigBuilder.java``,
``V`` is ``.../operator/validation/DefaultValidator.java``, ``CRD`` is
``helm/flink-kubernetes-operator/crds/flinkdeployments.flink.apache.org-v1.yml``.
"""

from __future__ import annotations

import textwrap

import pytest

from flinklint.flink_config import FlinkConfig, Source
from flinklint.launch import operator_crd as crd
from flinklint.launch.operator import (
    NEWEST,
    OperatorRelease,
    OperatorVersionError,
    parse_operator_version,
    releases_label,
)
from flinklint.loader import load_text
from flinklint.versions import FileKind

HEAD = ("apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: job\n"
        "spec:\n")
MEMORY = "jobManager:\n  resource:\n    memory: 2g\ntaskManager:\n  resource:\n    memory: 2g\n"


def release(name: str) -> OperatorRelease:
    return parse_operator_version(name)


def load(spec: str, operator: str | None, kind: str = "FlinkDeployment") -> FlinkConfig:
    text = HEAD.replace("FlinkDeployment", kind) + textwrap.indent(textwrap.dedent(spec), "  ")
    [config] = load_text(text, FileKind.MANIFEST, "deploy.yaml",
                         operator=release(operator) if operator else None)
    return config


def found(config: FlinkConfig) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in config.findings]


# -- releases ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "minor"), [("1.15", 15), ("1.12.1", 12), ("1.0", 0),
                                             (" main ", 16), ("1.3.1", 3)])
def test_parse_operator_version(text: str, minor: int) -> None:
    assert parse_operator_version(text) == OperatorRelease(minor)


@pytest.mark.parametrize("text", ["1.16", "2.0", "v1_15", "latest", "", "1"])
def test_parse_operator_version_refuses(text: str) -> None:
    with pytest.raises(OperatorVersionError):
        parse_operator_version(text)


def test_newest_release_and_labels() -> None:
    assert str(NEWEST) == "1.15"
    assert release("main") > NEWEST
    assert releases_label([OperatorRelease(m) for m in range(5, 17)]) == "1.5 and later"
    assert releases_label([release("1.5"), release("main")]) == "1.5, main"
    assert releases_label([release("main")]) == "main (unreleased)"
    assert releases_label([release("1.1"), release("1.2")]) == "1.1 to 1.2"


# -- the CRD (generated data, tools/gen_operator_crds.py) ------------------------------------

def test_crd_fields_per_release() -> None:
    kind = "FlinkDeployment"
    # CRD at main (FLINK-33548, commit d131b70): ResourceRequirements; absent from every release
    assert crd.releases_with(kind, "spec.jobManager.resources") == [release("main")]
    # CRD 1.5.0 (FLINK-30609): resource.ephemeralStorage
    storage = crd.releases_with(kind, "spec.taskManager.resource.ephemeralStorage")
    assert storage[0] == release("1.5")
    # CRD 1.1.0: taskManager.replicas
    assert crd.releases_with(kind, "spec.taskManager.replicas")[0] == release("1.1")
    # CRD 1.12.1 vs 1.13.0 (FLINK-37406): flinkConfiguration map of strings, then any JSON
    assert crd.schema(kind, release("1.12"), "spec.flinkConfiguration") == {
        "type": "object", "values": {"type": "string"}}
    assert crd.schema(kind, release("1.13"), "spec.flinkConfiguration") == {"type": "any"}
    # resource.cpu is a number, resource.memory a string, in every release
    for r in (release("1.0"), NEWEST, release("main")):
        assert crd.schema(kind, r, "spec.jobManager.resource.cpu") == {"type": "number"}
        assert crd.schema(kind, r, "spec.jobManager.resource.memory") == {"type": "string"}


@pytest.mark.parametrize(("name", "last"), [("1.0", "v1_16"), ("1.3", "v1_16"), ("1.4", "v1_17"),
                                            ("1.6", "v1_18"), ("1.9", "v1_19"), ("1.10", "v1_20"),
                                            ("1.12", "v2_0"), ("1.14", "v2_2"), ("1.15", "v2_2"),
                                            ("main", "v2_4")])
def test_crd_flink_version_enum(name: str, last: str) -> None:
    """CRD enum per tag; 1.15.0 ships a CRD generated before v2_3/v2_4 joined FlinkVersion.java
    (tools/releasing/create_source_release.sh packages the committed file)."""
    schema = crd.schema("FlinkDeployment", release(name), "spec.flinkVersion")
    assert schema is not None and schema["enum"][0] == "v1_13" and schema["enum"][-1] == last


# -- the official examples, each under the release it comes from -----------------------------

FIXTURES = "tests/fixtures/operator"
OFFICIAL = [
    ("1.0", "basic.yaml"), ("1.0", "basic-session-job.yaml"),
    ("1.2", "basic-session-deployment-and-job.yaml"), ("1.4", "basic.yaml"),
    ("1.7", "basic.yaml"), ("1.7", "pod-template.yaml"), ("1.12", "basic-checkpoint-ha.yaml"),
    ("1.13", "basic.yaml"), ("1.15", "basic.yaml"), ("1.15", "basic-checkpoint-ha.yaml"),
    ("1.15", "sql-example.yaml"), ("1.15", "basic-session-deployment-and-job.yaml"),
    ("1.15", "canary.yaml"),
    ("main", "basic.yaml"), ("main", "sql-example.yaml"),
    ("main", "basic-session-deployment-and-job.yaml"),
]


def lint_file(path: str, operator: str) -> list[tuple[str, int, int]]:
    from pathlib import Path

    from flinklint.engine.run import lint
    from flinklint.engine.select import Selection
    from flinklint.loader import load_path
    from flinklint.rules.index import lint_rules
    from flinklint.versions import default_for

    configs = load_path(Path(path), operator=release(operator))
    assert configs
    out = []
    for config in configs:
        version = config.flink_version or default_for(config.kind)
        out += [(f.code, f.line, f.column) for f in lint(config, version, Selection(),
                                                         rules=lint_rules())
                if f.severity.value == "error"]
    return sorted(out)


@pytest.mark.parametrize(("operator", "name"), OFFICIAL, ids=[f"{r}/{n}" for r, n in OFFICIAL])
def test_official_example_has_no_error_under_its_release(operator: str, name: str) -> None:
    assert lint_file(f"{FIXTURES}/{operator}/{name}", operator) == []


def test_main_examples_under_releases() -> None:
    """main's examples size memory with resources.requests (FLINK-33548): no release reads it.

    1.15 (V validateTmMemoryConfig): memory missing, refused; 1.12 (CRD): also the integer
    numberOfTaskSlots; 1.1 (helm conf/flink-conf.yaml injects 1600m/1728m): no memory error,
    but v1_20 is outside its CRD enum and so is the integer.
    """
    path = f"{FIXTURES}/main/sql-example.yaml"
    fields = [("FL300", 30, 5), ("FL300", 35, 5)]
    assert lint_file(path, "1.15") == sorted([("FL205", 27, 5), ("FL205", 27, 5), *fields])
    assert lint_file(path, "1.12") == sorted([("FL205", 27, 5), ("FL205", 27, 5),
                                              ("FL301", 27, 36), *fields])
    assert lint_file(path, "1.1") == sorted([("FL301", 25, 17), ("FL301", 27, 36), *fields])
    assert lint_file(path, "main") == []


def test_canary_is_neither_validated_nor_deployed() -> None:
    """flink-kubernetes-operator/src/main/java/org/apache/flink/kubernetes/operator/health/
    CanaryResourceManager.java isCanaryResource, from release-1.5.0: no spec is fine."""
    assert lint_file(f"{FIXTURES}/1.15/canary.yaml", "1.5") == []
    assert lint_file(f"{FIXTURES}/1.15/canary.yaml", "1.4") == [
        ("FL205", 1, 1), ("FL205", 1, 1), ("FL302", 19, 1)]


def test_structured_config_example_under_older_releases() -> None:
    """1.13's basic.yaml writes numberOfTaskSlots as an integer: CRD 1.12.1 refuses it."""
    assert lint_file(f"{FIXTURES}/1.13/basic.yaml", "1.12") == [("FL301", 27, 36)]
    assert lint_file(f"{FIXTURES}/1.15/basic-checkpoint-ha.yaml", "1.12") == [
        ("FL301", 25, 17), ("FL301", 27, 36), ("FL301", 29, 7), ("FL301", 32, 7)]


# -- memory strings (B setResource / parseResourceMemoryString, V validateResources) ---------

@pytest.mark.parametrize(("operator", "written", "passed"), [
    ("1.6", "2048m", "2048m"),  # 1.0-1.6: copied verbatim
    ("1.7", "2048m", "2 gb"),  # 1.7+: MemorySize.parse(s).toString()
    ("1.7", "2Gi", "2147483648"),  # 1.7+: Kubernetes fallback
    ("main", "2G", "2 gb"),
])
def test_memory_string_per_release(operator: str, written: str, passed: str) -> None:
    config = load(f"flinkVersion: v1_17\ntaskManager:\n  resource:\n    memory: {written}\n",
                  operator)
    entry = config.last("taskmanager.memory.process.size")
    assert entry is not None and (entry.value, entry.source) == (passed, Source.OPERATOR)
    assert found(config) == []


@pytest.mark.parametrize(("operator", "written", "message"), [
    ("1.6", "2Gi", "TaskManager resource memory parse error: Memory size unit 'gi' does not "
                   "match any of the recognized units"),
    ("1.7", "1.5Gi", "TaskManager resource memory parse error: Memory size unit '.0' does not "
                     "match any of the recognized units"),
])
def test_memory_string_refused(operator: str, written: str, message: str) -> None:
    config = load(f"flinkVersion: v1_17\n{MEMORY.replace('memory: 2g', f'memory: {written}')}",
                  operator)
    assert found(config) == [("FL022", 9, 15), ("FL022", 12, 15)]
    assert message in config.findings[1].message
    assert config.last("taskmanager.memory.process.size") is None


# -- defaults and the validator's memory checks ------------------------------------------------

NO_TM_MEMORY = "flinkVersion: v1_16\njobManager:\n  resource:\n    memory: 2g\n"


def lint_codes(config: FlinkConfig) -> list[tuple[str, int, int, str]]:
    from flinklint.engine.run import lint
    from flinklint.engine.select import Selection
    from flinklint.rules.index import lint_rules
    from flinklint.versions import parse_version

    return [(f.code, f.line, f.column, f.message) for f in lint(
        config, parse_version("1.16"), Selection(select=("FL205", "FL3", "FL022")),
        rules=lint_rules())]


def test_operator_1_1_injects_memory() -> None:
    """helm/flink-kubernetes-operator/conf/flink-conf.yaml at release-1.1.0 (removed in 1.2)."""
    config = load(NO_TM_MEMORY, "1.1")
    entry = config.last("taskmanager.memory.process.size")
    assert entry is not None and (entry.value, entry.source) == ("1728m", Source.OPERATOR_DEFAULT)
    assert lint_codes(config) == []


def test_memory_missing_per_release() -> None:
    """1.2-1.3: nothing checks it, Flink fails at deploy; 1.4+ V validateTmMemoryConfig; main
    names resources too."""
    [(code, line, column, message)] = lint_codes(load(NO_TM_MEMORY, "1.3"))
    assert (code, line, column) == ("FL205", 9, 7) and "does not check this" in message
    [(_, _, _, message)] = lint_codes(load(NO_TM_MEMORY, "1.4"))
    assert ('"TaskManager resource memory must be defined using '
            '`spec.taskManager.resource.memory`"') in message
    [(_, _, _, message)] = lint_codes(load(NO_TM_MEMORY, None))
    assert "operator 1.15 (the newest release, assumed) rejects" in message
    [(_, _, _, message)] = lint_codes(load(NO_TM_MEMORY, "main"))
    assert "or `spec.taskManager.resources.requests.memory`" in message


def test_resource_without_memory() -> None:
    """V validateResources at release-1.3.1: ``resource memory must be defined.``; 1.4 drops it."""
    spec = NO_TM_MEMORY + "taskManager:\n  resource:\n    cpu: 1\n"
    assert [c[:3] for c in lint_codes(load(spec, "1.3"))] == [("FL302", 11, 5)]
    assert [c[:3] for c in lint_codes(load(spec, "1.4"))] == [("FL205", 9, 7)]


def test_ephemeral_storage() -> None:
    """CRD 1.5.0 adds it; V validateResources parses it with fabric8 Quantity."""
    spec = MEMORY.replace("memory: 2g\n", "memory: 2g\n    ephemeralStorage: abc\n", 1)
    assert found(load("flinkVersion: v1_16\n" + spec, "1.4")) == [("FL300", 10, 7)]
    config = load("flinkVersion: v1_16\n" + spec, "1.5")
    assert found(config) == [("FL302", 10, 25)]
    assert ('"JobManager resource ephemeral storage parse error: Character a is neither a '
            'decimal digit number') in config.findings[0].message


# -- main: resources (B applyResourceConfig, ResourceConfigUtils, V validateResourceRequirements)

RESOURCES = """\
flinkVersion: v1_20
jobManager:
  resource:
    memory: 1g
  resources:
    requests:
      memory: 2048m
      cpu: "1"
taskManager:
  resources:
    requests:
      memory: 2Gi
    limits:
      memory: 4096m
"""


def test_resources_on_main() -> None:
    config = load(RESOURCES, "main")
    # resource is ignored when resources holds requests; 4096m / 2Gi as Kubernetes quantities
    assert found(config) == [("FL300", 8, 5), ("FL304", 19, 17)]
    assert dict(config.effective) == {"jobmanager.memory.process.size": "2 gb",
                                      "taskmanager.memory.process.size": "2147483648"}


def test_resources_before_main() -> None:
    config = load(RESOURCES, "1.15")
    assert found(config) == [("FL300", 10, 5), ("FL300", 15, 5)]
    assert found(load(MEMORY.replace("  resource:", "  resources:\n  resource:", 1)
                      + "flinkVersion: v1_20\n", "1.15")) == []  # empty: nothing dropped
    assert dict(config.effective) == {"jobmanager.memory.process.size": "1 gb"}


@pytest.mark.parametrize(("requests", "limits", "expected", "message"), [
    ("memory: 4Gi", "memory: 2Gi", ("FL302", 15, 17),
     '"TaskManager resource requirements memory request (4Gi) must not exceed its limit (2Gi)"'),
    ("cpu: '0'", "cpu: 1", ("FL302", 13, 14),
     '"TaskManager resource requirements requests cpu must be positive: 0"'),
    ("cpu: 0.5", "cpu: 1", ("FL301", 13, 14), "must be an integer or a string"),
    ("memory: lots", "cpu: 1", ("FL022", 13, 17),
     '"TaskManager resource requirements requests memory parse error: '),
])
def test_resources_refused_on_main(requests: str, limits: str, expected: tuple[str, int, int],
                                   message: str) -> None:
    spec = (f"flinkVersion: v1_20\njobManager:\n  resource:\n    memory: 2g\ntaskManager:\n"
            f"  resources:\n    requests:\n      {requests}\n    limits:\n      {limits}\n")
    config = load(spec, "main")
    assert found(config) == [expected]
    assert message in config.findings[0].message


# -- configuration ----------------------------------------------------------------------------

def test_forbidden_keys() -> None:
    """V FORBIDDEN_CONF_KEYS: high-availability.cluster-id joins in 1.4.0."""
    spec = ("flinkVersion: v1_16\nflinkConfiguration:\n  kubernetes.cluster-id: x\n"
            "  high-availability.cluster-id: other\n" + MEMORY)
    assert found(load(spec, "1.3")) == [("FL302", 8, 5)]
    assert found(load(spec, "1.4")) == [("FL302", 8, 5), ("FL302", 9, 5)]


@pytest.mark.parametrize(("operator", "expected"), [("1.6", []), ("1.8", [("FL302", 6, 17)]),
                                                    ("1.9", [("FL302", 6, 17)])])
def test_unsupported_flink_version(operator: str, expected: list[tuple[str, int, int]]) -> None:
    """FlinkVersion.isSupported (>= v1_15): controller from 1.7, V validateFlinkVersion 1.9."""
    assert found(load("flinkVersion: v1_14\n" + MEMORY, operator)) == expected


def test_flink_version_missing_and_outside_the_enum() -> None:
    """V validateFlinkVersion: ``Flink Version must be defined.``; CRD enum per release."""
    config = load(MEMORY, "1.15")
    assert found(config) == [("FL302", 5, 1)]
    assert '"Flink Version must be defined."' in config.findings[0].message
    assert found(load("flinkVersion: v2_3\n" + MEMORY, "1.15")) == [("FL301", 6, 17)]
    assert found(load("flinkVersion: v2_3\n" + MEMORY, "main")) == []


def test_session_job_keys_up_to_1_2() -> None:
    """V validateFlinkSessionJobConfig, 1.0.1-1.2.0 (removed in 1.3.0)."""
    spec = "deploymentName: x\nflinkConfiguration:\n  parallelism.default: '2'\n"
    assert found(load(spec, "1.2", "FlinkSessionJob")) == [("FL302", 8, 5)]
    assert found(load(spec, "1.3", "FlinkSessionJob")) == []


PREFIXES = """\
flinkVersion: v2_0
flinkConfiguration:
  high-availability: kubernetes
  high-availability.storageDir: s3://bucket/ha
  kubernetes.jobmanager.cpu: "1"
jobManager:
  resource:
    memory: 2g
    cpu: 1
taskManager:
  resource:
    memory: 2g
"""


def test_overlapping_key_prefixes() -> None:
    """flink-kubernetes-operator/src/main/java/org/apache/flink/kubernetes/kubeclient/decorators/
    FlinkConfMountDecorator.java validateConfigKeysForV2, from release-1.12.0; the builder writes
    kubernetes.jobmanager.cpu.amount from resource.cpu (B configureCpu)."""
    assert found(load(PREFIXES, "1.11")) == []
    config = load(PREFIXES, "1.12")
    assert found(config) == [("FL303", 8, 5), ("FL303", 10, 5)]
    assert ("Overlapping key prefixes detected (high-availability -> "
            "high-availability.storageDir)") in config.findings[0].message
    assert found(load(PREFIXES.replace("v2_0", "v1_20"), "1.12")) == []
    nested = PREFIXES.replace("  high-availability: kubernetes\n  high-availability.storageDir",
                              "  high-availability:\n    type: kubernetes\n    storageDir")
    assert [c for c, _, _ in found(load(nested, "1.13"))] == ["FL303"]  # only the cpu pair


def test_limit_factor_below_one() -> None:
    """Flink's KubernetesJobManagerParameters/KubernetesTaskManagerParameters checkArgument."""
    spec = ("flinkVersion: v1_20\nflinkConfiguration:\n"
            "  kubernetes.taskmanager.memory.limit-factor: '0.5'\n"
            "  kubernetes.jobmanager.cpu.limit-factor: '1.5'\n" + MEMORY)
    assert found(load(spec, "1.15")) == [("FL304", 8, 49)]


# -- job spec (V validateJobSpec; the bundled Flink of each release's pom.xml) ---------------

JOB = """\
flinkVersion: v1_16
flinkConfiguration:
{conf}
jobManager:
  resource:
    memory: 2g
taskManager:
  resource:
    memory: 2g
job:
  jarURI: local:///opt/flink/job.jar
  upgradeMode: {mode}
"""
NEW_DIRS = ("  execution.checkpointing.dir: s3://b/c\n"
            "  execution.checkpointing.savepoint-dir: s3://b/s")
OLD_DIRS = "  state.checkpoints.dir: s3://b/c\n  state.savepoints.dir: s3://b/s"


def job(conf: str, mode: str, operator: str) -> FlinkConfig:
    return load(JOB.format(conf=conf, mode=mode), operator)


def test_checkpoint_directories_follow_the_bundled_flink() -> None:
    """Bundled Flink 1.19.1 (1.10.0) knows only state.*.dir; 1.20.1 (1.11.0) reads both."""
    config = job(NEW_DIRS, "savepoint", "1.10")
    assert found(config) == [("FL302", 18, 18), ("FL302", 18, 18)]
    assert ('"Checkpoint directory[state.checkpoints.dir] must be defined for last-state and '
            'savepoint upgrade modes"') in config.findings[0].message
    assert ('"Job could not be upgraded with savepoint while config key[state.savepoints.dir] '
            'is not set"') in config.findings[1].message
    assert found(job(NEW_DIRS, "savepoint", "1.11")) == []
    assert found(job(OLD_DIRS, "savepoint", "1.11")) == []  # deprecated keys of Flink 1.20
    assert found(job(OLD_DIRS, "savepoint", "1.10")) == []
    assert found(job("  a: b", "stateless", "1.15")) == []


@pytest.mark.parametrize(("ha", "operator", "refused"), [
    ("high-availability: kubernetes", "1.2", True),  # FlinkUtils.isKubernetesHAActivated 1.2.0
    ("high-availability: kubernetes", "1.3", False),  # 1.3.1 also accepts "kubernetes"
    ("high-availability.type: kubernetes", "1.5", True),  # Flink 1.16 has no .type key
    ("high-availability.type: kubernetes", "1.6", False),  # Flink 1.17 has
    ("high-availability: zookeeper", "1.9", False),  # isHighAvailabilityModeActivated
    ("high-availability: NONE", "1.9", True),
    ("a: b", "1.10", False),  # the check is gone in 1.10.0
])
def test_last_state_needs_high_availability(ha: str, operator: str, refused: bool) -> None:
    config = job(f"{OLD_DIRS}\n  {ha}", "last-state", operator)
    assert found(config) == ([("FL302", 19, 18)] if refused else [])
    if refused:
        assert "Job could not be upgraded with last-state while" in config.findings[0].message


def test_savepoint_trigger_without_savepoint_directory() -> None:
    config = load(JOB.format(conf="  state.checkpoints.dir: s3://b/c", mode="stateless")
                  + "  savepointTriggerNonce: 0\n", "1.9")
    assert found(config) == [("FL302", 18, 28)]
    assert ('"Savepoint could not be manually triggered for the running job while config '
            'key[state.savepoints.dir] is not set"') in config.findings[0].message


def test_memory_findings_name_the_field_the_release_read() -> None:
    """main: the process size comes from resources.limits.memory when no request is given
    (ResourceConfigUtils.getRequestOrLimit)."""
    from flinklint.rules.shared.memory import shown

    spec = ("flinkVersion: v1_20\njobManager:\n  resource:\n    memory: 2g\n"
            "taskManager:\n  resources:\n    limits:\n      memory: 300m\n")
    config = load(spec, "main")
    assert shown(config, "taskmanager.memory.process.size") == \
        "spec.taskManager.resources.limits.memory"
    assert shown(config, "jobmanager.memory.process.size") == "spec.jobManager.resource.memory"


# -- autoscaler (V validateAutoScalerFlinkConfiguration 1.7-1.13; flink-autoscaler/src/main/
# java/org/apache/flink/autoscaler/validation/AutoscalerValidator.java from 1.14) ------------

AUTOSCALER = ("flinkVersion: v1_17\nflinkConfiguration:\n  job.autoscaler.enabled: 'true'\n"
              "{conf}\n" + MEMORY)


@pytest.mark.parametrize(("conf", "operator", "expected"), [
    ("  job.autoscaler.utilization.target: '1.5'", "1.15",
     '"The AutoScalerOption job.autoscaler.utilization.target is invalid, it should be a value '
     'within the range [0.0, 1.0]"'),
    ("  job.autoscaler.target.utilization: '1.5'", "1.10", None),  # [0, +Infinity] up to 1.10
    ("  job.autoscaler.target.utilization: '-1'", "1.10",
     '"The AutoScalerOption job.autoscaler.target.utilization is invalid, it should be a value '
     'within the range [0.0, +Infinity]"'),
    ("  job.autoscaler.utilization.max: '0.5'", "1.11",  # below the default target 0.7
     '"The AutoScalerOption job.autoscaler.utilization.max is invalid, it should be a value '
     'within the range [0.7, 1.0]"'),
    ("  kubernetes.operator.job.autoscaler.scale-down.max-factor: '-0.1'", "1.7",
     '"The AutoScalerOption job.autoscaler.scale-down.max-factor is invalid, it should be a '
     'value within the range [0.0, +Infinity]"'),
    ("  job.autoscaler.observed-scalability.coefficient-min: '0'", "1.11", None),  # from 1.12
    ("  job.autoscaler.observed-scalability.coefficient-min: '0'", "1.12",
     "within the range [0.01, 1.0]"),
    ("  job.autoscaler.scale-up.max-factor: lots", "1.9",
     '"Invalid value in the autoscaler config job.autoscaler.scale-up.max-factor"'),
    ("  job.autoscaler.utilization.target: '1.5'", "1.6", None),  # no validation before 1.7
])
def test_autoscaler_ranges(conf: str, operator: str, expected: str | None) -> None:
    config = load(AUTOSCALER.format(conf=conf), operator)
    if expected is None:
        assert found(config) == []
    else:
        assert found(config) == [("FL302", 9, conf.index(": ") + 5)]
        assert expected in config.findings[0].message
    disabled = load(AUTOSCALER.format(conf=conf).replace("'true'", "'false'"), operator)
    assert found(disabled) == []


@pytest.mark.parametrize(("vendor", "spec"), [
    ("Amazon EMR on EKS", """\
        emrReleaseLabel: emr-7.12.0-flink-latest
        executionRoleArn: arn:aws:iam::123456789012:role/flink
        flinkVersion: v1_18
        jobManager:
          storageDir: s3://bucket/ha
          highAvailabilityEnabled: true
          resource:
            memory: 2g
        taskManager:
          resource:
            memory: 2g
        monitoringConfiguration:
          s3MonitoringConfiguration:
            logUri: s3://bucket/logs
        """),
    ("IBM Event Automation", """\
        flinkConfiguration:
          license.use: EventAutomationProduction
          license.license: L-AAAA-BBBBBB
          license.accept: 'true'
""" + textwrap.indent(MEMORY, "        ")),
])
def test_a_vendors_operator_is_not_held_to_the_apache_crd_and_checks(vendor: str,
                                                                     spec: str) -> None:
    """EMR on EKS and IBM Event Automation ship operators of their own, with CRD fields and
    defaults Apache's releases do not have (IBM's sets spec.flinkVersion itself): FL300-FL302
    would be false there. The same manifest without the vendor's marks gets them."""
    config = load(spec, None)
    assert config.meta["operator_vendor"] == vendor
    assert not [f for f in found(config) if f[0] in ("FL300", "FL301", "FL302")]
    plain = spec.replace("emrReleaseLabel", "emrReleaseLabl").replace(
        "executionRoleArn", "executionRoleArm").replace("license.", "licence.")
    apache = load(plain, None)
    assert apache.meta["operator_vendor"] == ""
    assert [f for f in found(apache) if f[0] in ("FL300", "FL302")]
