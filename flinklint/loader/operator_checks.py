"""What one operator release refuses in a FlinkDeployment's configuration (FL302-FL304).

A mix-in of :class:`~flinklint.loader.operator_spec.SpecReader`: ``DefaultValidator``'s
``flinkVersion``, job-spec (checkpoint and savepoint directories, high availability), forbidden
key and session-job checks, the Flink 2 key-prefix check ``FlinkConfMountDecorator`` runs at
deploy time, and the limit factors Flink refuses when it builds the pods.
"""

from __future__ import annotations

from flinklint.catalog import catalog
from flinklint.findings import Finding
from flinklint.flink_config import Entry
from flinklint.launch.operator import OperatorRelease
from flinklint.loader import codes
from flinklint.loader.manifest_config import ConfigFlattener
from flinklint.loader.operator_nodes import child, flink_minor, key_node, mapping, scalar_text
from flinklint.loader.yaml_nodes import Mapping, Node
from flinklint.values.javafmt import double_to_string
from flinklint.values.javanum import JavaError, parse_boolean, parse_double
from flinklint.versions import FlinkVersion

ALLOWED_SESSION_JOB_KEY = "kubernetes.operator.user.artifacts.http.header"
# Removed by FlinkConfMountDecorator.getClusterSideConfData before the prefix check.
_NOT_SHIPPED = ("kubernetes.config.file", "$internal.deployment.config-dir", "rest.bind-address",
                "jobmanager.bind-host", "taskmanager.bind-host", "taskmanager.host")
_LIMIT_FACTORS = tuple(f"kubernetes.{p}.{r}.limit-factor" for p in ("jobmanager", "taskmanager")
                       for r in ("cpu", "memory"))

# Keys the builder always writes for a FlinkDeployment (FlinkConfigBuilder), as far as they
# can collide with a user's key.
_OPERATOR_KEYS = frozenset({
    "kubernetes.namespace", "kubernetes.cluster-id", "$internal.flink.version",
    "execution.target", "kubernetes.jobmanager.replicas", "kubernetes.rest-service.exposed.type",
    "web.cancel.enable",
})


# AutoScalerOptions: option (after ``job.autoscaler.``) -> (min, max, releases). "target" is the
# utilization target's value (default 0.7); releases are (first, last) minors, last None: on.
_AUTOSCALER_RANGES: dict[str, tuple[float | str | None, float | str | None,
                                    tuple[int, int | None]]] = {
    "scale-down.max-factor": (0.0, None, (7, None)),
    "scale-up.max-factor": (0.0, None, (7, None)),
    "target.utilization": (0.0, None, (7, 10)),
    "utilization.target": (0.0, 1.0, (11, None)),
    "target.utilization.boundary": (0.0, None, (7, None)),
    "utilization.max": ("target", 1.0, (11, None)),
    "utilization.min": (0.0, "target", (11, None)),
    "observed-scalability.coefficient-min": (0.01, 1.0, (12, None)),
}
_AUTOSCALER_DEFAULT_TARGET = 0.7


def _in_releases(minor: int, since: tuple[int, int | None]) -> bool:
    first, last = since
    return minor >= first and (last is None or minor <= last)


def _read(values: dict[str, Entry], name: str, release: OperatorRelease) -> Entry | None:
    """The entry Flink's ``Configuration`` reads for ``job.autoscaler.<name>``: the key, then
    its deprecated and fallback keys in declaration order (``AutoScalerOptions``)."""
    keys = [f"job.autoscaler.{name}"]
    if name == "utilization.target":
        keys.append("job.autoscaler.target.utilization")
        keys.append("kubernetes.operator.job.autoscaler.utilization.target")
        name = "target.utilization"
    keys.append(f"kubernetes.operator.job.autoscaler.{name}")
    return next((values[k] for k in keys if k in values), None)


