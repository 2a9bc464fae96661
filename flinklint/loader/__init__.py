"""Bytes to :class:`~flinklint.flink_config.FlinkConfig`, exactly as Flink reads configuration.

* ``flink-conf.yaml``: Flink's own line parser (:mod:`flinklint.loader.legacy`), no YAML library;
* ``config.yaml``: YAML 1.2 as snakeyaml-engine reads it, flattened (:mod:`~.yaml_file`);
* Kubernetes operator manifests: ``spec.flinkConfiguration`` plus the memory the operator sets
  (:mod:`~.manifest`).

The API: :func:`load_path`, :func:`load_bytes`, :func:`load_text`, :func:`sniff` and
:func:`sibling_findings`. Importing this package does not import ruamel.yaml.
"""

from flinklint.loader.api import load_bytes, load_path, load_text
from flinklint.loader.reading import sibling_findings
from flinklint.loader.sniff import sniff

__all__ = ["load_bytes", "load_path", "load_text", "sibling_findings", "sniff"]
