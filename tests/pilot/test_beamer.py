"""The beamer: the in-app view (`b`) and the follower on the projector, on every screen of the view. Their
snapshots are in snapshots/test_beamer.py; the layout's arithmetic is in unit/test_layout.py."""

import os
from dataclasses import replace

import pytest

from lerend_tui.beamer.font import DIGITS
from lerend_tui.beamer.layout import SIDE
from lerend_tui.beamer.palette import PALETTE
from lerend_tui.screens.beamer import BeamerScreen
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.storage.live import doorbells, write_live
from lerend_tui.widgets.big_clock import BigClock
from lerend_tui.widgets.big_text import BigText

from ..appkit import blocks, follower_app, meeting_app, until
from ..samples import live_state

ROUND = {"focus": "turn", "speaker": "Anouk", "next_speaker": "Bram", "round_progress": "2 van 6", "step_label": ""}


def big(screen, name: str) -> tuple[str, ...]:
    """The words a band of big letters was given (its alternatives, the fullest first)."""
    return screen.query_one(f"#beamer-{name}", BigText).texts


def inked(lines: list[str]) -> list[int]:
    return [y for y, line in enumerate(lines) if set(line) & set("█▀▄")]


def digit_colours(screen) -> set[str]:
    """The colours the digits' full cells are drawn in (their ink)."""
    clock = screen.query_one(BigClock)
    ink = clock.rich_style.color
    return {segment.style.bgcolor.triplet.hex for strip in clock.render_lines(clock.size.region) for segment in strip
            if segment.style.bgcolor == ink} | {ink.triplet.hex}


async def test_follower_follows_the_file_and_says_so_in_big_words(paths, clock):
    app = follower_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert screen.has_class("-waiting")
        write_live(paths.live, live_state(clock, 150.0, True))
        screen.refresh_view()  # what its next wake-up (within half a second) does
        assert not screen.has_class("-waiting") and screen.has_class("-running") and screen.has_class("-timer")
        assert screen.query_one(BigClock).text == "07:30"
        assert big(screen, "state") == ("NOG 8 MINUTEN", "NOG 8 MIN")
        clock.advance(300)  # the follower computes the time itself
        screen.refresh_view()
        assert screen.query_one(BigClock).text == "02:30"
        clock.advance(40)
        screen.refresh_view()
        assert screen.has_class("-warning") and big(screen, "state")[0] == "NOG 2 MINUTEN"
        write_live(paths.live, live_state(clock, 792.0, False))
        screen.refresh_view()
        await pilot.pause()
        assert screen.has_class("-paused") and big(screen, "state") == ("PAUZE",)
        lines = blocks(screen.query_one(BigClock))
        assert len(inked(lines)) >= 0.6 * 30  # the digits fill 60 % of the rows
        assert max(len(line.strip()) for line in lines) >= 60
        paths.live.unlink()
        screen.refresh_view()
        assert screen.has_class("-waiting")


async def test_follower_keys_do_not_steer_anything(paths, clock):
    app = follower_app(paths, clock, live_state(clock, 150.0, True))
    async with app.run_test() as pilot:
        await pilot.press("space", "n", "plus")
        assert app.screen.check_action("meeting", ()) is False


async def test_b_opens_the_beamer_and_its_keys_steer_the_meeting(paths, clock):
    app, _ = meeting_app(paths, clock, participants=("Anouk", "Bram"))
    async with app.run_test(size=(100, 30)) as pilot:
        meeting = app.screen.meeting
        await pilot.press("escape", "b")
        assert isinstance(app.screen, BeamerScreen)
        assert app.screen.has_class("-welcome")  # not begun: the welcome
        assert "#notes" not in [f"#{w.id}" for w in app.screen.query("*") if w.id]  # notes never show
        await pilot.press("space")
        assert meeting.timer.running
        assert app.screen.has_class("-timer")
        assert "Opstart en check-in" in str(app.screen.query_one("#beamer-phase").render())
        assert big(app.screen, "speaker")[0].startswith("NU: ")
        await pilot.press("n")
        assert meeting.speaking.position == 2
        await pilot.press("plus")
        assert meeting.current.extra_minutes == 1
        await pilot.press("pagedown", "pagedown")
        assert meeting.index == 1
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingScreen)


async def test_the_meeting_publishes_its_changes_for_the_follower_app(paths, clock):
    from lerend_tui.storage.live import read_live

    app, _ = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        await pilot.pause()  # published just after the first screen is drawn
        assert read_live(paths.live).phase_number == 1
        await pilot.press("escape", "space")
        assert read_live(paths.live).running
        await pilot.press("n")
        assert read_live(paths.live).phase_title == "Reflectie of verbindende opdracht"
        await pilot.press("ctrl+q")
    assert not paths.live.exists()


