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
all. Imports are lazy, so importing this package costs nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.config import FlinkConfig
    from flinklint.memory.model import ProcessModel
    from flinklint.versions import FlinkVersion

__all__ = ["resolve", "resolve_jobmanager", "resolve_taskmanager", "value_types"]


def resolve_taskmanager(
    effective: Mapping[str, str],
    version: FlinkVersion,
    types: Mapping[str, str] | None = None,
    standard_yaml: bool | None = None,
    *,
    containerized: bool = False,
) -> ProcessModel:
    """The TaskManager as Flink's ``BashJavaUtils GET_TM_RESOURCE_PARAMS`` resolves it."""
    from flinklint.memory.taskmanager import resolve_taskmanager as run

    return run(effective, version, types, standard_yaml, containerized=containerized)


def resolve_jobmanager(
    effective: Mapping[str, str],
    version: FlinkVersion,
    types: Mapping[str, str] | None = None,
    standard_yaml: bool | None = None,
    *,
    containerized: bool = False,
) -> ProcessModel:
    """The JobManager as Flink's ``BashJavaUtils GET_JM_RESOURCE_PARAMS`` resolves it."""
    from flinklint.memory.jobmanager import resolve_jobmanager as run

    return run(effective, version, types, standard_yaml, containerized=containerized)


def value_types(config: FlinkConfig) -> dict[str, str]:
    """The YAML type of every effective value that is not a plain string."""
    types: dict[str, str] = {}
    for entry in config.entries:
        if config.effective.get(entry.key) == entry.value:
            types[entry.key] = entry.value_type.value
    return {key: kind for key, kind in types.items() if kind != "string"}


def resolve(config: FlinkConfig, version: FlinkVersion) -> tuple[ProcessModel, ProcessModel]:
    """Both processes of a loaded configuration: (TaskManager, JobManager)."""
    from flinklint.versions import FileKind

    types = value_types(config)
    yaml = config.kind is FileKind.YAML or version.at_least(2, 0)
    containerized = config.meta.get("legacy_heap_target") == "process"
    return (
        resolve_taskmanager(config.effective, version, types, yaml, containerized=containerized),
        resolve_jobmanager(config.effective, version, types, yaml, containerized=containerized),
    )
