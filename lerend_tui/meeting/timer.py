"""Countdowns: of a phase, of a step inside it, of one speaker's turn.

Elapsed time is measured on the clock's monotonic time while a timer runs and added up across pauses;
it is never counted from ticks, so a display that updates late or skips a beat still shows the right
time. A `Reading` is a countdown at one moment: everything a display needs, in words as well as colour.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import Enum

from lerend_tui.common.clock import Clock
from lerend_tui.common.datatypes import datatype
from lerend_tui.common.validation import MAX_MINUTES

MINIMUM_SECONDS = 60
MAXIMUM_SECONDS = 60 * MAX_MINUTES
"""A day: what a meeting file may hold for a phase or a step, so `+` never makes a file that cannot be read."""


class TimerState(Enum):
    NOT_STARTED = "niet gestart"
    RUNNING = "loopt"
    WARNING = "bijna om"
    OVERTIME = "uitloop"
    PAUSED = "gepauzeerd"


def default_warning(planned_seconds: float) -> float:
    """The warning starts in the last 20% or the last 2 minutes, whichever is shorter."""
    return min(0.2 * planned_seconds, 120.0)


@datatype
class Reading:
    planned: float
    elapsed: float
    running: bool
    warning_seconds: float
    count_up: bool = True
    """Past zero: count up as overtime (True) or hold at zero (False)."""

    @property
    def remaining(self) -> float:
        return self.planned - self.elapsed

    @property
    def overtime(self) -> bool:
        return self.remaining < 0

    @property
    def state(self) -> TimerState:
        """What the display must make plain; a pause outranks the warning and the overtime."""
        if not self.running:
            return TimerState.NOT_STARTED if self.elapsed == 0 else TimerState.PAUSED
        if self.remaining < 0:
            return TimerState.OVERTIME
        if self.remaining <= self.warning_seconds:
            return TimerState.WARNING
        return TimerState.RUNNING

    @property
    def text(self) -> str:
        """The time to show in digits: 12:34, +03:12 past zero, or 00:00 held."""
        if not self.overtime:
            return format_clock(self.remaining)
        return f"+{format_clock(self.remaining)}" if self.count_up else "00:00"

    @property
    def words(self) -> str:
        """The state in words, so it never depends on colour alone."""
        state = self.state
        if self.overtime:
            over = f"+{format_clock(self.remaining)} uitloop" if self.count_up else "de tijd is om"
            return over + (" · ⏸ GEPAUZEERD" if state is TimerState.PAUSED else "")
        if state is TimerState.NOT_STARTED:
            return "klaar om te starten"
        if state is TimerState.PAUSED:
            return "⏸ GEPAUZEERD"
        if self.remaining < 60:
            seconds = math.ceil(self.remaining)
            return f"nog {seconds} {'seconde' if seconds == 1 else 'seconden'}"
        minutes = round(self.remaining / 60)
        if state is TimerState.WARNING:
            return f"nog {minutes} {'minuut' if minutes == 1 else 'minuten'}"
        return f"nog {minutes} min"

    @property
    def progress(self) -> float:
        """The part of the planned time used, from 0 to 1."""
        return min(max(self.elapsed / self.planned, 0.0), 1.0) if self.planned > 0 else 1.0


class PhaseTimer:
    def __init__(
        self,
        clock: Clock,
        planned_seconds: float,
        elapsed: float = 0.0,
        *,
        running: bool = False,
        warning: Callable[[float], float] = default_warning,
    ) -> None:
        self.clock = clock
        self.planned_seconds = max(float(planned_seconds), MINIMUM_SECONDS)
        self.warning = warning
        self._elapsed_before = elapsed
        self._running_since: float | None = clock.monotonic() if running else None

    @property
    def running(self) -> bool:
        return self._running_since is not None

    @property
    def elapsed(self) -> float:
        if self._running_since is None:
            return self._elapsed_before
        return self._elapsed_before + self.clock.monotonic() - self._running_since

    @property
    def remaining(self) -> float:
        """Seconds left; negative once the time is up."""
        return self.planned_seconds - self.elapsed

    @property
    def overtime(self) -> bool:
        return self.remaining < 0

    def reading(self, *, count_up: bool = True) -> Reading:
        return Reading(self.planned_seconds, self.elapsed, self.running, self.warning(self.planned_seconds), count_up)

    @property
    def state(self) -> TimerState:
        return self.reading().state

    def start(self) -> None:
        if self._running_since is None:
            self._running_since = self.clock.monotonic()

    def pause(self) -> None:
        if self._running_since is not None:
            self._elapsed_before = self.elapsed
            self._running_since = None

    def adjust(self, minutes: int) -> None:
        """Give more or less time; never below one minute, never above a day."""
        self.planned_seconds = min(max(self.planned_seconds + 60 * minutes, MINIMUM_SECONDS),
                                   max(self.planned_seconds, MAXIMUM_SECONDS))


def format_clock(seconds: float) -> str:
    """Whole seconds as MM:SS (or H:MM:SS): a countdown rounds up, overtime rounds down."""
    total = math.floor(-seconds) if seconds < 0 else math.ceil(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"
