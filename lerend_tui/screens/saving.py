"""Saving what a screen holds while the facilitator works on: the one engine every screen that writes a file
uses (`Autosave`), and what the app asks of such a screen before it leaves (`HoldsEdits`).

A change is saved a pause after the last one, and never later than a ceiling after the first that is not
yet saved, on the app's rule (`App.save_deadline`, see `common.autosave`). The plan and network editors
write their small files at once on the main thread. A meeting's notes can hold a megabyte, so its saves at
the deadline run in the background, in steps, and a key typed meanwhile waits for one short step at most:
first what is to be written is taken (`take`, the record as it is now, cheap), then `STEP_GAP` later it is
made ready to write (`background`, the file's text), both on the main thread; then it is written in a
thread. With 1 MiB of notes and 1,400 items the first step takes some 5 ms of CPU and the second some 11 ms
(`make bench ARGS=notes` times them). At most one background save runs; what changed meanwhile is saved
right after it, and the outcome of an older save never hides a newer one's. After a failure a save can be
tried again every few seconds until one works.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from functools import partial
from typing import Any, Generic, TypeVar

from textual.timer import Timer

from lerend_tui.common.autosave import SaveDeadline
from lerend_tui.common.datatypes import datatype
from lerend_tui.screens.base import LerendScreen

STEP_GAP = 0.03  # seconds between the steps of a background save: room for a keystroke's own work

Taken = TypeVar("Taken")
"""What a save takes from its screen to write."""
Problem = TypeVar("Problem")
"""Why a write failed, as the screen says it."""


@datatype
class UnsavedCopy:
    """What a screen could not save, ready to be written elsewhere: a file name and the file's text."""

    name: str
    text: str


class HoldsEdits:
    """A screen holding what the facilitator typed or changed: the app saves it before it leaves in any
    way (Ctrl+Q, a closed terminal, a signal, a crash) and, when that fails, offers to write it elsewhere."""

    def save_for_leaving(self) -> bool:
        """Write everything now, in this thread; True when it is on disk."""
        raise NotImplementedError

    def unsaved_copy(self) -> UnsavedCopy | None:
        """What is not on disk, as the file it should have been; None when everything is."""
        raise NotImplementedError


class Autosave(Generic[Taken, Problem]):
    """When and how one screen's changes are written; the screen says what is written and how it went.

    `take()`: what to write, taken now on the main thread; None when nothing is to be written (nothing
    changed, or the screen only shows a file another program writes). `write(taken)`: write it, from any
    thread when saves run in the background; the problem, or None when it is on disk. `show(problem,
    before)`: how the newest save ended, and how the one before it had ended. `background(taken)`: saves at
    the deadline run in the background, and this makes what was taken ready to write, on the main thread;
    without it they write at once. `retry_seconds`: after a failure, try again this often until it works."""

    def __init__(self, screen: LerendScreen[Any], *, take: Callable[[], Taken | None],
                 write: Callable[[Taken], Problem | None], show: Callable[[Problem | None, Problem | None], None],
                 background: Callable[[Taken], object] | None = None, retry_seconds: float | None = None) -> None:
        self._screen = screen
        self._take, self._write, self._show = take, write, show
        self._retry_seconds = retry_seconds
        self._due: Callable[[], object] = (self.save_now if background is None
                                           else partial(self._save_in_background, background))
        self._deadline: SaveDeadline | None = None
        self._timer: Timer | None = None
        self._retry: Timer | None = None
        self._numbers = itertools.count(1)
        self._settled = 0
        self._writing = False
        self._again = False
        self.problem: Problem | None = None
        """How the newest save that ended failed; None when it worked (or none ended yet)."""

    @property
    def failed(self) -> bool:
        return self.problem is not None

    def changed(self) -> None:
        """What the screen saves changed: save it once the deadline comes. A new run of changes waits on the
        app's rule as it is now."""
        self.stop()
        if self._deadline is None or not self._deadline.pending:
            self._deadline = self._screen.app.save_deadline()
        self._timer = self._screen.set_timer(self._deadline.changed(time.monotonic()), self._due)

    def save_now(self) -> bool:
        """Write it now, in this thread, after a write in progress; True when what the screen holds is on disk."""
        taken = self._taken()
        if taken is None:
            return True
        number, what = taken
        return self._settle(number, self._write(what))

    def stop(self) -> None:
        """No save at the deadline: the screen saves now, or leaves."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _taken(self) -> tuple[int, Taken] | None:
        """What to write now, numbered (higher is newer); None when nothing is to be written."""
        self.stop()
        if self._deadline is not None:
            self._deadline.taken()
        self._again = False  # this is newer than any change a background save was asked for meanwhile
        what = self._take()
        return None if what is None else (next(self._numbers), what)

    def _save_in_background(self, ready: Callable[[Taken], object]) -> None:
        if self._writing:
            self.stop()
            self._again = True
            return
        taken = self._taken()
        if taken is None:
            return
        self._writing = True
        self._screen.set_timer(STEP_GAP, partial(self._write_in_background, ready, *taken))

    def _write_in_background(self, ready: Callable[[Taken], object], number: int, what: Taken) -> None:
        ready(what)
        self._screen.run_worker(self._write_in_thread(number, what), name="opslaan", group="save",
                                description=f"versie {number}")  # not the repr of what is written

    async def _write_in_thread(self, number: int, what: Taken) -> None:
        problem = await asyncio.to_thread(self._write, what)
        self._writing = False
        self._settle(number, problem)
        if self._again:
            self._again = False
            self._due()

    def _settle(self, number: int, problem: Problem | None) -> bool:
        """Show how save `number` ended, unless a newer one has ended already; True when it worked."""
        if number < self._settled:
            return problem is None
        self._settled = number
        before, self.problem = self.problem, problem
        if problem is None and self._retry is not None:
            self._retry.stop()
            self._retry = None
        elif problem is not None and self._retry is None and self._retry_seconds is not None:
            self._retry = self._screen.set_interval(self._retry_seconds, self._due)
        self._show(problem, before)
        return problem is None
