"""Which key of ``env.java.opts*`` a JVM option came from, and what the JVM does with a stray word.

Shared by the launcher rules (``FL33x``) and ``flinklint explain``.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.findings import Span
from flinklint.launch.reading import Dump
from flinklint.launch.scripts import Launch, Piece, Process, launch
from flinklint.launch.shell import eval_echo

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.flink_config import FlinkConfig
    from flinklint.versions import FlinkVersion

TITLE = {Process.TASKMANAGER: "TaskManager", Process.JOBMANAGER: "JobManager"}

# java launcher options whose argument is the next word (java --help, JDK 11-21)
TAKES_ARGUMENT = frozenset({
    "-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path",
    "--add-modules", "--enable-native-access", "--add-reads", "--add-exports", "--add-opens",
    "--limit-modules", "--patch-module", "--source",
})  # fmt: skip


def launches(config: FlinkConfig, version: FlinkVersion, dump: Dump | None) -> Iterator[Launch]:
    """The TaskManager's and the JobManager's options, where the scripts read this file."""
    for process in Process:
        found = launch(config, version, process, dump=dump)
        if found is not None and found.unmodelled is None:
            yield found


def stray_word(options: tuple[str, ...]) -> str | None:
    """The first word the JVM would take as its main class (not an option, not an option's
    argument, not an ``@argfile``), or None."""
    expects = False
    for word in options:
        if expects:
            expects = False
        elif word in TAKES_ARGUMENT:
            expects = True
        elif not word.startswith(("-", "@")):
            return word
    return None


def broken_pieces(found: Launch) -> list[Piece]:
    """The keys whose text alone makes the scripts' ``eval`` fail (at least one piece)."""
    alone = [p for p in found.pieces if eval_echo(p.stripped).error is not None]
    if alone:
        return alone
    quoted = [p for p in found.pieces if any(q in p.stripped for q in "\"'")]
    return quoted or list(found.pieces[:1])


def source_of(found: Launch, word: str) -> Piece | None:
    """The last key whose options (evaluated alone) contain ``word``."""
    for piece in reversed(found.pieces):
        if word in eval_echo(piece.stripped).words:
            return piece
    for piece in reversed(found.pieces):
        if any(c in piece.stripped for c in "\"'\\"):
            return piece
    return found.pieces[-1] if found.pieces else None


def value_span(piece: Piece) -> Span:
    return piece.entry.value_span or piece.entry.key_span


def text_span(piece: Piece, text: str) -> Span:
    """Where ``text`` is written in the piece's value (the whole value when not found)."""
    span = value_span(piece)
    at = piece.entry.raw.rfind(text)
    if at < 0 or span is not piece.entry.value_span or span.line != span.end_line:
        return span
    if "\n" in piece.entry.raw[:at]:
        return span
    column = span.column + at
    return Span(span.line, column, span.line, column + len(text) - 1)


def processes(names: list[Process]) -> str:
    titles = [f"the {TITLE[p]}" for p in Process if p in names]
    return " and ".join(titles)
