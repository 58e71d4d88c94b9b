"""Pilot tests of the plan screen (planning): reorder, minutes, the overrun warning, a drawn work format,
the agenda written, and opening a plan from the home screen."""

from __future__ import annotations

import io
import random
import tomllib
from datetime import date

from rich.console import Console
from textual.widgets import Input, OptionList, Select, Static

from lerend_tui.common.settings import Settings
from lerend_tui.meeting.record import parse_record
from lerend_tui.meeting.running import new_meeting_record
from lerend_tui.plans.plan import MeetingPlan, PlanStore, text_agenda
from lerend_tui.screens.catalogue import CatalogueScreen
from lerend_tui.screens.draw import DrawScreen
from lerend_tui.screens.export import ExportScreen
from lerend_tui.screens.home import HomeScreen
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.screens.plan import PlanScreen
from lerend_tui.screens.plans import PlansScreen
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import load_templates

from ..appkit import finish_reading, home_app


def a_plan(**changes) -> MeetingPlan:
    template = load_templates().get("bijeenkomst")
    plan = MeetingPlan.from_template(template, name="November", title="Zorgnetwerk november", start="19:00")
    for key, value in changes.items():
        setattr(plan, key, value)
    return plan


def on_disk(paths) -> dict:
    return tomllib.loads((paths.plans / "november.toml").read_text(encoding="utf-8"))


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def row_text(screen, index: int) -> str:
    """A phase's row in the list, as text."""
    console = Console(width=100, file=io.StringIO(), record=True)
    console.print(screen.query_one("#phases", OptionList).get_option_at_index(index).prompt)
    return console.export_text()


def coaching(plan: MeetingPlan) -> int:
    return next(i for i, phase in enumerate(plan.phases) if phase.kind == "coaching")


async def open_plan(app, pilot, plan: MeetingPlan, paths, *, highlight: int = 0) -> PlanScreen:
    """The plan screen on `plan`, with phase `highlight` highlighted."""
    screen = PlanScreen(plan, PlanStore(paths.plans))
    await app.push_screen(screen)
    await finish_reading(pilot)  # a network's plan reads its network and meetings
    if highlight:
        screen.query_one("#phases", OptionList).highlighted = highlight
        await pilot.pause()
    return screen


async def test_reorder_moves_the_phase_and_the_file_shows_it(paths, clock):
    app = home_app(paths, clock)
    plan = a_plan()
    titles = [phase.title for phase in plan.phases]
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, plan, paths)
        assert [p["title"] for p in on_disk(paths)["phases"]] == titles
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert screen.query_one("#phases", OptionList).highlighted == 1
        assert [p["title"] for p in on_disk(paths)["phases"]] == [titles[1], titles[0], *titles[2:]]
        await pilot.press("down", "ctrl+up")
        await pilot.pause()
        assert [p["title"] for p in on_disk(paths)["phases"]] == [titles[1], titles[2], titles[0], *titles[3:]]


async def test_plus_and_minus_change_the_minutes_and_the_end(paths, clock):
    app = home_app(paths, clock)
    plan = a_plan()
    total, end = plan.total_minutes, plan.end
    first = plan.phases[0].minutes
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, plan, paths)
        assert f"einde {end}" in text(screen, "#plan-times")
        await pilot.press("plus", "plus", "plus")
        await pilot.pause()
        assert plan.phases[0].minutes == first + 3 and plan.total_minutes == total + 3
        assert f"einde {plan.end}" in text(screen, "#plan-times") and plan.end != end
        assert on_disk(paths)["phases"][0]["minutes"] == first + 3
        await pilot.press("minus")
        await pilot.pause()
        assert on_disk(paths)["phases"][0]["minutes"] == first + 2
        assert f"totaal {total + 2} min" in text(screen, "#plan-times")


async def test_the_overrun_warning_appears(paths, clock):
    app = home_app(paths, clock)
    plan = a_plan()
    plan.available_minutes = plan.total_minutes
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, plan, paths)
        warning = screen.query_one("#plan-warning", Static)
        assert not warning.display
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert warning.display
        assert "loopt 2 min uit" in text(screen, "#plan-warning")
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert not warning.display


