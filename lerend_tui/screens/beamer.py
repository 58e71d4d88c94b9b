"""The beamer view: what the room sees on the projector, and nothing else (never the notes).

It draws a `BeamerView` (beamer.view) on every screen the view names (`Show`): waiting, welcome, the timer,
a message, a page of the talk (`widgets.talk_page`), blank and the end. The timer's parts go where
`beamer.layout.timer_layout` puts them (the digits as large as the window allows, the same size and place
across zero), the other screens' bands where `beamer.layout.stack` does; every part is placed absolutely,
and only again when the size or the kind of screen changes, never with the timer's state. The state is said
in big letters as well as colour (beamer.tcss), so it reads in greyscale. A terminal too small for the big
digits gets plain lines.

The same screen serves the facilitator's `b` and the follower on the projector (`lerend-tui beamer`); it
draws from a view source either way. The facilitator's beamer steers the meeting with its keys, by telling
the meeting screen (`BeamerScreen.Steer`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from lerend_tui.beamer.font import DIGITS, LETTERS, Font
from lerend_tui.beamer.layout import SIDE, Box, TimerLayout, digits_template, inner, stack, timer_layout
from lerend_tui.beamer.view import STATE_NAMES, BeamerView, Moment, Show
from lerend_tui.common.clock import Clock
from lerend_tui.common.datatypes import datatype
from lerend_tui.meeting.timer import Reading, TimerState
from lerend_tui.widgets.big_clock import BigClock
from lerend_tui.widgets.big_text import BigText
from lerend_tui.widgets.line import Line
from lerend_tui.widgets.progress_line import ProgressLine
from lerend_tui.widgets.talk_page import TALK_PAGE_CSS, TalkPage

POLL_SECONDS = 0.5
LATE_WAKE = 0.1
"""Seconds after the shown second changed that a wake-up may come before the wake-ups are set anew."""
BANDS = 4
"""The most bands of big words a screen other than the timer has (the welcome: network, title, time, start)."""


@datatype
class Band:
    """One band of a screen other than the timer: its words (alternatives, or one text to wrap), in which
    font, and its share of the height."""

    texts: tuple[str, ...]
    weight: int
    font: Font = LETTERS
    quiet: bool = False
    """In the calm grey of the waiting screen, not the ink."""


def bands(view: BeamerView, moment: Moment) -> list[Band]:
    """The bands of the screens other than the timer (none for blank)."""
    clock = Band((moment.clock,), 3, DIGITS)
    if view.show is Show.WAITING:
        return [*([Band((view.title,), 1, quiet=True)] if view.title else []), Band((moment.clock,), 3, DIGITS, True),
                Band((view.waiting_words,), 1, quiet=True), Band((view.FOLLOWS,), 1, quiet=True)]
    if view.show is Show.WELCOME:
        return [*([Band((view.network,), 1)] if view.network else []), Band((view.title,), 2), clock,
                *([Band((moment.starts,), 2)] if moment.starts else [])]
    if view.show is Show.MESSAGE:
        return [Band((view.message,), 1)]
    if view.show is Show.END:
        return [*([Band((view.title,), 1, quiet=True)] if view.title else []), Band(("Bedankt!",), 3),
                Band((view.end_words,), 2)]
    return []


def place(widget: Widget, box: Box | None) -> None:
    """Put ``widget`` on ``box``, or hide it."""
    widget.display = box is not None
    if box is not None:
        widget.styles.offset = (box.x, box.y)
        widget.styles.width, widget.styles.height = box.width, box.height


class BeamerScreen(Screen[None]):
    CSS_PATH = [Path(__file__).with_suffix(".tcss"), TALK_PAGE_CSS]
    MIN_SIZE = (40, 12)
    BINDINGS = [
        # While a page of the talk is up, Esc first takes it away (back to the timer); then it closes.
        Binding("escape", "meeting('close_talk')", "Timer", tooltip="Terug naar de timer: de pagina's van de beamer",
                id="beamer.talk_close"),
        Binding("escape,b", "close", "Terug", id="beamer.close"),
        Binding("space", "meeting('toggle_timer')", "Timer", key_display="spatie", id="beamer.timer"),
        Binding("n,pagedown", "meeting('next_phase')", "Volgende", id="beamer.next"),
        Binding("p,pageup", "meeting('previous_phase')", "Vorige", id="beamer.previous"),
        Binding("plus", "meeting('adjust', 1)", "+1 min", key_display="+", id="beamer.more"),
        Binding("minus", "meeting('adjust', -1)", "-1 min", key_display="-", id="beamer.less"),
        Binding("m", "meeting('message')", "Bericht", id="beamer.message"),
        Binding("z", "meeting('blank')", "Zwart", id="beamer.blank"),
        Binding("u", "meeting('talk')", "Uitleg", tooltip="Uitleg: de pagina's over lerende netwerken op de beamer",
                id="beamer.talk"),
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
        # Every part is the screen's own child, placed by the screen and hidden when its screen of the view
        # does not show it. (Parts in groups clear of the digits' rows would not be drawn on a tick that
        # repaints the digits, but measured, such groups cost the follower far more than they save.)
        yield Line(id="beamer-phase")
        yield BigText(id="beamer-step")
        yield Line(id="beamer-instruction")
        yield BigText(id="beamer-speaker")
        yield BigClock(id="beamer-clock")
        yield BigText(id="beamer-state")
        yield ProgressLine(id="beamer-progress")
        yield BigText(id="beamer-next-speaker")
        yield Line(id="beamer-coming-up")
        for number in range(BANDS):
            yield BigText(wrap=True, id=f"beamer-band-{number}", classes="band")
        yield TalkPage(id="beamer-page")
        yield Line(id="beamer-plain")  # a terminal too small for the big digits

    def on_mount(self) -> None:
        line, big = (lambda name: self.query_one(f"#beamer-{name}", Line)), \
            (lambda name: self.query_one(f"#beamer-{name}", BigText))
        self._phase, self._instruction, self._coming_up = line("phase"), line("instruction"), line("coming-up")
        self._step, self._speaker, self._state, self._next_speaker = \
            big("step"), big("speaker"), big("state"), big("next-speaker")
        self._clock, self._progress, self._plain = self.query_one(BigClock), self.query_one(ProgressLine), line("plain")
        self._parts: dict[str, Widget] = {
            "phase": self._phase, "step": self._step, "instruction": self._instruction, "speaker": self._speaker,
            "frame": self._clock, "state": self._state, "progress": self._progress,
            "next_speaker": self._next_speaker, "coming_up": self._coming_up}
        """The timer's parts by their names in `TimerLayout` (the digits take the frame's box)."""
        self._bands = [self.query_one(f"#beamer-band-{number}", BigText) for number in range(BANDS)]
        self._page = self.query_one(TalkPage)
        for widget in self.children:
            widget.display = False  # until a screen of the view places it
        self._chosen: dict[str, str] = {}
        self._arranged: tuple[object, ...] | None = None
        self.timer_layout: TimerLayout | None = None
        """Where the timer's parts are (None: the plain lines of a small terminal, or another screen)."""
        self._wake: Timer | None = None
        self._period = 0.0
        self._tick()

    def on_resize(self) -> None:
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
        # The shown second changes when the remaining time is whole: at a whole one it has just changed, and
        # changes again in a second (a clock that stands still, as in a test, never makes it wake at once).
        until_change = reading.remaining % 1.0 or 1.0
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
        """The follower only watches; the keys that steer the meeting belong to the facilitator. Esc takes a
        page of the talk away before it closes the beamer."""
        if self.follower:
            return action == "close"
        if parameters == ("close_talk",):
            return self.source().show is Show.PAGE
        return True

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

    def _set_class(self, kind: str, css_class: str) -> None:
        """One class of a kind ("show", "state") on the screen at a time; a restyle only when it changes."""
        old = self._chosen.get(kind)
        if old != css_class:
            if old:
                self.remove_class(old)
            if css_class:
                self.add_class(css_class)
            self._chosen[kind] = css_class

    def refresh_view(self) -> Reading | None:
        """Show the view as it stands now; the countdown's reading, if the timer shows."""
        view = self.source()
        now = self.clock.now()
        moment = view.moment(now)
        self._set_class("show", f"-{view.show.value}")
        if view.page is not None:
            self._set_class("state", "")
            self._show_page(view)
            return None
        if view.show is not Show.TIMER or view.countdown is None:
            self._set_class("state", "")
            self._show_bands(view, moment)
            return None
        reading = view.countdown.reading(now)
        self._set_class("state", f"-{moment.state}")
        self._clock.framed = moment.state == STATE_NAMES[TimerState.WARNING]
        layout = self._arrange_timer(view, moment)
        if layout is None:
            self._plain.show("\n".join(line for line in (
                self._phase_line(view, moment, with_step=True), " ".join(view.speaker_words[:1]),
                f"{moment.digits}   {moment.big_words[0]}", view.coming_up) if line))
            return reading
        self._clock.text = moment.digits  # repaints only what changes, if anything
        self._state.show(*moment.big_words)
        self._progress.show(moment.progress)
        self._phase.show(self._phase_line(view, moment, with_step=layout.step is None))
        self._step.show(view.step, view.step.partition(": ")[2])
        self._instruction.show(view.instruction)
        self._speaker.show(*view.speaker_words)
        self._next_speaker.show(*view.next_speaker_words)
        self._coming_up.show(view.coming_up)
        return reading

    @staticmethod
    def _phase_line(view: BeamerView, moment: Moment, *, with_step: bool) -> str:
        """The phase, where it stands, and (without a band of its own) the step, on one line."""
        parts = [view.phase]
        if with_step and view.step:
            parts.append(view.step)
        if moment.step_time:
            parts.append(f"stap {moment.step_time}")
        if moment.phase_time:
            parts.append(f"fase {moment.phase_time}")
        if view.round_progress:
            parts.append(f"beurt {view.round_progress}")
        return "  ·  ".join(part for part in parts if part)

    def _arrange_timer(self, view: BeamerView, moment: Moment) -> TimerLayout | None:
        """Place the timer's parts, when the size or the kind of timer screen changed (never with the state)."""
        assert view.countdown is not None
        template = digits_template(view.countdown.widest, moment.digits)
        key = (Show.TIMER, self.size, template, bool(view.step), view.in_round)
        if key == self._arranged:
            return self.timer_layout
        self._arranged = key
        self.timer_layout = layout = timer_layout(*self.size, template=template, step=bool(view.step),
                                                  speaking=view.in_round)
        self._set_class("fit", "" if layout else "-plain")
        for band in (*self._bands, self._page):
            place(band, None)
        for name, part in self._parts.items():
            place(part, getattr(layout, name) if layout else None)
        place(self._plain, None if layout else Box(0, 0, *self.size))
        if layout is not None:
            self._clock.set_frame((layout.frame.height - layout.digits.height) // 2, SIDE)
            self._clock.template = template
        return layout

    def _show_bands(self, view: BeamerView, moment: Moment) -> None:
        """The words of a screen other than the timer, each in its band."""
        wanted = bands(view, moment)
        width = inner(*self.size).width
        needs = [(band.font.least_rows(band.texts[0], width) or 0, band.weight) for band in wanted]
        key = (view.show, self.size, tuple(needs))
        if key != self._arranged:
            self._arranged, self.timer_layout = key, None
            self._set_class("fit", "")
            for part in (*self._parts.values(), self._plain, self._page):
                place(part, None)
            boxes = stack(*self.size, needs) if wanted else []
            for number, widget in enumerate(self._bands):
                place(widget, boxes[number] if number < len(boxes) else None)
        for band, widget in zip(wanted, self._bands):
            widget.font, widget.wrap = band.font, band.font is LETTERS
            widget.set_class(band.quiet, "-quiet")
            widget.show(*band.texts)

    def _show_page(self, view: BeamerView) -> None:
        """A page of the talk, on the whole screen inside the margins."""
        assert view.page is not None
        key = (view.show, self.size)
        if key != self._arranged:
            self._arranged, self.timer_layout = key, None
            self._set_class("fit", "")
            for part in (*self._parts.values(), *self._bands, self._plain):
                place(part, None)
            place(self._page, inner(*self.size))
        self._page.show(view.page)
