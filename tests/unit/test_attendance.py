"""Who is there: attendance in the record, in rounds, role proposals, the check-out and the network's trends."""

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import tomli_w

from lerend_tui.common.settings import Settings
from lerend_tui.common.validation import DataError
from lerend_tui.meeting.record import MeetingRecord, parse_record
from lerend_tui.meeting.running import Meeting
from lerend_tui.network.store import Network, Participant
from lerend_tui.network.trends import attendance_per_person, trends
from lerend_tui.reports.network import network_report
from lerend_tui.storage.meetings import MeetingStore, atomic_write_text
from lerend_tui.templates import load_templates

CET = timezone(timedelta(hours=1))
PEOPLE = ["Anouk", "Bram", "Chris", "Dirk", "Esra"]


def record(participants=PEOPLE, day=24) -> MeetingRecord:
    return MeetingRecord.from_template(load_templates().get("bijeenkomst"), title=f"Bijeenkomst {day}",
                                       participants=list(participants),
                                       planned_start=datetime(2026, 11, day, 19, 0, tzinfo=CET))


def meeting(clock, settings=None, **kwargs) -> Meeting:
    return Meeting(record(**kwargs), clock, settings=settings or Settings(round_random=False), rng=random.Random(3))


def test_a_record_without_attendance_has_everyone_present():
    assert record().present == PEOPLE and record().attendance_of("Bram") == "aanwezig"


def test_attendance_round_trips_through_the_file_and_is_validated(tmp_path: Path):
    kept = record(["Anouk", "Bram Jansen", "Chris"])
    kept.attendance = {"Anouk": "aanwezig", "Bram Jansen": "afgemeld", "Chris": "komt later"}
    path = tmp_path / "m.toml"
    atomic_write_text(path, kept.to_toml())
    assert '"Bram Jansen" = "afgemeld"' in path.read_text(encoding="utf-8")
    read = parse_record(path)
    assert read.attendance == kept.attendance and read.present == ["Anouk"]

    atomic_write_text(path, kept.to_toml().replace('"komt later"', '"ziek"'))
    with pytest.raises(DataError) as raised:
        parse_record(path)
    assert "attendance.Chris" in str(raised.value) and "afgemeld" in str(raised.value)
    atomic_write_text(path, tomli_w.dumps({**kept.to_table(), "attendance": "iedereen"}))
    with pytest.raises(DataError, match="attendance.*verwacht een tabel"):
        parse_record(path)


def test_the_check_in_round_leaves_out_who_is_absent_or_comes_later(clock):
    running = meeting(clock)
    assert running.speaking.order == PEOPLE
    running.set_attendance({"Bram": "afgemeld", "Dirk": "komt later"})
    assert running.speaking.order == ["Anouk", "Chris", "Esra"]
    assert running.record.present == ["Anouk", "Chris", "Esra"]


def test_a_round_under_way_keeps_who_spoke_and_takes_in_who_arrives(clock):
    running = meeting(clock)
    running.set_attendance({"Dirk": "komt later"})
    running.toggle_timer()
    running.advance()  # Anouk spoke; Bram is on
    running.set_attendance({"Chris": "afgemeld", "Dirk": "aanwezig"})
    assert running.speaking.order == ["Anouk", "Bram", "Esra", "Dirk"]
    assert running.speaking.current == "Bram" and running.speaking.running
    assert running.record.phases[0].round["order"] == ["Anouk", "Bram", "Esra", "Dirk"]


def test_role_proposals_and_the_check_out_count_those_present(clock):
    running = meeting(clock)
    running.set_attendance({"Anouk": "afgemeld", "Esra": "afgemeld"})
    assert running.draw_filters().people == 3
    assert running.record.present == ["Bram", "Chris", "Dirk"]


def test_names_no_longer_on_the_list_are_not_kept(clock):
    running = meeting(clock)
    running.set_attendance({"Bram": "afgemeld", "Zoë": "afgemeld"})
    assert running.record.attendance == {"Bram": "afgemeld"}


def test_trends_count_attendance_per_person(tmp_path: Path):
    network = Network("Zorgnetwerk", "", [Participant(name) for name in ("Anouk", "Bram")], meetings=[],
                      id="zorgnetwerk")
    store = MeetingStore(tmp_path)
    states = [{}, {"Bram": "afgemeld"}, {}, {"Bram": "komt later"}, {}]
    for day, attendance in enumerate(states, start=1):
        held = record(["Anouk", "Bram"], day=day)
        held.network, held.attendance = network.id, attendance
        held.started = held.planned_start
        store.create(held)
    never = record(["Anouk", "Bram"], day=20)  # never begun: nobody was there, it counts nowhere
    never.network = network.id
    store.create(never)
    records = {stored.id: stored.record for stored in store.scan()[0]}
    people = {person.name: person for person in attendance_per_person(network, records)}
    assert people["Bram"].words == "Bram: 3 van 5 keer aanwezig, 1 keer afgemeld, 1 keer komt later"
    assert people["Anouk"].words == "Anouk: 5 van 5 keer aanwezig"
    assert [point.attendance for point in trends(network, records)][:5] == [2, 1, 2, 1, 2]
    assert "- Bram: 3 van 5 keer aanwezig, 1 keer afgemeld" in network_report(network, records)
