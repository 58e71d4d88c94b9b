"""Key-to-screen latency in the notes pane with 1 MiB of notes, typing that never pauses, autosave on
against autosave off.

What is measured: `benchmarks.notes_app` starts the meeting screen (as `lerend-tui start` does) on a
meeting whose current phase holds 1 MiB of realistic notes (some 17,000 lines, 1,400 of them items),
with the cursor at their end, on a real pseudo-terminal of 120×36. The benchmark types into it like a
facilitator typing along with a discussion: words of 3–7 printable keys 80–160 ms apart, each followed
by a space, 4–7 words on lines of their own (short of the pane's width: a word that wraps on the pane's
last row is not scrolled into view until the next key, and would look lost), and never a pause. So the
autosave's pause never comes: with autosave on, its ceiling saves the whole meeting every 0.7 s or so
while the keys keep coming. Each printable key is a letter typed nowhere else in the run (Cyrillic,
Greek, Latin Extended-A, -B and Additional), so its latency is the time from writing it to the pty until
it appears in what the program draws: through the terminal driver, Textual's input parsing, the
TextArea edit, the screen's change handler, the compositor and the output (space and Enter are not
timed).

One program is typed into for the whole run, in blocks of `BLOCK_SECONDS` that alternate autosave off
and on (off: nothing is saved, though every keystroke still restarts the save timer; on: the product's
deadline), switched by a signal just before a block's first key. So both see the same process, heap and
machine within seconds of each other. First the program is left to settle for a second and a block with
autosave on warms it up (the first save's one-off costs included); that block is not counted.

The program times the steps of every save (`notes_app.TimedStore`) and hands them over when it quits. A
keystroke is *during a save* when its way to the screen (from being sent until it is seen) overlaps a
save's, from taking the record until the file is written.

Figures:
- per pair of blocks (off, then on), the median latency with autosave on over the median with it off
  (keystrokes during a save that began before the switch left out); the median of those ratios (goal
  ≤ 1.2×);
- the worst delay a save caused: the slowest keystroke during a save in a block with autosave on, minus
  the median keystroke of the block before it with autosave off; the largest over the pairs (goal
  ≤ 50 ms). Any other hiccup of such a keystroke (a garbage collection, the machine) counts as the save's
  too; for comparison the report gives the slowest keystroke with autosave off;
- what a save costs: how many there were and how far apart, and the median and slowest of its steps:
  finding the items in the notes (`Meeting.snapshot`) and taking the record (`to_table`), then a moment
  later making its text, both on the main thread, and the writing in the worker. A save taken in a block
  with autosave off means the switch failed: the run does not count.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .notes_app import SAVES_FILE
from .ptyrun import Running

GOAL_RATIO, GOAL_DELAY_MS = 1.2, 50.0
PAIRS = 5
BLOCK_SECONDS = 4.0  # some five saves per block with autosave on
KEY_GAP = (0.08, 0.16)  # seconds between two keys
WORD = (3, 7)  # printable keys
LINE = (4, 7)  # words
SETTLE = 1.0  # seconds from the first screen to the first key: start-up's own work (a full wrap of the notes,
# a series of garbage collections of all it built) is over by then
# Letters that appear nowhere on the screen or in the notes, each typed once per run.
LETTERS = [chr(code) for code in (*range(0x0410, 0x0450), *range(0x03B1, 0x03CA), *range(0x0391, 0x03AA),
                                  *range(0x0100, 0x0250), *range(0x1E00, 0x1F00))
           if chr(code).isalpha() and code != 0x03A2]
STEPS = ("items", "table", "text", "write")


@dataclass(frozen=True)
class Keystroke:
    block: int
    """0 is the warm-up; then odd blocks have autosave off, even ones on."""
    sent: float
    """When it was written to the pty (`time.perf_counter`)."""
    latency: float
    """Seconds from typing it to seeing it."""

    @property
    def seen(self) -> float:
        return self.sent + self.latency


@dataclass(frozen=True)
class Save:
    """One save's steps as the program timed them (see `STEPS`), each (start, end) on `time.perf_counter`."""

    steps: dict[str, tuple[float, float]]

    @property
    def start(self) -> float:
        return self.steps["items"][0]

    @property
    def end(self) -> float:
        return self.steps["write"][1]

    def seconds(self, step: str) -> float:
        start, end = self.steps[step]
        return end - start

    def delays(self, keystroke: Keystroke) -> bool:
        """Whether this save ran while the keystroke was on its way to the screen."""
        return keystroke.sent <= self.end and self.start <= keystroke.seen


def _wait_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.perf_counter()))


