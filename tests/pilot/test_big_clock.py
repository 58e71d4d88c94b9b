"""BigClock fills its region with block digits at the terminal sizes a beamer gets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.color import Color
from textual.geometry import Region
from textual.widget import Widget

from lerend_tui.beamer.font import DIGITS
from lerend_tui.widgets.big_clock import BigClock, changed_rows

from ..appkit import blocks

BLOCKS = set("█▀▄")


class ClockApp(App[None]):
    CSS = "BigClock { width: 100%; height: 100%; }"

    def compose(self) -> ComposeResult:
        yield BigClock("12:34")


def shown_lines(clock: BigClock) -> list[str]:
    """What the widget paints, through Textual's own render pipeline, without blank rows/columns."""
    rows = [line for line in blocks(clock) if BLOCKS & set(line)]
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
        assert not {"█", "▀"} & {char for strip in strips for char in strip.text}  # cell backgrounds, ▄ only
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


def centred(text: str, width: int, height: int) -> list[str]:
    """What a width × height BigClock shows: ``render_big`` centred both ways in spaces."""
    rows = DIGITS.render_in(text, width, height)
    top, left = (height - len(rows)) // 2, (width - len(rows[0])) // 2 if rows else 0
    lines = [" " * width] * height
    for index, row in enumerate(rows):
        lines[top + index] = " " * left + row + " " * (width - left - len(row))
    return lines


def clock_texts(seconds: int) -> str:
    return f"+{-seconds // 60:02d}:{-seconds % 60:02d}" if seconds < 0 else f"{seconds // 60:02d}:{seconds % 60:02d}"


@settings(max_examples=300)
@given(st.integers(-3600, 5999), st.sampled_from([-1, 1, -10, 60, 1000]), st.integers(0, 200), st.integers(0, 60))
def test_changed_rows_cover_every_line_that_changes_and_no_other(seconds, step, width, height):
    old, new = clock_texts(seconds), clock_texts(seconds + step)
    old_rows, new_rows = DIGITS.render_in(old, width, height), DIGITS.render_in(new, width, height)
    if len(old_rows) != len(new_rows) or (old_rows and len(old_rows[0]) != len(new_rows[0])):
        return  # digits of another size: the clock is laid out and drawn anew all over
    top = (height - len(new_rows)) // 2
    repainted = {y for region in changed_rows(old_rows, new_rows, top, width) for y in region.line_range}
    differ = {y for y, (a, b) in enumerate(zip(centred(old, width, height), centred(new, width, height))) if a != b}
    assert repainted == differ


async def test_a_tick_repaints_only_the_rows_that_change():
    app = ClockApp()
    async with app.run_test(size=(100, 30)) as pilot:
        clock = app.query_one(BigClock)
        await pilot.pause()
        repainted = []
        clock.refresh = lambda *regions, **options: repainted.append((regions, options))
        clock.text = "12:33"
        rows = {y for regions, _ in repainted for region in regions for y in region.line_range}
        width, height = clock.size
        assert rows == {y for y, (a, b) in enumerate(zip(centred("12:34", width, height),
                                                         centred("12:33", width, height))) if a != b}
        assert 0 < len(rows) < len([line for line in centred("12:33", width, height) if line.strip()])
        repainted.clear()
        clock.text = "+12:33"  # wider digits: laid out anew
        assert repainted == [((), {"layout": True})]


async def test_its_own_lines_are_the_lines_textual_would_draw():
    """The lines the clock hands over itself equal those of Textual's own path (the styles cache), colour
    included, and follow a change of colour: the ink is the background of the digits' cells."""
    app = ClockApp()
    async with app.run_test(size=(100, 30)) as pilot:
        clock = app.query_one(BigClock)
        for text, colour in (("12:34", "white"), ("12:33", "white"), ("12:33", "#ffd700"), ("+00:01", "#ff3b30")):
            clock.text = text
            clock.styles.color = colour
            await pilot.pause()
            region = clock.size.region
            ours = clock.render_lines(region)
            clock._styles_cache.clear()
            textual = Widget.render_lines(clock, region)
            assert [list(strip) for strip in ours] == [list(strip) for strip in textual]
            assert blocks(clock) == centred(text, *clock.size)
            paper = clock.rich_style.bgcolor.triplet.hex
            assert {segment.style.bgcolor.triplet.hex for strip in ours for segment in strip
                    if not segment.text.strip()} == {Color.parse(colour).hex.lower(), paper}


async def test_with_padding_it_leaves_the_drawing_to_textual():
    app = ClockApp()
    async with app.run_test(size=(60, 20)) as pilot:
        clock = app.query_one(BigClock)
        clock.styles.padding = (1, 2)
        await pilot.pause()
        lines = blocks(clock, Region(0, 0, *clock.outer_size))
        assert lines[0].strip() == "" and lines[-1].strip() == ""
        assert all(line.startswith("  ") and line.endswith("  ") for line in lines)
        assert lines[1:-1] == ["  " + line + "  " for line in centred("12:34", *clock.size)]


async def test_with_a_template_the_digits_keep_their_size_and_place_at_zero():
    app = ClockApp()
    async with app.run_test(size=(100, 30)) as pilot:
        clock = app.query_one(BigClock)
        clock.template = "+88:88"
        clock.text = "00:01"
        await pilot.pause()
        before = blocks(clock)
        clock.text = "+00:00"
        await pilot.pause()
        after = blocks(clock)
        inked = [y for y, line in enumerate(before) if line.strip()]
        assert inked == [y for y, line in enumerate(after) if line.strip()]
        assert max(len(line.rstrip()) for line in before) == max(len(line.rstrip()) for line in after)
        assert min(len(line) - len(line.lstrip()) for line in after if line.strip()) \
            < min(len(line) - len(line.lstrip()) for line in before if line.strip())  # the sign in front


async def test_a_frame_around_the_digits_when_framed_and_room_for_it_when_not():
    app = ClockApp()
    async with app.run_test(size=(60, 20)) as pilot:
        clock = app.query_one(BigClock)
        clock.set_frame(1, 2)
        await pilot.pause()
        plain = blocks(clock)
        assert not plain[0].strip() and not plain[-1].strip()
        assert all(line[:2] == "  " and line[-2:] == "  " for line in plain)
        clock.framed = True
        await pilot.pause()
        framed = blocks(clock)
        assert framed[0] == "█" + "▀" * 58 + "█" and framed[-1] == "█" + "▄" * 58 + "█"
        assert all(line[0] == line[-1] == "█" and line[1] == line[-2] == " " for line in framed[1:-1])
        assert [line[2:-2] for line in framed[1:-1]] == [line[2:-2] for line in plain[1:-1]]
