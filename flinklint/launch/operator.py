"""The Flink Kubernetes Operator, release by release, as data.

A ``FlinkDeployment`` means what the operator release that reconciles it makes of it: which
spec fields it reads, how it reads a memory string, what ``flinkConfiguration`` may hold, which
defaults it injects and what its validator (``DefaultValidator``) refuses. Every fact below was
read from ``apache/flink-kubernetes-operator`` at the tag ``release-X.Y.Z`` (the last patch of
each minor; patch releases change none of these facts) or at ``main`` (unreleased,
``1.16-SNAPSHOT``). The fields the CRD declares, with their types and enums, are generated data:
see :mod:`flinklint.launch.operator_crd`.

Main sources (paths in the operator repository; ``…`` is
``flink-kubernetes-operator/src/main/java/org/apache/flink/kubernetes``):

* builder ``…/operator/config/FlinkConfigBuilder.java``
* validator ``…/operator/validation/DefaultValidator.java``
* default configuration ``helm/flink-kubernetes-operator/conf/flink-conf.yaml``
* Flink 2 config file ``…/kubeclient/decorators/FlinkConfMountDecorator.java``
* main only ``…/operator/utils/ResourceConfigUtils.java``
"""

from __future__ import annotations

import re

from flinklint.records import dataclass

MAIN = 16  # the minor number main would have as a release (version 1.16-SNAPSHOT)


@dataclass(frozen=True, slots=True, order=True)
class OperatorRelease:
    """One operator release (``1.0`` … ``1.15``) or ``main``; ordered by age."""

    minor: int

    def __str__(self) -> str:
        return "main" if self.minor == MAIN else f"1.{self.minor}"

    @property
    def label(self) -> str:
        """How a message names it: ``operator 1.15``, ``the operator's main branch``."""
        return "the operator's unreleased main branch" if self.minor == MAIN \
            else f"operator {self}"

    @property
    def tag(self) -> str:
        if self.minor == MAIN:
            return "main"
        return f"release-1.{self.minor}.{_PATCH.get(self.minor, 0)}"

    # -- the spec ---------------------------------------------------------------------------

    @property
    def reads_resources(self) -> bool:
        """``spec.{jobManager,taskManager}.resources`` (Kubernetes ``ResourceRequirements``,
        FLINK-33548): main only. When it holds requests or limits, ``resource`` is ignored."""
        return self.minor >= MAIN

    @property
    def converts_memory(self) -> bool:
        """1.7+ (FLINK-31871): ``parseResourceMemoryString`` reads ``2Gi``; before, the string
        is copied verbatim into ``*.memory.process.size`` and must be a Flink size."""
        return self.minor >= 7

    @property
    def structured_config(self) -> bool:
        """1.13+ (FLINK-37406): ``flinkConfiguration`` may nest maps and hold numbers, booleans
        and lists (flattened by ``ConfigObjectNode.asFlatMap``); before, strings only."""
        return self.minor >= 13

    # -- defaults ---------------------------------------------------------------------------

    @property
    def default_config(self) -> tuple[tuple[str, str], ...]:
        """Keys of the Helm chart's ``conf/flink-conf.yaml`` that matter to flinklint.

        1.0-1.1 ship ``jobmanager.memory.process.size: 1600m`` and
        ``taskmanager.memory.process.size: 1728m`` (removed in 1.2, commit c84f923f), so a
        deployment without memory still starts. Every release ships
        ``taskmanager.numberOfTaskSlots`` (2 up to 1.2, then 1) and ``parallelism.default``.
        """
        if self.minor <= 1:
            return (("taskmanager.numberOfTaskSlots", "2"),
                    ("jobmanager.memory.process.size", "1600m"),
                    ("taskmanager.memory.process.size", "1728m"),
                    ("parallelism.default", "2"))
        slots = "2" if self.minor <= 2 else "1"
        return (("taskmanager.numberOfTaskSlots", slots), ("parallelism.default", slots))

    @property
    def bundled_flink(self) -> tuple[int, int]:
        """The Flink library the operator is built with (``flink.version`` in its ``pom.xml``):
        it names the checkpoint options the validator reads, whatever ``flinkVersion`` says."""
        for last, flink in ((3, 15), (5, 16), (7, 17), (9, 18), (10, 19)):
            if self.minor <= last:
                return 1, flink
        return 1, 20

    # -- the validator ----------------------------------------------------------------------

    @property
    def skips_canaries(self) -> bool:
        """1.5+ (``CanaryResourceManager``): a resource labelled ``flink.apache.org/canary:
        "true"`` only probes the operator's health; it is neither validated nor deployed."""
        return self.minor >= 5

    @property
    def requires_resource_memory(self) -> bool:
        """1.0-1.3: a ``resource`` without ``memory`` is refused
        (``<Component> resource memory must be defined.``)."""
        return self.minor <= 3

    @property
    def checks_missing_memory(self) -> bool:
        """1.4+ (FLINK-30411): without spec memory the validator runs Flink's memory utilities on
        the default config plus ``flinkConfiguration`` and refuses when they throw."""
        return self.minor >= 4

    def missing_memory_message(self, component: str) -> str:
        """The validator's text for a process without memory (1.4+)."""
        field = "jobManager" if component == "JobManager" else "taskManager"
        message = (f"{component} resource memory must be defined using "
                   f"`spec.{field}.resource.memory`")
        if self.reads_resources:
            message += f" or `spec.{field}.resources.requests.memory`"
        return message

    @property
    def reads_ephemeral_storage(self) -> bool:
        """``resource.ephemeralStorage``, 1.5+ (FLINK-30609)."""
        return self.minor >= 5

    @property
    def forbidden_keys(self) -> tuple[str, ...]:
        """``Forbidden Flink config key: <key>``; ``high-availability.cluster-id`` from 1.4."""
        keys = ("kubernetes.namespace", "kubernetes.cluster-id")
        return (*keys, "high-availability.cluster-id") if self.minor >= 4 else keys

    @property
    def refuses_old_flink(self) -> bool:
        """``Flink version v1_13 is not supported by this operator version``: the validator from
        1.9; 1.7-1.8 only the controller (Warning event ``UnsupportedFlinkVersion``, the resource
        is not reconciled). Before 1.7 every version of the CRD enum is deployed."""
        return self.minor >= 7

    @property
    def ha_check(self) -> str | None:
        """How a last-state upgrade mode requires HA (``validateJobSpec``), None from 1.10:
        ``kubernetes-factory`` (1.0-1.2: ``high-availability`` must name
        ``KubernetesHaServicesFactory``), ``kubernetes`` (1.3: or be ``kubernetes``), ``any``
        (1.4-1.9: any mode but NONE, ``HighAvailabilityMode.isHighAvailabilityModeActivated``)."""
        if self.minor <= 2:
            return "kubernetes-factory"
        if self.minor == 3:
            return "kubernetes"
        return "any" if self.minor <= 9 else None

    @property
    def restricts_session_job_config(self) -> bool:
        """1.0-1.2: a ``FlinkSessionJob`` may only set
        ``kubernetes.operator.user.artifacts.http.header``."""
        return self.minor <= 2

    # -- deploying --------------------------------------------------------------------------

    @property
    def checks_key_prefixes(self) -> bool:
        """1.12+: for ``flinkVersion`` v2_0 and later the operator writes ``config.yaml`` and
        throws ``Overlapping key prefixes detected`` at deploy time (not in the validator)."""
        return self.minor >= 12

    def cpu_keys(self, component: str, flink_minor: tuple[int, int] | None) -> tuple[str, ...]:
        """The keys ``resource.cpu`` is written to (``configureCpu``)."""
        new, legacy = f"kubernetes.{component}.cpu.amount", f"kubernetes.{component}.cpu"
        modern = flink_minor is not None and flink_minor >= (1, 17)
        if self.minor <= 5:
            return (legacy,)
        if self.minor <= 8:
            return (new,) if modern else (legacy,)
        return (new,) if modern else (new, legacy)


