"""``flinklint migrate`` on the command line: where the output goes, what it refuses, exits."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flinklint.cli import main
from flinklint.migration import Settings, migrate
from flinklint.versions import parse_version

Capture = pytest.CaptureFixture[bytes]

SOURCE = b"# memory\r\ntaskmanager.heap.size: 1g\r\na: 1\r\na: 2  # wins\r\n"
EXPECTED = migrate(SOURCE, Settings()).text.encode()


@pytest.fixture
def conf(tmp_path: Path) -> Path:
    path = tmp_path / "flink-conf.yaml"
    path.write_bytes(SOURCE)
    return path


def run(capfdbinary: Capture, *argv: str) -> tuple[int, bytes, str]:
    code = main(["migrate", *argv])
    out, err = capfdbinary.readouterr()
    return code, out, err.decode()


def test_stdout_by_default_with_notes_on_stderr(conf: Path, capfdbinary: Capture) -> None:
    code, out, err = run(capfdbinary, str(conf))
    assert (code, out) == (0, EXPECTED)
    assert b"\r\n" in out and b"taskmanager.memory.flink.size: 1g\r\n" in out
    assert err.splitlines() == [
        f"{conf}:2: 'taskmanager.heap.size' is not read by Flink 2.x: written as "
        "'taskmanager.memory.flink.size' (1g), as Flink 1.x read it in a standalone cluster "
        "(use --legacy-heap containerized if that is not your deployment)",
        f"{conf}:3: 'a' is set again on line 4, which Flink uses; kept as a comment",
    ]


def test_dash_is_stdout_and_quiet_drops_the_notes(conf: Path, capfdbinary: Capture) -> None:
    assert run(capfdbinary, str(conf), "-o", "-", "-q") == (0, EXPECTED, "")


def test_output_file(conf: Path, capfdbinary: Capture) -> None:
    target = conf.parent / "config.yaml"
    code, out, _ = run(capfdbinary, str(conf), "-o", str(target))
    assert (code, out) == (0, b"")
    assert target.read_bytes() == EXPECTED
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(p.name for p in conf.parent.iterdir()) == ["config.yaml", "flink-conf.yaml"]


def test_directories_in_and_out(conf: Path, tmp_path: Path, capfdbinary: Capture) -> None:
    out_dir = tmp_path / "new"
    out_dir.mkdir()
    code, _, _ = run(capfdbinary, str(conf.parent), "-o", str(out_dir), "--nested")
    assert code == 0
    assert (out_dir / "config.yaml").read_bytes() == migrate(SOURCE, Settings(nested=True)
                                                             ).text.encode()


def test_refuses_to_replace_a_file_without_force(conf: Path, capfdbinary: Capture) -> None:
    target = conf.parent / "config.yaml"
    target.write_bytes(b"keep me")
    target.chmod(0o600)
    code, out, err = run(capfdbinary, str(conf), "-o", str(target))
    assert (code, out, target.read_bytes()) == (2, b"", b"keep me")
    assert err == f"flinklint: {target} exists; use --force to replace it\n"
    code, _, _ = run(capfdbinary, str(conf), "-o", str(target), "--force", "-q")
    assert code == 0 and target.read_bytes() == EXPECTED
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in conf.parent.iterdir()) == ["config.yaml", "flink-conf.yaml"]


def test_stdin(capfdbinary: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SOURCE)))
    code, out, err = run(capfdbinary, "-", "--flink-version", "1.20")
    assert (code, out) == (0, migrate(SOURCE, Settings(parse_version("1.20"))).text.encode())
    assert err.startswith("-:3: ")


@pytest.mark.parametrize(("name", "content", "argv", "message"), [
    ("missing.yaml", None, [], "cannot read {path}: No such file or directory"),
    ("config.yaml", b"taskmanager.memory.process.size: 1g\n", [],
     "{path} is a config.yaml, not a legacy flink-conf.yaml; nothing to migrate"),
    ("deploy.yaml", b"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\n", [],
     "{path} is a Kubernetes manifest, not a legacy flink-conf.yaml; nothing to migrate"),
    ("flink-conf.yaml", b"a: 1\n", ["--flink-version", "1.18"],
     "Flink 1.18 reads only flink-conf.yaml; config.yaml is read from Flink 1.19 on "
     "(use --flink-version 1.19 or later)"),
    ("flink-conf.yaml", b"a: 1\n", ["-o", "{dir}/no/such/dir/config.yaml"],
     "cannot write {dir}/no/such/dir/config.yaml: No such file or directory"),
])
def test_errors(tmp_path: Path, capfdbinary: Capture, name: str, content: bytes | None,
                argv: list[str], message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    argv = [a.format(dir=tmp_path) for a in argv]
    code, out, err = run(capfdbinary, str(path), *argv)
    assert (code, out) == (2, b"")
    assert err == "flinklint: " + message.format(path=path, dir=tmp_path) + "\n"


def test_installed_command(conf: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "flinklint", "migrate", str(conf), "-q"],
                          capture_output=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, EXPECTED, b"")
