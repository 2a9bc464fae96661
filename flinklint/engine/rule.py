"""The shape of a rule and of what a rule is given.

A rule is one module under ``flinklint/rules/``, named by its slug, whose docstring is the user
documentation and which ends with one frozen :class:`Rule` value.

The docstring follows one layout, used for ``flinklint rule CODE`` and ``rules/CODE.md``::

    One-line summary (ends with a period).

    ## What it does
    ## Why is this bad?
    ## Example          <- a fenced block the rule must report on
    ## Use instead      <- a fenced block the rule must stay silent on
    ## Fix safety       <- "safe", "unsafe" or "no fix", and why

Fenced blocks carry the file kind and optionally the target version in their info string:
```` ```yaml flink-conf.yaml ```` or ```` ```yaml config.yaml flink-version=2.0 ```` (a manifest
also ``operator-version=1.12``, the Kubernetes operator release reading it). A test
lints every example, so the documentation cannot rot. A check is a pure function of
a :class:`Context` that yields :class:`Hit` values; the engine turns hits into findings (adding
the path, the rule's code and name and the configured severity), so a rule never decides its
own severity and never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property

from flinklint.findings import Fix, Severity, Span
from flinklint.memory import resolve
from flinklint.records import dataclass, field

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any

    from flinklint.flink_config import FlinkConfig
    from flinklint.memory.model import ProcessModel
    from flinklint.versions import FlinkVersion


INTERNAL_ERROR = "FL000"  # the engine's finding for a rule that raised


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: where, what, and optionally how to fix it.

    ``severity`` lets a rule whose findings differ in weight (a removed memory key is an error,
    other removed keys are warnings) set it per hit; a severity configured for the rule wins.
    """

    span: Span
    message: str
    fix: Fix | None = None
    severity: Severity | None = None


class Context:
    """Everything a check may look at. The memory models are resolved on first use; ``shared``
    keeps what several rules compute alike (the memory failures' advice) once per file."""

    def __init__(
        self,
        config: FlinkConfig,
        version: FlinkVersion,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        self.config = config
        self.version = version
        self.options: Mapping[str, Any] = options or {}
        # work several rules need for this one configuration, done by the first that asks
        self.shared: dict[str, Any] = {}

    @cached_property
    def _models(self) -> tuple[ProcessModel, ProcessModel]:
        return resolve(self.config, self.version)

    @property
    def taskmanager(self) -> ProcessModel:
        return self._models[0]

    @property
    def jobmanager(self) -> ProcessModel:
        return self._models[1]


Check = Callable[[Context], Iterable[Hit]]


def reported_by_loader(ctx: Context) -> Iterable[Hit]:
    """The check of a rule whose findings the loader produces (the ``FL0xx`` codes).

    The loader attaches those findings to the :class:`~flinklint.flink_config.FlinkConfig`; the
    engine passes them through selection, severity overrides and suppressions like any other.
    """
    return ()


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity, defaults and check. ``doc`` is the module docstring."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check
    doc: str = ""
    fixable: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)
    # key prefixes without which the check has nothing to look at: the engine does not run it
    # (and the lazy registry does not import it) when no effective key starts with one of them
    needs: tuple[str, ...] = ()

    def applies_to(self, config: FlinkConfig) -> bool:
        """Whether the check has anything to look at in ``config`` (see ``needs``)."""
        return not self.needs or any(key.startswith(self.needs) for key in config.effective)


def documented(code: str, name: str, severity: Severity, doc: str | None, *,
               fixable: bool = False) -> Rule:
    """A rule whose findings the loader or the engine makes: its identity and its documentation
    (the module docstring, whose first line is the summary); its check does nothing."""
    text = doc or ""
    summary = text.strip().partition("\n")[0]
    return Rule(code, name, severity, summary, reported_by_loader, doc=text, fixable=fixable)
