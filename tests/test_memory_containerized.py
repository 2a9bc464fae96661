"""Legacy heap keys: onto which option each deployment maps them (1.15-1.20).

Sources: ``BashJavaUtils`` (``getTmResourceParams``/``getJmResourceParams``: TM -> flink size, JM
-> heap) serves the standalone scripts, the Docker image, and the JobManager pod of native
Kubernetes, which starts through ``kubernetes-bin/kubernetes-jobmanager.sh`` ->
``parseJmArgsAndExportLogs`` -> ``GET_JM_RESOURCE_PARAMS``; ``ActiveResourceManagerFactory``
(YARN and Kubernetes TaskManagers) and ``YarnClusterDescriptor`` (the YARN JobManager) map onto
the process size (apache/flink release-1.20).
"""

from __future__ import annotations

from pathlib import Path

from flinklint.loader import load_bytes
from flinklint.memory import resolve, resolve_jobmanager, resolve_taskmanager
from flinklint.versions import FlinkVersion

V120 = FlinkVersion(1, 20)
LEGACY = {"taskmanager.heap.size": "2g", "jobmanager.heap.size": "1g"}


def test_standalone_maps_legacy_heap_to_flink_size_and_jm_heap() -> None:
    tm = resolve_taskmanager(LEGACY, V120)
    jm = resolve_jobmanager(LEGACY, V120)
    assert tm.size("total_flink") == 2 << 30
    assert jm.size("jvm_heap") == 1 << 30


def test_containers_map_legacy_heap_to_process_size() -> None:
    tm = resolve_taskmanager(LEGACY, V120, containerized=True)
    jm = resolve_jobmanager(LEGACY, V120, containerized=True)
    assert tm.size("total_process") == 2 << 30
    assert jm.size("total_process") == 1 << 30


def test_a_manifest_maps_the_taskmanager_to_process_and_the_jobmanager_to_heap() -> None:
    manifest = b"""apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata: {name: x}
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    taskmanager.heap.size: 2g
    jobmanager.heap.size: 1g
"""
    [config] = load_bytes(manifest, Path("deploy.yaml")) or []
    tm, jm = resolve(config, V120)
    assert tm.size("total_process") == 2 << 30  # the resource manager's TaskManager pods
    assert jm.size("jvm_heap") == 1 << 30  # kubernetes-jobmanager.sh runs BashJavaUtils
