"""The command line on hostile files and trees: exit 0/1/2, one line per problem, no traceback.

``flinklint.cli.main`` runs in process (so failures can be simulated with monkeypatch: a file
whose read raises, a rule that crashes, a rename that fails half-way) and the installed command
runs on a few files. Exit 1 is a finding in a file; exit 2 is for what the user must fix
outside the files (bad arguments, an unreadable path named explicitly) and for FL000.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from corpus import CANARY, time_limit

from flinklint.cli import main
from flinklint.lint import file as lint_file_module
from flinklint.loader import limits
from flinklint.rules import index

CONCISE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): FL\d{3} ")
BIN = Path(sys.executable).parent / "flinklint"
MEMORY = b"taskmanager.memory.process.size: 2g\njobmanager.memory.process.size: 2g\n"
BROKEN = MEMORY + b"taskmanager.numberOfTaskSlots:4\n"  # FL004, a safe fix
HOSTILE = {
    "bomb/config.yaml": b"taskmanager: &a0 {x: 1, y: 2}\n" + b"".join(
        b"a%d: &a%d {p: *a%d, q: *a%d}\n" % (i, i, i - 1, i - 1) for i in range(1, 25)),
    "deep/config.yaml": b"taskmanager.memory.process.size: 1g\n" + b"".join(
        b" " * i + b"k%d:\n" % i for i in range(2000)) + b" " * 2000 + b"v: 1\n",
    "junk/flink-conf.yaml": bytes(range(256)) * 8,
    "tag/config.yaml": MEMORY + b"taskmanager.x: !!python/object/apply:os.system ['touch "
    + CANARY.encode() + b"']\n",
    "k8s/deploy.yaml": b"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nspec:\n"
    b"  flinkConfiguration:\n    a: " + b"{a: " * 3000 + b"\n",
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    with time_limit(60):
        code = main([*argv, "--isolated", "--color", "never", "--format", "concise"]
                    if not argv or argv[0] not in ("migrate", "explain") else list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out.splitlines(), err.splitlines()


def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _findings(out: list[str]) -> list[tuple[str, str]]:
    """(file name, code) of each finding line; every line but the summary is one."""
    assert out and out[-1].startswith(("Found ", "All checks passed")), out[-1:]
    found = []
    for line in out[:-1]:
        match = CONCISE.match(line)
        assert match, line
        found.append((Path(match["path"]).name, line[match.end() - 6:match.end() - 1]))
    return found


def test_hostile_tree_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, HOSTILE)
    code, out, err = _run(capsys, ".")
    assert (code, err) == (1, [])
    found = _findings(out)
    assert ("config.yaml", "FL023") in found and ("deploy.yaml", "FL023") in found
    assert ("config.yaml", "FL018") in found  # the python tag: a value Flink cannot load
    assert not (tmp_path / CANARY).exists()


def _installed(*args: str, cwd: Path, stdin: bytes | None = None
               ) -> subprocess.CompletedProcess[bytes]:
    command = [str(BIN)] if BIN.exists() else [shutil.which("flinklint") or "flinklint"]
    return subprocess.run([*command, *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=120, check=False)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_installed_command_on_hostile_files(tmp_path: Path, name: str) -> None:
    _tree(tmp_path, {name: HOSTILE[name]})
    result = _installed("--isolated", "--format", "concise", name, cwd=tmp_path)
    assert result.returncode == 1, result
    assert result.stderr == b""
    lines = result.stdout.decode().splitlines()
    assert all(CONCISE.match(line) for line in lines[:-1]) and lines[-1].startswith("Found ")
    assert not (tmp_path / CANARY).exists()


def test_installed_command_on_stdin_over_the_size_limit(tmp_path: Path) -> None:
    result = _installed("--isolated", "-", cwd=tmp_path,
                        stdin=b"a: 1\n" * (limits.MAX_FILE_BYTES // 5 + 10))
    assert result.returncode == 1 and b"FL023" in result.stdout and result.stderr == b""


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbfa.b: 1\r\nx:1\r\n",  # a byte-order mark and CRLF, fixed
    b"a.b: caf\xe9\nx:1\n",  # latin-1: not fixed, given back as it was
    MEMORY + b"# " + b"x" * limits.MAX_FILE_BYTES + b"\nx:1\n",  # over the size limit
])
def test_fix_on_stdin_gives_back_every_byte(tmp_path: Path, data: bytes) -> None:
    result = _installed("--isolated", "--fix", "-", cwd=tmp_path, stdin=data)
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    if data.startswith(b"\xef\xbb\xbf"):
        assert result.stdout == b"\xef\xbb\xbfa.b: 1\r\nx: 1\r\n"
    else:
        assert result.stdout == data


def test_symlink_loops_are_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"conf/flink-conf.yaml": BROKEN})
    (tmp_path / "conf" / "loop").symlink_to(tmp_path / "conf", target_is_directory=True)
    (tmp_path / "conf" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")  # a file symlink loop
    code, out, err = _run(capsys, ".")
    assert (code, err) == (1, [])
    assert set(_findings(out)) == {("flink-conf.yaml", "FL004")}


def test_fifo_is_skipped_when_walking_and_refused_when_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"conf/flink-conf.yaml": MEMORY})
    os.mkfifo(tmp_path / "conf" / "config.yaml")
    code, out, err = _run(capsys, "conf")
    assert (code, err, out) == (0, [], ["All checks passed."])
    code, out, err = _run(capsys, "conf/config.yaml")
    assert code == 2 and out == [] and len(err) == 1 and "not a regular file" in err[0]
    code, out, err = _run(capsys, "migrate", "conf/config.yaml")
    assert code == 2 and len(err) == 1 and "not a regular file" in err[0]


def test_directory_named_like_a_config(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"flink-conf.yaml/config.yaml/flink-conf.yaml": BROKEN})
    for target in (".", "flink-conf.yaml", "flink-conf.yaml/config.yaml"):
        code, out, err = _run(capsys, target)
        assert (code, err) == (1, []), target
        assert _findings(out) == [("flink-conf.yaml", "FL004")]


def test_broken_symlinks(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"conf/config.yaml": MEMORY})
    (tmp_path / "conf" / "flink-conf.yaml").symlink_to(tmp_path / "nowhere")
    code, _out, err = _run(capsys, "conf")
    assert (code, err) == (0, [])
    code, _out, err = _run(capsys, "conf/flink-conf.yaml")
    assert code == 2 and len(err) == 1 and "no such file" in err[0]


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make reading one file raise PermissionError (tests run as root, which reads anything)."""
    blocked: set[Path] = set()
    real = Path.open

    def guarded(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.absolute() in blocked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    return lambda path: blocked.add(path.absolute())


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch,
                         unreadable: Callable[[Path], None]) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"conf/flink-conf.yaml": MEMORY, "conf/sub/config.yaml": MEMORY})
    unreadable(tmp_path / "conf" / "flink-conf.yaml")
    code, out, err = _run(capsys, "conf")  # found by walking: a finding of that file
    assert (code, err) == (1, [])
    assert _findings(out) == [("flink-conf.yaml", "FL023")]
    assert "Permission denied" in out[0]
    code, out, err = _run(capsys, "conf/flink-conf.yaml", "conf/sub")  # named: a usage error
    assert code == 2 and out == [] and err == [
        "flinklint: conf/flink-conf.yaml: cannot read: Permission denied"]