async def test_the_meeting_names_a_doorbell_that_is_no_pipe_of_ours_once(paths, clock, tmp_path):
    outside = tmp_path / "elders.txt"
    outside.write_bytes(b"Niet van ons")
    doorbells(paths.live).mkdir(parents=True)
    (doorbells(paths.live) / "bestand.fifo").write_bytes(b"ook niet")
    (doorbells(paths.live) / "x.fifo").symlink_to(outside)
    app, _ = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        await pilot.pause()  # published just after the first screen is drawn
        await pilot.press("escape", "space", "space")  # published twice more
        named = [n.message for n in app._notifications if n.title == "Overgeslagen"]
        assert len(named) == 1 and "bestand.fifo" in named[0] and "x.fifo" in named[0]
        await pilot.press("ctrl+q")
    assert outside.read_bytes() == b"Niet van ons" and not os.path.lexists(doorbells(paths.live) / "x.fifo")


async def test_the_beamer_keeps_working_in_a_small_window(paths, clock):
    app = follower_app(paths, clock, live_state(clock, 150.0, True))
    async with app.run_test(size=(40, 12)) as pilot:
        lines = blocks(app.screen.query_one(BigClock))
        assert len(inked(lines)) >= 3
        assert all(len(line) <= 40 for line in lines)
        write_live(paths.live, live_state(clock, 150.0, True, **ROUND))  # no room for the speaker's band
        app.screen.refresh_view()
        await pilot.pause()
        assert app.screen.has_class("-plain")
        plain = str(app.screen.query_one("#beamer-plain").render())
        assert "07:30" in plain and "NU: ANOUK" in plain and "NOG 8 MINUTEN" in plain
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not app.screen.has_class("-plain") and big(app.screen, "speaker")[0] == "NU: ANOUK"


async def test_the_digits_take_the_colour_of_the_state_as_the_follower_follows(paths, clock):
    app = follower_app(paths, clock, live_state(clock, 150.0, True))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert digit_colours(screen) == {PALETTE["ink"]}
        clock.advance(340)  # into the warning: only the rows that change are drawn, in the new colour
        screen.refresh_view()
        await pilot.pause()
        assert digit_colours(screen) == {PALETTE["warning"]}
        clock.advance(200)
        screen.refresh_view()
        await pilot.pause()
        assert screen.query_one(BigClock).text.startswith("+")
        assert digit_colours(screen) == {PALETTE["paper"]}  # black digits on the red screen
        assert screen.query_one(BigClock).rich_style.bgcolor.triplet.hex == PALETTE["overtime"]
        write_live(paths.live, live_state(clock, 200.0, False))
        screen.refresh_view()
        await pilot.pause()
        assert digit_colours(screen) == {PALETTE["dim"]}


async def test_the_digits_keep_their_size_and_columns_across_zero(paths, clock):
    """The room watches the time run out: at zero the sign comes in front of the digits, which stay as tall
    and where they were; nothing else on the screen moves either."""
    app = follower_app(paths, clock, live_state(clock, 598.0, True))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.pause()
        clock_widget = screen.query_one(BigClock)
        regions = {widget.id: widget.region for widget in screen.query("*")}
        before = [line[SIDE:-SIDE] for line in blocks(clock_widget)]  # the digits, not their frame
        assert clock_widget.text == "00:02" and clock_widget.framed
        clock.advance(5)
        screen.refresh_view()
        await pilot.pause()
        after = [line[SIDE:-SIDE] for line in blocks(clock_widget)]
        assert clock_widget.text == "+00:03" and screen.has_class("-overtime")
        assert {widget.id: widget.region for widget in screen.query("*")} == regions
        assert inked(before) == inked(after) and len(inked(after)) == 20
        assert max(len(line.rstrip()) for line in before) == max(len(line.rstrip()) for line in after)
        sign = (DIGITS.width("+") + 1) * screen.timer_layout.scale.sx
        assert min(len(line) - len(line.lstrip()) for line in after if line.strip()) \
            == min(len(line) - len(line.lstrip()) for line in before if line.strip()) - sign


async def test_the_layout_stays_while_the_state_changes(paths, clock):
    app = follower_app(paths, clock, live_state(clock, 150.0, True))
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        await pilot.pause()
        regions = {widget.id: widget.region for widget in screen.query("*")}
        for elapsed, running in ((530.0, True), (792.0, True), (200.0, False), (0.0, False)):
            write_live(paths.live, live_state(clock, elapsed, running))
            screen.refresh_view()
            await pilot.pause()
            assert {widget.id: widget.region for widget in screen.query("*")} == regions, (elapsed, running)


