"""Flink's memory resolver for the TaskManager and the JobManager (1.15 to 2.3).

``resolve_taskmanager(effective, version)`` and ``resolve_jobmanager(effective, version)`` take
the effective configuration (key -> string, as Flink loaded it) and return a
:class:`~flinklint.memory.model.ProcessModel`; they never raise. Imports are lazy so that
importing this package costs nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flinklint.memory.model import ProcessModel
    from flinklint.versions import FlinkVersion

__all__ = ["resolve_jobmanager", "resolve_taskmanager"]


def resolve_taskmanager(effective: Mapping[str, str], version: FlinkVersion) -> ProcessModel:
    """The TaskManager as Flink's ``BashJavaUtils GET_TM_RESOURCE_PARAMS`` resolves it."""
    from flinklint.memory.taskmanager import resolve_taskmanager as resolve

    return resolve(effective, version)


def resolve_jobmanager(effective: Mapping[str, str], version: FlinkVersion) -> ProcessModel:
    """The JobManager as Flink's ``BashJavaUtils GET_JM_RESOURCE_PARAMS`` resolves it."""
    from flinklint.memory.jobmanager import resolve_jobmanager as resolve

    return resolve(effective, version)