async def test_drawing_a_work_format_sets_it(paths, clock):
    app = home_app(paths, clock)
    app.services.rng = random.Random(3)
    app.services.settings = Settings(reduced_motion=True)
    plan = a_plan(participants=["Anouk", "Bram", "Chris", "Dirk"])
    index = coaching(plan)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, plan, paths, highlight=index)
        await pilot.press("r")
        await finish_reading(pilot)  # the earlier meetings, for the draw's history
        draw = app.screen
        assert isinstance(draw, DrawScreen)
        assert draw.filters.phase == "coaching" and draw.filters.minutes == plan.phases[index].minutes
        assert draw.filters.people == 4 and draw.participants == plan.participants
        chosen = draw.chosen
        assert chosen is not None and "inbrenger" in chosen.roles, "seed 3 draws a format with a case-bringer"
        proposed = draw.roles()["inbrenger"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert plan.phases[index].workform == chosen.id
        saved = on_disk(paths)["phases"][index]
        assert saved["workform"] == chosen.id and saved["minutes"] == chosen.minutes
        assert saved["case_by"] == proposed in plan.participants
        assert screen.query_one("#case-by", Input).value == proposed
        assert chosen.name in row_text(screen, index)


async def test_export_writes_an_agenda_file(paths, clock, tmp_path):
    app = home_app(paths, clock)
    plan = a_plan()
    plan.phases[0].content_by = "Anouk"
    target = tmp_path / "agenda.md"
    async with app.run_test(size=(120, 36)) as pilot:
        await open_plan(app, pilot, plan, paths)
        await pilot.press("ctrl+e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        export.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
    agenda = target.read_text(encoding="utf-8")
    assert agenda.startswith("# Zorgnetwerk november")
    assert f"| {plan.end} | Einde | | |" in agenda and "Anouk brengt de inhoud" in agenda


async def test_the_agenda_as_plain_text_for_a_mail(paths, clock, tmp_path):
    app = home_app(paths, clock)
    plan = a_plan()
    async with app.run_test(size=(120, 36)) as pilot:
        await open_plan(app, pilot, plan, paths)
        await pilot.press("ctrl+e")
        await pilot.pause()
        export = app.screen
        path = export.query_one("#export-path", Input)
        assert path.value.endswith("agenda-november.md")
        await pilot.click("#plain")
        await pilot.pause()
        assert path.value.endswith("agenda-november.txt")
        assert export.report() == text_agenda(plan, app.services.catalogue)
        path.value = str(tmp_path / "agenda.txt")
        await pilot.press("ctrl+s")
        await pilot.pause()
    agenda = (tmp_path / "agenda.txt").read_text(encoding="utf-8")
    assert agenda.startswith("Zorgnetwerk november\n19:00–") and "|" not in agenda


async def test_content_by_typed_in_the_form_is_saved(paths, clock):
    app = home_app(paths, clock)
    plan = a_plan()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, plan, paths)
        await pilot.press("enter", "tab", "tab")
        assert screen.query_one("#content-by", Input).has_focus
        await pilot.press(*"Bram", "enter")
        await pilot.pause()
        assert screen.query_one("#phases", OptionList).has_focus
        assert on_disk(paths)["phases"][0]["content_by"] == "Bram"


async def test_home_opens_the_plans_and_a_new_plan_from_the_template(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press(*"Zorg", "ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, PlansScreen)
        assert app.screen.query_one("#title", Input).value == "Zorg"
        await pilot.click("#make")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert screen.plan.title == "Zorg" and screen.plan.name == "Zorg"
    assert (paths.plans / "zorg.toml").is_file()


async def test_a_work_format_is_chosen_from_the_catalogue_and_taken_off_again(paths, clock):
    app = home_app(paths, clock)
    plan = a_plan()
    index = coaching(plan)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, plan, paths, highlight=index)
        await pilot.press("w")
        await pilot.pause()
        catalogue = app.screen
        assert isinstance(catalogue, CatalogueScreen) and catalogue.choosing
        assert catalogue.query_one("#phase", Select).value == "coaching"
        await pilot.press("down", "enter")
        await pilot.pause()
        chosen = catalogue.listed[1]
        assert app.screen is screen
        saved = on_disk(paths)["phases"][index]
        assert saved["workform"] == chosen.id and saved["minutes"] == chosen.minutes
        assert [step["title"] for step in saved["steps"]] == [step.title for step in chosen.steps]
        assert f"Werkvorm: {chosen.name}" in text(screen, "#phase-info")
        await pilot.press("x")
        await pilot.pause()
        assert "workform" not in on_disk(paths)["phases"][index] and not plan.phases[index].steps


async def test_plus_in_the_steps_lengthens_that_step_and_the_phase(paths, clock):
    app = home_app(paths, clock)
    plan = a_plan()
    index = coaching(plan)
    workform = app.services.catalogue.workforms["troika-consulting"]
    plan.set_workform(index, workform)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, plan, paths, highlight=index)
        steps = screen.query_one("#steps", OptionList)
        assert steps.display and steps.option_count == len(workform.steps)
        steps.focus()
        await pilot.press("down", "plus", "plus")
        await pilot.pause()
        saved = on_disk(paths)["phases"][index]
        assert saved["steps"][1]["minutes"] == workform.steps[1].minutes + 2
        assert saved["steps"][0]["minutes"] == workform.steps[0].minutes
        assert saved["minutes"] == workform.minutes + 2


async def test_kind_theme_goal_date_and_participants_are_saved(paths, clock):
    app = home_app(paths, clock)
    plan = a_plan()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, plan, paths)
        screen.query_one("#phase-kind", Select).value = "reflectie"
        for selector, value in [("#plan-theme", "Eenzaamheid"), ("#plan-goal", "Elkaars aanpak kennen"),
                                ("#plan-date", "8-12-2026"), ("#plan-participants", "Anouk, Bram"),
                                ("#plan-title", "Zorgnetwerk december")]:
            screen.query_one(selector, Input).value = value
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = on_disk(paths)
        assert saved["phases"][0]["kind"] == "reflectie"
        assert (saved["theme"], saved["goal"], saved["participants"], saved["title"]) == (
            "Eenzaamheid", "Elkaars aanpak kennen", ["Anouk", "Bram"], "Zorgnetwerk december")
        assert saved["date"] == date(2026, 12, 8)
        assert screen.query_one("#phases", OptionList).border_title == "Zorgnetwerk december"
        screen.query_one("#plan-date", Input).value = "volgende week"
        await pilot.pause()
        assert "Ongeldige datum 'volgende week'" in text(screen, "#form-error")
        assert plan.date == date(2026, 12, 8)


