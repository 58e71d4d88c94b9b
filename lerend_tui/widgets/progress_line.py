"""A one-line bar across the full width: how much of the time is used."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class ProgressLine(Widget):
    fraction: reactive[float] = reactive(0.0)

    def render(self) -> Content:
        width = self.content_size.width
        filled = round(width * min(max(self.fraction, 0.0), 1.0))
        return Content.assemble(("█" * filled, "bold"), ("░" * (width - filled), "dim"))
