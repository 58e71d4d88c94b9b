"""A bar across the full width, as high as the CSS makes it: how much of the time is used. Drawn as cell
backgrounds: the used part in the widget's colour, the rest in its background (no dot patterns, which a
projector blurs into haze)."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget


class ProgressLine(Widget):
    _fraction = 0.0
    _cells = -1

    def show(self, fraction: float) -> None:
        """Redraw only when a cell more or less is filled: the bar is asked every time the beamer wakes."""
        self._fraction = min(max(fraction, 0.0), 1.0)
        cells = round(self.content_size.width * self._fraction)
        if cells != self._cells:
            self._cells = cells
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        filled = round(width * self._fraction)
        style = self.rich_style
        used = style + Style(bgcolor=style.color)
        return Strip([Segment(" " * filled, used), Segment(" " * (width - filled), style)], width)
