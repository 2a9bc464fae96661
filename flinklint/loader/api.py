"""Load a file the way Flink (or the Kubernetes operator) would read it.

``load_path`` is what the command line calls for every candidate file; ``load_bytes`` does the
same for bytes already read (standard input, a fixed text being proven); ``load_text`` loads a
known kind. All return one :class:`FlinkConfig` per configuration in the file (one per
``FlinkDeployment``/``FlinkSessionJob`` document of a manifest), or None for a file that is not
a Flink configuration at all. Nothing here raises on user input, and every input is read
in bounded time: a file beyond one of the limits of :mod:`~.limits` (size, nesting, keys,
aliases) gets one finding that names the limit and is not checked further.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from flinklint.findings import Finding, Span
from flinklint.flink_config import Entry, FlinkConfig
from flinklint.loader import build, codes, limits
from flinklint.loader.reading import reading_findings
from flinklint.loader.sniff import CONFIGMAP, LEGACY_NAME, YAML_NAME, sniff
from flinklint.loader.text import Decoded, LineIndex, decode
from flinklint.records import replace
from flinklint.versions import FileKind, FlinkVersion

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.launch.operator import OperatorRelease

_NO_DEFINES: Mapping[str, str] = {}


def load_path(
    path: Path, *, version: FlinkVersion | None = None, defines: Mapping[str, str] = _NO_DEFINES,
    operator: OperatorRelease | None = None,
) -> list[FlinkConfig] | None:
    """Load ``path``; None when it is not a Flink configuration."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.MAX_FILE_BYTES + 1)
    except OSError as err:
        if path.name != LEGACY_NAME and not path.name.endswith((".yaml", ".yml")):
            return None
        finding = codes.UNREADABLE_FILE.at(
            str(path), Span.point(1), f"cannot read the file: {err.strerror or err}")
        return [build.config(str(path), FileKind.LEGACY, "", [], [finding], {}, lintable=False)]
    kind = sniff(path, data)
    if kind is None and path.name == YAML_NAME:
        from flinklint.loader.conf_dir import in_flink_conf_dir

        kind = FileKind.YAML if in_flink_conf_dir(path, data) else None
    if kind is None:
        return None
    if len(data) > limits.MAX_FILE_BYTES:
        return [_too_large(str(path), kind)]
    legacy_beside = kind is FileKind.YAML and (path.parent / LEGACY_NAME).is_file()
    return load_text(data, kind, str(path), version=version, defines=defines,
                     legacy_beside=legacy_beside, operator=operator)


def load_bytes(
    data: bytes,
    path: Path | str,
    *,
    version: FlinkVersion | None = None,
    defines: Mapping[str, str] = _NO_DEFINES,
    kind: FileKind | None = None,
    operator: OperatorRelease | None = None,
    siblings: bool = False,
) -> list[FlinkConfig] | None:
    """Load bytes that came from ``path`` (or are meant for it); None if not a Flink config.

    ``siblings``: decide from the files beside ``path`` as :func:`load_path` does (a
    ``config.yaml`` in a directory that looks like Flink's ``conf/``, a ``flink-conf.yaml``
    beside a ``config.yaml``): standard input with ``--stdin-filename``, an editor's unsaved
    text."""
    kind = kind or sniff(path, data)
    if kind is None and siblings and Path(path).name == YAML_NAME:
        from flinklint.loader.conf_dir import in_flink_conf_dir

        kind = FileKind.YAML if in_flink_conf_dir(Path(path), data) else None
    if kind is None:
        return None
    legacy_beside = siblings and kind is FileKind.YAML and (
        Path(path).parent / LEGACY_NAME).is_file()
    return load_text(data, kind, str(path), version=version, defines=defines,
                     legacy_beside=legacy_beside, operator=operator)


