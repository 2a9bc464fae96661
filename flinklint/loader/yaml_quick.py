"""A quick reader for the plain block YAML that Flink files are nearly always written in.

ruamel.yaml's pure-Python scanner and parser took two thirds of the time to lint a tree of
``config.yaml`` files and manifests, and importing it a good part of linting one. Most such
files use a small part of YAML: block mappings and sequences, one-line plain or quoted scalars,
comments and ``---`` between documents. For such a text :func:`quick_documents` builds the very
nodes (values, styles, offsets) that :func:`flinklint.loader.yaml_parse.documents` builds from
ruamel's events. For anything else (a tab or CR, a character outside printable ASCII, a flow
collection, an anchor, alias or tag, a block or multi-line scalar, an escape, a directive, a
syntax error...) it returns None and ruamel reads the text, so what flinklint reports never
depends on which reader ran. ``tests/test_loader_yaml_quick.py`` compares the two readers on
generated texts and on the YAML files of the test data.
"""

from __future__ import annotations

from flinklint.loader.yaml_nodes import Document, Mapping, Node, Scalar, Sequence

_NOT_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`")
_MAX_KEY = 1000  # YAML's simple keys stop at 1024 characters


class _Unsupported(Exception):
    """The text is outside what this reader handles: ruamel.yaml decides."""


def quick_documents(text: str) -> list[Document] | None:
    """The documents of ``text`` as ruamel.yaml would give them, or None if unsure."""
    if not text.isascii() or "\t" in text or "\r" in text or not _printable(text):
        return None
    try:
        return _Reader(text).documents()
    except _Unsupported:
        return None


def _printable(text: str) -> bool:
    return text.replace("\n", " ").isprintable()


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[tuple[int, int, str]] = []  # (offset, indent, line); indent -1: ---
        offset = 0
        for line in text.split("\n"):
            self._add(offset, line)
            offset += len(line) + 1
        self.i = 0

    def _add(self, offset: int, line: str) -> None:
        body = line.lstrip(" ")
        if not body or body[0] == "#":
            return  # blank or comment
        marker = line[:3] if line[3:4] in ("", " ") else ""
        if line[0] == "%" or marker == "...":
            raise _Unsupported  # a directive or a document end
        if marker == "---":
            rest = line[3:].strip(" ")
            if rest and rest[0] != "#":
                raise _Unsupported  # content on the marker line
            self.items.append((offset, -1, line))
            return
        self.items.append((offset, len(line) - len(body), line))

    def documents(self) -> list[Document]:
        docs = []
        while self.i < len(self.items):
            offset, indent, _ = self.items[self.i]
            root: Node | None = None
            if indent < 0:
                self.i += 1
                if self._indent() >= 0:
                    root = self._block(self._indent())
            else:
                root = self._block(indent)
                offset = root.start
            if self._indent() >= 0:
                raise _Unsupported  # content after the root collection
            docs.append(Document(root, offset))
        return docs

    def _indent(self) -> int:
        """The indentation of the next line; -1 for ``---``, -2 at the end."""
        return self.items[self.i][1] if self.i < len(self.items) else -2

    def _next_token(self) -> int:
        if self.i >= len(self.items):
            return len(self.text)
        offset, indent, _ = self.items[self.i]
        return offset + max(indent, 0)

    def _block(self, col: int) -> Node:
        _, _, line = self.items[self.i]
        if _entry(line, col):
            return self._sequence(col)
        return self._mapping(col)

    def _mapping(self, col: int) -> Mapping:
        offset, _, line = self.items[self.i]
        node = Mapping(start=offset + col)
        while True:
            key, after = self._key(offset, line, col)
            node.pairs.append((key, self._value(offset, line, after, col)))
            if self._indent() != col:
                break
            offset, _, line = self.items[self.i]
            if _entry(line, col):
                raise _Unsupported
        if self._indent() > col:
            raise _Unsupported
        node.end = self._next_token()
        return node

    def _value(self, offset: int, line: str, after: int, col: int) -> Node:
        start = _skip(line, after)
        if start < len(line) and line[start] != "#":
            value = _scalar(offset, line, start)
            self.i += 1
            if self._indent() > col:
                raise _Unsupported  # a scalar continued on the next line
            return value
        self.i += 1
        below = self._indent()
        if below > col:
            return self._block(below)
        if below == col and _entry(self.items[self.i][2], col):
            return self._sequence(col)
        empty = self._next_token()  # ruamel places an empty value at the token after it
        return Scalar("", None, True, empty, empty)

    def _sequence(self, col: int) -> Sequence:
        offset, _, line = self.items[self.i]
        node = Sequence(start=offset + col)
        while True:
            node.items.append(self._item(offset, line, col))
            if self._indent() != col or not _entry(self.items[self.i][2], col):
                break
            offset, _, line = self.items[self.i]
        if self._indent() > col:
            raise _Unsupported
        node.end = self._next_token()
        return node

    def _item(self, offset: int, line: str, col: int) -> Node:
        start = _skip(line, col + 1)
        if start >= len(line) or line[start] == "#":
            self.i += 1
            if self._indent() > col:
                return self._block(self._indent())
            return Scalar("", None, True, offset + col + 1, offset + col + 1)
        if _entry(line, start):
            raise _Unsupported  # "- - x"
        if _key_end(line, start) is not None:
            return self._mapping(start)
        value = _scalar(offset, line, start)
        self.i += 1
        if self._indent() > col:
            raise _Unsupported
        return value

    def _key(self, offset: int, line: str, col: int) -> tuple[Scalar, int]:
        """The key at ``col`` and the position just after its ``:``."""
        end = _key_end(line, col)
        if end is None:
            raise _Unsupported
        if line[col] in "'\"":
            key, after_quote = _quoted(offset, line, col)
            return key, _skip(line, after_quote) + 1
        text = line[col:end].rstrip(" ")
        return Scalar(text, None, True, offset + col, offset + col + len(text)), end + 1


def _entry(line: str, col: int) -> bool:
    return line[col:col + 1] == "-" and line[col + 1:col + 2] in ("", " ")


def _skip(line: str, position: int) -> int:
    while position < len(line) and line[position] == " ":
        position += 1
    return position


def _key_end(line: str, col: int) -> int | None:
    """Where the ``:`` after a simple key at ``col`` is, if the line has one."""
    if line[col] in "'\"":
        try:
            _, after = _quoted(0, line, col)
        except _Unsupported:
            return None
        colon = _skip(line, after)
        found = colon if line[colon:colon + 1] == ":" else -1
    else:
        if not _plain_start(line, col):
            return None
        found = line.find(":", col)
        while found >= 0 and line[found + 1:found + 2] not in ("", " "):
            found = line.find(":", found + 1)
    if found < 0 or line[found + 1:found + 2] not in ("", " ") or found - col > _MAX_KEY:
        return None
    if " #" in line[col:found]:
        return None
    return found


def _plain_start(line: str, col: int) -> bool:
    first = line[col]
    if first == "-":
        return line[col + 1:col + 2] not in ("", " ")
    return first not in _NOT_PLAIN_FIRST


def _scalar(offset: int, line: str, start: int) -> Scalar:
    """A one-line scalar value at ``start`` that ends the line (a comment may follow)."""
    if line[start] in "'\"":
        node, end = _quoted(offset, line, start)
        rest = line[end:]
        if rest.strip(" ") and not (rest[0] == " " and rest.lstrip(" ")[0] == "#"):
            raise _Unsupported
        return node
    if not _plain_start(line, start):
        raise _Unsupported
    comment = line.find(" #", start)
    text = (line[start:comment] if comment >= 0 else line[start:]).rstrip(" ")
    if ": " in text or text.endswith(":"):
        raise _Unsupported  # a mapping where a value should be
    return Scalar(text, None, True, offset + start, offset + start + len(text))


def _quoted(offset: int, line: str, start: int) -> tuple[Scalar, int]:
    """A quoted scalar closed on its own line, without escapes, and the position after it."""
    quote = line[start]
    parts, position = [], start + 1
    while True:
        close = line.find(quote, position)
        if close < 0:
            raise _Unsupported  # continued on the next line
        if quote == "'" and line[close + 1:close + 2] == "'":
            parts.append(line[position:close + 1])
            position = close + 2
            continue
        parts.append(line[position:close])
        break
    value = "".join(parts)
    if quote == '"' and "\\" in value:
        raise _Unsupported
    return Scalar(value, None, False, offset + start, offset + close + 1), close + 1
