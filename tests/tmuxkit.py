"""Drive the real program in a real terminal: tmux on a private socket, keys in, screen text out."""

from __future__ import annotations

import re
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
_CELL = re.compile(r"\x1b\[([0-9;]*)m|(.)")
"""A line of `capture-pane -e`: colour changes and the characters between them."""


def _sgr(escape: str, foreground: str, background: str) -> tuple[str, str]:
    """The colours after the escape sequence `escape` (its parameters, as in `38;5;231`)."""
    codes = escape.split(";") if escape else ["0"]
    index = 0
    while index < len(codes):
        code = codes[index]
        if code in ("38", "48"):
            width = 3 if codes[index + 1] == "5" else 5  # 38;5;N or 38;2;R;G;B
            colour = ";".join(codes[index + 1:index + width])
            foreground, background = (colour, background) if code == "38" else (foreground, colour)
            index += width
            continue
        if code in ("0", ""):
            foreground = background = "default"
        elif code == "39":
            foreground = "default"
        elif code == "49":
            background = "default"
        elif code.isdigit() and (30 <= int(code) <= 37 or 90 <= int(code) <= 97):
            foreground = code
        elif code.isdigit() and (40 <= int(code) <= 47 or 100 <= int(code) <= 107):
            background = code
        index += 1
    return foreground, background


def _found(pattern: list[str], screen: list[str]) -> bool:
    """Whether the rows of `pattern` stand one under the other somewhere in `screen`, in the same columns."""
    first = pattern[0]
    for top in range(len(screen) - len(pattern) + 1):
        start = screen[top].find(first)
        while start >= 0:
            if all(screen[top + row][start:start + len(line)] == line for row, line in enumerate(pattern)):
                return True
            start = screen[top].find(first, start + 1)
    return False


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

    def blocks(self) -> list[str]:
        """The screen as block characters, for what is drawn in cell backgrounds (the beamer's digits and big
        letters): a cell in another colour than the screen's background is `█`, a lower half block `▄` or
        `▀` by which half differs from the background, any other character as it is."""
        grid = []
        foreground = background = "default"  # tmux carries the colours on from one line to the next
        for line in self._tmux("capture-pane", "-p", "-e").split("\n"):
            cells = []
            for escape, char in _CELL.findall(line):
                if escape:
                    foreground, background = _sgr(escape, foreground, background)
                else:
                    cells.append((char, foreground, background))
            grid.append(cells)
        backgrounds = [background for cells in grid for _, _, background in cells]
        paper = max(set(backgrounds), key=backgrounds.count) if backgrounds else "default"
        return ["".join(("█" if background != paper else " ") if char == " " else
                        ({(False, True): "▄", (True, False): "▀", (True, True): "█"}.get(
                            (background != paper, foreground != paper), " ") if char == "▄" else char)
                        for char, foreground, background in cells) for cells in grid]

    def shows_big(self, text: str) -> bool:
        """Whether the screen shows `text` in the beamer's big letters (or digits), at any scale, ink on paper
        or the other way round (the pause's inverted band)."""
        from lerend_tui.beamer.font import DIGITS, LETTERS, Scale

        screen = self.blocks()
        inverted = str.maketrans("█ ▀▄", " █▄▀")
        for font in (LETTERS, DIGITS):
            if set(font.text(text)) - set(font.glyphs):
                continue
            for sx in range(1, 9):
                for hy in range(1, 17):
                    rows = font.render(text, Scale(sx, hy))
                    for pattern in (rows, [row.translate(inverted) for row in rows]):
                        if _found(pattern, screen):
                            return True
        return False

    def wait_for_big(self, text: str, timeout: float = 10.0) -> None:
        """Poll the screen until it shows `text` in big letters (`shows_big`); fail with the screen as it was."""
        deadline = time.monotonic() + timeout
        while not self.shows_big(text):
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear in big letters within {timeout} s; the screen:\n"
                                     + "\n".join(self.blocks()))
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
