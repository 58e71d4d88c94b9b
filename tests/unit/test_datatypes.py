"""`@datatype` behaves as the dataclass it stands for: compared, hashed, shown and frozen alike."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, asdict, dataclass, field, fields, replace

import pytest

from lerend_tui.common.datatypes import datatype


@datatype
class Point:
    x: int
    y: int = 0
    label: str = field(default="", compare=False)
    notes: list[str] = field(default_factory=list, repr=False, compare=False)


@dataclass(frozen=True)
class Twin:
    """What `Point` would be as a plain frozen dataclass."""

    x: int
    y: int = 0
    label: str = field(default="", compare=False)
    notes: list[str] = field(default_factory=list, repr=False, compare=False)


@datatype(frozen=False)
class Tally:
    name: str
    count: int = 0


def test_equal_and_hashed_as_a_frozen_dataclass_is():
    assert Point(1, 2, "a") == Point(1, 2, "b")  # the label is not compared
    assert Point(1, 2) != Point(1, 3)
    assert Point(1, 2) != Twin(1, 2)  # another class is never equal
    assert Point(1, 2).__eq__((1, 2)) is NotImplemented
    assert hash(Point(1, 2, "a")) == hash(Point(1, 2, "b"))
    assert len({Point(1, 2), Point(1, 2, "c"), Point(2, 1)}) == 2


def test_shown_as_a_frozen_dataclass_is():
    assert repr(Point(1, 2, "a", ["x"])) == repr(Twin(1, 2, "a", ["x"])).replace("Twin", "Point") \
        == "Point(x=1, y=2, label='a')"


def test_frozen_after_init():
    point = Point(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        point.other = 5  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError):
        del point.y  # type: ignore[misc]
    assert (point.x, point.y) == (1, 0)


def test_the_dataclass_functions_and_copies_work():
    point = Point(1, 2, "a", ["n"])
    moved = replace(point, y=5)
    assert moved == Point(1, 5) and moved.label == "a" and point.y == 2
    assert [each.name for each in fields(Point)] == ["x", "y", "label", "notes"]
    assert asdict(point) == {"x": 1, "y": 2, "label": "a", "notes": ["n"]}
    for again in (pickle.loads(pickle.dumps(point)), copy.copy(point), copy.deepcopy(point)):
        assert again == point and again.label == "a" and again.notes == ["n"]
        with pytest.raises(FrozenInstanceError):
            again.x = 3  # type: ignore[misc]


def test_not_frozen_changes_and_has_no_hash():
    tally = Tally("a")
    tally.count += 1
    assert tally == Tally("a", 1) and tally != Tally("a")
    assert repr(tally) == "Tally(name='a', count=1)"
    with pytest.raises(TypeError):
        hash(tally)
