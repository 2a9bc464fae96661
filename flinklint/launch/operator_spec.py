"""Read a ``FlinkDeployment`` or ``FlinkSessionJob`` the way one operator release reads it.

Given the manifest's YAML and an :class:`~flinklint.launch.operator.OperatorRelease`, this
produces what the loader adds to the flattened ``flinkConfiguration``:

* entries *before* it: keys of the release's default configuration that flinklint models
  (1.0-1.1 inject both processes' memory);
* entries *after* it: the memory the release writes from the spec
  (``FlinkConfigBuilder.setResource``; on main ``setResourceRequirements``), overriding
  ``flinkConfiguration``;
* findings: fields the release does not read (FL300), values its CRD refuses (FL301), what its
  ``DefaultValidator`` refuses about resources and configuration (FL302, FL022 for memory
  strings), Flink 2 configurations it cannot write (FL303) and limit factors Flink refuses
  (FL304). Each message names the release and, when it was not chosen, says it is assumed.
"""

from __future__ import annotations

from flinklint.findings import Finding
from flinklint.flink_config import Entry, Source
from flinklint.launch import operator_crd as crd
from flinklint.launch.operator import MAIN, OperatorRelease, releases_label
from flinklint.loader import codes
from flinklint.loader.manifest_config import ConfigFlattener
from flinklint.loader.operator_values import go_value
from flinklint.loader.quantity import numerical_amount, operator_memory
from flinklint.loader.yaml_nodes import Mapping, Node, Scalar, Sequence, deref

COMPONENTS = (("jobManager", "jobmanager", "JobManager"),
              ("taskManager", "taskmanager", "TaskManager"))
ALLOWED_SESSION_JOB_KEY = "kubernetes.operator.user.artifacts.http.header"
# Removed by FlinkConfMountDecorator.getClusterSideConfData before the prefix check.
_NOT_SHIPPED = ("kubernetes.config.file", "$internal.deployment.config-dir", "rest.bind-address",
                "jobmanager.bind-host", "taskmanager.bind-host", "taskmanager.host")
_LIMIT_FACTORS = tuple(f"kubernetes.{p}.{r}.limit-factor" for p in ("jobmanager", "taskmanager")
                       for r in ("cpu", "memory"))


def child(node: Mapping | None, name: str) -> Node | None:
    for key, value in node.pairs if node is not None else ():
        target = deref(key)
        if isinstance(target, Scalar) and target.value == name:
            return value
    return None


def key_node(node: Mapping | None, name: str) -> Node | None:
    for key, _ in node.pairs if node is not None else ():
        target = deref(key)
        if isinstance(target, Scalar) and target.value == name:
            return key
    return None


def mapping(node: Node | None) -> Mapping | None:
    target = deref(node) if node is not None else None
    return target if isinstance(target, Mapping) else None


def scalar_text(node: Node | None) -> str | None:
    """The text kubectl sends for a scalar (``2048`` for an integer), None for null or a
    collection."""
    target = deref(node) if node is not None else None
    if not isinstance(target, Scalar):
        return None
    value = go_value(target)
    if value is None:
        return None
    from flinklint.loader.operator_values import json_text

    try:
        return json_text(value)[0]
    except ValueError:
        return target.value


