"""Regenerate rules/<CODE>.md, the README's rule index and its example output.

The rule pages and the index come from the rules' docstrings; the example output is what
``flinklint --format concise examples/broken/`` prints, so the README shows real output.

Usage: python tools/gen_rule_docs.py [--check]

With --check nothing is written; the exit status is 1 when a page or the index is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flinklint.report.rule_pages import markdown_page, rule_index  # noqa: E402
from flinklint.rules import RULES  # noqa: E402

START, END = "<!-- rule-index:start -->", "<!-- rule-index:end -->"
OUT_START, OUT_END = "<!-- example-output:start -->", "<!-- example-output:end -->"


def _between(text: str, start: str, end: str, body: str) -> str:
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    return f"{head}{start}\n{body}{end}{tail}"


def example_output() -> str:
    """What the README's example command prints (run in-process, from the repository root)."""
    import contextlib
    import io
    import os

    buffer = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        from flinklint.cli import main

        with contextlib.redirect_stdout(buffer):
            main(["--format", "concise", "examples/broken/"])
    finally:
        os.chdir(cwd)
    return buffer.getvalue()


def expected_files() -> dict[Path, str]:
    """Every generated file with the content it should have."""
    files = {ROOT / "rules" / f"{rule.code}.md": markdown_page(rule) for rule in RULES}
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = _between(text, START, END, rule_index(RULES, fmt="markdown"))
    files[readme] = _between(text, OUT_START, OUT_END, example_output())
    return files


def stale_files() -> list[Path]:
    stale = [
        p
        for p, text in expected_files().items()
        if not p.exists() or p.read_text(encoding="utf-8") != text
    ]
    generated = {p.name for p in expected_files() if p.parent.name == "rules"}
    stale += [p for p in (ROOT / "rules").glob("*.md") if p.name not in generated]
    return stale


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = stale_files()
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    (ROOT / "rules").mkdir(exist_ok=True)
    generated = expected_files()
    for path in (ROOT / "rules").glob("*.md"):
        if path not in generated:
            path.unlink()
    for path, text in generated.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
