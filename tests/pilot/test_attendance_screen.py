"""Pilot tests: who is there (the attendance screen, and the round, draw and check-out that follow it), a round
inside a step beside its step on both screens, and the agenda's clock times after a re-budget."""

import random
import tomllib

from textual.widgets import Static

from lerend_tui.app import make_app
from lerend_tui.meeting.record import MeetingRecord, PhaseRecord, StepRecord
from lerend_tui.screens.attendance import AttendanceScreen
from lerend_tui.screens.beamer import BeamerScreen
from lerend_tui.screens.checkout import CheckoutScreen
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.widgets.agenda import Agenda
from lerend_tui.widgets.big_text import BigText

from ..appkit import meeting_app, until

PEOPLE = ["Anouk", "Bram", "Chris", "Dirk", "Esra"]


def text_of(screen, selector) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_two_marked_absent_are_left_out_of_the_round_and_the_check_out(paths, clock):
    app, path = meeting_app(paths, clock, participants=PEOPLE)
    async with app.run_test() as pilot:
        screen = app.screen
        assert sorted(screen.meeting.speaking.order) == PEOPLE
        await pilot.press("escape", "w")
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("down", "f", "down", "down", "space", "space")  # Bram afgemeld, Dirk komt later
        assert "3 van 5 aanwezig" in text_of(app.screen, "#attendance-count")
        await pilot.press("enter")
        assert app.screen is screen
        order = screen.meeting.speaking.order
        assert sorted(order) == ["Anouk", "Chris", "Esra"]
        assert "Aanwezig: 3 van 5 · afgemeld: Bram · komt later: Dirk" in text_of(screen, "#guidance")
        for _ in order:
            assert screen.meeting.speaking.current in ("Anouk", "Chris", "Esra")
            await pilot.press("n")
        assert screen.meeting.speaking.finished
        screen.go_to(len(screen.meeting.phases) - 1)
        await pilot.press("escape", "c")
        assert isinstance(app.screen, CheckoutScreen) and app.screen.participants == ["Anouk", "Chris", "Esra"]
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["attendance"] == {"Anouk": "aanwezig", "Bram": "afgemeld", "Chris": "aanwezig",
                                   "Dirk": "komt later", "Esra": "aanwezig"}


async def test_escape_leaves_attendance_as_it_was(paths, clock):
    app, _ = meeting_app(paths, clock, participants=PEOPLE)
    async with app.run_test() as pilot:
        await pilot.press("escape", "w", "f", "escape")
        assert not isinstance(app.screen, AttendanceScreen)
        assert app.screen.meeting.record.attendance == {} and app.screen.meeting.speaking.count == 5


async def test_a_round_inside_a_step_shows_the_step_its_instruction_and_its_time(paths, clock):
    steps = [StepRecord("Uitleg", 5), StepRecord("Rondje", 4, "Ieder noemt één vraag die blijft hangen.", round=True)]
    record = MeetingRecord("Intervisie", "bijeenkomst", clock.now(),
                           [PhaseRecord("coaching", "Onderlinge coaching", 30, steps=steps, current_step=1)],
                           participants=["Anouk", "Bram", "Chris"])
    path = MeetingStore(paths.meetings).create(record)
    app = make_app(paths, clock=clock, rng=random.Random(1), open_meeting=(record, path), save_delay=60)
    async with app.run_test() as pilot:
        screen = app.screen
        await pilot.press("escape", "space")
        clock.advance(30)
        await until(pilot, lambda: "(1 van 3) · 00:50" in text_of(screen, "#focus-line"), "the turn's time shown")
        focus = text_of(screen, "#focus-line")
        assert screen.meeting.speaking.seconds_per_person == 80  # 4 minutes over 3 people
        assert "Nu: " in focus and "(1 van 3) · 00:50" in focus
        assert "Stap 2 van 2: Rondje · 03:30" in focus
        assert "Ieder noemt één vraag die blijft hangen." in focus
        await pilot.press("b")
        assert isinstance(app.screen, BeamerScreen)
        await pilot.pause()
        beamer = app.screen
        phase = text_of(beamer, "#beamer-phase")  # at 80 × 24 the step has no band of its own
        assert "Stap 2 van 2: Rondje" in phase and "stap 03:30" in phase and "beurt 1 van 3" in phase
        assert beamer.query_one("#beamer-speaker", BigText).texts[0].startswith("NU: ")
        await pilot.resize_terminal(250, 70)
        await pilot.pause()
        assert beamer.query_one("#beamer-step", BigText).texts[0] == "Stap 2 van 2: Rondje"
        assert text_of(beamer, "#beamer-instruction") == "Ieder noemt één vraag die blijft hangen."
        assert beamer.query_one("#beamer-step").display and beamer.query_one("#beamer-instruction").display


async def test_the_beamer_shows_no_step_outside_a_step(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("escape", "space", "b")
        await pilot.pause()
        assert app.screen.has_class("-timer")
        assert not app.screen.query_one("#beamer-step").display
        assert not app.screen.query_one("#beamer-instruction").display


async def test_after_a_rebudget_the_agenda_shows_the_projected_clock_times(paths, clock):
    app, path = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        screen = app.screen
        await pilot.press("escape", "space")
        clock.advance(minutes=30)  # the 10-minute check-in took 30
        await pilot.press("escape", "n")
        await until(pilot, lambda: screen.check_action("rebudget", ()), "the offer to re-budget the rest")
        await pilot.press("escape", "a")
        await until(pilot, lambda: "Einde verwacht 20:50" in screen.query_one(Agenda).render().plain,
                    "the agenda to show the re-budgeted end")
        lines = screen.query_one(Agenda).render().plain.splitlines()
        assert [line[2:7] for line in lines[:5]] == ["19:00", "19:30", "19:45", "20:08", "20:42"]
        assert "Einde gepland  20:50" in lines[6] and "Einde verwacht 20:50" in lines[7]
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert [phase["planned_minutes"] for phase in saved["phases"]] == [10, 15, 30, 45, 10]
    assert f"{saved['planned_start']:%H:%M}" == "19:00"
