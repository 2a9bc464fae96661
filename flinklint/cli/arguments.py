"""The command line's arguments: one argparse parser per command.

:mod:`flinklint.cli` builds a parser only when it needs one: a pre-commit run, which names
nothing but files, never imports this module (see ``cli.plain_check``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from flinklint import __version__
from flinklint.cli.common import UsageError
from flinklint.launch.deployment import CHOICES as DEPLOYMENTS

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any, NoReturn

EPILOG = """\
examples:
  flinklint conf/                        lint every Flink config below conf/
  flinklint conf/flink-conf.yaml --flink-version 1.18
  flinklint k8s/ --format github         GitHub annotations (automatic on GitHub Actions)
  flinklint check --fix conf/            apply safe fixes
  flinklint explain conf/config.yaml     show the memory layout Flink will use
  flinklint rule FL203                   documentation of one rule

exit codes: 0 no errors, 1 errors found (or files fixed with --exit-non-zero-on-fix),
2 usage error, unreadable path, bad settings or internal error.
"""


class _Parser(argparse.ArgumentParser):
    """Usage errors as exceptions; no terminal width asked for while the parser is built.

    ``add_argument`` and ``add_subparsers`` make a help formatter only to check a metavar and
    to print the bare program name, which no width changes; asking the width imports
    ``shutil`` (with its compression modules), a noticeable part of a pre-commit run.
    """

    _building = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        if self._building:  # every formatter class takes a width
            return self.formatter_class(prog=self.prog, width=80)  # type: ignore[call-arg]
        return super()._get_formatter()

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        building, self._building = self._building, True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._building = building

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.prog)


class _FormatAction(argparse.Action):
    """``--format`` and ``--output-file`` build ordered (format, file) pairs."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        pairs: list[list[str | None]] = getattr(namespace, "outputs", None) or []
        if option_string == "--output-file":
            if pairs and pairs[-1][1] is None:
                pairs[-1][1] = str(values)
            else:
                pairs.append([None, str(values)])
        else:
            pairs.append([str(values), None])
        namespace.outputs = pairs


