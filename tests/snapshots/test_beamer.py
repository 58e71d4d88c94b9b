"""Snapshots of the beamer as the follower on the projector shows it: every state of the timer and every
other screen of the view, at three sizes (a fixed clock: FakeClock at 19:00)."""

from dataclasses import replace
from datetime import timedelta

import pytest

from lerend_tui.talk import builtin_talk

from ..appkit import follower_app
from ..samples import live_state

PLAIN = {"focus": "phase", "step_label": "", "step_instruction": ""}
STATES = {  # elapsed seconds of a 10-minute countdown, whether it runs, and what else the live state says
    "running": (150.0, True, PLAIN),
    "ready": (0.0, False, PLAIN),
    "warning": (530.0, True, PLAIN),
    "overtime": (792.0, True, PLAIN),
    "paused": (200.0, False, PLAIN),
    "round": (45.0, True, {"focus": "turn", "speaker": "Anne-Marie", "next_speaker": "Zoë", "round_progress": "2 van 6",
                           "step_label": "", "step_instruction": ""}),
    "steps": (150.0, True, {}),
    "message": (150.0, True, {"message": "Pauze tot 20:15"}),
    "blank": (150.0, True, {"blank": True}),
    "welcome": (0.0, False, {"started": False, "network": "Lerend netwerk Zorg Zuid"}),
    "end": (0.0, False, {"ended": True, "next_meeting": "dinsdag 8 december om 19:30"}),
}
SIZES = [(80, 24), (100, 30), (160, 48)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{cols}x{rows}" for cols, rows in SIZES])
@pytest.mark.parametrize("name", list(STATES))
def test_beamer_snapshots(snap_compare, paths, clock, name, size):
    elapsed, running, changes = STATES[name]
    if name == "welcome":
        changes = {**changes, "planned_start": clock.now() + timedelta(minutes=30)}
    assert snap_compare(follower_app(paths, clock, live_state(clock, elapsed, running, **changes)), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=[f"{cols}x{rows}" for cols, rows in SIZES])
def test_beamer_waiting_snapshot(snap_compare, paths, clock, size):
    assert snap_compare(follower_app(paths, clock), terminal_size=size)


TALK_PAGES = {"wat-we-niet-doen": ("perspectieven", 2), "opleiding-of-lerend-netwerk": ("opleiding", 0)}
"""Two pages of the talk: one of lines, one of the table (its topic, and the page in it)."""


@pytest.mark.parametrize("name", list(TALK_PAGES))
def test_beamer_talk_page_snapshots(snap_compare, paths, clock, name):
    topic, at = TALK_PAGES[name]
    deck = builtin_talk().deck((topic,))
    page = replace(deck, at=at).slide
    assert snap_compare(follower_app(paths, clock, live_state(clock, 150.0, True, page=page)), terminal_size=(100, 30))
