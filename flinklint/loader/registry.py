"""The documented rules of the loader's findings (``FL001``-``FL023``), in code order.

The project's registry (``flinklint/rules/__init__.py``) lists these ``RULE`` values; this tuple
keeps them together for it and for the tests. Importing it imports the documentation, so the
loader itself never does.
"""

from flinklint.rule import Rule
from flinklint.rules import (
    byte_order_mark,
    config_yaml_shadowed,
    duplicate_key,
    file_not_read,
    invalid_utf8,
    key_collision,
    legacy_comment_in_value,
    legacy_duplicate_key,
    legacy_line_dropped,
    legacy_missing_space,
    legacy_nested_yaml,
    legacy_quoted_value,
    merge_key,
    multiple_documents,
    non_string_key,
    not_a_mapping,
    null_value,
    operator_memory_conversion,
    operator_non_string_value,
    templated_file,
    unreadable_file,
    yaml_syntax_error,
    yaml_value_error,
)

LOADER_RULES: tuple[Rule, ...] = (
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
)
