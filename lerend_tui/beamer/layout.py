"""Where everything goes on the terminal beamer: arithmetic on cells, from the terminal's size and the kind of
screen alone, never from the timer's state, so that nothing moves when a countdown turns to a warning, a
pause or overtime.

The timer screen, top to bottom: the phase line, the step's title (big) and instruction, the speaker now
(big, in a round), the digits in their frame, the state (big), the progress bar, the speaker next (big)
and "Daarna: …". The digits are as large as the width allows and the rest leaves them; the bands that
are not needed (all but the state and the progress bar, and in a round the speaker) come in a fixed
order of priority, each only while the digits keep `FLOOR` of the screen's height. The digits' size is
chosen for the widest text the countdown can show (`digits_template`): drawn right-aligned in that width,
they keep their size and place when a ``+`` appears in front of them at zero.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace

from lerend_tui.beamer.font import DIGITS, LETTERS, Scale, cell_rows, largest_scale
from lerend_tui.common.datatypes import datatype

MARGIN = 0.03
"""The share of the width and the height kept free on every side against a projector's overscan (at least
two columns and one row)."""
FLOOR = 0.6
"""The share of the screen's rows the digits' ink keeps while optional bands are added (or as much of it
as the width allows)."""
SIDE = 2
"""Columns on each side of the digits for the warning frame: a bar and a gap."""
LETTER_ROWS = cell_rows(len(LETTERS.body), 1)
"""A band of big letters at its smallest: capitals at one half row per pixel."""
GROWN_ROWS = cell_rows(len(LETTERS.body), 2)
"""A band of big letters grown with rows to spare: capitals at two half rows per pixel."""
PROGRESS_ROWS = 2
INSTRUCTION_ROWS = 2


@datatype
class Box:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def within(self, other: Box) -> bool:
        return other.x <= self.x and other.y <= self.y and self.right <= other.right and self.bottom <= other.bottom

    def overlaps(self, other: Box) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom


def inner(cols: int, rows: int) -> Box:
    """The screen inside the overscan margins (see `MARGIN`)."""
    x, y = max(2, int(cols * MARGIN)), max(1, int(rows * MARGIN))
    return Box(x, y, max(cols - 2 * x, 0), max(rows - 2 * y, 0))


def digits_template(widest: str, shown: str) -> str:
    """What to size the digits for: ``widest``, the widest text the countdown shows (``+88:88``; see
    `view.Countdown.widest`), unless the ``shown`` text is wider still (an overtime past the hour): then its
    shape, so the digits get narrower once and fit again."""
    shape = "+" + re.sub(r"\d", "8", shown.lstrip("+"))
    return shape if DIGITS.width(shape) > DIGITS.width(widest) else widest


@datatype
class TimerLayout:
    """Where the timer screen's parts go; a part without room (or not on this kind of screen) is None."""

    digits: Box
    """The width the widest countdown text takes at `scale`, and its rows: the digits are drawn right-aligned
    in it."""
    scale: Scale
    frame: Box
    """Around the digits: `SIDE` columns each side, and a row above and below when there is room (when
    ``frame.height > digits.height``)."""
    state: Box
    progress: Box
    phase: Box | None = None
    step: Box | None = None
    instruction: Box | None = None
    speaker: Box | None = None
    next_speaker: Box | None = None
    coming_up: Box | None = None

    def boxes(self) -> dict[str, Box]:
        """Every part that has a place, by name (the digits inside their frame)."""
        return {field.name: box for field in fields(self) if isinstance(box := getattr(self, field.name), Box)}


_ORDER = ("phase", "step", "instruction", "speaker", "frame", "state", "progress", "next_speaker", "coming_up")
"""The bands top to bottom (the digits sit in the frame)."""


