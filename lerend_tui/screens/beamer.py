"""The beamer view: what the room sees on the projector, and nothing else (never the notes).

Full screen and high contrast: the phase, the step or the speaker, the remaining time in digits that
grow with the terminal, the state in words as well as colour, a progress bar and what comes next. The
same screen serves the facilitator's `b` and the follower on the projector (`lerend-tui beamer`); it
draws from a `LiveState` source either way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Static

from ..live import LiveState
from ..timer import Reading
from ..widgets.big_clock import BigClock
from ..widgets.line import Line
from ..widgets.phase_clock import STATE_CLASSES
from ..widgets.progress_line import ProgressLine

POLL_SECONDS = 0.5
WAITING = "Er is nu geen bijeenkomst bezig.\nDit scherm volgt vanzelf zodra de procesbegeleider er een start."


class BeamerScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    MIN_SIZE = (40, 12)
    BINDINGS = [
        Binding("escape,b", "close", "Terug", id="beamer.close"),
        Binding("space", "meeting('toggle_timer')", "Timer", key_display="spatie", id="beamer.timer"),
        Binding("n,pagedown", "meeting('next_phase')", "Volgende", id="beamer.next"),
        Binding("p,pageup", "meeting('previous_phase')", "Vorige", id="beamer.previous"),
        Binding("plus", "meeting('adjust', 1)", "+1 min", key_display="+", id="beamer.more"),
        Binding("minus", "meeting('adjust', -1)", "-1 min", key_display="-", id="beamer.less"),
    ]

    def __init__(self, source: Callable[[], LiveState | None], *, follower: bool = False) -> None:
        super().__init__()
        self.source = source
        self.follower = follower

    def compose(self) -> ComposeResult:
        yield Line(id="beamer-phase")
        yield Line(id="beamer-focus")
        with Container(id="beamer-clock-box"):  # the room the digits may take; they are only as big as they are
            yield BigClock(id="beamer-clock")
        yield Line(id="beamer-words")
        yield ProgressLine(id="beamer-progress")
        yield Line(id="beamer-next")
        yield Static(WAITING, id="beamer-waiting")

    def on_mount(self) -> None:
        self._tick()

    def _tick(self) -> None:
        """Redraw, then sleep until the shown second changes (at most a second; half a second while
        nothing runs), so the beamer wakes about as often as a clock that ticks once a second."""
        reading = self.refresh_view()
        delay = POLL_SECONDS if reading is None or not reading.running else (reading.remaining % 1.0) or 1.0
        self.set_timer(delay + 0.01, self._tick)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The follower only watches; the keys that steer the meeting belong to the facilitator."""
        return action == "close" if self.follower else True

    def action_close(self) -> None:
        if self.follower:
            self.app.exit()
        else:
            self.dismiss()

    def action_meeting(self, action: str, *arguments: int) -> None:
        """Steer the meeting from the beamer: the meeting screen below does the work (its notes may
        have the focus there, which would hold its single keys back, so call the action directly)."""
        getattr(self.app.screen_stack[-2], f"action_{action}")(*arguments)
        self.refresh_view()

    def refresh_view(self) -> Reading | None:
        state = self.source()
        self.set_class(state is None, "-waiting")
        if state is None:
            return None
        now = self.app.clock.now()
        reading = state.reading(now)
        phase = f"{state.phase_title}  ·  fase {state.phase_number} van {state.phase_count}"
        if state.focus_label:  # the big digits show a step or a turn: say how the phase stands too
            phase += f"  ·  {state.phase_reading(now).words}"
        self.query_one("#beamer-phase", Line).show(phase)
        focus = state.focus_label + (f"  ({state.progress})" if state.progress else "")
        self.query_one("#beamer-focus", Line).show(focus)
        self.query_one("#beamer-words", Line).show(reading.words)
        self.query_one("#beamer-next", Line).show(state.coming_up)
        clock = self.query_one(BigClock)
        if clock.text != reading.text:
            clock.text = reading.text
        self.query_one(ProgressLine).show(reading.progress)
        wanted = STATE_CLASSES[reading.state]
        for css_class in STATE_CLASSES.values():
            self.set_class(css_class == wanted, css_class)
        return reading

