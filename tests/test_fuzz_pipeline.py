"""Property: no input makes flinklint raise, hang, crash a rule or point outside the file.

Random bytes, mutated real configurations and generated ones, under each file name, go through
the whole pipeline in process (load, every rule, the memory resolver, every report format,
``explain``) and through ``flinklint.cli.main``. The loader alone is fuzzed in
``test_loader_fuzz.py``; the fixer in ``test_fuzz_fix.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus import fuzz_settings, inputs, lines, time_limit
from hypothesis import given
from hypothesis import strategies as st

from flinklint.cli import main
from flinklint.engine.run import lint
from flinklint.engine.select import Selection
from flinklint.findings import Finding
from flinklint.flink_config import FlinkConfig
from flinklint.loader import load_bytes
from flinklint.report import FORMATS, ReportInput, render, summary_line
from flinklint.rules import registry
from flinklint.rules.index import lint_rules
from flinklint.versions import FlinkVersion, default_for

VERSIONS = st.sampled_from([None, FlinkVersion(1, 15), FlinkVersion(1, 19), FlinkVersion(1, 20),
                            FlinkVersion(2, 0), FlinkVersion(2, 3)])
DEFINES = st.sampled_from([{}, {"taskmanager.memory.process.size": "4g"},
                           {"taskmanager.memory.flink.size": "x", "a": ""}])
CONCISE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): FL\d{3} ")


def _inside(finding: Finding, config: FlinkConfig) -> bool:
    count = max(len(lines(config.text)), 1) + 1  # a point just past a final line break
    span = finding.span
    return 1 <= span.line <= span.end_line <= count and span.column >= 1 and span.end_column >= 1


def _lint_all(data: bytes, name: str, version: FlinkVersion | None,
              defines: dict[str, str]) -> tuple[list[FlinkConfig], list[Finding], str]:
    configs = load_bytes(data, name, version=version, defines=defines) or []
    findings: list[Finding] = []
    for config in configs:
        target = version or config.flink_version or default_for(config.kind)
        found = lint(config, target, Selection(), rules=lint_rules())
        assert not [f.message for f in found if f.code == "FL000"]
        assert all(_inside(f, config) for f in found), [(f.code, f.span) for f in found]
        findings.extend(found)
    return configs, findings, configs[0].text if configs else ""


@fuzz_settings(80)
@given(inputs(), VERSIONS, DEFINES)
def test_load_lint_report_never_raise(case: tuple[str, bytes], version: FlinkVersion | None,
                                      defines: dict[str, str]) -> None:
    name, data = case
    with time_limit(30):
        _configs, findings, text = _lint_all(data, name, version, defines)
        report = ReportInput(findings=findings, rules=registry(), files_checked=1,
                             sources={name: text}, root=Path.cwd(), version="0")
        for fmt in FORMATS:
            assert isinstance(render(fmt, report, color=fmt == "full"), str)
        concise = render("concise", report).splitlines()
        assert len(concise) == len(findings)  # one line per problem, whatever it quotes
        assert all(CONCISE.match(line) for line in concise)
        assert summary_line(report).count("\n") == 0


@fuzz_settings(40)
@given(inputs(), st.sampled_from([[], ["--format", "json"], ["--format", "full"],
                                  ["--select", "ALL", "--statistics"]]))
def test_cli_exits_with_one_line_per_problem(tmp_path_factory: pytest.TempPathFactory,
                                             case: tuple[str, bytes], extra: list[str]) -> None:
    name, data = case
    root = tmp_path_factory.mktemp("cli")
    (root / name).write_bytes(data)
    out, err = root / "out", root / "err"
    with time_limit(30), out.open("w") as stdout, err.open("w") as stderr:
        code = _main_to([str(root / name), "--isolated", "--color", "never", *extra],
                        stdout, stderr)
    assert code in (0, 1), err.read_text()
    assert "Traceback" not in err.read_text() and not err.read_text()
    if not extra:
        found = out.read_text().splitlines()
        assert all(CONCISE.match(line) for line in found[:-1])
        assert found[-1].startswith(("Found ", "All checks passed", "No Flink configuration",
                                     "No files")) or not found, found[-1]


@fuzz_settings(40)
@given(inputs())
def test_explain_never_raises(tmp_path_factory: pytest.TempPathFactory,
                              case: tuple[str, bytes]) -> None:
    name, data = case
    root = tmp_path_factory.mktemp("explain")
    (root / name).write_bytes(data)
    for fmt in ("text", "json"):
        with time_limit(30), (root / "out").open("w") as out, (root / "err").open("w") as err:
            code = _main_to(["explain", "--format", fmt, "--isolated", str(root / name)],
                            out, err)
        problems = (root / "err").read_text()
        assert code in (0, 1, 2) and "Traceback" not in problems and "internal error" \
            not in problems, problems
        assert all(line.startswith("flinklint: ") for line in problems.splitlines())


def _main_to(argv: list[str], stdout: object, stderr: object) -> int:
    import contextlib

    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):  # type: ignore
        return main(argv)
