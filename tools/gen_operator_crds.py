"""Regenerate ``flinklint/data/operator_crds.json`` from the operator's git history.

For each Flink Kubernetes Operator release (the tags ``release-X.Y.Z``, the last patch of each
minor) and ``main``, read the CRDs the Helm chart installs
(``helm/flink-kubernetes-operator/crds/flink{deployments,sessionjobs}.flink.apache.org-v1.yml``:
the release script packages them as committed) and record every field of ``spec`` with its
schema type and enum. ``podTemplate`` (a whole Kubernetes Pod schema) and ``flinkConfiguration``
are recorded as one field each, not descended into.

Usage: python tools/gen_operator_crds.py /path/to/flink-kubernetes-operator.git
The output is small JSON: per kind, per field path, a list of [schema, releases].
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

KINDS = {"FlinkDeployment": "flinkdeployments", "FlinkSessionJob": "flinksessionjobs"}
OPAQUE = {"podTemplate"}
OUT = Path(__file__).resolve().parent.parent / "flinklint" / "data" / "operator_crds.json"


def releases(repo: str) -> list[tuple[str, str]]:
    """(name, git ref) of the newest patch of every minor release, then main."""
    tags = subprocess.run(["git", "-C", repo, "tag"], capture_output=True, text=True,
                          check=True).stdout.split()
    newest: dict[tuple[int, int], tuple[int, str]] = {}
    for tag in tags:
        match = re.fullmatch(r"release-(\d+)\.(\d+)\.(\d+)", tag)
        if match and int(match[1]) >= 1:
            minor = (int(match[1]), int(match[2]))
            if minor not in newest or newest[minor][0] < int(match[3]):
                newest[minor] = (int(match[3]), tag)
    out = [(f"{a}.{b}", newest[(a, b)][1]) for a, b in sorted(newest)]
    return [*out, ("main", "main")]


def schema_of(node: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "x-kubernetes-int-or-string" in node:
        out["type"] = "int-or-string"
    elif "type" in node:
        out["type"] = node["type"]
    elif node.get("x-kubernetes-preserve-unknown-fields"):
        out["type"] = "any"
    if "enum" in node:
        out["enum"] = [str(v) for v in node["enum"]]
    if node.get("type") == "object" and "additionalProperties" in node:
        out["values"] = schema_of(node["additionalProperties"])
    if node.get("type") == "array" and "items" in node and "properties" not in node["items"]:
        out["items"] = schema_of(node["items"])
    return out


def walk(node: dict[str, Any], path: str, out: dict[str, dict[str, Any]]) -> None:
    out[path] = schema_of(node)
    if path.rsplit(".", 1)[-1] in OPAQUE or path.endswith("flinkConfiguration"):
        return
    if node.get("type") == "array" and "properties" in node.get("items", {}):
        walk(node["items"], path + "[]", out)
        return
    if "properties" in node:
        out[path]["fields"] = True
    for name, child in node.get("properties", {}).items():
        walk(child, f"{path}.{name}", out)


def fields(repo: str, ref: str, plural: str) -> dict[str, dict[str, Any]]:
    path = f"helm/flink-kubernetes-operator/crds/{plural}.flink.apache.org-v1.yml"
    text = subprocess.run(["git", "-C", repo, "show", f"{ref}:{path}"], capture_output=True,
                          text=True, check=True).stdout
    crd = YAML(typ="safe").load(text)
    version = next(v for v in crd["spec"]["versions"] if v["name"] == "v1beta1")
    out: dict[str, dict[str, Any]] = {}
    walk(version["schema"]["openAPIV3Schema"]["properties"]["spec"], "spec", out)
    return out


def main(argv: list[str]) -> int:
    repo = argv[1]
    found = releases(repo)
    data: dict[str, Any] = {"releases": [name for name, _ in found], "kinds": {}}
    for kind, plural in KINDS.items():
        table: dict[str, list[list[Any]]] = {}
        for name, ref in found:
            for path, schema in fields(repo, ref, plural).items():
                rows = table.setdefault(path, [])
                row = next((r for r in rows if r[0] == schema), None)
                if row is None:
                    rows.append([schema, [name]])
                else:
                    row[1].append(name)
        data["kinds"][kind] = dict(sorted(table.items()))
    data["sources"] = {name: ref for name, ref in found}
    OUT.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
