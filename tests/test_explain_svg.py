"""``explain --format svg``: a standalone picture, drawn to scale, with exact bytes in titles.

The SVG is parsed (structure, nesting, scale, titles, sources, a process that does not start,
text that needs escaping) and, where a Chromium is installed (Debian: ``apt-get install -y
chromium``), rendered headless to a PNG that must not be blank.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest

from flinklint.cli import main
from flinklint.report.explain import JM_MEMORY, TM_MEMORY
from flinklint.report.explain_layout import nodes, tree_of

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "examples" / "good" / "flink-conf.yaml"
NS = "{http://www.w3.org/2000/svg}"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["explain", "--isolated", *argv])
    return code, capsys.readouterr().out


def _svg(capsys: pytest.CaptureFixture[str], *argv: str) -> ElementTree.Element:
    code, out = _run(capsys, "--format", "svg", *argv)
    assert code in (0, 1)
    return ElementTree.fromstring(out)


def _boxes(root: ElementTree.Element, process: str) -> dict[str, ElementTree.Element]:
    group = next(g for g in root.iter(f"{NS}g") if g.get("id") == process)
    return {box.attrib["data-component"]: box for box in group.iter(f"{NS}g")
            if box.get("class") == "box"}


def _rect(box: ElementTree.Element) -> tuple[float, float]:
    """(x, width) of a box."""
    rect = box.find(f"{NS}rect")
    assert rect is not None
    return float(rect.attrib["x"]), float(rect.attrib["width"])


def test_fetches_nothing_and_runs_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, "--format", "svg", str(GOOD))
    assert code == 0
    root = ElementTree.fromstring(out)
    assert root.tag == f"{NS}svg"
    tags = {element.tag.removeprefix(NS) for element in root.iter()}
    assert tags <= {"svg", "title", "defs", "pattern", "rect", "g", "text", "path"}, tags
    for element in root.iter():
        for name, value in element.attrib.items():
            assert "href" not in name and "://" not in value, (name, value)
            assert "url(" not in value or value.startswith("url(#"), value
    assert "@import" not in out and "<script" not in out and "@font-face" not in out


def test_every_component_has_a_box_whose_title_holds_its_exact_bytes(
        capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(_run(capsys, "--format", "json", str(GOOD))[1])
    root = _svg(capsys, str(GOOD))
    for process, names in (("taskmanager", TM_MEMORY), ("jobmanager", JM_MEMORY)):
        boxes = _boxes(root, process)
        for name in names:
            size = document[process]["memory"][name]
            box = boxes[name]
            assert int(box.attrib["data-bytes"]) == size
            title = box.find(f"{NS}title")
            assert title is not None and title.text is not None
            assert f": {size} bytes (" in title.text, title.text
    tm = _boxes(root, "taskmanager")
    assert tm["network"].findtext(f"{NS}title", "").startswith(
        "Network Memory: 359703515 bytes (343.04mb); derived: ")


def test_boxes_are_nested_and_drawn_to_one_scale(capsys: pytest.CaptureFixture[str]) -> None:
    root = _svg(capsys, str(GOOD))
    scales = []
    for process in ("taskmanager", "jobmanager"):
        boxes = _boxes(root, process)
        for _, node in nodes(tree_of(process)):
            x, width = _rect(boxes[node[0]])
            size = int(boxes[node[0]].attrib["data-bytes"])
            if size:
                scales.append(width / size)
            left = x
            for child in node[3]:  # children side by side, inside the parent, in order
                child_x, child_width = _rect(boxes[child[0]])
                assert child_x == pytest.approx(left, abs=0.02)
                left = child_x + child_width
            if node[3]:
                assert left == pytest.approx(x + width, abs=0.05)
    assert max(scales) == pytest.approx(min(scales), rel=1e-3)  # one scale for both processes
    # the larger process (the TaskManager, 4g) is the full chart width
    assert _rect(_boxes(root, "taskmanager")["total_process"])[1] == pytest.approx(600, abs=0.01)


def test_boxes_say_where_each_value_came_from(capsys: pytest.CaptureFixture[str]) -> None:
    root = _svg(capsys, str(GOOD))
    tm, jm = _boxes(root, "taskmanager"), _boxes(root, "jobmanager")
    assert tm["total_process"].attrib["data-source"] == "set"
    assert tm["framework_heap"].attrib["data-source"] == "default"
    assert tm["managed"].attrib["data-source"] == "derived"  # 0.4 x Flink memory
    assert jm["jvm_overhead"].attrib["data-source"].endswith(" adjusted")  # raised to its min
    assert "adjusted by Flink to its minimum" in jm["jvm_overhead"].findtext(f"{NS}title", "")
    legend = [g.attrib["data-source"] for g in root.iter(f"{NS}g") if g.get("class") == "legend"]
    assert legend == ["set", "default", "derived", "adjusted"]
    outlined = {r.attrib["data-component"] for r in root.iter(f"{NS}rect")
                if r.get("class") == "outline"}
    assert {"total_process", "jvm_overhead"} <= outlined


def test_a_process_flink_does_not_start_is_drawn_with_flinks_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("taskmanager.memory.process.size: 2g\ntaskmanager.memory.process.size: 3g\n"
                    "jobmanager.memory.process.size: 1600m\n", encoding="utf-8")
    code, out = _run(capsys, "--format", "svg", str(path))
    assert code == 1
    root = ElementTree.fromstring(out)
    for process in ("taskmanager", "jobmanager"):
        group = next(g for g in root.iter(f"{NS}g") if g.get("id") == process)
        assert group.get("class") == "stopped"
        assert "Error parsing YAML configuration." in group.findtext(f"{NS}title", "")
        texts = " ".join(t.text or "" for t in group.iter(f"{NS}text"))
        assert "Flink says: Error parsing YAML configuration." in texts
        assert "FL002 (line 2): duplicate key" in texts
    assert not [g for g in root.iter(f"{NS}g") if g.get("class") == "box"]


def test_text_from_the_file_is_escaped(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a<b&c>" / "flink-conf.yaml"
    path.parent.mkdir()
    path.write_text("taskmanager.memory.process.size: 1g<\x01>&\njobmanager.memory.process.size:"
                    " 1600m\n", encoding="utf-8")
    code, out = _run(capsys, "--format", "svg", str(path))
    assert code == 1
    root = ElementTree.fromstring(out)  # well-formed despite <, &, > and a control character
    assert "a<b&c>" in (root.findtext(f"{NS}title") or "")
    assert "\x01" not in out


def test_compare_draws_both_versions_side_by_side_on_one_scale(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("taskmanager.memory.process.size: 4g\ntaskmanager.network.numberOfBuffers: "
                    "4096\njobmanager.memory.process.size: 1600m\n", encoding="utf-8")
    code, out = _run(capsys, "--format", "svg", "--flink-version", "1.20", "--compare", "2.0",
                     str(path))
    assert code == 0
    root = ElementTree.fromstring(out)
    groups = [g for g in root.iter(f"{NS}g") if g.get("id") == "taskmanager"]
    assert len(groups) == 2
    networks = [next(b for b in g.iter(f"{NS}g") if b.get("data-component") == "network")
                for g in groups]
    assert [int(b.attrib["data-bytes"]) for b in networks] == [134217728, 359703515]
    lefts = [_rect(next(b for b in g.iter(f"{NS}g") if b.get("data-component") ==
                        "total_process"))[0] for g in groups]
    assert lefts[1] > lefts[0] + 600  # the second column is beside the first
    texts = [t.text or "" for t in root.iter(f"{NS}text")]
    assert "TaskManager Network Memory: 128mb -> 343.04mb +215.04mb" in texts


# -- rendering in a real browser -------------------------------------------------------------


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB(A) rows of an 8-bit PNG (the format Chromium writes)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, header = 8, b"", b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        chunk = png[pos + 8:pos + 8 + length]
        header = chunk if kind == b"IHDR" else header
        data += chunk if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    step = 3 if colour == 2 else 4
    raw, rows, prior = zlib.decompress(data), [], bytearray(width * step)
    for y in range(height):
        start = y * (width * step + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + width * step])
        for i in range(len(row)):
            left = row[i - step] if i >= step else 0
            up, corner = prior[i], prior[i - step] if i >= step else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                best = min((abs(p - left), 0, left), (abs(p - up), 1, up),
                           (abs(p - corner), 2, corner))[2]
                row[i] = (row[i] + best) & 0xFF
        rows.append(bytes(row))
        prior = row
    return width, height, [bytes(r[i:i + 3]) for r in rows for i in range(0, len(r), step)]


@pytest.mark.skipif(_chromium() is None, reason="no Chromium installed (Debian: apt-get "
                    "install -y chromium); the SVG is still checked by parsing")
def test_a_browser_renders_the_picture(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    svg = tmp_path / "layout.svg"
    svg.write_text(_run(capsys, "--format", "svg", str(GOOD))[1], encoding="utf-8")
    png = tmp_path / "layout.png"
    browser = _chromium()
    assert browser is not None
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}",
         "--window-size=940,800", svg.as_uri()],
        check=True, capture_output=True, timeout=120)
    width, height, pixels = _pixels(png.read_bytes())
    assert (width, height) == (940, 800)
    white = pixels.count(b"\xff\xff\xff")
    assert white < 0.9 * len(pixels), "the page is (almost) blank"
    assert len(set(pixels)) > 20, "the page has almost no colours: nothing was drawn"


def test_the_picture_in_the_readme_is_current(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out = _run(capsys, "--format", "svg", "examples/good/flink-conf.yaml")
    assert code == 0
    assert (ROOT / "docs" / "explain-good.svg").read_text(encoding="utf-8") == out, (
        "regenerate it: flinklint explain --isolated --format svg examples/good/flink-conf.yaml "
        "> docs/explain-good.svg")
    assert "](docs/explain-good.svg)" in (ROOT / "README.md").read_text(encoding="utf-8")
