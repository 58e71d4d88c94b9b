from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import pytest

from lerend_tui.clock import FakeClock
from lerend_tui.paths import Paths


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 24, 19, 0))


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(data=tmp_path / "data", config=tmp_path / "config")


@pytest.fixture
def rng() -> random.Random:
    return random.Random(7)
