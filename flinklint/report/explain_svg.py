"""``flinklint explain --format svg``: the memory layout drawn to scale, as one standalone SVG.

Each process is drawn as nested boxes, the way Flink's memory documentation draws it: the
process memory holds the Flink memory (JVM heap: framework and task heap; off-heap: managed
memory and direct memory, which holds framework and task off-heap and network), with JVM
metaspace and JVM overhead beside it. A box's width is its share of the largest process drawn,
so every process of the picture (and both versions of a comparison) shares one scale. A box
wide enough carries its name and size; a narrower one is named below the chart on a leader
line. Every box has a ``<title>`` (a tooltip in browsers) with its name and exact bytes.

The outline and fill tell where a value came from: set in the configuration, Flink's default,
derived from other values, or silently adjusted by Flink to its minimum or maximum. A process
Flink does not start is a red box with Flink's message and the finding ``check`` reports.

The file fetches nothing: no scripts, fonts, images, links or stylesheets; text uses the
viewer's own sans-serif font, and widths are estimated generously so that labels fit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from flinklint.memory.failures import compact
from flinklint.memory.model import Origin, ProcessModel
from flinklint.records import dataclass
from flinklint.report.explain_layout import (
    CLAMPED,
    JM_TREE,
    TITLES,
    TM_TREE,
    Node,
    label_of,
    provenance,
)
from flinklint.verdict import ProcessVerdict, Stop, Verdict

TYPE_CHECKING = False
if TYPE_CHECKING:
    from flinklint.report.explain_compare import Comparison

_FILL = {
    "total_process": "#f3f4f6", "total_flink": "#e8eef6", "jvm_heap": "#d6e6f7",
    "off_heap": "#e2f1e6", "direct": "#fbeedd", "framework_heap": "#8dbbe8",
    "task_heap": "#b5d3f2", "managed": "#94d3a8", "framework_off_heap": "#f2b47c",
    "task_off_heap": "#f7cfa6", "network": "#f2d98a", "jvm_metaspace": "#c6b2e3",
    "jvm_overhead": "#d2d2d2",
}  # fmt: skip
_JM_LEAF = {"jvm_heap": "#8dbbe8", "off_heap": "#f2b47c"}
_SET = (Origin.EXPLICIT, Origin.FALLBACK, Origin.LEGACY)

CHART = 600  # width of the widest process, in pixels
LABELS = 280  # room right of the chart for the names of narrow boxes
PANEL = CHART + LABELS
MARGIN = 24
ROW = 36  # height of one level of nesting
FONT = 12
CHAR = 7.0  # a generous estimate of one character's width at FONT (no font is fetched)
CALLOUT = 16
_TEXT = "#1f2328"
_RED = "#cf222e"


@dataclass(frozen=True, slots=True)
class Panel:
    """One configuration as one Flink version resolves it: a column of the picture."""

    title: str
    verdict: Verdict
    note: str = ""  # under the title
    lines: tuple[str, ...] = ()  # under the processes (a comparison's changes)


def _esc(text: str) -> str:
    """Text as XML character data: escaped, control characters and surrogates replaced."""
    out = []
    for ch in text:
        code = ord(ch)
        if (code < 0x20 and ch not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code in (
            0xFFFE, 0xFFFF
        ):
            out.append("\ufffd")
        else:
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}.get(ch, ch))
    return "".join(out)


def _width(text: str, bold: bool = False) -> float:
    return len(text) * (CHAR + (0.6 if bold else 0))


def _wrap(text: str, width: float) -> list[str]:
    """Words of ``text`` in lines of at most ``width`` pixels (a long word is cut)."""
    per_line = max(10, int(width / CHAR))
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > per_line:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        candidate = f"{current} {word}" if current else word
        if len(candidate) > per_line:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def _size(model: ProcessModel, parts: tuple[str, ...]) -> int:
    return sum(model.size(part) for part in parts)


def _kind(model: ProcessModel, node_id: str) -> str:
    """``set``, ``default``, ``derived`` or ``sum`` (a box no option sizes by itself)."""
    component = model.components.get(node_id)
    if component is None:
        return "sum"
    if component.origin in _SET:
        return "set"
    return "default" if component.origin is Origin.DEFAULT else "derived"


@dataclass(frozen=True, slots=True)
class _Box:
    node_id: str
    label: str
    size: int
    x: float
    width: float
    depth: int
    leaf: bool


def _boxes(node: Node, model: ProcessModel, x: float, scale: float, depth: int) -> Iterator[_Box]:
    node_id, label, parts, children = node
    size = _size(model, parts)
    yield _Box(node_id, label, size, x, size * scale, depth, not children)
    offset = x
    for child in children:
        yield from _boxes(child, model, offset, scale, depth + 1)
        offset += _size(model, child[2]) * scale


def _depth(node: Node) -> int:
    return 1 + max((_depth(child) for child in node[3]), default=0)


class _Canvas:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, text: str) -> None:
        self.parts.append(text)

    def text(self, x: float, y: float, content: str, *, size: int = FONT, bold: bool = False,
             colour: str = _TEXT, anchor: str = "start") -> None:
        weight = ' font-weight="600"' if bold else ""
        end = ' text-anchor="end"' if anchor == "end" else (
            ' text-anchor="middle"' if anchor == "middle" else "")
        self.add(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}"{weight}{end} '
                 f'fill="{colour}">{_esc(content)}</text>')


def _process_title(judged: ProcessVerdict) -> str:
    title = TITLES[judged.process]
    if judged.stop is not None:
        return f"{title}: does not start"
    return f"{title}: {compact(judged.model.size('total_process'))}"


def _draw_process(canvas: _Canvas, judged: ProcessVerdict, x0: float, y0: float,
                  scale: float) -> float:
    """Draw one process at (x0, y0); return the height used."""
    canvas.text(x0, y0 + 15, _process_title(judged), size=14, bold=True,
                colour=_RED if judged.stop is not None else _TEXT)
    y = y0 + 24
    if judged.stop is not None:
        return 24 + _draw_stop(canvas, judged.process, judged.stop, x0, y)
    model = judged.model
    tree = TM_TREE if judged.process == "taskmanager" else JM_TREE
    rows = _depth(tree)
    clamped = {CLAMPED.get(c.component, c.component) for c in model.clamps}
    boxes = list(_boxes(tree, model, x0, scale, 0))
    bottom = y + rows * ROW
    narrow: list[_Box] = []
    canvas.add(f'<g class="process" id="{judged.process}">')
    for box in boxes:
        top = y + box.depth * ROW
        fits = _draw_box(canvas, box, model, top, bottom, judged.process)
        if not fits:
            narrow.append(box)
    for box in boxes:  # outlines last, so that no nested box hides them
        _outline(canvas, box, _kind(model, box.node_id), box.node_id in clamped,
                 y + box.depth * ROW, bottom)
    canvas.add("</g>")
    height: float = rows * ROW + 6
    narrow.sort(key=lambda b: -(b.x + b.width / 2))
    for index, box in enumerate(narrow):
        line_y = bottom + 6 + (index + 1) * CALLOUT
        cx = box.x + box.width / 2
        canvas.add(f'<path d="M{cx:.1f} {bottom:.1f} V{line_y - 4:.1f} H{cx + 6:.1f}" '
                   f'fill="none" stroke="#57606a" stroke-width="1"/>')
        canvas.text(cx + 9, line_y, f"{box.label} {compact(box.size)}")
        height = line_y - y + 6
    if model.jvm_args:
        canvas.text(x0, y + height + 12, model.jvm_args, size=11, colour="#57606a")
        height += 18
    return 24 + height


def _outline(canvas: _Canvas, box: _Box, kind: str, adjusted: bool, top: float,
             bottom: float) -> None:
    """The outline that marks a value set in the configuration or adjusted by Flink."""
    if adjusted:
        stroke, width, dash = _RED, 2.5, ' stroke-dasharray="5 3"'
    elif kind == "set":
        stroke, width, dash = "#1f2328", 2.0, ""
    else:
        return
    inset = width / 2
    canvas.add(f'<rect class="outline" data-component="{box.node_id}" x="{box.x + inset:.2f}" '
               f'y="{top + inset:.1f}" width="{max(box.width - 2 * inset, 0.0):.2f}" '
               f'height="{bottom - top - 2 * inset:.1f}" fill="none" stroke="{stroke}" '
               f'stroke-width="{width}"{dash}/>')


def _draw_box(canvas: _Canvas, box: _Box, model: ProcessModel, top: float, bottom: float,
              process: str) -> bool:
    """One box with its tooltip; returns whether its label fits inside it."""
    kind = _kind(model, box.node_id)
    fill = (_JM_LEAF.get(box.node_id) if process == "jobmanager" else None) or _FILL.get(
        box.node_id, "#eeeeee")
    component = model.components.get(box.node_id)
    tip = f"{box.label}: {box.size} bytes ({compact(box.size)})"
    if component is not None:
        tip += f"; {provenance(component)}"
    clamp = next((c for c in model.clamps if CLAMPED.get(c.component) == box.node_id), None)
    if clamp is not None:
        side = "minimum" if clamp.bound == "min" else "maximum"
        tip += (f"; adjusted by Flink to its {side} ({clamp.key}): derived "
                f"{clamp.derived} bytes, used {clamp.used} bytes")
    height = bottom - top
    source = kind + (" adjusted" if clamp is not None else "")
    canvas.add(f'<g class="box" data-component="{box.node_id}" data-bytes="{box.size}" '
               f'data-source="{source}">')
    canvas.add(f"<title>{_esc(tip)}</title>")
    canvas.add(f'<rect x="{box.x:.2f}" y="{top:.1f}" width="{box.width:.2f}" '
               f'height="{height:.1f}" fill="{fill}" stroke="#ffffff" stroke-width="1"/>')
    if kind == "derived":
        canvas.add(f'<rect x="{box.x:.2f}" y="{top:.1f}" width="{box.width:.2f}" '
                   f'height="{ROW if not box.leaf else height:.1f}" fill="url(#derived)"/>')
    name, size = box.label, compact(box.size)
    fits = max(_width(name, bold=True), _width(size)) + 10 <= box.width
    if fits:
        canvas.text(box.x + 5, top + 15, name, bold=True)
        canvas.text(box.x + 5, top + 29, size)
    canvas.add("</g>")
    return fits


def _draw_stop(canvas: _Canvas, process: str, stop: Stop, x0: float, y: float) -> float:
    lines: list[tuple[str, bool]] = []
    where = "while loading the file" if stop.stage == "load" else "while resolving its memory"
    lines.append((f"Flink stops {where}." if stop.severity == "error" else
                  "Sized at deploy time." if stop.stage == "deploy" else
                  "Flink does not start it with this file alone.", True))
    if stop.flink_message:
        lines += [(line, False) for line in _wrap(f"Flink says: {stop.flink_message}",
                                                  PANEL - 20)]
    at = f" (line {stop.line})" if stop.line else ""
    advice = f"{stop.code}{at}: {stop.message}" if stop.code else stop.message
    lines += [(line, False) for line in _wrap(advice, PANEL - 20)]
    height = 14 + 16 * len(lines)
    tip = f"{TITLES[process]} does not start: {stop.flink_message or stop.message}"
    canvas.add(f'<g class="stopped" id="{process}"><title>{_esc(tip)}</title>')
    colour = _RED if stop.severity == "error" else "#9a6700"
    canvas.add(f'<rect x="{x0:.1f}" y="{y:.1f}" width="{PANEL - 4}" height="{height}" rx="4" '
               f'fill="#ffebe9" stroke="{colour}" stroke-width="2"/>')
    for index, (line, bold) in enumerate(lines):
        canvas.text(x0 + 10, y + 20 + 16 * index, line, bold=bold,
                    colour=colour if bold else _TEXT)
    canvas.add("</g>")
    return height + 10


_LEGEND = (
    ("set", "set in the configuration"),
    ("default", "Flink's default"),
    ("derived", "derived from other values"),
    ("adjusted", "silently adjusted by Flink (raised to its minimum or lowered to its maximum)"),
)


def _legend(canvas: _Canvas, x: float, y: float) -> float:
    for index, (kind, label) in enumerate(_LEGEND):
        top = y + index * 20
        stroke = {"set": ('#1f2328', 2.0, ""), "adjusted": (_RED, 2.5, ' stroke-dasharray="5 3"')
                  }.get(kind, ("#ffffff", 1.0, ""))
        canvas.add(f'<g class="legend" data-source="{kind}">')
        canvas.add(f'<rect x="{x + 1:.1f}" y="{top + 1:.1f}" width="26" height="14" '
                   f'fill="#b5d3f2" stroke="{stroke[0]}" stroke-width="{stroke[1]}"{stroke[2]}/>')
        if kind == "derived":
            canvas.add(f'<rect x="{x + 1:.1f}" y="{top + 1:.1f}" width="26" height="14" '
                       f'fill="url(#derived)"/>')
        canvas.text(x + 36, top + 12, label)
        canvas.add("</g>")
    return 4 * 20


_DEFS = (
    '<defs><pattern id="derived" width="8" height="8" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="3" height="8" fill="#ffffff" '
    'fill-opacity="0.45"/></pattern></defs>'
)


def _scale(panels: Sequence[Panel]) -> float:
    sizes = [p.model.size("total_process") for panel in panels for p in panel.verdict
             if p.starts]
    largest = max(sizes, default=0)
    return CHART / largest if largest else 0.0


def explain_svg(path: str, panels: Sequence[Panel]) -> str:
    """The picture: one column per panel (one for ``explain``, two for ``--compare``).

    Columns share one scale, and each process starts at the same height in every column."""
    canvas = _Canvas()
    scale = _scale(panels)
    lefts = [MARGIN + column * (PANEL + MARGIN) for column in range(len(panels))]
    heading = _wrap(f"{path}: memory layout", len(panels) * (PANEL + MARGIN) * 0.8)
    for index, line in enumerate(heading):
        canvas.text(MARGIN, MARGIN + 6 + 20 * index, line, size=16, bold=True)
    notes = [_wrap(panel.note, PANEL) if panel.note else [] for panel in panels]
    y: float = MARGIN + 14 + 20 * len(heading)
    for x0, panel in zip(lefts, panels, strict=True):
        canvas.text(x0, y, panel.title, size=15, bold=True)
    for x0, lines in zip(lefts, notes, strict=True):
        for index, line in enumerate(lines):
            canvas.text(x0, y + 16 * (index + 1), line, size=11, colour="#57606a")
    y += 18 + 16 * max(len(lines) for lines in notes)
    for index in range(2):
        used = [_draw_process(canvas, list(panel.verdict)[index], x0, y, scale)
                for x0, panel in zip(lefts, panels, strict=True)]
        y += max(used) + 14
    extra = [panel.lines for panel in panels]
    for x0, below in zip(lefts, extra, strict=True):
        for index, line in enumerate(below):
            canvas.text(x0, y + 16 * index + 4, line)
    y += 16 * max(len(below) for below in extra) + (8 if any(extra) else 0)
    y += _legend(canvas, MARGIN, y) + MARGIN
    width = MARGIN + len(panels) * (PANEL + MARGIN)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y:.0f}" '
            f'viewBox="0 0 {width} {y:.0f}" font-family="-apple-system, BlinkMacSystemFont, '
            f"'Segoe UI', Helvetica, Arial, sans-serif\" role=\"img\">")
    title = f"<title>{_esc(path)}: TaskManager and JobManager memory layout</title>"
    background = f'<rect width="{width}" height="{y:.0f}" fill="#ffffff"/>'
    return "\n".join([head, title, _DEFS, background, *canvas.parts, "</svg>"]) + "\n"


def compare_panels(comparison: Comparison) -> list[Panel]:
    """The two columns of a comparison: the keys read differently under A, changes under B."""
    from flinklint.report.explain_compare import MIGRATED, changes, delta

    before, after = comparison.before, comparison.after
    keys = "; ".join(f"{k.key} (line {k.line}): {k.describe(before, after)}"
                     for k in comparison.keys)
    note = (f"Flink {after} reads only config.yaml: this side is {MIGRATED}."
            if comparison.migrated else "")
    lines = [f"Changes from Flink {before}:"]
    for change in changes(comparison):
        old, new = change["from"], change["to"]
        sizes = " -> ".join("does not start" if x is None else compact(x) for x in (old, new))
        name = label_of(change["process"], change["component"])
        lines.append(f"{TITLES[change['process']]} {name}: {sizes} "
                     f"{delta(old, new)}".rstrip())
    if len(lines) == 1:
        lines.append("none: every component is the same size")
    return [Panel(f"Flink {before}", comparison.a,
                  f"Keys read differently: {keys}" if keys else ""),
            Panel(f"Flink {after}", comparison.b, note, tuple(lines))]
