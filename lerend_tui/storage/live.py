"""The live state of a meeting: what the room sees on the beamer.

The facilitator's program writes it to `<data>/live.toml` (atomically, on each change — not every
second); `lerend-tui beamer` on the projector only reads it. Both draw the beamer from the same
`LiveState`, so the follower shows exactly what the facilitator's own beamer view shows: the time
itself is computed from the state's clock reading, never sent every second.

Whether the facilitator's program still runs, a follower learns from a lock, not a pid: a program that
writes the live state first takes a writer lock of its own, `<data>/live-<writer>.lock` (a name no other
program uses), and holds it until it clears the state or dies, when the kernel lets go of it. The state
names its writer; a follower probes that lock (`lock.held`). The lock is taken before the state names
it, and nobody but its writer ever takes it for good, so a probe can never find it free while its
program runs, nor stand in the way of any program taking a lock of its own.

Who has the beamer: the program whose live state is in the file, while that state is not ended and its
writer lock is held (`beamer_holder`). A program writes the live state only when no other program has
the beamer, or when the facilitator hands it over on purpose ("Naar de beamer": `write_live(...,
hand_over=True)`); merely opening, resuming or reading a meeting never takes it from a meeting that runs
elsewhere. When the program that has it quits, the file goes (`clear_live`); when its meeting is
finished, the file says so (`ended`) until it quits, and holds the beamer for no one. Either way the next
program to write takes the beamer: one that opens a meeting, or one whose meeting was open all along, at
its next change. A short exclusive lock (`live.toml.lock`) makes looking and writing one step, so two
programs never both find the beamer free.

So that a follower need not look at the file often to follow a change at once, each follower has a
doorbell (`Doorbell`): a named pipe `<data>/followers/<pid>.fifo`, on which a thread of the follower
waits without using any CPU. Writing or clearing the live state rings every doorbell. Where there are no
named pipes (Windows), the follower's own wake-ups still find every change, only later.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import threading
from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.validation import DataError, Fields, drop_none, read_toml
from lerend_tui.meeting.running import Meeting
from lerend_tui.storage.lock import give_back, held, hold
from lerend_tui.storage.meetings import SAFE_FLAGS, atomic_write_text

if TYPE_CHECKING:
    from lerend_tui.talk import Slide

SCHEMA = 3
READS = (2, SCHEMA)
"""The versions a follower reads: version 2 is version 3 without a page of the talk (`LiveState.page`)."""
WRITER = os.urandom(8).hex()  # what secrets.token_hex(8) gives, without importing hashlib at start
"""This program's name as a writer of the live state: its writer lock is `<data>/live-<WRITER>.lock`."""
_WRITER_NAME = re.compile(r"[0-9a-f]{16}")
_MAX_INTEGER = {"phase_number": 10_000, "phase_count": 10_000}
_FOCUS_KINDS = ("phase", "step", "turn")
"""The bounds of the live state's whole numbers (each at least 1)."""