def timer_layout(cols: int, rows: int, *, template: str = "+88:88", step: bool = False,
                 speaking: bool = False) -> TimerLayout | None:
    """The timer screen in ``cols`` × ``rows`` for a countdown as wide as ``template``, with a step's title
    and instruction (``step``) and a speaking round's speakers (``speaking``) when the screen holds them.
    None when even the digits, the state and the bar do not fit: the screen shows plain lines then."""
    area = inner(cols, rows)
    pixels_wide = DIGITS.width(template)
    pixels_high = len(DIGITS.body)

    def digits_scale(height: int) -> Scale | None:
        return largest_scale(pixels_wide, pixels_high, area.width - 2 * SIDE, height)

    def ink(scale: Scale | None) -> float:
        return pixels_high * scale.hy / 2 if scale else 0.0

    heights = {"state": LETTER_ROWS, "progress": PROGRESS_ROWS} | ({"speaker": LETTER_ROWS} if speaking else {})
    gaps = dict.fromkeys(_ORDER, 0)
    """Empty rows above each part; the state always has one between it and the digits (or their frame)."""
    gaps["state"] = 1
    base = area.height - sum(heights.values()) - 1
    largest = digits_scale(base)
    if largest is None:
        return None
    floor = min(FLOOR * rows, ink(largest))
    frame_rows = 0
    # The optional parts by priority, each while the digits keep their floor share: (part, rows, empty rows
    # above it). A band of big letters keeps a row clear of the small line or the bar beside it; so does the
    # state, grown to two half rows per pixel, of the bar under it.
    grow = GROWN_ROWS - LETTER_ROWS
    optional = [("step", LETTER_ROWS, 1)] * step + [("next_speaker", LETTER_ROWS, 1)] * speaking \
        + [("state", grow, 1), ("phase", 1, 0)] + [("instruction", INSTRUCTION_ROWS, 0)] * step \
        + [("coming_up", 1, 0), ("frame", 2, 0)]
    for name, height, gap in optional:
        if ink(digits_scale(base - height - gap)) >= floor:
            base -= height + gap
            if name == "frame":
                frame_rows = 1
            elif name == "state":
                heights["state"], gaps["progress"] = GROWN_ROWS, gap
            else:
                heights[name], gaps[name] = height, gap
    scale = digits_scale(base)
    assert scale is not None  # the floor is never below what fits
    digit_rows = cell_rows(pixels_high, scale.hy)
    spare = base - digit_rows

    # Rows to spare (the digits are as wide as they can be): a row between the digits and what is above them,
    # then a larger speaker; what is left centres the whole.
    if spare and any(name in heights for name in ("phase", "step", "instruction", "speaker")):
        gaps["frame"], spare = 1, spare - 1
    if speaking and spare >= grow:
        heights["speaker"], spare = GROWN_ROWS, spare - grow
    y = area.y + spare // 2
    width = pixels_wide * scale.sx
    digits_x = area.x + (area.width - width) // 2
    heights["frame"] = digit_rows + 2 * frame_rows
    placed: dict[str, Box] = {}
    for name in _ORDER:
        if name in heights:
            y += gaps[name] if placed or name == "frame" else 0  # nothing but the margin above the first part
            placed[name] = Box(area.x, y, area.width, heights[name])
            y += heights[name]
    frame = replace(placed.pop("frame"), x=digits_x - SIDE, width=width + 2 * SIDE)
    digits = Box(digits_x, frame.y + frame_rows, width, digit_rows)
    return TimerLayout(digits=digits, scale=scale, frame=frame, **placed)


def stack(cols: int, rows: int, bands: list[tuple[int, int]]) -> list[Box]:
    """Bands across the screen inside the margins, for the welcome, end, waiting and message screens, whose
    parts each fit their words into their band. Each band is ``(rows it needs, weight)``: it gets the rows
    it needs (those of its words in the smallest big letters), then its weight's share of the rest; where
    the rows do not go round, only the shares (and a band too small shows its words plain). A row between
    two bands where there is room."""
    area = inner(cols, rows)
    gaps = len(bands) - 1 if area.height >= 2 * len(bands) else 0
    free = area.height - gaps
    least = [need for need, _ in bands]
    if sum(least) > free:
        least = [0] * len(bands)
    weights = [weight for _, weight in bands]
    rest = free - sum(least)
    heights = [need + rest * weight // sum(weights) for need, weight in zip(least, weights)]
    heights[weights.index(max(weights))] += free - sum(heights)  # what rounding left, to the heaviest
    boxes, y = [], area.y
    for height in heights:
        boxes.append(Box(area.x, y, area.width, height))
        y += height + (1 if gaps else 0)
    return boxes
