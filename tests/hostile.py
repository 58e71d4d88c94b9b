"""Harmless and hostile file contents, shared by the tests of the files the program reads and shows."""

import os
import re
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import strategies as st

from lerend_tui.catalogue.workforms import builtin_workform_files
from lerend_tui.common.paths import Paths
from lerend_tui.network.store import NetworkStore

from .samples import full_record

SHOWN_TEXT = st.text(st.characters(exclude_categories=["Cc", "Cs"]) | st.sampled_from("\n\t"))
"""Text as it can be shown, and so as the loader keeps it (`sanitise.clean` drops control characters)."""


def hostile_meetings(meetings: Path, good_text: str) -> list[str]:
    """Beside a good meeting (`good_text`, written as `2026-11-24-goed.toml` unless the folder has it already),
    every kind of hostile file: deep nesting, inf, an absurd number of minutes, the year 9999, a named pipe
    and a symlink to /dev/zero, each named like a meeting. Their names."""
    meetings.mkdir(parents=True, exist_ok=True)
    if not any(meetings.glob("*.toml")):
        (meetings / "2026-11-24-goed.toml").write_text(good_text, encoding="utf-8")
    spoilt = {"2026-01-02-oneindig.toml": good_text.replace("elapsed_seconds = 0.0", "elapsed_seconds = inf", 1),
              "2026-01-03-minuten.toml": good_text.replace("planned_minutes = ",
                                                           "planned_minutes = 1000000000000000#", 1),
              "2026-01-04-jaar.toml": good_text.replace("planned_start = 2026-", "planned_start = 9999-", 1),
              "2026-01-01-diep.toml": "schema = 1\ntitle = " + "[" * 600 + "\n"}
    for name, text in spoilt.items():
        assert text != good_text
        (meetings / name).write_text(text, encoding="utf-8")
    os.mkfifo(meetings / "2026-01-05-pijp.toml")
    (meetings / "2026-01-06-nul.toml").symlink_to("/dev/zero")
    return [*spoilt, "2026-01-05-pijp.toml", "2026-01-06-nul.toml"]


# -- escape sequences in every text field -------------------------------------------------------------

PAYLOAD = " \x1b]0;pwned\x07 \x1b[2J \x1b]52;c;aGk=\x07 \x9b31m"
"""A terminal's title set, the screen wiped, the clipboard written (OSC 52) and a C1 CSI."""
FORBIDDEN = re.compile(r"[\x1b\x07\x80-\x9f]")
KEPT = {"kind", "status", "schema", "phases", "network", "id", "start", "template"}
"""Keys whose text must be one of a few values (or name another file) for the file to be read at all."""
MEETING = "2026-11-24-zorgnetwerk"
ODD_NAME = "2026-11-25-naam\x1b[2J"
"""A meeting file named with an escape sequence in it."""


def hostile(value, key: str = ""):
    """`value` with the payload added to every text in it, but for the keys in `KEPT`."""
    if isinstance(value, str):
        return value if key in KEPT else value + PAYLOAD
    if isinstance(value, list):
        return [hostile(item, key) for item in value]
    if isinstance(value, dict):
        return {name: hostile(item, name) for name, item in value.items()}
    return value


def write_toml(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(data, multiline_strings=True), encoding="utf-8")


def escape_laden_data(paths: Paths) -> Path:
    """A data dir with every kind of file, every text field in each holding the payload (see `PAYLOAD`); its
    meetings `MEETING` and `ODD_NAME`, its network `zorgnetwerk-zuid`, its plan `december`."""
    record = full_record()
    record.phases[0].notes = "Actie: @Anouk belt de gemeente\nAfspraak: we beginnen op tijd"
    record.phases[3].notes = "## Kopje\n- een lijst"
    meeting = hostile(tomllib.loads(record.to_toml()))
    meeting["network"] = "zorgnetwerk-zuid"
    meeting.pop("ended", None)  # unfinished, so `start --resume` and the home screen's first list show it
    write_toml(paths.meetings / f"{MEETING}.toml", meeting)
    write_toml(paths.meetings / f"{ODD_NAME}.toml", {**meeting, "planned_start": record.planned_start.replace(day=25)})

    network = NetworkStore(paths.networks).create("Zorgnetwerk Zuid", participants=["Anouk", "Bram"])
    table = tomllib.loads(NetworkStore(paths.networks).path(network).read_text(encoding="utf-8"))
    table["participants"][0].update(learning_questions=["Hoe geef ik feedback?"], experience="wijkzorg")
    table["agreements"] = {"afspraken": ["We beginnen op tijd"], "randvoorwaarden": ["Eens per maand"]}
    table["meetings"] = [MEETING, ODD_NAME]
    write_toml(NetworkStore(paths.networks).path(network), hostile(table) | {"meetings": [MEETING, ODD_NAME]})

    write_toml(paths.plans / "december.toml", hostile({
        "schema": 1, "name": "december", "title": "Avond december", "theme": "Grenzen", "goal": "Samen leren",
        "start": "19:00", "participants": ["Anouk", "Bram"],
        "phases": [{"kind": "checkin", "title": "Check-in", "minutes": 15, "guidance": "Hoe kom je binnen?",
                    "content_by": "Anouk"},
                   {"kind": "coaching", "title": "Coaching", "minutes": 30, "workform": "eigen-vorm",
                    "case_by": "Bram"}],
    }) | {"name": "december"})

    catalogue = next(path for path in builtin_workform_files() if path.stem == "1-2-4-allen")
    workform = hostile(tomllib.loads(catalogue.read_text(encoding="utf-8")))
    workform["id"] = "eigen-vorm"
    write_toml(paths.workforms / "eigen-vorm.toml", workform)
    write_toml(paths.workforms / "kapot.toml", {**workform, "id": "kapot", "minutes": "lang" + PAYLOAD})

    paths.data.mkdir(parents=True, exist_ok=True)
    return paths.data


def assert_clean(text: str, where: str) -> None:
    """No ESC, BEL or C1 character in `text` (which `where` names)."""
    found = FORBIDDEN.findall(text)
    assert not found, f"{where}: {found[:5]} in {text[:200]!r}"
