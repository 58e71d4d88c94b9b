"""A network across its meetings: carry-over over two and three recorded meetings, learning questions,
fairness, trends, the summary and the report."""

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from lerend_tui.catalogue.picker import meetings_since, propose_roles, suggest, times_held
from lerend_tui.meeting.items import Item
from lerend_tui.meeting.record import Carried, Checkout, MeetingRecord
from lerend_tui.network.carry_over import carry_over, commitments, set_status
from lerend_tui.network.exchange import collect_from_meeting, join_network
from lerend_tui.network.learning_questions import learning_questions
from lerend_tui.network.meetings import missing_meetings, network_meetings
from lerend_tui.network.owners import NO_OWNER_LABEL, by_owner, match_owner
from lerend_tui.network.roles import role_counts, role_history, role_turns, whose_turn
from lerend_tui.network.store import Network, Participant
from lerend_tui.network.summary import network_summary
from lerend_tui.network.trends import sparkline, trends
from lerend_tui.reports.network import network_report
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import load_templates

CET = timezone(timedelta(hours=1))
QUESTION = "Hoe betrek ik mantelzorgers bij het plan?"


def network() -> Network:
    return Network("Zorgnetwerk", "Wijkzorg",
                   [Participant("Anouk de Vries", [QUESTION]), Participant("Bram"), Participant("Chris")],
                   meetings=[], id="zorgnetwerk")


def new_record(day: int, participants=()) -> MeetingRecord:
    record = MeetingRecord.from_template(load_templates().get("bijeenkomst"), title=f"Bijeenkomst {day} november",
                                         participants=list(participants),
                                         planned_start=datetime(2026, 11, day, 19, 0, tzinfo=CET))
    record.started = record.planned_start
    return record


def first_meeting() -> MeetingRecord:
    record = new_record(3, ["Anouk de Vries", "Bram", "Chris"])
    record.items = [
        Item("stok", "@Anouk belt twee mantelzorgers", "Anouk", "Evaluatie en afsluiting"),
        Item("actie", "@Bram stuurt de agenda", "Bram", "Opstart en check-in"),
        Item("actie", "zaal reserveren", "", "Opstart en check-in"),
        Item("inzicht", "luisteren helpt", "", "Onderlinge coaching"),
        Item("leervraag", "@Anouk hoe houd ik het vol?", "Anouk", "Reflectie of verbindende opdracht"),
        Item("leervraag", "hoe betrek ik mantelzorgers bij het plan", "", "Reflectie of verbindende opdracht"),
    ]
    record.phases[2].roles = {"inhoud": "Chris"}
    record.phases[3].roles = {"inbrenger": "Anouk de Vries", "gespreksleider": "Bram"}
    record.checkout = [Checkout("Anouk de Vries", "blij", 5), Checkout("Bram", "", 4), Checkout("Chris")]
    record.ended = record.started + timedelta(hours=2)
    return record


def two_meetings(tmp_path: Path):
    """The network with its first meeting on disk, and the second joined to it (statuses ticked off)."""
    store = MeetingStore(tmp_path)
    net = network()
    first = store.create(first_meeting()).stem
    net.meetings.append(first)
    records = {stored.id: stored.record for stored in store.scan()[0]}
    second = join_network(new_record(24), net, records)
    second.participants = ["Anouk de Vries", "Bram"]
    return store, net, first, second


def test_the_second_check_in_shows_the_first_meetings_commitments_and_actions_per_owner(tmp_path: Path):
    store, net, first, second = two_meetings(tmp_path)
    assert second.network == "zorgnetwerk"
    assert second.carried == [
        Carried("stok", "@Anouk belt twee mantelzorgers", "Anouk", first, "open"),
        Carried("actie", "@Bram stuurt de agenda", "Bram", first, "open"),
        Carried("actie", "zaal reserveren", "", first, "open"),
    ]
    groups = by_owner(second.carried, net.names)
    assert list(groups) == ["Anouk de Vries", "Bram", ""]
    assert NO_OWNER_LABEL == "iedereen"
    assert [entry.text for entry in groups[""]] == ["zaal reserveren"]