@datatype
class LiveState:
    """What a beamer shows of the meeting, and nothing else (never the notes, the items or who attends):
    `beamer.view` turns it into the room's words."""

    writer: str
    """The program that wrote it (see `WRITER`)."""
    title: str
    network: str
    """The learning network's name; empty for a meeting outside a network."""
    phase_title: str
    phase_number: int
    phase_count: int
    focus: str
    """What the big digits count: "phase", "step" or "turn" (a speaker's turn in a round)."""
    step_label: str
    """The step ("Stap 2 van 4: Rondje"); empty in a phase without steps."""
    step_instruction: str
    speaker: str
    """Who speaks now in a round, and who next (empty: the last one); both empty outside a round."""
    next_speaker: str
    round_progress: str
    """Where a speaking round stands ("2 van 6"); empty otherwise."""
    coming_up: str
    planned_seconds: float
    """The focused countdown (the turn, else the step, else the phase)."""
    elapsed_seconds: float
    phase_planned_seconds: float
    phase_elapsed_seconds: float
    step_planned_seconds: float
    """The step's own countdown while a round runs inside it (else 0)."""
    step_elapsed_seconds: float
    running: bool
    measured_at: datetime
    warning_seconds: float
    count_up: bool
    started: bool
    """Whether the meeting has begun (a timer ran, or the facilitator went on to the next phase): before that,
    the beamer welcomes the room."""
    planned_start: datetime
    next_meeting: str = ""
    """When the network meets next ("dinsdag 12 januari 2027 om 19:30"), for the end screen; empty if unknown."""
    message: str = ""
    """A short message the facilitator puts on the beamer instead of the timer ("Pauze tot 20:15")."""
    blank: bool = False
    """The facilitator blanked the beamer (black)."""
    ended: bool = False
    """The meeting was finished: the follower says goodbye, and the beamer is free for the next one."""
    page: Slide | None = None
    """A page of the talk the facilitator put on the beamer instead of the timer (`[page]` in the file)."""

    @classmethod
    def capture(cls, meeting: Meeting, writer: str = WRITER, *, network: str = "", next_meeting: str = "",
                message: str = "", blank: bool = False, page: Slide | None = None) -> LiveState:
        """The meeting as the beamer shows it now; `network` its network's name, and what the facilitator
        put on the beamer (`message`, `blank`, a `page` of the talk)."""
        focus = meeting.focus()
        phase = meeting.reading()
        speaking = meeting.speaking if focus.kind == "turn" else None
        step = meeting.step
        step_countdown = meeting.step_reading() if speaking is not None else None
        return cls(
            writer=writer,
            title=meeting.record.title,
            network=network,
            phase_title=meeting.current.title,
            phase_number=meeting.index + 1,
            phase_count=len(meeting.phases),
            focus=focus.kind,
            step_label=meeting.step_label,
            step_instruction=step.instruction if step is not None else "",
            speaker=(speaking.current or "") if speaking is not None else "",
            next_speaker=(speaking.next or "") if speaking is not None else "",
            round_progress=speaking.progress if speaking is not None else "",
            coming_up=meeting.coming_up(),
            planned_seconds=focus.reading.planned,
            elapsed_seconds=focus.reading.elapsed,
            phase_planned_seconds=phase.planned,
            phase_elapsed_seconds=phase.elapsed,
            step_planned_seconds=step_countdown.planned if step_countdown else 0.0,
            step_elapsed_seconds=step_countdown.elapsed if step_countdown else 0.0,
            running=focus.reading.running,
            measured_at=meeting.clock.now(),
            warning_seconds=focus.reading.warning_seconds,
            count_up=focus.reading.count_up,
            started=meeting.record.started is not None or meeting.index > 0,
            planned_start=meeting.record.planned_start,
            next_meeting=next_meeting,
            message=message,
            blank=blank,
            ended=meeting.record.finished,
            page=page,
        )

    def to_toml(self) -> str:
        table = {"schema": SCHEMA, **{field.name: getattr(self, field.name) for field in fields(self)}}
        table["page"] = self.page.to_table() if self.page else None
        return tomli_w.dumps(drop_none(table))


def write_live(path: Path, state: LiveState, *, hand_over: bool = False) -> list[Path] | None:
    """Write the state, under this program's writer lock, and ring the followers; returns what in the
    followers' folder is no doorbell (see `ring_followers`). None, and nothing written, when another
    program has the beamer (see the module's docstring), unless the facilitator `hand_over`s it here."""
    _hold_writer_lock(path.parent)
    guard = hold(path.with_name(path.name + ".lock"), wait=True)
    if guard is None:  # only without `wait`
        raise OSError(errno.EAGAIN, "de live-status is bezet", str(path))
    try:
        holder = beamer_holder(path)
        if not hand_over and holder not in (None, WRITER):
            return None
        atomic_write_text(path, state.to_toml())
    finally:
        give_back(guard, path.with_name(path.name + ".lock"))
    return ring_followers(path)


def beamer_holder(path: Path) -> str | None:
    """The writer of the meeting on the beamer (`WRITER` when it is this program's), or None when the
    beamer is free: no live state, an ended one, or its program is gone."""
    try:
        state = _read_state(path)
    except DataError:  # a broken file holds the beamer for no one
        return None
    if state is None or state.ended or not writer_running(path, state.writer):
        return None
    return state.writer


