"""A yes/no question before something that cannot be undone with one key."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from lerend_tui.screens.base import LerendModal


class ConfirmScreen(LerendModal[bool]):
    """Every question here ends or throws away something, and may open while the facilitator is typing (a
    clicker's PageDown at the last phase): the safe answer has the focus, so a space or Enter meant for the
    notes says no, and only `j`/`y` or the yes button say yes. Other keys do nothing."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape,n", "dismiss(False)", "Nee", key_display="n/esc", id="confirm.no"),
        Binding("j,y", "dismiss(True)", "Ja", key_display="j", id="confirm.yes"),
    ]

    def __init__(self, question: str, yes: str, no: str = "Annuleren") -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button(self.no, variant="primary", id="no")
            yield Static(f"j: {self.yes} · n of Esc: {self.no}", id="confirm-keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe answer: a stray Enter or space changes nothing

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
