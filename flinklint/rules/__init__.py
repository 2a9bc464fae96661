"""The rule registry: an explicit tuple, no import side effects.

Each module is one rule, named by its slug; its docstring is the rule's documentation and its
``RULE`` value its identity. Add a rule by adding its module here, in code order.
"""

from flinklint.rule import Rule
from flinklint.rules import (
    components_exceed_flink_memory,
    cpu_cores_not_positive,
    derived_network_out_of_range,
    double_total_memory,
    framework_memory_override,
    inconsistent_memory_range,
    internal_error,
    invalid_memory_value,
    invalid_segment_size,
    jobmanager_memory_inconsistent,
    memory_overflow,
    network_min_exceeds_max,
    no_memory_settings,
    overhead_out_of_range,
    process_memory_missing,
    process_memory_too_small,
    unknown_suppression,
    unused_suppression,
)

RULES: tuple[Rule, ...] = (
    internal_error.RULE,
    unknown_suppression.RULE,
    unused_suppression.RULE,
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
)
