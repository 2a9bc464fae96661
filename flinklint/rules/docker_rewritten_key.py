"""A key the official Docker image overwrites at every container start.

## What it does
With `deployment = "docker"`, reports `jobmanager.rpc.address` and `blob.server.port` in the
file. The image's `docker-entrypoint.sh` (`prepare_configuration`, every image from 1.15 on)
sets them before it starts any Flink process: `jobmanager.rpc.address` to the environment
variable `JOB_MANAGER_RPC_ADDRESS`, or else to the container's host name (`hostname -f`), and
`blob.server.port` to `6124`. Up to the 1.18 images it rewrites the lines of
`flink-conf.yaml` (commented ones too) or appends new ones; from 1.19 it passes them as
dynamic properties to `config-parser-utils.sh`, which writes the file anew. Only
`FLINK_PROPERTIES`, applied afterwards, can set them.

(The image also writes `query.server.port: 6125`, which no Flink version reads: the
queryable-state port is `queryable-state.server.ports`.)

## Why is this bad?
The line looks configured but has no effect, unless the configuration directory is read-only
(a Kubernetes ConfigMap), in which case the image cannot write the file and `FLINK_PROPERTIES`
and `JOB_MANAGER_RPC_ADDRESS` have no effect instead. A TaskManager container whose
`JOB_MANAGER_RPC_ADDRESS` is unset looks for the JobManager under its own host name.

## Example
```yaml flink-conf.yaml flink-version=1.18 deployment=docker
jobmanager.rpc.address: jobmanager
blob.server.port: 6200
```

## Use instead
Set `JOB_MANAGER_RPC_ADDRESS=jobmanager` in the container's environment, and other values in
`FLINK_PROPERTIES`:

```yaml flink-conf.yaml flink-version=1.18 deployment=docker
taskmanager.numberOfTaskSlots: 4
```

## Fix safety
No fix: the value has to move to the container's environment.
"""

from __future__ import annotations

from collections.abc import Iterator

from flinklint.engine.rule import Context, Hit, Rule
from flinklint.findings import Severity
from flinklint.launch.deployment import Deployment, deployment_of
from flinklint.rules.shared.keys import file_entries

RPC, BLOB = "jobmanager.rpc.address", "blob.server.port"
BLOB_PORT = "6124"
_UNLESS = ("unless the configuration directory is read-only; set it in FLINK_PROPERTIES, which "
           "the image applies afterwards")


def _message(key: str, value: str) -> str:
    if key == RPC:
        return (f"the official Docker image sets {RPC} at every container start, to "
                f"$JOB_MANAGER_RPC_ADDRESS or else the container's host name (hostname -f), "
                f"so `{value}` is never used, unless the configuration directory is read-only; "
                f"set JOB_MANAGER_RPC_ADDRESS in the containers' environment instead")
    if value.strip() == BLOB_PORT:
        return (f"the official Docker image sets {BLOB}: {BLOB_PORT} at every container start; "
                f"this line repeats it")
    return (f"the official Docker image sets {BLOB}: {BLOB_PORT} at every container start, so "
            f"the blob server listens on {BLOB_PORT}, not {value.strip()}, {_UNLESS}")


def check(ctx: Context) -> Iterator[Hit]:
    if deployment_of(ctx.config) is not Deployment.DOCKER:
        return
    for entry in file_entries(ctx.config):
        if entry.key in (RPC, BLOB):
            yield Hit(entry.key_span, _message(entry.key, entry.value))


RULE = Rule(
    code="FL352",
    name="docker-rewritten-key",
    severity=Severity.WARNING,
    summary="A key the official Docker image overwrites at every container start.",
    check=check,
    doc=__doc__ or "",
)
