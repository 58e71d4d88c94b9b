"""The work-format draw (`r` in the meeting): filters taken from the phase, the group and the time left,
all editable; a short draw; a card with the format's summary, steps and roles; accept, draw again, or
choose from the list of candidates."""

from __future__ import annotations

import random
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from lerend_tui.catalogue.picker import (
    Draw,
    Filters,
    History,
    candidates,
    explain_empty,
    propose_roles,
    recency_weights,
)
from lerend_tui.catalogue.workforms import Catalogue, Workform
from lerend_tui.common.datatypes import datatype
from lerend_tui.screens.base import LerendModal
from lerend_tui.templates import PHASE_KINDS, PHASE_LABELS
from lerend_tui.widgets.footer import Footer
from lerend_tui.widgets.form_field import FormField
from lerend_tui.widgets.workform_card import CARD_CSS, WorkformCard

ANIMATION_FRAMES = 12
ANIMATION_STEP = 0.08  # 12 frames of 80 ms: the draw takes about a second


@datatype
class DrawResult:
    workform: Workform
    roles: dict[str, str]


class DrawScreen(LerendModal[DrawResult | None]):
    CSS_PATH = [Path(__file__).with_suffix(".tcss"), CARD_CSS]
    BINDINGS = [
        Binding("escape", "cancel", "Annuleren", id="draw.cancel"),
        Binding("ctrl+r", "draw", "Opnieuw loten", id="draw.again"),
        Binding("ctrl+l", "browse", "Kies uit de lijst", id="draw.list"),
        Binding("ctrl+s", "accept", "Accepteren", id="draw.accept"),
    ]

    def __init__(self, catalogue: Catalogue, filters: Filters, participants: list[str], history: History,
                 rng: random.Random, *, reduced_motion: bool = False) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.filters = filters
        self.participants = participants
        self.history = history
        self.rng = rng
        self.reduced_motion = reduced_motion
        self.chosen: Workform | None = None
        self._draw: Draw | None = None
        self._animation: Timer | None = None
        self._frames = 0
        self._roles: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="draw-box") as box:
            box.border_title = "Werkvorm loten"
            with Horizontal(id="filters"):
                yield Label("Fase")
                yield Select([(PHASE_LABELS[kind], kind) for kind in PHASE_KINDS],
                             value=self.filters.phase or Select.NULL, id="phase", compact=True)
                yield Label("Deelnemers")
                yield FormField(str(self.filters.people or ""), id="people", type="integer")
                yield Label("Minuten")
                yield FormField(str(self.filters.minutes or ""), id="minutes", type="integer")
            yield Static(id="count")
            yield Static(id="spinner")
            with Horizontal(id="result"):
                yield OptionList(id="candidates")
                with Vertical(id="chosen"):
                    yield WorkformCard(id="card")
                    roles = OptionList(id="roles")
                    roles.border_title = "Rollen · Enter: iemand anders"
                    yield roles
            with Horizontal(id="buttons"):
                yield Button("Accepteren", variant="primary", id="accept", compact=True)
                yield Button("Opnieuw loten", id="again", compact=True)
                yield Button("Kies uit de lijst", id="browse", compact=True)
                yield Button("Annuleren", id="cancel", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#candidates").display = False
        self.apply_filters()

    # -- filters and the draw ------------------------------------------------------------------

    def current_filters(self) -> Filters:
        phase = self.query_one("#phase", Select).value
        return Filters(
            phase=phase if isinstance(phase, str) else None,
            people=_number(self.query_one("#people", Input).value),
            minutes=_number(self.query_one("#minutes", Input).value),
        )

    @on(Select.Changed, "#phase")
    @on(Input.Changed)
    def apply_filters(self) -> None:
        filters = self.current_filters()
        fitting = candidates(self.catalogue, filters)
        count = self.query_one("#count", Static)
        if fitting:
            count.update(f"{len(fitting)} {'werkvorm past' if len(fitting) == 1 else 'werkvormen passen'}")
        else:
            count.update(Content(explain_empty(self.catalogue, filters)))
        self._draw = Draw(fitting, self.rng, recency_weights(self.history.used)) if fitting else None
        options = self.query_one("#candidates", OptionList)
        options.clear_options()
        options.add_options(Option(Content(f"{w.name} · {w.minutes} min"), id=w.id) for w in fitting)
        self.action_draw()

    def action_draw(self) -> None:
        """Draw one; show a short animation unless motion is reduced (any key skips it)."""
        if self._draw is None:
            self._show(None)
            return
        result = self._draw.next()
        if self.reduced_motion or len(self._draw.workforms) == 1:
            self._show(result)
            return
        self._stop_animation()
        self._frames = 0
        self._drawn = result
        self._animation = self.set_interval(ANIMATION_STEP, self._spin)

    def _spin(self) -> None:
        self._frames += 1
        if self._frames >= ANIMATION_FRAMES or self._draw is None:
            self.finish_animation()
            return
        name = self.rng.choice(self._draw.workforms).name
        self.query_one("#spinner", Static).update(Content(f"… {name} …"))

    def finish_animation(self) -> None:
        if self._animation is not None:
            self._stop_animation()
            self._show(self._drawn)

    def _stop_animation(self) -> None:
        if self._animation is not None:
            self._animation.stop()
            self._animation = None
        self.query_one("#spinner", Static).update("")

    def on_key(self) -> None:
        """Any key skips the animation (the key still does what it does)."""
        self.finish_animation()

    def _show(self, workform: Workform | None) -> None:
        self.chosen = workform
        self._roles = {}
        if workform is not None and workform.roles:
            self._roles = propose_roles(workform.roles, self.participants, self.history.roles, self.rng)
        self.query_one(WorkformCard).show(workform)
        self._show_roles()
        self.query_one("#accept", Button).disabled = workform is None

    def _show_roles(self) -> None:
        """The proposal, one line per role: Enter on a line gives that role to the next person."""
        roles = self.query_one("#roles", OptionList)
        highlighted = roles.highlighted
        roles.clear_options()
        roles.add_options(Option(Content(f"{role}: {name}"), id=role) for role, name in self._roles.items())
        roles.display = bool(self._roles)
        if highlighted is not None and highlighted < roles.option_count:
            roles.highlighted = highlighted

    @on(OptionList.OptionSelected, "#roles")
    def swap_role(self, event: OptionList.OptionSelected) -> None:
        role = event.option.id
        if role is None:
            return
        people = self.participants
        self._roles[role] = people[(people.index(self._roles[role]) + 1) % len(people)]
        self._show_roles()

    def roles(self) -> dict[str, str]:
        return dict(self._roles)

    # -- choosing ------------------------------------------------------------------------------

    def action_browse(self) -> None:
        options = self.query_one("#candidates", OptionList)
        options.display = not options.display
        if options.display:
            options.focus()

    @on(OptionList.OptionHighlighted, "#candidates")
    def browse_to(self, event: OptionList.OptionHighlighted) -> None:
        self._stop_animation()
        self._animation = None
        if event.option.id is not None:
            self._show(self.catalogue.get(event.option.id))

    def action_accept(self) -> None:
        self.finish_animation()
        if self.chosen is not None:
            self.dismiss(DrawResult(self.chosen, self.roles()))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        {"accept": self.action_accept, "again": self.action_draw, "browse": self.action_browse,
         "cancel": self.action_cancel}[str(event.button.id)]()


def _number(text: str) -> int | None:
    return int(text) if text.strip().isdigit() and int(text) > 0 else None
