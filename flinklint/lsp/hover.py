"""What hovering over a key shows: the option as the target version knows it, and for a memory
option the size Flink gives its component and the layout of the process around it.

The memory numbers are those of ``flinklint explain --format json`` (:func:`explain_json` on the
same resolver run); the option facts those of the catalog (type, default, deprecation, removal)
and, for the text, Flink's own description of the option (``flinklint/data/option_docs.json``,
made by ``tools/make_option_docs.py``).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from flinklint.catalog import catalog
from flinklint.findings import Span
from flinklint.flink_config import Entry, FlinkConfig, Source
from flinklint.lint.file import FileResult
from flinklint.memory import options as opt
from flinklint.records import dataclass
from flinklint.report.explain import process_json
from flinklint.rules.advice import judge
from flinklint.values.units import human
from flinklint.versions import SUPPORTED, FlinkVersion

TITLE = {"taskmanager": "TaskManager", "jobmanager": "JobManager"}
LABEL = {
    "total_process": "Total process memory",
    "total_flink": "Total Flink memory",
    "framework_heap": "Framework heap",
    "task_heap": "Task heap",
    "framework_off_heap": "Framework off-heap",
    "task_off_heap": "Task off-heap",
    "managed": "Managed memory",
    "network": "Network memory",
    "jvm_heap": "JVM heap",
    "off_heap": "Off-heap memory",
    "jvm_metaspace": "JVM metaspace",
    "jvm_overhead": "JVM overhead",
}


def _component_table() -> dict[str, tuple[str, str]]:
    """Memory option key (with its fallback keys) -> (process, component)."""
    table = {
        "taskmanager": {
            "total_process": (opt.TM_PROCESS,),
            "total_flink": (opt.TM_FLINK,),
            "framework_heap": (opt.TM_FRAMEWORK_HEAP,),
            "task_heap": (opt.TM_TASK_HEAP,),
            "framework_off_heap": (opt.TM_FRAMEWORK_OFF_HEAP,),
            "task_off_heap": (opt.TM_TASK_OFF_HEAP,),
            "managed": (opt.TM_MANAGED, opt.TM_MANAGED_FRACTION),
            "network": (opt.TM_NETWORK_MIN, opt.TM_NETWORK_FRACTION,
                        opt.tm_network_max(SUPPORTED[-1])),
            "jvm_metaspace": (opt.TM_METASPACE,),
            "jvm_overhead": (opt.TM_OVERHEAD_MIN, opt.TM_OVERHEAD_MAX, opt.TM_OVERHEAD_FRACTION),
        },
        "jobmanager": {
            "total_process": (opt.JM_PROCESS,),
            "total_flink": (opt.JM_FLINK,),
            "jvm_heap": (opt.JM_HEAP,),
            "off_heap": (opt.JM_OFF_HEAP,),
            "jvm_metaspace": (opt.JM_METASPACE,),
            "jvm_overhead": (opt.JM_OVERHEAD_MIN, opt.JM_OVERHEAD_MAX, opt.JM_OVERHEAD_FRACTION),
        },
    }
    keys: dict[str, tuple[str, str]] = {}
    for process, components in table.items():
        for component, options in components.items():
            for option in options:
                for key in (option.key, *option.deprecated):
                    keys[key] = (process, component)
    return keys


@functools.cache
def memory_keys() -> dict[str, tuple[str, str]]:
    return _component_table()


@functools.cache
def _docs() -> dict[str, list[list[Any]]]:
    path = Path(__file__).resolve().parent.parent / "data" / "option_docs.json"
    try:
        data: dict[str, list[list[Any]]] = json.loads(path.read_bytes())["docs"]
    except (OSError, ValueError, KeyError):
        return {}
    return data


def description(key: str, version: FlinkVersion) -> str | None:
    """Flink's description of option ``key`` in ``version`` (the nearest version describing it)."""
    texts = _docs().get(key)
    if not texts:
        return None
    index = SUPPORTED.index(version) if version in SUPPORTED else len(SUPPORTED) - 1
    for distance in range(len(SUPPORTED)):
        for candidate in (index - distance, index + distance):
            if 0 <= candidate < len(SUPPORTED):
                for mask, text in texts:
                    if mask >> candidate & 1:
                        return str(text)
    return str(texts[-1][1])


@dataclass(frozen=True, slots=True)
class Hover:
    markdown: str
    span: Span


def _contains(span: Span | None, line: int, column: int) -> bool:
    if span is None:
        return False
    return (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column)


def entry_at(result: FileResult, line: int, column: int) -> tuple[int, Entry, Span] | None:
    """The entry written at ``line``:``column``: (index of its configuration, entry, span)."""
    for index, config in enumerate(result.configs):
        for entry in config.entries:
            if entry.source is Source.DEFINE:
                continue
            for span in (entry.key_span, entry.value_span):
                if span is not None and config.embedding is not None:
                    span = config.embedding.span(span)  # a file inside a ConfigMap
                if span is not None and _contains(span, line, column):
                    return index, entry, span
    return None


