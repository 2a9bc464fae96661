"""The package's layers: every import points down, no module imports itself back, and every
import inside a function is listed with the reason it is there.

The pipeline reads from the folder names, top to bottom (``|`` separates siblings, which must not
import each other)::

    cli -> lsp -> fix -> lint -> rules -> rules.shared -> report | migration -> verdict -> engine
        -> settings
        -> memory | loader -> launch -> catalog -> values
        -> edits | flink_config -> findings | versions -> records -> flinklint

A module may import modules of its own unit and of any unit below it. The walk is the AST of
every module, imports inside functions and those only type checkers run (under
``if TYPE_CHECKING:``) included: an upward import can hide in either.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "flinklint"

LAYERS: list[set[str]] = [
    {"__main__"},
    {"cli"},
    {"lsp"},
    {"fix"},
    {"lint"},
    {"rules"},
    {"rules.shared"},
    {"report", "migration"},
    {"verdict"},
    {"engine"},
    {"settings"},
    {"memory", "loader"},
    {"launch"},
    {"catalog"},
    {"values"},
    {"edits", "flink_config"},
    {"findings", "versions"},
    {"records"},
    {""},  # flinklint/__init__.py: the version string
]

# Imports inside functions, each buying start-up time: the importing module is loaded on every
# run, the imported one only when that function runs. A new one must be added here with its
# reason, or moved to the top of its module. The rule registry (``flinklint.rules``) imports
# every rule module inside ``_registry()`` and is not listed: a lint run never calls it.
LAZY: dict[str, tuple[set[str], str]] = {
    "flinklint.cli": ({
        "flinklint.cli.arguments", "flinklint.cli.check", "flinklint.cli.explain",
        "flinklint.cli.migrate", "flinklint.cli.rule", "flinklint.cli.server",
    }, "argparse is skipped when only paths are named; a command's module loads when it runs"),
    "flinklint.cli.arguments": ({"flinklint.launch.operator", "flinklint.versions"},
                                "parsing --flink-version and --operator-version only"),
    "flinklint.cli.server": ({"flinklint.lsp.server"},
                             "pygls, of the optional lsp extra: asked for before it is imported"),
    "flinklint.cli.check": ({"flinklint.fix"}, "--fix and --diff"),
    "flinklint.cli.explain": ({
        "flinklint.migration", "flinklint.report.explain",
        "flinklint.report.explain_compare", "flinklint.report.explain_markdown",
        "flinklint.report.explain_svg",
    }, "one renderer per format; migrating a flink-conf.yaml only for --compare"),
    "flinklint.cli.migrate": ({"flinklint.loader.limits"}, "reading the file to migrate"),
    "flinklint.cli.rule": ({
        "flinklint.catalog.schema", "flinklint.report.rule_pages", "flinklint.rules",
        "flinklint.versions",
    }, "rule and schema are two commands in one module: each loads what it prints"),
    "flinklint.catalog": ({"flinklint.catalog.nearby", "flinklint.values.convert"},
                          "did-you-mean and value checks only for unknown keys and typed values"),
    "flinklint.launch.placeholders": ({"flinklint.values.quantity"},
                                      "decimal, only for a filled manifest memory quantity"),
    "flinklint.loader.quoted": ({"flinklint.catalog"}, "the option catalog, for quoted values"),
    "flinklint.loader.api": ({
        "flinklint.loader.conf_dir", "flinklint.loader.legacy", "flinklint.loader.manifest",
        "flinklint.loader.yaml_file", "flinklint.loader.configmap",
    }, "one reader per file kind: a flink-conf.yaml run never loads the YAML readers; the conf/"
       " directory is looked at only for a config.yaml nothing else marks as Flink's; ConfigMaps"
       " only in a manifest that holds one"),
    "flinklint.loader.operator_values": ({"flinklint.values.units"}, "memory quantities only"),
    "flinklint.lint.file": ({"flinklint.loader.configmap"},
                            "findings of a file inside a ConfigMap only"),
    "flinklint.values.quantity": ({"flinklint.values.javanum", "flinklint.values.units"},
                                  "fractional quantities only"),
    "flinklint.loader.yaml_parse": ({"flinklint.loader.yaml_scanner"},
                                    "ruamel.yaml only for YAML the quick reader declines"),
    "flinklint.loader.yaml_render": ({"flinklint.values.units"}, "YAML floats only"),
    "flinklint.migration": ({"flinklint.migration.nested"}, "migrate --nested only"),
    "flinklint.report": ({"flinklint.report.github"}, "the step summary on GitHub only"),
    "flinklint.rules.shared.launch": ({"flinklint.loader.yaml_dump"},
                                      "config.yaml values only: a flink-conf.yaml run loads no "
                                      "YAML code"),
    "flinklint.report.explain_compare": ({"flinklint.catalog"}, "keys read differently"),
    "flinklint.report.explain_svg": ({"flinklint.report.explain_compare"}, "--compare only"),
    "flinklint.report.full": ({
        "flinklint.edits", "flinklint.report.excerpt", "flinklint.report.source",
    }, "source excerpts and fix diffs only when there are findings"),
    "flinklint.report.fingerprint": ({"flinklint.report.location", "flinklint.report.source"},
                                     "findings on indented lines only"),
    "flinklint.report.github": ({
        "flinklint.report.location", "flinklint.report.rule_docs", "flinklint.report.summary",
    }, "annotations and the summary only when there are findings"),
    "flinklint.report.gitlab": ({
        "flinklint.report.fingerprint", "flinklint.report.location",
        "flinklint.report.structured",
    }, "per finding only"),
    "flinklint.report.sarif": ({
        "flinklint.report.fingerprint", "flinklint.report.location",
        "flinklint.report.rule_docs", "flinklint.report.structured",
    }, "per finding only"),
    "flinklint.report.structured": ({"flinklint.report.rule_docs"}, "per finding only"),
    "flinklint.settings": ({"flinklint.launch.operator"},
                           "the operator's releases, only when a settings file names one"),
    "flinklint.engine.run": ({"flinklint.engine.suppress"}, "files with suppression comments"),
    "flinklint.rules.process_memory_missing": ({"flinklint.launch.operator"},
                                               "the operator's releases, for manifests only"),
    "flinklint.rules.shared.search": ({"flinklint.memory.inverse"},
                                      "the advice's arithmetic, for a process Flink refuses"),
    "flinklint.rules.invalid_memory_value": ({"flinklint.rules.shared.repair"},
                                             "decimal, only to suggest a repaired value"),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _function_nodes(tree: ast.Module) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for sub in ast.walk(node):
                if isinstance(sub, ast.Import | ast.ImportFrom):
                    found.add(id(sub))
    return found


def _known(name: str) -> str | None:
    """The flinklint module ``name`` is or lies in (an imported attribute names its module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> Iterator[str]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            parts = module.split(".") if is_package else module.split(".")[:-1]
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join([*parts, base] if base else parts)
        names = [f"{base}.{alias.name}" for alias in node.names]
    for name in names:
        if name == "flinklint" or name.startswith("flinklint."):
            target = _known(name)
            if target is not None:
                yield target


def _imports() -> list[tuple[str, str, bool]]:
    """(importer, imported, inside a function) for every import between modules."""
    edges = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_function = _function_nodes(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in _targets(node, module, path.name == "__init__.py"):
                if target != module:
                    edges.append((module, target, id(node) in in_function))
    return edges


IMPORTS = _imports()


def _unit(module: str) -> str:
    name = module.removeprefix("flinklint").removeprefix(".")
    if name.startswith("rules.shared"):
        return "rules.shared"
    return name.partition(".")[0]


def _layer(unit: str) -> int:
    for depth, units in enumerate(LAYERS):
        if unit in units:
            return depth
    raise AssertionError(f"unit {unit!r} has no layer: add it to LAYERS")


def test_every_unit_has_a_layer() -> None:
    for module in MODULES:
        _layer(_unit(module))


def test_imports_point_down() -> None:
    upward = sorted(
        f"{importer} -> {imported}"
        for importer, imported, _ in IMPORTS
        if _unit(importer) != _unit(imported)
        and _layer(_unit(imported)) <= _layer(_unit(importer))
    )
    assert upward == []


def test_no_import_cycles() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for importer, imported, _ in IMPORTS:
        graph[importer].add(imported)
    cycles = _cycles(graph)
    assert cycles == []


def test_imports_inside_functions_are_listed() -> None:
    lazy: dict[str, set[str]] = defaultdict(set)
    for importer, imported, inside in IMPORTS:
        if inside and not (importer == "flinklint.rules" and _unit(imported) == "rules"):
            lazy[importer].add(imported)
    listed = {module: targets for module, (targets, _) in LAZY.items()}
    unlisted = sorted(f"{m} -> {t}" for m, ts in lazy.items() for t in ts - listed.get(m, set()))
    stale = sorted(f"{m} -> {t}" for m, ts in listed.items() for t in ts - lazy.get(m, set()))
    assert (unlisted, stale) == ([], [])


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
])
def test_cycle_finder(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert _cycles(graph) == expected
