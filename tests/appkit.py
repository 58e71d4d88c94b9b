"""Building the app for Pilot and snapshot tests: a fake clock, a temporary data dir, no delays."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta
from pathlib import Path

from textual import events
from textual.worker import WorkerState

from lerend_tui.app import LerendApp, make_app
from lerend_tui.common.clock import FakeClock
from lerend_tui.meeting.running import new_meeting_record
from lerend_tui.common.paths import Paths
from lerend_tui.templates import load_templates
from lerend_tui.storage.meetings import MeetingStore


def meeting_app(paths: Paths, clock: FakeClock, *, title: str = "Zorgnetwerk Zuid", save_delay: float = 60.0,
                participants=(), carried=(), **options) -> tuple[LerendApp, Path]:
    """An app that opens straight on a new bijeenkomst, as `lerend-tui start` does; with `carried`, one of a
    network that brings back those commitments and actions of its previous meeting. `options` go to the app
    (its settings, say)."""
    template = load_templates().get("bijeenkomst")
    record = new_meeting_record(template, title=title, participants=list(participants),
                                planned_start=clock.now() - timedelta(seconds=0))
    if carried:
        record.network, record.carried = "zorgnetwerk", list(carried)
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
    while running := [worker for worker in pilot.app.workers if worker.state == WorkerState.RUNNING]:
        await asyncio.gather(*(worker.wait() for worker in running), return_exceptions=True)  # or cancelled
        await pilot.pause()  # what showing it posted


async def paste(pilot, text: str) -> None:
    """`text` into the focused field at once, as a terminal delivers a paste (a TextArea keeps its newlines).
    For tests about what a form or screen does with the text, not about typing: Pilot waits for the app after
    every single key, so a sentence typed key by key costs seconds. Tests about typing still press the keys."""
    await pilot.pause()  # what is still queued first, as with a key: a screen may set its focus after mounting
    assert pilot.app.focused is not None, "a paste goes to the focused field, and nothing has focus"
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
