"""The beamer view: what the room sees on the projector, and nothing else (never the notes).

Full screen and high contrast: the phase, the step or the speaker, the remaining time in digits that
grow with the terminal, the state in words as well as colour, a progress bar and what comes next. The
same screen serves the facilitator's `b` and the follower on the projector (`lerend-tui beamer`); it
draws from a `LiveState` source either way. The facilitator's beamer steers the meeting with its keys, by
telling the meeting screen (`BeamerScreen.Steer`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalGroup
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from lerend_tui.beamer.view import BeamerView, Show
from lerend_tui.common.clock import Clock
from lerend_tui.meeting.timer import Reading
from lerend_tui.widgets.big_clock import BigClock
from lerend_tui.widgets.line import Line
from lerend_tui.widgets.phase_clock import STATE_CLASSES
from lerend_tui.widgets.progress_line import ProgressLine

POLL_SECONDS = 0.5
LATE_WAKE = 0.1
"""Seconds after the shown second changed that a wake-up may come before the wake-ups are set anew."""


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
        Binding("m", "meeting('message')", "Bericht", id="beamer.message"),
        Binding("z", "meeting('blank')", "Zwart", id="beamer.blank"),
    ]

    @dataclass
    class Steer(Message):
        """A key on the facilitator's beamer that steers the meeting: the meeting screen does `action` (one of
        its own actions, with `arguments`) as its own key would, then has the beamer `follow`."""

        beamer: BeamerScreen
        action: str
        arguments: tuple[int, ...] = ()

        @property
        def control(self) -> BeamerScreen:
            return self.beamer

    def __init__(self, source: Callable[[], BeamerView], clock: Clock, *,
                 steers: MessagePump | None = None) -> None:
        """`source`: the view to show, and `clock` the time to show it at. `steers`: the facilitator's
        meeting screen, which the keys steer (see `Steer`); without it, this is the follower's beamer, which
        only watches."""
        super().__init__()
        self.source = source
        self.clock = clock
        self.steers = steers
        self.follower = steers is None

    def compose(self) -> ComposeResult:
        # The lines above and below the digits sit in groups of their own, so a tick that repaints only the
        # digits does not make Textual go over every line of the screen (a group outside the repainted
        # rows is skipped with everything in it).
        with VerticalGroup(id="beamer-top"):
            yield Line(id="beamer-phase")
            yield Line(id="beamer-step")  # a round inside a step: the step, its time and its instruction
            yield Line(id="beamer-instruction")
            yield Line(id="beamer-focus")
        with Container(id="beamer-clock-box"):  # the room the digits may take; they are only as big as they are
            yield BigClock(id="beamer-clock")
        with VerticalGroup(id="beamer-bottom"):
            yield Line(id="beamer-words")
            yield ProgressLine(id="beamer-progress")
            yield Line(id="beamer-next")
        yield Static("", id="beamer-waiting", markup=False)  # a title is text, not markup

    def on_mount(self) -> None:
        self._phase, self._step, self._instruction, self._focus, self._words, self._next = (
            self.query_one(f"#beamer-{name}", Line)
            for name in ("phase", "step", "instruction", "focus", "words", "next"))
        self._clock, self._progress = self.query_one(BigClock), self.query_one(ProgressLine)
        self._state_class: str | None = None
        self._waiting = False
        self._waiting_words = ""
        self._shown: BeamerView | None = None
        self._wake: Timer | None = None
        self._period = 0.0
        self._tick()

    def _tick(self) -> None:
        """Redraw, and keep waking just after the shown second changes (every half second while nothing
        runs), so the beamer wakes about as often as a clock that ticks once a second.

        One interval timer does the waking: a timer per wake-up costs Textual more than the redraw. It is
        started anew only when the seconds no longer change just before it wakes (the timer was paused or
        resumed, the time adjusted, or the clock drifted)."""
        reading = self.refresh_view()
        if reading is None or not reading.running:
            if self._period != POLL_SECONDS:
                self._wake_every(POLL_SECONDS, POLL_SECONDS)
            return
        until_change = reading.remaining % 1.0  # the shown second changes when the remaining time is whole
        if self._period != 1.0 or until_change < 1.0 - LATE_WAKE:
            self._wake_every(1.0, until_change + 0.01)

    def _wake_every(self, period: float, first: float) -> None:
        """Call `_tick` after `first` seconds, then every `period` seconds."""
        if self._wake is not None:
            self._wake.stop()
        self._period = period

        def start() -> None:
            self._wake = self.set_interval(period, self._tick)
            self._tick()

        self._wake = self.set_timer(first, start)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The follower only watches; the keys that steer the meeting belong to the facilitator."""
        return action == "close" if self.follower else True

    def action_close(self) -> None:
        if self.follower:
            self.app.exit()
        else:
            self.dismiss()

    def follow(self) -> None:
        """The live state changed (the follower's doorbell rang): show it now, and wake in step with it."""
        self._tick()

    def action_meeting(self, action: str, *arguments: int) -> None:
        """Steer the meeting from the beamer: the meeting screen does the work (see `Steer`)."""
        if self.steers is not None:
            self.steers.post_message(self.Steer(self, action, arguments))

    def _set_waiting(self, waiting: bool) -> None:
        if waiting != self._waiting:
            self._waiting = waiting
            self.set_class(waiting, "-waiting")

    def refresh_view(self) -> Reading | None:
        view = self.source()
        now = self.clock.now()
        self._set_waiting(view.show is not Show.TIMER)
        if view.show is not Show.TIMER or view.countdown is None:
            moment = view.moment(now)
            words = {Show.WAITING: f"{view.title}\n\n{view.waiting_words}\n{view.FOLLOWS}".strip(),
                     Show.WELCOME: f"{view.network}\n{view.title}\n\n{moment.clock}\n{moment.starts}".strip(),
                     Show.MESSAGE: view.message, Show.BLANK: "",
                     Show.END: f"{view.title}\n\nBedankt!\n{view.end_words}"}.get(view.show, "")
            if words != self._waiting_words:
                self._waiting_words = words
                self.query_one("#beamer-waiting", Static).update(words)
            return None
        reading = view.countdown.reading(now)
        moment = view.moment(now)
        self._phase.show(view.phase + (f"  ·  fase {moment.phase_time}" if moment.phase_time else ""))
        has_step = bool(view.step) and view.in_round
        if self._step.display != has_step:  # a style change costs a layout: only when it changes
            self._step.display = self._instruction.display = has_step
        if has_step:
            self._step.show(f"{view.step}  ·  {moment.step_time}")
        if view is not self._shown:
            self._shown = view
            self._instruction.show(view.instruction)
            focus = f"Nu: {view.speaker}" + (f" — daarna: {view.next_speaker}" if view.next_speaker else "")
            self._focus.show(f"{focus}  ({view.round_progress})" if view.in_round else view.step)
            self._next.show(view.coming_up)
        self._words.show(moment.big_words[0])
        self._clock.text = reading.text  # repaints only what changes, if anything
        self._progress.show(reading.progress)
        wanted = STATE_CLASSES[reading.state]
        if wanted != self._state_class:  # a new state restyles the screen: only when it changes
            self._state_class = wanted
            for css_class in STATE_CLASSES.values():
                self.set_class(css_class == wanted, css_class)
        return reading
