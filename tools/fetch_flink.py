"""Download real Flink's jars (from the PyPI ``apache-flink-libraries`` sdist) into a cache.

Only ``deps/bin/bash-java-utils.jar``, ``deps/lib/*.jar``, ``deps/opt/*`` and ``deps/plugins/*``
are extracted, under ``<cache>/flink-<version>/<sdist top directory>/deps``. A cache
that already holds ``flink-<version>/<anything>/deps/bin/bash-java-utils.jar`` is used as it is.

``pip download`` cannot fetch this sdist (building its metadata fails), so the file address is
taken from the PyPI simple API (JSON form) and the archive is downloaded directly.

    python tools/fetch_flink.py [--cache DIR] [VERSION ...]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

VERSIONS = (
    "1.15.4", "1.16.3", "1.17.2", "1.18.1", "1.19.3",
    "1.20.3", "2.0.1", "2.1.1", "2.2.0", "2.3.0",
)  # fmt: skip
SIMPLE_URL = "https://pypi.org/simple/apache-flink-libraries/"
_WANTED = re.compile(r"^[^/]+/deps/(bin/bash-java-utils\.jar|lib/[^/]+\.jar|opt/.+|plugins/.+)$")


def default_cache() -> Path:
    env = os.environ.get("FLINK_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "flinklint" / "flink"


def find_deps(cache: Path, version: str) -> Path | None:
    """The ``deps`` directory of a cached version, or None when it is not cached."""
    for candidate in sorted((cache / f"flink-{version}").glob("*/deps")):
        if (candidate / "bin" / "bash-java-utils.jar").is_file():
            return candidate
    return None


def dist_jar(deps: Path) -> Path:
    jars = sorted((deps / "lib").glob("flink-dist*.jar"))
    if not jars:
        raise FileNotFoundError(f"no flink-dist jar in {deps / 'lib'}")
    return jars[0]


def sdist_file(version: str) -> tuple[str, str | None]:
    """The URL and sha256 of the sdist of ``version``, from the simple API."""
    request = urllib.request.Request(
        SIMPLE_URL, headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        index = json.load(response)
    names = {f"apache-flink-libraries-{version}.tar.gz", f"apache_flink_libraries-{version}.tar.gz"}
    for entry in index["files"]:
        if entry["filename"] in names:
            return str(entry["url"]), entry.get("hashes", {}).get("sha256")
    raise LookupError(f"no sdist of apache-flink-libraries {version} on PyPI")


def _download(url: str, sha256: str | None, target: Path) -> None:
    digest = hashlib.sha256()
    with urllib.request.urlopen(url, timeout=600) as response, target.open("wb") as sink:
        while chunk := response.read(1 << 20):
            digest.update(chunk)
            sink.write(chunk)
    if sha256 and digest.hexdigest() != sha256:
        raise OSError(f"sha256 mismatch for {url}")


def _extract(archive: Path, target: Path) -> None:
    with tarfile.open(archive, "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.isfile() and _WANTED.match(m.name)]
        tar.extractall(target, members=members, filter="data")


def fetch(version: str, cache: Path) -> Path:
    """Make ``version`` available in ``cache`` and return its ``deps`` directory."""
    found = find_deps(cache, version)
    if found is not None:
        return found
    url, sha256 = sdist_file(version)
    target = cache / f"flink-{version}"
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "sdist.tar.gz"
        _download(url, sha256, archive)
        staging = Path(tmp) / "x"
        _extract(archive, staging)
        target.mkdir(parents=True, exist_ok=True)
        for child in staging.iterdir():
            shutil.move(str(child), str(target / child.name))
    found = find_deps(cache, version)
    if found is None:
        raise FileNotFoundError(f"the sdist of {version} has no deps/bin/bash-java-utils.jar")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("versions", nargs="*", default=list(VERSIONS))
    args = parser.parse_args(argv)
    for version in args.versions:
        print(f"{version}\t{fetch(version, args.cache)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
