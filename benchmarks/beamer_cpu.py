"""CPU used by `lerend-tui beamer` while a phase counts down, against a minimal Textual app that
updates a Digits once a second; both run at the same time, in terminals of the same size. The CPU is that
of each whole process (every thread, as its resource usage counts it); the main threads' ratio is printed
beside it."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from lerend_tui.common.clock import SystemClock
from lerend_tui.meeting.running import Meeting, new_meeting_record
from lerend_tui.storage.live import LiveState, write_live
from lerend_tui.templates import load_templates

from .ptyrun import Running

PROGRAM = str(Path(sys.executable).with_name("lerend-tui"))
BASELINE = [sys.executable, "-m", "benchmarks.ticking_app"]
GOAL_RATIO, GOAL_SHARE = 1.2, 0.02
SECONDS = 10.0


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU time so far of a whole process (all its threads, as its resource usage would count it) and of
    its main thread alone, to the nanosecond (Linux's scheduler statistics, per thread)."""
    def used(task: Path) -> float:
        return int((task / "schedstat").read_text().split()[0]) / 1e9

    threads = [used(task) for task in Path(f"/proc/{pid}/task").iterdir()]
    return sum(threads), used(Path(f"/proc/{pid}"))


def run(seconds: float = SECONDS) -> tuple[float, float, float]:
    """(CPU of the beamer ÷ that of the baseline, its share of one core, the same ratio of main threads)."""
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
            ours_end, base_end = cpu_seconds(ours.pid), cpu_seconds(base.pid)
    ours_used, ours_main = ours_end[0] - ours_start[0], ours_end[1] - ours_start[1]
    base_used, base_main = base_end[0] - base_start[0], base_end[1] - base_start[1]
    return ours_used / max(base_used, 1e-9), ours_used / seconds, ours_main / max(base_main, 1e-9)


def report() -> bool:
    ratio, share, main_ratio = run()
    ok = ratio <= GOAL_RATIO and share < GOAL_SHARE
    print(f"{'CPU van de beamer':<28} {ratio:5.2f}× de minimale Textual-app met Digits   (doel ≤ {GOAL_RATIO}×)"
          f"   {share:.1%} van één kern (doel < {GOAL_SHARE:.0%})  {'ok' if ok else 'TE HOOG'}"
          f"   (alleen de hoofdthreads: {main_ratio:.2f}×)")
    return ok