class SpecReader:
    """One document's spec, read by one release. Call :meth:`read` once."""

    def __init__(self, root: Mapping, kind: str, release: OperatorRelease, assumed: bool,
                 flattener: ConfigFlattener) -> None:
        self.root, self.kind, self.release = root, kind, release
        self.flattener = flattener
        self.spec = mapping(child(root, "spec"))
        self.who = release.label + (" (the newest release, assumed)" if assumed else "")
        self.findings: list[Finding] = []
        self.before: list[Entry] = []
        self.after: list[Entry] = []
        self.refused: list[str] = []  # processes whose spec memory the release refuses
        self.written: dict[str, Node] = {}  # keys the builder writes, where they come from
        self.fields: dict[str, str] = {}  # memory key -> the spec field it was written from
        self.flink_version = scalar_text(child(self.spec, "flinkVersion"))

    # -- entry point --------------------------------------------------------------------------

    @property
    def canary(self) -> bool:
        """A health probe of the operator (1.5+), which it neither validates nor deploys."""
        labels = mapping(child(mapping(child(self.root, "metadata")), "labels"))
        value = scalar_text(child(labels, "flink.apache.org/canary")) or ""
        return self.release.skips_canaries and value.lower() == "true"

    def read(self, conf: list[Entry]) -> None:
        spec_node = child(self.root, "spec")
        if self.spec is not None and spec_node is not None:
            self._fields(spec_node, "spec")
        if self.canary:
            return
        if self.kind == "FlinkDeployment":
            self._defaults()
            for component in COMPONENTS:
                self._component(*component)
            self._flink_version()
            self._job(conf)
            self._forbidden(conf)
            self._prefixes(conf)
            self._limit_factors(conf)
        elif self.release.restricts_session_job_config:
            self._session_job_keys(conf)

    def add(self, code: codes.Code, node: Node, message: str) -> None:
        self.findings.append(self.flattener.finding(code, node, message))

    # -- the CRD ------------------------------------------------------------------------------

    def _fields(self, node: Node, path: str) -> None:
        schema = crd.schema(self.kind, self.release, path)
        if schema is None:
            return
        target = deref(node)
        if isinstance(target, Scalar) and go_value(target) is None:
            return  # the API server drops a null
        kind = schema.get("type")
        if kind == "any":
            return
        if not _matches(kind, target):
            self._wrong_type(node, path, schema)
            return
        if isinstance(target, Scalar) and "enum" in schema:
            self._enum(node, path, schema)
        elif isinstance(target, Mapping):
            self._mapping(target, path, schema)
        elif isinstance(target, Sequence):
            item_path = path + "[]"
            items = schema.get("items")
            for item in target.items:
                if crd.schema(self.kind, self.release, item_path) is not None:
                    self._fields(item, item_path)
                elif items is not None and not _matches(items.get("type"), deref(item)):
                    self._wrong_type(item, path + "[]", items)

    def _mapping(self, target: Mapping, path: str, schema: crd.Schema) -> None:
        values = schema.get("values")
        for key, value in target.pairs:
            name = deref(key)
            if not isinstance(name, Scalar):
                continue
            if values is not None:
                inner = deref(value)
                if not (isinstance(inner, Scalar) and go_value(inner) is None) and \
                        not _matches(values.get("type"), inner):
                    self._wrong_type(value, f"{path}.{name.value}", values, parent=path)
                continue
            if not schema.get("fields"):
                continue
            sub = f"{path}.{name.value}"
            inner = deref(value)
            if isinstance(inner, Scalar) and go_value(inner) is None:
                continue  # an empty field: the API server drops it, nothing is lost
            if crd.schema(self.kind, self.release, sub) is None:
                self._unknown(key, sub)
            else:
                self._fields(value, sub)

    def _unknown(self, key: Node, path: str) -> None:
        readers = crd.releases_with(self.kind, path)
        drop = ("the API server drops it (kubectl apply with server-side field validation "
                "refuses the manifest)")
        if not readers:
            self.add(codes.OPERATOR_FIELD_NOT_READ, key,
                     f"`{path}` is not a field of the {self.kind} of any operator release: "
                     f"{drop}; check the spelling")
            return
        self.add(codes.OPERATOR_FIELD_NOT_READ, key,
                 f"{self.who} does not read `{path}`: its CRD has no such field, so {drop}; "
                 f"it is read by operator {releases_label(readers)}")

    def _wrong_type(self, node: Node, path: str, schema: crd.Schema,
                    parent: str | None = None) -> None:
        expected = _TYPE_WORDS.get(schema.get("type") or "", schema.get("type") or "?")
        target = deref(node)
        given = _describe(target)
        if parent == "spec.flinkConfiguration":
            self.add(codes.OPERATOR_CRD_REFUSES, node,
                     f"{self.who} accepts only strings in spec.flinkConfiguration (its CRD "
                     f"declares a map of strings) and the API server refuses {given}; quote "
                     f"the value or write one dotted key per option (operator 1.13 and later "
                     f"accept nested maps, numbers and lists)")
            return
        self.add(codes.OPERATOR_CRD_REFUSES, node,
                 f"`{path}` must be {expected} in the CRD of {self.who}: the API server "
                 f"refuses the manifest ({given})")

    def _enum(self, node: Node, path: str, schema: crd.Schema) -> None:
        value = scalar_text(node)
        allowed = schema["enum"]
        if value is None or value in allowed:
            return
        accepting = crd.enum_releases(self.kind, path, value)
        where = f"; accepted by operator {releases_label(accepting)}" if accepting else ""
        if path == "spec.flinkVersion" and self.release.minor == 15 and value in ("v2_3", "v2_4"):
            where += (" (operator 1.15's code knows it, but the CRD its Helm chart installs was "
                      "generated before it was added)")
        self.add(codes.OPERATOR_CRD_REFUSES, node,
                 f"`{path}: {value}` is not allowed by the CRD of {self.who} (allowed: "
                 f"{', '.join(allowed)}): the API server refuses the manifest{where}")

    # -- defaults -----------------------------------------------------------------------------

    def _defaults(self) -> None:
        anchor = key_node(self.root, "spec") or self.root
        for key, value in self.release.default_config:
            if ".memory." in key:
                span = self.flattener.span(anchor)
                self.before.append(Entry(key, value, value, span, None,
                                         source=Source.OPERATOR_DEFAULT))

    # -- resources ----------------------------------------------------------------------------

    def _component(self, field: str, process: str, title: str) -> None:
        component = mapping(child(self.spec, field))
        resource = mapping(child(component, "resource"))
        resources = mapping(child(component, "resources"))
        if self.release.reads_resources and _has_requirements(resources):
            if resource is not None:
                self.add(codes.OPERATOR_FIELD_NOT_READ, key_node(component, "resource") or
                         resource, f"{self.who} ignores `spec.{field}.resource` (memory, cpu "
                         f"and ephemeralStorage) because `spec.{field}.resources` holds requests "
                         f"or limits; move its values to `resources` or remove it")
            self._requirements(field, process, title, resources)
            return
        if resource is None:
            return
        memory = child(resource, "memory")
        text = scalar_text(memory)
        if memory is None or text is None:
            if self.release.requires_resource_memory:
                self.add(codes.OPERATOR_VALIDATION, key_node(component, "resource") or resource,
                         f"{self.who} refuses the deployment: \"{title} resource memory must be "
                         f"defined.\"; add spec.{field}.resource.memory")
                self.refused.append(process)
        else:
            self._memory(process, title, memory, text, f"{title} resource memory")
            self.fields[f"{process}.memory.process.size"] = f"spec.{field}.resource.memory"
        cpu = child(resource, "cpu")
        if scalar_text(cpu) is not None and cpu is not None:
            minor = _flink_minor(self.flink_version)
            for key in self.release.cpu_keys(process, minor):
                self.written[key] = cpu
        storage = child(resource, "ephemeralStorage")
        storage_text = scalar_text(storage)
        if storage is not None and storage_text is not None and \
                self.release.reads_ephemeral_storage:
            try:
                numerical_amount(storage_text)
            except ValueError as err:
                self.add(codes.OPERATOR_VALIDATION, storage,
                         f"{self.who} refuses the deployment: \"{title} resource ephemeral "
                         f"storage parse error: {err}\"")

    def _memory(self, process: str, title: str, node: Node, text: str, what: str) -> None:
        from flinklint.values.units import JavaError, parse_memory_size

        key = f"{process}.memory.process.size"
        value = text
        try:
            if self.release.converts_memory:
                value = operator_memory(text)
            parse_memory_size(value)
        except (ValueError, JavaError) as err:
            message = err.message if isinstance(err, JavaError) else str(err)
            hint = ("write a whole size such as 1536m" if self.release.converts_memory else
                    "write a Flink size such as 2048m or 2g (Kubernetes units like 2Gi are read "
                    "from operator 1.7 on)")
            turned = f" (it turns {text!r} into {value!r})" if value != text else ""
            self.add(codes.OPERATOR_MEMORY_CONVERSION, node,
                     f"{self.who} refuses the deployment{turned}: \"{what} parse error: "
                     f"{message}\"; {hint}")
            self.refused.append(process)
            return
        pair = next((k for k, _ in _pairs_with(self.root, node)), node)
        self.after.append(Entry(key, value, text, self.flattener.span(pair),
                                self.flattener.span(node), source=Source.OPERATOR))
        self.written[key] = node

    def _requirements(self, field: str, process: str, title: str,
                      resources: Mapping | None) -> None:
        sections = {name: mapping(child(resources, name)) for name in ("requests", "limits")}
        ok = True
        for name, section in sections.items():
            for key_of, quantity in section.pairs if section is not None else ():
                ok &= self._quantity(title, name, scalar_text(key_of) or "", quantity)
        for res in ("cpu", "memory"):
            request, limit = (child(sections[n], res) for n in ("requests", "limits"))
            if request is not None and limit is not None:
                self._request_vs_limit(field, process, title, res, request, limit)
        memory = child(sections["requests"], "memory") or child(sections["limits"], "memory")
        side = "requests" if child(sections["requests"], "memory") is not None else "limits"
        self.fields[f"{process}.memory.process.size"] = f"spec.{field}.resources.{side}.memory"
        text = scalar_text(memory)
        if memory is not None and text is not None and ok:
            converted = operator_memory(text)
            pair = next((k for k, _ in _pairs_with(self.root, memory)), memory)
            self.after.append(Entry(f"{process}.memory.process.size", converted, text,
                                    self.flattener.span(pair), self.flattener.span(memory),
                                    source=Source.OPERATOR))
            self.written[f"{process}.memory.process.size"] = memory
        elif memory is not None:
            self.refused.append(process)
        cpu = child(sections["requests"], "cpu") or child(sections["limits"], "cpu")
        if cpu is not None:
            for key in self.release.cpu_keys(process, _flink_minor(self.flink_version)):
                self.written[key] = cpu

    def _quantity(self, title: str, section: str, key: str, node: Node) -> bool:
        from flinklint.values.units import JavaError, parse_memory_size

        text = scalar_text(node) or ""
        prefix = f"{title} resource requirements {section} {key}"
        try:
            if key == "memory":
                if parse_memory_size(operator_memory(text)) <= 0:
                    raise _Refused(f"{prefix} must be positive: {text}")
            elif key == "cpu":
                if numerical_amount(text) <= 0:
                    raise _Refused(f"{prefix} must be positive: {text}")
            elif numerical_amount(text) < 0:
                raise _Refused(f"{prefix} must not be negative: {text}")
        except _Refused as err:
            self.add(codes.OPERATOR_VALIDATION, node,
                     f"{self.who} refuses the deployment: \"{err}\"")
            return False
        except (ValueError, JavaError) as err:
            message = err.message if isinstance(err, JavaError) else str(err)
            code = codes.OPERATOR_MEMORY_CONVERSION if key == "memory" else \
                codes.OPERATOR_VALIDATION
            self.add(code, node, f"{self.who} refuses the deployment: \"{prefix} parse error: "
                                 f"{message}\"")
            return False
        return True

    def _request_vs_limit(self, field: str, process: str, title: str, res: str,
                          request: Node, limit: Node) -> None:
        from decimal import Decimal

        from flinklint.values.units import JavaError, parse_memory_size

        req, lim = scalar_text(request) or "", scalar_text(limit) or ""
        try:
            kube = (numerical_amount(req), numerical_amount(lim))
            flink = kube
            if res == "memory":
                flink = (Decimal(parse_memory_size(operator_memory(req))),
                         Decimal(parse_memory_size(operator_memory(lim))))
        except (ValueError, JavaError):
            return  # reported by _quantity
        if flink[0] > flink[1]:
            self.add(codes.OPERATOR_VALIDATION, limit,
                     f"{self.who} refuses the deployment: \"{title} resource requirements "
                     f"{res} request ({req}) must not exceed its limit ({lim})\"")
            return
        if kube[0] <= 0:
            return
        factor = float(kube[1] / kube[0])
        key = f"kubernetes.{process}.{res}.limit-factor"
        self.written[key] = limit
        if factor < 1:
            self.add(codes.LIMIT_FACTOR_BELOW_ONE, limit,
                     f"{self.who} sets {key} to limits.{res} / requests.{res} read as Kubernetes "
                     f"quantities ({lim} / {req} = {factor:.4g}), and Flink refuses to deploy "
                     f"with a factor below 1: \"{key} should be greater or equal to 1.\"; its "
                     f"validator compares the two as Flink sizes and lets it pass; write both "
                     f"in the same unit")

    # -- configuration ------------------------------------------------------------------------

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
        from flinklint.catalog import catalog
        from flinklint.versions import FlinkVersion

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
        minor = _flink_minor(self.flink_version)
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
        from flinklint.values.units import JavaError, parse_double

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


