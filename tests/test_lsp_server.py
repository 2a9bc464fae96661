"""``flinklint server`` end to end: the real server in a subprocess, spoken to over LSP.

Every expectation comes from the command line on the same files: diagnostics from
``flinklint check --format json``, fixes from its ``fix`` edits and from ``check --fix``,
memory sizes from ``flinklint explain --format json``. Positions are converted to UTF-16 here,
independently of the server.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp", reason="the lsp extra (pygls) is not installed")
from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from flinklint.report.rule_pages import examples  # noqa: E402
from flinklint.rules import registry  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SERVER = [sys.executable, "-m", "flinklint", "server"]
SEVERITY = {"error": 1, "warning": 2, "info": 3}
TIMEOUT = 30.0
NON_ASCII = {
    "flink-conf.yaml": "pipeline.name: Zürich 😀 jobs\ns3.secret-key: ä😀#123\n"
                       "taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 1g\n",
    "config.yaml": 'taskmanager: {numberOfTaskSlots: "😀é", memory.proces.size: 1g, '
                   "memory.process.size: 2g}\njobmanager.memory.process.size: 1g\n"
                   'pipeline.name: "𝔣𝔩𝔦𝔫𝔨"   # flinklint: disable=FL101 -- 𝔱𝔢𝔰𝔱\n',
}


def flinklint(*args: str, cwd: Path | None = None, stdin: str | None = None) -> str:
    done = subprocess.run([sys.executable, "-m", "flinklint", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, input=stdin, check=False)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def split_lines(text: str) -> list[str]:
    """Lines as LSP counts them: broken at \\n, \\r\\n and a lone \\r only."""
    return re.split(r"\r\n|\r|\n", text)


def utf16(line: str, column: int) -> int:
    """A 1-based code-point column as a 0-based UTF-16 character offset."""
    return len(line[: column - 1].encode("utf-16-le")) // 2


def expected(finding: dict[str, Any], text: str) -> tuple[Any, ...]:
    lines = split_lines(text)
    start_line, end_line = finding["line"] - 1, finding["end_line"] - 1
    return (
        finding["code"], SEVERITY[finding["severity"]], finding["message"],
        (start_line, utf16(lines[start_line], finding["column"])),
        (end_line, utf16(lines[end_line], finding["end_column"] + 1)),
        finding["url"],
    )


def actual(diagnostic: lsp.Diagnostic) -> tuple[Any, ...]:
    assert diagnostic.code_description is not None
    return (
        diagnostic.code, int(diagnostic.severity or 0), diagnostic.message,
        (diagnostic.range.start.line, diagnostic.range.start.character),
        (diagnostic.range.end.line, diagnostic.range.end.character),
        diagnostic.code_description.href,
    )


def apply(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions) to a text, back to front."""
    lines = split_lines(text)
    starts = [0]
    for match in re.finditer(r"\r\n|\r|\n", text):
        starts.append(match.end())

    def offset(position: lsp.Position) -> int:
        if position.line >= len(lines):
            return len(text)
        line, units, index = lines[position.line], 0, 0
        while index < len(line) and units < position.character:
            units += len(line[index].encode("utf-16-le")) // 2
            index += 1
        return starts[position.line] + index

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits),
                   reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def write_case(folder: Path, name: str, text: str, version: str | None = None,
               defines: tuple[tuple[str, str], ...] = ()) -> Path:
    """A document in its own folder; its target version and defines in a settings file."""
    folder.mkdir(parents=True)
    settings = [f'flink-version = "{version}"'] if version else []
    if defines:
        settings.append("[define]")
        settings += [f"{json.dumps(k)} = {json.dumps(v)}" for k, v in defines]
    (folder / ".flinklint.toml").write_text("\n".join(settings) + "\n", encoding="utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def corpus(root: Path) -> list[Path]:
    """The examples, every documented rule example, and texts with non-ASCII lines."""
    paths = []
    for source in sorted((ROOT / "examples").rglob("*.yaml")):
        target = root / "examples" / source.relative_to(ROOT / "examples")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
        paths.append(target)
    documented = [e for rule in registry().values() for e in examples(rule)]
    for index, example in enumerate(documented):
        paths.append(write_case(root / f"doc{index:03d}", example.filename, example.text,
                                example.flink_version, example.defines))
    for name, text in NON_ASCII.items():
        paths.append(write_case(root / f"non-ascii-{name}", name, text))
    beside = write_case(root / "beside", "config.yaml", "parallelism.default: 2\n", "1.20")
    (beside.parent / "flink-conf.yaml").write_text("parallelism.default: 1\n", encoding="utf-8")
    paths += [beside, beside.parent / "flink-conf.yaml"]  # FL010: Flink 1.20 reads only one
    return paths


def check_json(paths: list[Path], cwd: Path) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {str(p): [] for p in paths}
    for finding in json.loads(flinklint("check", "--format", "json", *map(str, paths), cwd=cwd)):
        found[str((cwd / finding["path"]).resolve())].append(finding)
    return found


async def wait_for(condition: Any, timeout: float = TIMEOUT) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out waiting for the server"
        await asyncio.sleep(0.01)


def open_document(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=uri, language_id="yaml", version=1,
        text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


PUBLISHED: dict[str, lsp.PublishDiagnosticsParams] = {}  # the last publication per document


def record(client: LanguageClient) -> None:
    """Keep each publication whole (with its version), besides the client's own record."""
    features = client.protocol.fm.features
    store = features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def keep(params: lsp.PublishDiagnosticsParams) -> None:
        PUBLISHED[params.uri] = params
        store(params)

    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = keep


async def diagnostics_of(client: LanguageClient, uri: str,
                         version: int | None = None) -> list[lsp.Diagnostic]:
    """The diagnostics of ``uri``, of ``version`` of its text when one is given."""
    def arrived() -> bool:
        if uri not in client.diagnostics:
            return False
        return version is None or (PUBLISHED[uri].version or 0) >= version

    await wait_for(arrived)
    return list(client.diagnostics[uri])


async def change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient) -> Any:
    params = lsp.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"))
    result = await lsp_client.initialize_session(params)
    assert result.capabilities.text_document_sync is not None
    record(lsp_client)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_diagnostics_equal_check(client: LanguageClient, tmp_path: Path) -> None:
    paths = corpus(tmp_path)
    want = check_json(paths, tmp_path)
    reached = {f["code"] for found in want.values() for f in found}
    assert len(reached) > 40 and {"FL007", "FL010", "FL091", "FL101", "FL211"} <= reached
    uris = {str(path): open_document(client, path) for path in paths}
    await wait_for(lambda: all(uri in client.diagnostics for uri in uris.values()))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        expect = sorted(expected(f, text) for f in want[str(path)])
        got = sorted(actual(d) for d in client.diagnostics[uris[str(path)]])
        assert got == expect, path


@pytest.mark.asyncio(loop_scope="module")
async def test_non_ascii_columns_are_utf16(client: LanguageClient, tmp_path: Path) -> None:
    path = write_case(tmp_path / "c", "config.yaml", NON_ASCII["config.yaml"])
    found = {d.code: d.range for d in await diagnostics_of(client, open_document(client, path))}
    # FL101 starts after `taskmanager: {numberOfTaskSlots: "😀é", ` (38 code points, 39 units)
    assert (found["FL101"].start.line, found["FL101"].start.character) == (0, 40)
    assert (found["FL101"].end.line, found["FL101"].end.character) == (0, 58)
    # FL091 after `pipeline.name: "𝔣𝔩𝔦𝔫𝔨"   `: five characters beyond U+FFFF, ten units
    assert (found["FL091"].start.line, found["FL091"].start.character) == (2, 30)


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def utf8(lsp_client: LanguageClient) -> Any:
    """A client that counts in UTF-8, as Neovim prefers."""
    capabilities = pytest_lsp.client_capabilities("visual-studio-code")
    capabilities.general = lsp.GeneralClientCapabilities(
        position_encodings=[lsp.PositionEncodingKind.Utf8, lsp.PositionEncodingKind.Utf16])
    result = await lsp_client.initialize_session(lsp.InitializeParams(capabilities=capabilities))
    assert result.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
    record(lsp_client)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_columns_in_the_encoding_the_client_chose(utf8: LanguageClient,
                                                        tmp_path: Path) -> None:
    text = NON_ASCII["config.yaml"]
    path = write_case(tmp_path / "u8", "config.yaml", text)
    uri = open_document(utf8, path)
    found = {d.code: d.range for d in await diagnostics_of(utf8, uri)}
    first = text.splitlines()[0]
    start = first.index("memory.proces.size")
    assert found["FL101"].start.character == len(first[:start].encode("utf-8"))
    assert found["FL101"].end.character == len(
        first[: start + len("memory.proces.size")].encode("utf-8"))
    # a position counted in bytes finds the entry there
    hover = await utf8.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(0, found["FL101"].start.character + 2)))
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert hover.contents.value.startswith("**`taskmanager.memory.proces.size`**")