def typing_run(pairs: int = PAIRS, seed: int = 1) -> tuple[list[Keystroke], list[Save]]:
    """One program started fresh, typed into as described above: every printable key, and every save."""
    rng = random.Random(seed)
    letters = iter(LETTERS)
    keystrokes: list[Keystroke] = []
    autosave = [True] + [False, True] * pairs
    with tempfile.TemporaryDirectory() as data:
        with Running([sys.executable, "-m", "benchmarks.notes_app", data, "on"], b"Notities", timeout=60) as running:
            time.sleep(SETTLE)
            os.write(running.fd, b"\r")  # a line of its own: the notes end in the middle of one
            time.sleep(0.1)
            for block, on in enumerate(autosave):
                if block:
                    os.kill(running.pid, signal.SIGUSR1 if on else signal.SIGUSR2)
                    time.sleep(0.01)
                block_ends = time.perf_counter() + BLOCK_SECONDS
                while time.perf_counter() < block_ends:
                    words = rng.randint(*LINE)
                    for word in range(words):
                        for _ in range(rng.randint(*WORD)):
                            letter = next(letters).encode()
                            sent = time.perf_counter()
                            keystrokes.append(Keystroke(block, sent, running.send_and_time(letter, letter)))
                            _wait_until(sent + rng.uniform(*KEY_GAP))
                        os.write(running.fd, b"\r" if word == words - 1 else b" ")
                        _wait_until(time.perf_counter() + rng.uniform(*KEY_GAP))
        saves = json.loads((Path(data) / SAVES_FILE).read_text(encoding="utf-8"))
    return keystrokes, [Save({step: tuple(save[step]) for step in STEPS}) for save in saves
                        if set(STEPS) <= save.keys()]


def run(pairs: int = PAIRS) -> dict[str, float]:
    keystrokes, every_save = typing_run(pairs)
    typing_ends = keystrokes[-1].seen
    saves = [save for save in every_save if save.start <= typing_ends]  # not the one on quitting

    def block_keys(block: int) -> list[Keystroke]:
        return [key for key in keystrokes if key.block == block]

    def during_save(key: Keystroke) -> bool:
        return any(save.delays(key) for save in saves)

    def saves_in(blocks) -> list[Save]:
        spans = [(block_keys(block)[0].sent, block_keys(block)[-1].seen) for block in blocks]
        return [save for save in saves if any(start <= save.start <= end for start, end in spans)]

    ratios, save_delays, off_slowest = [], [], []
    for pair in range(pairs):
        off = [key.latency for key in block_keys(2 * pair + 1) if not during_save(key)]
        on = block_keys(2 * pair + 2)
        ratios.append(statistics.median(key.latency for key in on) / statistics.median(off))
        save_delays.append(max(key.latency for key in on if during_save(key)) - statistics.median(off))
        off_slowest.append(max(off))
    off_blocks, on_blocks = range(1, 2 * pairs + 1, 2), range(2, 2 * pairs + 2, 2)
    on_saves = saves_in(on_blocks)
    on_keys = [key for block in on_blocks for key in block_keys(block)]
    starts = [save.start for save in on_saves]
    return {
        "ratio": statistics.median(ratios), "save_delay": max(save_delays),
        "off_median": statistics.median(key.latency for block in off_blocks for key in block_keys(block)),
        "on_median": statistics.median(key.latency for key in on_keys),
        "keys": len(on_keys), "during_save": sum(during_save(key) for key in on_keys),
        "on_saving_max": max(key.latency for key in on_keys if during_save(key)), "off_max": max(off_slowest),
        "saves": len(on_saves), "off_saves": len(saves_in(off_blocks)),
        "save_gap": statistics.median(later - earlier for earlier, later in itertools.pairwise(starts)),
        **{f"{step}_{kind}": pick(save.seconds(step) for save in on_saves) for step in STEPS
           for kind, pick in (("median", statistics.median), ("max", max))},
    }


def report() -> bool:
    r = run()
    ratio_ok, delay_ok = r["ratio"] <= GOAL_RATIO, r["save_delay"] * 1000 <= GOAL_DELAY_MS
    switched = r["off_saves"] == 0

    def ms(step: str) -> str:
        return f"{r[f'{step}_median'] * 1000:.0f}/{r[f'{step}_max'] * 1000:.0f} ms"

    print(f"{'notities doortypen (1 MiB)':<28} {r['ratio']:5.2f}× zonder autosave (mediaan, doel ≤ {GOAL_RATIO}×)  "
          f"{'ok' if ratio_ok else 'TE HOOG'}   (toets tot scherm {r['on_median'] * 1000:.1f} ms met, "
          f"{r['off_median'] * 1000:.1f} ms zonder; {r['keys']} toetsen met)")
    print(f"{'vertraging door opslaan':<28} {r['save_delay'] * 1000:5.1f} ms hoogstens   "
          f"(doel ≤ {GOAL_DELAY_MS:g} ms)  "
          f"{'ok' if delay_ok else 'TE HOOG'}   ({r['during_save']} toetsen tijdens het opslaan: de traagste "
          f"{r['on_saving_max'] * 1000:.0f} ms; zonder autosave de traagste {r['off_max'] * 1000:.0f} ms)")
    print(f"{'opslaan tijdens het typen':<28} {r['saves']:5d}× elke {r['save_gap']:.2f} s   (mediaan/traagst op de "
          f"hoofdthread: items {ms('items')}, record {ms('table')}, tekst {ms('text')}; schrijven {ms('write')})"
          + ("" if switched else f"   FOUT: {r['off_saves']}× opgeslagen zonder autosave"))
    return ratio_ok and delay_ok and switched
