"""`make soak`: `kill -9` at random moments while a facilitator types, in a real terminal, many times over.

Each trial starts the installed program on a fresh data dir in a tmux server of its own (`lerend-tui
--data-dir D start --title …`), waits until the cursor is in the notes, and types unique words: half the
trials continuously (a word every 0.25–0.45 s, so the autosave's pause never comes and only its ceiling
saves), half in bursts of 3–8 words with pauses of 0.4–2 s between them. At a random moment 2–10 s after
the first word the program gets `kill -9`; then the meeting file is read.

Figures, with their goals:
- corrupt files: the meeting file does not parse with `tomllib` or with the program's own `parse_record`,
  or its notes are not a beginning of what was typed (goal 0);
- trials that lost text typed more than a second before the kill (goal 0);
- the worst loss: the age at the kill of the oldest word not on disk, over all trials (goal ≤ 1 s).

Trials run `PARALLEL` at a time (separate tmux servers); `SOAK_TRIALS=N` runs N instead of 100. A word's
moment is when tmux has taken it (`send-keys` returned), so the machine's own delays count against the
program, never for it.

    python -m benchmarks.soak
"""

from __future__ import annotations

import os
import random
import signal
import sys
import tempfile
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from lerend_tui.common.validation import DataError
from lerend_tui.meeting.record import parse_record
from tests.tmuxkit import PROGRAM, Terminal

TRIALS = 100
PARALLEL = 3
GOAL_CORRUPT, GOAL_LOST, GOAL_WORST = 0, 0, 1.0
LOSS_ALLOWED = 1.0  # seconds: what was typed this shortly before the kill may be lost
TYPING = (2.0, 10.0)  # seconds from the first word to the kill
CONTINUOUS_GAP = (0.25, 0.45)  # seconds between words when typing never pauses
BURST_GAP, BURST_WORDS, BURST_PAUSE = (0.1, 0.3), (3, 8), (0.4, 2.0)


@dataclass(frozen=True)
class Trial:
    number: int
    continuous: bool
    typed_seconds: float
    words: int
    saved_words: int
    corrupt: str
    """Why the meeting file is corrupt; empty when it is not."""
    worst_loss: float
    """Seconds from the oldest word not on disk to the kill; 0 when nothing was lost."""

    @property
    def lost_beyond_allowed(self) -> bool:
        return self.worst_loss > LOSS_ALLOWED


def word_moments(rng: random.Random, continuous: bool, until: float) -> list[float]:
    """When to type each word, in seconds from the first, up to `until`."""
    moments, at = [], 0.0
    while at < until:
        if continuous:
            moments.append(at)
            at += rng.uniform(*CONTINUOUS_GAP)
            continue
        for _ in range(rng.randint(*BURST_WORDS)):
            moments.append(at)
            at += rng.uniform(*BURST_GAP)
        at += rng.uniform(*BURST_PAUSE)
    return [moment for moment in moments if moment < until]


