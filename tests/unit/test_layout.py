"""The terminal beamer's layout (lerend_tui.beamer.layout): how big the digits are, that nothing moves at
zero, nothing overlaps and everything stays inside the margins."""

from __future__ import annotations

import itertools

import pytest

from lerend_tui.beamer.font import DIGITS, LETTERS, MAX_TALL, MAX_WIDE, cell_rows
from lerend_tui.beamer.layout import (
    FLOOR,
    GROWN_ROWS,
    LETTER_ROWS,
    PROGRESS_ROWS,
    SIDE,
    Box,
    TimerLayout,
    digits_template,
    inner,
    stack,
    timer_layout,
)

SIZES = [(80, 24), (100, 30), (160, 45), (160, 48), (120, 36), (200, 50), (60, 18), (40, 12)]
KINDS = {
    "plain": {},
    "step": {"step": True},
    "round": {"speaking": True},
    "round-in-step": {"step": True, "speaking": True},
}
TEMPLATES = ["+88:88", "+8:88:88"]
GRID = [(cols, rows) for cols in range(30, 260, 7) for rows in range(8, 80, 3)]


def share(layout: TimerLayout, rows: int) -> float:
    """The digits' ink height as a share of the screen's rows (a digit is 5 pixels of hy half rows)."""
    return len(DIGITS.body) * layout.scale.hy / 2 / rows


def every_layout(sizes=SIZES):
    for (cols, rows), kind, template in itertools.product(sizes, KINDS, TEMPLATES):
        layout = timer_layout(cols, rows, template=template, **KINDS[kind])
        if layout is not None:
            yield (cols, rows), kind, template, layout


# How big the digits are

@pytest.mark.parametrize(("size", "kind", "least"), [
    ((100, 30), "plain", 0.60),    # the figures
    ((160, 45), "plain", 0.55),
    ((80, 24), "plain", 0.60),
    ((160, 48), "plain", 0.65),
    ((100, 30), "step", 0.60),
    ((100, 30), "round", 0.55),     # the speaker's band and the row under the digits cost them a pixel
    ((100, 30), "round-in-step", 0.55),
    ((160, 45), "step", 0.60),
    ((160, 45), "round", 0.60),
    ((160, 48), "step", 0.60),
    ((160, 48), "round", 0.60),
    ((160, 48), "round-in-step", 0.60),
    ((80, 24), "step", 0.60),
    ((80, 24), "round", 0.50),      # the speaker's band costs the digits a step at this size
    ((80, 24), "round-in-step", 0.50),
])
def test_the_digits_take_their_share_of_the_height(size, kind, least):
    layout = timer_layout(*size, **KINDS[kind])
    assert share(layout, size[1]) >= least


def test_the_digits_at_100x30_are_20_rows_of_4_columns_per_pixel():
    layout = timer_layout(100, 30)
    assert layout.scale == (4, 8) and layout.digits.height == 20 and layout.digits.width == 84


def test_the_digits_are_as_wide_as_the_screen_allows_or_keep_the_floor():
    """Either the digits are at their widest (one more column per pixel would not fit the width), or they
    gave rows to the optional bands only down to `FLOOR`."""
    for (cols, rows), kind, template, layout in every_layout(SIZES + GRID):
        sx, hy = layout.scale
        widest = (DIGITS.width(template) * (sx + 1) > inner(cols, rows).width - 2 * SIDE) or sx + 1 > MAX_WIDE * hy
        assert widest or share(layout, rows) >= FLOOR, (cols, rows, kind)
        assert hy <= MAX_TALL * sx and sx <= MAX_WIDE * hy


def test_a_bigger_screen_never_gets_smaller_digits():
    for kind in KINDS.values():
        scales = [timer_layout(10 * n, 3 * n, **kind) for n in range(5, 25)]
        heights = [layout.digits.height for layout in scales if layout]
        assert heights == sorted(heights)


def test_an_hour_long_phase_reserves_the_hours():
    short, long = timer_layout(160, 48), timer_layout(160, 48, template="+8:88:88")
    assert long.digits.width >= DIGITS.width("+8:88:88") * long.scale.sx
    assert long.scale.sx < short.scale.sx


# Nothing moves at zero

def test_the_digits_are_sized_for_the_widest_text_unless_a_wider_one_shows():
    assert digits_template("+88:88", "12:34") == digits_template("+88:88", "+59:59") == "+88:88"
    assert digits_template("+88:88", "+1:00:05") == "+8:88:88"  # an overtime past the hour: narrower, once
    assert digits_template("+8:88:88", "1:00:00") == digits_template("+8:88:88", "12:00") == "+8:88:88"
    assert digits_template("+8:88:88", "+10:00:00") == "+88:88:88"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", list(KINDS))
def test_the_digits_keep_size_and_columns_across_zero(size, kind):
    """In the layout's digits box, "12:34" and "+00:42" get the layout's scale, and their digits ("88:88")
    the same columns: only the sign comes in front, in the room kept for it."""
    layout = timer_layout(*size, **KINDS[kind])
    if layout is None:
        return
    box = layout.digits
    (before_scale, before_left, block), (after_scale, after_left, _) = (
        DIGITS.place(text, "+88:88", box.width, box.height) for text in ("12:34", "+00:42"))
    assert before_scale == after_scale == layout.scale and block == box.width
    before, after = DIGITS.render("12:34", layout.scale), DIGITS.render("+00:42", layout.scale)
    assert len(before) == len(after) == box.height
    assert after_left == 0 and before_left + len(before[0]) == after_left + len(after[0]) == box.width
    assert before_left == (DIGITS.width("+") + 1) * layout.scale.sx  # the sign and its gap


