"""A speaking round (rondje, e.g. the check-in): everyone gets a turn of equal time, one after another.

Each turn has its own `PhaseTimer`, so a turn's time comes from the clock like a phase's, never from ticks.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from lerend_tui.common.clock import Clock
from lerend_tui.common.settings import MINIMUM_SECONDS_PER_PERSON
from lerend_tui.common.validation import Fields
from lerend_tui.meeting.timer import PhaseTimer


def round_order(participants: list[str], rng: random.Random, *, shuffle: bool) -> list[str]:
    """The speaking order: a shuffle drawn from `rng` (seeded in tests), or as listed."""
    order = list(participants)
    if shuffle:
        rng.shuffle(order)
    return order


class SpeakingRound:
    def __init__(
        self,
        order: list[str],
        seconds_per_person: float,
        clock: Clock,
        *,
        index: int = 0,
        turn_elapsed: float = 0.0,
        running: bool = False,
    ) -> None:
        if seconds_per_person < MINIMUM_SECONDS_PER_PERSON:
            raise ValueError(f"seconds_per_person must be at least {MINIMUM_SECONDS_PER_PERSON}")
        if not 0 <= index <= len(order):
            raise ValueError(f"index {index} outside 0..{len(order)}")
        self.order = list(order)
        self.seconds_per_person = float(seconds_per_person)
        self.clock = clock
        self.index = index
        self.turn_timer = self._new_turn(turn_elapsed, running)

    def _new_turn(self, elapsed: float = 0.0, running: bool = False) -> PhaseTimer:
        timer = PhaseTimer(self.clock, self.seconds_per_person, elapsed, running=running and not self.finished)
        # PhaseTimer keeps phases at a minute or more; a turn may be shorter.
        timer.planned_seconds = self.seconds_per_person
        return timer

    @property
    def count(self) -> int:
        return len(self.order)

    @property
    def finished(self) -> bool:
        return self.index >= self.count

    @property
    def current(self) -> str | None:
        return None if self.finished else self.order[self.index]

    @property
    def next(self) -> str | None:
        return self.order[self.index + 1] if self.index + 1 < self.count else None

    @property
    def position(self) -> int:
        """1-based place of the current speaker; the last place once everyone has spoken."""
        return min(self.index + 1, self.count)

    @property
    def running(self) -> bool:
        return self.turn_timer.running

    @property
    def words(self) -> str:
        if not self.order:
            return "Er staat niemand in het rondje"
        if self.finished:
            return "Iedereen is aan de beurt geweest"
        if self.next is None:
            return f"Nu: {self.current}, als laatste"
        return f"Nu: {self.current} — daarna: {self.next}"

    @property
    def progress(self) -> str:
        return f"{self.position} van {self.count}"

    def start(self) -> None:
        if not self.finished:
            self.turn_timer.start()

    def pause(self) -> None:
        self.turn_timer.pause()

    def pass_turn(self) -> bool:
        """On to the next speaker, whose time starts running if the turn's did; False if already finished."""
        if self.finished:
            return False
        self._move(+1)
        return True

    def back(self) -> bool:
        """Back to the previous speaker, whose turn starts over; False at the first speaker."""
        if self.index == 0:
            return False
        self._move(-1)
        return True

    def keep_only(self, present: list[str]) -> None:
        """Go on with those in `present`: who has spoken keeps their place, who is no longer there leaves the
        order, who arrived joins at the end. The current speaker's turn starts over if they changed."""
        speaker = self.current
        done = self.order[: self.index]
        self.order = done + [name for name in self.order[self.index :] if name in present]
        self.order += [name for name in present if name not in self.order]
        if self.current != speaker:
            self.turn_timer = self._new_turn(running=self.running)

    def _move(self, step: int) -> None:
        was_running = self.running
        self.turn_timer.pause()
        self.index += step
        self.turn_timer = self._new_turn(running=was_running)

    def to_table(self) -> dict[str, Any]:
        """The round as plain TOML values for the meeting record (running state is the meeting's)."""
        return {
            "order": list(self.order),
            "seconds_per_person": self.seconds_per_person,
            "index": self.index,
            "turn_elapsed": round(self.turn_timer.elapsed, 3),
        }

    @classmethod
    def from_table(
        cls,
        table: Any,
        clock: Clock,
        *,
        path: Path | None = None,
        prefix: str = "round",
        running: bool = False,
    ) -> SpeakingRound:
        """Read a stored round; a bad value raises a `DataError` naming `path` and `prefix.key`."""
        fields = Fields(table, path or Path("<rondje>"), prefix)
        order = fields.texts("order")
        seconds = fields.seconds("seconds_per_person", minimum=MINIMUM_SECONDS_PER_PERSON)
        index = fields.integer("index", 0, minimum=0, maximum=len(order))
        elapsed = fields.seconds("turn_elapsed", 0.0)
        return cls(order, seconds, clock, index=index, turn_elapsed=elapsed, running=running)


__all__ = ["SpeakingRound", "round_order"]
