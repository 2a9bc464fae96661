"""What bash makes of the JVM options in ``X=$(eval echo ${X})`` (``X``: ``FLINK_ENV_JAVA_OPTS``).

``flink-console.sh`` and ``flink-daemon.sh`` (every version from 1.15 to 2.3) run that line right
before ``"$JAVA_RUN" $JVM_ARGS ${FLINK_ENV_JAVA_OPTS} …``. So the assembled string is

1. split on blanks (the unquoted ``${…}``), the words joined by single spaces into a command;
2. parsed as shell code by ``eval``: quotes and backslashes are removed, ``$VAR`` expanded, a
   word starting with ``#`` begins a comment, and an unclosed quote is a syntax error that
   leaves the variable **empty** (the JVM then starts without any of these options);
3. printed by ``echo`` (leading ``-n``/``-e``/``-E`` words are ``echo``'s own options);
4. split on blanks once more where ``${FLINK_ENV_JAVA_OPTS}`` is used unquoted.

No quoting can therefore put a blank inside one JVM argument. Shell code this module does not
evaluate (command substitution, operators such as ``;`` or ``|``, brace and tilde expansion,
``${x:-y}`` forms, positional parameters) is reported in ``unmodelled`` instead of guessed.
Pathname expansion (``*``, ``?``, ``[``) is taken to match nothing, which holds for words that
start with ``-`` unless the working directory has a file named like the word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from flinklint.records import dataclass

BLANKS = " \t\n"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ECHO_OPTION = re.compile(r"-[neE]+")
_OPERATORS = "|&;()<>"


@dataclass(frozen=True, slots=True)
class Evaluated:
    """The JVM options the shell hands over, or why there are none."""

    words: tuple[str, ...]  # empty when eval failed
    error: str | None = None  # bash's message, e.g. unexpected EOF while looking for matching `"'
    unmodelled: str | None = None  # shell syntax not evaluated here; words are then not known
    variables: tuple[str, ...] = ()  # names of the variables the eval expanded


class _Unmodelled(Exception):
    pass


class _SyntaxError(Exception):
    pass


def split(text: str) -> list[str]:
    """Word splitting of an unquoted expansion with the default ``IFS``."""
    return [w for w in re.split(f"[{BLANKS}]+", text) if w]


def eval_echo(text: str, env: Mapping[str, str] | None = None) -> Evaluated:
    """The words of ``${X}`` after ``X=$(eval echo ${X})``.

    ``env`` gives the variables visible to the eval; without it a ``$NAME``/``${NAME}`` is kept
    as written (its name is listed in ``variables``).
    """
    source = " ".join(split(text))
    variables: list[str] = []
    try:
        args = _parse(source, env, variables)
    except _SyntaxError as error:
        return Evaluated((), error=str(error), variables=tuple(variables))
    except _Unmodelled as what:
        return Evaluated((), unmodelled=str(what), variables=tuple(variables))
    start = 0
    escapes = False
    while start < len(args) and _ECHO_OPTION.fullmatch(args[start]):
        escapes = escapes or "e" in args[start].replace("E", "")
        start += 1
    printed = " ".join(args[start:])
    if escapes and "\\" in printed:
        return Evaluated((), unmodelled="echo -e with a backslash", variables=tuple(variables))
    return Evaluated(tuple(split(printed)), variables=tuple(variables))


def _parse(src: str, env: Mapping[str, str] | None, variables: list[str]) -> list[str]:
    words: list[str] = []
    cur: list[tuple[str, bool]] | None = None  # (text, from an unquoted expansion)
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in BLANKS:
            if cur is not None:
                words.extend(_fields(cur))
                cur = None
            i += 1
            continue
        if c == "#" and cur is None:
            break
        if c in _OPERATORS:
            raise _Unmodelled(f"the shell operator '{c}'")
        if c == "`":
            raise _Unmodelled("command substitution with backticks")
        if c == "~" and cur is None:
            raise _Unmodelled("tilde expansion")
        if c == "{" and _brace_expansion(src, i):
            raise _Unmodelled("brace expansion")
        cur = cur if cur is not None else []
        if c == "\\":
            cur.append((src[i + 1] if i + 1 < n else "\\", False))
            i += 2
        elif c == "'":
            end = src.find("'", i + 1)
            if end < 0:
                raise _SyntaxError("unexpected EOF while looking for matching `''")
            cur.append((src[i + 1 : end], False))
            i = end + 1
        elif c == '"':
            text, i = _double_quoted(src, i + 1, env, variables)
            cur.append((text, False))
        elif c == "$":
            text, i = _dollar(src, i, env, variables)
            cur.append((text, env is not None and text != "$"))
        else:
            cur.append((c, False))
            i += 1
    if cur is not None:
        words.extend(_fields(cur))
    return words


def _fields(segments: list[tuple[str, bool]]) -> list[str]:
    """One shell word: the results of unquoted expansions are split on blanks, the rest kept."""
    fields: list[str] = []
    current: str | None = None
    for text, splits in segments:
        if not splits:
            current = (current or "") + text
            continue
        for k, part in enumerate(re.split(f"[{BLANKS}]+", text)):
            if k > 0 and current is not None:
                fields.append(current)
                current = None
            if part:
                current = (current or "") + part
    if current is not None:
        fields.append(current)
    return fields


def _double_quoted(
    src: str, i: int, env: Mapping[str, str] | None, variables: list[str]
) -> tuple[str, int]:
    out = ""
    n = len(src)
    while i < n:
        c = src[i]
        if c == '"':
            return out, i + 1
        if c == "\\" and i + 1 < n and src[i + 1] in '$`"\\\n':
            out += src[i + 1]
            i += 2
        elif c == "`":
            raise _Unmodelled("command substitution with backticks")
        elif c == "$":
            text, i = _dollar(src, i, env, variables)
            out += text
        else:
            out += c
            i += 1
    raise _SyntaxError("unexpected EOF while looking for matching `\"'")


def _dollar(
    src: str, i: int, env: Mapping[str, str] | None, variables: list[str]
) -> tuple[str, int]:
    rest = src[i + 1 :]
    if rest.startswith("{"):
        end = rest.find("}")
        if end < 0:
            raise _SyntaxError("unexpected EOF while looking for matching `}'")
        name = rest[1:end]
        if not _NAME.fullmatch(name):
            raise _Unmodelled(f"the parameter expansion '${{{name}}}'")
        return _value(name, src[i : i + end + 2], env, variables), i + end + 2
    match = _NAME.match(rest)
    if match:
        name = match.group()
        return _value(name, "$" + name, env, variables), i + 1 + len(name)
    if rest[:1] == "(":
        raise _Unmodelled("the command substitution '$('")
    if rest[:1] in ("'", '"') or (rest[:1] and rest[0] in "0123456789@*#?$!-"):
        raise _Unmodelled(f"the expansion '${rest[:1]}'")
    return "$", i + 1


def _value(name: str, written: str, env: Mapping[str, str] | None, variables: list[str]) -> str:
    variables.append(name)
    if env is None:
        return written
    return env.get(name, "")


def _brace_expansion(src: str, i: int) -> bool:
    """An unquoted ``{a,b}`` or ``{1..3}`` (a ``{`` alone stays a character)."""
    end = src.find("}", i)
    if end < 0:
        return False
    inner = src[i + 1 : end]
    return not any(q in inner for q in " '\"") and ("," in inner or ".." in inner)
