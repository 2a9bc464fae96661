"""A manifest value is not a string, as older operators require.

## What it does
Reports values in a `FlinkDeployment`/`FlinkSessionJob` `spec.flinkConfiguration` (and a
`resource.memory`) that YAML reads as a number, boolean or list instead of a string.

## Why is this bad?
The custom resource of operators up to 1.12 declares `flinkConfiguration` a map of strings:
the API server rejects the manifest. Operator 1.13+ accepts other values but converts them on
the way (kubectl reads YAML 1.1: `yes` becomes `true`, `1.0` becomes `1`, `0755` becomes
`493`; a list becomes `a;b`), so Flink may not get the text you wrote. `resource.memory`
must always be a string.

## Example
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: 4
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
    taskmanager.numberOfTaskSlots: "4"
```

## Fix safety
No fix: quoting the written text keeps what you wrote, which may differ from what the
operator passes today (`1.0` versus `1`).
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import OPERATOR_NON_STRING_VALUE as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
