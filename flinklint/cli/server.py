"""``flinklint server``: the language server for editors (Language Server Protocol on stdio).

It needs pygls and lsprotocol, which only the ``lsp`` extra installs
(``pip install 'flinklint[lsp]'``), so that the pre-commit hook's dependencies and start-up stay
as they are. Without them the command exits 2 with one line saying how to install them.
"""

from __future__ import annotations

from flinklint.cli.common import UsageError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    import argparse

INSTALL = "'server' needs the lsp extra (pygls): pip install 'flinklint[lsp]'"


def server(args: argparse.Namespace) -> int:
    try:
        import lsprotocol.types  # noqa: F401
        import pygls.lsp.server  # noqa: F401
    except ImportError:
        raise UsageError(INSTALL) from None
    from flinklint.lsp.server import serve

    serve()
    return 0
