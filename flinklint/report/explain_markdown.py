"""``flinklint explain --format markdown``: the memory layout as GitHub-flavoured Markdown.

One table per process, nested as in the SVG (process > Flink memory > heap / off-heap >
components, metaspace and overhead beside), with each box's size, exact bytes, share of the
process and where its value came from; for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.
A process Flink does not start shows Flink's message and the finding ``check`` reports. With
``--compare``, one table per process with both versions' bytes and the change.

Text from the file (keys, values in messages) is escaped: no HTML, no table breaks, code spans
that hold backticks.
"""

from __future__ import annotations

from flinklint.memory.failures import compact
from flinklint.memory.model import Component
from flinklint.report.explain_compare import MIGRATED, Comparison, changes, delta, table
from flinklint.report.explain_layout import CLAMPED, TITLES, provenance, rows, tree_of
from flinklint.verdict import ProcessVerdict, Stop, Verdict
from flinklint.versions import FlinkVersion

_INDENT = "\u2003"  # an em space: Markdown keeps it at the start of a cell


def _text(text: str) -> str:
    """Plain text for a table cell or a paragraph: one line, nothing Markdown or HTML reads."""
    text = "".join(" " if ch in "\r\n\t\v\f" else ch for ch in text)
    for ch, escaped in (("\\", "\\\\"), ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"),
                        ("|", "\\|"), ("*", "\\*"), ("_", "\\_"), ("`", "\\`"), ("[", "\\["),
                        ("]", "\\]")):
        text = text.replace(ch, escaped)
    return text


def _code(text: str) -> str:
    """A code span that holds ``text`` whatever backticks it contains."""
    text = " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;")
    fence = "`"
    while fence in text:
        fence += "`"
    return f"{fence} {text} {fence}" if text.startswith("`") or text.endswith("`") else (
        f"{fence}{text}{fence}")


def _source(component: Component | None, adjusted: str) -> str:
    if component is None:
        return "sum"
    words, key = provenance(component), component.key
    if key and key in words:
        head, tail = words.split(key, 1)
        words = f"{_text(head)}{_code(key)}{_text(tail)}"
    else:
        words = _text(words)
    return f"{words}; {adjusted}" if adjusted else words


def _stop(title: str, stop: Stop) -> list[str]:
    where = "while loading the file" if stop.stage == "load" else "while resolving its memory"
    head = (f"**{title} does not start**: Flink stops {where}." if stop.severity == "error"
            else f"**{title} is sized at deploy time.**" if stop.stage == "deploy"
            else f"**{title} does not start with this file alone.**")
    out = [f"> {head}"]
    if stop.flink_message:
        out += [">", f"> Flink says: {_code(stop.flink_message)}"]
    at = f" (line {stop.line})" if stop.line else ""
    advice = f"**{stop.code}**{at}: {_text(stop.message)}" if stop.code else _text(stop.message)
    return [*out, ">", f"> {advice}"]


def _process(judged: ProcessVerdict) -> list[str]:
    title = TITLES[judged.process]
    if judged.stop is not None:
        return [f"#### {title}", "", *_stop(title, judged.stop), ""]
    model = judged.model
    total = model.size("total_process") or 1
    adjusted = {CLAMPED.get(clamp.component, clamp.component):
                f"**silently adjusted by Flink** from {clamp.derived} bytes ({_code(clamp.key)})"
                for clamp in model.clamps}
    out = [f"#### {title}: {compact(model.size('total_process'))}", "",
           "| Component | Size | Bytes | Share | Source |", "|---|---:|---:|---:|---|"]
    for depth, node, size in rows(model, tree_of(judged.process)):
        name = f"{_INDENT * depth}{node[1]}"
        name = f"**{name}**" if depth == 0 else name
        source = _source(model.components.get(node[0]), adjusted.get(node[0], ""))
        out.append(f"| {name} | {compact(size)} | {size} | {100 * size / total:.1f}% | "
                   f"{source} |")
    if model.jvm_args:
        out += ["", f"JVM arguments: {_code(model.jvm_args)}"]
    return [*out, ""]


def explain_markdown(path: str, version: FlinkVersion, judged: Verdict) -> str:
    out = [f"### {_code(path)}: memory layout with Flink {version}", ""]
    for process in judged:
        out += _process(process)
    return "\n".join(out)


def _compare_table(before: ProcessVerdict, after: ProcessVerdict, a: str, b: str) -> list[str]:
    out = [f"| Component | {a} (bytes) | {b} (bytes) | Change |", "|---|---:|---:|---|"]
    for depth, label, old, new in table(before, after):
        cells = ["—" if x is None else str(x) for x in (old, new)]
        text = f"{_INDENT * depth}{label}"
        text = f"**{text}**" if old != new else text
        out.append(f"| {text} | {cells[0]} | {cells[1]} | {delta(old, new)} |")
    return [*out, ""]


def compare_markdown(path: str, comparison: Comparison) -> str:
    a, b = f"Flink {comparison.before}", f"Flink {comparison.after}"
    title = f"### {_code(path)}: {a} compared with {b}"
    out = [title, ""]
    if comparison.migrated:
        out += [f"{b} reads only `config.yaml`: its side shows {MIGRATED}.", ""]
    for before, after in zip(comparison.a, comparison.b, strict=True):
        name = TITLES[before.process]
        out += [f"#### {name}", ""]
        if before.starts or after.starts:
            out += _compare_table(before, after, a, b)
        for version, judged in ((comparison.before, before), (comparison.after, after)):
            if judged.stop is not None:
                out += [f"{name} with Flink {version}:", "", *_stop(name, judged.stop), ""]
    count = len(changes(comparison))
    out.append(f"{count} component{'s' if count != 1 else ''} differ." if count
               else "Every component is the same size.")
    out.append("")
    if comparison.keys:
        out += [f"Keys {a} and {b} read differently:", ""]
        for key in comparison.keys:
            at = f" (line {key.line})" if key.line else ""
            out.append(f"- {_code(key.key)}{at}: "
                       f"{_text(key.describe(comparison.before, comparison.after))}")
        out.append("")
    return "\n".join(out)
