"""How Flink is launched: models of the programs that start it from a configuration.

What a deployment (scripts, images, Kubernetes, YARN, the operator) does to a configuration
before or while Flink reads it, modelled from each launcher's sources, release by release, as
data and pure functions: ``deployment`` (the deployment kinds and what each maps),
``placeholders`` (deploy-time values), ``operator`` (the Flink Kubernetes Operator's releases as
data), ``operator_crd`` (their CRDs) and ``scripts`` (the JVM options the distribution's
start scripts hand the TaskManager and JobManager, with ``shell``, ``reading``, ``flags`` and
``options``; checked against the real scripts in ``tests/golden/launch/``). How a release
reads a manifest's nodes is the loader's
(:mod:`flinklint.loader.operator_spec`, ``operator_schema``, ``operator_checks``). The loader
and the rules ask these models what the chosen launcher makes of a file; nothing here reads
files or prints.
"""
