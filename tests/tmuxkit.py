"""Drive the real program in a real terminal: tmux on a private socket, keys in, screen text out."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

PROGRAM = Path(sys.executable).with_name("lerend-tui")

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


POLL = 0.02  # seconds between two looks at the screen: each look is one short `tmux capture-pane`


def wait_until(condition, what: str, timeout: float = 10.0):
    """Poll `condition()` until it gives something true, and return that; fail naming `what`."""
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        time.sleep(POLL)
    return result


class Terminal:
    """One program in its own tmux server (its own socket, so tests can run in parallel), at the size asked for."""

    def __init__(self, command: list[str], *, width: int = 120, height: int = 36, env: dict[str, str] | None = None):
        self.socket = f"lerend-test-{uuid.uuid4().hex}"
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in (env or {}).items())
        # COLUMNS/LINES from the caller's shell would override the pane's size for Rich.
        shell = f"unset COLUMNS LINES; {exports} {shlex.join(command)}; echo \"[afgesloten] code $?\"; sleep 60"
        size = ("-x", str(width), "-y", str(height))
        # A detached session has no client to take its size from: `window-size manual` keeps the size asked for
        # (tmux's default follows the latest client and falls back to default-size, 80x24, on some versions).
        self._tmux("new-session", "-d", *size, shell, ";", "set-option", "-g", "window-size", "manual",
                   ";", "set-option", "-g", "default-size", f"{width}x{height}")
        if self.size() != (width, height):
            self._tmux("resize-window", *size)
        self.socket_path = Path(self._tmux("display-message", "-p", "#{socket_path}").strip())
        if (got := self.size()) != (width, height):
            self.close()
            raise AssertionError(f"tmux gave a {got[0]}x{got[1]} terminal, not {width}x{height}")

    def _tmux(self, *args: str) -> str:
        # -f /dev/null: a developer's ~/.tmux.conf (its sizes, status line, keys) does not change the tests.
        command = ["tmux", "-L", self.socket, "-f", "/dev/null", *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def size(self) -> tuple[int, int]:
        width, height = self._tmux("display-message", "-p", "#{window_width} #{window_height}").split()
        return int(width), int(height)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p")

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-l", text)

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        """Poll the screen until `text` shows; fail with the screen as it was."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear within {timeout} s; the screen:\n{screen}")
            time.sleep(POLL)

    def program_pid(self) -> int:
        """The pid of the program the terminal runs (the pane's shell runs it as its child)."""
        shell = self._tmux("display-message", "-p", "#{pane_pid}").strip()
        children = wait_until(lambda: subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split(),
                              "the program to start")
        return int(children[0])

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        self.socket_path.unlink(missing_ok=True)  # kill-server leaves the socket file behind
