"""flinklint's own settings: ``[tool.flinklint]`` in ``pyproject.toml`` or ``.flinklint.toml``.

Discovery follows ruff: for each linted file, walk up from its directory and take the first
``.flinklint.toml``, or ``pyproject.toml`` holding a ``[tool.flinklint]`` table; stop at the
repository root (a directory holding ``.git``). ``--config PATH`` names one file for every
linted file, ``--isolated`` ignores all of them. Relative paths in a settings file
(``exclude``, ``per-file-ignores``) are relative to the directory of that file.

Settings are validated against a JSON Schema before use. A small check of the schema's few
keywords accepts valid settings; only settings it rejects go through ``jsonschema`` (slow to
import), for its exact message. ``tomllib`` is imported only when a settings file exists, and a
``pyproject.toml`` that cannot hold a ``[tool.flinklint]`` table is not parsed at all.
Command-line options override the file: ``--select`` replaces ``select``,
``--ignore``/``--extend-select`` add to it.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from flinklint.findings import Severity
from flinklint.launch.deployment import CHOICES as DEPLOYMENTS
from flinklint.launch.deployment import Deployment
from flinklint.records import dataclass, field, replace
from flinklint.versions import FlinkVersion, VersionError, parse_version

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any

    from flinklint.launch.operator import OperatorRelease

SETTINGS_FILES = (".flinklint.toml", "pyproject.toml")

_SEVERITIES = ["error", "warning", "info"]
_CODES = {"type": "array", "items": {"type": "string", "minLength": 1}}
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "flink-version": {"type": "string"},
        "deployment": {"enum": list(DEPLOYMENTS)},
        "operator-version": {"type": "string"},
        "select": _CODES,
        "ignore": _CODES,
        "extend-select": _CODES,
        "severity": {"type": "object", "additionalProperties": {"enum": _SEVERITIES}},
        "per-file-ignores": {"type": "object", "additionalProperties": _CODES},
        "exclude": _CODES,
        "define": {
            "type": "object",
            "additionalProperties": {"type": ["string", "number", "boolean"]},
        },
        "extra-keys": _CODES,
        "extra-prefixes": _CODES,
        "fail-on": {"enum": _SEVERITIES},
    },
}


class SettingsError(Exception):
    """A settings file that cannot be used; the message names the file and the offending key."""


@dataclass(frozen=True)
class Settings:
    """Effective settings for one linted file."""

    flink_version: FlinkVersion | None = None
    deployment: Deployment | None = None  # None: standalone, or operator for a manifest
    operator_version: OperatorRelease | None = None  # None: the newest release, assumed
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    define: Mapping[str, str] = field(default_factory=dict)
    extra_keys: tuple[str, ...] = ()
    extra_prefixes: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    root: Path | None = None  # directory of the settings file, for relative patterns
    source: Path | None = None

    def ignored_for(self, path: Path) -> tuple[str, ...]:
        """Codes ignored for ``path`` by ``per-file-ignores``."""
        if not self.per_file_ignores:
            return ()
        rel = _relative(path, self.root)
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores:
            if _matches(rel, pattern):
                codes.extend(ignored)
        return tuple(codes)

    def excludes(self, path: Path) -> bool:
        if not self.exclude:
            return False
        rel = _relative(path, self.root)
        return any(_matches(rel, pattern) for pattern in self.exclude)

    def rule_options(self) -> dict[str, Any]:
        return {"extra-keys": self.extra_keys, "extra-prefixes": self.extra_prefixes}


def _relative(path: Path, root: Path | None) -> str:
    absolute = path.absolute()
    if root is not None:
        try:
            return absolute.relative_to(root.absolute()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _matches(rel: str, pattern: str) -> bool:
    """Glob match against the relative path or any of its trailing parts (like ruff)."""
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*"):
        return True
    parts = rel.split("/")
    return any(fnmatch.fnmatch("/".join(parts[i:]), pattern) for i in range(1, len(parts)))


def find_settings_file(start: Path, cache: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest settings file above ``start`` (a directory), up to the repository root.

    ``cache`` (directory -> answer) spares the walk for files of directories already seen in
    one run; it must not outlive the run, since settings files may appear between runs.
    """
    directory = start.absolute()
    cache = {} if cache is None else cache
    walked = []
    found: Path | None = None
    for candidate in (directory, *directory.parents):
        if candidate in cache:
            found = cache[candidate]
            break
        walked.append(candidate)
        found = _settings_in(candidate)
        if found is not None or (candidate / ".git").exists():
            break
    for candidate in walked:
        cache[candidate] = found
    return found


def _settings_in(directory: Path) -> Path | None:
    for name in SETTINGS_FILES:
        path = directory / name
        if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
            return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    if b"flinklint" not in raw and b"\\u" not in raw.lower():
        return False  # no such table, unless the key is spelled with an escape
    import tomllib

    try:
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text
        data = tomllib.loads(text)
    except (ValueError, RecursionError):  # not UTF-8, not TOML, too deep, a 5,000-digit int
        return False
    return isinstance(data.get("tool"), dict) and "flinklint" in data["tool"]