@pytest.mark.asyncio(loop_scope="module")
async def test_tags_and_rule_links(client: LanguageClient, tmp_path: Path) -> None:
    text = ("taskmanager.network.memory.min: 64mb\ntaskmanager.numberOfTaskSlots: 2\n"
            "taskmanager.numberOfTaskSlots: 3\n"
            "taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 1g\n")
    path = write_case(tmp_path / "t", "flink-conf.yaml", text)
    found = {d.code: d for d in await diagnostics_of(client, open_document(client, path))}
    assert list(found["FL102"].tags or []) == [lsp.DiagnosticTag.Deprecated]
    assert list(found["FL003"].tags or []) == [lsp.DiagnosticTag.Unnecessary]
    assert found["FL003"].range.start.line == 1  # the line Flink ignores
    link = found["FL102"].code_description
    assert link is not None and link.href.endswith("/rules/FL102.md")
    assert found["FL102"].source == "flinklint"


@pytest.mark.asyncio(loop_scope="module")
async def test_diagnostics_follow_changes(client: LanguageClient, tmp_path: Path) -> None:
    path = write_case(tmp_path / "d", "flink-conf.yaml", "taskmanager.memory.process.size: 2g\n")
    uri = open_document(client, path)
    first = {d.code for d in await diagnostics_of(client, uri)}
    assert first == {"FL205"}  # the JobManager has no memory size
    texts = [
        "taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 1g\n",
        "taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 1g\n"
        "taskmanager.memory.proces.size: 1g\n",
        "taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 1g\n"
        "taskmanager.network.memory.min: 512mb\ntaskmanager.network.memory.max: 256mb\n",
    ]
    for version, text in enumerate(texts, start=2):  # unsaved: the file on disk never changes
        await change(client, uri, text, version)
        got = sorted(actual(d) for d in await diagnostics_of(client, uri, version))
        stdin = json.loads(flinklint("check", "--format", "json", "--stdin-filename",
                                     str(path), "-", stdin=text, cwd=tmp_path))
        assert got == sorted(expected(f, text) for f in stdin)
    assert {d.code for d in client.diagnostics[uri]} >= {"FL202", "FL102"}


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def patient(lsp_client: LanguageClient) -> Any:
    """A client that asks for a long debounce, so that a burst is one on a busy machine too."""
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
        initialization_options={"debounce": 0.5}))
    record(lsp_client)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_changes_are_debounced(patient: LanguageClient, tmp_path: Path) -> None:
    client = patient
    path = write_case(tmp_path / "b", "flink-conf.yaml", "parallelism.default: 1\n")
    uri = open_document(client, path)
    await diagnostics_of(client, uri, 1)
    published: list[int | None] = []
    features = client.protocol.fm.features
    store = features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def count(params: lsp.PublishDiagnosticsParams) -> None:
        if params.uri == uri:
            published.append(params.version)
        store(params)

    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = count
    try:
        await asyncio.sleep(0.6)  # a pause: the next change is linted at once
        loop = asyncio.get_running_loop()
        sent = loop.time()
        await change(client, uri, "jobmanager.memory.process.size: 1g\n", 2)
        await diagnostics_of(client, uri, 2)
        assert loop.time() - sent < 0.5  # not held back by the debounce
        for version in range(3, 13):  # ten changes in one burst, as fast typing sends them
            text = ("jobmanager.memory.process.size: 1g\n"
                    f"taskmanager.memory.proces.size: {version}g\n")
            await change(client, uri, text, version)
        got = await diagnostics_of(client, uri, 12)
        await asyncio.sleep(0.6)
    finally:
        features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = store
    # the lone change, then the burst: linted at its first change at most, and at its last
    assert published[0] == 2 and published[-1] == 12 and len(published) <= 3, published
    assert [d.range.start.line for d in got if d.code == "FL101"] == [1]


