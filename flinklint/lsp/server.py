"""``flinklint server``: the Language Server Protocol over standard input and output (pygls).

Documents are synchronised whole (every change sends the full text), so positions never
depend on applying ranges to a text that pygls and the editor might split into lines
differently. Diagnostics are published when a document opens and after each change,
debounced: a change after a pause of :data:`DEBOUNCE` seconds is linted at once, a burst of
changes once it pauses for that long (``{"debounce": seconds}`` in the client's
``initializationOptions`` sets another pause, up to :data:`MAX_DEBOUNCE`). Hover, completion
and code actions work on the text as it is in the editor, saved or not. Saving a settings
file lints every open document again.

A failure inside a handler never ends the server: it is logged (``window/logMessage``, with the
traceback), shown to the user once (``window/showMessage``), and the request gets an empty
answer.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from flinklint import __version__
from flinklint.edits import line_starts, newline_of
from flinklint.findings import Applicability, Finding
from flinklint.lsp.actions import FIX_ALL, fix_title, fixed_text, replacement, suppression
from flinklint.lsp.analysis import Analysis, analyse
from flinklint.lsp.completion import complete
from flinklint.lsp.diagnostics import diagnostic, diagnostics, lsp_range, text_edit
from flinklint.lsp.hover import hover as hover_at
from flinklint.lsp.hover import key_text
from flinklint.lsp.positions import Lines
from flinklint.versions import parse_version

DEBOUNCE = 0.02  # seconds: changes closer together than this are linted once they pause
MAX_DEBOUNCE = 5.0
SETTINGS_NAMES = ("pyproject.toml", ".flinklint.toml")
P = TypeVar("P")
R = TypeVar("R")


class Document:
    """An open document: its latest text and the last lint of it."""

    def __init__(self, uri: str, text: str, version: int | None = None) -> None:
        self.uri = uri
        self.text = text
        self.version = version
        self.analysis: Analysis | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.changed = float("-inf")  # when the last change came (event loop time)


class FlinkLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("flinklint", __version__,
                         text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.documents: dict[str, Document] = {}
        self.reported = False  # an internal error has been shown to the user
        self.settings_errors: set[str] = set()
        self.debounce = DEBOUNCE

    # -- errors ---------------------------------------------------------------------------
    def internal_error(self, where: str, error: BaseException) -> None:
        detail = "".join(traceback.format_exception(error))
        self.window_log_message(lsp.LogMessageParams(
            type=lsp.MessageType.Error, message=f"flinklint: internal error in {where}:\n{detail}"))
        if not self.reported:
            self.reported = True
            self.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Error,
                message=f"flinklint: internal error in {where}: {type(error).__name__}: {error} "
                        "(details in the output log; the server keeps running)"))

    def report_server_error(self, error: Exception, source: Any) -> None:
        with contextlib.suppress(Exception):  # the client is gone: nothing left to tell
            self.internal_error("the protocol layer", error)

    # -- documents ------------------------------------------------------------------------
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def lines(self, text: str) -> Lines:
        return Lines(text, self.encoding())

    def analysis(self, doc: Document) -> Analysis | None:
        """The lint of the document's current text (made now if the last one is older)."""
        if doc.analysis is None or doc.analysis.text != doc.text:
            path = _path(doc.uri)
            if path is None:
                return None
            doc.analysis = analyse(path, doc.text)
        return doc.analysis

    def publish(self, uri: str) -> None:
        doc = self.documents.get(uri)
        if doc is None:
            return
        doc.timer = None
        version = doc.version  # of the text linted now
        found: list[lsp.Diagnostic] = []
        try:
            analysis = self.analysis(doc)
            if analysis is not None:
                self._settings_problem(analysis)
                found = diagnostics(analysis.findings, self.lines(doc.text))
        except Exception as error:
            self.internal_error(f"linting {uri}", error)
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version))

    def _settings_problem(self, analysis: Analysis) -> None:
        if analysis.error and analysis.error not in self.settings_errors:
            self.settings_errors.add(analysis.error)
            self.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Error, message=f"flinklint: {analysis.error}"))

    def schedule(self, uri: str) -> None:
        """Lint after a change: at once after a pause, else once the changes pause."""
        doc = self.documents[uri]
        if doc.timer is not None:
            doc.timer.cancel()
        loop = asyncio.get_running_loop()
        now = loop.time()
        delay = 0.0 if now - doc.changed >= self.debounce else self.debounce
        doc.changed = now
        doc.timer = loop.call_later(delay, self.publish, uri)


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def guarded(handler: Callable[[FlinkLanguageServer, P], R]) -> Callable[
        [FlinkLanguageServer, P], R | None]:
    """Run a handler; on an exception, report it and answer nothing (null)."""

    @functools.wraps(handler)
    def run(server: FlinkLanguageServer, params: P) -> R | None:
        try:
            return handler(server, params)
        except Exception as error:
            server.internal_error(handler.__name__, error)
            return None

    return run


