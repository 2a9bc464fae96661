"""The command line: arguments, exit codes, and nothing else.

``main(argv) -> int`` never raises: a usage error, an unreadable path, bad settings or an
internal failure becomes one line on stderr and exit code 2. This module dispatches to one
module per command (``check``, ``explain``, ``rule`` for ``rule`` and ``schema``, ``migrate``),
which share :mod:`~.common` and write through :mod:`~.output`. Only the ``cli`` package
prints or writes files; ``flinklint.report`` renders text for it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace

from flinklint.cli.common import EXIT_USAGE, UsageError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    import argparse
    from typing import NoReturn

COMMANDS = ("check", "explain", "rule", "schema", "migrate", "server")

# What the check parser gives when only paths are named (a test compares the two). A pre-commit
# run names only files, so it skips argparse (with gettext and locale, a tenth of such a run).
_CHECK_DEFAULTS = {
    "command": "check", "flink_version": None, "deployment": None,
    "operator_version": None, "config": None,
    "isolated": False,
    "stdin_filename": "flink-conf.yaml", "select": None, "ignore": None, "extend_select": None,
    "exclude": None, "outputs": None, "statistics": False, "show_settings": False,
    "color": "auto", "quiet": False, "fail_on": None, "exit_zero": False, "fix": False,
    "unsafe_fixes": False, "diff": False, "show_fixes": False, "exit_non_zero_on_fix": False,
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command`` alone (see :mod:`flinklint.cli.arguments`)."""
    from flinklint.cli.arguments import build_parser as build

    return build(command)


def plain_check(words: Sequence[str]) -> argparse.Namespace | None:
    """The parsed arguments of ``check PATH...`` with no option at all, else None."""
    if not words or words[0] != "check" or not all(w and w[0] != "-" for w in words[1:]):
        return None
    # the same attributes as argparse's Namespace, without importing argparse
    return SimpleNamespace(  # type: ignore[return-value]
        **_CHECK_DEFAULTS, paths=list(words[1:]), define=[])


def _normalise(argv: Sequence[str]) -> list[str]:
    """Make ``check`` the default command: ``flinklint conf/`` = ``flinklint check conf/``."""
    args = list(argv)
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "check")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run flinklint; return the exit code. Never raises."""
    try:
        words = _normalise(sys.argv[1:] if argv is None else argv)
        args = plain_check(words) or build_parser(
            words[0] if words[0] in COMMANDS else None).parse_args(words)
        return _dispatch(args)
    except UsageError as err:
        _fail(str(err))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _fail("flinklint: interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_USAGE
    except Exception as err:  # the last line of defence: one line, never a traceback
        _fail(f"flinklint: internal error: {type(err).__name__}: {err} "
              "(please report this at https://github.com/flinklint/flinklint/issues)")
        return EXIT_USAGE


def _fail(message: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr)


def _dispatch(args: argparse.Namespace) -> int:
    # each command's module is imported only when it runs (start-up time of a plain check)
    if args.command == "check":
        from flinklint.cli.check import check

        return check(args)
    if args.command == "explain":
        from flinklint.cli.explain import explain

        return explain(args)
    if args.command == "migrate":
        from flinklint.cli.migrate import migrate_command

        return migrate_command(args)
    if args.command == "server":
        from flinklint.cli.server import server

        return server(args)
    from flinklint.cli.rule import rule, schema

    return rule(args) if args.command == "rule" else schema(args)


def main_entry() -> NoReturn:
    code = main()
    try:
        sys.stdout.flush()
    except (BrokenPipeError, OSError):
        # the reader went away (| head): do not let Python print a traceback at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    _exit(code)


def _exit(code: int) -> NoReturn:
    """Exit at once when nothing waits for Python's own shutdown.

    Freeing every module and object one by one took a fifth of a one-file run. Once stdout and
    stderr are flushed, it is needed only by atexit callbacks (worker pools, coverage, logging
    register some) or a profiler or tracer still watching; then the exit is the usual one.
    """
    pending = getattr(atexit, "_ncallbacks", lambda: 1)()
    if pending or sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)
