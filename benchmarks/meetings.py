"""Years of meetings: the meeting index (`storage.index`) with 1,000 meetings against 10, in one run.

The meetings are made from one realistic meeting (five phases with notes, items, a check-out, carried
commitments; some 5 KB each), over as many weeks, in one network. Figures:

- the home screen and the review (Ctrl+T) of `lerend-tui` on a pseudo-terminal, from launch until the newest
  meeting is listed (home) and until its report is shown (review), with 1,000 meetings over with 10,
  alternately (the index already built, as on every start but the first): goal ≤ 1.1×;
- in-process: a search among 1,000 meetings, index up to date (goal ≤ 20 ms); building the index of 1,000
  meetings from nothing (goal ≤ 2 s); bringing it up to date after one file changed (goal ≤ 50 ms).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from lerend_tui.common.paths import Paths
from lerend_tui.meeting.items import Item
from lerend_tui.meeting.record import Checkout, MeetingRecord
from lerend_tui.storage.index import MeetingIndex
from tests.samples import finished, sample_record

from .ptyrun import Running

PROGRAM = str(Path(sys.executable).with_name("lerend-tui"))
GOALS = {"home": 1.1, "review": 1.1, "search": 20.0, "build": 2.0, "refresh": 50.0}
NEWEST = "Laatste avond"
NOTES = ("Iedereen vertelt kort hoe het gaat. Anouk heeft een drukke week gehad met twee nieuwe cliënten in de "
         "wijk, Bram is net terug van vakantie en Chris wil het vandaag hebben over grenzen stellen. ")


def meeting(number: int, title: str) -> MeetingRecord:
    """A finished meeting of some 5 KB, `number` weeks after the first."""
    record = finished(sample_record(title, tuple(f"{NOTES * 4}Week {number}, fase {phase}." for phase in range(5))),
                      [12, 15, 32, 50, 10])
    shift = timedelta(weeks=number)
    record.planned_start += shift
    record.started = record.started + shift if record.started else None
    for phase in record.phases:
        phase.started = phase.started + shift if phase.started else None
        phase.ended = phase.ended + shift if phase.ended else None
    record.ended = record.ended + shift if record.ended else None
    record.participants = ["Anouk", "Bram", "Chris", "Dewi"]
    record.items += [Item("stok", f"@Bram belt {number} cliënten", "Bram", record.phases[4].title),
                     Item("afspraak", "volgende keer bij Anouk", "", record.phases[4].title)]
    record.checkout = [Checkout(name, "energiek", 4) for name in record.participants]
    return record


def data_dir(count: int) -> Paths:
    """A data dir with `count` meetings, the last titled `NEWEST`; its own cache dir."""
    root = Path(tempfile.mkdtemp(prefix=f"meetings-{count}-"))
    paths = Paths(data=root / "data", config=root / "config", logs=root / "logs", cache=root / "cache")
    for number in range(count):
        record = meeting(number, NEWEST if number == count - 1 else f"Bijeenkomst {number + 1}")
        path = paths.meetings / f"{record.planned_start.date().isoformat()}-bijeenkomst-{number:04d}.toml"
        path.write_text(record.to_toml(), encoding="utf-8")
    return paths


def _env(paths: Paths) -> dict[str, str]:
    """As installed (bytecode cached), with the data dir's own cache dir."""
    return {"PYTHONDONTWRITEBYTECODE": "", "XDG_CACHE_HOME": str(paths.cache)}


def home_seconds(paths: Paths) -> float:
    """From launch until the newest meeting is on the home screen's list."""
    with Running([PROGRAM, "--data-dir", str(paths.data)], NEWEST.encode(), env=_env(paths)) as running:
        return running.marker_at - running.started  # type: ignore[operator]


REPORT_SHOWN = "Verslag van de bijeenkomst"
"""The report's first line under its title: drawn once the report itself is (its frame's title, "Verslag · …",
comes a frame or some 200 ms earlier, as Textual happens to draw between the two)."""


def review_seconds(paths: Paths) -> float:
    """From Ctrl+T on the home screen until the review shows the newest meeting's report."""
    with Running([PROGRAM, "--data-dir", str(paths.data)], NEWEST.encode(), env=_env(paths)) as running:
        return running.send_and_time(b"\x14", REPORT_SHOWN.encode(), timeout=30)


def in_process(paths: Paths) -> dict[str, float]:
    """Build, refresh and search, in this process, on the data dir's 1,000 meetings."""
    file = Path(tempfile.mkdtemp()) / "index.sqlite3"
    started = time.perf_counter()
    index = MeetingIndex(paths.meetings_folder, file)
    index.listing()
    build = time.perf_counter() - started
    searches = []
    for word in ("wijkagent", "ideeen", "cliënten", "grenzen stellen", "week 500", "Laatste"):
        started = time.perf_counter()
        index.search(word)
        searches.append((time.perf_counter() - started) * 1000)
    refreshes = []
    changed = sorted(paths.meetings_folder.glob("*.toml"))[0]
    for round_ in range(5):
        text = changed.read_text(encoding="utf-8").replace("energiek", "moe" if round_ % 2 == 0 else "energiek")
        changed.write_text(text, encoding="utf-8")
        moment = time.time_ns() - 10 * 10**9 + round_  # settled: as a file that came in a while ago
        os.utime(changed, ns=(moment, moment))
        started = time.perf_counter()
        index.record(changed.stem)
        refreshes.append((time.perf_counter() - started) * 1000)
    index.close()
    return {"build": build, "search": statistics.median(searches), "refresh": statistics.median(refreshes)}


def run(pairs: int = 9) -> dict[str, float]:
    few, many = data_dir(10), data_dir(1000)
    for paths in (few, many):  # build each index once, and warm the file and bytecode caches
        home_seconds(paths)
    home, review = [], []
    for _ in range(pairs):
        home.append(home_seconds(many) / home_seconds(few))
        review.append(review_seconds(many) / review_seconds(few))
    return {"home": statistics.median(home), "review": statistics.median(review), **in_process(many)}


def report() -> bool:
    figures = run()
    lines = (("home", "beginscherm, 1.000 bijeenkomsten", "×", "tegen 10"),
             ("review", "terugblik, 1.000 bijeenkomsten", "×", "tegen 10"),
             ("search", "zoeken in 1.000 bijeenkomsten", " ms", ""),
             ("build", "index van 1.000 opbouwen", " s", ""),
             ("refresh", "index bijwerken na 1 wijziging", " ms", ""))
    ok = True
    for name, label, unit, against in lines:
        value, goal = figures[name], GOALS[name]
        ok &= value <= goal
        verdict = "ok" if value <= goal else "TE HOOG"
        print(f"{label:<34} {value:7.2f}{unit} {against:<8} (doel ≤ {goal}{unit.strip() or '×'}) {verdict}")
    return ok
