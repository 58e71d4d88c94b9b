"""The beamer: the in-app view (`b`), the follower on the projector, and their snapshots."""

import os

import pytest

from lerend_tui.app import FollowerApp
from lerend_tui.storage.live import WRITER, LiveState, doorbells, write_live
from lerend_tui.screens.beamer import BeamerScreen
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.widgets.big_clock import BigClock

from .appkit import meeting_app

STATES = {  # elapsed seconds of a 10-minute phase, and whether it runs
    "normal": (150.0, True),
    "warning": (530.0, True),
    "overtime": (792.0, True),
    "paused": (200.0, False),
}


def live_state(clock, elapsed, running, **changes):
    values = dict(
        writer=WRITER, title="Zorgnetwerk Zuid", phase_title="Onderlinge coaching", phase_number=4,
        phase_count=5, focus_label="Stap 2 van 4: Verhelderende vragen", progress="", step_label="",
        step_instruction="", step_planned_seconds=0.0, step_elapsed_seconds=0.0,
        coming_up="Daarna: Adviesronde", planned_seconds=600.0, elapsed_seconds=elapsed,
        phase_planned_seconds=2700.0, phase_elapsed_seconds=900.0 + elapsed, running=running,
        measured_at=clock.now(), warning_seconds=120.0, count_up=True,
    )
    return LiveState(**{**values, **changes})


def follower(paths, clock, state=None):
    paths.data.mkdir(parents=True, exist_ok=True)
    if state is not None:
        write_live(paths.live, state)
    return FollowerApp(paths, clock=clock)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("name", list(STATES))
def test_beamer_snapshots(snap_compare, paths, clock, name, size):
    elapsed, running = STATES[name]
    assert snap_compare(follower(paths, clock, live_state(clock, elapsed, running)), terminal_size=size)


def test_beamer_waiting_snapshot(snap_compare, paths, clock):
    assert snap_compare(follower(paths, clock), terminal_size=(80, 24))


def rendered(widget):
    return "\n".join(strip.text for strip in widget.render_lines(widget.content_region.reset_offset))


async def test_follower_follows_the_file_and_says_so_in_words(paths, clock):
    app = follower(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert screen.has_class("-waiting")
        write_live(paths.live, live_state(clock, 150.0, True))
        screen.refresh_view()  # what its next wake-up (within half a second) does
        assert not screen.has_class("-waiting") and screen.has_class("-running")
        assert screen.query_one(BigClock).text == "07:30"
        clock.advance(300)  # the follower computes the time itself
        screen.refresh_view()
        assert screen.query_one(BigClock).text == "02:30"
        clock.advance(40)
        screen.refresh_view()
        assert screen.has_class("-warning") and "nog 2 minuten" in str(screen.query_one("#beamer-words").render())
        write_live(paths.live, live_state(clock, 792.0, False))
        screen.refresh_view()
        await pilot.pause()
        words = str(screen.query_one("#beamer-words").render())
        assert screen.has_class("-paused") and "+03:12 uitloop" in words and "GEPAUZEERD" in words
        digits = rendered(screen.query_one(BigClock))
        assert len([line for line in digits.splitlines() if "█" in line]) >= 7
        assert max(len(line.strip()) for line in digits.splitlines()) >= 60
        paths.live.unlink()
        screen.refresh_view()
        assert screen.has_class("-waiting")


async def test_follower_keys_do_not_steer_anything(paths, clock):
    app = follower(paths, clock, live_state(clock, 150.0, True))
    async with app.run_test() as pilot:
        await pilot.press("space", "n", "plus")
        assert app.screen.check_action("meeting", ()) is False


async def test_b_opens_the_beamer_and_its_keys_steer_the_meeting(paths, clock):
    app, _ = meeting_app(paths, clock, participants=("Anouk", "Bram"))
    async with app.run_test(size=(100, 30)) as pilot:
        meeting = app.screen.meeting
        await pilot.press("escape", "b")
        assert isinstance(app.screen, BeamerScreen)
        assert "Opstart en check-in" in str(app.screen.query_one("#beamer-phase").render())
        assert "#notes" not in [f"#{w.id}" for w in app.screen.query("*") if w.id]  # notes never show
        await pilot.press("space")
        assert meeting.timer.running
        await pilot.press("n")
        assert meeting.speaking.position == 2
        await pilot.press("plus")
        assert meeting.current.extra_minutes == 1
        await pilot.press("pagedown", "pagedown")
        assert meeting.index == 1
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingScreen)


async def test_the_meeting_publishes_its_changes_for_the_follower(paths, clock):
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
    app = follower(paths, clock, live_state(clock, 150.0, True))
    async with app.run_test(size=(40, 12)):
        lines = rendered(app.screen.query_one(BigClock)).splitlines()
        assert sum("█" in line for line in lines) >= 3
        assert all(len(line) <= 40 for line in lines)


def digit_colours(screen):
    clock = screen.query_one(BigClock)
    strips = clock.render_lines(clock.size.region)
    return {segment.style.color.triplet.hex for strip in strips for segment in strip if segment.text.strip()}


async def test_the_digits_take_the_colour_of_the_state_as_the_follower_follows(paths, clock):
    app = follower(paths, clock, live_state(clock, 150.0, True))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert digit_colours(screen) == {"#ffffff"}
        clock.advance(340)  # into the warning: only the rows that change are drawn, in the new colour
        screen.refresh_view()
        await pilot.pause()
        assert digit_colours(screen) == {"#ffd700"}
        clock.advance(200)
        screen.refresh_view()
        await pilot.pause()
        assert screen.query_one(BigClock).text.startswith("+") and digit_colours(screen) == {"#ff3b30"}
        write_live(paths.live, live_state(clock, 200.0, False))
        screen.refresh_view()
        await pilot.pause()
        assert digit_colours(screen) == {"#808080"}


async def test_the_follower_wakes_once_a_second_while_the_time_runs_and_twice_while_it_stands(paths, clock):
    app = follower(paths, clock, live_state(clock, 150.05, True))  # the shown second changed 0.05 s ago
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
    app = follower(paths, clock, live_state(clock, 150.0, True))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.pause()
        assert screen.has_class("-running")
        write_live(paths.live, live_state(clock, 200.0, False))
        for _ in range(300):  # the doorbell is answered in a thread: wait for it (a busy machine may be slow)
            if screen.has_class("-paused"):
                break
            await pilot.pause(0.01)
        assert screen.has_class("-paused")
    assert not list(doorbells(paths.live).iterdir()), "a follower that stops takes its doorbell away"