def test_statuses_are_stored_in_the_new_meeting_and_loopt_door_carries_on(tmp_path: Path):
    store, net, first, second = two_meetings(tmp_path)
    set_status(second, 0, "gedaan")
    set_status(second, 1, "loopt door")
    set_status(second, 2, "vervalt")
    with pytest.raises(ValueError, match="Onbekende status 'klaar'"):
        set_status(second, 0, "klaar")
    second.items = [Item("stok", "@Chris oefent nee zeggen", "Chris", "Evaluatie en afsluiting")]
    path = store.create(second)
    net.meetings.append(path.stem)
    records = {stored.id: stored.record for stored in store.scan()[0]}
    assert [entry.status for entry in records[path.stem].carried] == ["gedaan", "loopt door", "vervalt"]
    assert records[first].carried == []  # the first meeting's file is untouched

    third = carry_over(net, records)
    assert third == [
        Carried("actie", "@Bram stuurt de agenda", "Bram", first, "open"),
        Carried("stok", "@Chris oefent nee zeggen", "Chris", path.stem, "open"),
    ]
    # computed for an existing meeting: what the meeting before it carries
    assert carry_over(net, records, current_id=path.stem)[0].from_meeting == first
    assert carry_over(net, records, current_id=first) == []


def test_an_unticked_item_comes_back_again_and_each_only_once(tmp_path: Path):
    store, net, first, second = two_meetings(tmp_path)
    second.items = [Item("actie", "@Bram stuurt de agenda", "Bram", "Opstart en check-in")]  # noted again
    path = store.create(second)
    net.meetings.append(path.stem)
    records = {stored.id: stored.record for stored in store.scan()[0]}
    again = carry_over(net, records)
    assert [(entry.text, entry.from_meeting, entry.status) for entry in again] == [
        ("@Anouk belt twee mantelzorgers", first, "open"),
        ("@Bram stuurt de agenda", first, "open"),
        ("zaal reserveren", first, "open"),
        ("@Bram stuurt de agenda", path.stem, "open"),  # a new action of the second meeting, not a duplicate
    ]


def test_only_the_networks_meetings_count(tmp_path: Path):
    store, net, first, second = two_meetings(tmp_path)
    other = new_record(20)
    other.items = [Item("actie", "iets van een ander netwerk", "", "Opstart en check-in")]
    filed_by_field = new_record(10)
    filed_by_field.network = "zorgnetwerk"
    records = {first: store.load(store.folder / f"{first}.toml"), "ander": other, "via-veld": filed_by_field,
               "leeg": new_record(1)}
    net.meetings.append("verdwenen")
    assert [meeting.id for meeting in network_meetings(net, records)] == [first, "via-veld"]
    assert missing_meetings(net, records) == ["verdwenen"]
    assert carry_over(net, records) == []  # the latest meeting of the network (via-veld) noted nothing


def test_join_network_takes_the_participants_unless_given():
    net = network()
    record = join_network(new_record(24), net, {})
    assert record.participants == ["Anouk de Vries", "Bram", "Chris"] and record.carried == []
    assert join_network(new_record(24, ["Dewi"]), net, {}).participants == ["Dewi"]


def test_owners_match_participants_by_first_name():
    names = ["Anouk de Vries", "Anouk Jansen", "Bram"]
    assert match_owner("bram", names) == "Bram"
    assert match_owner("Anouk", names) == "Anouk"  # two Anouks: left as written
    assert match_owner("Anouk", ["Anouk de Vries"]) == "Anouk de Vries"
    assert match_owner("", names) == ""
    assert list(by_owner([Carried("actie", "x", "Zoë", "m"), Carried("actie", "y", "bram", "m")], names)) == [
        "Bram", "Zoë"]


