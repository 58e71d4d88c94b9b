"""Run a program in a pseudo-terminal, as a user's terminal would: time until something is on screen,
CPU and peak memory."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Launch:
    seconds_to_marker: float
    peak_rss_kib: int


class Running:
    """A program on a pty of `size`, its output drained in the background so it never blocks.

    On entering, waits until `marker` (if given) has been drawn; on leaving, quits it with `quit_keys`
    (killing it if it does not stop) and keeps its resource usage in `usage`.
    """

    def __init__(self, argv: list[str], marker: bytes | None = None, *, env: dict[str, str] | None = None,
                 size=(120, 36), quit_keys: bytes = b"\x11", timeout: float = 30.0) -> None:
        self.argv, self.marker, self.env, self.size = argv, marker, env or {}, size
        self.quit_keys, self.timeout = quit_keys, timeout
        self.seen = b""
        self.marker_at: float | None = None
        self._marker_event = threading.Event()
        self._output = bytearray()  # everything drawn since the marker, for `send_and_time`
        self._arrivals: list[tuple[int, float]] = []  # where in it each read began, and when (`drawn_after`)
        self._output_changed = threading.Condition()

    def __enter__(self) -> Running:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.execvpe(self.argv[0], self.argv, {**os.environ, "TERM": "xterm-256color", **self.env})
        columns, rows = self.size
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()
        if self.marker is not None and not self._marker_event.wait(self.timeout):
            self._kill()
            raise TimeoutError(f"{self.marker!r} did not appear on screen: {self.seen[-400:]!r}")
        return self

    def _drain(self) -> None:
        while True:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # the program closed the pty: it has exited
                return
            if not chunk:
                return
            if self.marker_at is None:
                self.seen = (self.seen + chunk)[-65536:]
                if self.marker is not None and self.marker in self.seen:
                    self.marker_at = time.perf_counter()
                    self._marker_event.set()
            else:
                with self._output_changed:
                    self._arrivals.append((len(self._output), time.perf_counter()))
                    self._output += chunk
                    self._output_changed.notify_all()

    def send_and_time(self, keys: bytes, expect: bytes, timeout: float = 5.0) -> float:
        """Type `keys` and return the seconds until `expect` is in what the program draws after that.

        `expect` must be something the program has not drawn since the marker (a character typed for the
        first time, say), so that finding it means the keys have taken effect on screen.
        """
        with self._output_changed:
            start = len(self._output)
        sent = time.perf_counter()
        os.write(self.fd, keys)
        deadline = sent + timeout
        with self._output_changed:
            while self._output.find(expect, start) < 0:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError(f"{expect!r} did not appear on screen after {keys!r}")
                self._output_changed.wait(left)
            return time.perf_counter() - sent

    def mark(self) -> int:
        """Where what the program draws stands now, for `drawn_after`."""
        with self._output_changed:
            return len(self._output)

    def drawn_after(self, mark: int, timeout: float = 5.0) -> float:
        """When (`time.perf_counter`) the program first drew something after `mark`."""
        deadline = time.perf_counter() + timeout
        with self._output_changed:
            while len(self._output) <= mark:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError("the program drew nothing")
                self._output_changed.wait(left)
            return next(at for start, at in self._arrivals if start >= mark)

    def __exit__(self, *exc_info) -> None:
        try:
            os.write(self.fd, self.quit_keys)
        except OSError:
            pass
        self._reader.join(self.timeout)
        if self._reader.is_alive():
            self._kill()
        _, _, self.usage = os.wait4(self.pid, 0)
        os.close(self.fd)

    def _kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def launch(argv: list[str], marker: bytes, **options) -> Launch:
    """Start `argv`, wait until `marker` is drawn, quit it: time to the marker and peak memory."""
    with Running(argv, marker, **options) as running:
        pass
    return Launch(running.marker_at - running.started, running.usage.ru_maxrss)
