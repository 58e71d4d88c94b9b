"""Launch-to-first-screen and peak memory of `lerend-tui start`, against the minimal Textual app.

Runs alternate (baseline, lerend-tui, baseline, …) so drift in the machine's load hits both alike;
the figure is the median of the per-pair ratios. Beside it, without a goal, the same ratio of the meeting
screen's layout made of Textual's own widgets (`meeting_layout_app`): the part of the figure that is the
screen itself, before any of the program's code.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from .ptyrun import launch

PROGRAM = str(Path(sys.executable).with_name("lerend-tui"))
BASELINE = [sys.executable, "-m", "benchmarks.baseline_app"]
LAYOUT = [sys.executable, "-m", "benchmarks.meeting_layout_app"]
GOALS = {"launch": 1.15, "memory": 1.5}  # launch: issue #16
MARKER = b"Opstart en check-in"
"""On the first screen: the first phase's title."""
AS_INSTALLED = {"PYTHONDONTWRITEBYTECODE": ""}
"""Both programs may cache their compiled bytecode, as on a user's machine (an environment that sets
PYTHONDONTWRITEBYTECODE would otherwise make our package compile on every launch, and Textual, precompiled
in site-packages, not)."""


def run(pairs: int = 11) -> dict[str, float]:
    time_ratios, memory_ratios, layout_ratios = [], [], []
    with tempfile.TemporaryDirectory() as data:
        program = [PROGRAM, "--data-dir", data, "start", "--title", "Benchmark"]
        for argv, marker in ((BASELINE, b"baseline-ready"), (program, MARKER), (LAYOUT, MARKER)):
            launch(argv, marker, env=AS_INSTALLED)  # warm the file and bytecode caches for each
        for _ in range(pairs):
            base = launch(BASELINE, b"baseline-ready", env=AS_INSTALLED)
            ours = launch(program, MARKER, env=AS_INSTALLED)
            layout = launch(LAYOUT, MARKER, env=AS_INSTALLED)
            time_ratios.append(ours.seconds_to_marker / base.seconds_to_marker)
            memory_ratios.append(ours.peak_rss_kib / base.peak_rss_kib)
            layout_ratios.append(layout.seconds_to_marker / base.seconds_to_marker)
    return {"launch": statistics.median(time_ratios), "memory": statistics.median(memory_ratios),
            "layout": statistics.median(layout_ratios)}


def report() -> bool:
    figures = run()
    ok = True
    for name, label in (("launch", "start tot eerste scherm"), ("memory", "piekgeheugen")):
        ratio, goal = figures[name], GOALS[name]
        ok &= ratio <= goal
        verdict = "ok" if ratio <= goal else "TE HOOG"
        print(f"{label:<28} {ratio:5.2f}× de minimale Textual-app   (doel ≤ {goal}×) {verdict}")
    print(f"{'ondergrens: dat scherm kaal':<28} {figures['layout']:5.2f}× de minimale Textual-app   "
          "(de indeling van het eerste scherm in Textual's eigen widgets, zonder lerend-tui)")
    return ok
