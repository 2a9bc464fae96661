"""Golden values: how real Flink reads typed option values, for ``tests/test_catalog_values.py``.

Every case is written once into a legacy ``flink-conf.yaml`` (versions up to 1.20) and once into a
standard ``config.yaml`` (1.19 and later), then read by ``ValueOracle.java`` through an option of
the case's type. The YAML type of each text under the YAML 1.2 core schema is stated by hand
(``s`` string, ``i`` integer, ``f`` float, ``b`` boolean), so the tests need no YAML parser.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

_BOOL = "true:b TRUE:b True:b false:b FaLsE yes on 1:i 0:i t"
_INT = ("1:i -1:i +5:i 007:i 1.0:f 1e3:f 2147483647:i 2147483648:i -2147483649:i 0x10:i "
        "abc 1_000 12a 99999999999999999999:i")  # fmt: skip
_LONG = "9223372036854775807:i 9223372036854775808:i -5:i 1.5:f 0x10:i 10L 1_0"
_FLOAT = ("0.4:f .4:f 4.:f 1e-3:f 1E3:f -0.5:f +0.5:f NaN Infinity -Infinity inf .inf:f "
          "0.2f 0.2d 0x1p3 1e40:f 1e400:f abc 1_0 3:i 0.1:f")  # fmt: skip
_DURATION = (
    "10s 10S 10sec 10secs 10second 10seconds 1min 1m 1minute 1minutes 1h 1hour 1hours 1d "
    "1day 1days 100ms 100milli 100millis 100millisecond 100milliseconds 5us 5µs 5micro "
    "5micros 5microsecond 5microseconds 5ns 5nano 5nanos 5nanosecond 5nanoseconds 100:i "
    "PT10S pt10s P1D PT1.5S 1.5s:s 1.5:f -1s s 10x 1w 10hrs 0:i 007s 106751991167d "
    "106751991168d 9223372036854775807ns 9223372036854775808:i 10SECONDS 1H 3MIN "
    "106751991167301d 9223372036854775807d 99999999999999999999ms 9223372036854775808ns "
    "-PT1S PT-1S -PT-1S P1DT2H PT1,5S P1W P1Y PT1.1234567891S PT PT1S5 10_s"
)
_MEMORY = ("1g 1728_MB 1G 1gb 1m 1k 1t 1tb 1b 1bytes 1024:i 1.5g 1kib 1Gi 8388608t 8388607t "
           "9223372036854775807:i 9223372036854775808:i 0:i -1m:s 64mebibytes abc")  # fmt: skip
_ENUM = "STREAMING streaming Batch automatic foo"
CASES: dict[str, str] = {
    "bool": _BOOL, "int": _INT, "long": _LONG, "float": _FLOAT, "double": _FLOAT,
    "dur": _DURATION, "mem": _MEMORY, "enum": _ENUM,
}  # fmt: skip
YAML_VERSIONS = ("1.19", "1.20", "2.0", "2.1", "2.2", "2.3")


def cases() -> list[tuple[str, str, str]]:
    """(type, text, YAML type of the text) for every case."""
    out = []
    for kind, texts in CASES.items():
        for item in texts.split(" "):
            text, _, yaml_type = item.partition(":") if ":" in item[1:] else (item, "", "")
            out.append(
                (
                    kind,
                    text.replace("_", " ") if "_s" in text or "_MB" in text else text,
                    yaml_type or "s",
                )
            )
    return out


def run(version: str, file_name: str, classpath: str) -> list[dict[str, Any]]:
    table = cases()
    with tempfile.TemporaryDirectory() as tmp:
        conf = Path(tmp) / "conf"
        conf.mkdir()
        lines = [f"k{i}: {text}" for i, (_, text, _) in enumerate(table)]
        (conf / file_name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        listing = Path(tmp) / "cases"
        listing.write_text("".join(f"{i}\t{k}\n" for i, (k, _, _) in enumerate(table)))
        out = Path(tmp) / "out"
        command = ["java", "-cp", classpath, "ValueOracle", str(conf), str(listing), str(out)]
        subprocess.run(command, check=True, cwd=tmp, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=300)  # fmt: skip
        results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    rows = []
    for result in results:
        kind, text, yaml_type = table[result["id"]]
        row = {"type": kind, "text": text, "yaml": yaml_type if file_name == "config.yaml" else "s"}
        row.update({k: v for k, v in result.items() if k != "id"})
        rows.append(row)
    return rows
