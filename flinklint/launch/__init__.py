"""How Flink is launched: what a deployment (scripts, images, Kubernetes, YARN, the operator)
does to a configuration before or while Flink reads it. Modules here are models, like
:mod:`flinklint.memory`: pure functions of a configuration, no printing, no file access."""
