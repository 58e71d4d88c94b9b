"""Start-up: the garbage collector rests while the program starts (`common.collector`), and works again from
the first screen on."""

from __future__ import annotations

import gc

from lerend_tui.common.collector import rest, wake

from ..appkit import meeting_app, until


def test_rest_and_wake_only_undo_what_they_did():
    assert gc.isenabled()
    rest()
    assert not gc.isenabled()
    rest()  # resting twice: one wake is enough
    wake()
    assert gc.isenabled()
    gc.disable()  # stopped by someone else: not woken by us
    try:
        wake()
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


async def test_the_collector_works_again_once_the_first_screen_is_drawn(paths, clock):
    app, _ = meeting_app(paths, clock)
    rest()
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await until(pilot, gc.isenabled, "the collector working again after the first frame")
            assert "Opstart en check-in" in str(app.screen.query_one("#phase-title").render())
    finally:
        wake()
        gc.enable()
        gc.unfreeze()
