"""``flinklint explain``: load each file, judge both processes, show the layout.

Each configuration is judged by :func:`flinklint.verdict.verdict`, the judgement ``check``
reports from: a process Flink does not start (it stops loading the file, or resolving the
process's memory) is shown as such, with Flink's own message, in every format.

Formats: ``text`` (a tree like Flink's log), ``json`` (one object per configuration, an array
when there is more than one), ``svg`` (one standalone picture), ``markdown`` (tables).
``--compare B`` adds the configuration as Flink B sees it (for a ``flink-conf.yaml`` and a 2.x
B, the ``config.yaml`` that ``flinklint migrate`` writes) and what differs.

Exit code 0 when Flink starts every process, 1 when an error stops one (as ``check`` reports
it), 2 when a file cannot be read as a Flink configuration at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flinklint.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, use_color
from flinklint.cli.request import lint, lint_request
from flinklint.engine.rule import Context
from flinklint.flink_config import FlinkConfig
from flinklint.launch.deployment import prepare
from flinklint.lint.file import FileResult, keys_defined, load_configs
from flinklint.loader import load_text
from flinklint.records import replace
from flinklint.report.explain import Note
from flinklint.report.explain_launch import JvmOverride, add_json, add_text
from flinklint.rules.advice import judge
from flinklint.rules.java_opts_memory_flag import overrides
from flinklint.rules.shared.memory import locate
from flinklint.rules.shared.runtime import notes as runtime_notes
from flinklint.verdict import Verdict, load_stop
from flinklint.versions import FileKind, FlinkVersion

if TYPE_CHECKING:
    from flinklint.report.explain_compare import Comparison

EXIT_REFUSED, EXIT_BAD_INPUT = EXIT_FINDINGS, EXIT_USAGE


def explain(args: argparse.Namespace) -> int:
    request = lint_request(args)
    request.explain = True
    return explain_paths(args, lint(request))


def _notes(config: FlinkConfig, version: FlinkVersion, options: Mapping[str, object]) -> list[Note]:
    """The ``FL4xx`` rules' notes on the TaskManager, from the code the rules run."""
    try:
        found = runtime_notes(Context(config, version, options))
    except Exception:  # a bug in a rule must not hide the layout
        return []
    return [Note(n.code, _file_line(config, locate(config, n.keys, "taskmanager").line),
                 n.message) for n in found]


def _overrides(config: FlinkConfig, version: FlinkVersion) -> dict[str, list[JvmOverride]]:
    """Memory flags of ``env.java.opts*`` that replace Flink's own (what FL331 reports)."""
    found: dict[str, list[JvmOverride]] = {}
    try:
        for process, piece, user, flink in overrides(Context(config, version)):
            line = _file_line(config, piece.entry.line) if (
                piece.entry.value_span is not None) else None
            found.setdefault(process.value, []).append(
                JvmOverride(user.text, flink.text, piece.key, line))
    except Exception:  # a bug in the launcher model must not hide the memory layout
        return {}
    return found


def _line_of(config: FlinkConfig) -> Any:
    def line(key: str) -> int | None:
        entry = config.last(key)
        return _file_line(config, entry.line) if entry is not None else None

    return line


def _file_line(config: FlinkConfig, line: int | None) -> int | None:
    """``line`` of the configuration as a line of its file: a ConfigMap's block starts lower."""
    if not line or config.embedding is None:
        return line
    return config.embedding.line(line)


def _in_file(judged: Verdict, config: FlinkConfig) -> Verdict:
    """The verdict with the lines of what stops a process as lines of the file."""
    if config.embedding is None:
        return judged
    return replace(judged, **{
        process.process: replace(process, stop=replace(
            process.stop, line=_file_line(config, process.stop.line)))
        for process in judged if process.stop is not None})


def _operator(config: FlinkConfig) -> str | None:
    """The Kubernetes operator release a FlinkDeployment was read with (``1.15 assumed``)."""
    if config.meta.get("manifest_kind") != "FlinkDeployment":
        return None
    release = config.meta.get("operator", "")
    return f"{release} assumed" if config.meta.get("operator_assumed") else release


def _unreadable(result: FileResult) -> str | None:
    """Why a file cannot be explained, or None."""
    if not result.configs:
        return f"{result.path}: not a Flink configuration"
    for config, version in zip(result.configs, result.versions, strict=True):
        if not config.lintable and load_stop(config, version) is None:
            reason = next((f.message for f in config.findings), "it cannot be loaded")
            return f"{result.path}: cannot explain: {reason}"
    return None