@pytest.mark.asyncio(loop_scope="module")
async def test_code_actions_apply_the_fix_edits(client: LanguageClient, tmp_path: Path) -> None:
    source = (ROOT / "examples" / "broken" / "flink-conf.yaml").read_text(encoding="utf-8")
    # CRLF line ends: an edit's inserted line breaks must come in the file's own style
    path = write_case(tmp_path / "a", "flink-conf.yaml", source.replace("\n", "\r\n"))
    text = path.read_bytes().decode("utf-8")
    uri = open_document(client, path, text)
    await diagnostics_of(client, uri)
    want = check_json([path], tmp_path)[str(path)]
    fixable = [f for f in want if f["fix"] is not None]
    assert {f["fix"]["applicability"] for f in fixable} == {"safe", "unsafe"}
    for finding in fixable:
        line = finding["line"] - 1
        actions = await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(lsp.Position(line, 0), lsp.Position(line, 0)),
            context=lsp.CodeActionContext(diagnostics=[])))
        assert actions is not None
        title = f"{finding['fix']['message']} ({finding['code']})"
        unsafe = finding["fix"]["applicability"] == "unsafe"
        match = [a for a in actions if isinstance(a, lsp.CodeAction)
                 and a.title == title + (" (unsafe)" if unsafe else "")]
        assert len(match) == 1, [a.title for a in actions]
        action = match[0]
        assert action.kind == lsp.CodeActionKind.QuickFix
        assert action.is_preferred is (not unsafe)
        assert action.edit is not None and action.edit.changes is not None
        want_text = apply_edits_json(text, finding["fix"]["edits"])
        assert apply(text, list(action.edit.changes[uri])) == want_text


