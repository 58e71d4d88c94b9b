"""Another program that holds a lock: a child process, so that the lock is really someone else's."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOLD_MEETING = """
import sys
from pathlib import Path
from lerend_tui.storage.lock import acquire
assert acquire(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.read()
"""

PUBLISH_LIVE = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from lerend_tui.storage.live import LiveState, write_live, WRITER
write_live(Path(sys.argv[1]), LiveState(
    writer=WRITER, title="Zorgnetwerk Zuid", network="", phase_title="Check-in", phase_number=1, phase_count=5,
    focus="phase", step_label="", step_instruction="", speaker="", next_speaker="", round_progress="",
    coming_up="", planned_seconds=600.0, elapsed_seconds=0.0, phase_planned_seconds=600.0,
    phase_elapsed_seconds=0.0, step_planned_seconds=0.0, step_elapsed_seconds=0.0, running=True,
    measured_at=datetime(2026, 11, 24, 18, 0, tzinfo=timezone.utc), warning_seconds=120.0, count_up=True,
    started=True, planned_start=datetime(2026, 11, 24, 18, 0, tzinfo=timezone.utc)))
print(WRITER, flush=True)
sys.stdin.read()
"""

PUBLISH_ENDED = PUBLISH_LIVE.replace("started=True,", "started=True, ended=True,")
"""A program whose meeting on the beamer was finished, and which still runs."""


@contextmanager
def child(script: str, path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Run `script` with `path` in a child process until the block ends; yields it and the line it printed
    once ready. The child ends when its stdin closes; the block may also kill it."""
    process = subprocess.Popen([sys.executable, "-c", script, str(path)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline().strip()
        assert line, "the child did not get ready"
        yield process, line
    finally:
        process.stdin.close()
        process.wait(10)
        process.stdout.close()


@contextmanager
def held_elsewhere(meeting: Path) -> Iterator[subprocess.Popen[str]]:
    """The meeting's lock, held by another program for the length of the block."""
    with child(HOLD_MEETING, meeting) as (process, _):
        yield process
