"""Who is there: per participant aanwezig, afgemeld or komt later, marked by the facilitator at the check-in
(or at any time). Rounds, role draws and the check-out take those present."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from lerend_tui.meeting.record import ATTENDANCE_STATES, PRESENT
from lerend_tui.screens.base import LerendModal

MARKS = {PRESENT: "✓", "afgemeld": "✗", "komt later": "…"}
"""A mark per state, beside the word, so the state reads without colour too."""


class AttendanceScreen(LerendModal[dict[str, str] | None]):
    """Dismissed with participant → state for everyone on the list, or None when cancelled."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Annuleren", id="attendance.cancel"),
        Binding("enter,ctrl+s", "save", "Opslaan", key_display="Enter", priority=True, id="attendance.save"),
        Binding("space", "cycle", "Volgende", key_display="spatie", id="attendance.cycle"),
        Binding("a", "mark('aanwezig')", "Aanwezig", id="attendance.present"),
        Binding("f", "mark('afgemeld')", "Afgemeld", id="attendance.apologies"),
        Binding("l", "mark('komt later')", "Komt later", id="attendance.late"),
    ]

    def __init__(self, participants: list[str], attendance: dict[str, str]) -> None:
        super().__init__()
        self.participants = participants
        self.states = {name: attendance.get(name, PRESENT) for name in participants}

    def compose(self) -> ComposeResult:
        with Vertical(id="attendance-box") as box:
            box.border_title = "Aanwezigheid · wie is er?"
            box.border_subtitle = ("↑↓ · spatie: volgende · a aanwezig · f afgemeld · l komt later · "
                                   "Enter: opslaan · Esc")
            options = (Option(self._line(name), id=str(number)) for number, name in enumerate(self.participants))
            yield OptionList(*options, id="attendance-list")
            yield Static(id="attendance-count")

    def on_mount(self) -> None:
        self._count()

    def _line(self, name: str) -> Content:
        state = self.states[name]
        return Content.assemble(f" {MARKS[state]} ", (f"{state:<11}", "italic"), f" {name}")

    def _count(self) -> None:
        present = sum(state == PRESENT for state in self.states.values())
        self.query_one("#attendance-count", Static).update(
            f"{present} van {len(self.states)} aanwezig." if self.states else "Er staan geen deelnemers op de lijst.")

    def action_mark(self, state: str) -> None:
        options = self.query_one("#attendance-list", OptionList)
        number = options.highlighted
        if number is None:
            return
        name = self.participants[number]
        self.states[name] = state
        options.replace_option_prompt_at_index(number, self._line(name))
        self._count()

    def action_cycle(self) -> None:
        number = self.query_one("#attendance-list", OptionList).highlighted
        if number is not None:
            state = self.states[self.participants[number]]
            self.action_mark(ATTENDANCE_STATES[(ATTENDANCE_STATES.index(state) + 1) % len(ATTENDANCE_STATES)])

    def on_option_list_option_selected(self) -> None:
        """A click on a participant moves their state on, as space does."""
        self.action_cycle()

    def action_save(self) -> None:
        self.dismiss(dict(self.states))