def apply_edits_json(text: str, edits: list[dict[str, Any]]) -> str:
    """The edits of ``check --format json`` (code points, end excluded) in the file's newlines."""
    lines = split_lines(text)
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    newline = "\r\n" if "\r\n" in text else "\n"

    def offset(line: int, column: int) -> int:
        if line > len(lines):
            return len(text)
        return starts[line - 1] + column - 1

    spans = sorted(((offset(e["line"], e["column"]), offset(e["end_line"], e["end_column"]),
                     e["content"].replace("\n", newline)) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


@pytest.mark.asyncio(loop_scope="module")
async def test_fix_all_equals_check_fix(client: LanguageClient, tmp_path: Path) -> None:
    source = (ROOT / "examples" / "broken" / "flink-conf.yaml").read_text(encoding="utf-8")
    path = write_case(tmp_path / "f", "flink-conf.yaml", source)
    uri = open_document(client, path)
    await diagnostics_of(client, uri)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
        context=lsp.CodeActionContext(diagnostics=[], only=[lsp.CodeActionKind.SourceFixAll])))
    assert actions is not None and len(actions) == 1
    action = actions[0]
    assert isinstance(action, lsp.CodeAction) and action.kind == "source.fixAll.flinklint"
    assert action.edit is not None and action.edit.changes is not None
    fixed = apply(source, list(action.edit.changes[uri]))
    flinklint("check", "--fix", "--exit-zero", str(path), cwd=tmp_path)
    assert fixed == path.read_text(encoding="utf-8") != source


