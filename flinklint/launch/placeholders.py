"""Deploy-time placeholders: ``${NAME}`` in a value, or a value that is ``$NAME`` alone.

Flink itself never substitutes variables in its configuration (neither ``GlobalConfiguration``
nor the YAML reader has any ``${...}`` handling; the value stays literal). Placeholders are
filled before Flink reads the file, by the deployment: ``envsubst`` in a CI job or the official
Docker image up to Flink 1.18, Flux's ``postBuild.substitute``, a Helm or Kustomize step.

The syntax is what GNU ``envsubst`` replaces: ``$`` followed by a shell variable name
(``[A-Za-z_][A-Za-z0-9_]*``), with or without braces. flinklint counts a braced ``${NAME}``
anywhere in a value, and an unbraced ``$NAME`` only when it is the whole value: ``s3.secret-key:
ab$cd`` is a password, not a template. Shell defaults (``${NAME:-x}``) are not placeholders:
``envsubst`` leaves them as they are. Values of ``env.java.opts*`` and
``env.java.default-opts*`` are not deploy-time placeholders: Flink's daemon scripts expand them
when a process starts (``${FLINK_LOG_PREFIX}``).

A definition whose name is a variable name (``-D CHECKPOINT_INTERVAL=30s``; no Flink option is
named like that) fills the placeholder of that name. :func:`resolve` returns the configuration
with filled placeholders substituted and the keys still holding one recorded in
``meta["placeholders"]`` (see :func:`unresolved`), which no rule judges as a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from flinklint.flink_config import Entry, FlinkConfig, Source
from flinklint.records import replace

NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_BRACED = re.compile(r"\$\{(" + NAME + r")\}")
_WHOLE = re.compile(r"\s*\$(" + NAME + r")\s*")
LAUNCH_TIME = ("env.java.opts", "env.java.default-opts")
META_KEY = "placeholders"  # meta: "key\tNAME,NAME\n..." for each key left with a placeholder


def is_variable(name: str) -> bool:
    """Whether ``name`` is a shell variable name (a definition of it fills placeholders)."""
    return name.isidentifier() and name.isascii()


def names(key: str, value: str) -> tuple[str, ...]:
    """The placeholder names in ``value`` of ``key``, in order, each once."""
    if "$" not in value or key.startswith(LAUNCH_TIME):
        return ()
    whole = _WHOLE.fullmatch(value)
    found = [whole.group(1)] if whole else [m.group(1) for m in _BRACED.finditer(value)]
    return tuple(dict.fromkeys(found))


def fill(value: str, values: Mapping[str, str]) -> str:
    """``value`` with every placeholder whose name ``values`` holds replaced."""
    whole = _WHOLE.fullmatch(value)
    if whole:
        return values.get(whole.group(1), value)
    return _BRACED.sub(lambda m: values.get(m.group(1), m.group(0)), value)


def variables(defines: Mapping[str, str]) -> dict[str, str]:
    """The definitions that fill placeholders (their names are variable names)."""
    return {name: value for name, value in defines.items() if is_variable(name)}


def resolve(config: FlinkConfig, defines: Mapping[str, str]) -> FlinkConfig:
    """``config`` with defined placeholders filled and the others recorded in ``meta``."""
    if "$" not in config.text:
        return config
    values = variables(defines)
    effective = dict(config.effective)
    left: dict[str, tuple[str, ...]] = {}
    for key, value in config.effective.items():
        found = names(key, value)
        if not found:
            continue
        effective[key] = _operator(config, key, fill(value, values))
        missing = tuple(name for name in found if name not in values)
        if missing:
            left[key] = missing
    if effective == config.effective and not left:
        return config
    entries = tuple(_filled(entry, values) for entry in config.entries)
    meta = dict(config.meta)
    if left:
        meta[META_KEY] = "\n".join(f"{key}\t{','.join(n)}" for key, n in left.items())
    return replace(config, entries=entries, effective=effective, meta=meta)


def _filled(entry: Entry, values: Mapping[str, str]) -> Entry:
    if entry.source is Source.DEFINE or not values or not names(entry.key, entry.value):
        return entry
    value = fill(entry.value, values)
    if entry.source is Source.OPERATOR and not names(entry.key, value):
        value = _memory(value)
    return replace(entry, value=value)


def _operator(config: FlinkConfig, key: str, value: str) -> str:
    """A filled ``spec.*.resource.memory`` as the operator hands it to Flink."""
    entry = config.last(key)
    if entry is None or entry.source is not Source.OPERATOR or names(key, value):
        return value
    return _memory(value)


def _memory(value: str) -> str:
    from flinklint.values.quantity import operator_memory

    try:
        return operator_memory(value)
    except ValueError:
        return value  # the resolver reports what Flink cannot read


def unresolved(config: FlinkConfig) -> dict[str, tuple[str, ...]]:
    """Key -> names of the placeholders its effective value still holds."""
    text = config.meta.get(META_KEY)
    if not text:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in text.split("\n"):
        key, _, found = line.partition("\t")
        out[key] = tuple(found.split(","))
    return out


def placeholder_entries(config: FlinkConfig) -> Iterator[Entry]:
    """The entries (file or operator) whose effective value still holds a placeholder."""
    left = unresolved(config)
    for entry in config.entries:
        if entry.key in left and config.last(entry.key) is entry:
            yield entry
