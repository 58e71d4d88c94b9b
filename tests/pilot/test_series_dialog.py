"""Pilot tests of the journey on the network screen and the series dialog: the steps read with the plans in the
background, a series planned from the keyboard, a mistake in the form told in Dutch, and existing plans kept."""

from __future__ import annotations

from textual.widgets import Input, TabbedContent

from lerend_tui.plans.plan import PlanStore
from lerend_tui.screens.network import NetworkScreen
from lerend_tui.screens.series import SeriesScreen

from ..appkit import finish_reading, home_app, open_network, paste, until
from ..samples import make_network
from .test_network_screens import text_of


async def test_a_series_is_planned_from_the_network_screen_and_the_steps_show_it(paths, clock):
    make_network(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("f5")
        await finish_reading(pilot)
        assert screen.query_one("#tabs", TabbedContent).active == "stappen"
        steps = text_of(app, "#journey")
        assert "Stap 2 – Kick-off  ·  nog te doen" in steps and "→ Plan de kick-off." in steps

        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SeriesScreen)
        # The form proposes a day two weeks on (the clock says 24-11-2026), 6 bijeenkomsten every 4 weeks at 19:00.
        assert dialog.query_one("#series-first", Input).value == "08-12-2026"
        assert "8 planningen" in str(dialog.query_one("#series-preview").border_title)

        # A mistake is told in the dialog, and Ctrl+S writes nothing then.
        dialog.query_one("#series-weekday", Input).focus()
        await paste(pilot, "dins")
        assert "Onbekende weekdag 'dins'" in text_of(app, "#series-dates")
        await pilot.press("ctrl+s")
        await finish_reading(pilot)
        assert isinstance(app.screen, SeriesScreen) and not list(paths.plans.glob("*.toml"))

        dialog.query_one("#series-weekday", Input).value = ""
        await paste(pilot, "donderdag")
        dialog.query_one("#series-time", Input).value = ""
        dialog.query_one("#series-time", Input).focus()
        await paste(pilot, "19:30")
        dialog.query_one("#series-count", Input).value = "3"
        await pilot.pause()
        assert "do 10-12-2026 19:30 Kick-off" in text_of(app, "#series-dates")
        assert "do 01-04-2027 19:30 Evaluatie" in text_of(app, "#series-dates")
        assert "Plaats: waar komen jullie samen, of online?" in text_of(app, "#series-conditions")
        await pilot.press("ctrl+s")
        await finish_reading(pilot)
        assert isinstance(app.screen, NetworkScreen)

        plans, problems = PlanStore(paths.plans).scan()
        assert not problems
        assert sorted((plan.date.isoformat(), plan.template, plan.network, plan.start) for plan in plans) == [
            ("2026-12-10", "kick-off", "zorgnetwerk-zuid", "19:30"),
            ("2027-01-07", "bijeenkomst", "zorgnetwerk-zuid", "19:30"),
            ("2027-02-04", "bijeenkomst", "zorgnetwerk-zuid", "19:30"),
            ("2027-03-04", "bijeenkomst", "zorgnetwerk-zuid", "19:30"),
            ("2027-04-01", "evaluatie", "zorgnetwerk-zuid", "19:30"),
        ]
        steps = await until(pilot, lambda: "gepland" in text_of(app, "#journey") and text_of(app, "#journey"),
                            "the steps showing the plans")
        assert "· Gepland: donderdag 10 december 2026, 19:30" in steps
        assert "· Gepland: 3 · 07-01, 04-02, 04-03" in steps
        assert "Ingepland: 5 bijeenkomsten, tot donderdag 1 april 2027" in steps

        # The same series again: the plans there are kept, and the dialog says so and stays.
        before = {plan.path: plan.path.read_bytes() for plan in plans if plan.path}
        await pilot.press("ctrl+r")
        await pilot.pause()
        app.screen.query_one("#series-first", Input).value = "10-12-2026"
        app.screen.query_one("#series-count", Input).value = "3"
        app.screen.query_one("#series-time", Input).value = "19:30"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await finish_reading(pilot)
        assert isinstance(app.screen, SeriesScreen)
        assert "Er staan al planningen voor deze reeks" in text_of(app, "#series-error")
        assert {path: path.read_bytes() for path in before} == before
        await pilot.press("escape")
        assert isinstance(app.screen, NetworkScreen)

