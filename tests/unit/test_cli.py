"""The command line: Dutch messages and exit codes for bad input, never a traceback."""

import os
import stat
import subprocess
import sys

import pytest

from lerend_tui import cli

from ..hostile import hostile_meetings


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["start", "--template", "vergadering"], "Onbekend sjabloon 'vergadering'. Beschikbaar: adoptie, bijeenkomst"),
        (["start", "--at", "25:00"], "Ongeldige starttijd '25:00'"),
        (["start", "--participants", "Anouk,,Bram"], "Lege naam op plaats 2"),
        (["start", "--participants", "Anouk, anouk"], "staat twee keer"),
        (["start", "--resume"], "Er is geen onderbroken bijeenkomst"),
    ],
)
def test_bad_start_input_is_explained(tmp_path, capsys, args, words):
    assert cli.main(["--data-dir", str(tmp_path), *args]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not list((tmp_path / "meetings").glob("*.toml"))


def test_unknown_option_in_dutch(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["start", "--bogus"])
    assert exit_.value.code == 2
    assert "onbekende argumenten: --bogus" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_data_dir_is_refused(tmp_path, capsys):
    data = tmp_path / "data"
    (data / "meetings").mkdir(parents=True)
    (data / "meetings").chmod(stat.S_IRUSR | stat.S_IXUSR)
    assert cli.main(["--data-dir", str(data), "start"]) == 2
    assert "kan niet worden geschreven" in capsys.readouterr().err


def test_data_dir_that_is_a_file_is_refused(tmp_path, capsys):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    assert cli.main(["--data-dir", str(blocker), "start"]) == 2
    assert "kan niet worden aangemaakt" in capsys.readouterr().err


def test_data_dir_from_the_environment(tmp_path, monkeypatch):
    from lerend_tui.common.paths import Paths

    monkeypatch.setenv("LEREND_TUI_HOME", str(tmp_path / "thuis"))
    assert Paths.resolve().data == tmp_path / "thuis"
    assert Paths.resolve(tmp_path / "expliciet").data == tmp_path / "expliciet"


def test_bad_settings_are_named_and_the_defaults_used(tmp_path, capsys, monkeypatch):
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text('[timer]\nwarning_percent = "veel"\nbell = false\n', encoding="utf-8")
    monkeypatch.setattr("lerend_tui.common.paths.user_config_dir", lambda name: str(config))
    started = {}

    def fake_run(app):
        started["settings"] = app.services.settings

    monkeypatch.setattr("lerend_tui.app.LerendApp.run", fake_run)
    assert cli.main(["--data-dir", str(tmp_path / "data"), "start"]) == 0
    err = capsys.readouterr().err
    assert "config.toml" in err and "timer.warning_percent" in err
    assert started["settings"].warning_percent == 20 and started["settings"].bell is False


def test_notes_list_show_and_export(tmp_path, capsys, clock):
    import json

    from lerend_tui.common.paths import Paths
    from lerend_tui.meeting.record import MeetingRecord
    from lerend_tui.meeting.running import Meeting
    from lerend_tui.storage.meetings import MeetingStore
    from lerend_tui.templates import load_templates

    paths = Paths(data=tmp_path / "data", config=tmp_path / "config")
    record = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title="Verslagavond",
                                         participants=["Anouk"], planned_start=clock.now())
    meeting = Meeting(record, clock)
    meeting.set_notes("Actie: @Anouk mailt het verslag")
    meeting.go_to(3)
    meeting.set_notes("Vertrouwelijke casus")
    path = MeetingStore(paths.meetings).create(meeting.snapshot())
    (paths.meetings / "2026-01-01-kapot.toml").write_text("title = \nschema = 1\n", encoding="utf-8")
    data = ["--data-dir", str(paths.data)]

    assert cli.main([*data, "notes", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    [row] = json.loads(out)
    assert (row["id"], row["title"], row["template"], row["items"]) == (path.stem, "Verslagavond", "bijeenkomst", 1)
    assert "2026-01-01-kapot.toml, regel 1" in err

    assert cli.main([*data, "notes", "show", path.stem]) == 0
    assert "## Acties\n\n**Anouk**\n\n- Anouk mailt het verslag" in capsys.readouterr().out

    report = tmp_path / "verslag.md"
    assert cli.main([*data, "notes", "export", path.stem, "-o", str(report), "--zonder", "coaching"]) == 0
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Verslagavond") and "Vertrouwelijke casus" not in text

    assert cli.main([*data, "notes", "show", "bestaat-niet"]) == 2
    assert "Geen bijeenkomst 'bestaat-niet'" in capsys.readouterr().err


def run_cli(*args: str) -> "subprocess.CompletedProcess[str]":
    import subprocess
    import sys

    # its own process, with a time limit: a named pipe must never make a command wait for ever
    return subprocess.run([sys.executable, "-m", "lerend_tui.cli", *args], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_commands_survive_hostile_meeting_files_beside_a_good_one(tmp_path, clock):
    from lerend_tui.meeting.record import MeetingRecord
    from lerend_tui.templates import load_templates

    good = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title="Goede avond",
                                       participants=["Anouk"], planned_start=clock.now())
    data = tmp_path / "data"
    hostile = hostile_meetings(data / "meetings", good.to_toml())
    for args, code, shown in ((["notes", "list"], 0, "Goede avond"), (["notes", "show", "2026-11-24-goed"], 0, "# Goede avond"),
                              (["pick", "--seed", "1"], 0, "Geloot uit")):
        result = run_cli("--data-dir", str(data), *args)
        assert result.returncode == code, result.stderr
        assert shown in result.stdout and "Traceback" not in result.stderr
        if args[0] == "notes":
            for name in hostile:
                assert f"onleesbaar: {data / 'meetings' / name}" in result.stderr, (name, result.stderr)


@pytest.mark.parametrize("command", [["notes", "list"], ["plan", "list"]])
def test_a_reader_that_stops_early_stops_the_command_quietly(tmp_path, clock, command):
    """`lerend-tui notes list | head -1`: the reader gone, the command ends with 1, without a crash log."""
    from lerend_tui.common.paths import Paths
    from lerend_tui.meeting.record import MeetingRecord
    from lerend_tui.plans.plan import MeetingPlan, PlanStore
    from lerend_tui.storage.meetings import MeetingStore
    from lerend_tui.templates import load_templates

    paths = Paths(data=tmp_path / "data", config=tmp_path / "config")
    template = load_templates().get("bijeenkomst")
    MeetingStore(paths.meetings).create(MeetingRecord.from_template(template, title="Avond", participants=["Anouk"],
                                                                       planned_start=clock.now()))
    PlanStore(paths.plans).save(MeetingPlan.from_template(template, name="volgende-keer", title="Volgende keer"))
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    reader_gone = subprocess.Popen([sys.executable, "-m", "lerend_tui.cli", "--data-dir", str(paths.data), *command],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    reader_gone.stdout.close()
    stderr = reader_gone.stderr.read().decode()
    assert reader_gone.wait(timeout=60) == 1, stderr
    assert "Traceback" not in stderr and "crash" not in stderr.casefold()
