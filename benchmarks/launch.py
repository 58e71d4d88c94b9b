"""Launch-to-first-screen and peak memory of `lerend-tui start`, against the minimal Textual app.

Runs alternate (baseline, lerend-tui, baseline, …) so drift in the machine's load hits both alike;
the figure is the median of the per-pair ratios.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from .ptyrun import launch

PROGRAM = str(Path(sys.executable).with_name("lerend-tui"))
BASELINE = [sys.executable, "-m", "benchmarks.baseline_app"]
GOALS = {"launch": 1.15, "memory": 1.5}  # launch: issue #16
AS_INSTALLED = {"PYTHONDONTWRITEBYTECODE": ""}
"""Both programs may cache their compiled bytecode, as on a user's machine (an environment that sets
PYTHONDONTWRITEBYTECODE would otherwise make our package compile on every launch, and Textual, precompiled
in site-packages, not)."""


def run(pairs: int = 11) -> dict[str, float]:
    time_ratios, memory_ratios = [], []
    with tempfile.TemporaryDirectory() as data:
        program = [PROGRAM, "--data-dir", data, "start", "--title", "Benchmark"]
        launch(BASELINE, b"baseline-ready", env=AS_INSTALLED)  # warm the file and bytecode caches for both
        launch(program, b"Opstart en check-in", env=AS_INSTALLED)
        for _ in range(pairs):
            base = launch(BASELINE, b"baseline-ready", env=AS_INSTALLED)
            ours = launch(program, b"Opstart en check-in", env=AS_INSTALLED)
            time_ratios.append(ours.seconds_to_marker / base.seconds_to_marker)
            memory_ratios.append(ours.peak_rss_kib / base.peak_rss_kib)
    return {"launch": statistics.median(time_ratios), "memory": statistics.median(memory_ratios)}


def report() -> bool:
    figures = run()
    ok = True
    for name, label in (("launch", "start tot eerste scherm"), ("memory", "piekgeheugen")):
        ratio, goal = figures[name], GOALS[name]
        ok &= ratio <= goal
        verdict = "ok" if ratio <= goal else "TE HOOG"
        print(f"{label:<28} {ratio:5.2f}× de minimale Textual-app   (doel ≤ {goal}×) {verdict}")
    return ok