def build() -> FlinkLanguageServer:
    server = FlinkLanguageServer()

    @server.feature(lsp.INITIALIZE)
    @guarded
    def initialize(ls: FlinkLanguageServer, params: lsp.InitializeParams) -> None:
        options = params.initialization_options
        wanted = options.get("debounce") if isinstance(options, dict) else None
        if isinstance(wanted, int | float) and not isinstance(wanted, bool):
            ls.debounce = min(max(float(wanted), 0.0), MAX_DEBOUNCE)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    @guarded
    def did_open(ls: FlinkLanguageServer, params: lsp.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        ls.documents[item.uri] = Document(item.uri, item.text, item.version)
        ls.publish(item.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    @guarded
    def did_change(ls: FlinkLanguageServer, params: lsp.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        doc = ls.documents.setdefault(uri, Document(uri, ""))
        doc.version = params.text_document.version
        for change in params.content_changes:
            if isinstance(change, lsp.TextDocumentContentChangeWholeDocument):
                doc.text = change.text
            else:  # a client that ignores the sync kind asked for: apply the range
                doc.text = _apply_change(ls, doc.text, change)
        ls.schedule(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    @guarded
    def did_save(ls: FlinkLanguageServer, params: lsp.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        if path is not None and path.name in SETTINGS_NAMES:
            for doc in list(ls.documents.values()):
                doc.analysis = None
                ls.publish(doc.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    @guarded
    def did_close(ls: FlinkLanguageServer, params: lsp.DidCloseTextDocumentParams) -> None:
        doc = ls.documents.pop(params.text_document.uri, None)
        if doc is not None and doc.timer is not None:
            doc.timer.cancel()
        ls.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    @guarded
    def hover(ls: FlinkLanguageServer, params: lsp.HoverParams) -> lsp.Hover | None:
        found = _document(ls, params.text_document.uri)
        if found is None:
            return None
        _, analysis, lines = found
        assert analysis.result is not None
        line, column = lines.from_client(params.position.line, params.position.character)
        shown = hover_at(analysis.result, line, column)
        if shown is None:
            return None
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=shown.markdown),
            range=lsp_range(lines.span(shown.span)))

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(
        trigger_characters=[".", ":", " "], resolve_provider=True))
    @guarded
    def completion(ls: FlinkLanguageServer,
                   params: lsp.CompletionParams) -> lsp.CompletionList | None:
        found = _document(ls, params.text_document.uri)
        if found is None:
            return None
        return _completions(found[1], found[2], params.position)

    @server.feature(lsp.COMPLETION_ITEM_RESOLVE)
    @guarded
    def resolve(ls: FlinkLanguageServer, item: lsp.CompletionItem) -> lsp.CompletionItem:
        """A key's documentation, asked for only when the editor shows the item."""
        data = item.data if isinstance(item.data, dict) else {}
        if isinstance(data.get("version"), str):
            version = parse_version(data["version"])
            item.documentation = lsp.MarkupContent(
                kind=lsp.MarkupKind.Markdown, value=key_text(item.label, version))
        return item

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[
            lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll]),
    )
    @guarded
    def code_action(ls: FlinkLanguageServer,
                    params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        found = _document(ls, params.text_document.uri)
        if found is None:
            return None
        return _actions(params, found[1], found[2])

    return server


def _document(ls: FlinkLanguageServer, uri: str) -> tuple[Document, Analysis, Lines] | None:
    doc = ls.documents.get(uri)
    if doc is None:
        return None
    analysis = ls.analysis(doc)
    if analysis is None or analysis.result is None:
        return None
    return doc, analysis, ls.lines(doc.text)


def _apply_change(ls: FlinkLanguageServer, text: str,
                  change: lsp.TextDocumentContentChangePartial) -> str:
    lines = ls.lines(text)
    starts = line_starts(text)
    offsets = []
    for position in (change.range.start, change.range.end):
        line, column = lines.from_client(position.line, position.character)
        if line - 1 >= len(starts):
            offsets.append(len(text))
        else:
            offsets.append(starts[line - 1] + column - 1)
    return text[: offsets[0]] + change.text + text[offsets[1]:]


def _completions(analysis: Analysis, lines: Lines, position: lsp.Position) -> lsp.CompletionList:
    result = analysis.result
    assert result is not None
    if not result.configs:
        return lsp.CompletionList(is_incomplete=False, items=[])
    if position.line >= len(lines.starts):
        return lsp.CompletionList(is_incomplete=False, items=[])
    line, column = lines.from_client(position.line, position.character)
    text_lines = [lines.line(i) for i in range(len(lines.starts))]
    version = result.versions[0]
    candidates = complete(text_lines, line, column, result.configs[0].kind, version)
    items = []
    ranges: dict[tuple[int, int], lsp.Range] = {}
    for c in candidates:
        if (c.start, c.end) not in ranges:
            start, end = lines.to_client(line, c.start), lines.to_client(line, c.end)
            ranges[c.start, c.end] = lsp.Range(lsp.Position(*start), lsp.Position(*end))
        items.append(lsp.CompletionItem(
            label=c.label,
            kind=lsp.CompletionItemKind.Property if c.is_key else lsp.CompletionItemKind.EnumMember,
            detail=c.detail or None,
            tags=[lsp.CompletionItemTag.Deprecated] if c.deprecated else None,
            filter_text=c.insert if c.insert != c.label else None,
            sort_text=f"~{c.label}" if c.deprecated else None,  # after the others
            text_edit=lsp.TextEdit(range=ranges[c.start, c.end], new_text=c.insert),
            data={"version": str(version)} if c.is_key else None,
        ))
    return lsp.CompletionList(is_incomplete=False, items=items)


def _wanted(kind: str, only: list[str] | None) -> bool:
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)


def _overlaps(finding: Finding, first: int, last: int) -> bool:
    return finding.span.line <= last and finding.span.end_line >= first


def _actions(params: lsp.CodeActionParams, analysis: Analysis,
             lines: Lines) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    only = [str(k) for k in params.context.only] if params.context.only else None
    first, _ = lines.from_client(params.range.start.line, params.range.start.character)
    last, _ = lines.from_client(params.range.end.line, params.range.end.character)
    newline = newline_of(analysis.text)
    actions: list[lsp.CodeAction] = []
    here = [f for f in analysis.findings if _overlaps(f, first, last)]
    if _wanted(lsp.CodeActionKind.QuickFix, only):
        for finding in here:
            if finding.fix is None:
                continue
            edits = [text_edit(e, lines, newline) for e in finding.fix.edits]
            actions.append(lsp.CodeAction(
                title=fix_title(finding), kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diagnostic(finding, lines)],
                is_preferred=finding.fix.applicability is Applicability.SAFE,
                edit=lsp.WorkspaceEdit(changes={uri: edits})))
        for finding in here:
            edit = suppression(analysis, finding)
            if edit is None:
                continue
            actions.append(lsp.CodeAction(
                title=f"Disable {finding.code} for this line",
                kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic(finding, lines)],
                edit=lsp.WorkspaceEdit(changes={uri: [text_edit(edit, lines, newline)]})))
    asked = only is not None and _wanted(FIX_ALL, only)
    offered = any(f.fix is not None for f in here) and _wanted(lsp.CodeActionKind.QuickFix, only)
    if asked or offered:
        fixed = fixed_text(analysis)
        if fixed is not None:
            start, end, new = replacement(analysis.text, fixed)
            whole = lsp.Range(lsp.Position(*_offset_position(lines, start)),
                              lsp.Position(*_offset_position(lines, end)))
            kind = FIX_ALL if asked else lsp.CodeActionKind.QuickFix
            actions.append(lsp.CodeAction(
                title="Fix all safe flinklint problems", kind=kind,
                edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(whole, new)]})))
    return actions


def _offset_position(lines: Lines, offset: int) -> tuple[int, int]:
    index = bisect.bisect_right(lines.starts, offset) - 1
    return lines.to_client(index + 1, offset - lines.starts[index] + 1)


def serve() -> None:
    """Serve on standard input and output until the client says exit.

    The protocol gets its own copies of the two file descriptors; ``sys.stdout`` points at
    standard error meanwhile, so that nothing printed by accident corrupts the stream.
    """
    reader = os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    writer = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout.flush()
    sys.stdout = sys.stderr
    build().start_io(reader, writer)
