"""What ``flinklint explain`` adds when ``env.java.opts*`` replaces one of Flink's JVM flags.

The start scripts pass Flink's memory flags first and the options of ``env.java.opts*`` after
them, and the JVM keeps the last (FL331). Text: one line under the process's JVM arguments.
JSON: a ``jvm_overrides`` list in the process's object, only when it has one (an addition to
the document's shape, nothing else changes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

PROCESSES = ("taskmanager", "jobmanager")


@dataclass(frozen=True, slots=True)
class JvmOverride:
    """A memory flag from ``env.java.opts*`` that replaces one of Flink's JVM arguments."""

    flag: str  # as the JVM gets it, e.g. -Xmx2g
    replaces: str  # Flink's own argument, e.g. -Xmx536870902
    key: str  # the option it came from
    line: int | None

    def as_json(self) -> dict[str, Any]:
        return {"flag": self.flag, "replaces": self.replaces, "key": self.key,
                "line": self.line, "code": "FL331"}

    def as_text(self) -> str:
        at = f", line {self.line}" if self.line else ""
        return (f"  Overridden: {self.flag} from {self.key}{at} replaces {self.replaces}: the JVM "
                f"keeps the last one (FL331)")


Overrides = Mapping[str, Sequence[JvmOverride]]


def add_json(document: dict[str, Any], overrides: Overrides) -> None:
    for process in PROCESSES:
        found = overrides.get(process)
        if found and document.get(process, {}).get("ok"):
            document[process]["jvm_overrides"] = [o.as_json() for o in found]


def add_text(text: str, overrides: Overrides) -> str:
    """The lines go right after each process's ``JVM arguments:`` line (TaskManager first)."""
    lines = text.split("\n")
    out: list[str] = []
    seen = 0
    for line in lines:
        out.append(line)
        if line.startswith("  JVM arguments: ") and seen < len(PROCESSES):
            out.extend(o.as_text() for o in overrides.get(PROCESSES[seen], ()))
            seen += 1
    return "\n".join(out)
