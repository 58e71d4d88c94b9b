"""The remaining time in block digits that grow with the widget: the beamer's and the meeting screen's.

The digits are drawn as cell backgrounds (`cells.block_cells`). Given a `template` (the widest text the
countdown shows, "+88:88"), they are sized for it and drawn right-aligned in its width, so they keep their
size and place when the sign comes in front of them at zero; without one, the text itself is centred. With
a `frame` the widget keeps room around the digits for a frame in their colour, drawn while `framed` (the
beamer's warning): a bar and a gap at the sides, half a row of bar and half a row clear above and below.
The frame belongs to the digits' widget rather than one behind it, so a tick has one widget less to draw.

The beamer redraws these digits once a second for hours, so the widget keeps the work per second small:
it repaints only the rows that changed, and, being a plain widget (no border, padding, tint or opacity),
hands Textual its finished lines itself instead of having every changed line restyled.
"""

from __future__ import annotations

from typing import NamedTuple, Self

from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from lerend_tui.widgets.cells import block_cells


def changed_rows(old: list[str], new: list[str], top: int, width: int) -> list[Region]:
    """Where the lines ``new`` differ from ``old`` (both ``top`` lines down), one region per run of such
    lines. Whole lines: Textual redraws and sends a widget's line from its left edge on anyway (and regions
    cut to the changed columns, measured, cost more)."""
    regions: list[Region] = []
    run_start: int | None = None
    for y, (a, b) in enumerate(zip([*old, ""], [*new, ""])):
        if a != b and run_start is None:
            run_start = y
        elif a == b and run_start is not None:
            regions.append(Region(0, top + run_start, width, y - run_start))
            run_start = None
    return regions


class Placed(NamedTuple):
    """The digits in a content region: their lines (padded on the left to where they start), and the
    block the digits are sized for, which an ``auto`` layout makes the widget's size."""

    lines: list[str]
    top: int
    block_width: int