async def test_f5_starts_the_meeting_the_plan_describes(paths, clock):
    app = home_app(paths, clock)
    plan = a_plan(participants=["Anouk", "Bram"], start="19:30")
    plan.move(4, 1)
    index = coaching(plan)
    plan.set_workform(index, app.services.catalogue.workforms["troika-consulting"])
    async with app.run_test(size=(120, 36)) as pilot:
        await open_plan(app, pilot, plan, paths)
        await pilot.press("f5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        record = screen.meeting.record
        assert [(p.title, p.planned_minutes, p.workform) for p in record.phases] == [
            (p.title, p.minutes, p.workform) for p in plan.phases]
        assert record.participants == ["Anouk", "Bram"] and f"{record.planned_start:%H:%M}" == "19:30"
        assert record.title == plan.title
    assert parse_record(screen.path).phases[index].workform == "troika-consulting"


async def test_a_phase_the_plan_renamed_keeps_its_guidance_in_the_meeting(paths, clock):
    app = home_app(paths, clock)
    plan = a_plan()
    plan.rename(0, "Welkom en koffie")
    guidance = load_templates().get("bijeenkomst").phases[0].guidance
    async with app.run_test(size=(120, 36)) as pilot:
        await open_plan(app, pilot, plan, paths)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting.current.title == "Welkom en koffie"
        assert guidance.split()[0] in str(app.screen.query_one("#guidance").render())
        assert app.screen.meeting.template_phase(app.screen.meeting.current).guidance == guidance


async def test_a_plan_is_made_from_an_earlier_meeting_and_listed(paths, clock):
    template = load_templates().get("kick-off")
    record = new_meeting_record(template, title="Kick-off Zuid", participants=[], planned_start=clock.now())
    record.phases[0].workform = "troika-consulting"
    MeetingStore(paths.meetings).create(record)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.push_screen(PlansScreen())
        await finish_reading(pilot)
        plans = app.screen
        source = plans.query_one("#source", Select)
        source.value = next(value for _, value in source._options if str(value).startswith("bijeenkomst:"))
        plans.query_one("#title", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert [p.title for p in screen.plan.phases] == [p.title for p in record.phases]
        assert screen.plan.phases[0].workform == "troika-consulting" and screen.plan.name == "Kick-off Zuid"
        await pilot.press("escape")
        await finish_reading(pilot)
        assert app.screen is plans
        listed = plans.query_one("#plans", OptionList)
        assert "Kick-off Zuid" in str(listed.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen) and app.screen.plan.name == "Kick-off Zuid"


async def test_a_networks_plan_says_whose_turn_it_is_and_starts_in_the_network(paths, clock):
    from lerend_tui.network.exchange import create_in_network
    from lerend_tui.network.store import NetworkStore

    networks = NetworkStore(paths.networks)
    network = networks.create("Zorgnetwerk Zuid", participants=["Anouk", "Bram"])
    earlier = new_meeting_record(load_templates().get("bijeenkomst"), title="Oktober", participants=[],
                                 planned_start=clock.now())
    earlier.phases[2].roles["inhoud"] = "Anouk"
    earlier.started = earlier.phases[0].started = clock.now()  # it ran: only then do its roles count
    create_in_network(earlier, network, MeetingStore(paths.meetings), networks)
    app = home_app(paths, clock)
    plan = a_plan(network=network.id)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, plan, paths)
        assert "netwerk Zorgnetwerk Zuid" in text(screen, "#plan-name")
        assert screen.query_one("#plan-participants", Input).placeholder == "Anouk, Bram"
        assert screen.query_one("#content-by", Input).placeholder == "niemand (aan de beurt: Bram)"
        await pilot.press("f5")
        await pilot.pause()
        record = app.screen.meeting.record
        assert record.network == network.id and record.participants == ["Anouk", "Bram"]
    assert len(networks.load(network.id).meetings) == 2


async def test_a_plan_thrown_away_is_kept_aside_as_a_backup(paths, clock):
    store = PlanStore(paths.plans)
    path = store.save(a_plan())
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.push_screen(PlansScreen())
        await finish_reading(pilot)
        plans = app.screen
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")  # not yet
        await pilot.pause()
        assert path.is_file() and len(plans.plans) == 1
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await finish_reading(pilot)
        assert plans.plans == [] and not path.exists()
    assert path.with_name(path.name + ".bak").is_file() and store.scan() == ([], [])


async def test_a_phase_is_added_named_and_removed_again(paths, clock):
    app = home_app(paths, clock)
    plan = a_plan()
    titles = [phase.title for phase in plan.phases]
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_plan(app, pilot, plan, paths)
        await pilot.press("ctrl+n")
        await pilot.pause()
        title = screen.query_one("#phase-title", Input)
        assert title.has_focus and title.value == "Nieuwe fase"
        await pilot.press(*"Gastspreker", "enter")  # typing replaces the selected name
        await pilot.pause()
        saved = on_disk(paths)["phases"]
        assert [p["title"] for p in saved] == [titles[0], "Gastspreker", *titles[1:]]
        assert saved[1]["minutes"] == 10 and saved[1]["kind"] == plan.phases[0].kind
        assert screen.query_one("#phases", OptionList).has_focus and screen.index == 1
        assert "Gastspreker" in row_text(screen, 1) and "19:10–19:20" in row_text(screen, 1)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert [p["title"] for p in on_disk(paths)["phases"]] == titles
