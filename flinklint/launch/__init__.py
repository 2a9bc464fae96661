"""How Flink is launched: models of the programs that start it from a configuration.

Each module models one launcher from its sources, release by release, as data and pure
functions (``operator*``: the Flink Kubernetes Operator: ``operator`` the releases as data,
``operator_crd`` their CRDs, ``operator_spec`` how a release reads a manifest, with
``operator_schema`` and ``operator_checks``). The loader and the rules ask them
what the chosen launcher makes of a file; nothing here reads files or prints.
"""
