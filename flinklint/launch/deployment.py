"""How a configuration is deployed, and what that changes in the way Flink reads it.

``standalone``: Flink's own scripts (``bin/start-cluster.sh``, ``jobmanager.sh``,
``taskmanager.sh``) on hosts you manage. ``docker``: the official image's
``docker-entrypoint.sh`` (Docker, Compose, or a standalone cluster on Kubernetes built from it).
``kubernetes``: Flink's native Kubernetes integration (``kubernetes-session.sh``,
``flink run-application --target kubernetes-application``). ``operator``: the Flink Kubernetes
Operator (every ``FlinkDeployment``/``FlinkSessionJob`` manifest, whatever the setting says).
``yarn``: ``yarn-session.sh`` and ``flink run --target yarn-*``.

What depends on it:

* The legacy heap keys (Flink 1.15-1.20). ``taskmanager.heap.size``/``.mb``: the standalone
  scripts' ``BashJavaUtils`` read them as ``taskmanager.memory.flink.size``; the YARN and
  Kubernetes resource managers (``ActiveResourceManagerFactory``) as
  ``taskmanager.memory.process.size``. ``jobmanager.heap.size``/``.mb``: ``BashJavaUtils`` reads
  them as ``jobmanager.memory.heap.size``, and so does the JobManager pod of native Kubernetes and
  of the operator, which starts through ``kubernetes-jobmanager.sh`` and ``BashJavaUtils``; only
  YARN's client sizes the JobManager's JVM itself, as ``jobmanager.memory.process.size``.
* The official Docker image rewrites some keys at every container start, and up to its 1.18
  images runs ``envsubst`` over ``flink-conf.yaml`` (see the ``FL35x`` rules).

Nothing is inferred from the environment or from files next to the configuration: the default
is ``standalone`` (what Flink's own scripts do), and a manifest is always ``operator``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from flinklint.launch.placeholders import resolve
from flinklint.records import replace
from flinklint.versions import FileKind

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.flink_config import FlinkConfig
    from flinklint.versions import FlinkVersion


class Deployment(StrEnum):
    STANDALONE = "standalone"
    DOCKER = "docker"
    KUBERNETES = "kubernetes"
    OPERATOR = "operator"
    YARN = "yarn"


CHOICES = tuple(d.value for d in Deployment)
DEFAULT = Deployment.STANDALONE
META_KEY = "deployment"


class DeploymentError(ValueError):
    """A deployment name flinklint does not know."""


def parse_deployment(text: str) -> Deployment:
    try:
        return Deployment(text.strip().lower())
    except ValueError:
        raise DeploymentError(
            f"unknown deployment {text!r}; expected one of {', '.join(CHOICES)}") from None


def deployment_for(kind: FileKind, configured: Deployment | None) -> Deployment:
    """The deployment of a file: a manifest is the operator's, anything else as configured."""
    if kind is FileKind.MANIFEST:
        return Deployment.OPERATOR
    return configured or DEFAULT


def legacy_heap_to_process(deployment: Deployment, process: str) -> bool:
    """Whether the legacy heap keys of ``process`` size the whole process (else Flink/heap)."""
    if process == "taskmanager":
        return deployment in (Deployment.YARN, Deployment.KUBERNETES, Deployment.OPERATOR)
    return deployment is Deployment.YARN


def deployment_of(config: FlinkConfig) -> Deployment:
    """The deployment a loaded configuration was prepared for (see :func:`prepare`)."""
    found = config.meta.get(META_KEY)
    if found:
        return Deployment(found)
    return deployment_for(config.kind, None)


def image_substitutes(deployment: Deployment, version: FlinkVersion) -> bool:
    """Whether the official image runs ``envsubst`` over ``flink-conf.yaml`` (images <= 1.18)."""
    return deployment is Deployment.DOCKER and not version.at_least(1, 19)


def prepare(config: FlinkConfig, configured: Deployment | None,
            defines: Mapping[str, str]) -> FlinkConfig:
    """``config`` as the rules see it: its deployment recorded, its placeholders resolved.

    ``defines`` are all definitions; those named like a shell variable fill placeholders (see
    :mod:`~flinklint.launch.placeholders`), the others were applied by the loader already.
    """
    deployment = deployment_for(config.kind, configured)
    if config.meta.get(META_KEY) != deployment.value:
        config = replace(config, meta={**config.meta, META_KEY: deployment.value})
    return resolve(config, defines)
