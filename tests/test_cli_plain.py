"""``check PATH...`` skips argparse and gets exactly what argparse would give."""

from __future__ import annotations

import subprocess
import sys

import pytest

from flinklint.cli import build_parser, plain_check


@pytest.mark.parametrize("words", [
    ["check"],
    ["check", "conf/flink-conf.yaml"],
    ["check", "a.yaml", "b c/config.yaml", "check", "explain", "x=y", "é"],
])
def test_plain_check_is_what_argparse_gives(words: list[str]) -> None:
    plain = plain_check(words)
    assert plain is not None
    assert vars(plain) == vars(build_parser().parse_args(words))
    assert vars(plain) == vars(build_parser("check").parse_args(words))


@pytest.mark.parametrize("words", [
    ["check", "-"], ["check", "--fix", "a"], ["check", "a", "-q"], ["check", ""],
    ["check", "--", "a"], ["explain", "a"], ["rule"], [],
])
def test_anything_else_goes_through_argparse(words: list[str]) -> None:
    assert plain_check(words) is None


def test_a_plain_run_does_not_import_argparse() -> None:
    code = ("import sys; from flinklint.cli import main; main(['check', 'nothing-here']); "
            "print('argparse' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False"


EXIT = """
import atexit, sys
from flinklint.cli import main_entry
if sys.argv[1] == "with-atexit":
    atexit.register(lambda: print("atexit ran", file=sys.stderr))
sys.argv = ["flinklint", "check", *sys.argv[2:]]
main_entry()
"""


@pytest.mark.parametrize("mode", ["plain", "with-atexit"])
def test_quick_exit_keeps_output_and_code(mode: str, tmp_path: object) -> None:
    from pathlib import Path

    conf = Path(str(tmp_path)) / "flink-conf.yaml"
    conf.write_text("".join(f"unknown.key{n}: {n}\n" for n in range(2000)) + "a:b\n")
    run = subprocess.run([sys.executable, "-c", EXIT, mode, str(conf)], capture_output=True,
                         text=True)
    assert run.returncode == 1  # FL004 is an error
    assert run.stdout.count("FL101") == 2000 and run.stdout.endswith("fixable with --fix.\n")
    assert ("atexit ran" in run.stderr) == (mode == "with-atexit")