def clear_live(path: Path) -> None:
    """Remove the live state this program wrote (a meeting that ended or a program that quit), and give
    back its writer lock."""
    try:
        state = _read_state(path)
    except DataError:
        state = None
    if state is not None and state.writer == WRITER:
        path.unlink(missing_ok=True)
        ring_followers(path)
    fd = _writer_locks.pop(path.parent, None)
    if fd is not None:
        give_back(fd, writer_lock_path(path.parent, WRITER))


def read_live(path: Path) -> LiveState | None:
    """The live state, or None when there is no live meeting (no file, or its program is gone)."""
    state = _read_state(path)
    return state if state is not None and writer_running(path, state.writer) else None


def _read_state(path: Path) -> LiveState | None:
    if not path.exists():
        return None
    table = Fields(read_toml(path), path)
    if table.integer("schema") not in READS:
        raise table.error("schema", f"verwacht versie {SCHEMA}")
    readers: dict[type, Callable[[str], Any]] = {
        int: lambda key: table.integer(key, minimum=1, maximum=_MAX_INTEGER[key]), str: table.text,
        float: table.seconds, bool: table.flag, datetime: table.moment}
    values = {}
    for field in fields(LiveState):
        if field.name == "page":
            continue
        kind = {"int": int, "str": str, "float": float, "bool": bool, "datetime": datetime}[str(field.type)]
        values[field.name] = readers[kind](field.name)
    if not _WRITER_NAME.fullmatch(values["writer"]):
        raise table.error("writer", "verwacht 16 tekens 0-9 en a-f")
    if values["focus"] not in _FOCUS_KINDS:
        raise table.error("focus", f"verwacht een van: {', '.join(_FOCUS_KINDS)}")
    page = table.table.get("page")
    if page is None:
        return LiveState(**values)
    from lerend_tui.talk import read_slide  # (the talk's code loads once a page is shown)

    return LiveState(**values, page=read_slide(Fields(page, path, "page")))


# -- is the facilitator's program still running ------------------------------------------------------------

_writer_locks: dict[Path, int] = {}
"""The writer lock this program holds, per data dir, open for as long as it is held."""


def writer_lock_path(folder: Path, writer: str) -> Path:
    return folder / f"live-{writer}.lock"


def writer_running(live: Path, writer: str) -> bool:
    """Whether the program that wrote a live state beside `live` as `writer` still runs."""
    return bool(_WRITER_NAME.fullmatch(writer)) and held(writer_lock_path(live.parent, writer))


def _hold_writer_lock(folder: Path) -> None:
    """Take this program's writer lock in `folder`, once; first remove the writer locks of programs that
    died (`held` does, finding them free). OSError when it cannot be taken."""
    if folder in _writer_locks:
        return
    ours = writer_lock_path(folder, WRITER)
    for other in folder.glob("live-*.lock"):
        if other != ours:
            held(other)
    fd = hold(ours, wait=True)  # a probe holds it only for a moment
    if fd is None:
        raise OSError(errno.EAGAIN, "de schrijversvergrendeling is bezet", str(ours))
    _writer_locks[folder] = fd


# -- the followers' doorbells ------------------------------------------------------------------------------


def doorbells(live: Path) -> Path:
    """The folder of the followers' doorbells, beside the live state."""
    return live.parent / "followers"


RING = b"\n"


def _is_doorbell(found: os.stat_result) -> bool:
    """A named pipe of this user: the one kind of file a doorbell may be."""
    return stat.S_ISFIFO(found.st_mode) and found.st_uid == os.getuid()


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def ring_followers(live: Path) -> list[Path]:
    """Ring the doorbell of every follower: one byte into each named pipe a follower waits on.

    It never blocks, and it writes only into a named pipe of this user, opened without following a
    symlink and checked again once open. A pipe nobody reads belongs to a follower that is gone (a
    follower keeps its own pipe open) and is removed. Anything else called `*.fifo` there is never
    written to: a symlink is removed (the link, not what it points to), anything else is left alone.
    Returns those, or the folder itself when it is no real folder (a symlink, say), for a warning.
    """
    folder = doorbells(live)
    if not hasattr(os, "mkfifo"):
        return []
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return [folder]
    except OSError:
        return []
    strays = []
    for pipe in sorted(folder.glob("*.fifo")):
        try:
            found = os.lstat(pipe)
        except OSError:
            continue
        if _is_doorbell(found):
            _ring(pipe, found)
            continue
        strays.append(pipe)
        if stat.S_ISLNK(found.st_mode):
            _remove(pipe)
    return strays


