"""The whole program in a real terminal (tmux): what a facilitator actually sees and types."""

import itertools
import re
import shutil
import sys
import time
import tomllib
from datetime import datetime, timedelta

import pytest

from ..tmuxkit import PROGRAM, Terminal, needs_tmux, wait_until

pytestmark = needs_tmux


def first_notes(data, slug: str) -> str:
    """The notes of the first phase as the meeting file has them now (files are replaced whole, never half)."""
    [path] = (data / "meetings").glob(f"*-{slug}.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))["phases"][0].get("notes", "")


@pytest.fixture
def terminal_factory():
    opened = []

    def open_terminal(*args, **kwargs):
        terminal = Terminal(*args, **kwargs)
        opened.append(terminal)
        return terminal

    yield open_terminal
    for terminal in opened:
        terminal.close()


def test_a_note_in_every_phase_lands_in_the_right_phase(tmp_path, terminal_factory):
    data = tmp_path / "data"
    term = terminal_factory([str(PROGRAM), "--data-dir", str(data), "start", "--title", "Terminaltest"])
    titles = ["Opstart en check-in", "Reflectie of verbindende opdracht", "Inhoud op het thema + opdracht",
              "Onderlinge coaching", "Evaluatie en afsluiting"]
    for number, title in enumerate(titles, start=1):
        term.wait_for(f"fase {number} van 5")
        if number > 1:  # `n` was pressed outside the notes: the next phase opens there too, Enter types
            term.wait_for("spatie Timer")
            term.keys("Enter")
        term.wait_for("esc Klaar met typen")
        term.type(f"Notitie in fase {number}: {title}")
        term.wait_for(f"Notitie in fase {number}")
        term.keys("Escape")
        term.wait_for("spatie Timer")
        if number == 1:
            term.keys("Space")
            term.wait_for("nog 10 min")
        if number < len(titles):
            term.keys("n")
    term.keys("C-q")
    term.wait_for("[afgesloten]")
    [meeting_file] = (data / "meetings").glob("*-terminaltest.toml")
    record = tomllib.loads(meeting_file.read_text(encoding="utf-8"))
    assert [phase["title"] for phase in record["phases"]] == titles
    for number, phase in enumerate(record["phases"], start=1):
        assert phase["notes"] == f"Notitie in fase {number}: {phase['title']}"
        assert "started" in phase
    assert all("ended" in phase for phase in record["phases"][:4])


def test_the_terminal_has_the_size_asked_for(terminal_factory):
    probe = "import shutil; print('grootte', *shutil.get_terminal_size())"
    term = terminal_factory([sys.executable, "-c", probe], width=120, height=36)
    assert "grootte 120 36" in term.wait_for("[afgesloten]")
    small = terminal_factory([sys.executable, "-c", probe], width=100, height=10)
    assert "grootte 100 10" in small.wait_for("[afgesloten]")


def test_bad_input_gets_a_dutch_message_not_a_traceback(tmp_path, terminal_factory):
    term = terminal_factory([str(PROGRAM), "--data-dir", str(tmp_path), "start", "--at", "7 uur"], width=100, height=10)
    screen = term.wait_for("[afgesloten]")
    assert "Ongeldige starttijd '7 uur'" in screen
    assert "Traceback" not in screen


def test_home_screen_opens_without_a_command(tmp_path, terminal_factory):
    term = terminal_factory([str(PROGRAM), "--data-dir", str(tmp_path)])
    screen = term.wait_for("Uitgangspunten")
    assert "Nieuwe bijeenkomst" in screen and "wet van twee voeten" in screen
    term.keys("C-q")
    term.wait_for("[afgesloten]")


def test_the_beamer_in_a_second_terminal_follows_the_facilitator(tmp_path, terminal_factory):
    from datetime import datetime

    from lerend_tui.common.paths import Paths
    from lerend_tui.meeting.record import MeetingRecord
    from lerend_tui.storage.meetings import MeetingStore
    from lerend_tui.templates import load_templates

    data = tmp_path / "data"
    record = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title="Twee vensters",
                                         participants=[], planned_start=datetime.now().astimezone())
    record.phases[0].elapsed_seconds = 596  # four seconds before the end of the check-in, paused
    MeetingStore(Paths(data=data, config=tmp_path / "config").meetings).create(record)
    facilitator = terminal_factory([str(PROGRAM), "--data-dir", str(data), "start", "--resume"])
    facilitator.wait_for("Twee vensters")
    beamer = terminal_factory([str(PROGRAM), "--data-dir", str(data), "beamer"], width=100, height=30)
    beamer.wait_for_big("Twee vensters")  # not begun yet: the welcome
    facilitator.keys("Escape")
    facilitator.wait_for("spatie Timer")
    facilitator.keys("Space")
    beamer.wait_for("Opstart en check-in")
    beamer.wait_for_big("Laatste minuut")
    beamer.wait_for_big("Uitloop")  # the follower counts on by itself: nothing is sent per second
    assert sum(line.count("█") for line in beamer.blocks()) > 1000  # large digits, in cell backgrounds
    facilitator.keys("Space")
    beamer.wait_for_big("Pauze")
    facilitator.keys("n")
    beamer.wait_for("Reflectie of verbindende opdracht")
    facilitator.keys("C-q")
    facilitator.wait_for("[afgesloten]")
    beamer.wait_for_big("Twee vensters")  # calm words for the room, and its title
    assert beamer.shows_big("vanzelf.")  # "Dit scherm volgt vanzelf.", a word of it (the band may wrap it)


