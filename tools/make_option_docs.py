"""Regenerate ``flinklint/data/option_docs.json``: each option's description, as Flink writes it.

The editor server (``flinklint server``) shows it on hover. The descriptions come from the same
dumps as the catalog (``tools/catalog/CatalogDump.java`` over each version's jars, see
``tools/make_catalog.py``): the ``desc`` of every option, which Flink renders with its
``HtmlFormatter``, turned into Markdown here (``<code>`` to backticks, lists to ``-`` items,
links to ``[text](url)``, ``<br />`` to line breaks, entities decoded).

    python tools/make_option_docs.py [--cache DIR] [--work DIR] [--out FILE]

The file maps each key to ``[[mask, text], ...]``: one item per distinct text, ``mask`` the
versions that describe the key so (a bitmask over ``flinklint.versions.SUPPORTED``, bit 0 =
1.15, as in the catalog). A version whose exact patch release is not in the cache is dumped
from another patch release of the same minor (descriptions do not change in patch releases).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
sys.path.insert(0, str(TOOLS.parent))

from fetch_flink import VERSIONS, default_cache, find_deps  # noqa: E402
from make_catalog import compile_harness, dump, read_dump  # noqa: E402

from flinklint.versions import SUPPORTED, parse_version  # noqa: E402

DEFAULT_OUT = TOOLS.parent / "flinklint" / "data" / "option_docs.json"


def markdown(text: str) -> str:
    """Flink's HTML description as Markdown."""
    text = re.sub(r"<code[^>]*>(.*?)</code>", lambda m: f"`{m.group(1)}`", text, flags=re.S)
    text = re.sub(r'<a href="([^"]*)"[^>]*>(.*?)</a>', r"[\2](\1)", text, flags=re.S)
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"\s*<ul>\s*", "\n", text)
    text = re.sub(r"\s*</ul>\s*", "\n", text)
    text = re.sub(r"\s*</li>", "", text)
    text = re.sub(r"\s*<li>\s*", "\n- ", text)
    text = re.sub(r"</?[a-zA-Z][^>]*>", "", text)
    text = html.unescape(text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def cached_release(cache: Path, version: str) -> str | None:
    """``version`` if cached, else a cached patch release of the same minor."""
    if find_deps(cache, version) is not None:
        return version
    minor = ".".join(version.split(".")[:2])
    for candidate in sorted(cache.glob(f"flink-{minor}.*"), reverse=True):
        release = candidate.name.removeprefix("flink-")
        if find_deps(cache, release) is not None:
            return release
    return None


def build(dumps: dict[str, list[dict[str, object]]]) -> dict[str, list[list[object]]]:
    texts: dict[str, dict[str, int]] = {}
    for version, rows in dumps.items():
        parsed = parse_version(version)
        assert parsed is not None, version
        bit = 1 << SUPPORTED.index(parsed)
        seen: set[str] = set()
        for row in rows:
            key, desc = str(row["key"]), row.get("desc")
            if not desc or key in seen:
                continue
            seen.add(key)  # the first definition of a key: the order CatalogDump scans
            text = markdown(str(desc))
            per_key = texts.setdefault(key, {})
            per_key[text] = per_key.get(text, 0) | bit
    return {k: [[mask, text] for text, mask in v.items()] for k, v in sorted(texts.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "flinklint-catalog"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    classes: Path | None = None
    dumps = {}
    for version in VERSIONS:
        release = cached_release(args.cache, version)
        if release is None:
            raise SystemExit(f"Flink {version} is not in {args.cache}: run tools/fetch_flink.py")
        out = args.work / f"{release}.jsonl"
        if not out.is_file():
            classes = classes or compile_harness(args.work)
            dump(release, args.cache, args.work, classes)
        dumps[version] = read_dump(out)
    data = {"format": 1, "docs": build(dumps)}
    text = json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(text)} bytes, {len(data['docs'])} keys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
