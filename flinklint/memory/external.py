"""External resources (GPUs, ...) that end up in the TaskManager's dynamic configuration.

``external-resources`` lists resource names (``none`` by default); each enabled resource with a
positive ``external-resource.<name>.amount`` is passed to the TaskManager as a ``-D`` entry.
Flink warns about missing or non-positive amounts. (Flink's main branch also logs "Enabled
external resources: [...]"; no released version from 1.15 to 2.3 does, as real runs show.)
"""

from __future__ import annotations

from flinklint.memory.common import Ctx
from flinklint.memory.options import Option
from flinklint.values.javafmt import hashmap_order
from flinklint.values.javanum import JavaError, java_trim, parse_long

LIST = Option("external-resources")


def _names(raw: str, yaml_lists: bool) -> list[str]:
    """The list's items: ``a;b`` (or ``[a, b]`` in YAML), quotes removed, blanks trimmed."""
    text = java_trim(raw)
    if yaml_lists and text.startswith("[") and text.endswith("]"):
        parts = text[1:-1].split(",")
    else:
        parts = text.split(";")
    names = []
    for part in parts:
        item = java_trim(part)
        if len(item) >= 2 and item[0] == item[-1] and item[0] in "'\"":
            item = item[1:-1].replace(item[0] * 2, item[0])
        names.append(item)
    return names


def external_resources(ctx: Ctx) -> dict[str, int]:
    """``getExternalResourceAmountMap``: enabled resources and their amounts, in map order."""
    raw = ctx.conf.values.get(LIST.key)
    if not isinstance(raw, str) or java_trim(raw) == "none" or raw == "[none]":
        return {}
    # a YAML list is a list when Flink reads config.yaml (always from 2.0); in flink-conf.yaml
    # "[a, b]" is one name
    yaml_lists = ctx.conf.standard_yaml or ctx.conf.types.get(LIST.key) == "list"
    names = hashmap_order(_names(raw, yaml_lists))
    amounts: dict[str, int] = {}
    for name in names:
        option = Option(f"external-resource.{name}.amount")
        try:
            amount = ctx.conf.get(option, parse_long)
        except JavaError as error:
            error.kind, error.keys = "invalid-number", (option.key,)
            raise
        if amount is None:
            ctx.logs.append(
                f"WARN The amount of the {name} should be configured. Will ignore that resource."
            )
        elif amount <= 0:
            ctx.logs.append(
                f"WARN The amount of the {amount} should be positive while finding {name}. "
                "Will ignore that resource."
            )
        else:
            amounts[name] = amount
    return amounts
