"""`lerend-tui network …` and `start --network`: Dutch output, broken files named, exit codes."""

import json
from dataclasses import replace

import pytest

from lerend_tui import cli
from lerend_tui.meeting.items import Item
from lerend_tui.meeting.record import Checkout
from lerend_tui.network.store import NetworkStore
from lerend_tui.storage.meetings import MeetingStore


def test_new_list_and_show(tmp_path, data, capsys):
    assert cli.main([*data, "network", "new", "Zorgnetwerk Zuid", "--theme", "Samen in de wijk",
                     "--participants", "Anouk de Vries, Bram"]) == 0
    out = capsys.readouterr().out
    assert "Netwerk 'Zorgnetwerk Zuid' aangemaakt" in out and "start --network zorgnetwerk-zuid" in out
    assert cli.main([*data, "network", "new", "Noord"]) == 0
    networks = tmp_path / "data" / "networks"
    (networks / "kapot.toml").write_text('schema = 1\nname = "Kapot"\n[[participants]]\nname = 3\n', encoding="utf-8")
    capsys.readouterr()

    assert cli.main([*data, "network", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    rows = json.loads(out)
    assert [(row["id"], row["name"], row["theme"], row["participants"], row["meetings"]) for row in rows] == [
        ("noord", "Noord", "", [], []),
        ("zorgnetwerk-zuid", "Zorgnetwerk Zuid", "Samen in de wijk", ["Anouk de Vries", "Bram"], []),
    ]
    assert f"{networks / 'kapot.toml'}, veld 'participants[1].name'" in err and "Traceback" not in err

    assert cli.main([*data, "network", "list"]) == 0
    out = capsys.readouterr().out
    assert "Zorgnetwerk Zuid  ·  2 deelnemers, 0 bijeenkomsten  ·  Samen in de wijk" in out

    assert cli.main([*data, "network", "show", "zorgnetwerk zuid"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Zorgnetwerk Zuid\n================\nThema: Samen in de wijk\n")
    assert "  Anouk de Vries\n    (nog geen leervragen)" in out and "Bijeenkomsten (0)" in out


def test_list_without_networks(data, capsys):
    assert cli.main([*data, "network", "list"]) == 0
    assert "Nog geen netwerken" in capsys.readouterr().out
    assert cli.main([*data, "network", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["network", "show", "onbekend"], "Geen netwerk 'onbekend'"),
        (["network", "report", "onbekend"], "Geen netwerk 'onbekend'"),
        (["start", "--network", "onbekend"], "Geen netwerk 'onbekend'"),
        (["network", "new", "Zuid", "--participants", "Anouk,,Bram"], "Lege naam op plaats 2"),
        (["network", "new", " "], "De naam van het netwerk mag niet leeg zijn"),
    ],
)
def test_bad_input_is_explained(tmp_path, data, capsys, args, words):
    assert cli.main([*data, *args]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not list((tmp_path / "data").glob("meetings/*.toml"))


def test_an_existing_name_is_refused(data, capsys):
    assert cli.main([*data, "network", "new", "Zuid"]) == 0
    assert cli.main([*data, "network", "new", "zuid"]) == 2
    assert "Er is al een netwerk 'Zuid'" in capsys.readouterr().err


def test_a_broken_network_file_is_named_with_path_and_field(tmp_path, data, capsys, no_app):
    networks = tmp_path / "data" / "networks"
    networks.mkdir(parents=True)
    broken = networks / "zuid.toml"
    broken.write_text('schema = 1\nname = "Zuid"\nmeetings = ["a", 2]\n', encoding="utf-8")
    for args in (["network", "show", "zuid"], ["network", "report", "Zuid"], ["start", "--network", "zuid"]):
        assert cli.main([*data, *args]) == 2
        err = capsys.readouterr().err
        assert f"{broken}, veld 'meetings'" in err and "Traceback" not in err
    assert no_app == []
    assert broken.read_text(encoding="utf-8") == 'schema = 1\nname = "Zuid"\nmeetings = ["a", 2]\n'


def test_start_in_a_network_and_the_next_meeting_carries_the_commitments(tmp_path, data, capsys, no_app):
    assert cli.main([*data, "network", "new", "Zuid", "--participants", "Anouk, Bram"]) == 0
    assert cli.main([*data, "start", "--network", "zuid", "--title", "Eerste avond"]) == 0
    (first, first_path), = no_app
    assert (first.network, first.participants, first.carried) == ("zuid", ["Anouk", "Bram"], [])
    networks = NetworkStore(tmp_path / "data" / "networks")
    assert networks.load("zuid").meetings == [first_path.stem]

    # what the first meeting's notes held (the app would have saved this)
    first.items = [Item("stok", "@Anouk belt twee mantelzorgers", "Anouk", "Evaluatie en afsluiting"),
                   Item("actie", "verslag rondsturen", "", "Evaluatie en afsluiting")]
    first.checkout = [Checkout("Anouk", "blij", 4), Checkout("Bram", "moe", 3)]
    first.phases[0].started = first.started = first.planned_start  # it ran: only then does it carry anything over
    MeetingStore(first_path.parent).save(first, first_path)

    assert cli.main([*data, "start", "--network", "Zuid", "--title", "Tweede avond", "--participants", "Bram"]) == 0
    second, second_path = no_app[1]
    assert second.participants == ["Bram"]
    assert [(entry.owner, entry.text, entry.from_meeting) for entry in second.carried] == [
        ("Anouk", "@Anouk belt twee mantelzorgers", first_path.stem), ("", "verslag rondsturen", first_path.stem)]
    assert MeetingStore(second_path.parent).load(second_path).carried == second.carried
    assert networks.load("zuid").meetings == [first_path.stem, second_path.stem]
    second.phases[0].started = second.started = second.planned_start  # it ran too: it counts in the trends
    second.carried[1] = replace(second.carried[1], status="gedaan")  # ticked off at its check-in
    second.items = [Item("actie", "@Bram zoekt een zaal", "Bram", "Evaluatie en afsluiting")]
    MeetingStore(second_path.parent).save(second, second_path)
    capsys.readouterr()

    assert cli.main([*data, "network", "show", "zuid"]) == 0
    out = capsys.readouterr().out
    assert "Bijeenkomsten (2)" in out and "Eerste avond  ·  2 aanwezig  ·  ROTI 3,5" in out
    assert "  Aanwezig  █▅  2 1" in out and "  ROTI      ▅   3,5 —" in out
    first_day = f"{first.planned_start:%d-%m-%Y}"
    assert out.endswith("Nog open, per persoon (uit alle bijeenkomsten)\n"
                        "  Anouk\n"
                        f"    Stok achter de deur: @Anouk belt twee mantelzorgers  (uit Eerste avond, {first_day})\n"
                        "  Bram\n"
                        f"    Actie: @Bram zoekt een zaal  (uit Tweede avond, {second.planned_start:%d-%m-%Y})\n")

    report = tmp_path / "netwerk.md"
    assert cli.main([*data, "network", "report", "zuid", "-o", str(report)]) == 0
    assert f"Verslag geschreven naar {report}" in capsys.readouterr().out
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Lerend netwerk: Zuid") and "- Anouk: @Anouk belt twee mantelzorgers" in text


def test_resume_in_a_network_takes_that_networks_meeting(tmp_path, data, capsys, no_app):
    assert cli.main([*data, "network", "new", "Zuid"]) == 0
    assert cli.main([*data, "start", "--network", "zuid", "--title", "In het netwerk"]) == 0
    assert cli.main([*data, "start", "--title", "Los"]) == 0
    assert cli.main([*data, "start", "--resume", "--network", "zuid"]) == 0
    assert no_app[-1][0].title == "In het netwerk"
    assert cli.main([*data, "network", "new", "Noord"]) == 0
    assert cli.main([*data, "start", "--resume", "--network", "noord"]) == 2
    assert "Er is geen onderbroken bijeenkomst van netwerk 'Noord'" in capsys.readouterr().err


def test_help_is_dutch(capsys):
    with pytest.raises(SystemExit):
        cli.main(["network", "--help"])
    out = capsys.readouterr().out
    assert "gebruik: lerend-tui network" in out and "het verslag van het hele netwerk" in out


def test_a_file_that_cannot_be_written_is_explained(data, capsys, monkeypatch):
    def refuse(path, text, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("lerend_tui.network.store.atomic_write_text", refuse)
    assert cli.main([*data, "network", "new", "Zuid"]) == 2
    err = capsys.readouterr().err
    assert "Kan niet schrijven naar" in err and "zuid.toml: Permission denied" in err and "Traceback" not in err


def test_report_to_a_folder_that_does_not_exist_is_explained(tmp_path, data, capsys):
    assert cli.main([*data, "network", "new", "Zuid"]) == 0
    assert cli.main([*data, "network", "report", "zuid", "-o", str(tmp_path / "nergens" / "x.md")]) == 2
    err = capsys.readouterr().err
    assert "Kan niet schrijven naar" in err and "Traceback" not in err
