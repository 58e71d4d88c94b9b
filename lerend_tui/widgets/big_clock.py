"""The remaining time in block digits that grow with the widget, for the beamer."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
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
        self._cache: tuple[tuple[str, int, int], Content] | None = None

    def watch_text(self, old: str, new: str) -> None:
        # A repaint is automatic; only a change in length can change an auto-sized layout.
        if len(old) != len(new):
            self.refresh(layout=True)

    def render(self) -> Content:
        width, height = self.content_size
        key = (self.text, width, height)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, Content("\n".join(centred_lines(*key))))
        return self._cache[1]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        lines = render_big(self.text, container.width, container.height)
        return len(lines[0]) if lines else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(render_big(self.text, width, container.height))
