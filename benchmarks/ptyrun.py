"""Run a program in a pseudo-terminal: how long until a marker is on screen, and its peak memory."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Launch:
    seconds_to_marker: float
    peak_rss_kib: int


def launch(argv: list[str], marker: bytes, *, env: dict[str, str] | None = None, size=(120, 36),
           quit_keys: bytes = b"\x11", timeout: float = 30.0) -> Launch:
    """Start `argv` on a pty of `size`, wait until `marker` is drawn, then quit it with `quit_keys`."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child
        os.execvpe(argv[0], argv, {**os.environ, "TERM": "xterm-256color", **(env or {})})
    columns, rows = size
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    seen = b""
    shown_at = None
    deadline = start + timeout
    try:
        while shown_at is None:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{marker!r} did not appear on screen: {seen[-400:]!r}")
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                seen += os.read(fd, 65536)
                if marker in seen:
                    shown_at = time.perf_counter()
        os.write(fd, quit_keys)
        _drain_until_exit(fd, deadline)
        _, status, usage = os.wait4(pid, 0)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(fd)
    return Launch(shown_at - start, usage.ru_maxrss)


def _drain_until_exit(fd: int, deadline: float) -> None:
    """Keep reading so the child never blocks on a full pty; the pty closes when the child exits."""
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                if not os.read(fd, 65536):
                    return
            except OSError:  # the child closed the pty: it is exiting
                return
