"""The closing capture: per participant a check-out word, a ROTI score (1–5) and a new commitment (the
"stok achter de deur" the next meeting checks)."""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.validation import Integer
from textual.widgets import Button, Input, Label, Static

from lerend_tui.common.datatypes import datatype
from lerend_tui.meeting.record import Checkout
from lerend_tui.screens.base import LerendModal
from lerend_tui.widgets.form_field import FormField


@datatype
class Closing:
    checkout: list[Checkout]
    commitments: dict[str, str] = field(default_factory=dict)
    """Participant → the commitment they made; the meeting notes them as "Stok achter de deur:" lines."""


class CheckoutScreen(LerendModal[Closing | None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Annuleren", id="checkout.cancel"),
        Binding("ctrl+s", "save", "Opslaan", id="checkout.save"),
    ]

    def __init__(self, participants: list[str], earlier: list[Checkout]) -> None:
        super().__init__()
        self.participants = participants
        self.earlier = {entry.name: entry for entry in earlier}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="checkout-box") as box:
            box.border_title = "Check-out · één woord, een ROTI van 1 tot 5 en een stok achter de deur"
            box.border_subtitle = "Tab: volgende · Ctrl+S: opslaan · Esc: annuleren"
            for number, name in enumerate(self.participants):
                entry = self.earlier.get(name, Checkout(name))
                with Horizontal(classes="checkout-row"):
                    yield Label(name, classes="checkout-name", markup=False)
                    yield FormField(entry.word, placeholder="woord", id=f"word-{number}")
                    yield FormField("" if entry.score is None else str(entry.score), placeholder="1–5",
                                    id=f"score-{number}", type="integer", max_length=1,
                                    classes="checkout-score",
                                    validators=[Integer(minimum=1, maximum=5)])
                    yield FormField(placeholder="wat doe je voor de volgende keer?", id=f"commitment-{number}",
                                    classes="checkout-commitment")
            yield Static(id="checkout-error")
            with Horizontal(id="checkout-buttons"):
                yield Button("Opslaan", variant="primary", id="save", compact=True)
                yield Button("Annuleren", id="cancel", compact=True)

    def on_mount(self) -> None:
        if self.participants:
            self.query_one("#word-0", Input).focus()

    def action_save(self) -> None:
        entries = []
        commitments = {}
        for number, name in enumerate(self.participants):
            word = self.query_one(f"#word-{number}", Input).value.strip()
            score_text = self.query_one(f"#score-{number}", Input).value.strip()
            if score_text and not (score_text.isdigit() and 1 <= int(score_text) <= 5):
                self.query_one("#checkout-error", Static).update(f"De ROTI van {name} moet 1 tot en met 5 zijn.")
                return
            earlier = self.earlier.get(name, Checkout(name))  # with the keys a person added to it by hand
            entries.append(replace(earlier, word=word, score=int(score_text) if score_text else None))
            commitment = self.query_one(f"#commitment-{number}", Input).value.strip()
            if commitment:
                commitments[name] = commitment
        self.dismiss(Closing(entries, commitments))

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.dismiss(None)
