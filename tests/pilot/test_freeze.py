"""The freeze of issue 13: after plan → F5 → finish → review → export → Esc no key worked, at 100 % CPU.

Every screen change has the new screen's toast rack show the live notifications (Textual's `ToastRack.show`):
it checks that a notification has not expired, then builds its toast, which reads the time left once more
and sets its timer to it. A notification that runs out between the two reads gets a timer below zero
(`interval=-2.6e-06` in the report), and Textual's `Timer._run` loops on it without ever giving the event loop
back. These tests put toasts in that state on the review and the export dialog, and check the program goes
on; a watchdog ends the spin, if any, within seconds."""

from __future__ import annotations

import asyncio
import signal
import threading
import time
import traceback
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.widgets import Input
from textual.widgets._toast import Toast, ToastHolder, ToastRack

from lerend_tui.app import TOAST_FLOOR, ToastSafeNotification
from lerend_tui.screens.export import ExportScreen
from lerend_tui.screens.review import ReviewScreen

from ..appkit import finish_reading, home_app, until
from ..samples import store_meetings

pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="the watchdog interrupts by signal")

STUCK = 4.0
"""Seconds without the event loop answering that count as frozen (a busy test machine answers well within)."""


class Frozen(Exception):
    """Raised in the event loop's thread where it was stuck."""


@asynccontextmanager
async def watchdog() -> AsyncIterator[list[str]]:
    """The stack the event loop was stuck in, if it stopped answering for STUCK seconds. A spinning timer
    never yields, so no asyncio timeout can end it: a thread notices, and a signal raises `Frozen` in it."""
    loop, main = asyncio.get_running_loop(), threading.get_ident()
    stuck: list[str] = []
    done = threading.Event()

    def interrupted(_signum, frame) -> None:
        stuck.append("".join(traceback.format_stack(frame)[-3:]))  # where it spun
        raise Frozen(f"the event loop did not answer for {STUCK} s")

    def watch() -> None:
        while not done.is_set():
            answered = threading.Event()
            loop.call_soon_threadsafe(answered.set)
            if not answered.wait(STUCK) and not done.is_set():
                signal.pthread_kill(main, signal.SIGUSR1)
                answered.wait()
            done.wait(0.1)

    previous = signal.signal(signal.SIGUSR1, interrupted)
    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield stuck
    finally:
        done.set()
        thread.join()
        signal.signal(signal.SIGUSR1, previous)


def ran_out_after_the_check(message: str, timeout: float = 5.0) -> ToastSafeNotification:
    """A notification as the app makes it, in the state the race leaves it in: it was still on when the toast
    rack checked, and had run out 2.6 µs before its toast read the time left."""
    return ToastSafeNotification(message, timeout=timeout, raised_at=time.time() - timeout - 2.6e-06)


async def toast_made_a_moment_late(app, pilot, message: str) -> Toast:
    """Mount, on the current screen, the toast `ToastRack.show` builds for a notification it checked a moment
    before the notification ran out."""
    toast = Toast(ran_out_after_the_check(message))
    await app.screen.get_child_by_type(ToastRack).mount(ToastHolder(toast))
    await pilot.pause()
    return toast


async def test_a_notification_running_out_as_its_toast_is_made_never_freezes_review_or_export(
        paths, clock, tmp_path):
    stored = store_meetings(paths, broken=False)
    app = home_app(paths, clock)
    async with watchdog() as stuck, app.run_test(size=(120, 36), notifications=True) as pilot:
        app.push_screen(ReviewScreen(stored["Oktober: grenzen stellen"]))
        await finish_reading(pilot)
        late = [await toast_made_a_moment_late(app, pilot, "Op de terugblik")]
        for round in range(3):  # notifications raised and running out while the screens come and go
            app.notify(f"Melding {round}", timeout=0.05)
            await pilot.press("ctrl+s")
            assert isinstance(app.screen, ExportScreen)
            late.append(await toast_made_a_moment_late(app, pilot, f"Bij het verslag {round}"))
            await pilot.press("escape")
            assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+s")  # the keys still work: the report is saved from the export dialog
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "verslag.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await until(pilot, lambda: not any(toast.is_attached for toast in late),
                    "the late toasts to go at their floor (rather than spin)")
    assert not stuck, f"the event loop was stuck in:\n{stuck[0]}"
    assert (tmp_path / "verslag.md").read_text(encoding="utf-8").startswith("# Oktober: grenzen stellen")


def test_a_notification_is_never_on_with_nothing_left_nor_off_too_early():
    late = ran_out_after_the_check("Opgeslagen")
    assert late.has_expired and late.time_left == TOAST_FLOOR
    fresh = ToastSafeNotification("Opgeslagen", timeout=5.0)
    assert not fresh.has_expired and 4.0 < fresh.time_left <= 5.0


async def test_the_app_makes_every_notification_safe_for_its_toast(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        app.screen.notify("Een melding van een scherm", title="Let op\x1b[2J")
        await pilot.pause()
        toast_holder = app.screen.get_child_by_type(ToastRack).children[0]
        notification = toast_holder.get_child_by_type(Toast)._notification
        assert isinstance(notification, ToastSafeNotification)
        assert (notification.message, notification.title) == ("Een melding van een scherm", "Let op[2J")
