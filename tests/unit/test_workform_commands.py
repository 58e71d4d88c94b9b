"""`lerend-tui workforms list|show|check` and `lerend-tui pick`: output, exit codes, Dutch messages."""

from __future__ import annotations

import json
import os
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lerend_tui import cli
from lerend_tui.catalogue.picker import Filters
from lerend_tui.catalogue.workforms import builtin_workform_files, load_catalogue
from lerend_tui.commands.pick import draw_one, recent_workforms
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import load_templates

TROIKA = next(path for path in builtin_workform_files() if path.stem == "troika-consulting")
KEYS = {"id", "name", "phases", "group_min", "group_max", "subgroups", "minutes", "steps"}


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(tmp_path), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def own_file(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "workforms"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def store_meeting(tmp_path: Path, days_ago: int, workforms: list[str]) -> None:
    """A meeting record whose phases ran `workforms` (one per phase, from the first phase on)."""
    start = datetime(2026, 11, 24, 19, 0, tzinfo=UTC) - timedelta(days=days_ago)
    record = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title=f"Dag {days_ago}",
                                         participants=[], planned_start=start)
    for phase, workform in zip(record.phases, workforms):
        phase.workform = workform
    folder = tmp_path / "meetings"
    folder.mkdir(exist_ok=True)
    MeetingStore(folder).create(record)


# --- list --------------------------------------------------------------------------------------------

