"""The live state of a meeting: what the room sees on the beamer.

The facilitator's program writes it to `<data>/live.toml` (atomically, on each change — not every
second); `lerend-tui beamer` on the projector only reads it. Both draw the beamer from the same
`LiveState`, so the follower shows exactly what the facilitator's own beamer view shows: the time
itself is computed from the state's clock reading, never sent every second.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path

import tomli_w

from .meeting import Meeting
from .storage import atomic_write_text
from .timer import Reading
from .validation import DataError, Fields, read_toml

SCHEMA = 1


@dataclass(frozen=True)
class LiveState:
    pid: int
    title: str
    phase_title: str
    phase_number: int
    phase_count: int
    focus_label: str
    """The step or the speaker ("Nu: Anouk — daarna: Bram"); empty when the phase itself is timed."""
    progress: str
    """Where a speaking round stands ("2 van 6"); empty otherwise."""
    coming_up: str
    planned_seconds: float
    elapsed_seconds: float
    phase_planned_seconds: float
    phase_elapsed_seconds: float
    running: bool
    measured_at: datetime
    warning_seconds: float
    count_up: bool

    @classmethod
    def capture(cls, meeting: Meeting, pid: int | None = None) -> LiveState:
        focus = meeting.focus()
        phase = meeting.reading()
        speaking = meeting.speaking if focus.kind == "turn" else None
        return cls(
            pid=os.getpid() if pid is None else pid,
            title=meeting.record.title,
            phase_title=meeting.current.title,
            phase_number=meeting.index + 1,
            phase_count=len(meeting.phases),
            focus_label="" if focus.kind == "phase" else focus.label,
            progress=speaking.progress if speaking else "",
            coming_up=meeting.coming_up(),
            planned_seconds=focus.reading.planned,
            elapsed_seconds=focus.reading.elapsed,
            phase_planned_seconds=phase.planned,
            phase_elapsed_seconds=phase.elapsed,
            running=focus.reading.running,
            measured_at=meeting.clock.now(),
            warning_seconds=focus.reading.warning_seconds,
            count_up=focus.reading.count_up,
        )

    def _since(self, now: datetime) -> float:
        return max((now - self.measured_at).total_seconds(), 0.0) if self.running else 0.0

    def reading(self, now: datetime) -> Reading:
        """The focused countdown (turn, step or phase) as it stands at `now`."""
        return Reading(self.planned_seconds, self.elapsed_seconds + self._since(now), self.running,
                       self.warning_seconds, self.count_up)

    def phase_reading(self, now: datetime) -> Reading:
        return Reading(self.phase_planned_seconds, self.phase_elapsed_seconds + self._since(now), self.running,
                       self.warning_seconds, self.count_up)

    def to_toml(self) -> str:
        return tomli_w.dumps({"schema": SCHEMA, **asdict(self)})


def write_live(path: Path, state: LiveState) -> None:
    atomic_write_text(path, state.to_toml())


def clear_live(path: Path, pid: int | None = None) -> None:
    """Remove the live state this process wrote (a meeting that ended or a program that quit)."""
    try:
        state = read_live(path)
    except DataError:
        return
    if state is not None and state.pid == (os.getpid() if pid is None else pid):
        path.unlink(missing_ok=True)


def read_live(path: Path) -> LiveState | None:
    """The live state, or None when there is no live meeting (no file, or its program is gone)."""
    if not path.exists():
        return None
    table = Fields(read_toml(path), path)
    if table.integer("schema") != SCHEMA:
        raise table.error("schema", f"verwacht versie {SCHEMA}")
    readers = {int: table.integer, str: table.text, float: table.number, bool: table.flag, datetime: table.moment}
    values = {}
    for field in fields(LiveState):
        kind = {"int": int, "str": str, "float": float, "bool": bool, "datetime": datetime}[str(field.type)]
        values[field.name] = readers[kind](field.name)
    state = LiveState(**values)
    return state if process_alive(state.pid) else None


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but someone else's
        return True
    return True
