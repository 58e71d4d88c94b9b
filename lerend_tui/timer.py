"""The countdown of one phase.

Elapsed time is measured on the clock's monotonic time while the timer runs and added up across pauses;
it is never counted from ticks, so a display that updates late or skips a beat still shows the right time.
"""

from __future__ import annotations

import math
from enum import Enum

from .clock import Clock

MINIMUM_SECONDS = 60


class TimerState(Enum):
    NOT_STARTED = "niet gestart"
    RUNNING = "loopt"
    WARNING = "bijna om"
    OVERTIME = "uitloop"
    PAUSED = "gepauzeerd"


class PhaseTimer:
    def __init__(self, clock: Clock, planned_seconds: float, elapsed: float = 0.0, *, running: bool = False) -> None:
        self.clock = clock
        self.planned_seconds = max(float(planned_seconds), MINIMUM_SECONDS)
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
        """Seconds left; negative once the phase runs over."""
        return self.planned_seconds - self.elapsed

    @property
    def warning_seconds(self) -> float:
        """The warning starts in the last 20% or the last 2 minutes, whichever is shorter."""
        return min(0.2 * self.planned_seconds, 120.0)

    @property
    def overtime(self) -> bool:
        return self.remaining < 0

    @property
    def state(self) -> TimerState:
        """What the display must make plain; a pause outranks the warning and the overtime."""
        if not self.running:
            return TimerState.NOT_STARTED if self.elapsed == 0 else TimerState.PAUSED
        remaining = self.remaining
        if remaining < 0:
            return TimerState.OVERTIME
        if remaining <= self.warning_seconds:
            return TimerState.WARNING
        return TimerState.RUNNING

    def start(self) -> None:
        if self._running_since is None:
            self._running_since = self.clock.monotonic()

    def pause(self) -> None:
        if self._running_since is not None:
            self._elapsed_before = self.elapsed
            self._running_since = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def adjust(self, minutes: int) -> None:
        """Give the phase more or less time; it never drops below one minute."""
        self.planned_seconds = max(self.planned_seconds + 60 * minutes, MINIMUM_SECONDS)


def format_clock(seconds: float) -> str:
    """Whole seconds as MM:SS (or H:MM:SS), rounding towards the displayed countdown."""
    total = math.floor(-seconds) if seconds < 0 else math.ceil(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"