def test_learning_questions_per_person_across_meetings(tmp_path: Path):
    store, net, first, second = two_meetings(tmp_path)
    second.items = [Item("leervraag", "@Chris wanneer zeg ik nee?", "Chris", "Reflectie of verbindende opdracht")]
    path = store.create(second)
    net.meetings.append(path.stem)
    records = {stored.id: stored.record for stored in store.scan()[0]}
    trails = {trail.name: trail for trail in learning_questions(net, records)}
    assert list(trails) == ["Anouk de Vries", "Bram", "Chris"]
    anouk = trails["Anouk de Vries"]
    assert anouk.questions == (QUESTION,)
    assert [mention.text for mention in anouk.mentions] == ["@Anouk hoe houd ik het vol?",
                                                             "hoe betrek ik mantelzorgers bij het plan"]
    assert anouk.meetings == [first]
    assert trails["Bram"].mentions == ()
    assert trails["Chris"].meetings == [path.stem]


def test_fairness_counts_roles_per_person_with_the_content_bringer(tmp_path: Path):
    store, net, first, second = two_meetings(tmp_path)
    second.phases[3].roles = {"inbrenger": "Bram", "gespreksleider": "Anouk de Vries"}
    second.phases[2].roles = {"inbrenger": "Anouk de Vries"}  # an inbrenger in an inhoud phase brings the content
    path = store.create(second)
    net.meetings.append(path.stem)
    records = {stored.id: stored.record for stored in store.scan()[0]}
    assert role_counts(net, records) == {
        "Anouk de Vries": {"inbrenger": 1, "gespreksleider": 1, "inhoud": 1},
        "Bram": {"gespreksleider": 1, "inbrenger": 1},
        "Chris": {"inhoud": 1},
    }
    assert [(turn.meeting_id, turn.role, turn.name) for turn in role_turns(net, records)][:2] == [
        (first, "inhoud", "Chris"), (first, "inbrenger", "Anouk de Vries")]
    history = role_history(net, records)
    assert history.roles[0] == {"inhoud": "Anouk de Vries", "inbrenger": "Bram", "gespreksleider": "Anouk de Vries"}
    assert whose_turn("inbrenger", net, records) == "Chris"  # never had it
    assert whose_turn("inhoud", net, records) == "Bram"
    assert whose_turn("tijdbewaker", net, records) == "Anouk de Vries"  # nobody had it: the first in the list
    assert whose_turn("tijdbewaker", net, records, random.Random(3)) in net.names
    # the draw's role proposal takes the network's history too
    assert propose_roles(["inbrenger"], net.names, history.roles, random.Random(1)) == {"inbrenger": "Chris"}


def test_suggest_prefers_least_often_then_least_recently():
    history = [{"r": "Ans"}, {"r": "Bram"}, {"r": "Bram"}, {}]  # newest first
    assert (times_held("Bram", "r", history), meetings_since("Bram", "r", history)) == (2, 1)
    assert meetings_since("Cor", "r", history) == 4
    assert suggest("r", ["Ans", "Bram"], history) == "Ans"  # once against twice
    assert suggest("r", ["Ans", "Bram", "Cor"], history) == "Cor"  # never
    assert suggest("r", ["Ans", "Bram"], [{"r": "Ans"}, {"r": "Bram"}]) == "Bram"  # both once: longest ago
    assert suggest("r", ["Dewi", "Ans", "Cor"], []) == "Dewi"  # ties: the first in the list
    drawn = {suggest("r", ["Dewi", "Ans", "Cor"], [], random.Random(seed)) for seed in range(30)}
    assert drawn == {"Dewi", "Ans", "Cor"}
    assert suggest("r", [], history) is None


def test_trends_give_attendance_and_roti_per_meeting(tmp_path: Path):
    store, net, first, second = two_meetings(tmp_path)
    path = store.create(second)
    net.meetings.append(path.stem)
    records = {stored.id: stored.record for stored in store.scan()[0]}
    points = trends(net, records)
    assert [(p.meeting_id, p.attendance, p.roti, p.finished) for p in points] == [
        (first, 3, 4.5, True), (path.stem, 2, None, False)]
    assert points[0].date == datetime(2026, 11, 3, 19, 0, tzinfo=CET)


def test_sparkline():
    assert sparkline([0, 4, 8]) == "▁▅█"
    assert sparkline([3, None, 5], 1, 5) == "▅ █"
    assert sparkline([2, 2]) == "██"
    assert sparkline([None]) == " "
    assert sparkline([]) == ""


