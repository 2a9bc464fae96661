"""The rule registry: an explicit tuple, no import side effects.

Each module is one rule, named by its slug; its docstring is the rule's documentation and its
``RULE`` value its identity. Add a rule by adding its module here, in code order.
"""

from flinklint.rule import Rule
from flinklint.rules import internal_error, unknown_suppression, unused_suppression

RULES: tuple[Rule, ...] = (
    internal_error.RULE,
    unknown_suppression.RULE,
    unused_suppression.RULE,
)
