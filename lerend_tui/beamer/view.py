"""What the room sees on the beamer, in words: a `BeamerView` made from the live state, which the terminal
beamer and the browser page both draw, so they say the same things.

A view holds what stays the same until the facilitator does something; `BeamerView.moment` gives what
moves with the time (the digits, the state, the big words, the bar). The big words change at most once a
minute and at the warning and at zero (`BeamerView.changes_in` says when), so a page that counts its digits
itself needs a new moment only then.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Any

from lerend_tui.common.datatypes import datatype
from lerend_tui.meeting.timer import Reading, TimerState
from lerend_tui.storage.live import LiveState
from lerend_tui.talk import Slide


class Show(StrEnum):
    """Which screen the beamer shows."""

    WAITING = "waiting"
    """No meeting is live: a follower waits, calmly, and follows the next one by itself."""
    WELCOME = "welcome"
    """A meeting is open but has not begun."""
    TIMER = "timer"
    MESSAGE = "message"
    """The facilitator's message, instead of the timer."""
    BLANK = "blank"
    PAGE = "page"
    """A page of the talk (`lerend_tui.talk`), instead of the timer."""
    END = "end"
    """The meeting is finished: thanks, and when the network meets next."""


STATE_NAMES = {
    TimerState.NOT_STARTED: "ready",
    TimerState.RUNNING: "running",
    TimerState.WARNING: "warning",
    TimerState.OVERTIME: "overtime",
    TimerState.PAUSED: "paused",
}
"""The states as the terminal's CSS classes (with a "-") and the page's classes name them."""

@datatype
class Countdown:
    """A countdown as it stood at `measured_at`: enough to count on from there without being told again."""

    planned: float
    elapsed: float
    running: bool
    warning_seconds: float
    count_up: bool
    measured_at: datetime

    def reading(self, now: datetime) -> Reading:
        since = max((now - self.measured_at).total_seconds(), 0.0) if self.running else 0.0
        return Reading(self.planned, self.elapsed + since, self.running, self.warning_seconds, self.count_up)

    @property
    def widest(self) -> str:
        """The widest text the digits of this countdown show ("+88:88"; "+8:88:88" from an hour): the beamer
        sizes the digits for it, so they keep their size and place when the sign comes at zero."""
        return "+8:88:88" if self.planned >= 3600 else "+88:88"

    def to_json(self, now: datetime) -> dict[str, Any]:
        """For a page that counts on its own: the elapsed time at `now`, and whether it runs."""
        reading = self.reading(now)
        return {"planned": reading.planned, "elapsed": reading.elapsed, "running": reading.running,
                "warning": reading.warning_seconds, "count_up": reading.count_up}


def big_words(reading: Reading) -> tuple[str, ...]:
    """The state in the room's big letters, longest first (a narrow screen takes a shorter one).

    Changes at most once a minute: the digits show the seconds."""
    state = reading.state
    if state is TimerState.PAUSED:
        return ("PAUZE",)
    if state is TimerState.NOT_STARTED:
        return ("KLAAR OM TE STARTEN", "KLAAR")
    if state is TimerState.OVERTIME:
        return ("UITLOOP",) if reading.count_up else ("DE TIJD IS OM", "TIJD OM")
    if reading.remaining < 60:
        return ("LAATSTE MINUUT", "NOG 1 MIN")
    minutes = _whole_minutes(reading.remaining)
    if minutes == 1:
        return ("NOG 1 MINUUT", "NOG 1 MIN")
    return (f"NOG {minutes} MINUTEN", f"NOG {minutes} MIN")


def _whole_minutes(seconds: float) -> int:
    """Seconds in minutes, halves rounded up (so "NOG 2 MINUTEN" changes at 1:30, as one would say it)."""
    return math.floor(seconds / 60 + 0.5)


def words_change_in(reading: Reading) -> float | None:
    """Seconds until `big_words` may say something else, or None while the countdown stands still or
    only counts overtime."""
    remaining = reading.remaining
    if not reading.running or remaining < 0:
        return None
    marks = [remaining, remaining - reading.warning_seconds, remaining - 60]
    if remaining >= 60:
        marks.append(remaining - (_whole_minutes(remaining) - 0.5) * 60)
    return min(mark for mark in marks if mark >= 0)


