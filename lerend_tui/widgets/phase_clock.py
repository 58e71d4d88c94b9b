"""The countdown of the current phase in large digits, with its state in words beside the colour."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Digits

from lerend_tui.meeting.timer import Reading, TimerState
from lerend_tui.widgets.big_clock import BigClock
from lerend_tui.widgets.line import Line

STATE_CLASSES = {
    TimerState.NOT_STARTED: "-idle",
    TimerState.RUNNING: "-running",
    TimerState.WARNING: "-warning",
    TimerState.OVERTIME: "-overtime",
    TimerState.PAUSED: "-paused",
}


class PhaseClock(Horizontal):
    """Digits three lines high; in a wide and tall terminal the CSS shows the larger block digits instead.
    It is made showing `reading`, so that its first `show` changes nothing: every change of the state's class
    styles the clock anew."""

    def __init__(self, reading: Reading, *, id: str | None = None) -> None:
        super().__init__(id=id, classes=STATE_CLASSES[reading.state])
        self._first = reading

    def compose(self) -> ComposeResult:
        yield Digits(self._first.text, id="digits")
        yield BigClock(self._first.text, id="big-digits")
        yield Line(self._first.words, id="timer-words")

    def show(self, reading: Reading) -> None:
        """Update the digits, words and colour; each only when it changes (this runs four times a second)."""
        shown = self.query_one(Digits)
        if shown.value != reading.text:
            shown.update(reading.text)
        self.query_one(BigClock).text = reading.text  # repaints only when the text changed
        self.query_one("#timer-words", Line).show(reading.words)
        wanted = STATE_CLASSES[reading.state]
        for css_class in STATE_CLASSES.values():
            self.set_class(css_class == wanted, css_class)