class ConfigChecks:
    """The configuration checks; the reader supplies the attributes declared here."""

    root: Mapping
    spec: Mapping | None
    release: OperatorRelease
    who: str
    flattener: ConfigFlattener
    findings: list[Finding]
    written: dict[str, Node]
    flink_version: str | None

    def add(self, code: codes.Code, node: Node, message: str) -> None:
        raise NotImplementedError

    def _flink_version(self) -> None:
        node = child(self.spec, "flinkVersion")
        if self.flink_version is None:
            where: Node = node or key_node(self.root, "spec") or self.root
            self.add(codes.OPERATOR_VALIDATION, where,
                     f"{self.who} refuses the deployment: \"Flink Version must be defined.\"; "
                     f"set spec.flinkVersion (e.g. v1_20)")
            return
        if node is not None and self.flink_version in ("v1_13", "v1_14") and \
                self.release.refuses_old_flink:
            how = ("refuses the deployment" if self.release.minor >= 9 else
                   "does not reconcile it (Warning event UnsupportedFlinkVersion)")
            self.add(codes.OPERATOR_VALIDATION, node,
                     f"{self.who} {how}: \"Flink version {self.flink_version} is not "
                     f"supported by this operator version\"; operator 1.0 to 1.6 deploy it")

    def _job(self, conf: list[Entry]) -> None:
        """``validateJobSpec``: upgrade modes that need HA, checkpoint and savepoint directories,
        read through the options of the operator's bundled Flink (their keys and fallbacks)."""
        job = mapping(child(self.spec, "job"))
        if job is None:
            return
        mode_node = child(job, "upgradeMode")
        mode = scalar_text(mode_node) or "stateless"
        anchor: Node = mode_node or key_node(self.spec, "job") or job
        values = {e.key: e for e in conf}
        modern = self.release.bundled_flink >= (1, 20)
        refuse = f"{self.who} refuses the deployment"
        if mode == "last-state" and self.release.ha_check and not self._ha(values):
            what = "HA" if self.release.minor >= 4 else "Kubernetes HA"
            self.add(codes.OPERATOR_VALIDATION, anchor,
                     f"{refuse}: \"Job could not be upgraded with last-state while {what} "
                     f"disabled\"; enable high availability or use another upgrade mode")
        checkpoints = "execution.checkpointing.dir" if modern else "state.checkpoints.dir"
        savepoints = ("execution.checkpointing.savepoint-dir" if modern
                      else "state.savepoints.dir")
        if mode != "stateless" and not self._option(values, checkpoints):
            self.add(codes.OPERATOR_VALIDATION, anchor,
                     f"{refuse}: \"Checkpoint directory[{checkpoints}] must be defined for "
                     f"last-state and savepoint upgrade modes\"{self._bundled(checkpoints)}")
        if self._option(values, savepoints):
            return
        nonce = child(job, "savepointTriggerNonce")
        periodic = values.get("kubernetes.operator.periodic.savepoint.interval")
        max_age = values.get(
            "kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age")
        key = f"config key[{savepoints}]"
        if mode == "savepoint":
            message, where = f"Job could not be upgraded with savepoint while {key} is not set", \
                anchor
        elif nonce is not None and scalar_text(nonce) is not None:
            message, where = (f"Savepoint could not be manually triggered for the running job "
                              f"while {key} is not set"), nonce
        elif periodic is not None and self.release.minor >= 1:
            self.findings.append(codes.OPERATOR_VALIDATION.at(
                self.flattener.path, periodic.key_span,
                f"{refuse}: \"Periodic savepoints cannot be enabled when {key} is not set\""
                f"{self._bundled(savepoints)}"))
            return
        elif max_age is not None and self.release.minor >= 5:
            self.findings.append(codes.OPERATOR_VALIDATION.at(
                self.flattener.path, max_age.key_span,
                f"{refuse}: \"In order to use max-checkpoint age functionality {key} must be "
                f"set to allow triggering savepoint upgrades.\"{self._bundled(savepoints)}"))
            return
        else:
            return
        self.add(codes.OPERATOR_VALIDATION, where,
                 f"{refuse}: \"{message}\"{self._bundled(savepoints)}")

    def _bundled(self, option: str) -> str:
        major, minor = self.release.bundled_flink
        return (f"; it reads {option} (or its deprecated keys) through the Flink "
                f"{major}.{minor} library it is built with, whatever spec.flinkVersion says")

    def _option(self, values: dict[str, Entry], option: str) -> bool:
        """``Configuration.getString(option)`` is not blank."""
        found = self._value(values, option)
        return found is not None and bool(found.strip())

    def _value(self, values: dict[str, Entry], option: str) -> str | None:
        """The value the bundled Flink reads for ``option``: its own key, else a fallback or
        deprecated key (the catalog of that Flink version says which keys those are)."""
        bundled = FlinkVersion(*self.release.bundled_flink)
        known = catalog().lookup(option, bundled)
        main = known.main if known is not None else option
        if main in values:
            return values[main].value
        for key, entry in values.items():
            info = catalog().lookup(key, bundled)
            if info is not None and info.main == main:
                return entry.value
        return None

    def _ha(self, values: dict[str, Entry]) -> bool:
        """Whether the validator of the release counts high availability as on."""
        check = self.release.ha_check
        mode = (self._value(values, "high-availability") or "").strip().lower()
        if check == "any":  # HighAvailabilityMode.fromConfig: NONE is the default
            return mode not in ("", "none")
        factory = "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory"
        return mode == factory.lower() or (check == "kubernetes" and mode == "kubernetes")

    def _autoscaler(self, conf: list[Entry]) -> None:
        """``validateAutoScalerFlinkConfiguration`` (1.7-1.13; ``AutoscalerValidator`` from
        1.14): the ranges of the autoscaler's numbers, when ``job.autoscaler.enabled``."""
        if self.release.minor < 7:
            return
        values = {e.key: e for e in conf}
        enabled = _read(values, "enabled", self.release)
        try:
            if enabled is None or not parse_boolean(enabled.value.strip()):
                return
        except JavaError:
            return
        read: dict[str, Entry | None] = {}
        numbers: dict[str, float | None] = {}
        ranges = {name: bounds for name, bounds in _AUTOSCALER_RANGES.items()
                  if _in_releases(self.release.minor, bounds[2])}
        for name in ranges:
            read[name] = entry = _read(values, name, self.release)
            try:
                numbers[name] = parse_double(entry.value.strip()) if entry else None
            except JavaError:
                numbers[name] = None
                key = f"job.autoscaler.{name}"
                if entry is not None:
                    self.findings.append(codes.OPERATOR_VALIDATION.at(
                        self.flattener.path, entry.value_span or entry.key_span,
                        f"{self.who} refuses the deployment: \"Invalid value in the autoscaler "
                        f"config {key}\""))
        target_name = "utilization.target" if self.release.minor >= 11 else "target.utilization"
        target = numbers.get(target_name)
        target = _AUTOSCALER_DEFAULT_TARGET if target is None else target
        for name, (low, high, _) in ranges.items():
            entry, number = read[name], numbers[name]
            if entry is None or number is None:
                continue
            lower = target if low == "target" else low
            upper = target if high == "target" else high
            assert not isinstance(lower, str) and not isinstance(upper, str)
            if (lower is not None and number < lower) or (upper is not None and number > upper):
                shown_low = double_to_string(lower) if lower is not None else "-Infinity"
                shown_high = double_to_string(upper) if upper is not None else "+Infinity"
                self.findings.append(codes.OPERATOR_VALIDATION.at(
                    self.flattener.path, entry.value_span or entry.key_span,
                    f"{self.who} refuses the deployment: \"The AutoScalerOption "
                    f"job.autoscaler.{name} is invalid, it should be a value within the range "
                    f"[{shown_low}, {shown_high}]\""))

    def _forbidden(self, conf: list[Entry]) -> None:
        for entry in conf:
            if entry.key in self.release.forbidden_keys:
                self.findings.append(codes.OPERATOR_VALIDATION.at(
                    self.flattener.path, entry.key_span,
                    f"{self.who} refuses the deployment: \"Forbidden Flink config key: "
                    f"{entry.key}\"; the operator sets it itself: remove it"))

    def _session_job_keys(self, conf: list[Entry]) -> None:
        for entry in conf:
            if entry.key != ALLOWED_SESSION_JOB_KEY:
                self.findings.append(codes.OPERATOR_VALIDATION.at(
                    self.flattener.path, entry.key_span,
                    f"{self.who} refuses the session job: \"Invalid session job "
                    f"flinkConfiguration key: {entry.key}. Allowed keys are "
                    f"[{ALLOWED_SESSION_JOB_KEY}]\"; operator 1.3 and later accept any key"))

    def _prefixes(self, conf: list[Entry]) -> None:
        minor = flink_minor(self.flink_version)
        if not self.release.checks_key_prefixes or minor is None or minor < (2, 0):
            return
        user = {e.key: e for e in conf}
        keys = set(user) | set(self.written) | {k for k, _ in self.release.default_config}
        keys |= _OPERATOR_KEYS
        if self.release.minor >= 11:
            keys.add("env.java.default-opts.all")
        keys -= set(_NOT_SHIPPED)
        for longer in sorted(keys):
            parts = longer.split(".")
            for cut in range(1, len(parts)):
                shorter = ".".join(parts[:cut])
                if shorter not in keys:
                    continue
                entry = user.get(shorter) or user.get(longer)
                message = (f"{self.who} cannot deploy Flink {self.flink_version}: '{shorter}' "
                           f"and '{longer}' cannot both be set in Flink 2's config.yaml "
                           f"(\"Overlapping key prefixes detected ({shorter} -> {longer}), "
                           f"please replace with Flink v2 compatible, non-deprecated keys.\"); "
                           f"the validator does not check this, the deployment fails")
                if entry is not None:
                    self.findings.append(codes.OPERATOR_KEY_PREFIX.at(
                        self.flattener.path, entry.key_span, message))
                elif longer in self.written or shorter in self.written:
                    self.add(codes.OPERATOR_KEY_PREFIX,
                             self.written.get(shorter) or self.written[longer], message)

    def _limit_factors(self, conf: list[Entry]) -> None:
        for entry in conf:
            if entry.key not in _LIMIT_FACTORS or entry.key in self.written:
                continue
            try:
                factor = parse_double(entry.value)
            except JavaError:
                continue
            if factor < 1:
                self.findings.append(codes.LIMIT_FACTOR_BELOW_ONE.at(
                    self.flattener.path, entry.value_span or entry.key_span,
                    f"Flink refuses to deploy with {entry.key} below 1 (\"{entry.key} should "
                    f"be greater or equal to 1.\"): a container's limit cannot be below its "
                    f"request; use 1 or more"))


