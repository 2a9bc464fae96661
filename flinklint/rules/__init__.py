"""The rule registry: an explicit tuple, no import side effects."""
