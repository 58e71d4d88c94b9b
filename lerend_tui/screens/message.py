"""A short message for the room, shown big on the beamer instead of the timer ("Pauze tot 20:15")."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from lerend_tui.common.sanitise import clean
from lerend_tui.screens.base import LerendModal

MAX_MESSAGE = 60
"""Characters of a message: the room reads it in big letters, from the back."""


def suggestions(now: datetime) -> list[str]:
    """Messages a facilitator often needs: a break until a quarter of an hour from now (rounded up to five
    minutes), and a few calm words."""
    until = now + timedelta(minutes=15)
    until += timedelta(minutes=-until.minute % 5)
    return [f"Pauze tot {until.hour:02d}:{until.minute:02d}", "Koffie en thee staan klaar", "We gaan zo verder",
            "Welkom! Pak een stoel"]


class MessageScreen(LerendModal[str | None]):
    """Type a message (Enter puts it on the beamer) or pick a suggestion; Esc leaves the beamer as it was."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Annuleren", key_display="esc", id="message.cancel"),
        Binding("down", "suggest", "Voorstel", key_display="↓", tooltip="Een voorstel kiezen", id="message.suggest"),
    ]

    def __init__(self, now: datetime) -> None:
        super().__init__()
        self.now = now

    def compose(self) -> ComposeResult:
        with Vertical(id="message-box"):
            yield Static("Bericht op de beamer", id="message-title")
            yield Input(placeholder="Bijvoorbeeld: Pauze tot 20:15", max_length=MAX_MESSAGE, id="message-text")
            yield OptionList(*(Option(text) for text in suggestions(self.now)), id="message-suggestions")
            yield Static("Enter: op de beamer · ↓: een voorstel kiezen · Esc: annuleren", id="message-keys")

    def action_suggest(self) -> None:
        """From the text field down into the suggestions (the list's own ↓ goes on from there)."""
        suggestions = self.query_one(OptionList)
        suggestions.focus()
        suggestions.highlighted = 0

    @on(Input.Submitted)
    def show_typed(self, event: Input.Submitted) -> None:
        text = " ".join(clean(event.value).split())
        self.dismiss(text or None)

    @on(OptionList.OptionSelected)
    def show_suggestion(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(str(event.option.prompt))
