"""A snapshot of the work-format draw's card (`r` in the meeting)."""

from lerend_tui.common.settings import Settings

from ..appkit import finish_reading, meeting_app
from ..samples import PEOPLE


def test_draw_card_snapshot(snap_compare, paths, clock):
    app, _ = meeting_app(paths, clock, participants=PEOPLE)
    app.services.settings = Settings(reduced_motion=True)

    async def run_before(pilot):
        await pilot.pause()
        app.screen.go_to(3)
        await pilot.press("escape", "r")
        await finish_reading(pilot)
        app.screen._show(app.services.catalogue.get("roddelmethode"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)
