"""How Flink is launched: what the start scripts, images and deployers do with the configuration.

Pure models, no I/O: each module mirrors one launcher of a Flink release and is checked against
goldens made by running that launcher (see ``tools/``).
"""
