"""A Static that redraws only when what it shows changes: the meeting screen and the beamer ask their
lines four times a second, and a Static's update always costs a layout."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Line(Static):
    def __init__(self, content: Content | str = "", *, id: str | None = None, classes: str | None = None) -> None:
        """`content` as `show` shows it, so showing it again changes nothing."""
        super().__init__(_visual(content), id=id, classes=classes)
        self._shown = content

    def show(self, content: Content | str) -> None:
        if content != self._shown:
            self._shown = content
            self.update(_visual(content))


def _visual(content: Content | str) -> Content:
    """Text as it is, never as markup."""
    return Content(content) if isinstance(content, str) else content
