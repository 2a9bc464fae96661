"""``flinklint rule [CODE]`` and ``flinklint schema``: documentation, no linting."""

from __future__ import annotations

import json
import sys

from flinklint.cli.common import EXIT_OK, UsageError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    import argparse


def rule(args: argparse.Namespace) -> int:
    """The list of rules, or the page of one (by code or name)."""
    from flinklint.report.rule_pages import rule_index, rule_page
    from flinklint.rules import registry

    rules = registry()
    if args.code is None:
        sys.stdout.write(rule_index(rules.values(), fmt=args.format))
        return EXIT_OK
    wanted = args.code.strip()
    for candidate in rules.values():
        if wanted.upper() == candidate.code or wanted == candidate.name:
            sys.stdout.write(rule_page(candidate, fmt=args.format))
            return EXIT_OK
    raise UsageError(f"unknown rule {wanted!r}; run 'flinklint rule' for the list")


def schema(args: argparse.Namespace) -> int:
    """The JSON Schema of config.yaml for the target version, for editors."""
    from flinklint.catalog.schema import json_schema
    from flinklint.versions import DEFAULT_FOR_YAML

    version = args.flink_version or DEFAULT_FOR_YAML
    sys.stdout.write(json.dumps(json_schema(version), indent=2, sort_keys=True) + "\n")
    return EXIT_OK
