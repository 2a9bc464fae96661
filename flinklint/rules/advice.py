"""The advice ``flinklint explain`` prints beside a process Flink refuses: the same code, line
and message as the finding ``check`` reports for it (see :mod:`flinklint.rules.shared.failures`),
and :func:`judge`, the verdict ``explain`` shows, built from those same findings.
"""

from __future__ import annotations

from flinklint.memory import resolve
from flinklint.rules import invalid_memory_value
from flinklint.rules.index import lint_rules
from flinklint.rules.shared.failures import INTERNAL, PLACEHOLDER, owners, process_of
from flinklint.rules.shared.memory import applies, is_manifest
from flinklint.rules.shared.unsized import (
    MISSING,
    NO_MEMORY_SETTINGS,
    first_key_span,
    message,
    nothing_configured,
)
from flinklint.verdict import Advice, verdict
from flinklint.versions import default_for

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.flink_config import FlinkConfig
    from flinklint.memory.model import Failure, ProcessModel
    from flinklint.verdict import Advisor, Verdict
    from flinklint.versions import FlinkVersion


def advice_for(
    failure: Failure,
    config: FlinkConfig,
    process: str | None = None,
    version: FlinkVersion | None = None,
) -> tuple[str, int, str]:
    """The rule code, the line of the responsible key and the advice for a resolver failure.

    The code is empty for a ``FlinkSessionJob``, which no memory rule judges."""
    process = process or process_of(failure)
    version = version or config.flink_version or default_for(config.kind)
    if not applies(config):
        return ("", config.base_line, "a FlinkSessionJob has no processes of its own: it runs on "
                "the session cluster named by spec.deploymentName, which sizes them")
    if failure.kind == PLACEHOLDER:
        return ("", config.base_line, failure.message)
    if failure.kind == INTERNAL or failure.kind not in owners():
        return ("FL000", config.base_line,
                f"flinklint could not resolve this {process}: {failure.message}; please report it")
    code, advise = owners()[failure.kind]
    hit = advise(failure, config, process, version)
    if code == invalid_memory_value.RULE.code:  # quotes kept in the value: FL008 reports it
        quoted = [f for f in config.findings
                  if f.code == invalid_memory_value.QUOTED and f.line == hit.span.line]
        if quoted:
            return quoted[0].code, quoted[0].line, quoted[0].message
    if failure.kind == MISSING and not is_manifest(config) and nothing_configured(config, version):
        return NO_MEMORY_SETTINGS, first_key_span(config).line, message(config)
    return code, hit.span.line, hit.message


def _advisor(config: FlinkConfig, version: FlinkVersion) -> Advisor:
    def advise(process: str, model: ProcessModel) -> Advice | None:
        if model.failure is None:
            return None
        try:
            code, line, text = advice_for(model.failure, config, process, version)
        except Exception:  # a bug in a rule's advice must not hide Flink's own message
            return None
        if not code:
            return Advice(code, line, text, "info")
        rule = lint_rules().get(code)
        return Advice(code, line, text, rule.severity.value if rule else "error")

    return advise


def judge(config: FlinkConfig, version: FlinkVersion) -> Verdict:
    """The verdict of :mod:`flinklint.verdict` with the code, line, advice and severity of the
    finding ``check`` reports for each resolver failure (what ``flinklint explain`` shows)."""
    return verdict(config, version, *resolve(config, version), advise=_advisor(config, version))