@pytest.mark.asyncio(loop_scope="module")
async def test_disable_for_this_line(client: LanguageClient, tmp_path: Path) -> None:
    text = ("taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 1g\n"
            "taskmanager.memory.framework.heap.size: 256m\n"
            "taskmanager.numberOfTaskSlots: 2 # flinklint: disable=FL101 -- a reason\n")
    path = write_case(tmp_path / "s", "flink-conf.yaml", text)
    uri = open_document(client, path)
    codes = {d.code: d for d in await diagnostics_of(client, uri)}
    assert set(codes) == {"FL204", "FL091"}

    async def disable(line: int, code: str) -> str:
        actions = await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(lsp.Position(line, 0), lsp.Position(line, 1)),
            context=lsp.CodeActionContext(diagnostics=[])))
        assert actions is not None
        match = [a for a in actions if isinstance(a, lsp.CodeAction)
                 and a.title == f"Disable {code} for this line"]
        assert len(match) == 1
        assert match[0].edit is not None and match[0].edit.changes is not None
        return apply(text, list(match[0].edit.changes[uri]))

    after = await disable(2, "FL204")
    assert after.splitlines()[2] == ("taskmanager.memory.framework.heap.size: 256m  "
                                     "# flinklint: disable=FL204 -- TODO: reason")
    relinted = json.loads(flinklint("check", "--format", "json", "--stdin-filename", str(path),
                                    "-", stdin=after, cwd=tmp_path))
    assert [f["code"] for f in relinted] == ["FL091"]
    # nothing to disable for a finding about a suppression itself
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        range=lsp.Range(lsp.Position(3, 0), lsp.Position(3, 1)),
        context=lsp.CodeActionContext(diagnostics=[])))
    assert not [a for a in actions or [] if "Disable" in a.title]


@pytest.mark.asyncio(loop_scope="module")
async def test_disable_adds_to_a_suppression_on_the_line(client: LanguageClient,
                                                         tmp_path: Path) -> None:
    text = ("taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 1g\n"
            "taskmanager.memory.proces.size: 1g # flinklint: disable=FL204 -- why\n")
    path = write_case(tmp_path / "s2", "flink-conf.yaml", text)
    uri = open_document(client, path)
    assert {d.code for d in await diagnostics_of(client, uri)} == {"FL101", "FL091"}
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        range=lsp.Range(lsp.Position(2, 0), lsp.Position(2, 0)),
        context=lsp.CodeActionContext(diagnostics=[])))
    match = [a for a in actions or [] if a.title == "Disable FL101 for this line"]
    assert len(match) == 1 and match[0].edit is not None and match[0].edit.changes is not None
    after = apply(text, list(match[0].edit.changes[uri]))
    assert after.splitlines()[2] == (
        "taskmanager.memory.proces.size: 1g # flinklint: disable=FL204,FL101 -- why")


@pytest.mark.asyncio(loop_scope="module")
async def test_disable_on_a_line_of_its_own(client: LanguageClient, tmp_path: Path) -> None:
    text = ("taskmanager.memory.process.size: 2g\r\njobmanager.memory.process.size: 1g\r\n"
            'taskmanager.memory.proces.size: "1g\r\n  "\r\n')  # the line ends inside a value
    path = write_case(tmp_path / "s3", "config.yaml", text)
    uri = open_document(client, path, text)
    assert {d.code for d in await diagnostics_of(client, uri)} == {"FL101"}
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        range=lsp.Range(lsp.Position(2, 0), lsp.Position(2, 0)),
        context=lsp.CodeActionContext(diagnostics=[])))
    match = [a for a in actions or [] if a.title == "Disable FL101 for this line"]
    assert len(match) == 1 and match[0].edit is not None and match[0].edit.changes is not None
    after = apply(text, list(match[0].edit.changes[uri]))
    assert after.split("\r\n")[2] == "# flinklint: disable=FL101 -- TODO: reason"
    assert after.count("\r\n") == text.count("\r\n") + 1 and "\n" not in after.replace(
        "\r\n", "")


