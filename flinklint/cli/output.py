"""Every byte flinklint writes: report outputs, fixed files, migrated files, standard output.

Files are replaced atomically: the data goes to a temporary file in the same directory, which
is flushed to disk and renamed over the target; if anything fails before the rename, the
target is untouched and the temporary file removed. A replaced file keeps its permission bits;
a new one gets the default bits the umask allows, as ``open()`` would give it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from flinklint.cli.common import UsageError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any


def write_atomic(path: Path, data: bytes) -> None:
    """Replace (or create) ``path`` with ``data`` via a temporary file and a rename."""
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # here: it imports shutil and random, which a run that writes nothing skips

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".flinklint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_file(path: Path, data: bytes) -> None:
    """:func:`write_atomic`, with a failure as a usage error (one line, exit 2)."""
    try:
        write_atomic(path, data)
    except OSError as err:
        raise UsageError(f"cannot write {path}: {err.strerror or err}") from None


def write_stdout(data: bytes, rest: Any = None) -> None:
    """Bytes to standard output as they are, then what the binary stream ``rest`` still holds
    (the part of standard input beyond the size limit, given back unread). A text stream
    (tests) gets the closest text."""
    out = getattr(sys.stdout, "buffer", None)
    if out is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
        return
    sys.stdout.flush()
    out.write(data)
    if rest is not None:
        import shutil

        shutil.copyfileobj(rest, out)
    out.flush()


def write_report(text: str, out: str | None, stream: Any) -> None:
    """A report: to ``stream`` when ``out`` is None or ``-``, else to the file ``out``."""
    if out is None or out == "-":
        stream.write(text)
        return
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot write {out}: {err.strerror or err}") from None
