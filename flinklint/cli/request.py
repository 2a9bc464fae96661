"""The lint request of a command's arguments, and the lint run with its failures as usage errors.

Shared by ``check`` and ``explain``.
"""

from __future__ import annotations

from pathlib import Path

from flinklint.cli.common import UsageError
from flinklint.engine.select import known_selector
from flinklint.lint.file import FileResult, LintRequest
from flinklint.lint.paths import lint_paths
from flinklint.lint.walk import WalkError
from flinklint.rules.index import lint_rules
from flinklint.settings import SettingsError, split_codes

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    import argparse
    from typing import Any


def lint_request(args: argparse.Namespace) -> LintRequest:
    """The lint request of a command's arguments; unknown rule selectors are usage errors."""
    cli: dict[str, Any] = {
        "flink_version": args.flink_version,
        "deployment": getattr(args, "deployment", None),
        "operator_version": getattr(args, "operator_version", None),
        "define": dict(args.define),
    }
    for name in ("select", "ignore", "extend_select"):
        codes = split_codes(getattr(args, name, None))
        bad = [c for c in codes if not known_selector(c, list(lint_rules().values()))]
        if bad:
            raise UsageError(f"--{name.replace('_', '-')}: unknown rule selector {bad[0]!r}")
        cli[name] = codes
    cli["exclude"] = getattr(args, "exclude", None) or []
    cli["fail_on"] = getattr(args, "fail_on", None)
    return LintRequest(
        paths=[Path(p) for p in (args.paths or ["."])],
        cli=cli,
        config_file=args.config,
        isolated=args.isolated,
        stdin_filename=args.stdin_filename,
    )


def lint(request: LintRequest) -> list[FileResult]:
    """Lint the request's paths; a path or settings file that cannot be read is a usage error."""
    try:
        return lint_paths(request)
    except (WalkError, SettingsError) as err:
        raise UsageError(str(err)) from None
