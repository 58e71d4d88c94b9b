"""What the facilitator puts on the beamer besides the meeting: a message (`m`) and a black screen (`z`),
from the meeting screen and from its own beamer view; the live state carries them to every follower."""

from dataclasses import replace as changed
from datetime import timedelta

from lerend_tui.beamer.view import BeamerView, Show
from lerend_tui.plans.plan import MeetingPlan, PlanStore
from lerend_tui.screens.beamer import BeamerScreen
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.screens.message import MessageScreen, suggestions
from lerend_tui.storage.live import read_live
from lerend_tui.templates import load_templates

from ..appkit import meeting_app, until
from ..samples import make_network


def shown(paths) -> BeamerView:
    return BeamerView.of(read_live(paths.live))


async def test_m_puts_a_message_on_the_beamer_and_m_takes_it_away(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: paths.live.exists(), "the live state")
        await pilot.press("escape", "m")
        assert isinstance(app.screen, MessageScreen)
        await pilot.press(*"Pauze tot 20:15", "enter")
        assert isinstance(app.screen, MeetingScreen)
        assert shown(paths).show is Show.MESSAGE and shown(paths).message == "Pauze tot 20:15"
        assert "beamer: Pauze tot 20:15 (m)" in str(app.screen.query_one("#topbar").render())  # not forgotten
        assert "Pauze tot 20:15" not in app.screen.meeting.current.notes  # typed into the dialog, not the notes
        await pilot.press("m")  # one key clears it
        assert isinstance(app.screen, MeetingScreen) and shown(paths).show is Show.WELCOME


async def test_a_cancelled_message_leaves_the_beamer_as_it_was_and_a_suggestion_can_be_picked(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: paths.live.exists(), "the live state")
        await pilot.press("escape", "m", "escape")
        assert isinstance(app.screen, MeetingScreen) and shown(paths).show is Show.WELCOME
        await pilot.press("m", "down", "enter")  # the first suggestion: a break a quarter of an hour from now
        assert shown(paths).message == suggestions(clock.now())[0]
        assert shown(paths).message.startswith("Pauze tot ")


async def test_z_blanks_the_beamer_and_brings_it_back_also_from_the_beamer_view(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: paths.live.exists(), "the live state")
        await pilot.press("escape", "z")
        assert shown(paths).show is Show.BLANK
        assert "beamer zwart (z)" in str(app.screen.query_one("#topbar").render())
        await pilot.press("b")
        assert isinstance(app.screen, BeamerScreen)
        await pilot.press("z")  # the beamer's own key steers the meeting screen
        assert shown(paths).show is Show.WELCOME
        await pilot.press("space")  # the meeting begins: the timer replaces the welcome
        assert shown(paths).show is Show.TIMER


def test_a_suggested_break_ends_on_a_five_minute_mark(clock):
    until_text = suggestions(clock.now())[0].removeprefix("Pauze tot ")
    assert until_text.endswith(("0", "5"))


async def test_the_beamer_names_the_network_and_when_it_meets_next(paths, clock):
    network = make_network(paths)
    template = load_templates().get("bijeenkomst")
    plans = PlanStore.of(paths)
    later = clock.now().date() + timedelta(days=28)
    for name, day in (("Te laat", later + timedelta(days=7)), ("Volgende", later), ("Vorige", clock.now().date())):
        plans.save(changed(MeetingPlan.from_template(template, name=name, start="19:30", network=network.id),
                           date=day))
    app, _ = meeting_app(paths, clock, network=network.id)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: paths.live.exists() and read_live(paths.live).network, "the network's name")
        state = read_live(paths.live)
        assert state.network == "Zorgnetwerk Zuid"
        assert state.next_meeting.endswith(f"{later.year} om 19:30") and str(later.day) in state.next_meeting
