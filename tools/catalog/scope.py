"""Which dumped options are keys of the Flink configuration file, and which are scoped.

Many ``ConfigOption`` fields are not cluster configuration keys at all: table connector and
format options (``format``, ``sink.parallelism``), SQL hint options, the per-reporter options
Flink reads under ``metrics.reporter.<name>.`` (``factory.class``, ``interval``) and the keys a
task writes into its own internal configuration (``chainEnd``). They are left out of the
catalog; reporter options are covered by the ``metrics.reporter.*.**`` family instead.
"""

from __future__ import annotations

from typing import Any

# Classes whose options are table/format/connector/hint/plugin-scoped, never top-level keys.
_SCOPED_CLASSES = (
    "org.apache.flink.api.common.ExecutionConfig",
    "org.apache.flink.connector.base.table.",
    "org.apache.flink.connector.blackhole.",
    "org.apache.flink.connector.datagen.",
    "org.apache.flink.connector.file.table.",
    "org.apache.flink.connector.print.",
    "org.apache.flink.externalresource.",
    "org.apache.flink.formats.",
    "org.apache.flink.metrics.",
    "org.apache.flink.streaming.api.graph.StreamConfig",
    "org.apache.flink.table.connector.",
    "org.apache.flink.table.planner.hint.",
    "org.apache.flink.table.runtime.arrow.",
    "org.apache.flink.table.sinks.",
    "org.apache.flink.table.utils.python.",
)
# Classes that mix a few session keys (``table.*``) into table-scoped options.
_MIXED_CLASSES = (
    "org.apache.flink.table.api.config.",
    "org.apache.flink.table.catalog.",
    "org.apache.flink.table.factories.",
    "org.apache.flink.table.module.",
)
_SESSION_PREFIXES = ("table.", "sql-gateway.", "materialized-table.")
# Reporter options are declared without their ``metrics.reporter.<name>.`` prefix.
_REPORTER_CLASSES = {
    "org.apache.flink.configuration.MetricOptions": "metrics.",
    "org.apache.flink.configuration.TraceOptions": "traces.",
    "org.apache.flink.configuration.EventOptions": "events.",
}
# Options declared without the prefix Flink reads them under.
_SUFFIX_OPTIONS = {("org.apache.flink.configuration.SecurityOptions", "enabled")}


def is_top_level(row: dict[str, Any]) -> bool:
    """True when the dumped option is a key of the configuration file."""
    cls, key = row["class"], row["key"]
    if cls.startswith(_SCOPED_CLASSES):
        return False
    if cls.startswith(_MIXED_CLASSES):
        return key.startswith(_SESSION_PREFIXES)
    prefix = _REPORTER_CLASSES.get(cls)
    if prefix is not None and not key.startswith(prefix):
        return False
    return (cls, key) not in _SUFFIX_OPTIONS


def reporter_prefix(row: dict[str, Any]) -> str | None:
    """``metrics.`` for an option Flink reads under ``metrics.reporter.<name>.``, and so on."""
    prefix = _REPORTER_CLASSES.get(row["class"])
    return prefix if prefix is not None and not row["key"].startswith(prefix) else None
