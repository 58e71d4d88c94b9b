"""Snapshots of the main screens at fixed sizes (update with `pytest --snapshot-update`)."""

from textual.widgets import TextArea

from lerend_tui.screens.review import ReviewScreen

from .appkit import home_app, meeting_app
from .test_review_screen import store_meetings


def no_blink(pilot):
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False


async def meeting_in_progress(pilot):
    """Twelve minutes into the check-in, with a note typed."""
    no_blink(pilot)
    await pilot.press(*"Iedereen is er.")
    await pilot.press("escape", "space")
    pilot.app.clock.advance(minutes=12, seconds=4)
    pilot.app.screen.refresh_time()
    await pilot.pause()


def test_meeting_screen_80x24(snap_compare, paths, clock):
    app, _ = meeting_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=meeting_in_progress)


def test_meeting_screen_120x36(snap_compare, paths, clock):
    app, _ = meeting_app(paths, clock)
    assert snap_compare(app, terminal_size=(120, 36), run_before=meeting_in_progress)


def test_home_screen_120x36(snap_compare, paths, clock):
    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=no_blink)


def test_review_screen_120x36(snap_compare, paths, clock):
    chosen = store_meetings(paths, broken=False)["Oktober: grenzen stellen"]

    async def open_review(pilot):
        pilot.app.push_screen(ReviewScreen(chosen))
        await pilot.pause()

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=open_review)
