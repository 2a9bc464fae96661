"""Flink's memory resolver for the TaskManager and the JobManager (1.15 to 2.3).

``resolve_taskmanager(effective, version)`` and ``resolve_jobmanager(effective, version)`` take
the effective configuration (key -> string, as Flink loaded it) and return a
:class:`~flinklint.memory.model.ProcessModel`; they never raise. ``types`` optionally gives the
YAML type of each value of a ``config.yaml`` (``integer``, ``float``, ``boolean``, ...), which
changes a few conversions exactly as in Flink; ``standard_yaml`` says Flink read ``config.yaml``
(default: from 2.0 only), where a ``[a, b]`` string is a list; ``containerized`` maps the legacy
heap keys onto the process size, as YARN and Kubernetes deployments do (standalone scripts map
them onto the Flink size for the TaskManager and the heap for the JobManager).
:func:`value_types` takes the types from a loaded configuration and :func:`resolve` does it
all.
"""

from __future__ import annotations

from collections.abc import Mapping

from flinklint.launch.deployment import deployment_of, legacy_heap_to_process
from flinklint.launch.placeholders import unresolved
from flinklint.memory.jobmanager import resolve_jobmanager
from flinklint.memory.model import Failure, ProcessModel
from flinklint.memory.taskmanager import resolve_taskmanager
from flinklint.versions import FileKind

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.flink_config import FlinkConfig
    from flinklint.memory.model import ProcessModel
    from flinklint.versions import FlinkVersion

__all__ = ["resolve", "resolve_jobmanager", "resolve_process", "resolve_taskmanager", "value_types"]


def value_types(config: FlinkConfig) -> dict[str, str]:
    """The YAML type of every effective value that is not a plain string."""
    types: dict[str, str] = {}
    for entry in config.entries:
        if config.effective.get(entry.key) == entry.value:
            types[entry.key] = entry.value_type.value
    return {key: kind for key, kind in types.items() if kind != "string"}


def resolve_process(config: FlinkConfig, version: FlinkVersion, process: str,
                    effective: Mapping[str, str] | None = None) -> ProcessModel:
    """One process of a loaded configuration, optionally with another effective map.

    The one place that decides how a file is read: YAML types of ``config.yaml`` values, the
    standard YAML reader (config.yaml, or any 2.x), the deployment mapping the legacy heap keys
    (:func:`flinklint.launch.deployment.legacy_heap_to_process`), and keys holding a deploy-time
    placeholder, which leave the process unjudged. ``effective`` overrides the file's map (the rules
    use it to try a changed value); types of keys it changes are dropped.
    """
    values = config.effective if effective is None else effective
    unknown = _placeholder_model(config, process, values)
    if unknown is not None:
        return unknown
    types, yaml, containerized = reading(config, version, process, values)
    run = resolve_taskmanager if process == "taskmanager" else resolve_jobmanager
    return run(values, version, types, yaml, containerized=containerized)


def reading(config: FlinkConfig, version: FlinkVersion, process: str,
            values: Mapping[str, str]) -> tuple[dict[str, str], bool, bool]:
    """How Flink reads ``values`` of ``config`` for ``process``: the YAML types of the values
    the file wrote (dropped for changed ones), whether the standard YAML reader reads them, and
    whether the legacy heap keys map onto the process size (the deployment decides)."""
    types = {k: t for k, t in value_types(config).items()
             if values.get(k) == config.effective.get(k)}
    yaml = config.kind is FileKind.YAML or version.at_least(2, 0)
    return types, yaml, legacy_heap_to_process(deployment_of(config), process)


PLACEHOLDER = "deploy-placeholder"  # the failure kind of a process sized at deploy time


def _reads(process: str, key: str) -> bool:
    """Whether the resolver of ``process`` reads ``key``."""
    return key.startswith(process + ".") and (
        ".memory." in key or ".heap." in key
        or key.endswith((".numberOfBuffers", ".numberOfTaskSlots", ".cpu.cores")))


def _placeholder_model(config: FlinkConfig, process: str,
                       values: Mapping[str, str]) -> ProcessModel | None:
    """A model that says ``process`` cannot be judged: a key it reads holds a deploy-time
    placeholder (see :mod:`flinklint.launch.placeholders`); None when none does."""
    if "placeholders" not in config.meta:
        return None

    keys = tuple(key for key in unresolved(config)
                 if _reads(process, key) and values.get(key) == config.effective.get(key))
    if not keys:
        return None
    message = (f"{', '.join(keys)} hold{'s' if len(keys) == 1 else ''} a deploy-time "
               f"placeholder: the {process} memory is known only once it is filled "
               f"(--define NAME=VALUE)")
    return ProcessModel(process, {}, failure=Failure(PLACEHOLDER, keys, message))


def resolve(config: FlinkConfig, version: FlinkVersion) -> tuple[ProcessModel, ProcessModel]:
    """Both processes of a loaded configuration: (TaskManager, JobManager)."""
    return (resolve_process(config, version, "taskmanager"),
            resolve_process(config, version, "jobmanager"))
