"""A one-line bar across the full width: how much of the time is used."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class ProgressLine(Widget):
    _fraction = 0.0
    _cells = -1

    def show(self, fraction: float) -> None:
        """Redraw only when a cell more or less is filled: the bar is asked four times a second."""
        self._fraction = min(max(fraction, 0.0), 1.0)
        cells = round(self.content_size.width * self._fraction)
        if cells != self._cells:
            self._cells = cells
            self.refresh()

    def render(self) -> Content:
        width = self.content_size.width
        filled = round(width * self._fraction)
        return Content.assemble(("█" * filled, "bold"), ("░" * (width - filled), "dim"))