def load_text(
    data: str | bytes,
    kind: FileKind,
    path: str,
    *,
    version: FlinkVersion | None = None,
    defines: Mapping[str, str] = _NO_DEFINES,
    legacy_beside: bool = False,
    operator: OperatorRelease | None = None,
) -> list[FlinkConfig]:
    """Load text of a known kind; ``legacy_beside``: a flink-conf.yaml sits next to it;
    ``operator``: the Kubernetes operator release that reads a manifest (None: the newest)."""
    if len(data) > limits.MAX_FILE_BYTES:
        return [_too_large(path, kind)]
    decoded = decode(data)
    first = _encoding_findings(decoded, kind, path)
    if kind is not FileKind.LEGACY and len(decoded.text) > limits.MAX_YAML_CODE_POINTS:
        return [_stopped(decoded, kind, path, first, *_too_many_code_points(kind))]
    template = _template_at(decoded.text)
    if template is not None:
        return [_templated(decoded, kind, path, first, template)]
    try:
        if kind is FileKind.MANIFEST:
            from flinklint.loader.manifest import load_manifest

            configs = load_manifest(decoded.text, path, defines, first, operator)
            if re.search(CONFIGMAP, decoded.text, re.M) is None:
                return configs
            return configs + _configmaps(decoded.text, path, version, defines, first, configs)
        entries, findings, lintable = _read(decoded, kind, path)
    except RecursionError:
        return [_too_deep(decoded, kind, path, first)]
    except limits.LimitExceeded as err:
        return [_stopped(decoded, kind, path, first, codes.UNREADABLE_FILE, err.message,
                         err.offset)]
    more, readable = reading_findings(kind, path, version, legacy_beside)
    if not readable:  # Flink never reads it: what it would misread there does not matter
        findings = []
    meta = {"bom": "true"} if decoded.bom else {}
    return [build.config(path, kind, decoded.text, entries, first + findings + more, defines,
                         lintable=lintable and readable, meta=meta)]


def _configmaps(text: str, path: str, version: FlinkVersion | None,
                defines: Mapping[str, str], first: list[Finding],
                configs: list[FlinkConfig]) -> list[FlinkConfig]:
    """The Flink files of the manifest's ConfigMaps (:mod:`~.configmap`), loaded as files of
    their own. Not read when the manifest is not UTF-8 (kubectl refuses it whole): then its
    finding is reported, with the operator's resources if there are any."""
    if first:
        return [] if configs else [build.config(path, FileKind.MANIFEST, text, [], first, {},
                                                lintable=False)]
    from flinklint.loader.configmap import blocks

    return [replace(config, embedding=block.embedding)
            for block in blocks(text)
            for config in load_text(block.content, block.kind, path, version=version,
                                    defines=defines, legacy_beside=block.legacy_beside)]


def _read(decoded: Decoded, kind: FileKind, path: str) -> tuple[list[Entry], list[Finding], bool]:
    if kind is FileKind.LEGACY:
        from flinklint.loader.legacy import parse as parse_legacy

        legacy = parse_legacy(decoded.text, path, decoded.bom)
        if len(legacy.entries) > limits.MAX_ENTRIES:
            line = legacy.entries[limits.MAX_ENTRIES].line
            raise limits.too_many_entries(LineIndex(decoded.text).starts[line - 1])
        return legacy.entries, legacy.findings, True
    from flinklint.loader.yaml_file import parse as parse_yaml

    result = parse_yaml(decoded.text, path)
    return result.entries, result.findings, result.lintable


def _encoding_findings(decoded: Decoded, kind: FileKind, path: str) -> list[Finding]:
    if decoded.bad_offset is None:
        return []
    line, column = LineIndex(decoded.text).position(decoded.bad_offset)
    if kind is FileKind.LEGACY:
        what = "Flink's legacy parser reads each undecodable byte as U+FFFD, silently changing "
        what += "the key or value"
    elif kind is FileKind.YAML:
        what = "Flink refuses to load it (MalformedInputException)"
    else:
        what = "kubectl refuses to apply it"
    return [codes.INVALID_UTF8.at(path, Span.point(line, column),
                                  f"the file is not valid UTF-8 from here on; {what}")]


