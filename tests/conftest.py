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


@pytest.fixture
def data(tmp_path: Path) -> list[str]:
    """`--data-dir` for `cli.main`, in the test's own folder."""
    return ["--data-dir", str(tmp_path / "data")]


@pytest.fixture
def no_app(monkeypatch):
    """For CLI tests: `start` prepares the meeting and would then run the app: record what it was given instead."""
    opened = []
    monkeypatch.setattr("lerend_tui.app.LerendApp.run", lambda app: opened.append(app._open_meeting))
    return opened
