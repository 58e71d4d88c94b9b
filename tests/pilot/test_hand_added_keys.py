"""Keys a person adds by hand to a meeting or network file survive every save, in the `.bak` too: through
the core (parse → save → parse) and through the screens that save (the meeting screen, the network screen)."""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

import tomli_w
from textual.widgets import TextArea

from lerend_tui.app import make_app
from lerend_tui.meeting.record import parse_record
from lerend_tui.network.store import NetworkStore, parse_network
from lerend_tui.storage.meetings import MeetingStore

from ..appkit import home_app, open_network, until
from ..samples import CET, full_record, make_network

LOCATION = "Buurthuis De Linde, zaal 2"


def with_added_keys(text: str) -> str:
    """The file's text with a key added by hand to each of its tables."""
    data = tomllib.loads(text)
    data["locatie"] = LOCATION
    data["phases"][0]["zaal"] = "kring"
    data["phases"][3]["steps"][0]["materiaal"] = ["flip-over", "stiften"]
    data["checkout"][0]["bijzonder"] = "kwam later"
    data["carried"][0]["bron"] = "mail"
    data["plan"]["versie"] = 3
    data["plan"]["phases"][0]["opmerking"] = "kort houden"
    data["contact"] = {"naam": "Els", "sinds": datetime(2026, 1, 5, 9, 0, tzinfo=CET)}  # a table of one's own
    return tomli_w.dumps(data)


def hand_added_of(path: Path) -> dict:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        "locatie": data.get("locatie"),
        "zaal": data["phases"][0].get("zaal"),
        "materiaal": data["phases"][3]["steps"][0].get("materiaal"),
        "bijzonder": data["checkout"][0].get("bijzonder"),
        "bron": data["carried"][0].get("bron"),
        "versie": data["plan"].get("versie"),
        "opmerking": data["plan"]["phases"][0].get("opmerking"),
        "contact": data.get("contact"),
    }


EXPECTED = {"locatie": LOCATION, "zaal": "kring", "materiaal": ["flip-over", "stiften"], "bijzonder": "kwam later",
            "bron": "mail", "versie": 3, "opmerking": "kort houden",
            "contact": {"naam": "Els", "sinds": datetime(2026, 1, 5, 9, 0, tzinfo=CET)}}


def meeting_with_added_keys(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "2026-11-24-zorgnetwerk.toml"
    path.write_text(with_added_keys(full_record().to_toml()), encoding="utf-8")
    return path


def test_a_record_the_program_wrote_has_no_hand_added_keys(tmp_path: Path):
    """Every key the program writes is one it knows: the known keys of each table match the writer's."""
    path = tmp_path / "m.toml"
    path.write_text(full_record().to_toml(), encoding="utf-8")
    record = parse_record(path)
    tables = [record, *record.phases, *record.phases[3].steps, *record.checkout, *record.carried, record.plan,
              *record.plan.phases]
    assert [table.extra for table in tables] == [{}] * len(tables)


def test_hand_added_meeting_keys_survive_saves_and_are_in_the_backup(tmp_path: Path):
    path = meeting_with_added_keys(tmp_path / "meetings")
    store = MeetingStore(path.parent)
    record = parse_record(path)
    assert record.extra["locatie"] == LOCATION and record.phases[0].extra == {"zaal": "kring"}
    record.phases[0].notes = "eerste save"
    store.save(record, path)
    record = parse_record(path)
    record.phases[0].notes = "tweede save"
    store.save(record, path)
    assert hand_added_of(path) == EXPECTED
    assert hand_added_of(path.with_name(path.name + ".bak")) == EXPECTED
    again = parse_record(path)
    assert again.phases[0].notes == "tweede save" and again.plan.extra == {"versie": 3}


def test_hand_added_keys_come_after_the_programs_own(tmp_path: Path):
    path = meeting_with_added_keys(tmp_path / "meetings")
    MeetingStore(path.parent).save(parse_record(path), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines.index(f'locatie = "{LOCATION}"') > lines.index("current_phase = 0")
    phase = lines[lines.index("[[phases]]"):]
    assert phase.index('zaal = "kring"') > phase.index('kind = "checkin"')


def test_a_key_of_the_programs_own_is_never_written_twice(tmp_path: Path):
    path = meeting_with_added_keys(tmp_path / "meetings")
    record = parse_record(path)
    record.extra["title"] = "stale"  # cannot come from a file, but if it did, the record's own title wins
    assert record.to_table()["title"] == "Zorgnetwerk"


def network_with_added_keys(paths) -> Path:
    network = make_network(paths)
    store = NetworkStore(paths.networks)
    path = store.path(network)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data["notities"] = "Bellen voor de zaal"
    data["agreements"]["herzien"] = "maart"
    data["participants"][0]["telefoon"] = "06-12345678"
    data["participants"][0]["intake"] = {"advice": "past", "answers": {"voldoende-tijd": True}, "door": "Els"}
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def network_added_of(path: Path) -> tuple:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    anouk = data["participants"][0]
    return data.get("notities"), data["agreements"].get("herzien"), anouk.get("telefoon"), anouk["intake"].get("door")


NETWORK_EXPECTED = ("Bellen voor de zaal", "maart", "06-12345678", "Els")


def test_hand_added_network_keys_survive_saves_and_are_in_the_backup(paths):
    path = network_with_added_keys(paths)
    store = NetworkStore(paths.networks)
    network = parse_network(path)
    assert network.extra == {"notities": "Bellen voor de zaal"}
    network.agreements.afspraken.append("We beginnen op tijd")
    store.save(network)
    network = parse_network(path)
    network.add_participant("Chris")
    store.save(network)
    assert network_added_of(path) == NETWORK_EXPECTED
    assert network_added_of(path.with_name(path.name + ".bak")) == NETWORK_EXPECTED
    again = parse_network(path)
    assert again.names == ["Anouk", "Bram", "Chris"] and again.agreements.afspraken == ["We beginnen op tijd"]
    assert again.participants[0].intake.extra == {"door": "Els"}


async def test_the_meeting_screen_keeps_hand_added_keys_when_it_saves(paths, clock):
    path = meeting_with_added_keys(paths.meetings)
    record = parse_record(path)
    record.ended = None  # an unfinished meeting, resumed
    app = make_app(paths, clock=clock, open_meeting=(record, path), save_delay=0.01)
    async with app.run_test() as pilot:
        app.screen.query_one("#notes", TextArea).focus()
        await pilot.press(*"genoteerd")
        # the autosave (MeetingStore.write, in the background)
        await until(pilot, lambda: "genoteerd" in tomllib.loads(path.read_text(encoding="utf-8"))["phases"][0]["notes"],
                    "the background save")
        assert hand_added_of(path) == EXPECTED
        await pilot.press("n")  # a phase change saves too
        await pilot.press("ctrl+q")
    assert hand_added_of(path) == EXPECTED
    assert hand_added_of(path.with_name(path.name + ".bak")) == EXPECTED


async def test_the_network_screen_keeps_hand_added_keys_when_it_saves(paths, clock):
    path = network_with_added_keys(paths)
    app = home_app(paths, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("f4")
        await pilot.pause()
        screen.query_one("#agreements-list", TextArea).focus()
        await pilot.press(*"Op tijd")
        assert screen.save_now()
        assert tomllib.loads(path.read_text(encoding="utf-8"))["agreements"]["afspraken"] == ["Op tijd"]
    assert network_added_of(path) == NETWORK_EXPECTED
    assert network_added_of(path.with_name(path.name + ".bak")) == NETWORK_EXPECTED
