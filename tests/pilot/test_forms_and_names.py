"""Forms keep what is there and show where the typing goes; the facilitator reads names and Dutch, never ids."""

from textual.widgets import Input

from lerend_tui.common.validation import DataError
from lerend_tui.network.store import NetworkStore
from lerend_tui.plans.plan import MeetingPlan, PlanStore, parse_plan
from lerend_tui.screens.network import carry_text
from lerend_tui.screens.plan import PlanScreen
from lerend_tui.screens.plans import PlansScreen
from lerend_tui.templates import load_templates

from ..appkit import finish_reading, home_app, meeting_app, paste


async def test_tab_into_a_filled_field_puts_the_cursor_at_its_end(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        participants = app.screen.query_one("#participants", Input)
        participants.focus()
        await paste(pilot, "Bram Jansen")
        await pilot.press("shift+tab", "tab")  # away and back again
        assert app.focused is participants and participants.selection.is_empty
        await pilot.press(*", Z")
        assert participants.value == "Bram Jansen, Z"


async def test_the_focused_field_is_plainly_marked(paths, clock):
    app = home_app(paths, clock)
    async with app.run_test() as pilot:
        title, participants = (app.screen.query_one(selector, Input) for selector in ("#title", "#participants"))
        title.focus()
        await pilot.pause()
        assert title.styles.background != participants.styles.background
        assert title.styles.background.a > 0 and title.styles.background != app.screen.styles.background


async def test_the_plan_form_scrolls_to_the_field_tabbed_into_and_keeps_its_text(paths, clock):
    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="Zuid", title="Zorgnetwerk Zuid")
    plan.participants = ["Anouk", "Bram"]
    app = home_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(PlanScreen(plan, PlanStore(paths.plans)))
        await pilot.pause()
        form = app.screen.query_one("#form")
        last = app.screen.query_one("#plan-participants", Input)
        assert not form.region.contains_region(last.region)  # below the fold at first
        for _ in range(20):
            if app.focused is last:
                break
            await pilot.press("tab")
        assert app.focused is last
        await pilot.pause()
        assert form.region.contains_region(last.region)
        await pilot.press(*", C")  # on the way, "Anouk, Bram," is said under the form, and nothing breaks
        assert last.value == "Anouk, Bram, C"


async def test_the_palette_asks_in_dutch_and_names_phase_kinds(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one("CommandInput", Input).placeholder == "Zoek een opdracht…"
        helps = {command.title: command.help for command in app.get_system_commands(app.screen)}
        assert helps["Ga naar fase 1: Opstart en check-in"] == "10 minuten · Check-in"
        assert helps["Ga naar fase 4: Onderlinge coaching"].endswith("· Onderlinge coaching")
        assert not any(help_text.endswith(("checkin", "afsluiting")) for help_text in helps.values())


async def test_the_plans_list_names_the_network_and_a_new_plan_carries_no_date(paths, clock):
    network = NetworkStore(paths.networks).create("Zorgnetwerk Zuid", participants=["Anouk"])
    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="December", title="December")
    plan.network = network.id
    PlanStore(paths.plans).save(plan)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.push_screen(PlansScreen())
        await finish_reading(pilot)
        listed = app.screen.query_one("#plans")
        prompt = str(listed.get_option_at_index(0).prompt)
        assert "netwerk Zorgnetwerk Zuid" in prompt and network.id not in prompt.replace("Zorgnetwerk Zuid", "")


async def test_a_new_plans_list_and_a_new_network_speak_of_what_is_not_there_yet(paths, clock):
    network = NetworkStore(paths.networks).create("Nieuw netwerk", participants=["Anouk"])
    text = str(carry_text(network, {}))
    assert "vorige bijeenkomst" not in text and text.startswith("Nog geen bijeenkomst")
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.push_screen(PlansScreen())
        await finish_reading(pilot)
        listed = app.screen.query_one("#plans")
        assert str(listed.get_option_at_index(0).prompt) == "Nog geen planningen: maak er rechts een aan."


def test_a_quoted_date_in_a_plan_file_is_shown_in_its_toml_form(paths):
    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="December", title="December")
    path = PlanStore(paths.plans).save(plan)
    path.write_text('date = "2026-12-08"\n' + path.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        parse_plan(path)
    except DataError as error:
        message = str(error)
    else:
        raise AssertionError("a quoted date was accepted")
    assert "date = 2026-12-08," in message and "zonder aanhalingstekens" in message and str(path) in message
