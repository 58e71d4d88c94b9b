"""`@datatype`: the program's dataclasses, with one compiled method each instead of six.

Python 3.11 makes a dataclass's methods by compiling source text for each of them when the class is created: a
frozen one compiles six (`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`), about 1 ms
in all. Some two dozen of them exist before the first screen is drawn, which made these compilations a tenth
of the time `lerend-tui start` takes to its first screen (`make bench`, "start tot eerste scherm"). A `@datatype`
class is a dataclass whose `__init__` is compiled as usual; the other five are the functions here, the same for
every class and doing what a dataclass's do:

- equal when of the same class with equal fields (a ``field(compare=False)`` left out), hashed alike;
- shown as ``Name(field=value, …)`` (a ``field(repr=False)`` left out);
- frozen (the default): a field is set once, by `__init__`, and then neither assigned nor deleted
  (`dataclasses.FrozenInstanceError`); ``@datatype(frozen=False)``: fields that change, and no hash.

`dataclasses.fields`, `replace` and `asdict` work on them as on any dataclass; the type checker sees
``@dataclass(frozen=True)`` (or ``frozen=False``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import TYPE_CHECKING, Any, TypeVar, overload

_Class = TypeVar("_Class", bound=type)


def _getter(names: list[str]) -> Callable[[Any], Any]:
    """The values of `names` of an object, as one comparable value."""
    return attrgetter(*names) if names else lambda _: ()


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared = self._datatype_compared
    return bool(compared(self) == compared(other))


def _hash(self: Any) -> int:
    return hash(self._datatype_hashed(self))


@recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._datatype_shown)
    return f"{self.__class__.__qualname__}({shown})"


def _set_once(self: Any, name: str, value: object) -> None:
    """Let `__init__` set each field once; nothing else can be set."""
    if name not in self._datatype_fields or name in self.__dict__:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _no_delete(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _make(plain: _Class, frozen: bool) -> _Class:
    cls: Any = dataclass(eq=False, repr=False)(plain)
    found = fields(cls)
    cls._datatype_compared = _getter([each.name for each in found if each.compare])
    cls._datatype_shown = tuple(each.name for each in found if each.repr)
    cls.__eq__ = _eq
    cls.__repr__ = _repr
    if frozen:
        cls._datatype_hashed = _getter([each.name for each in found
                                     if (each.compare if each.hash is None else each.hash)])
        cls._datatype_fields = frozenset(each.name for each in found)
        cls.__hash__ = _hash
        cls.__setattr__ = _set_once
        cls.__delattr__ = _no_delete
    else:
        cls.__hash__ = None  # as a dataclass that changes: not hashable
    return cls


if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @overload
    def datatype(cls: _Class, /) -> _Class: ...
    @overload
    def datatype(*, frozen: bool = True) -> Callable[[_Class], _Class]: ...
    @dataclass_transform(frozen_default=True, field_specifiers=(field,))
    def datatype(cls: _Class | None = None, /, *, frozen: bool = True) -> Any: ...
else:
    def datatype(cls=None, /, *, frozen=True):
        """``@datatype`` or ``@datatype(frozen=False)`` on a class, as ``@dataclass(frozen=True)`` (see the module)."""
        if cls is None:
            return lambda cls: _make(cls, frozen)
        return _make(cls, frozen)
