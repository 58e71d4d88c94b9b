"""When to save what is being typed: a debounce with a ceiling.

Saving at every keystroke would cost the typing its speed; saving only once typing pauses loses
everything a facilitator types along with a discussion that never pauses (one word every half second for
a quarter of an hour, then a crash). So a change is saved a short pause after the last keystroke, and
never later than a ceiling after the first keystroke that is not yet saved, however long the typing goes
on. With the writing itself that puts every keystroke on disk within a second.
"""

from __future__ import annotations

PAUSE = 0.5
"""Seconds of quiet after the last keystroke before saving."""
CEILING = 0.7
"""Seconds after the first unsaved keystroke by which the save starts, typing or not. The writing (a
fraction of a second even for a megabyte of notes) comes on top: on disk within a second."""
AT_ONCE = 0.001
"""Seconds: the wait for a save that is due already (a key that came after the ceiling had passed). Never
0: Textual's timer divides by its delay once any time has passed since it was set, so a timer of 0 s
fails and never fires; every later key of that run of typing finds the save due too, and nothing would be
saved until the meeting moves to another phase or ends."""


class SaveDeadline:
    """The moment a change should be saved. Times are seconds on a monotonic clock, handed in."""

    def __init__(self, pause: float = PAUSE, ceiling: float = CEILING) -> None:
        """A ceiling shorter than the pause would make the pause meaningless: it is at least the pause (a
        long pause, as tests use to keep saving out of the way, then also means a long ceiling)."""
        self.pause = pause
        self.ceiling = max(ceiling, pause)
        self._first_unsaved: float | None = None

    @property
    def pending(self) -> bool:
        """Whether a change is waiting to be saved."""
        return self._first_unsaved is not None

    def changed(self, now: float) -> float:
        """A change at `now`: the seconds from now until it should be saved (`AT_ONCE` at least)."""
        if self._first_unsaved is None:
            self._first_unsaved = now
        return max(AT_ONCE, min(self.pause, self._first_unsaved + self.ceiling - now))

    def taken(self) -> None:
        """Everything changed so far is being saved now; the next change starts a new wait."""
        self._first_unsaved = None
