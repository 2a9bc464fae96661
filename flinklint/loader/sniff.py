"""Which kind of Flink file a path holds, from its name and its first bytes.

``flink-conf.yaml`` is the legacy file. A ``*.yaml``/``*.yml`` holding a document with
``apiVersion: flink.apache.org/...`` and ``kind: FlinkDeployment`` or ``FlinkSessionJob`` is an
operator manifest (whatever its name), and so is a Kubernetes ConfigMap holding a
``flink-conf.yaml`` or ``config.yaml`` as a literal block (even in a file named
``flink-conf.yaml``, which Flink then never reads as such: :mod:`~.configmap`).
``config.yaml`` is Flink's standard file only when it looks like one: a top-level key (dotted
or nested, in block or flow style such as JSON) from Flink's option namespaces, so that the
``config.yaml`` of some other tool is left alone (one in a directory only Flink's ``conf/``
looks like is Flink's whatever it holds: see :mod:`~.conf_dir`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePath

from flinklint.versions import FileKind

LEGACY_NAME = "flink-conf.yaml"
YAML_NAME = "config.yaml"
# compiled by ``re`` on first use (and cached there): a flink-conf.yaml needs them only when it
# holds ``kind:``.
# Indentation is matched without line breaks: ``^\s*`` ran to the end of every run of blank
# lines from each of its lines (a file of 80 kB of blank lines took seconds, 10 MB hours).
_KIND = rb"^[ \t\r\f\v]*kind:\s*[\"']?(?:FlinkDeployment|FlinkSessionJob)[\"']?\s*(?:#.*)?$"
_API = rb"^[ \t\r\f\v]*apiVersion:\s*[\"']?flink\.apache\.org/"
_CONFIGMAP_KIND = rb"^kind:[ \t]*[\"']?ConfigMap[\"']?[ \t]*(?:#.*)?\r?$"
_TOP_API = rb"^apiVersion:[ \t]*[\"']?v1[\"']?[ \t]*(?:#.*)?\r?$"
CONFIGMAP_DATA = rb"^[ \t]+[\"']?(?:flink-conf|config)\.yaml[\"']?:[ \t]*\|"
CONFIGMAP = r"^kind:[ \t]*[\"']?ConfigMap"  # asked of a manifest's text
FLINK_NAMESPACES = (
    "akka", "blob", "classloader", "client", "cluster", "compiler", "deployment", "dispatcher",
    "env", "execution", "external-resource", "external-resources", "fs", "heartbeat",
    "high-availability", "historyserver", "io", "jobmanager", "jobstore", "kubernetes", "metrics",
    "parallelism", "pekko", "pipeline", "python", "query", "queryable-state", "resourcemanager",
    "rest", "restart-strategy", "scheduler-mode", "security", "slot", "slotmanager",
    "sql-gateway", "state", "table", "taskmanager", "web", "yarn", "zookeeper",
)
# namespaces no other tool's config.yaml is likely to use as a bare nested key
FLINK_ONLY = (
    "akka", "blob", "classloader", "execution", "heartbeat", "high-availability",
    "historyserver", "jobmanager", "jobstore", "parallelism", "pekko", "pipeline",
    "queryable-state", "resourcemanager", "restart-strategy", "slotmanager", "sql-gateway",
    "taskmanager",
)


def _names(names: tuple[str, ...]) -> bytes:
    return b"|".join(re.escape(n.encode()) for n in names)


@cache
def _flink_key() -> re.Pattern[bytes]:
    """Compiled on first use: only a ``config.yaml`` needs it, and it is slow to compile."""
    return re.compile(
        rb"(?:^|[{,])[ \t-]*[\"']?(?:(?:" + _names(FLINK_NAMESPACES) + rb")\.[a-z]|(?:"
        + _names(FLINK_ONLY) + rb")[\"']?:)",
        re.M,
    )


def sniff(path: str | PurePath, head: bytes) -> FileKind | None:
    """The kind of file, or None when it is not a Flink configuration."""
    name = PurePath(path).name
    if not name.endswith((".yaml", ".yml")):
        return None
    if (name != LEGACY_NAME or b"kind:" in head) and (is_manifest(head) or is_configmap(head)):
        return FileKind.MANIFEST
    if name == LEGACY_NAME:
        return FileKind.LEGACY
    if name == YAML_NAME and looks_like_flink(head):
        return FileKind.YAML
    return None


def is_manifest(data: bytes) -> bool:
    data = data.removeprefix(b"\xef\xbb\xbf")  # kubectl's YAML reader skips a byte-order mark
    return bool(re.search(_KIND, data, re.M)) and bool(re.search(_API, data, re.M))


def is_configmap(data: bytes) -> bool:
    """A Kubernetes ConfigMap (``apiVersion`` and ``kind`` at the top level) with a
    ``flink-conf.yaml`` or ``config.yaml`` key (see :mod:`~.configmap`)."""
    return bool(re.search(_CONFIGMAP_KIND, data, re.M)) and bool(re.search(
        _TOP_API, data, re.M)) and bool(re.search(CONFIGMAP_DATA, data, re.M))


def looks_like_flink(data: bytes) -> bool:
    """A top-level key in one of Flink's option namespaces."""
    return bool(_flink_key().search(data.removeprefix(b"\xef\xbb\xbf")))