def test_digits_are_centred_in_a_larger_box_and_grow_narrower_only_when_wider_than_the_template():
    scale, left, block = DIGITS.place("12:34", "+88:88", 100, 20)
    assert scale == (4, 8) and block == 84 and (100 - block) // 2 + block == left + DIGITS.width("12:34") * 4
    wider = DIGITS.place("+1:00:05", "+88:88", 100, 20)
    assert wider[0].sx < scale.sx and wider[1] == (100 - wider[2]) // 2
    assert DIGITS.place("12:34", "+88:88", 20, 2) is None


def test_the_layout_does_not_depend_on_the_text_or_the_state():
    """The only inputs are the size, the kind of screen and the template: the same call gives the same
    layout, and there is no argument for the time, the warning, the overtime or the pause."""
    assert timer_layout(100, 30) == timer_layout(100, 30, template="+88:88")
    assert set(timer_layout.__code__.co_varnames[:timer_layout.__code__.co_argcount
                                                 + timer_layout.__code__.co_kwonlyargcount]) \
        == {"cols", "rows", "template", "step", "speaking"}


# Everything in place

def test_nothing_overlaps_and_everything_is_inside_the_margins():
    for (cols, rows), kind, _, layout in every_layout(SIZES + GRID):
        area = inner(cols, rows)
        boxes = layout.boxes()
        assert layout.digits.within(layout.frame)
        for name, box in boxes.items():
            assert box.width > 0 and box.height > 0, (name, cols, rows, kind)
            assert box.within(area), (name, box, cols, rows, kind)
        others = {name: box for name, box in boxes.items() if name != "digits"}
        for (a, first), (b, second) in itertools.combinations(others.items(), 2):
            assert not first.overlaps(second), (a, b, cols, rows, kind)


def test_the_margins_keep_clear_of_the_overscan():
    for cols, rows in SIZES:
        area = inner(cols, rows)
        assert area.x >= max(2, int(0.03 * cols)) and area.y >= max(1, int(0.03 * rows))
        assert cols - area.right == area.x and rows - area.bottom == area.y
    assert inner(160, 48) == Box(4, 1, 152, 46)


def test_the_bands_come_top_to_bottom_in_their_order():
    order = ["phase", "step", "instruction", "speaker", "frame", "state", "progress", "next_speaker", "coming_up"]
    for _, _, _, layout in every_layout():
        boxes = layout.boxes()
        tops = [boxes[name].y for name in order if name in boxes]
        assert tops == sorted(tops)


def test_the_parts_are_big_enough():
    for (_, _), kind, _, layout in every_layout():
        assert layout.state.height >= LETTER_ROWS >= 3  # capitals at one half row per pixel: 2.5 rows
        assert layout.progress.height >= PROGRESS_ROWS >= 2
        assert layout.frame.width == layout.digits.width + 2 * SIDE
        assert layout.frame.height - layout.digits.height in (0, 2)  # side bars only, or a row above and below
        assert layout.state.y > layout.frame.bottom  # a row clear of the digits and their frame
        if "round" in kind:
            assert layout.speaker is not None and layout.speaker.height >= LETTER_ROWS
        else:
            assert layout.speaker is None and layout.next_speaker is None
        if "step" not in kind:
            assert layout.step is None and layout.instruction is None
    assert cell_rows(len(LETTERS.body), 1) == LETTER_ROWS == 3


def test_optional_bands_come_when_there_is_room():
    small, large = timer_layout(80, 24, step=True, speaking=True), timer_layout(200, 50, step=True, speaking=True)
    assert small.step is None and small.next_speaker is None and small.instruction is None
    assert None not in (large.step, large.next_speaker, large.phase)
    assert timer_layout(160, 48).state.height == GROWN_ROWS and small.state.height == LETTER_ROWS
    assert timer_layout(160, 48).frame.height == timer_layout(160, 48).digits.height + 2
    assert timer_layout(100, 30).frame.height == timer_layout(100, 30).digits.height  # side bars only


def test_too_small_for_big_digits_is_none():
    assert timer_layout(30, 8) is None
    assert timer_layout(40, 12, speaking=True) is None
    assert timer_layout(0, 0) is None


# The other screens' bands

@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("bands", [[(0, 1)], [(8, 3), (4, 1)], [(4, 2), (7, 3), (3, 4), (4, 2)], [(40, 1), (3, 1)]])
def test_stack_fills_the_inside_with_what_each_band_needs_and_shares_of_the_rest(size, bands):
    area = inner(*size)
    boxes = stack(*size, bands)
    assert len(boxes) == len(bands)
    assert all(box.within(area) and box.width == area.width for box in boxes)
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    assert [box.y for box in boxes] == sorted(box.y for box in boxes)
    gaps = len(bands) - 1 if area.height >= 2 * len(bands) else 0
    assert sum(box.height for box in boxes) + gaps == area.height
    if sum(need for need, _ in bands) + gaps <= area.height:
        assert all(box.height >= need for box, (need, _) in zip(boxes, bands))


def test_stack_gives_the_rest_by_weight():
    assert [box.height for box in stack(100, 30, [(4, 1), (4, 3)])] == [4 + 4, 4 + 15]  # 27 rows: 19 to share