def _version_arg(text: str) -> object:
    from flinklint.versions import VersionError, parse_version

    try:
        return parse_version(text)
    except VersionError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _operator_arg(text: str) -> object:
    from flinklint.launch.operator import OperatorVersionError, parse_operator_version

    try:
        return parse_operator_version(text)
    except OperatorVersionError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _define_arg(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    # Flink's own -Dkey (no '=') means key=true
    return key.strip(), value if sep else "true"


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--flink-version", type=_version_arg, metavar="X.Y[.Z]",
                        help="target Flink version, 1.15 to 2.3 (default: from the manifest or "
                             "settings, else 1.20 for flink-conf.yaml and 2.3 for config.yaml)")
    parser.add_argument("--deployment", choices=DEPLOYMENTS,
                        help="how the files are deployed (default: standalone; a manifest is "
                             "always operator)")
    parser.add_argument("--operator-version", type=_operator_arg, metavar="X.Y|main",
                        help="Flink Kubernetes Operator release that reads manifests, 1.0 to "
                             "1.15 or main (default: from the settings, else the newest release)")
    parser.add_argument("-D", "--define", action="append", type=_define_arg, default=[],
                        metavar="KEY=VALUE",
                        help="a value supplied at deploy time: KEY=VALUE sets a Flink option (like "
                             "Flink's -D), NAME=VALUE fills the placeholders ${NAME} and $NAME")
    parser.add_argument("--config", metavar="PATH", type=Path,
                        help="use this settings file (.flinklint.toml or pyproject.toml)")
    parser.add_argument("--isolated", action="store_true", help="ignore all settings files")
    parser.add_argument("--stdin-filename", metavar="NAME", default="flink-conf.yaml",
                        help="the file name to assume for '-' (stdin); default flink-conf.yaml")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command`` alone (what one run needs: building all
    of them took longer than linting a file)."""
    parser = _Parser(prog="flinklint", description="A linter for Apache Flink configuration.",
                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"flinklint {__version__}")
    parser._building = True
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parser._building = False
    builders = {"check": _check_parser, "explain": _explain_parser, "rule": _rule_parser,
                "schema": _schema_parser, "migrate": _migrate_parser, "server": _server_parser}
    for name, build in builders.items():
        if command in (None, name):
            build(sub)
    return parser


def _explain_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    explain = sub.add_parser("explain", help="show the memory layout Flink will use",
                             description="Show the TaskManager and JobManager memory layout.")
    explain.add_argument("paths", nargs="+", metavar="FILE")
    explain.add_argument("--format", choices=("text", "json", "svg", "markdown"), default="text",
                         help="text (default), json, svg (one picture), markdown (tables)")
    explain.add_argument("--compare", type=_version_arg, metavar="X.Y[.Z]",
                         help="also resolve as this Flink version and show what differs")
    explain.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    _common(explain)


def _rule_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    rule = sub.add_parser("rule", help="show the documentation of a rule (or list all rules)")
    rule.add_argument("code", nargs="?", metavar="CODE")
    rule.add_argument("--format", choices=("text", "json"), default="text")


def _schema_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    schema = sub.add_parser("schema", help="print a JSON Schema for config.yaml")
    schema.add_argument("--flink-version", type=_version_arg, metavar="X.Y[.Z]")


def _server_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    server = sub.add_parser(
        "server", help="run the language server for editors (needs the lsp extra)",
        description="Speak the Language Server Protocol on stdin/stdout: diagnostics, fixes, "
                    "hover and completion in editors. Install with: pip install 'flinklint[lsp]'")
    server.add_argument("--stdio", action="store_true",
                        help="use stdin/stdout (the default and only transport)")


def _migrate_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    migrate = sub.add_parser("migrate", help="convert flink-conf.yaml to config.yaml")
    migrate.add_argument("path", metavar="FILE", help="flink-conf.yaml (or its directory, or -)")
    migrate.add_argument("-o", "--output", metavar="FILE",
                         help="write here (a directory gets config.yaml); default stdout")
    migrate.add_argument("--force", action="store_true", help="replace an existing output file")
    migrate.add_argument("--nested", action="store_true", help="write nested YAML maps")
    migrate.add_argument("--flink-version", type=_version_arg, metavar="X.Y[.Z]",
                         help="the Flink that reads the result, 1.19 to 2.3 (default 2.3)")
    migrate.add_argument("--rename", action=argparse.BooleanOptionalAction, default=None,
                         help="rename deprecated keys to their replacements (default: for 2.x)")
    migrate.add_argument("--legacy-heap", choices=("standalone", "containerized"),
                         default="standalone",
                         help="how taskmanager/jobmanager.heap.* were read (default standalone)")
    migrate.add_argument("-q", "--quiet", action="store_true", help="print no notes")


def _check_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    check = sub.add_parser("check", help="lint files and directories (the default command)",
                           epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default .)")
    _common(check)
    sel = check.add_argument_group("rule selection")
    sel.add_argument("--select", action="append", metavar="CODES",
                     help="comma-separated codes, prefixes or names to enable (ALL for all)")
    sel.add_argument("--ignore", action="append", metavar="CODES", help="codes to disable")
    sel.add_argument("--extend-select", action="append", metavar="CODES",
                     help="codes to enable in addition to the selection")
    sel.add_argument("--exclude", action="append", metavar="GLOB", help="paths to skip")
    out = check.add_argument_group("output")
    out.add_argument("--format", action=_FormatAction, dest="outputs", metavar="FORMAT",
                     help="full, concise, json, jsonl, sarif, github, gitlab, junit "
                          "(env FLINKLINT_FORMAT); may be repeated, each with --output-file")
    out.add_argument("--output-file", action=_FormatAction, dest="outputs", metavar="FILE",
                     help="write the preceding --format to FILE")
    out.add_argument("--statistics", action="store_true", help="count findings per rule")
    out.add_argument("--show-settings", action="store_true",
                     help="print the settings used for each file and exit")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    out.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    exits = check.add_argument_group("exit status")
    exits.add_argument("--fail-on", choices=("error", "warning", "info"),
                       help="lowest severity that makes the exit code 1 (default error)")
    exits.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    fixes = check.add_argument_group("fixes")
    fixes.add_argument("--fix", action="store_true", help="apply safe fixes")
    fixes.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    fixes.add_argument("--diff", action="store_true",
                       help="print the fixes as a diff and write nothing (exit 1 if any)")
    fixes.add_argument("--show-fixes", action="store_true", help="list what was fixed")
    fixes.add_argument("--exit-non-zero-on-fix", action="store_true",
                       help="exit 1 when --fix changed a file (for pre-commit)")