@datatype
class Moment:
    """What moves with the time, at one moment."""

    digits: str
    """The focused countdown ("12:34", "+00:42")."""
    state: str
    """One of `STATE_NAMES`' values."""
    big_words: tuple[str, ...]
    progress: float
    """The part of the focused countdown used, 0 to 1."""
    phase_time: str
    """The phase's own countdown when the digits count a turn or a step; else empty."""
    step_time: str
    """The step's own countdown while a round runs inside it; else empty."""
    clock: str
    """The time of day, "19:24"."""
    starts: str
    """Before the meeting: "We beginnen om 19:30", or "We beginnen zo" once that time has come."""


@datatype
class BeamerView:
    """Everything the beamer shows until the facilitator changes something (see the module's docstring)."""

    show: Show
    title: str = ""
    network: str = ""
    phase: str = ""
    """"Inhoud  ·  fase 3 van 6"."""
    step: str = ""
    """"Stap 2 van 4: Rondje"; empty without steps."""
    instruction: str = ""
    speaker: str = ""
    """Who speaks now in a round (empty outside one), and who next (empty: the last)."""
    next_speaker: str = ""
    round_progress: str = ""
    coming_up: str = ""
    countdown: Countdown | None = None
    """What the big digits count: the turn, else the step, else the phase."""
    phase_countdown: Countdown | None = None
    """The phase's countdown when the digits count a turn or a step."""
    step_countdown: Countdown | None = None
    """The step's countdown while a round runs inside it."""
    message: str = ""
    page: Slide | None = None
    planned_start: datetime | None = None
    next_meeting: str = ""
    resumes: bool = False
    """Waiting after a meeting whose program stopped before it was finished: it will go on."""

    @classmethod
    def of(cls, state: LiveState | None, last: LiveState | None = None) -> BeamerView:
        """The view of a live state; with none, the waiting screen after `last`, the state shown before (a
        finished meeting keeps its end screen; one whose program stopped will go on)."""
        if state is None:
            if last is not None and last.ended:
                return cls.of(last)
            return cls(Show.WAITING, title=last.title if last else "", network=last.network if last else "",
                       resumes=last is not None)
        common: dict[str, Any] = {"title": state.title, "network": state.network}
        if state.blank:
            return cls(Show.BLANK, **common)
        if state.message:
            return cls(Show.MESSAGE, message=state.message, **common)
        if state.page is not None:
            return cls(Show.PAGE, page=state.page, **common)
        if state.ended:
            return cls(Show.END, next_meeting=state.next_meeting, **common)
        if not state.started:
            return cls(Show.WELCOME, planned_start=state.planned_start, **common)

        def countdown(planned: float, elapsed: float) -> Countdown:
            return Countdown(planned, elapsed, state.running, state.warning_seconds, state.count_up,
                             state.measured_at)

        in_round = state.focus == "turn"
        return cls(
            Show.TIMER,
            phase=f"{state.phase_title}  ·  fase {state.phase_number} van {state.phase_count}",
            step=state.step_label,
            instruction=state.step_instruction,
            speaker=state.speaker,
            next_speaker=state.next_speaker,
            round_progress=state.round_progress,
            coming_up=state.coming_up,
            countdown=countdown(state.planned_seconds, state.elapsed_seconds),
            phase_countdown=(countdown(state.phase_planned_seconds, state.phase_elapsed_seconds)
                             if state.focus != "phase" else None),
            step_countdown=(countdown(state.step_planned_seconds, state.step_elapsed_seconds)
                            if in_round and state.step_label else None),
            **common,
        )

    @property
    def in_round(self) -> bool:
        return bool(self.speaker)

    @property
    def speaker_words(self) -> tuple[str, ...]:
        """Who speaks now, in big letters, longest first: "NU: CHRIS", then the name alone, then its first
        word."""
        if not self.speaker:
            return ()
        return _alternatives(f"Nu: {self.speaker}", self.speaker)

    @property
    def next_speaker_words(self) -> tuple[str, ...]:
        """Who speaks next ("DAARNA: BRAM"), or that this is the last turn."""
        if not self.speaker:
            return ()
        if not self.next_speaker:
            return ("ALS LAATSTE",)
        return _alternatives(f"Daarna: {self.next_speaker}", self.next_speaker)

    @property
    def end_words(self) -> str:
        """Under the end screen's "Bedankt!"."""
        if self.next_meeting:
            return f"Tot de volgende keer: {self.next_meeting}"
        return "De bijeenkomst is afgelopen."

    @property
    def waiting_words(self) -> str:
        if self.resumes:
            return "Zo meteen gaat de bijeenkomst verder."
        return "Zo meteen begint de bijeenkomst."

    FOLLOWS = "Dit scherm volgt vanzelf."

    def moment(self, now: datetime) -> Moment:
        """The view at `now`, a time in the room's timezone (`Clock.now`)."""
        clock = f"{now.hour:02d}:{now.minute:02d}"
        starts = ""
        if self.planned_start is not None:
            start = self.planned_start.astimezone(now.tzinfo)  # in the time the room reads: `now`'s
            starts = (f"We beginnen om {start.hour:02d}:{start.minute:02d}" if start > now
                      else "We beginnen zo")
        if self.countdown is None:
            return Moment("", "", (), 0.0, "", "", clock, starts)
        reading = self.countdown.reading(now)
        return Moment(
            digits=reading.text,
            state=STATE_NAMES[reading.state],
            big_words=big_words(reading),
            progress=reading.progress,
            phase_time=self.phase_countdown.reading(now).text if self.phase_countdown else "",
            step_time=self.step_countdown.reading(now).text if self.step_countdown else "",
            clock=clock,
            starts=starts,
        )

    def changes_in(self, now: datetime) -> float | None:
        """Seconds until the moment's words (not its digits) may change; None while they stand still. The
        time of day on the welcome and waiting screens changes each minute."""
        if self.show in (Show.WELCOME, Show.WAITING):
            return 60 - now.second - now.microsecond / 1e6
        if self.show is not Show.TIMER or self.countdown is None:
            return None
        return words_change_in(self.countdown.reading(now))

    def to_json(self, now: datetime) -> dict[str, Any]:
        """What the browser page needs, and nothing the beamer does not show (no notes, items or participant
        list): the words, the countdowns to count on from, and the moment's words as they are now; `now` (the
        server's time, in milliseconds since 1970, which the countdowns were read at: the page keeps its
        clock's offset from it) and `widest` (the text the digits are sized for, see `Countdown.widest`)."""
        moment = self.moment(now)
        countdowns = {name: value.to_json(now) for name, value in (
            ("countdown", self.countdown), ("phase_countdown", self.phase_countdown),
            ("step_countdown", self.step_countdown)) if value is not None}
        return {
            "show": self.show.value, "title": self.title, "network": self.network, "phase": self.phase,
            "step": self.step, "instruction": self.instruction, "speaker_words": list(self.speaker_words),
            "next_speaker_words": list(self.next_speaker_words), "round_progress": self.round_progress,
            "coming_up": self.coming_up, "message": self.message, "end_words": self.end_words,
            "waiting_words": self.waiting_words, "follows": self.FOLLOWS,
            "big_words": list(moment.big_words), "state": moment.state, "clock": moment.clock,
            "starts": moment.starts, "now": now.timestamp() * 1000,
            "widest": self.countdown.widest if self.countdown else "", **countdowns,
            "page": ({**self.page.to_table(), "above": self.page.page.above, "where": self.page.where}
                     if self.page else None),
        }


def _alternatives(*texts: str) -> tuple[str, ...]:
    """`texts`, then the last one's first word (a long name: "ANNE-MARIE"), in capitals, without repeats."""
    first_word = texts[-1].split()[0] if texts[-1].split() else ""
    return tuple(dict.fromkeys(text.upper() for text in (*texts, first_word) if text))


class Follower:
    """Which view a follower shows (the terminal's `lerend-tui beamer` and the web beamer alike): the live
    state `read` gives (None: no meeting live), remembering the last one for the words between meetings."""

    def __init__(self, read: Callable[[], LiveState | None]) -> None:
        self._read = read
        self._last: LiveState | None = None
        self._shown: tuple[LiveState | None, BeamerView] | None = None

    def view(self) -> BeamerView:
        """The view of what `read` gives now; made anew only when that changed (a beamer asks every second)."""
        state = self._read()
        if self._shown is not None and self._shown[0] is state and state is not None:
            return self._shown[1]
        view = BeamerView.of(state, self._last)
        if state is not None:
            self._last = state
        self._shown = (state, view)
        return view