def test_summary_and_report_of_the_whole_network(tmp_path: Path):
    store, net, first, second = two_meetings(tmp_path)
    set_status(second, 0, "gedaan")
    set_status(second, 1, "loopt door")
    set_status(second, 2, "vervalt")
    second.items = [Item("stok", "@Chris oefent nee zeggen", "Chris", "Evaluatie en afsluiting")]
    second.checkout = [Checkout("Anouk de Vries", "", 3)]
    path = store.create(second)
    net.meetings.append(path.stem)
    net.agreements.randvoorwaarden.append("elke zes weken")
    records = {stored.id: stored.record for stored in store.scan()[0]}

    made = commitments(net, records)
    assert [(entry.text, entry.status) for entry in made] == [
        ("@Anouk belt twee mantelzorgers", "gedaan"), ("@Bram stuurt de agenda", "loopt door"),
        ("zaal reserveren", "vervalt"), ("@Chris oefent nee zeggen", "open")]
    summary = network_summary(net, records)
    assert (summary.meetings, summary.held, summary.questions, summary.questions_noted) == (2, 2, 1, 2)
    assert (summary.commitments, summary.kept, summary.carried_on, summary.dropped) == (4, 1, 2, 1)
    assert summary.people_with_questions == 1 and summary.roti == 4.0

    report = network_report(net, records)
    assert report.startswith("# Lerend netwerk: Zorgnetwerk\n\nThema: Wijkzorg\n")
    assert "- Stok achter de deur en acties: 4, waarvan 1 gedaan, 2 lopen nog en 1 vervallen" in report
    assert "- Gemiddelde ROTI: 4,0" in report
    assert "| 03-11-2026 | Bijeenkomst 3 november | 3 | 4,5 |" in report
    assert "- Anouk de Vries: @Anouk belt twee mantelzorgers (stok achter de deur, gedaan)" in report
    assert "- iedereen: zaal reserveren (actie, vervalt)" in report
    assert f"- {QUESTION}" in report and "- elke zes weken" in report
    assert "| Deelnemer | inbrenger | inhoud | gespreksleider |" in report
    assert "| Chris | 0 | 1 | 0 |" in report


def test_report_of_an_empty_network():
    report = network_report(Network("Nieuw", id="nieuw"), {})
    assert "_Nog geen deelnemers._" in report and "_Nog geen bijeenkomsten._" in report
    assert "- Bijeenkomsten gehouden: 0" in report


def test_the_kick_off_fills_in_learning_questions_and_agreements():
    net = network()
    kickoff = new_record(1)
    kickoff.items = [Item("leervraag", "@Bram hoe plan ik beter?", "Bram", "Leervragen en verwachtingen"),
                     Item("leervraag", "@Zoë wie ben ik?", "Zoë", "Leervragen en verwachtingen"),
                     Item("afspraak", "we beginnen op tijd", "", "Concrete afspraken maken"),
                     Item("verwachting", "praktische tips @Chris", "Chris", "Leervragen en verwachtingen"),
                     Item("voorkeur", "@Chris leert door te doen", "Chris", "Leervoorkeuren"),
                     Item("randvoorwaarde", "elke zes weken op dinsdag", "", "Randvoorwaarden bespreken")]
    added = collect_from_meeting(net, kickoff)
    assert added == ["Leervraag van Bram: hoe plan ik beter?", "Afspraak: we beginnen op tijd",
                     "Verwachting van Chris: praktische tips", "Leervoorkeur van Chris: leert door te doen",
                     "Randvoorwaarde: elke zes weken op dinsdag"]
    assert net.participant("Bram").learning_questions == ["hoe plan ik beter?"]
    assert net.participant("Chris").expectations == ["praktische tips"]
    assert net.participant("Chris").preferences == ["leert door te doen"]
    assert net.agreements.afspraken == ["we beginnen op tijd"]
    assert net.agreements.randvoorwaarden == ["elke zes weken op dinsdag"]
    assert collect_from_meeting(net, kickoff) == []
