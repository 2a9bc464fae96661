"""The codes of the findings the loader makes (``FL0xx``), as data.

Each code's documentation lives in ``flinklint/rules/<slug>.py`` like any rule; this module only
holds identity and default severity so that loading a file never imports the documentation.
:func:`refusal` says which finding makes Flink stop loading the file.
"""

from __future__ import annotations

from flinklint.findings import Finding, Fix, Severity, Span
from flinklint.records import dataclass

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.flink_config import FlinkConfig


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    severity: Severity

    def at(self, path: str, span: Span, message: str, fix: Fix | None = None) -> Finding:
        return Finding(self.code, self.name, self.severity, message, path, span, fix)


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

YAML_SYNTAX = Code("FL001", "yaml-syntax-error", ERROR)
DUPLICATE_KEY = Code("FL002", "duplicate-key", ERROR)
LEGACY_DUPLICATE_KEY = Code("FL003", "legacy-duplicate-key", WARNING)
LEGACY_MISSING_SPACE = Code("FL004", "legacy-missing-space", ERROR)
LEGACY_LINE_DROPPED = Code("FL005", "legacy-line-dropped", WARNING)
LEGACY_NESTED_YAML = Code("FL006", "legacy-nested-yaml", ERROR)
LEGACY_COMMENT_IN_VALUE = Code("FL007", "legacy-comment-in-value", ERROR)
LEGACY_QUOTED_VALUE = Code("FL008", "legacy-quoted-value", ERROR)
FILE_NOT_READ = Code("FL009", "file-not-read", ERROR)
CONFIG_YAML_SHADOWED = Code("FL010", "config-yaml-shadowed", WARNING)
BYTE_ORDER_MARK = Code("FL011", "byte-order-mark", ERROR)
INVALID_UTF8 = Code("FL012", "invalid-utf8", ERROR)
TEMPLATED_FILE = Code("FL013", "templated-file", INFO)
NULL_VALUE = Code("FL014", "null-value", ERROR)
KEY_COLLISION = Code("FL015", "key-collision", WARNING)
NOT_A_MAPPING = Code("FL016", "not-a-mapping", ERROR)
NON_STRING_KEY = Code("FL017", "non-string-key", ERROR)
YAML_VALUE_ERROR = Code("FL018", "yaml-value-error", ERROR)
MULTIPLE_DOCUMENTS = Code("FL019", "multiple-documents", ERROR)
MERGE_KEY = Code("FL020", "merge-key", ERROR)
OPERATOR_NON_STRING_VALUE = Code("FL021", "operator-non-string-value", WARNING)
OPERATOR_MEMORY_CONVERSION = Code("FL022", "operator-memory-conversion", ERROR)
UNREADABLE_FILE = Code("FL023", "unreadable-file", ERROR)
# What the chosen Kubernetes operator release makes of a manifest (flinklint.launch.operator).
OPERATOR_FIELD_NOT_READ = Code("FL300", "operator-field-not-read", ERROR)
OPERATOR_CRD_REFUSES = Code("FL301", "operator-crd-refuses", ERROR)
OPERATOR_VALIDATION = Code("FL302", "operator-validation-error", ERROR)
OPERATOR_KEY_PREFIX = Code("FL303", "operator-key-prefix-overlap", ERROR)
LIMIT_FACTOR_BELOW_ONE = Code("FL304", "limit-factor-below-one", ERROR)

ALL: tuple[Code, ...] = (
    YAML_SYNTAX, DUPLICATE_KEY, LEGACY_DUPLICATE_KEY, LEGACY_MISSING_SPACE, LEGACY_LINE_DROPPED,
    LEGACY_NESTED_YAML, LEGACY_COMMENT_IN_VALUE, LEGACY_QUOTED_VALUE, FILE_NOT_READ,
    CONFIG_YAML_SHADOWED, BYTE_ORDER_MARK, INVALID_UTF8, TEMPLATED_FILE, NULL_VALUE,
    KEY_COLLISION, NOT_A_MAPPING, NON_STRING_KEY, YAML_VALUE_ERROR, MULTIPLE_DOCUMENTS, MERGE_KEY,
    OPERATOR_NON_STRING_VALUE, OPERATOR_MEMORY_CONVERSION, UNREADABLE_FILE,
)
# The FL3xx codes the loader makes while reading a manifest the way the chosen operator release
# does (flinklint.loader.operator_spec); documented like the others, numbered apart.
LAUNCH: tuple[Code, ...] = (
    OPERATOR_FIELD_NOT_READ, OPERATOR_CRD_REFUSES, OPERATOR_VALIDATION, OPERATOR_KEY_PREFIX,
    LIMIT_FACTOR_BELOW_ONE,
)

# Flink 1.19+ refuses a config.yaml with one of these ("Error parsing YAML configuration."):
# exactly the cases real Flink refuses in tests/golden/reader
YAML_REFUSALS = frozenset(code.code for code in (
    YAML_SYNTAX, DUPLICATE_KEY, INVALID_UTF8, NULL_VALUE, NOT_A_MAPPING, NON_STRING_KEY,
    YAML_VALUE_ERROR, MULTIPLE_DOCUMENTS,
))


def refusal(config: FlinkConfig) -> Finding | None:
    """The finding after which Flink stops loading ``config``, before it reads any memory
    option: the target version does not read the file at all (FL009), or Flink's YAML reader
    refuses a config.yaml (the first such finding). None when Flink loads it. A manifest is
    read by Kubernetes and the operator, not by Flink's loader: never refused here."""
    yaml = config.kind.value == "config.yaml"
    found = [f for f in config.findings
             if f.code == FILE_NOT_READ.code or (yaml and f.code in YAML_REFUSALS)]
    return min(found, key=lambda f: (f.code != FILE_NOT_READ.code, f.line, f.code), default=None)
