"""The countdown of the current phase in large digits, with its state in words beside the colour."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Digits, Label

from ..timer import PhaseTimer, TimerState, format_clock

STATE_CLASSES = {
    TimerState.NOT_STARTED: "-idle",
    TimerState.RUNNING: "-running",
    TimerState.WARNING: "-warning",
    TimerState.OVERTIME: "-overtime",
    TimerState.PAUSED: "-paused",
}


def timer_words(timer: PhaseTimer) -> str:
    """The state of the timer said in words, so it does not depend on colour alone."""
    state = timer.state
    if timer.overtime:
        words = f"+{format_clock(timer.remaining)} uitloop"
        return words + (" · gepauzeerd" if state is TimerState.PAUSED else "")
    if state is TimerState.NOT_STARTED:
        return "klaar om te starten (spatie)"
    if state is TimerState.PAUSED:
        return "⏸ gepauzeerd (spatie: verder)"
    minutes = int(-(-timer.remaining // 60))
    if state is TimerState.WARNING:
        return f"nog {minutes} {'minuut' if minutes == 1 else 'minuten'}"
    return f"nog {minutes} min"


class PhaseClock(Horizontal):
    _words = ""

    def compose(self) -> ComposeResult:
        yield Digits("00:00", id="digits")
        yield Label("", id="timer-words")

    def show(self, timer: PhaseTimer) -> None:
        """Update the digits, words and colour; each only when it changes (this runs four times a second)."""
        digits = ("+" if timer.overtime else "") + format_clock(timer.remaining)
        shown = self.query_one(Digits)
        if shown.value != digits:
            shown.update(digits)
        words = timer_words(timer)
        if words != self._words:
            self._words = words
            self.query_one("#timer-words", Label).update(words)
        wanted = STATE_CLASSES[timer.state]
        for css_class in STATE_CLASSES.values():
            self.set_class(css_class == wanted, css_class)
