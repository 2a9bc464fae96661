"""A Flink 2 deployment sets a key and another key below it: the operator cannot deploy it.

## What it does
For a `FlinkDeployment` with `flinkVersion` `v2_0` or later, reports a `flinkConfiguration`
key that is a dotted prefix of another key of the configuration the operator ships to the
cluster (`high-availability` and `high-availability.storageDir`, `state.backend` and
`state.backend.incremental`, or `kubernetes.jobmanager.cpu` beside the
`kubernetes.jobmanager.cpu.amount` the operator writes from `resource.cpu`). Operator 1.12 and
later check this when they write Flink 2's `config.yaml`.

## Why is this bad?
The validator does not look at it: the manifest is accepted, and the deployment then fails
with `Overlapping key prefixes detected (high-availability -> high-availability.storageDir),
please replace with Flink v2 compatible, non-deprecated keys.` Flink 2's standard YAML cannot
hold a value at a key and below it.

## Example
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v2_0
  flinkConfiguration:
    high-availability: kubernetes
    high-availability.storageDir: s3://bucket/ha
  jobManager:
    resource:
      memory: "2048m"
  taskManager:
    resource:
      memory: "2048m"
```

## Use instead
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v2_0
  flinkConfiguration:
    high-availability.type: kubernetes
    high-availability.storageDir: s3://bucket/ha
  jobManager:
    resource:
      memory: "2048m"
  taskManager:
    resource:
      memory: "2048m"
```

## Fix safety
No fix: the non-deprecated key to use depends on the option.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import OPERATOR_KEY_PREFIX as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
