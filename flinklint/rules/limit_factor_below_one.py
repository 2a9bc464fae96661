"""A Kubernetes limit factor below 1: Flink refuses to create the pods.

## What it does
Reports `kubernetes.jobmanager.memory.limit-factor`, `kubernetes.taskmanager.memory.limit-factor`
and their `cpu` twins when they are below 1 in a `FlinkDeployment`, including the factors the
operator's main branch computes from `resources.limits` / `resources.requests`. The main branch
divides the two as Kubernetes quantities (`2048m` is 2.048 bytes there) while it reads the
memory itself as a Flink size (`2048m` is 2 GiB), so `requests: 2Gi` with `limits: 4096m`
passes its validator and gives a factor of about 2e-9.

## Why is this bad?
A container's limit cannot be below its request. Flink checks the factor when it builds the
pods and the deployment fails: `kubernetes.taskmanager.memory.limit-factor should be greater
or equal to 1.`

## Example
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    kubernetes.taskmanager.memory.limit-factor: "0.8"
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
  flinkVersion: v1_20
  flinkConfiguration:
    kubernetes.taskmanager.memory.limit-factor: "1.2"
  jobManager:
    resource:
      memory: "2048m"
  taskManager:
    resource:
      memory: "2048m"
```

## Fix safety
No fix: how much head room the container gets is yours to decide.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import LIMIT_FACTOR_BELOW_ONE as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
