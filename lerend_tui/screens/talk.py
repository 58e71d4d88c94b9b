"""The help screen "Over lerende netwerken": the talk's pages, as the beamer shows them, to read through or
to show the room on a shared screen; n/p and a presenter's PageDown/PageUp turn the pages."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from lerend_tui.screens.base import LerendScreen
from lerend_tui.screens.keys import KeyedScreen
from lerend_tui.talk import Deck
from lerend_tui.widgets.footer import Footer
from lerend_tui.widgets.talk_page import TALK_PAGE_CSS, TalkPage


class TalkScreen(KeyedScreen, LerendScreen[None]):
    CSS_PATH = [Path(__file__).with_suffix(".tcss"), TALK_PAGE_CSS]
    BINDINGS = [
        Binding("escape", "back", "Terug", key_display="esc", tooltip="Terug: naar het vorige scherm",
                id="talk.back"),
        Binding("n,pagedown", "turn(1)", "Volgende", key_display="n", tooltip="Volgende pagina (ook PageDown en een "
                                                                              "presenter)", id="talk.next"),
        Binding("p,pageup", "turn(-1)", "Vorige", key_display="p", tooltip="Vorige pagina (ook PageUp)",
                id="talk.previous"),
    ]

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        yield Static("[b]Over lerende netwerken[/b] · de lezing, zoals de beamer haar toont", id="topbar")
        yield TalkPage(id="talk-page")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def action_turn(self, step: int) -> None:
        """The next or previous page; at the first or the last it stays."""
        self.deck = self.deck.turned(step) or self.deck
        self._show()

    def action_back(self) -> None:
        self.dismiss()

    def _show(self) -> None:
        self.query_one(TalkPage).show(self.deck.slide)