def test_directory_that_cannot_be_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"conf/flink-conf.yaml": BROKEN, "conf/locked/flink-conf.yaml": BROKEN})
    locked = tmp_path / "conf" / "locked"
    locked.chmod(0)
    try:
        if not os.access(locked, os.X_OK):  # not root: the permission bits are effective
            code, out, err = _run(capsys, "conf")
            assert (code, err, len(_findings(out))) == (1, [], 1)
        real = os.scandir

        def scandir(path: Any) -> Iterator[os.DirEntry[str]]:
            if Path(path).absolute() == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
        code, out, err = _run(capsys, "conf")  # below the named path: skipped quietly
        assert (code, err, _findings(out)) == (1, [], [("flink-conf.yaml", "FL004")])
        code, out, err = _run(capsys, "conf/locked")  # named itself: a usage error
        assert code == 2 and err == ["flinklint: conf/locked: cannot list: Permission denied"]
    finally:
        locked.chmod(0o755)


def test_internal_error_in_one_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"a/flink-conf.yaml": BROKEN + b"taskmanager.memory.proces.size: 1g\n",
                     "b/flink-conf.yaml": BROKEN})
    rules = dict(index.lint_rules())

    def boom(ctx: Any) -> Iterator[Any]:
        if ctx.config.path.startswith("a"):
            raise RuntimeError("kaput")
        yield from ()

    rules["FL201"] = dataclasses.replace(rules["FL201"], check=boom)
    monkeypatch.setattr(lint_file_module, "lint_rules", lambda: rules)
    code, out, err = _run(capsys, ".")
    assert (code, err) == (2, [])
    found = _findings(out)
    assert ("flink-conf.yaml", "FL000") in found
    assert found.count(("flink-conf.yaml", "FL004")) == 2  # both files, the other rules ran
    assert ("flink-conf.yaml", "FL101") in found
    [internal] = [line for line in out if " FL000 " in line]
    assert internal.startswith("a/flink-conf.yaml:1:1:") and "kaput" in internal


