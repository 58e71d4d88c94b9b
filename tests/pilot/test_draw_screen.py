"""The work-format draw in the meeting (`r`): filters from the phase, accept puts the steps in the phase."""

import tomllib

from textual.widgets import Input, OptionList, Select

from lerend_tui.common.settings import Settings
from lerend_tui.screens.draw import DrawScreen
from lerend_tui.screens.meeting import MeetingScreen

from ..appkit import finish_reading, meeting_app
from ..samples import PEOPLE


async def open_draw(app, pilot, phase=3):
    app.screen.go_to(phase)
    await pilot.press("escape", "r")
    await finish_reading(pilot)  # the earlier meetings, for the draw's history
    assert isinstance(app.screen, DrawScreen)
    return app.screen


async def test_filters_come_from_the_phase_group_and_time(paths, clock):
    app, _ = meeting_app(paths, clock, participants=PEOPLE)
    app.services.settings = Settings(reduced_motion=True)
    async with app.run_test(size=(120, 36)) as pilot:
        draw = await open_draw(app, pilot)
        assert draw.query_one("#phase", Select).value == "coaching"
        assert draw.query_one("#people", Input).value == "6"
        assert draw.query_one("#minutes", Input).value == "45"
        assert "werkvormen passen" in str(draw.query_one("#count").render())
        chosen = draw.chosen
        assert chosen is not None and "coaching" in chosen.phases and chosen.minutes <= 45
        draw.query_one("#minutes", Input).value = "1"
        await pilot.pause()
        assert draw.chosen is None and "past in 1 minuut" in str(draw.query_one("#count").render())


async def test_accept_puts_the_steps_in_the_phase_and_records_it(paths, clock):
    app, path = meeting_app(paths, clock, participants=PEOPLE)
    app.services.settings = Settings(reduced_motion=True)
    async with app.run_test(size=(120, 36)) as pilot:
        draw = await open_draw(app, pilot)
        draw.query_one("#candidates", OptionList).display = True
        workform = app.services.catalogue.get("troika-consulting")
        draw._show(workform)
        await pilot.pause()
        roles = draw.roles()
        assert set(roles) == set(workform.roles) and set(roles.values()) <= set(PEOPLE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.meeting.step.title == workform.steps[0].title
        assert "Stap 1 van" in str(screen.query_one("#focus-line").render())
    phase = tomllib.loads(path.read_text(encoding="utf-8"))["phases"][3]
    assert phase["workform"] == "troika-consulting" and phase["roles"] == roles
    assert [step["title"] for step in phase["steps"]] == [step.title for step in workform.steps]


async def test_draw_again_shows_another_and_escape_cancels(paths, clock):
    app, _ = meeting_app(paths, clock, participants=PEOPLE)
    app.services.settings = Settings(reduced_motion=True)
    async with app.run_test(size=(120, 36)) as pilot:
        draw = await open_draw(app, pilot)
        first = draw.chosen
        await pilot.press("ctrl+r")
        assert draw.chosen is not None and draw.chosen != first
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingScreen) and app.screen.meeting.current.workform == ""


async def test_the_animation_is_short_and_any_key_skips_it(paths, clock):
    app, _ = meeting_app(paths, clock, participants=PEOPLE)
    async with app.run_test(size=(120, 36)) as pilot:
        draw = await open_draw(app, pilot)
        assert draw._animation is not None  # drawing
        await pilot.press("x")
        assert draw._animation is None and draw.chosen is not None


async def test_roles_are_proposed_and_can_be_swapped(paths, clock):
    app, _ = meeting_app(paths, clock, participants=PEOPLE)
    app.services.settings = Settings(reduced_motion=True)
    async with app.run_test(size=(120, 36)) as pilot:
        draw = await open_draw(app, pilot)
        draw._show(app.services.catalogue.get("troika-consulting"))
        await pilot.pause()
        before = draw.roles()
        roles = draw.query_one("#roles", OptionList)
        roles.focus()
        roles.highlighted = 0
        await pilot.press("enter")
        after = draw.roles()
        first = next(iter(before))
        assert after[first] == PEOPLE[(PEOPLE.index(before[first]) + 1) % len(PEOPLE)]
