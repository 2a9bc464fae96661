"""The operator cannot turn resource.memory into a size Flink can read.

## What it does
Reports a `spec.jobManager.resource.memory` or `spec.taskManager.resource.memory` of a
`FlinkDeployment` (on the operator's main branch also a `resources.requests`/`limits` memory)
that the targeted operator release cannot read, with the validator's own message
(`TaskManager resource memory parse error: ...`).

## Why is this bad?
Operator 1.0 to 1.6 copy the text verbatim into `*.memory.process.size`, so it must be a Flink
size: `2Gi` is refused. From 1.7 the operator first reads the value as a Flink size (`2g`,
`2048m`: binary units). If that fails it reads a Kubernetes quantity and writes the plain number
of bytes; a fraction keeps a fraction: `1.5G` becomes `1500000000.0`, which its validator
(and Flink) cannot parse. A value that is neither is refused too.

## Example
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v1_20
  taskManager:
    resource:
      memory: "1.5G"
      cpu: 1
```

## Use instead
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v1_20
  taskManager:
    resource:
      memory: "1536m"
      cpu: 1
```

## Fix safety
No fix: `1.5G` could mean 1.5 GiB or 1.5 GB.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import OPERATOR_MEMORY_CONVERSION as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
