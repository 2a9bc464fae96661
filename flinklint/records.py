"""``@dataclass`` for flinklint's value classes, at a fraction of the start-up cost.

flinklint runs as a pre-commit hook, so start-up time is part of the product. The standard
decorator imports ``inspect`` and compiles five to nine methods per class from source text
when the class is defined; with the ~35 classes a run defines, that was a third of the time
to lint one file. This decorator gives the same classes for the options flinklint uses
(``eq``, ``frozen``, ``order``, ``slots`` and ``field(default_factory=...)``): the same
``__init__`` signature and defaults, ``__repr__``, ``__eq__``, ``__hash__``, ordering,
immutability (:class:`FrozenInstanceError` is an ``AttributeError``), ``__slots__``,
``__match_args__`` and pickling. Only ``__init__`` is compiled; the other methods compare or
print ``operator.attrgetter`` tuples of the fields.

The classes stay dataclasses to the standard library: ``__dataclass_fields__`` is built with
:func:`dataclasses.make_dataclass` the first time something asks for it, so
``dataclasses.replace``, ``fields``, ``asdict`` and ``is_dataclass`` work (and only then is
``dataclasses`` imported). :func:`replace` does the same as ``dataclasses.replace`` without
that import, for the hot paths. ``tests/test_records.py`` compares every class defined this
way with what ``dataclasses.dataclass`` makes of the same class body.
"""

from __future__ import annotations

from operator import attrgetter
from reprlib import recursive_repr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform

    _T = TypeVar("_T")

_FIELDS = "__record_fields__"


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen instance (like ``dataclasses.FrozenInstanceError``)."""


class _Factory:
    """A ``field(default_factory=...)``; one instance is also the ``__init__`` default."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any] | None) -> None:
        self.make = make

    def __repr__(self) -> str:
        return "<factory>"  # as in the signature the standard decorator makes


_HAS_FACTORY = _Factory(None)


if TYPE_CHECKING:  # the standard library's signatures, for type checkers

    def field(*, default_factory: Callable[[], _T]) -> _T: ...

    @dataclass_transform(field_specifiers=(field,))
    def dataclass(cls: type[_T] | None = None, /, *, eq: bool = True, frozen: bool = False,
                  order: bool = False, slots: bool = False) -> Any: ...

else:

    def field(*, default_factory):
        """A field whose default is made by ``default_factory()`` for each instance."""
        return _Factory(default_factory)

    def dataclass(cls=None, /, *, eq=True, frozen=False, order=False, slots=False):
        """Make ``cls`` a dataclass (see the module docstring for what is supported)."""

        def wrap(cls):
            return _process(cls, eq, frozen, order, slots)

        return wrap if cls is None else wrap(cls)


def replace(obj: _T, /, **changes: Any) -> _T:
    """A copy of ``obj`` with some fields changed (``dataclasses.replace``)."""
    names = getattr(type(obj), _FIELDS, None)
    if names is None:
        import dataclasses

        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    for name in names:
        if name not in changes:
            changes[name] = getattr(obj, name)
    return type(obj)(**changes)


def _process(cls: type, eq: bool, frozen: bool, order: bool, slots: bool) -> type:
    annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - not inspect
    names = tuple(annotations)
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    _check_defaults(names, defaults)
    if slots:
        body = {k: v for k, v in cls.__dict__.items() if k not in (*names, "__dict__",
                                                                 "__weakref__")}
        body["__slots__"] = names
        qualname = cls.__qualname__
        cls = type(cls)(cls.__name__, cls.__bases__, body)
        cls.__qualname__ = qualname
    else:
        for name, default in defaults.items():
            if isinstance(default, _Factory):
                delattr(cls, name)
    key = _key(names)
    methods = {"__init__": _init(cls, annotations, defaults, frozen), "__repr__": _repr(names),
               "__match_args__": names, _FIELDS: names}
    if eq:
        methods["__eq__"] = _compare("__eq__", key, lambda a, b: a == b)
        methods["__hash__"] = (lambda self: hash(key(self))) if frozen else None
    if order:
        for name, test in _ORDER.items():
            methods[name] = _compare(name, key, test)
    if frozen:
        methods.update(_frozen(cls, names, slots))
    for name, value in methods.items():
        if name not in cls.__dict__ or name == "__hash__":
            setattr(cls, name, value)
    options = {"eq": eq, "frozen": frozen, "order": order}
    for name in ("__dataclass_fields__", "__dataclass_params__"):
        setattr(cls, name, _Standard(name, annotations, defaults, options))
    return cls