def hover_bytes(markdown: str) -> dict[str, int]:
    """The layout table of a memory hover: component label -> bytes."""
    rows = re.findall(r"^\| \**([A-Za-z -]+?)\** \| (\d+) \|", markdown, re.MULTILINE)
    return {label: int(size) for label, size in rows}


EXPLAIN_LABELS = {
    "total_process": "Total process memory", "total_flink": "Total Flink memory",
    "framework_heap": "Framework heap", "task_heap": "Task heap",
    "framework_off_heap": "Framework off-heap", "task_off_heap": "Task off-heap",
    "managed": "Managed memory", "network": "Network memory", "jvm_heap": "JVM heap",
    "off_heap": "Off-heap memory", "jvm_metaspace": "JVM metaspace",
    "jvm_overhead": "JVM overhead",
}  # fmt: skip


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize(("example", "key", "process", "component"), [
    ("good/flink-conf.yaml", "taskmanager.memory.process.size", "taskmanager", "total_process"),
    ("good/flink-conf.yaml", "taskmanager.memory.managed.fraction", "taskmanager", "managed"),
    ("good/flink-conf.yaml", "jobmanager.memory.process.size", "jobmanager", "total_process"),
    ("k8s/deployment.yaml", "taskmanager.memory.managed.fraction", "taskmanager", "managed"),
    ("k8s/deployment.yaml", "memory", "jobmanager", "total_process"),
])
async def test_memory_hover_equals_explain(client: LanguageClient, tmp_path: Path, example: str,
                                           key: str, process: str, component: str) -> None:
    source = ROOT / "examples" / example
    path = write_case(tmp_path / "h", source.name, source.read_text(encoding="utf-8"))
    uri = open_document(client, path)
    await diagnostics_of(client, uri)
    text = path.read_text(encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines()) if t.strip().startswith(key + ":"))
    column = text.splitlines()[line].index(key) + 1
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line, column)))
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    markdown = hover.contents.value
    explained = json.loads(flinklint("explain", "--format", "json", str(path), cwd=tmp_path))
    memory = explained[process]["memory"]
    assert hover_bytes(markdown) == {EXPLAIN_LABELS[k]: v for k, v in memory.items()}
    size = memory[component]
    assert f"({size} bytes)**" in markdown.split("\n", 1)[0] or f"({size} bytes)**" in markdown


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_on_any_key(client: LanguageClient, tmp_path: Path) -> None:
    text = ("state.backend.type: rocksdb\ntaskmanager.network.memory.min: 64mb\n"
            "taskmanager.memory.proces.size: 1g\ntaskmanager.heap.size: 1g\n")
    path = write_case(tmp_path / "k", "config.yaml", text, version="2.3")
    uri = open_document(client, path)
    await diagnostics_of(client, uri)

    async def hover(line: int, character: int = 2) -> str:
        found = await client.text_document_hover_async(lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            position=lsp.Position(line, character)))
        assert found is not None and isinstance(found.contents, lsp.MarkupContent)
        return found.contents.value

    backend = await hover(0)
    assert "Type: string" in backend and "Default: `hashmap`" in backend
    assert "'forst'" in backend  # Flink 2.x's own description of the option
    deprecated = await hover(1)
    assert "**Deprecated** in Flink 2.3; use `taskmanager.memory.network.min`" in deprecated
    assert "Did you mean `taskmanager.memory.process.size`?" in await hover(2)
    assert "Removed: Flink 1.20 was the last to read it" in await hover(3)