def test_a_drawn_work_format_runs_as_step_timers(tmp_path, terminal_factory):
    data = tmp_path / "data"
    term = terminal_factory([str(PROGRAM), "--data-dir", str(data), "start", "--title", "Loting"])
    term.wait_for("esc Klaar met typen")  # the meeting has opened with the cursor in its notes
    term.keys("Escape")
    for number in (1, 2, 3):  # `n` outside the notes keeps the next phase outside them too
        term.wait_for(f"fase {number} van 5")
        term.wait_for("spatie Timer")
        term.keys("n")
    term.wait_for("fase 4 van 5")
    term.wait_for("spatie Timer")
    term.keys("r")
    term.wait_for("werkvormen passen")
    term.wait_for("Duur ")  # the draw has settled: the card shows a format
    term.keys("C-s")
    screen = term.wait_for("Stap 1 van")
    term.keys("Space")
    term.wait_for("nog ")
    term.keys("n")
    term.wait_for("Stap 2 van")
    term.keys("C-q")
    term.wait_for("[afgesloten]")
    record = tomllib.loads(next((data / "meetings").glob("*-loting.toml")).read_text(encoding="utf-8"))
    coaching = record["phases"][3]
    assert coaching["workform"] and len(coaching["steps"]) >= 2 and coaching["current_step"] == 1
    assert "Stap 1 van" in screen


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="pgrep is not installed")
def test_kill_9_then_resume_keeps_what_was_typed(tmp_path, terminal_factory):
    import os
    import signal
    import subprocess

    data = tmp_path / "data"
    term = terminal_factory([str(PROGRAM), "--data-dir", str(data), "start", "--title", "Stroomstoring"])
    term.wait_for("esc Klaar met typen")
    term.type("Eerste regel")
    term.keys("Enter")
    term.type("Actie: @Bram belt de zaal")
    term.wait_for("Actie: @Bram belt de zaal")
    # a real person's pause: autosave lands within a second after typing stops
    wait_until(lambda: "Actie: @Bram belt de zaal" in first_notes(data, "stroomstoring"), "the autosave", timeout=3)
    pattern = rf"python[0-9.]* \S*lerend-tui --data-dir {data} start"  # the program, not its shell
    [pid] = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()
    os.kill(int(pid), signal.SIGKILL)
    term.wait_for("[afgesloten]")
    again = terminal_factory([str(PROGRAM), "--data-dir", str(data), "start", "--resume"])
    screen = again.wait_for("Actie: @Bram belt de zaal")
    assert "Eerste regel" in screen and "Stroomstoring" in screen
    again.keys("C-q")
    again.wait_for("[afgesloten]")


def test_a_second_window_on_the_same_meeting_is_read_only(tmp_path, terminal_factory):
    data = tmp_path / "data"
    first = terminal_factory([str(PROGRAM), "--data-dir", str(data), "start", "--title", "Tweeling"])
    first.wait_for("esc Klaar met typen")
    first.type("Alleen hier geschreven")
    first.keys("Escape")
    first.wait_for("spatie Timer")
    wait_until(lambda: first_notes(data, "tweeling") == "Alleen hier geschreven", "the autosave", timeout=3)
    twin = terminal_factory([str(PROGRAM), "--data-dir", str(data), "start", "--resume"])
    twin.wait_for("alleen lezen")
    screen = twin.wait_for("Alleen hier geschreven")  # the notes are drawn after the top bar, maybe a frame later
    assert "alleen lezen" in screen and "Tweeling" in screen
    twin.keys("C-q")
    twin.wait_for("[afgesloten]")
    assert "alleen lezen" not in first.screen()
    first.keys("C-q")
    first.wait_for("[afgesloten]")