def test_list_shows_every_work_format_on_one_line(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, "workforms", "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == len(load_catalogue(None))
    troika = next(line for line in lines if line.startswith("troika-consulting "))
    assert "Trojka-consult" in troika and "coaching" in troika and "3–30, per 3" in troika and "30 min" in troika
    assert not (tmp_path / "workforms").exists(), "a read-only command creates nothing"


def test_list_as_json(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, "workforms", "list", "--json")
    items = json.loads(out)
    assert code == 0 and len(items) == len(load_catalogue(None))
    assert all(item.keys() >= KEYS for item in items)
    assert all({"title", "minutes"} <= step.keys() for item in items for step in item["steps"])
    assert [item["id"] for item in items] == sorted(item["id"] for item in items)


def test_list_filtered_by_phase(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, "workforms", "list", "--phase", "coaching", "--json")
    items = json.loads(out)
    assert code == 0 and items and all("coaching" in item["phases"] for item in items)
    assert len(items) == len(load_catalogue(None).for_phase("coaching"))


def test_unknown_phase_is_refused_in_dutch(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--data-dir", str(tmp_path), "workforms", "list", "--phase", "pauze"])
    assert exit_.value.code == 2
    assert "ongeldige keuze: 'pauze'" in capsys.readouterr().err


def test_own_file_overrides_a_builtin_by_id(tmp_path, capsys):
    own_file(tmp_path, "troika-consulting",
             TROIKA.read_text(encoding="utf-8").replace('name = "Trojka-consult"', 'name = "Trojka van ons"'))
    _, out, _ = run(tmp_path, capsys, "workforms", "list")
    troika = [line for line in out.splitlines() if line.startswith("troika-consulting ")]
    assert len(troika) == 1 and "Trojka van ons" in troika[0] and troika[0].endswith("eigen")
    _, out, _ = run(tmp_path, capsys, "workforms", "show", "troika-consulting", "--json")
    assert json.loads(out)["builtin"] is False


def test_broken_own_file_is_named_and_the_rest_still_listed(tmp_path, capsys):
    own_file(tmp_path, "kapot", TROIKA.read_text(encoding="utf-8").replace('id = "troika-consulting"', 'id = "kapot"')
             .replace("minutes = 30", "minutes = 31"))
    code, out, err = run(tmp_path, capsys, "workforms", "list")
    assert code == 0
    assert "kapot.toml" in err and "veld 'minutes'" in err and "31" in err
    assert len(out.splitlines()) == len(load_catalogue(None))


def test_data_dir_from_the_environment(tmp_path, capsys, monkeypatch):
    own_file(tmp_path, "grote-trio", TROIKA.read_text(encoding="utf-8").replace('id = "troika-consulting"', 'id = "grote-trio"'))
    monkeypatch.setenv("LEREND_TUI_HOME", str(tmp_path))
    assert cli.main(["workforms", "list"]) == 0
    assert "grote-trio " in capsys.readouterr().out


# --- show --------------------------------------------------------------------------------------------

def test_show_gives_the_whole_work_format(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, "workforms", "show", "troika-consulting")
    assert code == 0
    for words in ("Trojka-consult (Troika Consulting)", "In trio's krijgt ieder", "Fasen:", "coaching",
                  "3–30 deelnemers, in groepjes van 3", "30 minuten", "inbrenger, consultant", "stopwatch of bel",
                  "1. Vraag voorbereiden (1 min)", "14. Afronden in het trio (2 min)",
                  "Bron: Liberating Structures"):
        assert words in out, words


def test_show_unknown_id_is_explained(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, "workforms", "show", "troika")
    assert code == 2 and out == ""
    assert "Onbekende werkvorm 'troika'. Bedoelde je 'troika-consulting'?" in err


# --- check -------------------------------------------------------------------------------------------

def test_check_good_files(tmp_path, capsys):
    own_file(tmp_path, "troika-consulting", TROIKA.read_text(encoding="utf-8"))
    code, out, _ = run(tmp_path, capsys, "workforms", "check")
    assert code == 0 and "In orde: 1 werkvormbestand." in out
    code, out, _ = run(tmp_path, capsys, "workforms", "check", str(TROIKA.parent))
    assert code == 0 and f"In orde: {len(builtin_workform_files())} werkvormbestanden." in out


def test_check_names_file_and_field(tmp_path, capsys):
    own_file(tmp_path, "goed", TROIKA.read_text(encoding="utf-8").replace('id = "troika-consulting"', 'id = "goed"'))
    bad = own_file(tmp_path, "slecht", TROIKA.read_text(encoding="utf-8")
                   .replace('id = "troika-consulting"', 'id = "slecht"').replace("group_min = 3", 'group_min = "drie"'))
    code, out, _ = run(tmp_path, capsys, "workforms", "check")
    assert code == 1
    assert f"{bad}, veld 'group_min': verwacht een geheel getal, maar vond tekst 'drie'" in out
    assert "goed.toml" not in out and "1 fout gevonden." in out


def test_check_lists_every_bad_field_of_a_file_at_once(tmp_path, capsys):
    text = (TROIKA.read_text(encoding="utf-8").replace('id = "troika-consulting"', 'id = "slecht"')
            .replace("group_min = 3", "group_min = inf").replace("group_max = ", "group_max = 10000 #")
            .replace('name = "', 'name = 3 #', 1).replace("[[steps]]", "[[steps]]\nduur = 4", 1))
    bad = own_file(tmp_path, "slecht", "kleur = 'rood'\n" + text)
    os.mkfifo(tmp_path / "workforms" / "pijp.toml")  # a named pipe, named like a work format: checked, not waited on
    code, out, _ = run(tmp_path, capsys, "workforms", "check")
    assert code == 1
    for field in ("group_min", "group_max", "name", "steps[1].duur", "kleur"):
        assert f"{bad}, veld '{field}': " in out, (field, out)
    assert "pijp.toml: is geen gewoon bestand, maar een named pipe" in out
    assert "6 fouten gevonden." in out


def test_check_a_missing_path_and_an_empty_user_folder(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, "workforms", "check", str(tmp_path / "nergens.toml"))
    assert code == 1 and "nergens.toml: bestand of map bestaat niet" in out
    code, out, _ = run(tmp_path, capsys, "workforms", "check")
    assert code == 0 and "niets te controleren" in out


# --- pick --------------------------------------------------------------------------------------------

def test_pick_with_a_seed_gives_the_same_work_format(tmp_path, capsys):
    args = ["pick", "--phase", "coaching", "--people", "8", "--minutes", "45", "--seed", "11", "--json"]
    first, second = (json.loads(run(tmp_path, capsys, *args)[1]) for _ in range(2))
    assert first["id"] == second["id"]
    assert first.keys() >= KEYS
    assert "coaching" in first["phases"] and first["minutes"] <= 45
    assert first["group_min"] <= 8 <= first["group_max"] or (first["subgroups"] or 99) <= 8 <= first["group_max"]


def test_pick_in_brief(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, "pick", "--phase", "checkin", "--seed", "1")
    assert code == 0
    assert "passende werkvormen" in out and "lerend-tui workforms show " in out


def test_pick_where_nothing_fits_says_why(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, "pick", "--phase", "coaching", "--people", "8", "--minutes", "1")
    assert code == 1 and out == ""
    assert "Geen werkvorm past in 1 minuut; de kortste duurt 3 minuten." in err


@pytest.mark.parametrize("args", [["--people", "0"], ["--minutes", "-5"], ["--people", "acht"]])
def test_pick_refuses_counts_that_are_not_positive(tmp_path, capsys, args):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--data-dir", str(tmp_path), "pick", *args])
    assert exit_.value.code == 2
    assert "verwacht een positief geheel getal" in capsys.readouterr().err


def test_recent_workforms_come_from_the_meeting_records_newest_first(tmp_path):
    store_meeting(tmp_path, 14, ["sterrenbeeld", "", "", "troika-consulting"])
    store_meeting(tmp_path, 0, ["", "", "", "incidentmethode"])
    store_meeting(tmp_path, 7, [])
    assert recent_workforms(MeetingStore(tmp_path / "meetings")) == [
        ["incidentmethode"], [], ["sterrenbeeld", "troika-consulting"]]


def test_recent_use_lowers_the_chance():
    catalogue = load_catalogue(None)
    coaching = Filters(phase="coaching")

    def count(used: list[list[str]]) -> int:
        return sum(draw_one(catalogue, coaching, used, random.Random(seed))[0].id == "troika-consulting"
                   for seed in range(1000))

    fresh, recent = count([]), count([["troika-consulting"]])
    assert fresh > 40 and recent < fresh / 2


def test_pick_weighs_down_what_the_group_did_last_time(tmp_path, capsys):
    """The CLI hands the ids from the meeting records to the draw: find a seed whose draw changes when
    the group did that format last meeting, and check the command follows."""
    catalogue = load_catalogue(None)
    coaching = Filters(phase="coaching")
    seed = next(seed for seed in range(1000)
                if (chosen := draw_one(catalogue, coaching, [], random.Random(seed))[0])
                and draw_one(catalogue, coaching, [[chosen.id]], random.Random(seed))[0] != chosen)
    args = ["pick", "--phase", "coaching", "--seed", str(seed), "--json"]
    before = json.loads(run(tmp_path, capsys, *args)[1])["id"]
    store_meeting(tmp_path, 0, ["", "", "", before])
    code, out, _ = run(tmp_path, capsys, *args[:-1])
    assert code == 0 and f"({before})" not in out.splitlines()[0]
    assert json.loads(run(tmp_path, capsys, *args)[1])["id"] != before


def test_recently_used_is_mentioned(tmp_path, capsys):
    own_file(tmp_path, "grote-trio", TROIKA.read_text(encoding="utf-8")
             .replace('id = "troika-consulting"', 'id = "grote-trio"').replace("group_max = 30", "group_max = 500"))
    store_meeting(tmp_path, 1, ["", "", "", "grote-trio"])
    store_meeting(tmp_path, 0, [])
    # No built-in format takes 500 people: the own file is the only candidate.
    code, out, _ = run(tmp_path, capsys, "pick", "--people", "500")
    assert code == 0 and out.startswith("Trojka-consult (grote-trio)")
    assert "Geloot uit 1 passende werkvorm." in out
    assert "Deze werkvorm is 2 bijeenkomsten geleden nog gebruikt" in out


def test_the_example_file_in_the_readme_is_valid(tmp_path, capsys):
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Work formats (werkvormen)"):]
    example = section[section.index("```toml\n") + len("```toml\n"):]
    own_file(tmp_path, "troika-consulting", example[:example.index("```")])
    code, out, _ = run(tmp_path, capsys, "workforms", "check")
    assert code == 0, out
    _, out, _ = run(tmp_path, capsys, "workforms", "show", "troika-consulting", "--json")
    shown = json.loads(out)
    assert len(shown["steps"]) == 3 and shown["builtin"] is False
    documented = {key.strip("`") for row in section.split("\n| ")[1:] for key in row.split(" |")[0].split(", ")}
    assert set(shown) - {"builtin", "path"} <= documented | {"steps"}


# --- help and the core ---------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["workforms"], ["workforms", "list"], ["workforms", "show"],
                                  ["workforms", "check"], ["pick"]])
def test_help_is_dutch(capsys, args):
    with pytest.raises(SystemExit) as exit_:
        cli.main([*args, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: ") and "toon deze hulp en stop" in out


def test_workforms_without_a_subcommand(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--data-dir", str(tmp_path), "workforms"])
    assert exit_.value.code == 2
    assert "deze argumenten ontbreken: OPDRACHT" in capsys.readouterr().err
