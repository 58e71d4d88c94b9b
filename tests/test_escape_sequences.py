"""Escape sequences in every field never reach the output: a data dir whose meetings, plan, network, work
format and live state hold an OSC title, a screen wipe and an OSC 52 clipboard write in every text field
(and a meeting file with an escape in its name) is shown and exported by every command and screen, and no
ESC, BEL or C1 character comes out. Names and titles in an exported report are escaped for Markdown."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import tomli_w

from lerend_tui import cli
from lerend_tui.app import FollowerApp, make_app
from lerend_tui.storage.live import write_live
from lerend_tui.plans.plan import markdown_agenda, parse_plan, text_agenda
from lerend_tui.network.store import NetworkStore
from lerend_tui.reports.network import network_report
from lerend_tui.meeting.record import parse_record
from lerend_tui.reports.meeting import markdown_report
from lerend_tui.screens.export import ExportScreen
from lerend_tui.screens.meeting import MeetingScreen
from lerend_tui.screens.review import ReviewScreen
from lerend_tui.storage.meetings import StoredMeeting

from .appkit import finish_reading
from .test_beamer import live_state
from .test_hand_added_keys import full_record

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


@pytest.fixture
def hostile_data(paths) -> Path:
    """A data dir with every kind of file, every text field in each holding the payload."""
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

    catalogue = Path(__file__).parent.parent / "lerend_tui" / "catalogue" / "data" / "1-2-4-allen.toml"
    workform = hostile(tomllib.loads(catalogue.read_text(encoding="utf-8")))
    workform["id"] = "eigen-vorm"
    write_toml(paths.workforms / "eigen-vorm.toml", workform)
    write_toml(paths.workforms / "kapot.toml", {**workform, "id": "kapot", "minutes": "lang" + PAYLOAD})

    paths.data.mkdir(parents=True, exist_ok=True)
    return paths.data


def assert_clean(text: str, where: str) -> None:
    found = FORBIDDEN.findall(text)
    assert not found, f"{where}: {found[:5]} in {text[:200]!r}"


COMMANDS = [
    ["notes", "list"], ["notes", "list", "--json"], ["notes", "show", MEETING], ["notes", "show", ODD_NAME],
    ["notes", "show", "nergens\x1b[2J"], ["notes", "export", MEETING],
    ["workforms", "list"], ["workforms", "list", "--json"], ["workforms", "show", "eigen-vorm"],
    ["workforms", "show", "eigen-vorm", "--json"], ["workforms", "show", "nergens\x1b]0;x\x07"],
    ["workforms", "check"], ["pick", "--seed", "1"], ["pick", "--seed", "1", "--json"],
    ["pick", "--phase", "checkin", "--minutes", "1"],
    ["network", "list"], ["network", "list", "--json"], ["network", "show", "zorgnetwerk-zuid"],
    ["network", "report", "zorgnetwerk-zuid"],
    ["plan", "list"], ["plan", "list", "--json"], ["plan", "export", "december"],
    ["plan", "export", "december", "--tekst"],
    ["start", "--resume"],
]
QUIET = {"notes show nergens", "workforms show nergens", "plan list", "start --resume"}
"""Commands that show no text of the files (the others show some of it, so it must be there, cleaned)."""


def command_id(args: list[str]) -> str:
    return " ".join(args).split("\x1b")[0].strip()


@pytest.mark.parametrize("args", COMMANDS, ids=command_id)
def test_no_escape_sequence_reaches_the_terminal(hostile_data, capsys, no_app, args):
    code = cli.main(["--data-dir", str(hostile_data), *args])
    out, err = capsys.readouterr()
    assert_clean(out, "stdout")
    assert_clean(err, "stderr")
    assert code in (0, 1, 2)
    assert command_id(args) in QUIET or "pwned" in out + err  # the files' text is there, without its escapes


@pytest.mark.parametrize("args", [["notes", "export", MEETING], ["notes", "export", ODD_NAME],
                                  ["network", "report", "zorgnetwerk-zuid"], ["plan", "export", "december"],
                                  ["plan", "export", "december", "--tekst"]])
def test_no_escape_sequence_reaches_an_exported_file(hostile_data, tmp_path, capsys, args):
    target = tmp_path / "export.md"
    assert cli.main(["--data-dir", str(hostile_data), *args, "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert_clean(text, str(target))
    assert "pwned" in text  # the text is there, only its control characters are not
    assert_clean("".join(capsys.readouterr()), "the command's output")


def test_names_and_titles_are_escaped_in_the_report_and_the_notes_keep_their_markdown(tmp_path):
    record = full_record()
    record.title = "# Intro [klik](https://example.org) <b>"
    record.participants = ["*Anouk*", "Bram_B"]
    record.phases[0].title = "1. Check-in | start"
    record.phases[0].notes = "## Kopje\n- een *lijst*\nActie: @Anouk belt"
    record.phases[0].started = record.started
    report = markdown_report(record)
    assert report.startswith("# \\# Intro \\[klik\\](https://example.org) \\<b\\>\n")
    assert "Aanwezig: \\*Anouk\\*, Bram\\_B." in report
    assert "| 1\\. Check-in \\| start |" in report
    assert "### 1\\. Check-in \\| start" in report
    assert "##### Kopje\n- een *lijst*" in report  # the notes' own Markdown, below the phase heading


def test_names_are_escaped_in_the_network_report_and_the_markdown_agenda_but_not_the_plain_one(paths):
    network = NetworkStore(paths.networks).create("Net_werk *Zuid*", participants=["#Anouk", "Bram"])
    report = network_report(network, {})
    assert report.startswith("# Lerend netwerk: Net\\_werk \\*Zuid\\*\n") and "### \\#Anouk" in report
    path = paths.plans / "avond.toml"
    write_toml(path, {"schema": 1, "name": "avond", "title": "# Avond <b>", "participants": ["*Anouk*"],
                      "phases": [{"kind": "checkin", "title": "1. Check-in | start", "minutes": 15,
                                  "content_by": "Bram_B"}]})
    plan = parse_plan(path)
    agenda = markdown_agenda(plan)
    assert agenda.startswith("# \\# Avond \\<b\\>\n") and "**Deelnemers:** \\*Anouk\\*" in agenda
    assert "| 1\\. Check-in \\| start | 15 min |" in agenda
    assert "- 1\\. Check-in \\| start: Bram\\_B brengt de inhoud" in agenda
    plain = text_agenda(plan)
    assert plain.startswith("# Avond <b>\n") and "1. Check-in | start: Bram_B brengt de inhoud" in plain


def test_ordinary_names_are_unchanged_in_the_report():
    record = full_record()
    assert "# Zorgnetwerk\n" in markdown_report(record)
    assert "Aanwezig: Anouk, Bram." in markdown_report(record)


def screen_text(app) -> str:
    """Everything the screen draws, as the terminal would show it (the screenshot is made of the same
    segments the terminal receives)."""
    return app.export_screenshot()


# The screens show the titles as read from the files: these need the loader (validation.read_toml) to
# clean every string it parses.

async def test_the_home_screen_shows_an_escape_laden_title_without_the_escapes(hostile_data, paths, clock):
    app = make_app(paths, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await finish_reading(pilot)
        shown = screen_text(app)
        assert "pwned" in shown
        assert_clean(shown, "home screen")


async def test_the_review_screen_shows_an_escape_laden_meeting_and_file_name_without_the_escapes(
        hostile_data, paths, clock):
    app = make_app(paths, clock=clock)
    async with app.run_test(size=(140, 45)) as pilot:
        stored = StoredMeeting(paths.meetings / f"{ODD_NAME}.toml", parse_record(paths.meetings / f"{ODD_NAME}.toml"))
        app.push_screen(ReviewScreen(stored))
        await finish_reading(pilot)
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        shown = screen_text(app)
        assert "pwned" in shown and "naam[2J" in shown  # the report, and the file name in its border
        assert_clean(shown, "review screen")


async def test_the_meeting_screen_shows_an_escape_laden_meeting_without_the_escapes(hostile_data, paths, clock):
    path = paths.meetings / f"{MEETING}.toml"
    app = make_app(paths, clock=clock, open_meeting=(parse_record(path), path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        shown = screen_text(app)
        assert "pwned" in shown
        assert_clean(shown, "meeting screen")


async def test_the_beamer_shows_an_escape_laden_live_state_without_the_escapes(paths, clock):
    paths.data.mkdir(parents=True, exist_ok=True)
    write_live(paths.live, live_state(clock, 150.0, True, title="Zorg" + PAYLOAD, phase_title="Coaching" + PAYLOAD,
                                      focus_label="Stap 2" + PAYLOAD, coming_up="Daarna" + PAYLOAD))
    app = FollowerApp(paths, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "pwned" in shown
        assert_clean(shown, "beamer")


# These hold on their own: markup and escapes in file names and titles the screens pass on themselves.

async def test_a_title_is_never_read_as_markup_in_the_export_dialog(paths, clock, tmp_path):
    record = full_record()
    record.title = "[b]vet[/b] [@click=app.quit]klik[/]"
    stored = StoredMeeting(tmp_path / f"{ODD_NAME}.toml", record)
    app = make_app(paths, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ExportScreen.for_meeting(stored, folder=tmp_path))
        await pilot.pause()
        shown = screen_text(app)
        assert "[b]vet[/b]" in shown and "[@click=app.quit]klik[/]" in shown
        assert "verslag-2026-11-25-naam[2J.md" in shown  # the file name proposed, without its escape
        assert_clean(shown, "export dialog")


async def test_a_notification_naming_a_file_is_cleaned(paths, clock):
    app = make_app(paths, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify(f"opgeslagen in {ODD_NAME}.toml", title="Titel" + PAYLOAD, markup=False)
        await pilot.pause()
        [notification] = app._notifications
        assert notification.message == "opgeslagen in 2026-11-25-naam[2J.toml"
        assert_clean(notification.title, "the notification's title")
