"""A manifest value is not a string, and the operator passes Flink other text.

## What it does
Reports values in a `FlinkDeployment`/`FlinkSessionJob` `spec.flinkConfiguration` that YAML
reads as a number, boolean or list and that reach Flink as text other than what is written,
when the targeted operator release accepts non-string values (1.13 and later). For operator
1.12 and earlier, whose CRD accepts strings only, FL301 reports every such value instead.

## Why is this bad?
Operator 1.13+ converts the value on the way: kubectl reads YAML 1.1 (`yes` becomes `true`,
`1.0` becomes `1`, `0755` becomes `493`), the operator joins a list with `;`. Flink may not get
the text you wrote, and operators up to 1.12 refuse the manifest. A value that arrives
unchanged (`4`, `true`) is not reported.

## Example
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: my-job
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    s3.access-key: 0755
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
    s3.access-key: "0755"
```

## Fix safety
No fix: quoting the written text keeps what you wrote, which may differ from what the
operator passes today (`1.0` versus `1`).
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import OPERATOR_NON_STRING_VALUE as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
