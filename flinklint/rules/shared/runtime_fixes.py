"""The fixes of the run-time memory rules (``FL4xx``): managed memory to zero or back to
Flink's default, a weight for RocksDB. Each is unsafe, proved by re-loading the edited text
(:mod:`flinklint.rules.shared.fixes`), and offered only when Flink still starts the TaskManager
with the change (the resolver run on the changed configuration).
"""

from __future__ import annotations

from flinklint.findings import Span
from flinklint.memory import resolve_process
from flinklint.memory import runtime as rt
from flinklint.records import replace
from flinklint.rules.shared.fixes import add_key, delete_key, set_value
from flinklint.rules.shared.runtime import MANAGED_SIZE, managed_keys, zero_managed

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from flinklint.engine.rule import Context
    from flinklint.findings import Fix
    from flinklint.flink_config import Entry


def zero_managed_fix(ctx: Context) -> Fix | None:
    """Managed memory to zero: the key that sets it says 0, or ``managed.size: 0`` is added;
    offered when Flink still starts the TaskManager with it (the layout the message gives)."""
    config = ctx.config
    if not _resolves(ctx, zero_managed(config.effective), lambda managed: managed == 0):
        return None
    keys = managed_keys(config.effective)
    if not keys:
        return add_key(config, MANAGED_SIZE, "0", f"Add {MANAGED_SIZE}: 0")
    found = config.last(keys[0])
    if found is None:
        return None
    return set_value(config, _unquoted(found), keys[0], "0", f"Set {keys[0]} to 0")


def managed_default_fix(ctx: Context) -> Fix | None:
    """Remove the one line that sets managed memory, so that Flink's default fraction applies;
    offered when Flink then starts the TaskManager with some managed memory."""
    keys = managed_keys(ctx.config.effective)
    if len(keys) != 1:
        return None
    without = {k: v for k, v in ctx.config.effective.items() if k != keys[0]}
    if not _resolves(ctx, without, lambda managed: managed > 0):
        return None
    return delete_key(ctx.config, keys[0],
                      f"Remove {keys[0]} so that Flink's default managed fraction applies")


def _resolves(ctx: Context, effective: Mapping[str, str], managed: Callable[[int], bool]) -> bool:
    """Whether Flink starts the TaskManager of ``effective`` with managed memory that passes."""
    model = resolve_process(ctx.config, ctx.version, "taskmanager", effective)
    return model.ok and managed(model.size("managed"))


def state_backend_weight_fix(ctx: Context) -> Fix | None:
    """Append ``STATE_BACKEND:70`` to a ``NAME:weight,...`` value without it, when Flink then
    reads that weight."""
    found = ctx.config.last(rt.WEIGHTS_KEY)
    if found is None or "STATE_BACKEND" in found.value or "{" in found.value:
        return None
    value = found.value.strip().rstrip(",")
    new = f"{value},STATE_BACKEND:70" if value else "STATE_BACKEND:70"
    weights = rt.consumer_weights({**ctx.config.effective, rt.WEIGHTS_KEY: new}, ctx.version)
    if weights is None or weights.get(rt.STATE_BACKEND) != 70:
        return None
    return set_value(ctx.config, _unquoted(found), rt.WEIGHTS_KEY, new,
                     "Add STATE_BACKEND:70 to the consumer weights")


def _unquoted(entry: Entry) -> Entry:
    """``entry`` with its value span inside the quotes of a quoted YAML scalar on one line, so
    that a new value keeps the quotes (a manifest's values stay strings)."""
    span = entry.value_span
    quoted = len(entry.raw) > 2 and entry.raw[0] in "'\"" and entry.raw[-1] == entry.raw[0]
    # flink-conf.yaml keeps quotes in the value (value == raw): nothing to step inside
    if span is None or not quoted or span.line != span.end_line or entry.value == entry.raw:
        return entry
    inner = Span(span.line, span.column + 1, span.end_line, span.end_column - 1)
    return replace(entry, value_span=inner)
