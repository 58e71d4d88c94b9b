"""Escape sequences in every field never reach the output: a data dir whose meetings, plan, network, work
format and live state hold an OSC title, a screen wipe and an OSC 52 clipboard write in every text field
(and a meeting file with an escape in its name, `hostile.escape_laden_data`) is shown and exported by every
command, and no ESC, BEL or C1 character comes out. Names and titles in an exported report are escaped for
Markdown. The screens showing the same data dir are in the Pilot tier (pilot/test_escape_sequences.py)."""

from __future__ import annotations

import pytest

from lerend_tui import cli
from lerend_tui.network.store import NetworkStore
from lerend_tui.plans.plan import markdown_agenda, parse_plan, text_agenda
from lerend_tui.reports.meeting import markdown_report
from lerend_tui.reports.network import network_report

from ..hostile import MEETING, ODD_NAME, assert_clean, write_toml
from ..samples import full_record

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
