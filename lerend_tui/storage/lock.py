"""Locks held by the operating system: one program writes a meeting at a time.

A meeting's lock is `<meeting>.toml.lock`, locked with `fcntl.flock` (POSIX) or `msvcrt.locking`
(Windows) and held, its file open, for as long as the program shows the meeting. Taking it is one
atomic call, and the kernel lets go of it when the program dies, however it dies: no pid is guessed and
no lock is ever left behind. Once held, the file says who holds it (host, pid, since when), so that a
second program, which opens the meeting read-only, can say where it is open.

The file is removed when the lock is given back. A program that opened it just before it went may then
hold a lock on a file that is no longer there, so `hold` checks, once it has the lock, that the path
still names the file it locked, and otherwise starts again on the new one.

A synced data dir (Dropbox, Syncthing, OneDrive) carries the file to another laptop but not the lock:
there, anyone can take it. So a file that names *another* host counts as held there while it is
recent: its holder rewrites it every `REFRESH_SECONDS`, and a file untouched for `STALE_SECONDS` (the
other laptop crashed or went offline) is taken over. An old lock file (only a pid, or anything else that
does not read as a holder) names no host and is simply taken over when its lock is free.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import sys
import threading
import time
import tomllib
from datetime import datetime
from pathlib import Path

import tomli_w

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.sanitise import clean
from lerend_tui.storage.meetings import SAFE_FLAGS

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

REFRESH_SECONDS = 60.0
STALE_SECONDS = 300.0
HOLDER_ROOM = 4096
"""The most of a lock file that is read as its holder. On Windows the lock is the one byte at this offset:
Windows locks keep others from reading what they cover, and the holder must stay readable."""


class LockError(Exception):
    """The lock file cannot be made or locked at all (not: another program holds it); a Dutch message."""


def lock_path(meeting: Path) -> Path:
    return meeting.with_name(meeting.name + ".lock")


# -- the operating system's locks --------------------------------------------------------------------------


def open_regular(path: Path, *, create: bool) -> int:
    """`path` opened for reading and writing (made `0600` with `create`), never through a symlink;
    OSError when it is not a regular file."""
    flags = os.O_RDWR | getattr(os, "O_NONBLOCK", 0) | SAFE_FLAGS | (os.O_CREAT if create else 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW met a symlink
            raise OSError(errno.ELOOP, "een symbolische koppeling, geen gewoon bestand", str(path)) from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "geen gewoon bestand", str(path))
    return fd


def _lock(fd: int, *, shared: bool, wait: bool) -> bool:
    """Lock the open file; False, and the file closed, when another holds it (only without `wait`). Any
    other failure closes the file too, and is raised."""
    try:
        _take(fd, shared=shared, wait=wait)
    except BlockingIOError:
        os.close(fd)
        return False
    except BaseException:
        os.close(fd)
        raise
    return True


def _take(fd: int, *, shared: bool, wait: bool) -> None:
    """Lock the open file; BlockingIOError when another holds it (only without `wait`)."""
    if sys.platform == "win32":  # no shared locks on Windows: a probe locks exclusively, for a moment
        os.lseek(fd, HOLDER_ROOM, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError as error:  # EACCES or EDEADLOCK: held
            raise BlockingIOError(errno.EAGAIN, "vergrendeld") from error
    else:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | (0 if wait else fcntl.LOCK_NB))


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        os.lseek(fd, HOLDER_ROOM, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _still_at(fd: int, path: Path) -> bool:
    """Whether `path` still names the open file (its holder may have removed it meanwhile)."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def hold(path: Path, *, wait: bool = False) -> int | None:
    """Lock the file at `path` exclusively, making it if need be: the open file to keep for as long as the
    lock is held (see `give_back`), or None when another program holds it (only without `wait`).
    OSError when the file cannot be made or locked, or is no regular file."""
    while True:
        fd = open_regular(path, create=True)
        if not _lock(fd, shared=False, wait=wait):
            return None
        if _still_at(fd, path):
            return fd
        os.close(fd)  # we locked a file its holder removed as it let go: take the one there now


def give_back(fd: int, path: Path) -> None:
    """Let go of a lock from `hold` and remove its file. On POSIX the file goes while the lock is still
    held (see `hold`); Windows cannot remove a file that is open, so there the lock goes first, and the
    removal fails harmlessly when another program has opened the file meanwhile."""
    if sys.platform == "win32":
        _unlock(fd)
        os.close(fd)
        try:
            path.unlink()
        except OSError:
            pass
        return
    try:
        if _still_at(fd, path):
            path.unlink()
    except OSError:
        pass
    finally:
        os.close(fd)


