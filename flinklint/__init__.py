"""flinklint: a linter for Apache Flink configuration files."""

__version__ = "0.1.0"
