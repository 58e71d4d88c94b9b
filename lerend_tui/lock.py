"""One program writes a meeting at a time: a lock file beside the meeting file holds the writer's pid.

A second program that opens the same meeting gets no lock and shows it read-only; a lock left behind
by a program that died (its pid is gone) is taken over.
"""

from __future__ import annotations

import os
from pathlib import Path

from .live import process_alive


def lock_path(meeting: Path) -> Path:
    return meeting.with_name(meeting.name + ".lock")


def acquire(meeting: Path) -> bool:
    """Take the meeting's lock; False when another living program holds it."""
    path = lock_path(meeting)
    for _ in range(2):  # a stale lock is removed once, then taken
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = _holder(path)
            if holder is not None and holder != os.getpid() and process_alive(holder):
                return False
            if holder == os.getpid():
                return True
            path.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w") as handle:
            handle.write(str(os.getpid()))
        return True
    return False


def release(meeting: Path) -> None:
    """Give the lock back, if it is ours."""
    path = lock_path(meeting)
    if _holder(path) == os.getpid():
        path.unlink(missing_ok=True)


def _holder(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None