def test_a_commitment_from_one_closing_comes_back_at_the_next_check_in(tmp_path, terminal_factory):
    import subprocess

    data = tmp_path / "data"
    subprocess.run([str(PROGRAM), "--data-dir", str(data), "network", "new", "Zorgnetwerk", "--participants",
                    "Anouk, Bram"], check=True, capture_output=True)
    start = [str(PROGRAM), "--data-dir", str(data), "start", "--network", "zorgnetwerk", "--title"]
    first = terminal_factory([*start, "Eerste"])
    first.wait_for("esc Klaar met typen")
    first.keys("Escape")
    first.wait_for("spatie Timer")
    first.keys("Space")  # the meeting runs: only a meeting that ran carries anything over
    first.wait_for("(1 van 2)")  # the clicker's key, through the check-in's speaking turns to the closing
    first.keys("PageDown")
    first.wait_for("(2 van 2)")
    first.keys("PageDown")
    wait_until(lambda: "Nu: " not in first.screen(), "the round's end: the check-in's own countdown")
    for number in range(2, 6):
        first.keys("PageDown")
        first.wait_for(f"fase {number} van 5")
    first.keys("Enter")  # the clicker kept the keys' mode: into the notes to type
    first.wait_for("esc Klaar met typen")
    first.type("Stok achter de deur: @Bram belt drie klanten")
    first.wait_for("klanten")
    first.keys("C-q")
    first.wait_for("[afgesloten]")
    second = terminal_factory([*start, "Tweede"])
    screen = second.wait_for("Van de vorige keer (1 open")
    assert "Bram: ○ @Bram belt drie" in screen
    second.keys("Escape")
    second.wait_for("spatie Timer")
    second.keys("v")
    second.wait_for("Nog 1 van 1 open")
    second.keys("g", "Escape")
    second.wait_for("Van de vorige keer (0 open")
    second.keys("C-q")
    second.wait_for("[afgesloten]")


