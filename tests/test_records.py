"""flinklint.records.dataclass makes what dataclasses.dataclass makes of the same class body."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pickle
import pkgutil
from typing import Any

import pytest

import flinklint
from flinklint import records

OPTIONS = [
    {},
    {"eq": False},
    {"frozen": True},
    {"frozen": True, "slots": True},
    {"frozen": True, "slots": True, "order": True},
    {"slots": True},
]


def _pair(options: dict[str, bool]) -> tuple[type, type]:
    """The same class body through the standard decorator and through flinklint's."""

    def body(field: Any) -> type:
        class Value:
            """A value."""

            line: int
            name: str = "x"
            tags: tuple[str, ...] = field(default_factory=tuple)

            def shown(self) -> str:
                return f"{self.name}:{self.line}"

        return Value

    return (dataclasses.dataclass(**options)(body(dataclasses.field)),
            records.dataclass(**options)(body(records.field)))


def _outcome(call: Any) -> object:
    try:
        return call()
    except Exception as err:  # the kind of error is part of the behaviour
        frozen = (records.FrozenInstanceError, dataclasses.FrozenInstanceError)
        return "frozen" if isinstance(err, frozen) else type(err)


def _behaviour(cls: Any) -> list[object]:
    a, b, c = cls(1), cls(1, "x", ()), cls(2, "y", ("t",))
    d, e = cls(3), cls(4)
    return [
        str(inspect.signature(cls)), repr(c).replace(cls.__qualname__, "V"), a == b, a != c,
        a == 1, _outcome(lambda: hash(a) == hash(b)), _outcome(lambda: a < c),
        _outcome(lambda: c >= a), _outcome(lambda: setattr(d, "line", 5)), d.line,
        _outcome(lambda: delattr(e, "name")), _outcome(e.shown), c.shown(), cls.__match_args__,
        getattr(cls, "__slots__", None), hasattr(a, "__dict__"), cls.__hash__ is None,
        dataclasses.replace(c, line=7).line, records.replace(c, name="z").name,
        [f.name for f in dataclasses.fields(c)], dataclasses.asdict(c),
        dataclasses.is_dataclass(cls), cls.__dataclass_params__.frozen,
    ]


@pytest.mark.parametrize("options", OPTIONS, ids=str)
def test_same_behaviour_as_dataclasses(options: dict[str, bool]) -> None:
    std, ours = _pair(options)
    assert _behaviour(ours) == _behaviour(std)


@dataclasses.dataclass(frozen=True, slots=True)
class StdPoint:
    x: int
    tags: tuple[str, ...] = ()


@records.dataclass(frozen=True, slots=True)
class OurPoint:
    x: int
    tags: tuple[str, ...] = ()


@pytest.mark.parametrize("cls", [StdPoint, OurPoint])
def test_frozen_slots_instances_pickle(cls: Any) -> None:
    """Worker processes send findings back pickled."""
    point = cls(3, ("a",))
    assert pickle.loads(pickle.dumps(point)) == point


def test_class_body_errors_as_dataclasses() -> None:
    def mutable() -> None:
        class Bad:
            items: list[str] = []  # noqa: RUF012

        records.dataclass(Bad)

    def order() -> None:
        class Bad:
            a: int = 1
            b: int

        records.dataclass(Bad)

    with pytest.raises(ValueError, match="mutable default"):
        mutable()
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
        order()


def _flinklint_classes() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(flinklint.__path__, "flinklint."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == info.name and hasattr(
                    value, "__record_fields__"):
                found.append(value)
    return found


def test_every_flinklint_class_matches_its_standard_twin() -> None:
    """The signature the standard library builds from the same fields is the one we have."""
    classes = _flinklint_classes()
    assert len(classes) > 30
    for cls in classes:
        twin = dataclasses.make_dataclass(
            cls.__name__, [(f.name, f.type, f) for f in dataclasses.fields(cls)],
            **{k: getattr(cls.__dataclass_params__, k) for k in ("eq", "frozen", "order")})
        assert str(inspect.signature(cls)) == str(inspect.signature(twin)), cls
        assert cls.__match_args__ == twin.__match_args__, cls