def test_fix_leaves_the_original_when_the_rename_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    original = b"\xef\xbb\xbf" + BROKEN.replace(b"\n", b"\r\n")
    _tree(tmp_path, {"conf/flink-conf.yaml": original})

    def fail(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, out, err = _run(capsys, "--fix", "conf")
    assert code == 2 and err == [
        "flinklint: cannot write conf/flink-conf.yaml: No space left on device"]
    assert (tmp_path / "conf" / "flink-conf.yaml").read_bytes() == original
    assert sorted(p.name for p in (tmp_path / "conf").iterdir()) == ["flink-conf.yaml"]
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "--fix", "conf")
    assert (code, err) == (1, [])  # the byte-order mark (FL011) is no fix of ours
    assert ("flink-conf.yaml", "FL004") not in _findings(out)
    assert (tmp_path / "conf" / "flink-conf.yaml").read_bytes() == original.replace(
        b"Slots:4", b"Slots: 4")


@pytest.mark.parametrize("existing", [True, False])
def test_migrate_leaves_the_target_when_the_rename_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        existing: bool) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"flink-conf.yaml": BROKEN})
    if existing:
        (tmp_path / "config.yaml").write_bytes(b"old: 1\n")

    def fail(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, _out, err = _run(capsys, "migrate", "flink-conf.yaml", "-o", "config.yaml", "--force",
                          "-q")
    assert code == 2 and err == ["flinklint: cannot write config.yaml: No space left on device"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["flink-conf.yaml", *(["config.yaml"] if existing else [])])
    if existing:
        assert (tmp_path / "config.yaml").read_bytes() == b"old: 1\n"


def test_migrate_refuses_a_file_beyond_the_limits(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    many = b"".join(b"taskmanager.k%d: %d\n" % (i, i) for i in range(limits.MAX_ENTRIES + 1))
    _tree(tmp_path, {"flink-conf.yaml": many})
    code, out, err = _run(capsys, "migrate", "flink-conf.yaml", "-o", "config.yaml")
    assert (code, out) == (1, []) and err == [
        f"flink-conf.yaml:{limits.MAX_ENTRIES + 1}: more than {limits.MAX_ENTRIES:,} keys in "
        "one configuration (aliases expanded): flinklint stops here"]
    assert not (tmp_path / "config.yaml").exists()


def test_fix_and_explain_on_hostile_files(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, HOSTILE)
    before = {name: (tmp_path / name).read_bytes() for name in HOSTILE}
    code, _out, err = _run(capsys, "--fix", "--unsafe-fixes", ".")
    assert (code, err) == (1, [])
    assert {name: (tmp_path / name).read_bytes() for name in HOSTILE} == before
    for name in HOSTILE:  # 2: cannot be explained (one line why), 1: Flink refuses it
        code, _out, err = _run(capsys, "explain", name)
        assert (code, len(err)) in ((2, 1), (1, 0), (0, 0)), (name, err)
        assert all(line.startswith("flinklint: ") for line in err)
    assert not (tmp_path / CANARY).exists()


@pytest.mark.parametrize(("settings", "why"), [
    (b"select = [" + b"[" * 100_000 + b"]" * 100_000 + b"]\n", "nested too deeply"),
    (b"x = " + b"{a = " * 100_000 + b"1" + b"}" * 100_000 + b"\n", "nested too deeply"),
    (b"flink-version = " + b"9" * 5000 + b"\n", "Exceeds the limit"),
    (b"select = ['\xff']\n", "can't decode byte 0xff"),
    (bytes(range(256)), "invalid TOML"),
])
def test_hostile_settings_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch, settings: bytes,
                               why: str) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"flink-conf.yaml": BROKEN, ".flinklint.toml": settings})
    with time_limit(60):
        code = main(["flink-conf.yaml"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "") and len(err.splitlines()) == 1
    assert err.startswith(f"flinklint: {tmp_path}/.flinklint.toml: invalid TOML: ") and why in err