def notes_on_disk(data: Path) -> tuple[str, str]:
    """The first phase's notes in the meeting file, and why the file is corrupt (empty when it is not)."""
    files = sorted((data / "meetings").glob("*.toml"))
    if len(files) != 1:
        return "", f"{len(files)} meetingbestanden in plaats van één"
    try:
        table = tomllib.loads(files[0].read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return "", f"tomllib: {error}"
    try:
        record = parse_record(files[0])
    except DataError as error:
        return "", f"parse_record: {error}"
    notes = record.phases[0].notes
    if table["phases"][0].get("notes", "") != notes:
        return "", "tomllib en parse_record lezen andere notities"
    return notes, ""


def run_trial(number: int, rng: random.Random) -> Trial:
    continuous = number % 2 == 0
    typed_seconds = rng.uniform(*TYPING)
    moments = word_moments(rng, continuous, typed_seconds)
    words = [f"w{number:03d}x{index:03d} " for index in range(len(moments))]
    with tempfile.TemporaryDirectory(prefix="lerend-soak-") as folder:
        data = Path(folder) / "data"
        term = Terminal([str(PROGRAM), "--data-dir", str(data), "start", "--title", f"Soak {number}"])
        try:
            term.wait_for("esc Klaar met typen", timeout=30)  # the footer shows it while the notes have focus
            pid = term.program_pid()
            typed: list[float] = []  # the moment each word was taken by tmux
            start = time.monotonic()
            for word, moment in zip(words, moments):
                time.sleep(max(0.0, start + moment - time.monotonic()))
                term.type(word)
                typed.append(time.monotonic())
            time.sleep(max(0.0, start + typed_seconds - time.monotonic()))
            os.kill(pid, signal.SIGKILL)
            killed_at = time.monotonic()
            term.wait_for("[afgesloten]", timeout=10)
        finally:
            term.close()
        notes, corrupt = notes_on_disk(data)
    text = "".join(words)
    if not corrupt and not text.startswith(notes):
        corrupt = f"de notities zijn niet het begin van wat getypt is: {notes[-60:]!r}"
    saved = sum(1 for end in _ends(words) if end <= len(notes))
    worst = killed_at - typed[saved] if saved < len(typed) and not corrupt else 0.0
    return Trial(number, continuous, typed_seconds, len(words), saved, corrupt, worst)


def _ends(words: list[str]):
    end = 0
    for word in words:
        end += len(word)
        yield end


def soak(trials: int, seed: int) -> tuple[list[Trial], list[str]]:
    """Run the trials; those that went wrong on the way (the program did not start, say) as messages."""
    results, failures = [], []
    with ThreadPoolExecutor(PARALLEL) as pool:
        futures = {pool.submit(run_trial, number, random.Random(seed * 1000 + number)): number
                   for number in range(trials)}
        for done, future in enumerate(as_completed(futures), 1):
            try:
                trial = future.result()
            except Exception as error:
                failures.append(f"proef {futures[future]}: {error}")
                continue
            results.append(trial)
            if trial.corrupt or trial.worst_loss > LOSS_ALLOWED:
                kind = "doortypen" if trial.continuous else "met pauzes"
                print(f"  proef {trial.number} ({kind}, {trial.typed_seconds:.1f} s, {trial.saved_words}/{trial.words} "
                      f"woorden bewaard): {trial.corrupt or f'verlies {trial.worst_loss:.2f} s'}", flush=True)
            if done % 10 == 0:
                print(f"  {done}/{trials} proeven", flush=True)
    return sorted(results, key=lambda trial: trial.number), failures


def report() -> bool:
    trials = int(os.environ.get("SOAK_TRIALS", TRIALS))
    seed = int(os.environ.get("SOAK_SEED", time.time_ns() % 100_000))
    print(f"== soak: {trials} keer kill -9 tijdens het typen (seed {seed}, {PARALLEL} tegelijk)", flush=True)
    started = time.monotonic()
    results, failures = soak(trials, seed)
    corrupt = sum(1 for trial in results if trial.corrupt)
    lost = sum(1 for trial in results if trial.lost_beyond_allowed)
    worst = max((trial.worst_loss for trial in results), default=0.0)
    continuous = [trial for trial in results if trial.continuous]
    ok = {"corrupt": corrupt <= GOAL_CORRUPT, "lost": lost <= GOAL_LOST, "worst": worst <= GOAL_WORST}
    verdict = {key: "ok" if good else "TE HOOG" for key, good in ok.items()}
    print(f"{'kapotte bestanden':<34} {corrupt:5d}     (doel {GOAL_CORRUPT})  {verdict['corrupt']}")
    print(f"{'verlies van meer dan 1 s':<34} {lost:5d}     (doel {GOAL_LOST})  {verdict['lost']}   "
          f"(proeven: {len(continuous)} doortypen, {len(results) - len(continuous)} met pauzes)")
    print(f"{'grootste verlies':<34} {worst:7.2f} s (doel ≤ {GOAL_WORST:g} s)  {verdict['worst']}   "
          f"({sum(trial.words for trial in results)} woorden getypt, in {time.monotonic() - started:.0f} s)")
    for failure in failures:
        print(f"mislukt: {failure}")
    return all(ok.values()) and not failures and len(results) == trials


if __name__ == "__main__":
    sys.exit(0 if report() else 1)
