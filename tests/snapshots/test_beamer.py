"""Snapshots of the beamer as the follower on the projector shows it, in each state and at two sizes."""

import pytest

from ..appkit import follower_app
from ..samples import live_state

STATES = {  # elapsed seconds of a 10-minute phase, and whether it runs
    "normal": (150.0, True),
    "warning": (530.0, True),
    "overtime": (792.0, True),
    "paused": (200.0, False),
}


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("name", list(STATES))
def test_beamer_snapshots(snap_compare, paths, clock, name, size):
    elapsed, running = STATES[name]
    assert snap_compare(follower_app(paths, clock, live_state(clock, elapsed, running)), terminal_size=size)


def test_beamer_waiting_snapshot(snap_compare, paths, clock):
    assert snap_compare(follower_app(paths, clock), terminal_size=(80, 24))
