"""How far the beamer's shown time is from the clock, sampled over a minute: the largest error and
its trend. Measured the same way on a minimal Textual app whose Digits counts its own ticks."""

from __future__ import annotations

import asyncio
import math
import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Digits

from lerend_tui.app import FollowerApp
from lerend_tui.common.clock import SystemClock
from lerend_tui.common.paths import Paths
from lerend_tui.meeting.running import Meeting, new_meeting_record
from lerend_tui.storage.live import LiveState, write_live
from lerend_tui.templates import load_templates
from lerend_tui.widgets.big_clock import BigClock

SECONDS = 60.0
SAMPLE = 0.02
PLANNED = 600.0
GOAL_MAX = 0.5


class TickCounter(App[None]):
    """The naive timer: a Digits that takes a second off for every tick of a one-second interval."""

    def compose(self) -> ComposeResult:
        yield Digits("10:00")

    def on_mount(self) -> None:
        self.started = time.monotonic()
        self.left = int(PLANNED)
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        self.left -= 1
        self.query_one(Digits).update(f"{self.left // 60:02d}:{self.left % 60:02d}")


def seconds_shown(text: str) -> int:
    minutes, seconds = text.lstrip("+").split(":")
    return int(minutes) * 60 + int(seconds)


def error(shown: int, remaining: float) -> float:
    """How far the true remaining time is from what a countdown showing `shown` seconds means
    (ceil: "10:00" means more than 599 and at most 600 seconds left)."""
    if remaining > 0:
        return max(remaining - shown, (shown - 1) - remaining, 0.0)
    return abs(math.ceil(remaining) - remaining)


async def sample(app: App, shown, started, seconds: float) -> list[tuple[float, float]]:
    """(time, error) every few milliseconds; `started(app)` is when its countdown began."""
    samples = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        started = started(app)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            now = time.monotonic()
            samples.append((now, error(seconds_shown(shown(app)), PLANNED - (now - started))))
            await asyncio.sleep(SAMPLE)
    return samples


def trend(samples: list[tuple[float, float]]) -> float:
    """The slope of the error, in seconds per minute (least squares)."""
    times = [t for t, _ in samples]
    return statistics.linear_regression(times, [e for _, e in samples]).slope * 60


def run(seconds: float = SECONDS) -> dict[str, tuple[float, float]]:
    results = {}
    with tempfile.TemporaryDirectory() as data:
        clock = SystemClock()
        record = new_meeting_record(load_templates().get("bijeenkomst"), title="Benchmark", participants=[],
                                    planned_start=clock.now())
        meeting = Meeting(record, clock)
        started = time.monotonic()
        meeting.toggle_timer()
        write_live(Path(data) / "live.toml", LiveState.capture(meeting))
        follower = FollowerApp(Paths(Path(data), Path(data) / "config"))
        ours = asyncio.run(sample(follower, lambda app: app.screen.query_one(BigClock).text,
                                  lambda app: started, seconds))
        base = asyncio.run(sample(TickCounter(), lambda app: app.query_one(Digits).value,
                                  lambda app: app.started, seconds))
    for name, samples in (("ours", ours), ("base", base)):
        results[name] = (max(e for _, e in samples), trend(samples))
    return results


def report() -> bool:
    results = run()
    (ours_max, ours_trend), (base_max, base_trend) = results["ours"], results["base"]
    ok = ours_max <= GOAL_MAX and ours_trend <= 0.01
    print(f"{'timerfout van de beamer':<28} max {ours_max:.2f} s, trend {ours_trend:+.3f} s/min "
          f"(doel: max ≤ {GOAL_MAX} s, geen groei) {'ok' if ok else 'TE HOOG'}")
    print(f"{'':<28} ter vergelijking, een minimale Textual-app die tikken telt: max {base_max:.2f} s, "
          f"trend {base_trend:+.3f} s/min")
    return ok
