"""The live state of a meeting: what the room sees on the beamer.

The facilitator's program writes it to `<data>/live.toml` (atomically, on each change — not every
second); `lerend-tui beamer` on the projector only reads it. Both draw the beamer from the same
`LiveState`, so the follower shows exactly what the facilitator's own beamer view shows: the time
itself is computed from the state's clock reading, never sent every second.

So that a follower need not look at the file often to follow a change at once, each follower has a
doorbell (`Doorbell`): a named pipe `<data>/followers/<pid>.fifo`, on which a thread of the follower
waits without using any CPU. Writing or clearing the live state rings every doorbell. Where there are no
named pipes (Windows), the follower's own wake-ups still find every change, only later.
"""

from __future__ import annotations

import errno
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
_MAX_INTEGER = {"pid": 2**31 - 1, "phase_number": 10_000, "phase_count": 10_000}
"""The bounds of the live state's whole numbers (each at least 1): a pid the system can have, and phases."""


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
    ring_followers(path)


def clear_live(path: Path, pid: int | None = None) -> None:
    """Remove the live state this process wrote (a meeting that ended or a program that quit)."""
    try:
        state = read_live(path)
    except DataError:
        return
    if state is not None and state.pid == (os.getpid() if pid is None else pid):
        path.unlink(missing_ok=True)
        ring_followers(path)


def read_live(path: Path) -> LiveState | None:
    """The live state, or None when there is no live meeting (no file, or its program is gone)."""
    if not path.exists():
        return None
    table = Fields(read_toml(path), path)
    if table.integer("schema") != SCHEMA:
        raise table.error("schema", f"verwacht versie {SCHEMA}")
    readers = {int: lambda key: table.integer(key, minimum=1, maximum=_MAX_INTEGER[key]), str: table.text,
               float: table.seconds, bool: table.flag, datetime: table.moment}
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


# -- the followers' doorbells ------------------------------------------------------------------------------


def doorbells(live: Path) -> Path:
    """The folder of the followers' doorbells, beside the live state."""
    return live.parent / "followers"


def ring_followers(live: Path) -> None:
    """Ring the doorbell of every follower: one byte into each named pipe a follower waits on. It never
    blocks: a pipe nobody reads at this moment is skipped (its follower sees the change at its next
    wake-up), and removed when its follower's process is gone."""
    folder = doorbells(live)
    if not hasattr(os, "mkfifo") or not folder.is_dir():
        return
    for pipe in folder.glob("*.fifo"):
        try:
            fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno == errno.ENXIO and pipe.stem.isdigit() and not process_alive(int(pipe.stem)):
                pipe.unlink(missing_ok=True)
            continue
        try:
            os.write(fd, b"\n")
        except OSError:  # a full pipe has been rung already
            pass
        finally:
            os.close(fd)


class Doorbell:
    """A follower's doorbell (see the module's docstring): `wait` blocks until it is rung.

    The pipe stays open for reading and writing the whole time (which Linux and macOS allow), so a ring
    while the follower is busy showing the last one waits in the pipe instead of being missed."""

    def __init__(self, live: Path) -> None:
        self.path = doorbells(live) / f"{os.getpid()}.fifo"
        self.closed = False
        self._fd: int | None = None

    def open(self) -> bool:
        """Make the named pipe; False where that cannot be (no named pipes, or the folder is read-only)."""
        if not hasattr(os, "mkfifo"):
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.unlink(missing_ok=True)
            os.mkfifo(self.path, 0o600)
            self._fd = os.open(self.path, os.O_RDWR)
        except OSError:
            return False
        return True

    def wait(self) -> bool:
        """Block until the doorbell rings (True), or until it is closed (False)."""
        if self._fd is None or self.closed:
            return False
        try:
            os.read(self._fd, 512)  # every ring waiting in the pipe at once
        except OSError:
            return False
        if self.closed:
            os.close(self._fd)
            self._fd = None
            return False
        return True

    def close(self) -> None:
        """Stop: remove the pipe, and wake a `wait` in progress, which then returns False."""
        self.closed = True
        self.path.unlink(missing_ok=True)
        if self._fd is not None:
            try:
                os.write(self._fd, b"\n")
            except OSError:
                pass