@cache
def load_settings_file(path: Path) -> Settings:
    """Read and validate one settings file (cached: many files share one)."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise SettingsError(f"{path}: cannot read settings: {err.strerror or err}") from None
    except RecursionError:
        raise SettingsError(f"{path}: invalid TOML: nested too deeply") from None
    except ValueError as err:  # TOMLDecodeError, UnicodeDecodeError, a 5,000-digit integer
        raise SettingsError(f"{path}: invalid TOML: {str(err).split(';')[0]}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("flinklint", {})
    _validate(path, data)
    return from_mapping(data, root=path.parent, source=path)


def _validate(path: Path, data: Any) -> None:
    if _conforms(data, SCHEMA):
        return
    import jsonschema

    validator = jsonschema.Draft202012Validator(SCHEMA)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = ".".join(str(p) for p in err.absolute_path) or "(top level)"
        if err.validator == "additionalProperties" and not err.absolute_path:
            unknown = sorted(set(data) - set(SCHEMA["properties"]))
            raise SettingsError(f"{path}: unknown setting {unknown[0]!r}")
        raise SettingsError(f"{path}: invalid value for {where!r}: {err.message}")


_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "number": (int, float),
    "boolean": (bool,),
}


def _conforms(value: Any, schema: Mapping[str, Any]) -> bool:
    """Whether ``value`` satisfies ``schema``, for the few JSON Schema keywords SCHEMA uses."""
    kinds = schema.get("type", ())
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if kinds and not any(_is_type(value, kind) for kind in kinds):
        return False
    if "enum" in schema and not any(type(value) is type(e) and value == e
                                    for e in schema["enum"]):
        return False
    if isinstance(value, str):
        return len(value) >= int(schema.get("minLength", 0))
    if isinstance(value, list):
        return all(_conforms(item, schema.get("items", {})) for item in value)
    if isinstance(value, dict):
        known, extra = schema.get("properties", {}), schema.get("additionalProperties", True)
        for key, item in value.items():
            rule = known.get(key, extra)
            if rule is False or (rule is not True and not _conforms(item, rule)):
                return False
    return True


def _is_type(value: Any, kind: str) -> bool:
    if isinstance(value, bool):
        return kind == "boolean"
    return isinstance(value, _TYPES[kind])


def from_mapping(
    data: Mapping[str, Any], *, root: Path | None = None, source: Path | None = None
) -> Settings:
    """Settings from an already validated mapping (file keys, kebab-case)."""
    where = str(source) if source else "settings"
    version = None
    if "flink-version" in data:
        try:
            version = parse_version(str(data["flink-version"]))
        except VersionError as err:
            raise SettingsError(f"{where}: flink-version: {err}") from None
    operator = None
    if "operator-version" in data:
        from flinklint.launch.operator import OperatorVersionError, parse_operator_version

        try:
            operator = parse_operator_version(str(data["operator-version"]))
        except OperatorVersionError as err:
            raise SettingsError(f"{where}: operator-version: {err}") from None
    return Settings(
        flink_version=version,
        deployment=Deployment(data["deployment"]) if "deployment" in data else None,
        operator_version=operator,
        select=tuple(data.get("select", ("ALL",))),
        ignore=tuple(data.get("ignore", ())),
        extend_select=tuple(data.get("extend-select", ())),
        severity={k: Severity(v) for k, v in data.get("severity", {}).items()},
        per_file_ignores=tuple((k, tuple(v)) for k, v in data.get("per-file-ignores", {}).items()),
        exclude=tuple(data.get("exclude", ())),
        define={k: _define_value(v) for k, v in data.get("define", {}).items()},
        extra_keys=tuple(data.get("extra-keys", ())),
        extra_prefixes=tuple(data.get("extra-prefixes", ())),
        fail_on=Severity(data.get("fail-on", "error")),
        root=root,
        source=source,
    )


def _define_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def override(base: Settings, cli: Mapping[str, Any]) -> Settings:
    """Apply command-line options (already parsed, only those given) on top of file settings."""
    changes: dict[str, Any] = {}
    if cli.get("flink_version") is not None:
        changes["flink_version"] = cli["flink_version"]
    if cli.get("deployment") is not None:
        changes["deployment"] = Deployment(cli["deployment"])
    if cli.get("operator_version") is not None:
        changes["operator_version"] = cli["operator_version"]
    if cli.get("select"):
        changes["select"] = tuple(cli["select"])
    if cli.get("ignore"):
        changes["ignore"] = base.ignore + tuple(cli["ignore"])
    if cli.get("extend_select"):
        changes["extend_select"] = base.extend_select + tuple(cli["extend_select"])
    if cli.get("define"):
        changes["define"] = {**base.define, **cli["define"]}
    if cli.get("fail_on"):
        changes["fail_on"] = Severity(cli["fail_on"])
    if cli.get("exclude"):
        changes["exclude"] = base.exclude + tuple(cli["exclude"])
    return replace(base, **changes)


def split_codes(values: Sequence[str] | None) -> list[str]:
    """``--select FL1,FL2 --select FL3`` -> ``["FL1", "FL2", "FL3"]``."""
    out: list[str] = []
    for value in values or ():
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return out
