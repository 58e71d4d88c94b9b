"""A Static that redraws only when what it shows changes: the meeting screen and the beamer ask their
lines four times a second, and a Static's update always costs a layout."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Line(Static):
    _shown: Content | str | None = None

    def show(self, content: Content | str) -> None:
        if content != self._shown:
            self._shown = content
            self.update(Content(content) if isinstance(content, str) else content)