def _ring(pipe: Path, found: os.stat_result) -> None:
    try:
        fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK | SAFE_FLAGS)
    except OSError as error:
        if error.errno == errno.ENXIO:  # nobody reads it: its follower is gone
            _remove(pipe)
        return
    try:
        opened = os.fstat(fd)
        if _is_doorbell(opened) and (opened.st_dev, opened.st_ino) == (found.st_dev, found.st_ino):
            os.write(fd, RING)
    except OSError:  # a full pipe has been rung already
        pass
    finally:
        os.close(fd)


class Doorbell:
    """A follower's doorbell (see the module's docstring): `wait` blocks until it is rung.

    The pipe stays open for reading and writing the whole time (which Linux and macOS allow), so a ring
    while the follower is busy showing the last one waits in the pipe instead of being missed. Only the
    thread that waits closes it, once it finds the doorbell closed: a `close` from another thread merely
    wakes it, under a lock, so that it never writes into a descriptor just closed (and perhaps already
    another file's)."""

    def __init__(self, live: Path) -> None:
        self.path = doorbells(live) / f"{os.getpid()}.fifo"
        self.closed = False
        self._fd: int | None = None
        self._lock = threading.Lock()

    def open(self) -> bool:
        """Make the named pipe under a passing name, open it, and only then give it its name: a ringer never
        finds it without its reader (which would mean its follower is gone). False where it cannot be
        (no named pipes, a folder that is read-only or a symlink)."""
        if not hasattr(os, "mkfifo"):
            return False
        made = self.path.with_name(self.path.name + ".new")
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not stat.S_ISDIR(os.lstat(self.path.parent).st_mode):
                return False
            _remove(made)
            os.mkfifo(made, 0o600)
            fd = os.open(made, os.O_RDWR | SAFE_FLAGS)
        except OSError:
            return False
        try:
            if not _is_doorbell(os.fstat(fd)):
                raise OSError(errno.EINVAL, "geen eigen named pipe", str(made))
            os.replace(made, self.path)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def wait(self) -> bool:
        """Block until the doorbell rings (True), or until it is closed (False)."""
        fd = self._fd
        if fd is None or self._finished():
            return False
        try:
            os.read(fd, 512)  # every ring waiting in the pipe at once
        except OSError:
            return False
        return not self._finished()

    def _finished(self) -> bool:
        """Whether the doorbell was closed; if so, close the pipe (the waiting thread's part)."""
        with self._lock:
            if self.closed and self._fd is not None:
                os.close(self._fd)
                self._fd = None
            return self.closed

    def close(self) -> None:
        """Stop: remove the pipe, and wake a `wait` in progress, which then returns False."""
        with self._lock:
            if self.closed:
                return
            self.closed = True
            _remove(self.path)
            if self._fd is not None:
                try:
                    os.write(self._fd, RING)
                except OSError:
                    pass


class LiveReader:
    """A follower's view of the live state: the latest, re-read only when the file changed; None when no
    meeting is live. Asked on every wake-up of a beamer (once a second while a timer runs): a stat of the
    file and a probe of its writer's lock, nothing more while the file stays the same. A file that cannot
    be read counts as no meeting; `tell` hears why, once for each new problem (`problem` holds it)."""

    def __init__(self, path: Path, tell: Callable[[str], None] = lambda problem: None) -> None:
        self.path = path
        self.tell = tell
        self.problem: str | None = None
        self._seen: tuple[int, int] | None = None
        self._state: LiveState | None = None

    def __call__(self) -> LiveState | None:
        try:
            found = self.path.stat()
        except FileNotFoundError:
            self._seen, self._state = None, None
            return None
        seen = (found.st_mtime_ns, found.st_size)
        if seen != self._seen:
            self._seen = seen
            try:
                self._state, self.problem = read_live(self.path), None
            except DataError as error:
                self._state = None
                if str(error) != self.problem:
                    self.tell(str(error))
                self.problem = str(error)
        if self._state is not None and not writer_running(self.path, self._state.writer):
            self._state = None
        return self._state
