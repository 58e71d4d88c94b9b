"""The remaining time in block digits that grow with the widget, for the beamer."""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ..bigtext import render_big


def centred_lines(text: str, width: int, height: int) -> list[str]:
    """``render_big`` output centred in a ``width`` × ``height`` block of spaces."""
    lines = render_big(text, width, height)
    if not lines:
        return [" " * width] * height
    left = (width - len(lines[0])) // 2
    right = width - left - len(lines[0])
    top = (height - len(lines)) // 2
    blank = " " * width
    body = [" " * left + line + " " * right for line in lines]
    return [blank] * top + body + [blank] * (height - top - len(lines))


class BigClock(Widget):
    """Shows ``text`` (e.g. ``"12:34"`` or ``"+03:12"``) as large as its content region allows.

    Size it in CSS (e.g. ``1fr``/``100%``); with ``auto`` it takes the digits' size in its container.
    """

    text: reactive[str] = reactive("00:00")

    def __init__(
        self,
        text: str = "00:00",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.set_reactive(BigClock.text, text)
        self._cache: tuple[tuple, list[Strip]] | None = None

    def watch_text(self, old: str, new: str) -> None:
        # A repaint is automatic; only a change in length can change an auto-sized layout.
        if len(old) != len(new):
            self.refresh(layout=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache = None  # a new colour (warning, overtime): draw the strips anew

    def render_line(self, y: int) -> Strip:
        """One line of the digits (the line API: no wrapping or markup work on every tick; the style is
        looked up once per change, not once per line)."""
        width, height = self.content_size
        key = (self.text, width, height)
        if self._cache is None or self._cache[0] != key:
            style = self.rich_style
            self._cache = (key, [Strip([Segment(line, style)], width) for line in centred_lines(*key)])
        strips = self._cache[1]
        return strips[y] if 0 <= y < len(strips) else Strip.blank(width)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        lines = render_big(self.text, container.width, container.height)
        return len(lines[0]) if lines else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(render_big(self.text, width, container.height))
