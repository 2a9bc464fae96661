"""Lint paths: walk, find settings, load, pick the target version, run the engine.

The target Flink version of a configuration is, from strongest to weakest: ``--flink-version``,
the manifest's own ``spec.flinkVersion``, ``flink-version`` in the settings file, and the default
for the file kind (1.20 for ``flink-conf.yaml``, 2.3 otherwise).

Settings ``exclude`` patterns apply to files named on the command line too (pre-commit passes
every staged file explicitly, and an exclude that pre-commit ignores would surprise).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from flinklint.findings import Finding
from flinklint.flink_config import FlinkConfig
from flinklint.records import dataclass, field
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


PARALLEL_FROM = 50  # fewer files are linted faster than worker processes start


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


def lint_paths(request: LintRequest) -> list[FileResult]:
    """Lint every file below the requested paths, in a stable order."""
    from flinklint.lint.walk import candidates

    if request.paths == [Path("-")]:
        return [_lint_stdin(request)]
    found: dict[Path, Path | None] = {}
    jobs: list[tuple[Path, Settings]] = []
    for candidate in candidates(request.paths):
        settings = settings_for(candidate.path, request, found)
        if not settings.excludes(candidate.path):
            jobs.append((candidate.path, settings))
    if request.jobs != 1 and len(jobs) >= PARALLEL_FROM:
        from flinklint.lint.pool import lint_jobs

        return lint_jobs(jobs, request)
    results = (lint_file(path, settings, request) for path, settings in jobs)
    return [result for result in results if result is not None]


def _lint_stdin(request: LintRequest) -> FileResult:
    from flinklint.loader.limits import MAX_FILE_BYTES

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)  # more: the loader's one size finding
    path = Path(request.stdin_filename)
    settings = settings_for(Path.cwd() / path, request)
    result = lint_file(path, settings, request, data=data)
    if result is None:  # not recognisable as a Flink config: lint it as the legacy format
        result = FileResult(str(path), data.decode("utf-8", "replace"), settings, [], [], [])
    result.data = data
    return result


def lint_file(
    path: Path, settings: Settings, request: LintRequest, data: bytes | None = None
) -> FileResult | None:
    """Load and lint one file; None when it is not a Flink configuration at all."""
    from flinklint.engine.run import lint
    from flinklint.engine.select import Selection
    from flinklint.loader import load_bytes, load_path
    from flinklint.rules.index import lint_rules

    hint: FlinkVersion | None = request.cli.get("flink_version") or settings.flink_version
    if data is None:
        configs = load_path(path, version=hint, defines=settings.define,
                            operator=settings.operator_version)
    else:
        configs = load_bytes(data, path, version=hint, defines=settings.define,
                             operator=settings.operator_version)
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
        findings.extend(lint(config, version, selection, options, rules=lint_rules()))
    text = configs[0].text if configs else ""
    bom = bool(configs) and configs[0].meta.get("bom") == "true"
    return FileResult(str(path), text, settings, configs, versions, findings, bom)
