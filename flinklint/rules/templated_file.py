"""The file is a template ({{ }}) and cannot be linted as it is.

## What it does
Reports, once, a file holding template placeholders such as `{{ .Values.memory }}` (Helm,
Jinja, Go templates). Nothing else is checked in it.

## Why is this bad?
It is not bad: the file is simply not a configuration yet. Its values are only known after
rendering, so flinklint would report nonsense about them. Lint the rendered output instead,
e.g. `helm template my-chart | flinklint --stdin-filename rendered.yaml -`.

## Example
```yaml deployment.yaml
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: {{ .Release.Name }}
spec:
  flinkVersion: v1_20
  flinkConfiguration:
    taskmanager.numberOfTaskSlots: "2"
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
    taskmanager.numberOfTaskSlots: "2"
```

## Fix safety
No fix.
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import TEMPLATED_FILE as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
