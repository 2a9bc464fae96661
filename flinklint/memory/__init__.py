"""Flink's memory resolver for the TaskManager and the JobManager (1.15 to 2.3)."""
