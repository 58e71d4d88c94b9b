"""The app the notes-latency benchmark types into: `lerend-tui start` on a meeting whose current phase
already holds 1 MiB of notes.

    python -m benchmarks.notes_app DATA_DIR on|off

`on` saves the notes as the product does (see `lerend_tui.autosave`); `off` saves nothing while the
benchmark types (everything else on a keystroke is the same: the notes are taken over and the save timer
restarted). SIGUSR1 turns autosave on, SIGUSR2 off, from the next keystroke on, even in the middle of
typing that was not saved yet. Every save's steps are timed on the machine's monotonic clock
(`time.perf_counter`, which the benchmark reads too) and written to DATA_DIR/saves.json when the program
quits, so the benchmark can tell which keystrokes a save may have delayed.
"""

from __future__ import annotations

import json
import random
import signal
import sys
import time
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from lerend_tui.app import LerendApp
from lerend_tui.common.autosave import SaveDeadline
from lerend_tui.common.clock import SystemClock
from lerend_tui.common.datatypes import datatype
from lerend_tui.common.paths import Paths
from lerend_tui.common.settings import Settings
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.meeting.running import Meeting, new_meeting_record
from lerend_tui.services import Services
from lerend_tui.storage.meetings import MeetingStore, Version
from lerend_tui.templates import load_templates

NOTES_BYTES = 1 << 20
NEVER = 24 * 3600.0  # seconds: "autosave off" for a run of a minute
SAVES_FILE = "saves.json"
PEOPLE = ["Marieke", "Jan", "Fatima", "Sander", "Joke", "Ahmed", "Els", "Pieter"]
WORDS = ["we", "hebben", "het", "gehad", "over", "de", "casus", "van", "het", "wijkteam", "en", "wat", "er", "nodig",
         "is", "om", "de", "zorg", "rond", "een", "cliënt", "beter", "af", "te", "stemmen", "tussen", "huisarts",
         "thuiszorg", "en", "gemeente", "iedereen", "herkent", "dat", "de", "lijnen", "lang", "zijn", "en", "dat",
         "er", "vaak", "niemand", "het", "overzicht", "heeft", "volgende", "keer", "willen", "we", "een",
         "voorbeeld", "uitwerken", "met", "de", "aanpak", "uit", "het", "netwerk"]
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


@datatype
class TimedVersion(Version):
    """A version that notes when its text was made, in its save's `steps`."""

    steps: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def text(self) -> str:
        started = time.perf_counter()
        text = Version.text.func(self)
        self.steps["text"] = (started, time.perf_counter())
        return text


class TimedStore(MeetingStore):
    """A store that notes the steps of every save, by version number: the items found in the notes
    (`items`, `Meeting.snapshot`) and the record taken (`table`), both on the main thread, its text made
    (`text`, on the main thread a moment later), the file written (`write`, in the worker); each as
    (start, end) on `time.perf_counter`."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.saves: dict[int, dict[str, Any]] = {}
        self._snapshot: tuple[float, float] | None = None

    def timed_snapshot(self, meeting: Meeting) -> MeetingRecord:
        """`meeting.snapshot()`, which a save calls just before `version`."""
        started = time.perf_counter()
        record = Meeting.snapshot(meeting)
        self._snapshot = (started, time.perf_counter())
        return record

    def version(self, record: MeetingRecord) -> Version:
        started = time.perf_counter()
        plain = super().version(record)
        version = TimedVersion(plain.number, plain.table)
        version.steps.update(items=self._snapshot or (started, started), table=(started, time.perf_counter()))
        self._snapshot = None
        self.saves[version.number] = version.steps
        return version

    def write(self, version: Version, path: Path) -> bool:
        started = time.perf_counter()
        written = super().write(version, path)
        self.saves[version.number]["write"] = (started, time.perf_counter())
        return written


class SwitchedDeadline(SaveDeadline):
    """The product's deadline while the benchmark has autosave on. Off, nothing waits to be saved: the
    change is forgotten (so the screen asks for a new deadline at the next key, where a switch to on takes
    effect) and its save set a day ahead."""

    def __init__(self, app: NotesApp) -> None:
        super().__init__()
        self.app = app

    def changed(self, now: float) -> float:
        if self.app.autosave:
            return super().changed(now)
        self.taken()
        return NEVER


@dataclass
class TimedServices(Services):
    """The product's services, with a `TimedStore` whose snapshots of a meeting are timed too."""

    meetings: TimedStore

    def make_meeting(self, record: MeetingRecord) -> Meeting:
        meeting = super().make_meeting(record)
        meeting.snapshot = partial(self.meetings.timed_snapshot, meeting)  # type: ignore[method-assign]
        return meeting


class NotesApp(LerendApp):
    services: TimedServices

    def __init__(self, services: TimedServices, *, autosave: bool, **kwargs: Any) -> None:
        super().__init__(services, **kwargs)
        self.autosave = autosave

    def save_deadline(self) -> SaveDeadline:
        return SwitchedDeadline(self)


def build(data: Path, autosave: bool) -> NotesApp:
    paths = Paths(data=data, config=data / "config")
    clock = SystemClock()
    record = new_meeting_record(load_templates().get("bijeenkomst"), title="Benchmark notities",
                                participants=PEOPLE, planned_start=clock.now())
    record.phases[0].notes = realistic_notes()
    path = MeetingStore(paths.meetings).create(record)
    services = TimedServices.for_paths(paths, clock=clock, rng=random.Random(1), settings=Settings())
    return NotesApp(replace(services, meetings=TimedStore(paths.meetings)), open_meeting=(record, path),
                    autosave=autosave)


def main(folder: str, mode: str) -> None:
    app = build(Path(folder), autosave=mode == "on")
    signal.signal(signal.SIGUSR1, lambda *_: setattr(app, "autosave", True))
    signal.signal(signal.SIGUSR2, lambda *_: setattr(app, "autosave", False))
    app.run()
    saves = [{"number": number, **steps} for number, steps in sorted(app.services.meetings.saves.items())]
    (Path(folder) / SAVES_FILE).write_text(json.dumps(saves), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
