"""At 80 columns every footer shows all its keys whole; at 200 × 50 the meeting's clock and the plan form grow."""

from textual.widgets import Footer

from lerend_tui.meeting.record import Carried
from lerend_tui.network.store import NetworkStore
from lerend_tui.plans.plan import PlanStore
from lerend_tui.screens.network import NetworkScreen
from lerend_tui.screens.plan import PlanScreen
from lerend_tui.screens.plans import PlansScreen
from lerend_tui.screens.review import ReviewScreen
from lerend_tui.widgets.big_clock import BigClock

from ..appkit import finish_reading, home_app, meeting_app, until
from ..samples import make_network, planned_evening, store_meetings, two_meetings


async def keys_fit(pilot) -> tuple[int, int, list[str]]:
    """The width the footer's keys take, the footer's width and the keys' labels, once it shows them (its
    keys come a moment after the screen, later on a busy machine)."""
    footer = pilot.app.screen.query_one(Footer)
    keys = await until(pilot, lambda: [key for key in footer.query("FooterKey")
                                       if key.display and key.outer_size.width], "the footer's keys")
    return sum(key.outer_size.width for key in keys), footer.size.width, [key.description for key in keys]


async def test_the_meeting_footer_fits_80_columns_with_every_key_it_can_show(paths, clock):
    app, _ = meeting_app(paths, clock, participants=("Anouk", "Bram"),
                         carried=[Carried("actie", "bellen", "Bram", "oktober")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("escape", "space")
        clock.advance(minutes=40)  # far behind: "a" (re-budget) joins the keys
        screen.refresh_time()
        await pilot.pause()
        used, room, shown = await keys_fit(pilot)
        assert {"Afvinken", "Op tijd", "Stop", "Hulp"} <= set(shown) and used <= room
        screen.go_to(4)  # the closing: the check-out's key instead of the carry-over's
        screen.refresh_time()
        await pilot.pause()
        used, room, shown = await keys_fit(pilot)
        assert {"Check-out", "Stop", "Hulp"} <= set(shown) and used <= room


async def test_every_other_footer_fits_80_columns(paths, clock):
    plan = planned_evening(paths)
    make_network(paths, participants=("Anouk", "Bram", "Chris"))
    two_meetings(paths)
    stored = store_meetings(paths, broken=False)["Oktober: grenzen stellen"]
    networks = NetworkStore(paths.networks_folder)
    app = home_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screens = [lambda: PlanScreen(plan, PlanStore(paths.plans)), PlansScreen,
                   lambda: NetworkScreen(networks.load("zorgnetwerk-zuid"), networks), lambda: ReviewScreen(stored)]
        for make in [None, *screens]:
            if make is not None:
                await app.push_screen(make())
                await finish_reading(pilot)
            used, room, shown = await keys_fit(pilot)
            assert used <= room and "Stop" in shown, (app.screen, shown)


async def test_a_big_terminal_gives_the_clock_block_digits_and_the_plan_form_room(paths, clock):
    app, _ = meeting_app(paths, clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        big = app.screen.query_one(BigClock)
        assert big.display and big.region.height >= 7 and big.text == "10:00"
        assert not app.screen.query_one("#digits").display
    plan = planned_evening(paths)
    for size, width in (((200, 50), 80), ((120, 36), 46)):
        app = home_app(paths, clock)
        async with app.run_test(size=size) as pilot:
            await app.push_screen(PlanScreen(plan, PlanStore(paths.plans)))
            await pilot.pause()
            assert app.screen.query_one("#form").region.width == width
