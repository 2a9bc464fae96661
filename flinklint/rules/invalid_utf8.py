"""The file is not valid UTF-8.

## What it does
Reports the first byte sequence that is not valid UTF-8, for example a Latin-1 `é` (byte
`0xE9`) written by an old editor.

## Why is this bad?
Flink refuses a `config.yaml` that is not UTF-8 (`MalformedInputException`) and does not
start. Its legacy parser reads each undecodable byte of a `flink-conf.yaml` as U+FFFD, silently
changing the key or value. kubectl refuses such a manifest.

A file with invalid bytes cannot be shown here; the healthy case:

## Use instead
```yaml flink-conf.yaml
metrics.reporter.jmx.factory.class: org.apache.flink.metrics.jmx.JMXReporterFactory
```

## Fix safety
No fix: re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).
"""

from flinklint.engine.rule import documented
from flinklint.loader.codes import INVALID_UTF8 as CODE

RULE = documented(CODE.code, CODE.name, CODE.severity, __doc__)
