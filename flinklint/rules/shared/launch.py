"""What the launcher rules (``FL33x``) share: the start scripts' options with the loader's dump.

:mod:`flinklint.launch` sits below the loader, so the loader's
:func:`~flinklint.loader.yaml_dump.root_scalar` (how Flink writes a ``config.yaml`` value back
for the scripts) is handed in from here.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.launch import options
from flinklint.launch.scripts import Launch, Process, launch

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from flinklint.flink_config import FlinkConfig
    from flinklint.versions import FlinkVersion


def yaml_dump(text: str) -> str:
    from flinklint.loader.yaml_dump import root_scalar

    return root_scalar(text)


def launches(config: FlinkConfig, version: FlinkVersion) -> Iterator[Launch]:
    """The TaskManager's and JobManager's options (where read and modelled)."""
    return options.launches(config, version, yaml_dump)


def launch_of(config: FlinkConfig, version: FlinkVersion, process: Process) -> Launch | None:
    return launch(config, version, process, dump=yaml_dump)
