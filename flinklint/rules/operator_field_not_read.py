"""The chosen operator release does not read this spec field.

## What it does
Reports a field of a `FlinkDeployment` or `FlinkSessionJob` `spec` that the custom resource of
the operator release you target does not declare, and names the releases that do read it
(`spec.jobManager.resources` exists only on the operator's unreleased main branch,
`resource.ephemeralStorage` from 1.5, `taskManager.replicas` from 1.1, ...). A field that no
release declares is reported too: it is usually a typo. On the main branch it also reports a
deprecated `resource` that is ignored because `resources` holds requests or limits.

The release is `--operator-version` or `operator-version` in the settings; without either,
flinklint assumes the newest release and says so in the message.

## Why is this bad?
The operator's CRD is a structural schema: the API server silently drops fields it does not
declare (and `kubectl apply` with server-side field validation refuses the manifest). The
value never reaches the operator, so the deployment runs without it: memory written only in
`resources.requests.memory` leaves an operator 1.15 deployment without memory, which its
validator refuses.

## Example
```yaml deployment.yaml operator-version=1.15
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v1_20
  jobManager:
    resource:
      memory: "2048m"
  taskManager:
    resources:
      requests:
        memory: "2048m"
```

## Use instead
```yaml deployment.yaml operator-version=1.15
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v1_20
  jobManager:
    resource:
      memory: "2048m"
  taskManager:
    resource:
      memory: "2048m"
```

## Fix safety
No fix: whether to upgrade the operator or rewrite the field is yours to decide.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import OPERATOR_FIELD_NOT_READ as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
