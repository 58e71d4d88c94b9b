"""CPU used by `lerend-tui beamer` while a phase counts down, against a minimal Textual app that
updates a Digits once a second; both run at the same time, in terminals of the same size."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from lerend_tui.clock import SystemClock
from lerend_tui.live import LiveState, write_live
from lerend_tui.meeting import Meeting, new_meeting_record
from lerend_tui.plan import load_templates

from .ptyrun import Running

PROGRAM = str(Path(sys.executable).with_name("lerend-tui"))
BASELINE = [sys.executable, "-m", "benchmarks.ticking_app"]
GOAL_RATIO, GOAL_SHARE = 1.2, 0.02
SECONDS = 10.0


def cpu_seconds(pid: int) -> float:
    """CPU time of a process so far, to the nanosecond (Linux's scheduler statistics)."""
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9


def run(seconds: float = SECONDS) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as data:
        clock = SystemClock()
        record = new_meeting_record(load_templates().get("bijeenkomst"), title="Benchmark", participants=[],
                                    planned_start=clock.now())
        meeting = Meeting(record, clock, rng=random.Random(1))
        meeting.toggle_timer()
        write_live(Path(data) / "live.toml", LiveState.capture(meeting))  # this process is the live meeting
        with Running([PROGRAM, "--data-dir", data, "beamer"], b"Opstart") as ours, \
             Running(BASELINE) as base:
            time.sleep(2)  # past start-up: measure the steady state only
            ours_start, base_start = cpu_seconds(ours.pid), cpu_seconds(base.pid)
            time.sleep(seconds)
            ours_used, base_used = cpu_seconds(ours.pid) - ours_start, cpu_seconds(base.pid) - base_start
    return ours_used / max(base_used, 1e-9), ours_used / seconds


def report() -> bool:
    ratio, share = run()
    ok = ratio <= GOAL_RATIO and share < GOAL_SHARE
    print(f"{'CPU van de beamer':<28} {ratio:5.2f}× de minimale Textual-app met Digits   (doel ≤ {GOAL_RATIO}×)"
          f"   {share:.1%} van één kern (doel < {GOAL_SHARE:.0%})  {'ok' if ok else 'TE HOOG'}")
    return ok
