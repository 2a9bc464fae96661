"""How soon after a change does ``flinklint server`` publish diagnostics?

    python tools/bench_lsp.py [--files 30] [--changes 20] [--pause 0.15]

Starts the real server (``python -m flinklint server``, the interpreter running this script),
initialises it, and for each of ``--files`` realistic configurations (``tools/bench_configs.py``,
a third each ``flink-conf.yaml``, ``config.yaml`` and manifests) plus the three files of
``examples/``: opens it, waits for its diagnostics, then sends ``--changes`` edits one after
another, ``--pause`` seconds apart (typing speed; each a full-text ``didChange`` that removes a
line or puts it back, so that every one is a new text to lint) and times each from the moment
the notification is written to the moment its ``publishDiagnostics`` is read: the server's
debounce, the lint and both ends of the pipe. With ``--pause 0`` every change comes within the
debounce window of the one before (``flinklint.lsp.server.DEBOUNCE``), so each waits for it.

Prints the median, 90th percentile and maximum per file kind and for each example.
The protocol is spoken directly (JSON-RPC over pipes), so no client library is timed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

from bench_configs import write_tree  # noqa: E402

ROOT = TOOLS.parent


class Client:
    """The least LSP client that can time diagnostics."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flinklint", "server"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.writer: IO[bytes] = self.process.stdin
        self.reader: IO[bytes] = self.process.stdout
        self.next_id = 0

    def send(self, method: str, params: Any, request: bool = False) -> int | None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        ident = None
        if request:
            self.next_id += 1
            ident = message["id"] = self.next_id
        body = json.dumps(message).encode("utf-8")
        self.writer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.writer.flush()
        return ident

    def receive(self) -> dict[str, Any]:
        length = 0
        while (line := self.reader.readline().strip()):
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        message: dict[str, Any] = json.loads(self.reader.read(length))
        return message

    def until(self, wanted: Any) -> dict[str, Any]:
        while not wanted(message := self.receive()):
            pass
        return message

    def diagnostics(self, uri: str) -> list[Any]:
        message = self.until(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri)
        found: list[Any] = message["params"]["diagnostics"]
        return found

    def start(self) -> None:
        ident = self.send("initialize", {"processId": None, "rootUri": None,
                                         "capabilities": {}}, request=True)
        self.until(lambda m: m.get("id") == ident)
        self.send("initialized", {})

    def stop(self) -> None:
        ident = self.send("shutdown", None, request=True)
        self.until(lambda m: m.get("id") == ident)
        self.send("exit", None)
        self.process.wait(timeout=10)


def time_changes(client: Client, path: Path, changes: int, pause: float) -> list[float]:
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    client.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    client.diagnostics(uri)
    lines = text.splitlines(keepends=True)
    times = []
    for version in range(2, changes + 2):
        # drop one line (a different one each time), or put it back
        edited = text if version % 2 else "".join(
            line for i, line in enumerate(lines) if i != version % max(len(lines), 1))
        time.sleep(pause)
        start = time.perf_counter()
        client.send("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": edited}]})
        client.diagnostics(uri)
        times.append(time.perf_counter() - start)
    client.send("textDocument/didClose", {"textDocument": {"uri": uri}})
    client.diagnostics(uri)
    return times


def kind_of(path: Path) -> str:
    return path.name if path.name in ("flink-conf.yaml", "config.yaml") else "manifest"


def row(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return (f"{name:32} {len(times):5} {1000 * statistics.median(times):8.1f} "
            f"{1000 * p90:8.1f} {1000 * ordered[-1]:8.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=30)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--pause", type=float, default=0.15, help="seconds between changes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_tree(Path(tmp) / "tree", args.files)
        examples = sorted((ROOT / "examples").rglob("*.yaml"))
        client = Client()
        client.start()
        by_kind: dict[str, list[float]] = {}
        for path in paths:
            by_kind.setdefault(kind_of(path), []).extend(
                time_changes(client, path, args.changes, args.pause))
        example_times = {str(p.relative_to(ROOT)): time_changes(client, p, args.changes, args.pause)
                         for p in examples}
        client.stop()
    print(f"{'change -> diagnostics (ms)':32} {'n':>5} {'median':>8} {'p90':>8} {'max':>8}")
    for kind, times in sorted(by_kind.items()):
        print(row(f"generated {kind}", times))
    print(row("all generated", [t for times in by_kind.values() for t in times]))
    for name, times in example_times.items():
        print(row(name, times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