_PATCH = {0: 1, 3: 1, 6: 1, 12: 1}
RELEASES: tuple[OperatorRelease, ...] = tuple(OperatorRelease(m) for m in range(0, MAIN + 1))
NEWEST = OperatorRelease(15)  # the newest release (2026-05-07); main is never a default
_RELEASE_RE = r"^\s*(?:main|1\.(\d+)(?:\.(\d+))?)\s*$"


class OperatorVersionError(ValueError):
    """An operator version that is malformed or not a known release."""


def parse_operator_version(text: str) -> OperatorRelease:
    """``1.15``, ``1.12.1`` (a patch release reads as its minor) or ``main``.

    >>> parse_operator_version("1.13.0")
    OperatorRelease(minor=13)
    """
    match = re.match(_RELEASE_RE, text)
    if match is None:
        raise OperatorVersionError(
            f"invalid operator version {text!r}: expected X.Y, X.Y.Z or main, e.g. {NEWEST}")
    if match.group(1) is None:
        return OperatorRelease(MAIN)
    minor = int(match.group(1))
    if minor >= MAIN:
        raise OperatorVersionError(
            f"unknown operator version {text.strip()!r}: flinklint knows the releases 1.0 to "
            f"{NEWEST} and main")
    return OperatorRelease(minor)


def releases_label(releases: list[OperatorRelease]) -> str:
    """``1.5 and later``, ``main``, ``1.1 to 1.8``: a run of releases in words."""
    if not releases:
        return "no release"
    first, last = min(releases), max(releases)
    runs = len(releases) == last.minor - first.minor + 1
    if not runs:
        return ", ".join(str(r) for r in sorted(releases))
    if last.minor == MAIN:
        return "main (unreleased)" if first.minor == MAIN else f"{first} and later"
    return str(first) if first == last else f"{first} to {last}"
