"""Building the app for Pilot and snapshot tests (a fake clock, a temporary data dir, no delays), and
driving it: waiting for an outcome, pasting, opening a screen."""

from __future__ import annotations

import asyncio
import random
import time
from datetime import timedelta
from pathlib import Path

from textual import events
from textual.widgets import Input, OptionList, TextArea
from textual.worker import WorkerState

from lerend_tui.app import FollowerApp, LerendApp, make_app
from lerend_tui.common.clock import FakeClock
from lerend_tui.common.paths import Paths
from lerend_tui.meeting.running import new_meeting_record
from lerend_tui.screens.network import NetworkScreen
from lerend_tui.screens.networks import NetworksScreen
from lerend_tui.storage.live import LiveState, write_live
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import load_templates


def meeting_app(paths: Paths, clock: FakeClock, *, title: str = "Zorgnetwerk Zuid", save_delay: float = 60.0,
                participants=(), carried=(), network: str = "", template: str = "bijeenkomst",
                **options) -> tuple[LerendApp, Path]:
    """An app that opens straight on a new bijeenkomst (or a meeting of another `template`), as `lerend-tui
    start` does; with `carried`, one of a network that brings back those commitments and actions of its
    previous meeting; `network`, the network's id. `options` go to the app (its settings, say)."""
    record = new_meeting_record(load_templates().get(template), title=title, participants=list(participants),
                                planned_start=clock.now() - timedelta(seconds=0))
    if carried:
        record.network, record.carried = "zorgnetwerk", list(carried)
    if network:
        record.network = network
    path = MeetingStore(paths.meetings).create(record)
    app = make_app(paths, clock=clock, rng=random.Random(1), open_meeting=(record, path), save_delay=save_delay,
                   **options)
    return app, path


def home_app(paths: Paths, clock: FakeClock) -> LerendApp:
    return make_app(paths, clock=clock, rng=random.Random(1))


async def finish_reading(pilot) -> None:
    """Wait until the screens have read their files and shown what they read: a screen reads a folder in a
    worker (`LerendScreen.read_then_show`), which Pilot's own pauses do not wait for, and what it shows may
    start the next read (the plans screen reads its plans once it knows the networks)."""
    await pilot.pause()  # a key's handler may be about to start a read
    # A read started by what another showed is pending until its task first runs: it counts as running.
    while running := [worker for worker in pilot.app.workers
                      if worker.state in (WorkerState.PENDING, WorkerState.RUNNING)]:
        await asyncio.gather(*(worker.wait() for worker in running), return_exceptions=True)  # or cancelled
        await pilot.pause()  # what showing it posted


def follower_app(paths: Paths, clock: FakeClock, state: LiveState | None = None) -> FollowerApp:
    """`lerend-tui beamer` on the data dir, following `state` if given (as another program wrote it)."""
    paths.data.mkdir(parents=True, exist_ok=True)
    if state is not None:
        write_live(paths.live, state)
    return FollowerApp(paths, clock=clock)


async def until(pilot, condition, what: str, timeout: float = 10.0):
    """Let the app run until `condition()` gives something true, and return that; fail naming `what`.

    For what happens in a worker, a thread or on a timer (a background save, a doorbell, a footer's keys):
    it takes its own time, longer on a busy machine, so a test waits for it to happen, not for a time. Only a
    broken program needs the `timeout` (seconds)."""
    deadline = time.monotonic() + timeout
    while not (outcome := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        await pilot.pause()
    return outcome


async def steady(pilot) -> None:
    """For a snapshot: the screen up, its files read and shown (`finish_reading`) and no cursor blinking. A
    blinking cursor is drawn or not depending on the moment the snapshot is taken, which comes later on a busy
    machine; and a snapshot's `run_before` begins as soon as the app is ready, before the screen has any fields
    whose blinking to stop."""
    await finish_reading(pilot)
    for field in [*pilot.app.screen.query(TextArea), *pilot.app.screen.query(Input)]:
        field.cursor_blink = False


async def paste(pilot, text: str) -> None:
    """`text` into the focused field at once, as a terminal delivers a paste (a TextArea keeps its newlines).
    For tests about what a form or screen does with the text, not about typing: Pilot waits for the app after
    every single key, so a sentence typed key by key costs seconds. Tests about typing still press the keys."""
    await pilot.pause()  # what is still queued first, as with a key: a screen may set its focus after mounting
    assert pilot.app.focused is not None, "a paste goes to the focused field, and nothing has focus"
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def open_network(app, pilot) -> NetworkScreen:
    """From the home screen through the list to the first network."""
    await pilot.press("ctrl+l")
    await finish_reading(pilot)
    assert isinstance(app.screen, NetworksScreen)
    app.screen.query_one("#networks", OptionList).focus()
    await pilot.press("enter")
    await finish_reading(pilot)
    assert isinstance(app.screen, NetworkScreen)
    return app.screen


def blocks(widget, region=None) -> list[str]:
    """What a widget drawn in cell backgrounds shows, as the block characters it stands for: a cell on the
    widget's ink colour is `█` (or `▀` where a lower half block of paper covers it), a lower half block in
    the ink on paper `▄`, anything else as it is."""
    ink = widget.rich_style.color
    on_ink, on_paper = str.maketrans(" ▄", "█▀"), str.maketrans("", "")
    return ["".join(segment.text.translate(on_ink if segment.style and segment.style.bgcolor == ink else on_paper)
                    for segment in strip)
            for strip in widget.render_lines(region or widget.size.region)]
