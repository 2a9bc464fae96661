"""``flinklint explain``: load each file, resolve both processes, print the layout.

One JSON object per configuration (an array when there is more than one: several files, or a
manifest with several documents). Exit code 0 when every process resolves, 1 when Flink would
refuse one, 2 when a file cannot be read as a Flink configuration at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from flinklint.flink_config import FlinkConfig
from flinklint.lint.file import FileResult
from flinklint.memory.model import ProcessModel
from flinklint.report.explain import Advice, JvmOverride, explain_json, explain_text
from flinklint.versions import FlinkVersion

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT = 0, 1, 2


def _advisor(config: FlinkConfig, version: FlinkVersion) -> Any:
    def advise(process: str, model: ProcessModel) -> Advice | None:
        if model.failure is None:
            return None
        from flinklint.rules.shared.memory import advice_for

        try:
            code, line, message = advice_for(model.failure, config, process, version)
        except Exception:  # a bug in a rule's advice must not hide Flink's own message
            return None
        return Advice(code, line, message) if code else None

    return advise


def _overrides(config: FlinkConfig, version: FlinkVersion) -> dict[str, list[JvmOverride]]:
    """Memory flags of ``env.java.opts*`` that replace Flink's own (what FL331 reports)."""
    from flinklint.engine.rule import Context
    from flinklint.rules.java_opts_memory_flag import overrides

    found: dict[str, list[JvmOverride]] = {}
    try:
        for process, piece, user, flink in overrides(Context(config, version)):
            line = piece.entry.line if piece.entry.value_span is not None else None
            found.setdefault(process.value, []).append(
                JvmOverride(user.text, flink.text, piece.key, line))
    except Exception:  # a bug in the launcher model must not hide the memory layout
        return {}
    return found


def _line_of(config: FlinkConfig) -> Any:
    def line(key: str) -> int | None:
        entry = config.last(key)
        return entry.line if entry is not None else None

    return line


def _unreadable(result: FileResult) -> str | None:
    """Why a file cannot be explained, or None."""
    if not result.configs:
        return f"{result.path}: not a Flink configuration"
    for config in result.configs:
        if not config.lintable:
            reason = next((f.message for f in config.findings), "it cannot be loaded")
            return f"{result.path}: cannot explain: {reason}"
    return None


def explain_paths(args: argparse.Namespace, results: list[FileResult]) -> int:
    from flinklint.cli import use_color
    from flinklint.memory import resolve

    if not results:
        print("flinklint: no Flink configuration found in the given paths", file=sys.stderr)
        return EXIT_BAD_INPUT
    documents: list[dict[str, Any]] = []
    texts: list[str] = []
    status = EXIT_OK
    for result in results:
        problem = _unreadable(result)
        if problem is not None:
            print(f"flinklint: {problem}", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        for config, version in zip(result.configs, result.versions, strict=True):
            tm, jm = resolve(config, version)
            if (not tm.ok or not jm.ok) and status == EXIT_OK:
                status = EXIT_REFUSED
            advise = _advisor(config, version)
            overrides = _overrides(config, version)
            if args.format == "json":
                documents.append(explain_json(result.path, version, config.effective, tm, jm,
                                              advise=advise, overrides=overrides))
            else:
                texts.append(explain_text(result.path, version, config.effective, tm, jm,
                                          lines=_line_of(config), advise=advise,
                                          terminal=use_color(args.color, sys.stdout),
                                          overrides=overrides))
    if args.format == "json" and documents:
        shown: Any = documents[0] if len(documents) == 1 else documents
        sys.stdout.write(json.dumps(shown, indent=2) + "\n")
    elif texts:
        sys.stdout.write("\n".join(texts))
    return status
