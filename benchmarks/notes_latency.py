"""Key-to-screen latency in the notes pane with 1 MiB of notes, autosave on against autosave off.

What is measured: `benchmarks.notes_app` starts the meeting screen (as `lerend-tui start` does) on a
meeting whose current phase holds 1 MiB of realistic notes (some 17,000 lines, 1,400 of them items),
with the cursor at their end, on a real pseudo-terminal of 120×36. The benchmark types into it like a
person: bursts of 4–8 printable keys 70–150 ms apart, each burst closed with Enter, then a pause of the
save delay (0.8 s) plus 0–120 ms. With autosave on, every pause starts a save of the whole meeting
just before or as the next burst's first keys come in. Each printable key is a letter typed nowhere
else in the run (Cyrillic, Greek, Latin Extended-A and -B), so its latency is the time from writing it
to the pty until it appears in what the program draws: through the terminal driver, Textual's input
parsing, the TextArea edit, the screen's change handler, the compositor and the output (Enter itself
is not timed).

One program is typed into for the whole run, in blocks of `BURSTS` bursts that alternate autosave off
and on (off: the save delay set a day ahead, so no save happens, though every keystroke still
restarts the timer; on: the product's 0.8 s), switched by a signal just before the Enter that starts
the block's first pause. So both see the same process, heap and machine within seconds of each other.
First the program is left to settle for a second and a block with autosave on warms it up (the first
save's one-off costs included); that block is not counted.

Figures:
- per pair of blocks (off, then on), the median latency with autosave on over the median with it off;
  the median of those ratios (goal ≤ 1.2×);
- the worst delay a save caused: the slowest of the keystrokes sent while a save may be running (from
  the save delay after a burst's Enter until `SAVE_WINDOW` later; a save of this meeting takes some
  0.1 s from its timer until the file is replaced) in a block with autosave on, minus the median
  keystroke of the block before it with autosave off; the largest over the pairs (goal ≤ 50 ms). Any
  other hiccup of such a keystroke (a garbage collection, the machine) counts as the save's too; for
  comparison the report also gives the slowest of the keystrokes sent at those moments of the bursts
  with autosave off.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass

from lerend_tui.autosave import PAUSE as SAVE_DELAY

from .ptyrun import Running

GOAL_RATIO, GOAL_DELAY_MS = 1.2, 50.0
PAIRS = 5
BURSTS = 3  # per block
SAVE_WINDOW = 0.2  # seconds; a save of this meeting takes some 0.1 s from its timer to the file replaced
SETTLE = 1.0  # seconds from the first screen to the first key: start-up's own work (a full wrap of the notes,
# a series of garbage collections of all it built) is over by then
# Letters that appear nowhere on the screen or in the notes, each typed once per run.
LETTERS = [chr(code) for code in (*range(0x0410, 0x0450), *range(0x03B1, 0x03CA), *range(0x0391, 0x03AA),
                                  *range(0x0100, 0x0250)) if chr(code).isalpha() and code != 0x03A2]


@dataclass(frozen=True)
class Keystroke:
    block: int
    """0 is the warm-up; then odd blocks have autosave off, even ones on."""
    latency: float
    """Seconds from typing it to seeing it."""
    at_save: bool
    """Sent while a save may be running, were autosave on."""


def _wait_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.perf_counter()))


def typing_run(pairs: int = PAIRS, seed: int = 1) -> list[Keystroke]:
    """One program started fresh, typed into as described above: every printable key."""
    rng = random.Random(seed)
    letters = iter(LETTERS)
    keystrokes: list[Keystroke] = []
    autosave = [True] + [False, True] * pairs
    with tempfile.TemporaryDirectory() as data, \
         Running([sys.executable, "-m", "benchmarks.notes_app", data, "on"], b"Notities", timeout=60) as running:
        time.sleep(SETTLE)
        save_starts = -1.0
        for block, on in enumerate(autosave):
            for burst in range(BURSTS):
                for _ in range(rng.randint(4, 8)):
                    letter = next(letters).encode()
                    sent = time.perf_counter()
                    latency = running.send_and_time(letter, letter)
                    keystrokes.append(Keystroke(block, latency, 0 <= sent - save_starts <= SAVE_WINDOW))
                    _wait_until(sent + rng.uniform(0.07, 0.15))
                if burst == BURSTS - 1 and block + 1 < len(autosave):  # the coming pause is the next block's
                    os.kill(running.pid, signal.SIGUSR1 if autosave[block + 1] else signal.SIGUSR2)
                    time.sleep(0.01)
                sent = time.perf_counter()
                os.write(running.fd, b"\r")  # Enter: a new line for the next burst
                save_starts = sent + SAVE_DELAY
                _wait_until(save_starts + rng.uniform(0.0, 0.12))
    return keystrokes


def run(pairs: int = PAIRS) -> dict[str, float]:
    keystrokes = typing_run(pairs)

    def latencies(block: int, at_save: bool = False) -> list[float]:
        return [key.latency for key in keystrokes if key.block == block and (key.at_save or not at_save)]

    ratios, save_delays = [], []
    for pair in range(pairs):
        off, on = 2 * pair + 1, 2 * pair + 2
        ratios.append(statistics.median(latencies(on)) / statistics.median(latencies(off)))
        save_delays.append(max(latencies(on, at_save=True)) - statistics.median(latencies(off)))
    off_blocks, on_blocks = range(1, 2 * pairs + 1, 2), range(2, 2 * pairs + 2, 2)
    return {
        "ratio": statistics.median(ratios), "save_delay": max(save_delays),
        "off_median": statistics.median(x for block in off_blocks for x in latencies(block)),
        "on_median": statistics.median(x for block in on_blocks for x in latencies(block)),
        "keys": sum(len(latencies(block)) for block in on_blocks),
        "at_save": sum(len(latencies(block, at_save=True)) for block in on_blocks),
        "on_saving_max": max(x for block in on_blocks for x in latencies(block, at_save=True)),
        "off_saving_max": max(x for block in off_blocks for x in latencies(block, at_save=True)),
    }


def report() -> bool:
    r = run()
    ratio_ok, delay_ok = r["ratio"] <= GOAL_RATIO, r["save_delay"] * 1000 <= GOAL_DELAY_MS
    print(f"{'notities typen (1 MiB)':<28} {r['ratio']:5.2f}× zonder autosave (mediaan, doel ≤ {GOAL_RATIO}×)  "
          f"{'ok' if ratio_ok else 'TE HOOG'}   (toets tot scherm {r['on_median'] * 1000:.1f} ms met, "
          f"{r['off_median'] * 1000:.1f} ms zonder; {r['keys']} toetsen met)")
    print(f"{'vertraging door opslaan':<28} {r['save_delay'] * 1000:5.1f} ms hoogstens   (doel ≤ {GOAL_DELAY_MS:g} ms)  "
          f"{'ok' if delay_ok else 'TE HOOG'}   ({r['at_save']} toetsen tijdens het opslaan: de traagste "
          f"{r['on_saving_max'] * 1000:.0f} ms, zonder autosave op die momenten {r['off_saving_max'] * 1000:.0f} ms)")
    return ratio_ok and delay_ok