def _template_at(text: str) -> int | None:
    """Where the first ``{{ ... }}`` or ``{% ... %}`` on one line starts, or None. A comment
    line is not looked at: whatever a template engine makes of it, Flink skips it (and
    ``migrate`` keeps a line Flink drops as such a comment). A lone ``\r`` ends a line too, for
    YAML and Flink's parser alike.

    A scan in linear time: a regular expression with a lazy ``.*?`` took minutes on a long
    line of ``{{`` without a closing ``}}``; here a line is given up after its first opening.
    """
    found = [at for opening, closing in (("{{", "}}"), ("{%", "%}"))
             if (at := _opening_at(text, opening, closing)) is not None]
    return min(found) if found else None


def _opening_at(text: str, opening: str, closing: str) -> int | None:
    """The first ``opening`` with ``closing`` after it on its line, not in a comment line.
    Every search covers new ground only: the next line breaks are kept until passed, and a line
    is left after its first opening (a later one would find no more)."""
    at, floor, nl, cr = text.find(opening), 0, -1, -1
    while at >= 0:
        if nl < at:
            nl = text.find("\n", at) % (len(text) + 1)  # not found: the end of the text
        if cr < at:
            cr = text.find("\r", at) % (len(text) + 1)
        end = min(nl, cr)
        start = max(text.rfind("\n", floor, at), text.rfind("\r", floor, at), floor - 1) + 1
        if text.find(closing, at + 2, end) >= 0 and not text[start:at].lstrip(
                " \t").startswith("#"):
            return at
        at, floor = text.find(opening, end), end
    return None


def _templated(decoded: Decoded, kind: FileKind, path: str, first: list[Finding],
               offset: int) -> FlinkConfig:
    line, column = LineIndex(decoded.text).position(offset)
    finding = codes.TEMPLATED_FILE.at(
        path, Span.point(line, column),
        "this file is a template ({{ ... }}); flinklint cannot lint it as it is: lint the "
        "rendered output instead (e.g. helm template ... | flinklint -)",
    )
    return build.config(path, kind, decoded.text, [], [*first, finding], {}, lintable=False)


def _too_deep(decoded: Decoded, kind: FileKind, path: str, first: list[Finding]) -> FlinkConfig:
    finding = codes.YAML_SYNTAX.at(path, Span.point(1, 1),
                                   "the document is nested too deeply to be checked")
    return build.config(path, kind, decoded.text, [], [*first, finding], {}, lintable=False)


def _too_large(path: str, kind: FileKind) -> FlinkConfig:
    finding = codes.UNREADABLE_FILE.at(
        path, Span.point(1),
        f"a file larger than {limits.MAX_FILE_BYTES // 1024 // 1024} MiB: flinklint does not "
        f"read it")
    return build.config(path, kind, "", [], [finding], {}, lintable=False)


def _too_many_code_points(kind: FileKind) -> tuple[codes.Code, str, int]:
    """Flink's own limit for config.yaml (a YAML error), flinklint's for manifests."""
    count = f"{limits.MAX_YAML_CODE_POINTS:,}"
    if kind is FileKind.YAML:
        return codes.YAML_SYNTAX, (
            f"Flink refuses a config.yaml of more than {count} characters ('The incoming YAML "
            f"document exceeds the limit: {limits.MAX_YAML_CODE_POINTS} code points.')"), 0
    message = f"a YAML manifest of more than {count} characters: {limits.STOP}"
    return codes.UNREADABLE_FILE, message, 0


def _stopped(decoded: Decoded, kind: FileKind, path: str, first: list[Finding],
             code: codes.Code, message: str, offset: int) -> FlinkConfig:
    """The one finding of a file beyond a limit."""
    line, column = LineIndex(decoded.text).position(offset)
    finding = code.at(path, Span.point(line, column), message)
    return build.config(path, kind, decoded.text, [], [*first, finding], {}, lintable=False)