@pytest.mark.asyncio(loop_scope="module")
async def test_completion_for_flink_2(client: LanguageClient, tmp_path: Path) -> None:
    path = write_case(tmp_path / "c2", "config.yaml", "taskmanager.net\n", version="2.3")
    uri = open_document(client, path)
    await diagnostics_of(client, uri)
    found = await client.text_document_completion_async(lsp.CompletionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(0, 15)))
    assert isinstance(found, lsp.CompletionList)
    keys = {item.label: item for item in found.items}
    assert list(keys["taskmanager.network.memory.min"].tags or []) == [
        lsp.CompletionItemTag.Deprecated]
    assert "taskmanager.heap.size" not in keys  # removed in 2.0
    assert "taskmanager.memory.process.size" in keys


@pytest.mark.asyncio(loop_scope="module")
async def test_completion(client: LanguageClient, tmp_path: Path) -> None:
    text = "jobmanager.memory.process.size: 1g\ntaskmanager.net\nexecution.runtime-mode: B\n"
    path = write_case(tmp_path / "co", "flink-conf.yaml", text)
    uri = open_document(client, path)
    await diagnostics_of(client, uri)

    async def complete(line: int, character: int) -> list[lsp.CompletionItem]:
        found = await client.text_document_completion_async(lsp.CompletionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            position=lsp.Position(line, character)))
        assert isinstance(found, lsp.CompletionList)
        return list(found.items)

    keys = {item.label: item for item in await complete(1, 15)}
    assert "taskmanager.memory.network.min" in keys
    assert list(keys["taskmanager.heap.size"].tags or []) == [lsp.CompletionItemTag.Deprecated]
    assert keys["taskmanager.memory.network.min"].tags is None
    assert "slotmanager.request-timeout" not in keys  # Flink 1.20 no longer reads it
    edit = keys["taskmanager.memory.network.min"].text_edit
    assert isinstance(edit, lsp.TextEdit)
    assert (edit.range.start.character, edit.range.end.character) == (0, 15)
    documented = await client.completion_item_resolve_async(keys["taskmanager.heap.size"])
    assert isinstance(documented.documentation, lsp.MarkupContent)
    assert documented.documentation.value.startswith("**`taskmanager.heap.size`** (Flink 1.20)")
    assert "**Deprecated** in Flink 1.20" in documented.documentation.value
    values = [item.label for item in await complete(2, 24)]
    assert values == ["STREAMING", "BATCH", "AUTOMATIC"]


@pytest.mark.asyncio(loop_scope="module")
async def test_completion_in_nested_config_yaml(client: LanguageClient, tmp_path: Path) -> None:
    text = "taskmanager:\n  memory:\n    proc\n"
    path = write_case(tmp_path / "n", "config.yaml", text)
    uri = open_document(client, path)
    await diagnostics_of(client, uri)
    found = await client.text_document_completion_async(lsp.CompletionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(2, 8)))
    assert isinstance(found, lsp.CompletionList)
    items = {item.label: item for item in found.items}
    assert set(items) and all(k.startswith("taskmanager.memory.") for k in items)
    edit = items["taskmanager.memory.process.size"].text_edit
    assert isinstance(edit, lsp.TextEdit) and edit.new_text == "process.size"


