"""Helpers that several rules use. Nothing here imports a rule module."""
