"""Who has the projector, on the screens: the first running meeting keeps it; the facilitator hands it over on
purpose; the follower says goodbye, or waits calmly, when the meeting it followed ends or its program quits.
The rules themselves, in the core, are in the unit tier (unit/test_projector.py).

A second program is a child process (`lockkit`): it holds its own writer lock, as a second window would.
"""

from lerend_tui.app import FollowerApp, make_app
from lerend_tui.storage.live import WRITER, beamer_holder, clear_live, read_live, write_live
from lerend_tui.storage.meetings import MeetingStore

from ..appkit import meeting_app
from ..lockkit import PUBLISH_LIVE, child, held_elsewhere
from ..samples import live_state


def words(screen) -> list[str]:
    """The words of the beamer's bands (the screens other than the timer), top to bottom."""
    return [band.texts[0] for band in screen.query("BigText.band") if band.display]


async def test_the_follower_shows_the_first_program_then_the_one_handed_the_beamer(paths, clock):
    paths.data.mkdir(parents=True)
    with child(PUBLISH_LIVE, paths.live) as (other, _):
        app, _ = meeting_app(paths, clock, title="Oude bijeenkomst")
        async with app.run_test() as pilot:
            await pilot.pause()  # the meeting would publish just after it is drawn
            await pilot.press("escape", "space")  # a change in the second window
            assert read_live(paths.live).title == "Zorgnetwerk Zuid"
            assert "Ctrl+B" in "".join(str(toast.message) for toast in app._notifications)
            assert app.screen.check_action("to_beamer", ()) is True
            await pilot.press("ctrl+b")
            assert read_live(paths.live).title == "Oude bijeenkomst" and read_live(paths.live).running
            assert FollowerApp(paths, clock=clock).live_state().title == "Oude bijeenkomst"
            await pilot.press("ctrl+q")
        assert not paths.live.exists()  # the owner quit: its state goes
        assert other.poll() is None  # the other window runs on; at its next change it takes the beamer back


async def test_the_follower_says_goodbye_when_the_meeting_is_finished_and_waits_when_its_program_quits(paths, clock):
    app = FollowerApp(paths, clock=clock)
    paths.data.mkdir(parents=True)
    async with app.run_test(size=(100, 30)):
        screen = app.screen
        assert screen.has_class("-waiting") and "Zo meteen begint de bijeenkomst." in words(screen)
        with child(PUBLISH_LIVE, paths.live) as (other, _):
            screen.refresh_view()
            assert not screen.has_class("-waiting")
            other.kill()  # the facilitator's program quit (or crashed) before the meeting was finished
            other.wait(10)
            screen.refresh_view()
        assert screen.has_class("-waiting")
        assert words(screen) == ["Zorgnetwerk Zuid", "19:00", "Zo meteen gaat de bijeenkomst verder.",
                                 "Dit scherm volgt vanzelf."]
        write_live(paths.live, live_state(clock, 150.0, True, title="Tweede ronde"))
        screen.refresh_view()  # it picks up the next meeting that starts
        assert screen.has_class("-timer")
        assert "Onderlinge coaching" in str(screen.query_one("#beamer-phase").render())
        write_live(paths.live, live_state(clock, 150.0, False, title="Tweede ronde", ended=True))
        screen.refresh_view()
        assert screen.has_class("-end") and words(screen) == ["Tweede ronde", "Bedankt!", "De bijeenkomst is afgelopen."]
        clear_live(paths.live)  # and its program quits: the goodbye stays until the next meeting
        screen.refresh_view()
        assert screen.has_class("-end") and words(screen) == ["Tweede ronde", "Bedankt!", "De bijeenkomst is afgelopen."]


async def test_finishing_the_meeting_says_goodbye_on_the_beamer_and_frees_it(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert beamer_holder(paths.live) == WRITER
        app.screen._finish_if(True)
        await pilot.pause()
        assert read_live(paths.live).ended and beamer_holder(paths.live) is None
        await pilot.press("ctrl+q")
    assert not paths.live.exists()


async def test_a_read_only_twin_never_publishes_nor_hands_over(paths, clock):
    _, path = meeting_app(paths, clock)
    with held_elsewhere(path):
        twin = make_app(paths, clock=clock, open_meeting=(MeetingStore(paths.meetings).load(path), path))
        async with twin.run_test() as pilot:
            await pilot.pause()
            assert twin.screen.read_only and not paths.live.exists()
            assert twin.screen.check_action("to_beamer", ()) is False
            assert "Naar de beamer" not in [command.title for command in twin.get_system_commands(twin.screen)]
            await pilot.press("escape", "ctrl+b")
            assert not paths.live.exists()
