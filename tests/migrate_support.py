"""Shared by the migrate tests: what Flink reads from a legacy file and from a config.yaml,
in a form where a list or map written either way compares equal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flinklint.catalog import catalog
from flinklint.flink_config import FlinkConfig
from flinklint.loader import load_text
from flinklint.loader.yaml_nodes import Mapping as YamlMap
from flinklint.loader.yaml_nodes import Node, Sequence, deref
from flinklint.loader.yaml_parse import documents
from flinklint.loader.yaml_render import flink_text
from flinklint.migration.structured import parse
from flinklint.migration.values import STRUCTURED
from flinklint.versions import DEFAULT_FOR_LEGACY, FileKind

# findings on a config.yaml that mean Flink refuses it or reads it differently than written
YAML_ERRORS = {"FL001", "FL002", "FL014", "FL015", "FL016", "FL017", "FL018", "FL019", "FL020"}


def legacy(text: str | bytes) -> FlinkConfig:
    [config] = load_text(text, FileKind.LEGACY, "flink-conf.yaml")
    return config


def standard(text: str) -> FlinkConfig:
    [config] = load_text(text, FileKind.YAML, "config.yaml")
    return config


def _node(node: Node) -> Any:
    target = deref(node)
    if isinstance(target, YamlMap):
        return {flink_text(k): flink_text(v) for k, v in target.pairs}
    if isinstance(target, Sequence):
        return [_node(item) for item in target.items]
    return flink_text(target)


def read_flow(text: str) -> Any:
    """A list or map as Flink reads it from its YAML text (``[a, b]``, ``{k: v}``)."""
    [document] = documents(text)
    assert document.root is not None
    return _node(document.root)


def legacy_values(effective: Mapping[str, str]) -> dict[str, Any]:
    """Each key's value; list and map options as lists and dicts, the way Flink splits them."""
    out: dict[str, Any] = {}
    for key, value in effective.items():
        info = catalog().lookup(key, DEFAULT_FOR_LEGACY)
        kind = info.type if info else ""
        parsed = parse(value, kind) if kind in STRUCTURED else None
        if parsed is None:
            out[key] = value
        elif kind == "map":
            out[key] = dict(parsed)  # type: ignore[arg-type]
        elif kind == "list:map":
            out[key] = [dict(m) for m in parsed]  # type: ignore[call-overload]
        else:
            out[key] = list(parsed)
    return out


def yaml_values(effective: Mapping[str, str], expected: Mapping[str, Any]) -> dict[str, Any]:
    """config.yaml's values shaped like ``expected``: a map option spread over dotted keys
    (``k.a``, ``k.b``) gathered back under ``k``, YAML list and map texts read."""
    out: dict[str, Any] = dict(effective)
    for key, value in expected.items():
        if isinstance(value, dict) and key not in out:
            prefix = key + "."
            out[key] = {k[len(prefix):]: out.pop(k) for k in list(out) if k.startswith(prefix)}
        elif isinstance(value, (list, dict)) and isinstance(out.get(key), str):
            out[key] = read_flow(out[key])
    return out