def _as_version(result: FileResult, index: int, config: FlinkConfig,
                version: FlinkVersion) -> tuple[FlinkConfig, bool]:
    """The configuration as Flink ``version`` reads it; True when it is the migrated file."""
    settings = result.settings
    if config.kind is FileKind.LEGACY and not version.reads_legacy_file:
        from flinklint.migration import Settings, migrate

        migrated = migrate(config.text, Settings(version), config.path)
        if migrated.complete:
            name = str(Path(config.path).with_name("config.yaml"))
            [loaded] = load_text(migrated.text, FileKind.YAML, name, version=version,
                                 defines=keys_defined(settings.define))
            return prepare(loaded, settings.deployment, settings.define), True
    configs = load_configs(Path(result.path), settings, version, result.data) or []
    return (configs[index] if index < len(configs) else config), False


class _Output:
    def __init__(self, args: argparse.Namespace) -> None:
        self.format = args.format
        self.terminal = use_color(args.color, sys.stdout)
        self.parts: list[Any] = []
        self.panels: list[Any] = []
        self.paths: list[str] = []

    def add(self, result: FileResult, config: FlinkConfig, version: FlinkVersion,
            judged: Verdict, comparison: Comparison | None, notes: list[Note]) -> None:
        from flinklint.report import explain as report

        path = result.path
        if self.format == "json":
            document = report.explain_json(path, version, config.effective, judged, notes)
            add_json(document, _overrides(config, version))
            operator = _operator(config)
            if operator is not None:  # the layout that operator release deploys
                document["operator_version"] = operator
            if comparison is not None:
                from flinklint.report.explain_compare import compare_json

                document["compare"] = compare_json(comparison)
            self.parts.append(document)
        elif self.format == "markdown":
            from flinklint.report import explain_markdown as md

            self.parts.append(md.explain_markdown(path, version, judged) if comparison is None
                              else md.compare_markdown(path, comparison))
        elif self.format == "svg":
            from flinklint.report.explain_compare import header
            from flinklint.report.explain_svg import Panel, compare_panels

            self.paths.append(path)
            if comparison is None:
                self.panels.append([Panel(f"Flink {version}", judged)])
            else:
                self.panels.append(compare_panels(comparison))
                self.paths[-1] = header(path, comparison)
        elif comparison is not None:
            from flinklint.report.explain_compare import compare_text

            self.parts.append(compare_text(path, comparison, terminal=self.terminal))
        else:
            text = report.explain_text(path, version, config.effective, judged,
                                       lines=_line_of(config), terminal=self.terminal,
                                       notes=notes)
            text = add_text(text, _overrides(config, version))
            operator = _operator(config)
            if operator is not None:  # the layout that operator release deploys
                text = text.replace(f"(Flink {version}, ", f"(Flink {version}, "
                                    f"operator {operator}, ", 1)
            self.parts.append(text)

    def write(self) -> None:
        if self.format == "json" and self.parts:
            shown: Any = self.parts[0] if len(self.parts) == 1 else self.parts
            sys.stdout.write(json.dumps(shown, indent=2) + "\n")
        elif self.format == "svg" and self.panels:
            from flinklint.report.explain_svg import explain_svg

            # one picture: the first configuration (an SVG file holds one image)
            sys.stdout.write(explain_svg(self.paths[0], self.panels[0]))
        elif self.parts:
            sys.stdout.write("\n".join(self.parts))


def explain_paths(args: argparse.Namespace, results: list[FileResult]) -> int:
    if not results:
        print("flinklint: no Flink configuration found in the given paths", file=sys.stderr)
        return EXIT_BAD_INPUT
    output = _Output(args)
    compare: FlinkVersion | None = getattr(args, "compare", None)
    status = EXIT_OK
    for result in results:
        problem = _unreadable(result)
        if problem is not None:
            print(f"flinklint: {problem}", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        for index, (config, version) in enumerate(
                zip(result.configs, result.versions, strict=True)):
            judged = _in_file(judge(config, version), config)
            comparison = None
            if compare is not None:
                comparison = _compare(result, index, config, version, judged, compare)
            failed = judged.failed or (comparison is not None and comparison.b.failed)
            if failed and status == EXIT_OK:
                status = EXIT_REFUSED
            notes = _notes(config, version, result.settings.rule_options())
            output.add(result, config, version, judged, comparison, notes)
    if args.format == "svg" and len(output.panels) > 1:
        print(f"flinklint: --format svg draws one configuration; showing {output.paths[0]}",
              file=sys.stderr)
    output.write()
    return status


def _compare(result: FileResult, index: int, config: FlinkConfig, version: FlinkVersion,
             judged: Verdict, other: FlinkVersion) -> Comparison:
    from flinklint.report.explain_compare import Comparison, key_changes

    config_b, migrated = _as_version(result, index, config, other)
    changes = tuple(replace(change, line=_file_line(config, change.line))
                    for change in key_changes(config, version, other))
    return Comparison(version, other, judged, _in_file(judge(config_b, other), config_b),
                      migrated, changes)
