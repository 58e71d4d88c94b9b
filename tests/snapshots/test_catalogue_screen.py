"""Snapshots of the work-format catalogue, Troika Consulting's card shown, at two sizes."""

from textual.widgets import OptionList, Select

from ..appkit import home_app, steady


async def troika_selected(pilot):
    await pilot.press("ctrl+w")
    await steady(pilot)
    pilot.app.screen.query_one("#phase", Select).value = "coaching"
    await pilot.pause()
    option_list = pilot.app.screen.query_one("#workforms", OptionList)
    option_list.highlighted = option_list.get_option_index("troika-consulting")
    await pilot.pause()


def test_catalogue_screen_80x24(snap_compare, paths, clock):
    assert snap_compare(home_app(paths, clock), terminal_size=(80, 24), run_before=troika_selected)


def test_catalogue_screen_120x36(snap_compare, paths, clock):
    assert snap_compare(home_app(paths, clock), terminal_size=(120, 36), run_before=troika_selected)
