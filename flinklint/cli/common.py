"""What every command shares: exit codes, the one usage error, colour.

Commands import this module; it imports nothing of flinklint, and the dispatcher in
:mod:`flinklint.cli` is the only module that imports the commands.
"""

from __future__ import annotations

import os

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem the user must fix outside the linted files: bad arguments, an unreadable path,
    bad settings, a file that cannot be written. One line on stderr, exit code 2."""

    def __init__(self, message: str, prog: str = "flinklint") -> None:
        super().__init__(f"{prog}: {message}")


def use_color(choice: str, stream: object) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())
