"""The app the notes-latency benchmark types into: `lerend-tui start` on a meeting whose current phase
already holds 1 MiB of notes.

    python -m benchmarks.notes_app DATA_DIR on|off

`on` saves the notes as the product does (see `lerend_tui.autosave`); `off` sets the delay so far
out that no save happens while the benchmark types (everything else on a keystroke is the same: the
notes are taken over and the save timer restarted). SIGUSR1 turns autosave on, SIGUSR2 off, from the
next keystroke on.
"""

from __future__ import annotations

import random
import signal
import sys
from pathlib import Path

from lerend_tui.app import LerendApp
from lerend_tui.autosave import PAUSE
from lerend_tui.clock import SystemClock
from lerend_tui.meeting import new_meeting_record
from lerend_tui.paths import Paths
from lerend_tui.plan import load_templates
from lerend_tui.settings import Settings
from lerend_tui.storage import MeetingStore

NOTES_BYTES = 1 << 20
NEVER = 24 * 3600.0  # seconds: "autosave off" for a run of a minute
PEOPLE = ["Marieke", "Jan", "Fatima", "Sander", "Joke", "Ahmed", "Els", "Pieter"]
WORDS = ("we hebben het gehad over de casus van het wijkteam en wat er nodig is om de zorg rond een "
         "cliënt beter af te stemmen tussen huisarts thuiszorg en gemeente iedereen herkent dat de lijnen "
         "lang zijn en dat er vaak niemand het overzicht heeft volgende keer willen we een voorbeeld "
         "uitwerken met de aanpak uit het netwerk").split()
LABELS = ["Afspraak", "Actie", "Leervraag", "Inzicht", "Stok achter de deur"]


def realistic_notes(size: int = NOTES_BYTES, seed: int = 5) -> str:
    """Meeting notes of `size` bytes (UTF-8): paragraphs of remarks per person, bullets and, now and
    then, a labelled item line with an owner."""
    rng = random.Random(seed)
    lines: list[str] = []
    total = 0
    while total < size:
        roll = rng.random()
        sentence = " ".join(rng.choices(WORDS, k=rng.randint(5, 16)))
        if roll < 0.08:
            line = f"{rng.choice(LABELS)}: {sentence} @{rng.choice(PEOPLE)}"
        elif roll < 0.4:
            line = f"- {sentence}"
        elif roll < 0.45:
            line = ""
        else:
            line = f"{rng.choice(PEOPLE)}: {sentence.capitalize()}."
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
    return "\n".join(lines).encode("utf-8")[:size].decode("utf-8", "ignore")


def build(data: Path, autosave: bool) -> LerendApp:
    paths = Paths(data=data, config=data / "config")
    clock = SystemClock()
    record = new_meeting_record(load_templates().get("bijeenkomst"), title="Benchmark notities",
                                participants=PEOPLE, planned_start=clock.now())
    record.phases[0].notes = realistic_notes()
    store = MeetingStore(paths.meetings)
    path = store.create(record)
    return LerendApp(paths, clock=clock, rng=random.Random(1), open_meeting=(record, path), settings=Settings(),
                     save_delay=PAUSE if autosave else NEVER)


def main(folder: str, mode: str) -> None:
    app = build(Path(folder), autosave=mode == "on")
    signal.signal(signal.SIGUSR1, lambda *_: setattr(app, "save_delay", PAUSE))
    signal.signal(signal.SIGUSR2, lambda *_: setattr(app, "save_delay", NEVER))  # the ceiling follows the pause
    app.run()


if __name__ == "__main__":
    main(*sys.argv[1:3])
