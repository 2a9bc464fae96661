"""What a lint run needs to know of every rule, without importing the rules.

:data:`flinklint.rules.RULES` is the registry: an explicit tuple of each module's ``RULE``,
imported together. A lint run selects rules (by code, prefix or name) before it runs any, and
about half of them only pass on findings the loader already made (FL0xx, and the engine's own
FL000/FL09x); importing every rule module up front took a pre-commit run longer than linting
the file. So this table repeats, for each rule of ``RULES`` in the same order, what selection
needs (code, name, default severity, whether it has fixes, summary) and which module holds its
check. :func:`lint_rules` turns it into :class:`~flinklint.engine.rule.Rule` values whose check
imports that module on the first call; a rule with no module here never imports anything.

The trade-off: the facts are written twice. ``RULES`` and each module's ``RULE`` stay the
source of truth (documentation, ``flinklint rule``, SARIF's rule table use them);
``python tools/gen_rule_index.py`` rewrites this table from them and a test fails when the two
differ, so the copy cannot drift. What the engine runs is still each module's own check.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

from flinklint.engine.rule import Check, Context, Hit, Rule, reported_by_loader
from flinklint.findings import Severity

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Iterable

# (code, name, default severity, module under flinklint.rules with the check ("": reported by
# the loader or the engine), fixable, summary)
Row = tuple[str, str, str, str, bool, str]

# index:start
INDEX: tuple[Row, ...] = (
    ("FL000", "internal-error", "error", "", False,
     "A rule crashed on this file; flinklint could not check it completely."),
    ("FL001", "yaml-syntax-error", "error", "", False,
     "Flink cannot parse this YAML and will not start."),
    ("FL002", "duplicate-key", "error", "", False,
     "A key appears twice in the same YAML mapping."),
    ("FL003", "legacy-duplicate-key", "warning", "", True,
     "A key is set more than once in flink-conf.yaml; only the last line counts."),
    ("FL004", "legacy-missing-space", "error", "", True,
     "flink-conf.yaml line without a space after the colon; Flink skips it."),
    ("FL005", "legacy-line-dropped", "warning", "", False,
     "flink-conf.yaml line that Flink skips: no key-value pair."),
    ("FL006", "legacy-nested-yaml", "error", "", False,
     "Nested YAML in flink-conf.yaml; Flink reads the inner key alone."),
    ("FL007", "legacy-comment-in-value", "error", "", False,
     "A '#' inside a flink-conf.yaml value cuts it short."),
    ("FL008", "legacy-quoted-value", "error", "", True,
     "Quotes around a flink-conf.yaml value are kept as part of it."),
    ("FL009", "file-not-read", "error", "", False,
     "The target Flink version does not read this file at all."),
    ("FL010", "config-yaml-shadowed", "warning", "", False,
     "config.yaml sits next to a flink-conf.yaml, which Flink 1.19/1.20 reads instead."),
    ("FL011", "byte-order-mark", "error", "", False,
     "A byte-order mark makes Flink misread the first key of flink-conf.yaml."),
    ("FL012", "invalid-utf8", "error", "", False,
     "The file is not valid UTF-8."),
    ("FL013", "templated-file", "info", "", False,
     "The file is a template ({{ }}) and cannot be linted as it is."),
    ("FL014", "null-value", "error", "", False,
     "A key without a value (null) in config.yaml or a manifest."),
    ("FL015", "key-collision", "warning", "", False,
     "A nested key and a dotted key name the same option."),
    ("FL016", "not-a-mapping", "error", "", False,
     "config.yaml is not a mapping of keys to values."),
    ("FL017", "non-string-key", "error", "", False,
     "A config.yaml key that YAML reads as a number, boolean or collection."),
    ("FL018", "yaml-value-error", "error", "", False,
     "A YAML value that Flink's YAML library cannot construct."),
    ("FL019", "multiple-documents", "error", "", False,
     "config.yaml holds more than one YAML document."),
    ("FL020", "merge-key", "error", "", False,
     "A YAML merge key (<<) in config.yaml, which YAML 1.2 does not merge."),
    ("FL021", "operator-non-string-value", "warning", "", False,
     "A manifest value is not a string, and the operator passes Flink other text."),
    ("FL022", "operator-memory-conversion", "error", "", False,
     "The operator cannot turn resource.memory into a size Flink can read."),
    ("FL023", "unreadable-file", "error", "", False,
     "The file cannot be read."),
    ("FL090", "unknown-suppression", "warning", "", False,
     "A suppression comment names a rule that does not exist."),
    ("FL091", "unused-suppression", "warning", "", False,
     "A suppression comment that suppresses nothing."),
    ("FL101", "unknown-key", "warning", "unknown_key", True,
     "A key that the target Flink version does not read."),
    ("FL102", "deprecated-key", "warning", "deprecated_key", True,
     "A key that the target Flink version still reads but has deprecated."),
    ("FL103", "removed-key", "warning", "removed_key", True,
     "A key that earlier Flink versions read and the target version ignores."),
    ("FL104", "invalid-value", "error", "invalid_value", False,
     "A value that Flink cannot read as its option's type."),
    ("FL201", "double-total-memory", "warning", "double_total_memory", True,
     "Both the total process size and the total Flink size are set for the same process."),
    ("FL202", "network-min-exceeds-max", "error", "network_min_exceeds_max", False,
     "The TaskManager's network memory minimum is larger than its maximum."),
    ("FL203", "overhead-out-of-range", "error", "overhead_out_of_range", True,
     "The JVM overhead left by the process size is outside its configured range."),
    ("FL204", "framework-memory-override", "warning", "framework_memory_override", True,
     "Framework memory is overridden; Flink advises leaving it alone."),
    ("FL205", "process-memory-missing", "error", "process_memory_missing", False,
     "A process has no memory size while the configuration sizes the other one."),
    ("FL206", "process-memory-too-small", "error", "process_memory_too_small", False,
     "The process size cannot hold the metaspace, the JVM overhead and the Flink memory."),
    ("FL207", "components-exceed-flink-memory", "error", "components_exceed_flink_memory", False,
     "The TaskManager's memory components add up to more than its total Flink memory."),
    ("FL208", "inconsistent-memory-range", "error", "inconsistent_memory_range", False,
     "A memory fraction is outside [0, 1), or the JVM overhead minimum exceeds its maximum."),
    ("FL209", "derived-network-out-of-range", "error", "derived_network_out_of_range", False,
     "The network memory the other TaskManager components leave is outside its range."),
    ("FL210", "jobmanager-memory-inconsistent", "error", "jobmanager_memory_inconsistent", False,
     "The JobManager's heap, off-heap and Flink sizes do not fit together."),
    ("FL211", "invalid-memory-value", "error", "invalid_memory_value", False,
     "A memory option has a value Flink cannot read."),
    ("FL212", "invalid-segment-size", "error", "invalid_segment_size", False,
     "The memory segment size is not a power of two of at least 4096 bytes."),
    ("FL213", "cpu-cores-not-positive", "error", "cpu_cores_not_positive", False,
     "The TaskManager's CPU cores (or its slots standing in for them) are not positive."),
    ("FL214", "memory-overflow", "error", "memory_overflow", False,
     "Memory sizes add up to more than Flink can count (2^63-1 bytes)."),
    ("FL215", "no-memory-settings", "warning", "no_memory_settings", False,
     "The configuration sizes neither the TaskManager nor the JobManager."),
    ("FL216", "unitless-memory-size", "warning", "unitless_memory_size", True,
     "A memory size without a unit, which Flink reads as bytes."),
    ("FL217", "fraction-clamped", "info", "fraction_clamped", False,
     "A memory fraction has no effect: Flink clamps its result to a default bound."),
    ("FL218", "network-fraction-ignored", "warning", "network_fraction_ignored", False,
     "A configured network fraction is ignored because network memory is what is left over."),
    ("FL219", "jobmanager-heap-too-small", "warning", "jobmanager_heap_too_small", False,
     "The JobManager's JVM heap is below Flink's recommended minimum of 128mb."),
    ("FL220", "task-heap-too-small", "warning", "task_heap_too_small", False,
     "The managed and network memory leave the TaskManager almost no task heap."),
    ("FL330", "java-opts-quoting", "error", "java_opts_quoting", True,
     "Flink's start scripts drop or break the JVM options of `env.java.opts*`."),
    ("FL331", "java-opts-memory-flag", "error", "java_opts_memory_flag", False,
     "A JVM memory flag in `env.java.opts*` overrides the size Flink computed."),
    ("FL332", "java-opts-shell-code", "warning", "java_opts_shell_code", False,
     "The start scripts run the JVM options of `env.java.opts*` as shell code."),
    ("FL350", "deploy-placeholder", "info", "deploy_placeholder", False,
     "A value is a deploy-time placeholder, so flinklint does not judge it."),
    ("FL351", "placeholder-not-substituted", "warning", "placeholder_not_substituted", False,
     "A placeholder that the Docker image (1.19 and later) no longer fills."),
    ("FL352", "docker-rewritten-key", "warning", "docker_rewritten_key", False,
     "A key the official Docker image overwrites at every container start."),
    ("FL353", "docker-no-final-newline", "error", "docker_no_final_newline", True,
     "flink-conf.yaml ends without a line break, so the Docker image glues a line onto it."),
    ("FL354", "docker-envsubst", "warning", "docker_envsubst", False,
     "A `$` in a value that the Docker image (up to 1.18) replaces at every start."),
    ("FL401", "managed-memory-unused", "warning", "managed_memory_unused", True,
     "Managed memory that a streaming job on the heap state backend leaves unused."),
    ("FL402", "rocksdb-memory-unbounded", "warning", "rocksdb_memory_unbounded", True,
     "RocksDB's memory is unbounded in a container that is killed when it grows too large."),
    ("FL403", "rocksdb-without-managed-memory", "warning", "rocksdb_without_managed_memory", True,
     "RocksDB takes its memory from managed memory, but the TaskManager has none."),
    ("FL404", "rocksdb-no-managed-weight", "warning", "rocksdb_no_managed_weight", True,
     "The managed-memory consumer weights give RocksDB no share, so its tasks fail."),
    ("FL405", "rocksdb-fixed-memory-too-large", "warning", "rocksdb_fixed_memory_too_large", False,
     "RocksDB's fixed memory per slot exceeds the managed memory it leaves unused."),
    ("FL300", "operator-field-not-read", "error", "", False,
     "The chosen operator release does not read this spec field."),
    ("FL301", "operator-crd-refuses", "error", "", False,
     "The operator's custom resource definition refuses this value."),
    ("FL302", "operator-validation-error", "error", "", False,
     "The operator's validator refuses the resources or configuration of this manifest."),
    ("FL303", "operator-key-prefix-overlap", "error", "", False,
     "A Flink 2 deployment sets a key and another key below it: the operator cannot deploy it."),
    ("FL304", "limit-factor-below-one", "error", "", False,
     "A Kubernetes limit factor below 1: Flink refuses to create the pods."),
)
# code -> key prefixes without which the check is not run (Rule.needs)
NEEDS: dict[str, tuple[str, ...]] = {
    "FL330": ("env.java",),
    "FL331": ("env.java",),
    "FL332": ("env.java",),
    "FL401": ("state.backend",),
    "FL402": ("state.backend",),
    "FL403": ("state.backend",),
    "FL404": ("state.backend",),
    "FL405": ("state.backend",),
}
# index:end


@cache
def lint_rules() -> dict[str, Rule]:
    """Every rule by code, in registry order; checks import their module on first use."""
    return {
        code: Rule(code, name, Severity(severity), summary,
                   _deferred(module) if module else reported_by_loader, fixable=fixable,
                   needs=NEEDS.get(code, ()))
        for code, name, severity, module, fixable, summary in INDEX
    }


def _deferred(module: str) -> Check:
    loaded: list[Check] = []

    def check(ctx: Context) -> Iterable[Hit]:
        if not loaded:
            rule: Rule = import_module(f"flinklint.rules.{module}").RULE
            loaded.append(rule.check)
        return loaded[0](ctx)

    check.__qualname__ = check.__name__ = f"{module}.check"
    return check
