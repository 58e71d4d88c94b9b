"""Snapshots of the main screens at fixed sizes (update with `pytest --snapshot-update`)."""

from datetime import date

from lerend_tui.network.intake import Intake
from lerend_tui.network.store import NetworkStore
from lerend_tui.plans.plan import PlanStore
from lerend_tui.plans.series import Series, save_series, series_plans
from lerend_tui.screens.network import NetworkScreen
from lerend_tui.screens.plan import PlanScreen
from lerend_tui.screens.plans import PlansScreen
from lerend_tui.screens.review import ReviewScreen
from lerend_tui.templates import load_templates

from ..appkit import home_app, meeting_app, steady, until
from ..samples import make_network, planned_evening, store_meetings, two_meetings


async def meeting_in_progress(pilot):
    """Twelve minutes into the check-in, with a note typed."""
    await steady(pilot)  # the notes field takes the focus once the screen is up; a key before that is lost
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
        await steady(pilot)
        await until(pilot, lambda: pilot.app.focused is not None, "the form's first field to take the focus")

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=settled)


def test_review_screen_120x36(snap_compare, paths, clock):
    chosen = store_meetings(paths, broken=False)["Oktober: grenzen stellen"]

    async def open_review(pilot):
        pilot.app.push_screen(ReviewScreen(chosen))
        await steady(pilot)

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=open_review)


def test_network_screen_120x36(snap_compare, paths, clock):
    make_network(paths, participants=("Anouk", "Bram", "Chris"))
    two_meetings(paths)

    async def open_network(pilot):
        store = NetworkStore(paths.networks_folder)
        pilot.app.push_screen(NetworkScreen(store.load("zorgnetwerk-zuid"), store))
        await steady(pilot)

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=open_network)


def test_network_journey_100x30(snap_compare, paths, clock):
    """The Stappen tab: a network with a theme and its question, one intake of two, two meetings held and a series
    planned after them."""
    store = NetworkStore(paths.networks_folder)
    network = make_network(paths)
    network.question = "Hoe houden we mantelzorgers erbij?"
    network.participants[0].intake = Intake.held({"praktische-kennis": True, "complex-vraagstuk": True,
                                                  "voldoende-tijd": True})
    store.save(network)
    two_meetings(paths)
    save_series(series_plans(Series(date(2026, 12, 8), 4, 4, "19:30", kickoff=False), network_id=network.id,
                             network_name=network.name, theme=network.theme, templates=load_templates(),
                             local=clock.local), PlanStore(paths.plans))

    async def open_journey(pilot):
        pilot.app.push_screen(NetworkScreen(store.load("zorgnetwerk-zuid"), store))
        await steady(pilot)
        await pilot.press("f5")
        await steady(pilot)

    assert snap_compare(home_app(paths, clock), terminal_size=(100, 30), run_before=open_journey)


def test_plan_screen_120x36(snap_compare, paths, clock):
    plan = planned_evening(paths)

    async def open_plan(pilot):
        pilot.app.push_screen(PlanScreen(plan, PlanStore(paths.plans)))
        await steady(pilot)
        pilot.app.screen.query_one("#phases").highlighted = 3
        await pilot.pause()

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=open_plan)


def test_plans_screen_120x36(snap_compare, paths, clock):
    planned_evening(paths)

    async def open_plans(pilot):
        pilot.app.push_screen(PlansScreen())
        await steady(pilot)

    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=open_plans)
