"""Snapshots of the main screens at fixed sizes (update with `pytest --snapshot-update`)."""

from textual.widgets import Input, TextArea

from lerend_tui.plans.plan import MeetingPlan, PlanStore
from lerend_tui.network.store import NetworkStore
from lerend_tui.templates import load_templates
from lerend_tui.screens.network import NetworkScreen
from lerend_tui.screens.plan import PlanScreen
from lerend_tui.screens.plans import PlansScreen
from lerend_tui.screens.review import ReviewScreen
from lerend_tui.catalogue.workforms import load_catalogue

from .appkit import finish_reading, home_app, meeting_app
from .test_network_screens import make_network, two_meetings
from .test_review_screen import store_meetings


def no_blink(pilot):
    """A blinking cursor is drawn or not depending on the moment the snapshot is taken."""
    for field in [*pilot.app.screen.query(TextArea), *pilot.app.screen.query(Input)]:
        field.cursor_blink = False


async def meeting_in_progress(pilot):
    """Twelve minutes into the check-in, with a note typed."""
    no_blink(pilot)
    await pilot.pause()  # the notes field takes the focus once the screen is up; a key before that is lost
    await pilot.press(*"Iedereen is er.")
    await pilot.press("escape", "space")
    pilot.app.services.clock.advance(minutes=12, seconds=4)
    pilot.app.screen.refresh_time()
    await pilot.pause()


def test_meeting_screen_80x24(snap_compare, paths, clock):
    app, _ = meeting_app(paths, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=meeting_in_progress)


def test_meeting_screen_120x36(snap_compare, paths, clock):
    app, _ = meeting_app(paths, clock)
    assert snap_compare(app, terminal_size=(120, 36), run_before=meeting_in_progress)


def test_meeting_screen_200x50(snap_compare, paths, clock):
    """A big terminal: the phase's time in block digits, and the wider agenda."""
    app, _ = meeting_app(paths, clock)
    assert snap_compare(app, terminal_size=(200, 50), run_before=meeting_in_progress)


def test_home_screen_120x36(snap_compare, paths, clock):
    async def settled(pilot):
        no_blink(pilot)
        await finish_reading(pilot)  # the form's first field takes the focus (and its mark) once the screen is up

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=settled)


def test_review_screen_120x36(snap_compare, paths, clock):
    chosen = store_meetings(paths, broken=False)["Oktober: grenzen stellen"]

    async def open_review(pilot):
        pilot.app.push_screen(ReviewScreen(chosen))
        await finish_reading(pilot)

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=open_review)


def test_network_screen_120x36(snap_compare, paths, clock):
    make_network(paths, participants=("Anouk", "Bram", "Chris"))
    two_meetings(paths)

    async def open_network(pilot):
        store = NetworkStore(paths.networks_folder)
        pilot.app.push_screen(NetworkScreen(store.load("zorgnetwerk-zuid"), store))
        await finish_reading(pilot)

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=open_network)


def planned_evening(paths) -> MeetingPlan:
    """A plan shaped as a facilitator would: a phase moved, a work format in the coaching phase, who brings
    the content and the case, and ten minutes more than the evening has."""
    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="Zuid december",
                                     title="Zorgnetwerk Zuid · december", start="19:30", available_minutes=100)
    plan.move(1, 2)
    plan.set_workform(3, load_catalogue(None).workforms["troika-consulting"])
    plan.phases[2].content_by, plan.phases[3].case_by = "Anouk", "Bram"
    plan.theme = "Eenzaamheid in de wijk"
    PlanStore(paths.plans).save(plan)
    return plan


def test_plan_screen_120x36(snap_compare, paths, clock):
    plan = planned_evening(paths)

    async def open_plan(pilot):
        pilot.app.push_screen(PlanScreen(plan, PlanStore(paths.plans)))
        await pilot.pause()
        pilot.app.screen.query_one("#phases").highlighted = 3
        await pilot.pause()

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=open_plan)


def test_plans_screen_120x36(snap_compare, paths, clock):
    planned_evening(paths)

    async def open_plans(pilot):
        pilot.app.push_screen(PlansScreen())
        await finish_reading(pilot)

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=open_plans)