@pytest.mark.asyncio(loop_scope="module")
async def test_files_that_are_not_flinks_get_nothing(client: LanguageClient,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "other" / "config.yaml"
    path.parent.mkdir()
    path.write_text("services:\n  web:\n    image: nginx\n", encoding="utf-8")
    uri = open_document(client, path)
    assert await diagnostics_of(client, uri) == []
    position = lsp.Position(1, 3)
    ident = lsp.TextDocumentIdentifier(uri=uri)
    assert await client.text_document_hover_async(lsp.HoverParams(ident, position)) is None
    assert await client.text_document_completion_async(
        lsp.CompletionParams(ident, position)) is None
    assert not await client.text_document_code_action_async(lsp.CodeActionParams(
        ident, lsp.Range(position, position), lsp.CodeActionContext(diagnostics=[])))


@pytest.mark.asyncio(loop_scope="module")
async def test_settings_change_is_picked_up(client: LanguageClient, tmp_path: Path) -> None:
    path = write_case(tmp_path / "st", "flink-conf.yaml", "taskmanager.memory.proces.size: 1g\n")
    uri = open_document(client, path)
    assert "FL101" in {d.code for d in await diagnostics_of(client, uri)}
    settings = path.parent / ".flinklint.toml"
    settings.write_text('ignore = ["FL101"]\n', encoding="utf-8")
    client.diagnostics.pop(uri)
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(
        lsp.TextDocumentIdentifier(settings.as_uri())))
    assert "FL101" not in {d.code for d in await diagnostics_of(client, uri)}


@pytest.mark.asyncio(loop_scope="module")
async def test_bad_input_never_stops_the_server(client: LanguageClient, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    texts = ["\x00\ud800: \udfff\n", "a: [" * 3000 + "\n", "\ufeff" + "x" * 300_000, "",
             "k: v\r" * 1000, "{{ .Values.x }}: 1\n"]
    for index, text in enumerate(texts):
        path = write_case(folder / str(index), "config.yaml" if index % 2 else "flink-conf.yaml",
                          "")
        uri = open_document(client, path, text)
        await diagnostics_of(client, uri)
        ident = lsp.TextDocumentIdentifier(uri=uri)
        far = lsp.Position(10**6, 10**6)
        await client.text_document_hover_async(lsp.HoverParams(ident, far))
        await client.text_document_completion_async(lsp.CompletionParams(ident, far))
        await client.text_document_code_action_async(lsp.CodeActionParams(
            ident, lsp.Range(far, lsp.Position(0, 0)), lsp.CodeActionContext(diagnostics=[])))
    # still serving
    path = write_case(folder / "ok", "flink-conf.yaml", "taskmanager.memory.proces.size: 1g\n")
    assert "FL101" in {d.code for d in await diagnostics_of(client, open_document(client, path))}
    assert not [m for m in client.messages if m.type == lsp.MessageType.Error]


CRASHING = [sys.executable, "-c", (
    "import flinklint.lsp.analysis as a\n"
    "real = a.analyse\n"
    "def analyse(path, text, request=None):\n"
    "    if 'crash' in text: raise RuntimeError('boom')\n"
    "    return real(path, text, request)\n"
    "a.analyse = analyse\n"
    "import flinklint.lsp.server as s\n"
    "s.analyse = analyse\n"
    "from flinklint.cli import main\n"
    "raise SystemExit(main(['server']))\n"
)]


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=CRASHING))
async def crashing(lsp_client: LanguageClient) -> Any:
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code")))
    record(lsp_client)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_internal_error_is_logged_and_shown_once(crashing: LanguageClient,
                                                       tmp_path: Path) -> None:
    for index in range(3):
        path = write_case(tmp_path / f"x{index}", "flink-conf.yaml", "crash: 1\n")
        uri = open_document(crashing, path)
        assert await diagnostics_of(crashing, uri) == []
        hover = await crashing.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(uri), lsp.Position(0, 1)))
        assert hover is None
    errors = [m for m in crashing.messages if m.type == lsp.MessageType.Error]
    assert len(errors) == 1 and "RuntimeError: boom" in errors[0].message
    logged = [m for m in crashing.log_messages if "RuntimeError: boom" in m.message]
    assert len(logged) >= 6 and "Traceback" in logged[0].message
    path = write_case(tmp_path / "fine", "flink-conf.yaml", "taskmanager.memory.proces.size: 1\n")
    assert "FL101" in {d.code for d in await diagnostics_of(crashing, open_document(crashing,
                                                                                     path))}
