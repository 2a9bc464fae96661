"""What the API server accepts in a ``FlinkDeployment`` or ``FlinkSessionJob``, per release.

The CRDs a release installs (its Helm chart's ``crds/`` folder, packaged as committed by
``tools/releasing/create_source_release.sh``) are structural schemas: the API server drops
(prunes) fields they do not declare (``kubectl apply`` with server-side field validation
refuses them instead), and refuses a value of the wrong type or outside an enum. The fields,
types and enums of every release are generated data, ``flinklint/data/operator_crds.json``
(``tools/gen_operator_crds.py``); ``podTemplate`` (a Kubernetes pod) is not descended into.

One surprise from the data: the CRD that operator 1.15.0 ships still lists ``flinkVersion`` up
to ``v2_2`` (it was last regenerated before ``v2_3``/``v2_4`` were added to the Java enum), so
the API server of a 1.15.0 installation refuses ``v2_3`` and ``v2_4``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from flinklint.launch.operator import OperatorRelease, parse_operator_version

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any

CRD_FILE = Path(__file__).parent.parent / "data" / "operator_crds.json"

Schema = dict[str, "Any"]


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CRD_FILE.read_text(encoding="utf-8"))
    return data


@cache
def _table(kind: str) -> dict[str, list[tuple[Schema, frozenset[OperatorRelease]]]]:
    rows = _data()["kinds"][kind]
    return {path: [(schema, frozenset(map(parse_operator_version, names)))
                   for schema, names in versions] for path, versions in rows.items()}


def schema(kind: str, release: OperatorRelease, path: str) -> Schema | None:
    """The schema of ``path`` (``spec.jobManager.resource.memory``) in ``release``, or None."""
    for found, releases in _table(kind).get(path, ()):
        if release in releases:
            return found
    return None


def releases_with(kind: str, path: str) -> list[OperatorRelease]:
    """Every release whose CRD declares ``path``, oldest first."""
    out: set[OperatorRelease] = set()
    for _, releases in _table(kind).get(path, ()):
        out |= releases
    return sorted(out)


def enum_releases(kind: str, path: str, value: str) -> list[OperatorRelease]:
    """Every release whose CRD accepts ``value`` in the enum of ``path``."""
    out: set[OperatorRelease] = set()
    for found, releases in _table(kind).get(path, ()):
        if value in found.get("enum", (value,)):
            out |= releases
    return sorted(out)


def source_ref(release: OperatorRelease) -> str:
    """The git ref the data of ``release`` was read from (``release-1.12.1``, ``main``)."""
    sources: dict[str, str] = _data()["sources"]
    return sources[str(release)]
