"""The footer of every screen: Textual's compact footer, rebuilt only when the keys it shows change.

Textual's footer rebuilds itself (removes and mounts a widget per key) at every change of focus or bindings,
once per change even when several come before the next frame. A rebuild takes 20 to 40 ms, and opening the
review made six of them (its search field, then its list, take the focus; its list and report fill), which
held up the report by some 150 ms. This one rebuilds at most once per frame, and not at all when the keys,
their descriptions and which of them are enabled stay as they were; and it rebuilds in its own turn, where
Textual's made the screen wait for it before the screen handled its next message (a list's highlighted row).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen

Keys = tuple[tuple["Binding", bool, str], ...]


class Footer(TextualFooter):
    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: Keys | None = None
        """The keys the footer was last built with (None: not built with keys yet)."""
        self._rebuild_asked = False

    def compose(self) -> ComposeResult:
        self._shown = self._keys() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        """As Textual's, which this replaces: a rebuild once the frame is drawn, if the app has the focus."""
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen and not self._rebuild_asked:
            self._rebuild_asked = True
            self.call_after_refresh(self.call_later, self._rebuild)  # the screen awaits what it calls after a refresh

    async def _rebuild(self) -> None:
        self._rebuild_asked = False  # a change from here on asks for another
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def _keys(self) -> Keys:
        """What the footer shows: each key shown, whether it is enabled, and its tooltip."""
        return tuple((active.binding, active.enabled, active.tooltip)
                     for active in self.screen.active_bindings.values() if active.binding.show)
