"""Lint one file: find its settings, load it, pick the target version, run the engine.

The target Flink version of a configuration is, from strongest to weakest: ``--flink-version``,
the manifest's own ``spec.flinkVersion``, ``flink-version`` in the settings file, and the default
for the file kind (1.20 for ``flink-conf.yaml``, 2.3 otherwise).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.findings import Finding
from flinklint.flink_config import FlinkConfig
from flinklint.launch.deployment import prepare
from flinklint.loader import load_bytes, load_path
from flinklint.records import dataclass, field
from flinklint.rules.index import lint_rules
from flinklint.settings import (
    Settings,
    find_settings_file,
    from_mapping,
    load_settings_file,
    override,
)
from flinklint.versions import FlinkVersion, default_for

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any


@dataclass
class LintRequest:
    """What to lint, and how. ``jobs``: 1 lints here; 0 lets many files be linted in worker
    processes (:mod:`flinklint.lint.pool`), whose results then hold no configs."""

    paths: list[Path]
    cli: dict[str, Any] = field(default_factory=dict)
    config_file: Path | None = None
    isolated: bool = False
    stdin_filename: str = "flink-conf.yaml"
    explain: bool = False
    jobs: int = 1
    skipped: int = 0  # set by lint_paths: files looked at that hold no Flink configuration


@dataclass
class FileResult:
    """One linted file: its text, the configurations it holds, and what was found."""

    path: str
    text: str
    settings: Settings
    configs: list[FlinkConfig]
    versions: list[FlinkVersion]
    findings: list[Finding]
    bom: bool = False  # the file starts with a UTF-8 byte-order mark (kept when fixing)
    data: bytes | None = None  # what standard input held, to give back as it was


def settings_for(
    path: Path, request: LintRequest, cache: dict[Path, Path | None] | None = None
) -> Settings:
    """``cache``: settings-file lookups of one run, per directory (see find_settings_file)."""
    if request.isolated:
        base = _defaults()
    elif request.config_file is not None:
        base = load_settings_file(request.config_file.absolute())
    else:
        start = path if path.is_dir() else path.parent
        found = find_settings_file(start, cache)
        base = load_settings_file(found) if found else _defaults()
    return override(base, request.cli)


@cache
def _defaults() -> Settings:
    return from_mapping({})


def target_version(config: FlinkConfig, settings: Settings, cli: dict[str, Any]) -> FlinkVersion:
    explicit: FlinkVersion | None = cli.get("flink_version")
    return explicit or config.flink_version or settings.flink_version or default_for(config.kind)


def keys_defined(defines: Mapping[str, str]) -> dict[str, str]:
    """The definitions that set Flink options; the others (``NAME=VALUE``, NAME a shell variable
    name, which no Flink option is) fill placeholders (:mod:`flinklint.launch.placeholders`)."""
    return {key: value for key, value in defines.items()
            if not (key.isidentifier() and key.isascii())}


def load_configs(path: Path, settings: Settings, version: FlinkVersion | None,
                 data: bytes | None = None) -> list[FlinkConfig] | None:
    """The configurations of one file as ``version`` (None: the file's own or the kind's
    default) reads them, with the settings' definitions, operator release and deployment
    applied; None when it is not a Flink configuration at all."""
    defines = keys_defined(settings.define)
    if data is None:
        configs = load_path(path, version=version, defines=defines,
                            operator=settings.operator_version)
    else:
        configs = load_bytes(data, path, version=version, defines=defines,
                             operator=settings.operator_version, siblings=True)
    if configs is None:
        return None
    return [prepare(c, settings.deployment, settings.define) for c in configs]


def lint_file(
    path: Path, settings: Settings, request: LintRequest, data: bytes | None = None
) -> FileResult | None:
    """Load and lint one file; None when it is not a Flink configuration at all."""
    hint: FlinkVersion | None = request.cli.get("flink_version") or settings.flink_version
    configs = load_configs(path, settings, hint, data)
    if configs is None:
        return None
    selection = Selection(
        select=settings.select,
        ignore=settings.ignore + settings.ignored_for(path),
        extend_select=settings.extend_select,
        severity=settings.severity,
    )
    findings: list[Finding] = []
    versions: list[FlinkVersion] = []
    for config in configs:
        version = target_version(config, settings, request.cli)
        versions.append(version)
        options = settings.rule_options()
        found = lint(config, version, selection, options, rules=lint_rules())
        if config.embedding is not None:
            from flinklint.loader.configmap import to_manifest

            found = to_manifest(found, config)
        findings.extend(found)
    text = "" if not configs else (
        configs[0].embedding.text if configs[0].embedding is not None else configs[0].text)
    bom = bool(configs) and configs[0].meta.get("bom") == "true"
    return FileResult(str(path), text, settings, configs, versions, findings, bom)