@pytest.mark.parametrize(("changes", "show", "words"), [
    ({"started": False, "network": "Lerend netwerk Zorg"}, "welcome", ["Lerend netwerk Zorg", "Zorgnetwerk Zuid", "19:00", "We beginnen zo"]),
    ({"message": "Pauze tot 20:15"}, "message", ["Pauze tot 20:15"]),
    ({"ended": True, "next_meeting": "dinsdag 8 december om 19:30"}, "end",
     ["Zorgnetwerk Zuid", "Bedankt!", "Tot de volgende keer: dinsdag 8 december om 19:30"]),
    ({"blank": True}, "blank", []),
])
async def test_every_screen_of_the_view(paths, clock, changes, show, words):
    app = follower_app(paths, clock, live_state(clock, 150.0, True, **changes))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.pause()
        assert screen.has_class(f"-{show}") and not screen.has_class("-running")
        shown = [band.texts[0] for band in screen.query("BigText.band") if band.display]
        assert shown == words
        for band in screen.query("BigText.band"):
            if band.display and band.texts[0] != "19:00":  # the letters are big, not plain
                assert inked(blocks(band)), band.texts


async def test_the_welcome_says_when_the_meeting_begins(paths, clock):
    start = replace(live_state(clock, 0.0, False), started=False)
    app = follower_app(paths, clock, replace(start, planned_start=clock.now().replace(minute=30)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert [band.texts[0] for band in app.screen.query("BigText.band") if band.display][-1] \
            == "We beginnen om 19:30"


async def test_the_waiting_screen_is_calm_and_says_it_follows(paths, clock):
    app = follower_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        bands = [band for band in app.screen.query("BigText.band") if band.display]
        assert [band.texts[0] for band in bands] == ["19:00", "Zo meteen begint de bijeenkomst.",
                                                     "Dit scherm volgt vanzelf."]
        assert all(band.has_class("-quiet") for band in bands)


async def test_the_follower_wakes_once_a_second_while_the_time_runs_and_twice_while_it_stands(paths, clock):
    app = follower_app(paths, clock, live_state(clock, 150.05, True))  # the shown second changed 0.05 s ago
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.pause()
        assert screen._period == 1.0
        wake = screen._wake
        clock.advance(0.02)
        screen._tick()  # a wake-up just after the change: the same timer goes on
        assert screen._wake is wake
        clock.advance(0.5)
        screen._tick()  # half a second late (the clock was adjusted, say): woken anew, in step again
        assert screen._wake is not wake and screen._period == 1.0
        write_live(paths.live, live_state(clock, 200.0, False))
        screen._tick()
        assert screen._period == 0.5


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the doorbell is a named pipe")
async def test_the_follower_shows_a_change_when_its_doorbell_rings(paths, clock, monkeypatch):
    """Not only at the beamer's next wake-up (up to a second away while the time runs): writing the live
    state rings the follower's doorbell. The beamer's own wake-ups are switched off here, so only the
    doorbell can show the pause."""
    monkeypatch.setattr(BeamerScreen, "_wake_every", lambda screen, period, first: None)
    app = follower_app(paths, clock, live_state(clock, 150.0, True))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.pause()
        assert screen.has_class("-running")
        write_live(paths.live, live_state(clock, 200.0, False))
        await until(pilot, lambda: screen.has_class("-paused"), "the doorbell's answer (in a thread of its own)")
    assert not list(doorbells(paths.live).iterdir()), "a follower that stops takes its doorbell away"


@pytest.mark.parametrize("size", [(40, 12), (41, 13), (52, 15)])
async def test_every_screen_fits_a_small_terminal(paths, clock, size):
    """Down to the smallest size the beamer takes: big where it fits, plain words where not, never a crash
    and never a line longer than the terminal."""
    app = follower_app(paths, clock, live_state(clock, 150.0, True))
    async with app.run_test(size=size) as pilot:
        for changes in ({}, ROUND, {"message": "Koffie en thee staan klaar in de gang"}, {"ended": True},
                        {"started": False, "network": "Lerend netwerk Zorg Zuid"}):
            write_live(paths.live, live_state(clock, 150.0, True, **changes))
            app.screen.refresh_view()
            await pilot.pause()
            lines = app.export_screenshot()  # draws every widget
            assert lines
            for widget in app.screen.query("BigText, BigClock"):
                if widget.display:
                    assert all(len(line) <= size[0] for line in blocks(widget))
