"""Whether Flink starts each process of a configuration, and if not, what stops it.

What ``flinklint explain`` shows, built from the same two facts ``flinklint check`` reports
from, so that the two cannot disagree (``tests/test_verdict.py`` holds them to it, and to real
Flink, on every golden configuration). Flink stops a process at one of two stages:

* **load**: ``GlobalConfiguration.loadConfiguration`` runs before any memory option is read and
  stops both processes. The target version does not read this file (FL009): Flink stops with
  ``The Flink config file '<dir>/<file>' (<absolute path>) does not exist.`` (1.18 and 2.x
  ``GlobalConfiguration``), unless the file it does read sits beside this one. Or Flink's YAML
  reader refuses a ``config.yaml`` (FL001, FL002, FL012, FL014, FL016 to FL019): Flink 1.19 and
  later stop with ``Error parsing YAML configuration.``, exactly the cases real Flink refuses
  in ``tests/golden/reader``. A manifest is read by Kubernetes and the operator, not by Flink's
  loader, so only the resolver judges it.
* **resolve**: ``BashJavaUtils`` derives the process's memory and throws; the resolver's
  :class:`~flinklint.memory.model.Failure` holds Flink's message. This stops one process.

The two facts: :func:`flinklint.loader.codes.refusal` (``check`` reports that finding, and
its memory rules word a failure of a file Flink stops loading as waiting for that fix) and the
resolver's failure (the memory rules' findings; :func:`flinklint.rules.advice.judge` adds
their code, line and advice). A stop's ``code`` and ``line`` are those of the finding that ``check``
reports for it, its ``message`` flinklint's advice and ``flink_message`` what Flink prints;
``severity`` is that finding's: a file that sizes neither process is only a warning (FL215),
since the memory often comes from deploy-time options.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from os import path as os_path

from flinklint.loader.codes import refusal
from flinklint.memory.failures import plain_message
from flinklint.records import dataclass

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.flink_config import FlinkConfig
    from flinklint.memory.model import ProcessModel
    from flinklint.versions import FlinkVersion

NOT_READ = "FL009"
YAML_PARSE_ERROR = "Error parsing YAML configuration."
PROCESSES = ("taskmanager", "jobmanager")
PLACEHOLDER = "deploy-placeholder"  # flinklint.memory.PLACEHOLDER, without importing it


@dataclass(frozen=True, slots=True)
class Stop:
    """Why Flink does not start a process."""

    stage: str  # "load" | "resolve" | "deploy" (sized by a deploy-time placeholder)
    code: str  # the code of the finding check reports ("" where no rule judges it)
    line: int | None
    message: str  # flinklint's advice
    flink_message: str  # Flink's own message ("" where Flink prints none)
    severity: str = "error"  # the finding's severity: "error" | "warning" | "info"


@dataclass(frozen=True, slots=True)
class Advice:
    """What a rule says about a resolver failure: its code, line, advice and severity."""

    code: str
    line: int | None
    message: str
    severity: str = "error"


Advisor = Callable[[str, "ProcessModel"], "Advice | None"]


@dataclass(frozen=True, slots=True)
class ProcessVerdict:
    """One process: its resolved memory (always computed) and what stops it, if anything."""

    process: str
    model: ProcessModel
    stop: Stop | None

    @property
    def starts(self) -> bool:
        return self.stop is None


@dataclass(frozen=True, slots=True)
class Verdict:
    taskmanager: ProcessVerdict
    jobmanager: ProcessVerdict

    def __iter__(self) -> Iterator[ProcessVerdict]:
        return iter((self.taskmanager, self.jobmanager))

    def of(self, process: str) -> ProcessVerdict:
        return self.taskmanager if process == "taskmanager" else self.jobmanager

    @property
    def failed(self) -> bool:
        """Whether an error stops a process (what makes ``check`` and ``explain`` exit 1)."""
        return any(p.stop is not None and p.stop.severity == "error" for p in self)


def load_stop(config: FlinkConfig, version: FlinkVersion) -> Stop | None:
    """What stops Flink while it loads the file, before it resolves either process."""
    finding = refusal(config)
    if finding is None:
        return None
    flink = (_missing_file(config.path, version) if finding.code == NOT_READ
             else YAML_PARSE_ERROR)
    return Stop("load", finding.code, finding.line, finding.message, flink)


def _missing_file(path: str, version: FlinkVersion) -> str:
    """Flink's message when the file it reads is missing, or "" when it reads one beside."""
    wanted = "flink-conf.yaml" if version.reads_legacy_file else "config.yaml"
    directory = os_path.dirname(path) or "."
    expected = os_path.join(directory, wanted)
    if os_path.isfile(expected):
        return ""  # Flink starts, but from that other file: this one is ignored
    return f"The Flink config file '{expected}' ({os_path.abspath(expected)}) does not exist."


def _resolve_stop(process: str, model: ProcessModel, advise: Advisor | None) -> Stop | None:
    failure = model.failure
    if failure is None:
        return None
    if failure.kind == PLACEHOLDER:  # Flink is not refusing anything: the value comes later
        return Stop("deploy", "", None, failure.message, "", "info")
    advice = advise(process, model) if advise is not None else None
    if advice is None:
        advice = Advice("FL200", None, plain_message(process, failure))
    # no code: no rule judges it (a FlinkSessionJob, which has no processes of its own)
    flink = failure.message if advice.code else ""
    return Stop("resolve", advice.code, advice.line, advice.message, flink, advice.severity)


def verdict(config: FlinkConfig, version: FlinkVersion, taskmanager: ProcessModel,
            jobmanager: ProcessModel, advise: Advisor | None = None) -> Verdict:
    """Both processes of a loaded configuration, judged as Flink ``version`` would.

    The models are the resolver's for ``config`` (``flinklint.memory.resolve``); ``advise``
    names the rule, line and advice for a resolver failure (default: code FL200, the failure
    in plain words). A load stop wins over the resolver: Flink never gets that far.
    """
    loaded = load_stop(config, version)
    return Verdict(*(
        ProcessVerdict(process, model, loaded or _resolve_stop(process, model, advise))
        for process, model in zip(PROCESSES, (taskmanager, jobmanager), strict=True)
    ))
