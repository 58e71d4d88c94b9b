from __future__ import annotations

import gc
import random
from datetime import datetime
from pathlib import Path

import pytest
import textual.constants

from lerend_tui.common.clock import FakeClock
from lerend_tui.common.paths import Paths

from .hostile import escape_laden_data

TIERS = {"unit": "unit", "pilot": "pilot", "snapshots": "snapshot", "terminal": "terminal", "browser": "browser"}
"""The tiers' folders and their markers (registered in pyproject.toml): `pytest -m unit` runs one tier."""


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test gets the marker of its tier, from the folder it is in; a test outside them has no tier."""
    for item in items:
        folder = item.path.relative_to(Path(__file__).parent).parts[0]
        if folder not in TIERS:
            raise pytest.UsageError(f"{item.nodeid}: a test belongs in a tier's folder: {', '.join(TIERS)}")
        item.add_marker(TIERS[folder])


# Textual's own animations (a tab's underline sliding, smooth scrolling) end where they would have
# ended anyway, but Pilot waits for each one after every key: in tests they jump to their end.
# Read by every App when it is made; the env var TEXTUAL_ANIMATIONS is read too early to set here.
textual.constants.TEXTUAL_ANIMATIONS = "none"

# A Pilot test makes and drops an app of some hundred thousand objects, most of them in cycles (a widget and its
# parent): at Python's default threshold the collector passes through the new objects every 700 of them, some
# 5,000 passes in tests/pilot/test_plan_screen.py, a fifth of its time. Every 10,000 it is some 250 passes and a
# tenth of the time. What a test checks is the same; the older generations are collected as before (once the
# young one has been passed through 10 times, the oldest once it has grown by a quarter).
gc.set_threshold(10_000)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 24, 19, 0))


@pytest.fixture(autouse=True)
def own_platform_dirs(tmp_path: Path, monkeypatch) -> None:
    """No test writes to the real home's config, cache or state (crash logs) dirs."""
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "platform" / name.lower()))


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(data=tmp_path / "data", config=tmp_path / "config", logs=tmp_path / "logs")


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


@pytest.fixture
def hostile_data(paths) -> Path:
    """A data dir in which every text field holds escape sequences (`hostile.escape_laden_data`)."""
    return escape_laden_data(paths)
