"""The advice ``flinklint explain`` prints beside a process Flink refuses: the same code, line
and message as the finding ``check`` reports for it (see :mod:`flinklint.rules.shared.failures`).
"""

from __future__ import annotations

from flinklint.rules.shared.failures import INTERNAL, PLACEHOLDER, owners, process_of
from flinklint.rules.shared.memory import applies, is_manifest
from flinklint.rules.shared.unsized import MISSING, NO_MEMORY_SETTINGS, message, nothing_configured
from flinklint.versions import default_for

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.flink_config import FlinkConfig
    from flinklint.memory.model import Failure
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
    if failure.kind == PLACEHOLDER:
        return ("", config.base_line, failure.message)
    if failure.kind == INTERNAL or failure.kind not in owners():
        return ("FL000", config.base_line,
                f"flinklint could not resolve this {process}: {failure.message}; please report it")
    code, advise = owners()[failure.kind]
    hit = advise(failure, config, process, version)
    if failure.kind == MISSING and not is_manifest(config) and nothing_configured(config, version):
        return NO_MEMORY_SETTINGS, hit.span.line, message(config)
    return code, hit.span.line, hit.message
