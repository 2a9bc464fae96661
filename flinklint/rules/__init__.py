"""The rule registry: an explicit tuple, no import side effects.

Each module is one rule, named by its slug; its docstring is the rule's documentation and its
``RULE`` value its identity. Add a rule by importing its module in :func:`_registry`, listing
its ``RULE`` in code order, and running ``python tools/gen_rule_index.py``. Codes: FL0xx file
and parser, FL1xx keys and values, FL2xx memory model, FL3xx how Flink is launched, FL4xx
run-time memory (what Flink's memory guides warn about).

``RULES`` is built on first use (a module ``__getattr__``), so importing this package or one
rule module does not import every rule. A lint run does not use ``RULES`` at all: it selects
rules from :mod:`flinklint.rules.index` and imports only those it runs (see there for why).
"""

from __future__ import annotations

from functools import cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from flinklint.engine.rule import Rule

    RULES: tuple[Rule, ...]


def __getattr__(name: str) -> object:
    if name != "RULES":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    rules = _registry()
    globals()["RULES"] = rules
    return rules


@cache
def registry() -> dict[str, Rule]:
    """Every rule by code, from the registry (its documentation included): every rule module
    imported. A lint run uses :func:`flinklint.rules.index.lint_rules` instead."""
    return {rule.code: rule for rule in _registry()}


def _registry() -> tuple[Rule, ...]:
    from flinklint.rules import (
        byte_order_mark,
        components_exceed_flink_memory,
        config_yaml_shadowed,
        cpu_cores_not_positive,
        deploy_placeholder,
        deprecated_key,
        derived_network_out_of_range,
        docker_envsubst,
        docker_no_final_newline,
        docker_rewritten_key,
        double_total_memory,
        duplicate_key,
        file_not_read,
        fraction_clamped,
        framework_memory_override,
        inconsistent_memory_range,
        internal_error,
        invalid_memory_value,
        invalid_segment_size,
        invalid_utf8,
        invalid_value,
        java_opts_memory_flag,
        java_opts_quoting,
        java_opts_shell_code,
        jobmanager_heap_too_small,
        jobmanager_memory_inconsistent,
        key_collision,
        legacy_comment_in_value,
        legacy_duplicate_key,
        legacy_line_dropped,
        legacy_missing_space,
        legacy_nested_yaml,
        legacy_quoted_value,
        limit_factor_below_one,
        managed_memory_unused,
        memory_overflow,
        merge_key,
        multiple_documents,
        network_fraction_ignored,
        network_min_exceeds_max,
        no_memory_settings,
        non_string_key,
        not_a_mapping,
        null_value,
        operator_crd_refuses,
        operator_field_not_read,
        operator_key_prefix_overlap,
        operator_memory_conversion,
        operator_non_string_value,
        operator_validation_error,
        overhead_out_of_range,
        placeholder_not_substituted,
        process_memory_missing,
        process_memory_too_small,
        removed_key,
        rocksdb_fixed_memory_too_large,
        rocksdb_memory_unbounded,
        rocksdb_no_managed_weight,
        rocksdb_without_managed_memory,
        task_heap_too_small,
        templated_file,
        unitless_memory_size,
        unknown_key,
        unknown_suppression,
        unreadable_file,
        unused_suppression,
        yaml_syntax_error,
        yaml_value_error,
    )

    return (
        internal_error.RULE,
        yaml_syntax_error.RULE,
        duplicate_key.RULE,
        legacy_duplicate_key.RULE,
        legacy_missing_space.RULE,
        legacy_line_dropped.RULE,
        legacy_nested_yaml.RULE,
        legacy_comment_in_value.RULE,
        legacy_quoted_value.RULE,
        file_not_read.RULE,
        config_yaml_shadowed.RULE,
        byte_order_mark.RULE,
        invalid_utf8.RULE,
        templated_file.RULE,
        null_value.RULE,
        key_collision.RULE,
        not_a_mapping.RULE,
        non_string_key.RULE,
        yaml_value_error.RULE,
        multiple_documents.RULE,
        merge_key.RULE,
        operator_non_string_value.RULE,
        operator_memory_conversion.RULE,
        unreadable_file.RULE,
        unknown_suppression.RULE,
        unused_suppression.RULE,
        unknown_key.RULE,
        deprecated_key.RULE,
        removed_key.RULE,
        invalid_value.RULE,
        double_total_memory.RULE,
        network_min_exceeds_max.RULE,
        overhead_out_of_range.RULE,
        framework_memory_override.RULE,
        process_memory_missing.RULE,
        process_memory_too_small.RULE,
        components_exceed_flink_memory.RULE,
        inconsistent_memory_range.RULE,
        derived_network_out_of_range.RULE,
        jobmanager_memory_inconsistent.RULE,
        invalid_memory_value.RULE,
        invalid_segment_size.RULE,
        cpu_cores_not_positive.RULE,
        memory_overflow.RULE,
        no_memory_settings.RULE,
        unitless_memory_size.RULE,
        fraction_clamped.RULE,
        network_fraction_ignored.RULE,
        jobmanager_heap_too_small.RULE,
        task_heap_too_small.RULE,
        java_opts_quoting.RULE,
        java_opts_memory_flag.RULE,
        java_opts_shell_code.RULE,
        deploy_placeholder.RULE,
        placeholder_not_substituted.RULE,
        docker_rewritten_key.RULE,
        docker_no_final_newline.RULE,
        docker_envsubst.RULE,
        managed_memory_unused.RULE,
        rocksdb_memory_unbounded.RULE,
        rocksdb_without_managed_memory.RULE,
        rocksdb_no_managed_weight.RULE,
        rocksdb_fixed_memory_too_large.RULE,
        operator_field_not_read.RULE,
        operator_crd_refuses.RULE,
        operator_validation_error.RULE,
        operator_key_prefix_overlap.RULE,
        limit_factor_below_one.RULE,
    )