def _check_defaults(names: tuple[str, ...], defaults: dict[str, Any]) -> None:
    """The errors ``dataclasses.dataclass`` raises for the same class body."""
    seen_default = False
    for name in names:
        if name not in defaults:
            if seen_default:
                raise TypeError(f"non-default argument {name!r} follows default argument")
            continue
        seen_default = True
        default = defaults[name]
        if not isinstance(default, _Factory) and type(default).__hash__ is None:
            raise ValueError(f"mutable default {type(default)} for field {name} is not "
                             "allowed: use default_factory")


def _init(cls: type, annotations: dict[str, Any], defaults: dict[str, Any],
          frozen: bool) -> Any:
    names = tuple(annotations)
    scope = {"__set": object.__setattr__, "__missing": _HAS_FACTORY}
    params, lines = [], []
    for name in names:
        value = name
        if isinstance(defaults.get(name), _Factory):
            scope[f"__make_{name}"] = defaults[name].make
            params.append(f"{name}=__missing")
            value = f"__make_{name}() if {name} is __missing else {name}"
        elif name in defaults:
            scope[f"__default_{name}"] = defaults[name]
            params.append(f"{name}=__default_{name}")
        else:
            params.append(name)
        lines.append(f"__set(self, {name!r}, {value})" if frozen else f"self.{name} = {value}")
    source = f"def __init__(self, {', '.join(params)}):\n  " + ("\n  ".join(lines) or "pass")
    exec(source, scope)  # one small function per class: the only code compiled here
    function: Any = scope["__init__"]
    function.__qualname__ = f"{cls.__qualname__}.__init__"
    function.__annotations__ = {**annotations, "return": None}
    return function


def _key(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """The fields of an instance as a tuple, the way dataclasses compare and hash them."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _compare(name: str, key: Callable[[object], tuple[Any, ...]],
             test: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Any]:
    def method(self: object, other: object) -> Any:
        if other.__class__ is self.__class__:
            return test(key(self), key(other))
        return NotImplemented

    method.__name__ = name
    return method


_ORDER = {
    "__lt__": lambda a, b: a < b,
    "__le__": lambda a, b: a <= b,
    "__gt__": lambda a, b: a > b,
    "__ge__": lambda a, b: a >= b,
}


def _repr(names: tuple[str, ...]) -> Callable[[object], str]:
    @recursive_repr()
    def __repr__(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _frozen(cls: type, names: tuple[str, ...], slots: bool) -> dict[str, Any]:
    def __setattr__(self: object, name: str, value: object) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self: object, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)

    def __getstate__(self: object) -> list[object]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: object, state: list[object]) -> None:
        for name, value in zip(names, state, strict=True):
            object.__setattr__(self, name, value)

    methods = {"__setattr__": __setattr__, "__delattr__": __delattr__}
    if slots:  # pickling: the default protocol would call the frozen __setattr__
        methods.update(__getstate__=__getstate__, __setstate__=__setstate__)
    return methods


class _Standard:
    """``__dataclass_fields__``/``__dataclass_params__``, made by ``dataclasses`` on first use."""

    def __init__(self, name: str, annotations: dict[str, Any], defaults: dict[str, Any],
                 options: dict[str, bool]) -> None:
        self.name, self.annotations, self.defaults, self.options = (
            name, annotations, defaults, options)

    def __get__(self, instance: object, owner: type) -> Any:
        import dataclasses

        spec = []
        for name, kind in self.annotations.items():
            default = self.defaults.get(name, dataclasses.MISSING)
            if isinstance(default, _Factory) and default.make is not None:
                spec.append((name, kind, dataclasses.field(default_factory=default.make)))
            else:
                spec.append((name, kind, dataclasses.field(default=default)))
        shadow = dataclasses.make_dataclass(owner.__name__, spec, **self.options)  # type: ignore[arg-type]
        for name in ("__dataclass_fields__", "__dataclass_params__"):
            setattr(owner, name, shadow.__dict__[name])
        return shadow.__dict__[self.name]
