"""How much flinklint reads, so that any input, however hostile, is checked in bounded time.

Real configurations are far below every limit. A file beyond one gets a single finding that
names the limit ("YAML nesting deeper than 100 levels: flinklint stops here") and is not
checked further; nothing is ever constructed from a YAML tag, so a file cannot run code.

==========================  ===========  =====================================================
``MAX_FILE_BYTES``          10 MiB       a larger file is not read at all
``MAX_YAML_CODE_POINTS``    3 Mi         characters of a YAML file: Flink's own limit for
                                         ``config.yaml`` (snakeyaml-engine's ``codePointLimit``,
                                         3,145,728, byte-order mark not counted), flinklint's for
                                         manifests
``MAX_DEPTH``               100          YAML collections nested in each other
``MAX_NODES``               50,000       YAML nodes (scalars, collections, aliases) in a file
``MAX_ENTRIES``             10,000       keys of one configuration, nested ones included
                                         (after expanding aliases)
``MAX_TEXT``                16 Mi        characters of all keys and values of a configuration
                                         after expanding aliases (a "billion laughs" file)
``MAX_NUMBER_DIGITS``       1,000        digits of a YAML integer
==========================  ===========  =====================================================

Flink itself allows at most 50 aliases to collections (the loader reports more as Flink
does); lines have no limit of their own beyond the file's.
"""

from __future__ import annotations

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_YAML_CODE_POINTS = 3 * 1024 * 1024
MAX_DEPTH = 100
MAX_NODES = 50_000
MAX_ENTRIES = 10_000
MAX_TEXT = 16 * 1024 * 1024
MAX_NUMBER_DIGITS = 1_000
STOP = "flinklint stops here"


class LimitExceeded(Exception):
    """Input beyond one of the limits; ``offset`` is where in the text (0 if unknown)."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message, self.offset = message, offset


def too_deep(offset: int) -> LimitExceeded:
    return LimitExceeded(f"YAML nesting deeper than {MAX_DEPTH} levels: {STOP}", offset)


def too_many_nodes(offset: int) -> LimitExceeded:
    return LimitExceeded(f"more than {MAX_NODES:,} YAML nodes in one file: {STOP}", offset)


def too_many_entries(offset: int) -> LimitExceeded:
    return LimitExceeded(f"more than {MAX_ENTRIES:,} keys in one configuration (aliases "
                         f"expanded): {STOP}", offset)


def too_much_text(offset: int) -> LimitExceeded:
    return LimitExceeded(f"keys and values of more than {MAX_TEXT // 1024 // 1024} Mi characters "
                         f"once YAML aliases are expanded: {STOP}", offset)


def check_digits(digits: str, offset: int = 0) -> None:
    """Refuse an integer too long to convert (Python refuses beyond 4,300 decimal digits)."""
    if len(digits) > MAX_NUMBER_DIGITS:
        raise LimitExceeded(f"an integer of {len(digits):,} digits (more than "
                            f"{MAX_NUMBER_DIGITS:,}): {STOP}", offset)


class Budget:
    """Counts the entries and characters a flattener produces; raises past a limit."""

    def __init__(self) -> None:
        self.entries = 0
        self.text = 0

    def entry(self, offset: int) -> None:
        self.entries += 1
        if self.entries > MAX_ENTRIES:
            raise too_many_entries(offset)

    def chars(self, count: int, offset: int) -> None:
        self.text += count
        if self.text > MAX_TEXT:
            raise too_much_text(offset)
