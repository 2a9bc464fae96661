"""Regenerate the table of flinklint/rules/index.py from the rule registry (flinklint.rules.RULES).

Usage: python tools/gen_rule_index.py [--check]

With --check nothing is written; the exit status is 1 when the table is stale.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import flinklint.rules  # noqa: E402
from flinklint.engine.rule import reported_by_loader  # noqa: E402

INDEX = ROOT / "flinklint" / "rules" / "index.py"
START, END = "# index:start\n", "# index:end\n"


def modules_by_code() -> dict[str, str]:
    """The module that defines each rule's ``RULE``."""
    found = {}
    for info in pkgutil.iter_modules(flinklint.rules.__path__):
        rule = getattr(importlib.import_module(f"flinklint.rules.{info.name}"), "RULE", None)
        if rule is not None:
            found[rule.code] = info.name
    return found


def table() -> str:
    modules = modules_by_code()
    rows = []
    for rule in flinklint.rules.RULES:
        module = "" if rule.check is reported_by_loader else modules[rule.code]
        fields = ", ".join(json.dumps(f) for f in (rule.code, rule.name, rule.severity.value,
                                                   module))
        rows.append(f"    ({fields}, {rule.fixable!r},\n     {json.dumps(rule.summary)}),\n")
    needs = "".join(f"    {json.dumps(rule.code)}: {_tuple(rule.needs)},\n"
                    for rule in flinklint.rules.RULES if rule.needs)
    return ("INDEX: tuple[Row, ...] = (\n" + "".join(rows) + ")\n"
            "# code -> key prefixes without which the check is not run (Rule.needs)\n"
            "NEEDS: dict[str, tuple[str, ...]] = {\n" + needs + "}\n")


def _tuple(items: tuple[str, ...]) -> str:
    return "(" + ", ".join(json.dumps(i) for i in items) + ("," if len(items) == 1 else "") + ")"


def main() -> int:
    text = INDEX.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    new = f"{head}{START}{table()}{END}{tail}"
    if "--check" in sys.argv[1:]:
        return 0 if new == text else 1
    INDEX.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