def test_a_plan_is_shaped_exported_and_run_as_exactly_that_meeting(tmp_path, terminal_factory):
    """Issue 7's "done when": from a template, one phase moved and one work format drawn; saved, the agenda
    exported, and run (F5) as a meeting that shows exactly that plan."""
    data, home = tmp_path / "data", tmp_path / "home"
    home.mkdir()
    term = terminal_factory([str(PROGRAM), "--data-dir", str(data), "plan", "--template", "bijeenkomst"],
                            env={"HOME": str(home)})
    term.wait_for("Planning · Bijeenkomst")
    term.wait_for("19:00–19:10  10 min  Opstart en check-in")
    term.keys("Down", "C-Down")  # the reflection after the content
    term.wait_for("19:40–19:55  15 min  Reflectie of verbindende opdracht")
    term.keys("Down", "r")  # draw a work format for the coaching
    term.wait_for("Werkvorm loten")
    term.keys("C-s")
    term.wait_for("in ‘Onderlinge coaching’")
    [plan_file] = (data / "plans").glob("*.toml")
    plan = tomllib.loads(plan_file.read_text(encoding="utf-8"))
    titles = ["Opstart en check-in", "Inhoud op het thema + opdracht", "Reflectie of verbindende opdracht",
              "Onderlinge coaching", "Evaluatie en afsluiting"]
    assert [phase["title"] for phase in plan["phases"]] == titles
    drawn = plan["phases"][3]["workform"]
    assert drawn and plan["phases"][3]["steps"]

    term.keys("C-e")
    term.wait_for("Agenda van Bijeenkomst")
    term.keys("C-s")
    term.wait_for("opgeslagen in")
    [agenda_file] = home.glob("agenda-*.md")
    agenda = agenda_file.read_text(encoding="utf-8")
    rows = [line for line in agenda.splitlines() if line.startswith(("| 1", "| 2"))]
    assert [row.split(" | ")[1] for row in rows[:5]] == titles
    assert "19:40–19:55 | Reflectie of verbindende opdracht" in agenda

    # The real clock: within an hour of 19:00 the plan's time holds; further off, the schedule runs from the
    # moment of F5 and the program says so.
    term.keys("F5")
    term.wait_for("fase 1 van 5")
    screen = term.wait_for("Einde gepland")
    pressed = datetime.now()
    found = [re.search(rf"(\d\d):(\d\d) {re.escape(title[:12])}", screen) for title in titles]
    starts = [int(match.group(1)) * 60 + int(match.group(2)) for match in found]
    assert [(later - earlier) % (24 * 60) for earlier, later in itertools.pairwise(starts)] == [
        p["minutes"] for p in plan["phases"][:4]]  # the drawn format sets the end
    planned = pressed.replace(hour=19, minute=0, second=0, microsecond=0)
    off = abs(pressed - planned)
    if off <= timedelta(minutes=55) and pressed <= planned:
        assert starts[0] == 19 * 60
    elif off <= timedelta(minutes=55):  # the plan's clock holds (its end); the first phase, not begun, is due now
        assert (pressed.hour * 60 + pressed.minute - starts[0]) % (24 * 60) <= 1
        assert f"Einde gepland  {planned + timedelta(minutes=sum(p['minutes'] for p in plan['phases'])):%H:%M}" in screen
    elif off > timedelta(minutes=65):
        term.wait_for("De planning ging uit van 19:00")  # the notification
        assert (pressed.hour * 60 + pressed.minute - starts[0]) % (24 * 60) <= 1
    term.wait_for("esc Klaar met typen")  # the meeting opens with the notes ready to type in: Esc leaves them
    term.keys("Escape")
    for number in (2, 3, 4):  # and `n` outside them opens the next phase outside them too
        term.wait_for("spatie Timer")
        term.keys("n")
        term.wait_for(f"fase {number} van 5")
    screen = term.wait_for("Onderlinge coaching · werkvorm ")
    assert "Stap 1 van " in screen
    term.keys("C-q")
    term.wait_for("[afgesloten]")
    [meeting_file] = (data / "meetings").glob("*.toml")
    record = tomllib.loads(meeting_file.read_text(encoding="utf-8"))
    assert [(p["title"], p["planned_minutes"], p.get("workform", "")) for p in record["phases"]] == [
        (p["title"], p["minutes"], p.get("workform", "")) for p in plan["phases"]]
    assert record["plan"]["id"] == plan_file.stem
    assert [p["title"] for p in record["plan"]["phases"]] == titles


def test_a_second_window_does_not_take_the_projector_until_it_is_handed_over(tmp_path, terminal_factory):
    data = tmp_path / "data"
    first = terminal_factory([str(PROGRAM), "--data-dir", str(data), "start", "--title", "Echte bijeenkomst"])
    first.wait_for("esc Klaar met typen")
    first.keys("Escape")
    first.wait_for("spatie Timer")
    first.keys("Space")  # the meeting runs
    beamer = terminal_factory([str(PROGRAM), "--data-dir", str(data), "beamer"], width=100, height=30)
    beamer.wait_for("Opstart en check-in")
    first.keys("n")
    beamer.wait_for("Reflectie of verbindende opdracht")
    second = terminal_factory([str(PROGRAM), "--data-dir", str(data), "start", "--title", "Oude bijeenkomst"])
    second.wait_for("Ctrl+B: deze bijeenkomst naar de beamer")  # it says who has the projector
    second.keys("Escape")
    second.wait_for("spatie Timer")
    second.keys("Space")  # a change in the second window
    [second_file] = (data / "meetings").glob("*-oude-bijeenkomst.toml")
    wait_until(lambda: "running_since" in tomllib.loads(second_file.read_text(encoding="utf-8"))["phases"][0],
               "the second window's timer to run")
    time.sleep(0.5)  # what the beamer would show by now, had the second window taken it
    assert "Reflectie of verbindende opdracht" in beamer.screen()
    second.keys("C-b")  # "Naar de beamer"
    beamer.wait_for("Opstart en check-in")
    second.wait_for("De beamer toont nu deze bijeenkomst.")
    first.keys("n")  # (still out of the notes) the first window's changes no longer go to the projector
    first.wait_for("fase 3 van 5")
    time.sleep(0.5)  # as above: what the beamer would show by now, had the first window's change gone to it
    assert "Opstart en check-in" in beamer.screen()
    second.keys("C-q")
    second.wait_for("[afgesloten]")
    beamer.wait_for("Inhoud op het thema")  # the meeting still running takes the free projector, no key needed
    first.keys("n")
    beamer.wait_for("Onderlinge coaching")
