"""How Flink is launched: models of the programs that start it from a configuration.

Each module models one launcher from its sources, release by release, as data and pure
functions (``operator``: the Flink Kubernetes Operator). The loader and the rules ask them
what the chosen launcher makes of a file; nothing here reads files or prints.
"""
