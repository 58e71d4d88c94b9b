"""The calendar file (Ctrl+G) from the plan screen and from the network screen, and the place fields they use."""

from __future__ import annotations

import tomllib
from datetime import date

import vobject
from textual.widgets import Input

from lerend_tui.network.store import NetworkStore
from lerend_tui.plans.plan import MeetingPlan, PlanStore
from lerend_tui.screens.export import ExportScreen
from lerend_tui.screens.network import NetworkScreen
from lerend_tui.screens.plan import PlanScreen
from lerend_tui.templates import load_templates

from ..appkit import finish_reading, home_app, open_network
from ..samples import make_network


def a_plan(name: str, day: date | None, network: str = "zorgnetwerk-zuid") -> MeetingPlan:
    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name=name, title=f"Zorgnetwerk {name}",
                                     start="19:30", network=network)
    plan.date = day
    return plan


def with_place(paths, place: str = "Wijkcentrum De Linde") -> None:
    network = make_network(paths)
    network.place = place
    NetworkStore(paths.networks).save(network)


async def open_plan(app, pilot, paths, plan: MeetingPlan) -> PlanScreen:
    """The plan screen on `plan`, once it has read the plan's network (with its place)."""
    screen = PlanScreen(plan, PlanStore(paths.plans))
    await app.push_screen(screen)
    await finish_reading(pilot)
    return screen


async def save_export(pilot, target) -> None:
    """Save the open export screen's file to `target`."""
    export = pilot.app.screen
    assert isinstance(export, ExportScreen)
    export.query_one("#export-path", Input).value = str(target)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_the_plan_screens_key_saves_its_calendar_file_at_its_networks_place_or_its_own(paths, clock, tmp_path):
    with_place(paths)
    plan = a_plan("December", date(2026, 12, 8))
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, paths, plan)
        place = screen.query_one("#plan-place", Input)
        assert place.placeholder == "van het netwerk: Wijkcentrum De Linde"
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.screen.query_one("#export-path", Input).value.endswith("agenda-december.ics")
        await save_export(pilot, tmp_path / "netwerk.ics")
        assert app.screen is screen
        assert any(f"opgeslagen in {tmp_path / 'netwerk.ics'}" in n.message for n in app._notifications)
        place.focus()
        await pilot.press(*"Stadhuis, zaal 3")
        await pilot.press("ctrl+g")  # from inside the field
        await pilot.pause()
        await save_export(pilot, tmp_path / "eigen.ics")
    event = vobject.readOne((tmp_path / "netwerk.ics").read_text(encoding="utf-8")).vevent
    assert event.summary.value == "Zorgnetwerk December" and event.location.value == "Wijkcentrum De Linde"
    assert f"{clock.local(event.dtstart.value):%d-%m-%Y %H:%M}" == "08-12-2026 19:30"
    assert tomllib.loads((paths.plans / "december.toml").read_text(encoding="utf-8"))["place"] == "Stadhuis, zaal 3"
    assert vobject.readOne((tmp_path / "eigen.ics").read_text(encoding="utf-8")).vevent.location.value == \
        "Stadhuis, zaal 3"


async def test_the_plan_screen_says_a_plan_without_a_date_has_no_calendar(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, paths, a_plan("Ooit", None, network=""))
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.screen is screen
        assert any("De planning 'Ooit' heeft nog geen datum" in n.message for n in app._notifications)


async def test_the_network_screens_key_saves_its_planned_meetings_and_names_the_undated(paths, clock, tmp_path):
    with_place(paths)
    store = PlanStore(paths.plans)
    for plan in (a_plan("December", date(2026, 12, 8)), a_plan("Januari", date(2027, 1, 12)),
                 a_plan("Ooit", None), a_plan("Elders", date(2026, 12, 1), network="ander")):
        store.save(plan)
    target = tmp_path / "zuid.ics"
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("ctrl+g")
        await finish_reading(pilot)
        assert app.screen.query_one("#export-path", Input).value.endswith("kalender-zorgnetwerk-zuid.ics")
        assert any("nog zonder datum: 'Ooit'" in n.message for n in app._notifications)
        await save_export(pilot, target)
        assert app.screen is screen
    events = vobject.readOne(target.read_text(encoding="utf-8")).vevent_list
    assert [event.summary.value for event in events] == ["Zorgnetwerk December", "Zorgnetwerk Januari"]
    assert {event.location.value for event in events} == {"Wijkcentrum De Linde"}


async def test_a_new_network_has_no_calendar_yet_and_its_place_is_edited_with_its_details(paths, clock):
    make_network(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("ctrl+g")
        await finish_reading(pilot)
        assert app.screen is screen
        assert any("nog geen geplande bijeenkomst met een datum" in n.message for n in app._notifications)
        await pilot.press("f4")
        screen.query_one("#place", Input).focus()
        await pilot.press(*"Wijkcentrum  Zuid ")
        assert screen.save_now()
        assert isinstance(app.screen, NetworkScreen)
    written = tomllib.loads((paths.networks / "zorgnetwerk-zuid.toml").read_text(encoding="utf-8"))
    assert (written["place"], written["theme"]) == ("Wijkcentrum Zuid", "Wijkzorg")
