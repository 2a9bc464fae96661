"""Flink's start scripts drop or break the JVM options of `env.java.opts*`.

## What it does
Runs the values of `env.java.opts`, `env.java.opts.all`, `env.java.opts.taskmanager`,
`env.java.opts.jobmanager` and (1.19+) `env.java.default-opts.*` through what the start scripts
of the target Flink version do with them (`bin/config.sh`, `taskmanager.sh`/`jobmanager.sh`,
`flink-console.sh`/`flink-daemon.sh`) and reports when

* the scripts' `eval` fails on an unmatched quote: the TaskManager or JobManager then starts
  without **any** of these options (and without `-XX:+IgnoreUnrecognizedVMOptions`), and only
  one line of bash on the start script's error output (the terminal that ran `taskmanager.sh
  start`, or the container log) tells;
* a word reaches the JVM that is not an option: the JVM takes it as its main class and the
  process does not start.

Quotes the scripts handle as meant are not reported: up to 1.18 one pair of `"` around the
value, single quotes, and quotes in `config.yaml` that YAML itself removes.

## Why is this bad?
The scripts remove one `"` at the start and one at the end of the value, `eval` it, and split
the result on blanks again, so no quoting can keep a blank inside one JVM option. Up to 1.18,
`env.java.opts.all: "-Dfoo=bar -Dx=y"` is therefore harmless. Flink 1.19 and 1.20 put
`env.java.default-opts.all` and a blank in front of the value before removing the quotes, so
only the closing quote goes: `eval` fails and every JVM option is silently lost. From 1.19 on
Flink hands a `config.yaml` value to the scripts in YAML quotes when YAML needs them (a tab,
a trailing `:`), and a string that holds quotes itself (`'"-Dfoo=bar"'`, what
`migrate-config-file.sh` makes of a quoted legacy value) keeps them. Checked against the real
scripts of every version (`tests/golden/launch/`).

## Example
```yaml flink-conf.yaml flink-version=1.20
env.java.opts.all: "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/tmp"
```

## Use instead
```yaml flink-conf.yaml flink-version=1.20
env.java.opts.all: -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/tmp
```

## Fix safety
Safe for a `flink-conf.yaml` value with a `"` at both ends and no other quote, backslash or `$`
inside: the fix removes the two quotes, which every version then reads as the author meant
(up to 1.18 the scripts removed them anyway). No fix otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Edit, Fix, Severity
from flinklint.launch import options as o
from flinklint.launch.scripts import Piece, Process
from flinklint.rules.shared.launch import launches
from flinklint.versions import FileKind, FlinkVersion


def check(ctx: Context) -> Iterator[Hit]:
    dropped: dict[int, tuple[Piece, list[Process], str]] = {}
    stray: dict[tuple[int, str], tuple[Piece, list[Process]]] = {}
    for found in launches(ctx.config, ctx.version):
        if found.error is not None:
            for piece in o.broken_pieces(found):
                entry = dropped.setdefault(id(piece.entry), (piece, [], found.error))
                entry[1].append(found.process)
            continue
        # a variable of the environment can expand to anything: no verdict on the words then
        word = None if found.result.variables else o.stray_word(found.options)
        source = None if word is None else o.source_of(found, word)
        if word is not None and source is not None:
            stray.setdefault((id(source.entry), word), (source, []))[1].append(found.process)
    for piece, names, error in dropped.values():
        yield Hit(o.value_span(piece), _dropped(ctx, piece, names, error), _fix(ctx, piece))
    for (_, word), (piece, names) in stray.items():
        yield Hit(o.value_span(piece), _stray(ctx.version, piece, names, word))


def _dropped(ctx: Context, piece: Piece, names: list[Process], error: str) -> str:
    v = ctx.version
    message = (
        f"Flink {v}'s start scripts cannot evaluate these JVM options (bash: {error}), so "
        f"{o.processes(names)} {'start' if len(names) > 1 else 'starts'} without any option "
        f"of env.java.opts* (without -XX:+IgnoreUnrecognizedVMOptions too); only one line of "
        f"bash on the start script's error output tells"
    )
    text = piece.text
    if ctx.config.kind is FileKind.YAML and text != piece.entry.value:
        message += f"; Flink hands this config.yaml value to the scripts as {text}"
    default = "default-opts" in piece.key
    if v.at_least(1, 19) and not default and text.startswith('"'):
        return message + (
            "; from 1.19 on the scripts remove only the closing '\"' of this value (a blank "
            "stands before the opening one), which leaves the opening one unmatched: write the "
            "options without quotes"
        )
    if v.at_least(1, 19) and default and text.endswith('"') and len(text) > 1:
        return message + (
            "; from 1.19 on the scripts remove only the opening '\"' of a default-opts value "
            "(a blank follows the closing one), which leaves the closing one unmatched: write "
            "the options without quotes"
        )
    if text.endswith('"') and piece.stripped == text[:-1]:
        return message + (
            "; the scripts remove the '\"' at the end of the value, which leaves the quote "
            "before it unmatched (quotes cannot keep a blank inside one JVM option)"
        )
    return message + "; the value has an unmatched quote"


def _stray(version: FlinkVersion, piece: Piece, names: list[Process], word: str) -> str:
    return (
        f"'{word}' reaches the JVM of {o.processes(names)} as an argument of its own: Flink "
        f"{version}'s start scripts evaluate the options of {piece.key} and split them on "
        f"blanks again, so no quoting keeps a blank inside one JVM option; the JVM takes "
        f"'{word}' as its main class and does not start"
    )


def _fix(ctx: Context, piece: Piece) -> Fix | None:
    entry, span = piece.entry, piece.entry.value_span
    raw = entry.raw
    if ctx.config.kind is not FileKind.LEGACY or span is None or raw != entry.value:
        return None
    inner = raw[1:-1]
    if len(raw) < 3 or raw[0] != '"' or raw[-1] != '"' or any(c in inner for c in "\"'\\$"):
        return None
    return Fix("remove the quotes", (Edit.replace(span, inner),))


RULE = Rule(
    code="FL330",
    name="java-opts-quoting",
    severity=Severity.ERROR,
    summary="Flink's start scripts drop or break the JVM options of `env.java.opts*`.",
    check=check,
    needs=("env.java",),
    doc=__doc__ or "",
    fixable=True,
)