def hover(result: FileResult, line: int, column: int) -> Hover | None:
    """The hover for position ``line``:``column`` (1-based, code points), None if none."""
    found = entry_at(result, line, column)
    if found is None:
        return None
    index, entry, span = found
    config, version = result.configs[index], result.versions[index]
    parts = [option_text(entry, version)]
    memory = memory_text(config, version, entry.key)
    if memory:
        parts.append(memory)
    return Hover("\n\n---\n\n".join(parts), span)


_TYPES = {
    "bool": "boolean", "int": "integer", "long": "long integer", "float": "float",
    "double": "double", "str": "string", "dur": "duration", "mem": "memory size",
    "map": "map", "enum": "enumeration",
}  # fmt: skip


def type_name(code: str) -> str:
    if code.startswith("list:"):
        return f"list of {type_name(code[5:])}"
    return _TYPES.get(code, code or "any")


def option_text(entry: Entry, version: FlinkVersion) -> str:
    """The facts of the option an entry sets (see :func:`key_text`)."""
    return key_text(entry.key, version, operator=entry.source is Source.OPERATOR)


def key_text(key: str, version: FlinkVersion, operator: bool = False) -> str:
    """The option's facts for ``version``: type, default, deprecation, and Flink's description.
    ``operator``: the key is set by the Kubernetes operator from a field of the manifest."""
    cat = catalog()
    info = cat.lookup(key, version)
    lines = [f"**`{key}`** (Flink {version})"]
    if operator:
        lines.append("Set by the Kubernetes operator from this field of the manifest.")
    if info is None:
        removal = cat.removed_in(key, version)
        if removal is not None:
            instead = f"; use `{removal.replacement}`" if removal.replacement else ""
            lines.append(f"Removed: Flink {removal.last} was the last to read it, "
                         f"Flink {version} ignores it{instead}.")
            if removal.note:
                lines.append(removal.note)
        else:
            guess = cat.suggest(key, version)
            hint = f" Did you mean `{guess[0]}`?" if guess else ""
            lines.append(f"Not an option of Flink {version}: Flink ignores it.{hint}")
        return "\n\n".join(lines)
    facts = [f"Type: {type_name(info.type)}"]
    if info.values:
        facts.append("Values: " + ", ".join(f"`{v}`" for v in info.values))
    if info.family is None:
        facts.append(f"Default: `{info.default}`" if info.default is not None else "Default: none")
    else:
        facts.append(f"Read by prefix: `{info.family}`" + (f" ({info.note})" if info.note else ""))
    lines.append("  \n".join(facts))
    deprecation = cat.deprecation(key, version)
    if deprecation is not None:
        instead = f"; use `{deprecation.replacement}`" if deprecation.replacement else ""
        lines.append(f"**Deprecated** in Flink {version}{instead}." + (
            f" {deprecation.note}" if deprecation.note else ""))
    text = (description(info.main, version) if info.main != key else None) or description(
        key, version)
    if text:
        lines.append(text)
    return "\n\n".join(lines)


def _component_of(models: dict[str, Any], key: str) -> tuple[str, str] | None:
    """The (process, component) whose value ``key`` gave, else the one it configures."""
    for process, model in models.items():
        for name, component in model.components.items():
            if component.key == key and component.origin in ("explicit", "fallback", "legacy"):
                return process, name
    return memory_keys().get(key)


def memory_text(config: FlinkConfig, version: FlinkVersion, key: str) -> str | None:
    """The component ``key`` sizes and its process's layout, as ``explain --format json``."""
    if not key.startswith(("taskmanager.", "jobmanager.")) or not config.lintable:
        return None
    judged = judge(config, version)  # what explain shows: the same verdict, the same numbers
    verdicts = {"taskmanager": judged.taskmanager, "jobmanager": judged.jobmanager}
    found = _component_of({p: v.model for p, v in verdicts.items()}, key)
    if found is None:
        return None
    process, name = found
    shown = process_json(verdicts[process])
    if not shown["ok"]:
        error = shown["error"]
        said = f"\n\nFlink says: `{error['flink_message']}`" if error["flink_message"] else ""
        code = f"{error['code']}: " if error["code"] else ""
        return f"**{TITLE[process]}: Flink does not start it**\n\n{code}{error['message']}{said}"
    return _layout(process, name, shown["memory"], verdicts[process].model)


def _layout(process: str, name: str, memory: dict[str, int], model: Any) -> str:
    component = model.components[name]
    lines = [f"**{TITLE[process]} {LABEL[name].lower()}: {human(memory[name])}**",
             f"From: {_provenance(component)}", "",
             f"| {TITLE[process]} | bytes | size | from |", "|---|--:|--:|---|"]
    for part, size in memory.items():
        label = f"**{LABEL[part]}**" if part == name else LABEL[part]
        lines.append(f"| {label} | {size} | {_short(size)} | "
                     f"{_provenance(model.components[part])} |")
    return "\n".join(lines)


def _short(size: int) -> str:
    text = human(size)
    return text.split(" (", 1)[0]


def _provenance(component: Any) -> str:
    origin = str(component.origin)
    if origin == "default":
        return f"default of `{component.key}`" if component.key else "default"
    if origin == "derived":
        return f"derived: {component.basis}" if component.basis else "derived"
    note = {"fallback": " (deprecated key)", "legacy": " (legacy key)"}.get(origin, "")
    return f"`{component.key}`{note}"
