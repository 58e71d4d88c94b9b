"""The talk's pages on the beamer: put up from the meeting (`u`) or by the kick-off's explaining phase, paged
with n/p and a presenter's PageDown/PageUp, Esc back to the timer; the same in the in-app beamer view (`b`);
and the help screen "Over lerende netwerken" from home."""

from textual.widgets import TextArea

from lerend_tui.screens.beamer import BeamerScreen
from lerend_tui.screens.home import HomeScreen
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.screens.talk import TalkScreen
from lerend_tui.storage.live import read_live
from lerend_tui.widgets.big_text import BigText
from lerend_tui.widgets.talk_page import TalkPage

from ..appkit import home_app, meeting_app, until


def on_beamer(paths) -> str:
    """Where the beamer's page stands ("3 van 32"), or "timer" without one, as a follower reads it."""
    state = read_live(paths.live)
    assert state is not None
    return state.page.where if state.page is not None else "timer"


def topbar(app) -> str:
    return str(app.screen.query_one("#topbar").render())


async def test_the_pages_go_up_page_with_the_keys_and_the_clicker_and_esc_brings_the_timer_back(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        meeting = app.screen
        await pilot.press("escape", "u")  # out of the notes, then the talk
        assert on_beamer(paths) == "1 van 32" and "uitleg, pagina 1 van 32" in topbar(app)
        await pilot.press("n", "pagedown", "n")
        assert on_beamer(paths) == "4 van 32"
        await pilot.press("pageup", "p")
        assert on_beamer(paths) == "2 van 32" and meeting.meeting.index == 0  # the phases stood still
        await pilot.press("escape")
        assert on_beamer(paths) == "timer" and "uitleg" not in topbar(app)
        await pilot.press("n")  # the clicker's keys are the phases' again
        assert meeting.meeting.index == 1 or meeting.meeting.step_label


async def test_the_clicker_pages_while_typing_and_past_the_ends_goes_back_to_the_timer(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        meeting = app.screen
        await pilot.press("escape", "u", "enter")  # the talk up, then back to typing
        assert isinstance(meeting.focused, TextArea)
        await pilot.press("pagedown", "pagedown", "pageup")
        assert on_beamer(paths) == "2 van 32" and meeting.query_one("#notes", TextArea).text == ""
        await pilot.press("pageup", "pageup")  # before the first page: the timer again
        assert on_beamer(paths) == "timer" and meeting.meeting.index == 0
        await pilot.press("escape", "u", "u")  # u again takes the pages away
        assert on_beamer(paths) == "timer"


async def test_the_same_keys_page_through_the_in_app_beamer_and_esc_brings_its_timer_back(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        meeting = app.screen
        await pilot.press("escape", "b", "u")
        beamer = app.screen
        assert isinstance(beamer, BeamerScreen) and beamer.has_class("-page")
        page = beamer.query_one(TalkPage)
        assert page.display and page.query_one(".talk-heading", BigText).texts == ("Een lerend netwerk",)
        await pilot.press("pagedown", "n", "pageup")
        assert on_beamer(paths) == "2 van 32"
        assert page.query_one(".talk-heading", BigText).texts == ("Een community of practice",)
        assert "2 van 32" in str(page.query_one(".talk-where").render())
        await pilot.press("escape")  # back to the timer, still on the beamer
        assert app.screen is beamer and not beamer.has_class("-page") and not page.display
        assert on_beamer(paths) == "timer"
        await pilot.press("escape")
        assert app.screen is meeting


async def test_the_kick_offs_explaining_phase_puts_its_pages_on_the_beamer(paths, clock):
    app, _ = meeting_app(paths, clock, template="kick-off")
    async with app.run_test(size=(120, 36)) as pilot:
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        await until(pilot, lambda: read_live(paths.live), "the meeting on the beamer")
        assert on_beamer(paths) == "timer"
        await pilot.press("pagedown")  # the presenter, into "Wat is een lerend netwerk? En wat niet?"
        assert meeting.meeting.index == 1 and on_beamer(paths) == "1 van 18"
        assert read_live(paths.live).page.page.heading == "Een lerend netwerk"
        await pilot.press("pagedown", "pagedown")
        assert read_live(paths.live).page.page.heading == "Complexe uitdagingen"
        await pilot.press("escape", "escape", "u")  # out of the notes, the timer, and the phase's pages again
        assert on_beamer(paths) == "1 van 18"
        for _ in range(18):
            await pilot.press("pagedown")
        assert on_beamer(paths) == "timer" and meeting.meeting.index == 1  # past the last page: the timer
        await pilot.press("pagedown")
        assert meeting.meeting.index == 2 and on_beamer(paths) == "timer"  # a phase without pages of its own


async def test_over_lerende_netwerken_is_a_help_screen_from_home_paged_the_same_way(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("ctrl+g")
        screen = app.screen
        assert isinstance(screen, TalkScreen)
        page = screen.query_one(TalkPage)

        def shown() -> tuple[str, str]:
            return page.query_one(".talk-heading", BigText).texts[0], str(page.query_one(".talk-where").render())

        assert shown() == ("Een lerend netwerk", "1 van 32")
        await pilot.press("n", "pagedown", "pagedown")
        assert shown() == ("Theorie in de praktijk", "4 van 32")
        await pilot.press("p", "pageup")
        assert shown() == ("Een community of practice", "2 van 32")
        await pilot.press("p", "p")  # it stays at the first page
        assert shown()[1] == "1 van 32"
        for _ in range(16):
            await pilot.press("n")
        assert shown() == ("Wat we niet doen", "17 van 32")
        assert "Verschillen gladstrijken of negeren" in str(page.query_one(".talk-body").render())
        for _ in range(20):
            await pilot.press("pagedown")
        assert shown() == ("Uitgangspunten", "32 van 32")  # and stays at the last
        await pilot.press("escape")
        assert app.screen is home
        assert not paths.live.exists()  # the help screen is not the beamer
