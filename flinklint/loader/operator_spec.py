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

The CRD walk is :mod:`~.operator_schema`, the configuration checks :mod:`~.operator_checks`;
this module reads the resources.
"""

from __future__ import annotations

from flinklint.findings import Finding
from flinklint.flink_config import Entry, Source
from flinklint.launch.operator import OperatorRelease
from flinklint.launch.placeholders import names
from flinklint.loader import codes
from flinklint.loader.manifest_config import ConfigFlattener
from flinklint.loader.operator_checks import ConfigChecks
from flinklint.loader.operator_nodes import child, flink_minor, key_node, mapping, scalar_text
from flinklint.loader.operator_schema import SchemaCheck
from flinklint.loader.yaml_nodes import Mapping, Node, deref
from flinklint.values.quantity import numerical_amount, operator_memory
from flinklint.values.units import JavaError, parse_memory_size

COMPONENTS = (("jobManager", "jobmanager", "JobManager"),
              ("taskManager", "taskmanager", "TaskManager"))


class SpecReader(SchemaCheck, ConfigChecks):
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
            self._autoscaler(conf)
        elif self.release.restricts_session_job_config:
            self._session_job_keys(conf)

    def add(self, code: codes.Code, node: Node, message: str) -> None:
        self.findings.append(self.flattener.finding(code, node, message))

    # -- defaults and resources -------------------------------------------------------------

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
            minor = flink_minor(self.flink_version)
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
        key = f"{process}.memory.process.size"
        value = text
        if names(key, text):  # filled at deploy time (flinklint.launch.placeholders)
            self._write(key, node, text, text)
            return
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
        self._write(key, node, value, text)

    def _write(self, key: str, node: Node, value: str, text: str) -> None:
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
            for key in self.release.cpu_keys(process, flink_minor(self.flink_version)):
                self.written[key] = cpu

    def _quantity(self, title: str, section: str, key: str, node: Node) -> bool:
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


class _Refused(Exception):
    pass


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


