"""Compare ``flinklint.launch.shell.eval_echo`` with bash on random option strings.

The start scripts run ``X=$(eval echo ${X})`` and then use ``${X}`` unquoted; this feeds
seeded random strings made of quotes, backslashes, variables, comments, blanks and shell
syntax through exactly that in bash and through the model, and prints every difference
(strings the model leaves unmodelled are counted, not compared).

    python tools/check_shell_model.py [--seed N] [--count N]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile

from flinklint.launch.shell import eval_echo

PIECES = (
    "-D", "a", "=", "b", " ", "  ", '"', "'", "\\", "$FOO", "${FOO}", "$", "#", "{", "}", ",",
    "*", "x", "\t", "-e", "-n", "..", "${BAR}", "$1", "(", ";", "~", "`",
)  # fmt: skip
SCRIPT = (
    'while IFS= read -r -d "" X; do Y=$(eval echo ${X} 2>/dev/null); '
    'for w in ${Y}; do printf "%s\\x01" "$w"; done; printf "\\x02"; done'
)
ENV = {"FOO": "v a", "PATH": "/usr/bin:/bin"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=3000)
    args = parser.parse_args(argv)
    rnd = random.Random(args.seed)
    cases = ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 8)))
             for _ in range(args.count)]  # fmt: skip
    with tempfile.TemporaryDirectory() as empty:  # globs match nothing here
        out = subprocess.run(
            ["bash", "-c", SCRIPT], input="".join(c + "\0" for c in cases).encode(),
            capture_output=True, env=ENV, cwd=empty, check=True,
        ).stdout.decode()  # fmt: skip
    results = out.split("\x02")[:-1]
    differ = unmodelled = 0
    for case, result in zip(cases, results, strict=True):
        model = eval_echo(case, {"FOO": ENV["FOO"]})
        if model.unmodelled:
            unmodelled += 1
        elif list(model.words) != result.split("\x01")[:-1]:
            differ += 1
            print(f"{case!r}: bash {result.split(chr(1))[:-1]} model {list(model.words)}")
    print(f"{len(cases)} strings, {differ} differences, {unmodelled} left unmodelled")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