class _Refused(Exception):
    pass


# Keys the builder always writes for a FlinkDeployment (FlinkConfigBuilder), as far as they
# can collide with a user's key.
_OPERATOR_KEYS = frozenset({
    "kubernetes.namespace", "kubernetes.cluster-id", "$internal.flink.version",
    "execution.target", "kubernetes.jobmanager.replicas", "kubernetes.rest-service.exposed.type",
    "web.cancel.enable",
})

_TYPE_WORDS = {"string": "a string", "integer": "an integer", "number": "a number",
               "boolean": "true or false", "object": "a mapping", "array": "a list",
               "int-or-string": "an integer or a string"}


def _matches(kind: str | None, target: Scalar | Mapping | Sequence) -> bool:
    if kind in (None, "any"):
        return True
    if kind == "object":
        return isinstance(target, Mapping)
    if kind == "array":
        return isinstance(target, Sequence)
    if not isinstance(target, Scalar):
        return False
    value = go_value(target)
    if value is None:
        return True
    integral = (isinstance(value, int) and not isinstance(value, bool)) or \
        (isinstance(value, float) and value.is_integer())
    return {
        "string": isinstance(value, str),
        "integer": integral,
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "int-or-string": isinstance(value, str) or integral,
    }.get(kind, True)


def _describe(target: Scalar | Mapping | Sequence) -> str:
    if isinstance(target, Mapping):
        return "a mapping"
    if isinstance(target, Sequence):
        return "a list"
    value = go_value(target)
    if isinstance(value, bool):
        return f"the boolean {target.value}"
    if isinstance(value, int | float):
        return f"the number {target.value}"
    return f"the string {target.value!r}"


def _has_requirements(resources: Mapping | None) -> bool:
    """``ResourceConfigUtils.hasResourceRequirements``: requests or limits not empty."""
    return any(section is not None and section.pairs for section in
               (mapping(child(resources, n)) for n in ("requests", "limits")))


def _pairs_with(root: Mapping, value: Node) -> list[tuple[Node, Node]]:
    """The (key, value) pair holding ``value``, searched below ``root``."""
    stack: list[Mapping] = [root]
    while stack:
        node = stack.pop()
        for key, val in node.pairs:
            if val is value:
                return [(key, val)]
            inner = deref(val)
            if isinstance(inner, Mapping):
                stack.append(inner)
    return []


def _flink_minor(text: str | None) -> tuple[int, int] | None:
    if text is None or not text.startswith("v"):
        return None
    try:
        major, minor = text[1:].split("_")
        return int(major), int(minor)
    except ValueError:
        return None


_ = MAIN  # re-exported for callers comparing releases