def held(path: Path) -> bool:
    """Whether a program holds the lock of `path` now. The probe takes the lock shared (so probes never
    stand in each other's way) and lets go at once; it never makes the file, and removes a lock file it
    finds free, whose holder is gone. Only for locks that are taken once and kept for a program's life,
    such as the live state's writer lock: a probe of a lock still to be taken would be in its way."""
    try:
        fd = open_regular(path, create=False)
    except OSError:
        return False
    try:
        if not _lock(fd, shared=True, wait=False):
            return True
    except OSError:  # no locks here: nobody can be holding one
        return False
    give_back(fd, path)
    return False


# -- a meeting's lock ----------------------------------------------------------------------------------------


@datatype
class Holder:
    """Who holds a meeting's lock, as its file says."""

    host: str
    pid: int
    since: datetime

    def describe(self) -> str:
        """In the top bar of the read-only window: "al geopend op laptop-van-anke (sinds 19:02)"."""
        where = "in een ander venster" if self.host == HOST else f"op {self.host}"
        try:
            local = self.since.astimezone()
        except (OverflowError, ValueError, OSError):  # a year such as 1 or 9999, written by hand
            return f"al geopend {where}"
        when = local.strftime("%H:%M") if local.date() == datetime.now().astimezone().date() \
            else local.strftime("%d-%m %H:%M")
        return f"al geopend {where} (sinds {when})"


HOST = clean(socket.gethostname())[:64] or "deze computer"
_held: dict[str, MeetingLock] = {}
_registry = threading.Lock()


class MeetingLock:
    """A meeting's lock, held by this program (see the module's docstring); `release` gives it back."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd
        self._guard = threading.Lock()
        self._stop = threading.Event()
        self.holder = Holder(HOST, os.getpid(), datetime.now().astimezone())
        self.refresh()
        threading.Thread(target=self._keep_fresh, name="meeting-lock", daemon=True).start()

    def refresh(self) -> None:
        """Write who holds the lock, with the time now: a laptop sharing the folder sees it is recent."""
        text = tomli_w.dumps({"host": self.holder.host, "pid": self.holder.pid, "since": self.holder.since,
                              "refreshed": datetime.now().astimezone()}).encode()
        with self._guard:
            if self._fd is None:
                return
            try:
                os.lseek(self._fd, 0, os.SEEK_SET)
                os.write(self._fd, text)
                os.ftruncate(self._fd, len(text))
            except OSError:
                pass  # a full disk: the lock itself still holds

    def _keep_fresh(self) -> None:
        while not self._stop.wait(REFRESH_SECONDS):
            self.refresh()

    def release(self) -> None:
        self._stop.set()
        with self._guard:
            fd, self._fd = self._fd, None
        if fd is not None:
            give_back(fd, self.path)


def acquire(meeting: Path) -> MeetingLock | None:
    """Take the meeting's lock: None when another program holds it (`holder` says who); the lock this
    program holds already when it is ours. LockError when the lock file cannot be made or locked."""
    path = lock_path(meeting)
    key = os.path.abspath(path)
    with _registry:
        if key in _held:
            return _held[key]
        try:
            fd = hold(path)
        except OSError as error:
            raise LockError(f"kan het slot {path} niet nemen: {error.strerror or error}") from None
        if fd is None:
            return None
        previous = _read_holder(fd)
        if previous is not None and previous.host != HOST and time.time() - os.fstat(fd).st_mtime < STALE_SECONDS:
            _unlock(fd)  # held on the other laptop: its file stays
            os.close(fd)
            return None
        _held[key] = lock = MeetingLock(path, fd)
        return lock


def release(meeting: Path) -> None:
    """Give back the meeting's lock, if this program holds it."""
    with _registry:
        lock = _held.pop(os.path.abspath(lock_path(meeting)), None)
    if lock is not None:
        lock.release()


def holder(meeting: Path) -> str:
    """Who holds the meeting's lock, in words for the read-only window ("al geopend op …")."""
    try:
        fd = os.open(lock_path(meeting), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | SAFE_FLAGS)
    except OSError:
        return "al geopend in een ander venster"
    try:
        found = _read_holder(fd) if stat.S_ISREG(os.fstat(fd).st_mode) else None
    finally:
        os.close(fd)
    return found.describe() if found else "al geopend in een ander venster"


def _read_holder(fd: int) -> Holder | None:
    """The holder an open lock file names; None for an empty, old (a pid) or unreadable one."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        table = tomllib.loads(os.read(fd, HOLDER_ROOM).decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # ValueError: not UTF-8, not TOML
        return None
    host, pid, since = table.get("host"), table.get("pid"), table.get("since")
    if not (isinstance(host, str) and clean(host) and isinstance(pid, int) and isinstance(since, datetime)):
        return None
    return Holder(clean(host)[:64], pid, since)
