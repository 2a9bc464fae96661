"""The JVM options Flink's start scripts hand the TaskManager and the JobManager (1.15 to 2.3).

``bin/config.sh`` reads the ``env.java.*`` keys (see :mod:`~flinklint.launch.reading`), strips
one ``"`` at the start and one at the end of each assembled string
(``sed -e 's/^"//' -e 's/"$//'``) and, from 1.18 on, puts ``-XX:+IgnoreUnrecognizedVMOptions``
in front of the ``all`` options. Per version:

=========  ================================================  ================================
version    all options (``FLINK_ENV_JAVA_OPTS``)              TaskManager / JobManager options
=========  ================================================  ================================
1.15-1.16  strip(``env.java.opts``)                           strip(``env.java.opts.<process>``)
1.17       strip(``env.java.opts.all`` or ``env.java.opts``)  same
1.18       ``-XX:+IgnoreUnrecognizedVMOptions`` + the above   same
1.19-2.3   ``-XX:+IgnoreUnrecognizedVMOptions`` +             strip(default-opts.x + " " + x)
           strip(``env.java.default-opts.all`` + " " + all)
=========  ================================================  ================================

In 1.19+ the strip runs on ``default + " " + value``: with no default options the string starts
with a blank, so a leading ``"`` of the value is **kept** while the trailing one goes. (Java
later than 17 also gets ``-Djava.security.manager=allow`` after the all options, 1.19+.)
``taskmanager.sh`` adds ``-XX:+UseG1GC`` to ``JVM_ARGS`` when both strings are empty (possible
only up to 1.17), ``taskmanager.sh``/``jobmanager.sh`` join ``all + " " + process`` and
``flink-console.sh``/``flink-daemon.sh`` run it through ``eval echo`` (:mod:`~.shell`). The
JVM is then started with ``$JVM_ARGS`` (Flink's memory flags) **before** these options, so a
memory flag in them wins over Flink's.

Environment variables (``FLINK_ENV_JAVA_OPTS``, ``FLINK_ENV_JAVA_OPTS_TM``/``_JM``, ``JVM_ARGS``)
replace the keys; the model assumes they are unset. Checked against the real scripts by
``tests/golden/launch/`` (``tools/make_launcher_goldens.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from flinklint.flink_config import Entry, FlinkConfig
from flinklint.launch.reading import Dump, NotModelled, shell_text
from flinklint.launch.shell import Evaluated, eval_echo
from flinklint.records import dataclass
from flinklint.versions import FileKind, FlinkVersion

IGNORE_UNRECOGNIZED = "-XX:+IgnoreUnrecognizedVMOptions"
G1 = "-XX:+UseG1GC"
SECURITY_MANAGER = "-Djava.security.manager=allow"


class Process(StrEnum):
    TASKMANAGER = "taskmanager"
    JOBMANAGER = "jobmanager"


@dataclass(frozen=True, slots=True)
class Piece:
    """One key the scripts read for a process, and the text they got."""

    key: str
    entry: Entry
    text: str  # what the scripts read
    stripped: str  # after the part of the quote strip that reaches this piece


@dataclass(frozen=True, slots=True)
class Launch:
    """What the scripts make of the ``env.java.*`` keys for one process.

    ``options`` are the JVM options after Flink's memory flags (``-XX:+UseG1GC`` comes before
    those, in ``JVM_ARGS``, when ``g1``); empty with ``error`` when ``eval`` failed and every
    option was dropped; not known when ``unmodelled`` says why.
    """

    process: Process
    pieces: tuple[Piece, ...]
    assembled: str
    g1: bool
    result: Evaluated

    @property
    def options(self) -> tuple[str, ...]:
        return self.result.words

    @property
    def error(self) -> str | None:
        return self.result.error

    @property
    def unmodelled(self) -> str | None:
        return self.result.unmodelled


def applies(config: FlinkConfig, version: FlinkVersion) -> bool:
    """Whether the scripts of ``version`` read this file at all."""
    if config.kind is FileKind.LEGACY:
        return version.reads_legacy_file
    return config.kind is FileKind.YAML and version.reads_yaml_file


def launch(
    config: FlinkConfig,
    version: FlinkVersion,
    process: Process,
    *,
    java_major: int = 17,
    env: Mapping[str, str] | None = None,
    dump: Dump | None = None,
) -> Launch | None:
    """The options of ``process``; None when the scripts do not read this file or value.

    ``dump``: how Flink writes a ``config.yaml`` string for the scripts
    (:func:`flinklint.loader.yaml_dump.root_scalar`, handed in from a layer above).
    """
    if not applies(config, version):
        return None
    short = "taskmanager" if process is Process.TASKMANAGER else "jobmanager"
    try:
        if version.at_least(1, 17):
            main = _read(config, "env.java.opts.all", dump)
            if main is None or not main.text:
                main = _read(config, "env.java.opts", dump)
        else:
            main = _read(config, "env.java.opts", dump)
        own = _read(config, f"env.java.opts.{short}", dump)
        if version.at_least(1, 19):
            default_all = _read(config, "env.java.default-opts.all", dump)
            default_own = _read(config, f"env.java.default-opts.{short}", dump)
        else:
            default_all = default_own = None
    except NotModelled as why:
        return Launch(process, (), "", False, Evaluated((), unmodelled=str(why)))
    if version.at_least(1, 19):
        # strip(default + " " + value): the leading quote of the default, the trailing one of
        # the value (a blank stands before the value, after the default)
        default_all, default_own = _lead(default_all), _lead(default_own)
        main, own = _trail(main), _trail(own)
        all_text = IGNORE_UNRECOGNIZED + " " + _stripped(default_all) + " " + _stripped(main)
        if java_major > 17:
            all_text += " " + SECURITY_MANAGER
        own_text = _stripped(default_own) + " " + _stripped(own)
    else:
        main, own = _both(main), _both(own)
        all_text = _stripped(main)
        if version.at_least(1, 18):
            all_text = IGNORE_UNRECOGNIZED + " " + all_text
        own_text = _stripped(own)
    g1 = process is Process.TASKMANAGER and not all_text and not own_text
    assembled = all_text + " " + own_text
    pieces = tuple(p for p in (default_all, main, default_own, own) if p is not None)
    return Launch(process, pieces, assembled, g1, eval_echo(assembled, env))


def strip(text: str) -> str:
    """``echo "$X" | sed -e 's/^"//' -e 's/"$//'``."""
    if text.startswith('"'):
        text = text[1:]
    if text.endswith('"'):
        text = text[:-1]
    return text


def _read(config: FlinkConfig, key: str, dump: Dump | None) -> Piece | None:
    entry = config.last(key)
    if entry is None:
        return None
    text = shell_text(entry, config.kind, dump)
    return Piece(key, entry, text, text)


def _lead(piece: Piece | None) -> Piece | None:
    if piece is None or not piece.text.startswith('"'):
        return piece
    return Piece(piece.key, piece.entry, piece.text, piece.text[1:])


def _trail(piece: Piece | None) -> Piece | None:
    if piece is None or not piece.text.endswith('"'):
        return piece
    return Piece(piece.key, piece.entry, piece.text, piece.text[:-1])


def _both(piece: Piece | None) -> Piece | None:
    if piece is None:
        return None
    return Piece(piece.key, piece.entry, piece.text, strip(piece.text))


def _stripped(piece: Piece | None) -> str:
    return "" if piece is None else piece.stripped