class BigClock(Widget):
    """Shows ``text`` (e.g. ``"12:34"`` or ``"+03:12"``) as large as its content region allows.

    Size it in CSS (e.g. ``1fr``/``100%``); with ``auto`` it takes the digits' size in its container.
    """

    def __init__(
        self,
        text: str = "00:00",
        *,
        template: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._text = text
        self._template = template
        self._frame = (0, 0)
        self._framed = False
        self._placed: tuple[tuple[str, str, int, int], Placed] | None = None
        self._finished: dict[str, Strip] = {}
        """The lines last handed over as the screen gets them (styled, through the app's line filters), by
        their text: a line that stays the same from one second to the next is not made again."""
        self._finished_for: int | None = None
        self._drawn_size = (0, 0)
        """The size of the content the last lines were drawn for: where a new text is compared with the
        old (a widget that changes size is drawn anew all over anyway)."""

    @property
    def text(self) -> str:
        return self._text

    @text.setter
    def text(self, text: str) -> None:
        """Show ``text``, repainting only the rows that change (most seconds: some of the last digit's).
        A plain property rather than a reactive, to do no more than that every second."""
        if text == self._text:
            return
        width, height = self._drawn_size
        if not (width and height):  # hidden, or not drawn yet: it places the text when it is drawn
            self._text = text
            if self.display:
                self.refresh(layout=True)
            return
        old, self._text = self._place(width, height), text
        new = self._place(width, height)
        if (old.top, old.block_width, len(old.lines)) != (new.top, new.block_width, len(new.lines)):
            self.refresh(layout=True)  # digits of another size (and so an auto layout)
            return
        regions = changed_rows(old.lines, new.lines, new.top, width)
        if regions:
            self.refresh(*regions)

    @property
    def template(self) -> str:
        return self._template

    @template.setter
    def template(self, template: str) -> None:
        """Size the digits for ``template`` (see the module's docstring); "" sizes them for the text."""
        if template != self._template:
            self._template = template
            self.refresh(layout=True)

    def set_frame(self, rows: int, columns: int) -> None:
        """Keep ``rows`` (0 or 1) above and below the digits and ``columns`` (0, or 2: a bar and a gap) at
        each side for the frame."""
        if (rows, columns) != self._frame:
            self._frame = (rows, columns)
            self.refresh(layout=True)

    @property
    def framed(self) -> bool:
        return self._framed

    @framed.setter
    def framed(self, framed: bool) -> None:
        """Draw the frame (in the digits' colour) or leave its room empty."""
        if framed != self._framed:
            self._framed = framed
            self.refresh()

    def _place(self, width: int, height: int) -> Placed:
        """The lines of digits for ``text`` in ``width`` × ``height`` (see `Placed`), the frame's room
        around them."""
        key = (self._text, self._template, width, height)
        if self._placed is None or self._placed[0] != key:
            rows, columns = self._frame
            placed = self._placing(width - 2 * columns, height - 2 * rows)
            self._placed = (key, Placed([" " * columns + line for line in placed.lines], placed.top + rows,
                                        placed.block_width + 2 * columns))
        return self._placed[1]

    def _placing(self, width: int, height: int) -> Placed:
        from lerend_tui.beamer import font  # (the fonts load when block digits are first drawn)

        digits = font.DIGITS
        placed = digits.place(self._text, self._template, width, height)
        if placed is None:  # too small for block digits: the plain text, centred
            rows = digits.render_in(self._text, width, height)
            block = len(rows[0]) if rows else 0
            left = (width - block) // 2
        else:
            scale, left, block = placed
            rows = digits.render(self._text, scale)
        return Placed([" " * left + row for row in rows], (height - len(rows)) // 2, block)

    def _line(self, y: int, width: int, height: int) -> str:
        """Line ``y`` of the digits in ``width`` × ``height``, padded to the width, in its frame."""
        placed = self._place(width, height)
        line = placed.lines[y - placed.top] if 0 <= y - placed.top < len(placed.lines) else ""
        line += " " * (width - len(line))
        rows, columns = self._frame
        if not (self._framed and columns and width > 2):
            return line
        if rows and y in (0, height - 1):
            return "█" + ("▀" if y == 0 else "▄") * (width - 2) + "█"
        return "█" + line[1:-1] + "█"

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._finished_for = None  # a new colour (warning, overtime): draw the lines anew

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if repaint and not regions:  # all of it, for whatever reason (a colour set from code, say): draw anew
            self._finished_for = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_line(self, y: int) -> Strip:
        """One line of the digits (the line API: no wrapping or markup work on every tick)."""
        width, height = self._drawn_size = self.content_size
        return Strip(block_cells(self._line(y, width, height), self.rich_style), width)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in ``crop``. With nothing around or over the digits to draw, Textual's styles cache would
        only pass each changed line through unchanged, at a cost that is most of the beamer's work per
        second: then the finished lines come from here, made once per line and colour."""
        styles = self.styles
        if styles.gutter or styles.outline or styles.tint.a or styles.text_opacity != 1 or self.opacity != 1 \
                or styles.has_rule("hatch"):
            return super().render_lines(crop)
        width, height = self._drawn_size = self.outer_size
        if self._finished_for != width:
            self._finished_for, self._finished = width, {}
            self._style, self._background = self.rich_style, self.background_colors[1]
            self._filters = self.app.get_line_filters()
        before = self._finished
        finished: dict[str, Strip] = {}
        strips = []
        for y in crop.line_range:
            line = self._line(y, width, height)
            strip = finished.get(line) or before.get(line)
            if strip is None:
                strip = Strip(block_cells(line, self._style), width)
                for line_filter in self._filters:
                    strip = strip.apply_filter(line_filter, self._background)
            finished[line] = strip
            strips.append(strip)
        self._finished = finished
        x1, x2 = crop.column_span
        return strips if (x1, x2) == (0, width) else [strip.crop(x1, x2) for strip in strips]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self._place(container.width, container.height).block_width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._place(width, container.height).lines)
