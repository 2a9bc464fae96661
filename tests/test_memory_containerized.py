"""Legacy heap keys in a Kubernetes manifest map onto the process size, as in containers."""

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


def test_a_manifest_is_resolved_as_a_container() -> None:
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
    assert tm.size("total_process") == 2 << 30
    assert jm.size("total_process") == 1 << 30
