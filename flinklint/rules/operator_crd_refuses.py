"""The operator's custom resource definition refuses this value.

## What it does
Reports a value in a `FlinkDeployment` or `FlinkSessionJob` `spec` whose type or value the CRD
of the targeted operator release does not allow: a `resource.cpu` written as `"500m"` (the
CRD wants a number), an unquoted `resource.memory: 2048` (it wants a string), a
`flinkVersion` or `upgradeMode` outside the release's enum, and, up to operator 1.12, any
`flinkConfiguration` value that is not a string (including nested maps).

## Why is this bad?
The API server validates the manifest against the CRD and refuses it as a whole
(`Invalid value: "integer": spec.jobManager.resource.memory in body must be of type string`,
`Unsupported value: "v2_3"`): nothing is deployed. Note that the CRD operator 1.15.0 installs
lists `flinkVersion` values up to `v2_2` only, although its code knows `v2_3` and `v2_4`.

## Example
```yaml deployment.yaml operator-version=1.12
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: 2
  jobManager:
    resource:
      memory: "2048m"
      cpu: 1
  taskManager:
    resource:
      memory: "2048m"
      cpu: 1
```

## Use instead
```yaml deployment.yaml operator-version=1.12
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "2"
  jobManager:
    resource:
      memory: "2048m"
      cpu: 1
  taskManager:
    resource:
      memory: "2048m"
      cpu: 1
```

## Fix safety
No fix: quoting a number keeps the text you wrote, which may differ from what a newer
operator passes to Flink (`1.0` versus `1`).
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import OPERATOR_CRD_REFUSES as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
