"""A frame of cell backgrounds around what it holds (the beamer's digits in the warning): bars of one
column at the sides and, when the widget has the rows, of half a row above and below, each a column or a
half row clear of what it holds. In its colour; the CSS gives it the background's colour where no frame
should show."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget


class Frame(Widget):
    rows = 0
    """Rows of the frame above and below what it holds: 1, or 0 for side bars only."""

    def render_line(self, y: int) -> Strip:
        width, height = self.content_size
        style = self.rich_style
        bar = style + Style(bgcolor=style.color)
        if self.rows and y in (0, height - 1):  # half a row of bar and half a row clear; the corners full
            half = style if y else style + Style(color=style.bgcolor, bgcolor=style.color)  # as cells.block_cells
            return Strip([Segment(" ", bar), Segment("▄" * (width - 2), half), Segment(" ", bar)], width)
        return Strip([Segment(" ", bar), Segment(" " * (width - 2), style), Segment(" ", bar)], width)
