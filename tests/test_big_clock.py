"""BigClock fills its region with block digits at the terminal sizes a beamer gets."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from lerend_tui.widgets.big_clock import BigClock

BLOCKS = set("█▀▄")


class ClockApp(App[None]):
    CSS = "BigClock { width: 100%; height: 100%; }"

    def compose(self) -> ComposeResult:
        yield BigClock("12:34")


def shown_lines(clock: BigClock) -> list[str]:
    """What the widget paints, through Textual's own render pipeline, without blank rows/columns."""
    strips = clock.render_lines(Region(0, 0, clock.size.width, clock.size.height))
    rows = [strip.text for strip in strips if BLOCKS & set(strip.text)]
    left = min(len(row) - len(row.lstrip()) for row in rows)
    right = max(len(row.rstrip()) for row in rows)
    return [row[left:right] for row in rows]


async def test_fills_a_100x30_terminal():
    app = ClockApp()
    async with app.run_test(size=(100, 30)) as pilot:
        clock = app.query_one(BigClock)
        lines = shown_lines(clock)
        assert len(lines) >= 7
        assert max(map(len, lines)) >= 60
        clock.text = "+03:12"
        await pilot.pause()
        lines = shown_lines(clock)
        assert len(lines) >= 7 and max(map(len, lines)) >= 60


async def test_block_digits_in_a_40x12_terminal():
    app = ClockApp()
    async with app.run_test(size=(40, 12)):
        clock = app.query_one(BigClock)
        strips = clock.render_lines(Region(0, 0, 40, 12))
        assert all(strip.cell_length <= 40 for strip in strips)
        lines = shown_lines(clock)
        assert len(lines) >= 3 and max(map(len, lines)) <= 40


async def test_grows_when_the_terminal_grows():
    app = ClockApp()
    async with app.run_test(size=(40, 12)) as pilot:
        clock = app.query_one(BigClock)
        small = shown_lines(clock)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        big = shown_lines(clock)
        assert len(big) > len(small) and len(big[0]) > len(small[0])
