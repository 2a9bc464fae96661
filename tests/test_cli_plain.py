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
