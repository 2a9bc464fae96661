"""The operator's validator refuses the resources or configuration of this manifest.

## What it does
Reports what the `DefaultValidator` of the targeted operator release refuses about resources
and configuration, with the operator's own message, at the line that causes it:

- a `resource` without `memory` (operator 1.0 to 1.3: `JobManager resource memory must be
  defined.`);
- an `ephemeralStorage` that is not a Kubernetes quantity (1.5 and later);
- `resources.requests`/`limits` that are not positive, cannot be parsed, or whose request
  exceeds the limit (main branch);
- `kubernetes.namespace`, `kubernetes.cluster-id` and (1.4 and later)
  `high-availability.cluster-id` in `flinkConfiguration`: `Forbidden Flink config key`;
- a missing `flinkVersion`, or `v1_13`/`v1_14` on operator 1.7 and later;
- a `savepoint` or `last-state` upgrade mode without a checkpoint directory, a savepoint
  upgrade, trigger, periodic savepoints or checkpoint-age limit without a savepoint directory,
  read through the Flink library the operator is built with (1.15 up to operator 1.3, ..., 1.19
  in 1.10: `state.checkpoints.dir`; 1.20 from 1.11: `execution.checkpointing.dir` or its
  deprecated keys), and `last-state` without high availability (up to 1.9);
- with `job.autoscaler.enabled`, autoscaler numbers outside their ranges (1.7 and later:
  `The AutoScalerOption job.autoscaler.utilization.target is invalid, it should be a value
  within the range [0.0, 1.0]`);
- any `flinkConfiguration` key of a `FlinkSessionJob` other than
  `kubernetes.operator.user.artifacts.http.header` (operator 1.0 to 1.2).

Memory strings the operator cannot read are FL022, a process without memory FL205.

## Why is this bad?
The operator's admission webhook refuses the manifest; without the webhook the controller
records the message as a `ValidationError` event and keeps running the last valid spec.

## Example
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    kubernetes.cluster-id: my-cluster
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
  name: my-cluster
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
No fix: the operator's message says what to change.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import OPERATOR_VALIDATION as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
