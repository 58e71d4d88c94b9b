"""Where the program gets its time from.

Everything that shows or stores time asks a clock, so tests can hand in a `FakeClock` and run a whole
meeting in milliseconds. `monotonic()` measures running timers (it never jumps); `now()` stamps the
record with wall-clock datetimes that carry their UTC offset.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards."""

    def local(self, moment: datetime) -> datetime:
        """`moment` in the timezone the facilitator reads times in. A naive `moment` is a wall-clock time
        there: it gets the UTC offset of its own day (summer or winter time), not of today."""


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone()


class FakeClock:
    """A clock that only moves when told to, for tests and benchmarks."""

    def __init__(self, start: datetime | None = None, tz: tzinfo | None = None) -> None:
        self.tz = tz or timezone(timedelta(hours=1))
        self._now = (start or datetime(2026, 11, 24, 19, 0)).replace(tzinfo=self.tz)
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            return moment.replace(tzinfo=self.tz)
        return moment.astimezone(self.tz)

    def advance(self, seconds: float = 0, *, minutes: float = 0) -> None:
        step = seconds + minutes * 60
        self._now += timedelta(seconds=step)
        self._mono += step
