"""What the commands share: their Dutch errors and warnings, `--json`, `-o BESTAND`, reading the meetings,
and output that is safe for the terminal.

Loaded by `start` too, so it imports nothing that `start` does not need (`json` loads only for `--json`).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TextIO

from lerend_tui.common.paths import Paths
from lerend_tui.common.sanitise import clean
from lerend_tui.storage.meetings import MeetingStore, atomic_write_text

P = ParamSpec("P")


class CliError(Exception):
    """A problem the user can fix; printed in Dutch, exit code 2."""


def warn(message: str) -> None:
    """One line on stderr, after the program's name, as every warning and error of the commands."""
    print(f"lerend-tui: {message}", file=sys.stderr)


def warn_each(label: str, problems: Iterable[object]) -> None:
    """A line per problem, such as "lerend-tui: onleesbaar: <file, line and what was expected>"."""
    for problem in problems:
        warn(f"{label}: {problem}")


def print_json(value: Any) -> None:
    import json

    print(json.dumps(value, ensure_ascii=False, indent=2))


def deliver(text: str, output: str | None, what: str, *, end: str = "\n", line_ends_kept: bool = False) -> None:
    """`-o BESTAND`: the text written there (atomically) and a line that says so; without it, on the screen.
    `line_ends_kept`: a text already cleaned whose CRLF line ends (an iCalendar file's) must reach a pipe as they
    are, which the terminal-safe output (`terminal_safe_output`) would take the CR of."""
    if output:
        atomic_write_text(Path(output), text)
        print(f"{what} geschreven naar {output}")
    elif line_ends_kept:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        print(text, end=end)


def meeting_store(paths: Paths) -> MeetingStore:
    """The data dir's meetings, to read only: a data dir without meetings yet is left as it is."""
    return MeetingStore.of(paths)


def quiet_broken_pipe(command: Callable[P, int]) -> Callable[P, int]:
    """A command whose reader stops early (`| head`) stops quietly, with exit code 1."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return command(*args, **kwargs)
        except BrokenPipeError:  # the recipe in Python's signal docs
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1

    return run


class _TerminalSafe:
    """A text stream that passes on what is written to it without control characters (`sanitise.clean`)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(clean(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """Everything the commands print goes through `clean`: a meeting title, a file name or an error message
    from a file reaches the terminal as text, never as an escape sequence it obeys. (The app draws through
    its own stream, `sys.__stderr__`, and is not affected.)"""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalSafe(sys.stdout), _TerminalSafe(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = streams
