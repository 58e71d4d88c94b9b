"""The network file (round-trip, validation naming file and field), the network store and the intake advice."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings

from lerend_tui.common.validation import DataError
from lerend_tui.network.intake import CHECKLIST, ITEMS, WHEN_NOT, WHEN_YES, Intake, advise
from lerend_tui.network.store import (
    Agreements,
    Network,
    NetworkError,
    NetworkStore,
    Participant,
    network_id,
    parse_network,
)
from lerend_tui.storage.meetings import atomic_write_text

from ..hostile import SHOWN_TEXT

CET = timezone(timedelta(hours=1))


def sample_network(name="Zorgnetwerk Zuid", question="Hoe betrek ik de mantelzorger?", experience="Tien jaar wijkzorg",
                   id_="zorgnetwerk-zuid") -> Network:
    return Network(
        name=name,
        theme="Samenwerken in de wijk",
        participants=[
            Participant("Anouk de Vries", [question, "Hoe zeg ik nee?"], experience, ["doen", "samen"],
                        ["praktische tips"],
                        Intake.held({"praktische-kennis": True, "complex-vraagstuk": True, "voldoende-tijd": True,
                                     "onvoldoende-tijd": False},
                                    datetime(2026, 10, 1, 10, 0, tzinfo=CET), "Enthousiast")),
            Participant("Bram"),
        ],
        agreements=Agreements(["elke zes weken op dinsdag"], ["we beginnen op tijd"]),
        meetings=["2026-11-03-bijeenkomst", "2026-11-24-bijeenkomst"],
        id=id_,
    )


def write(tmp_path: Path, network: Network) -> Path:
    path = tmp_path / f"{network.id}.toml"
    atomic_write_text(path, network.to_toml())
    return path


def test_round_trip(tmp_path: Path):
    network = sample_network()
    path = write(tmp_path, network)
    assert parse_network(path) == network
    text = path.read_text(encoding="utf-8")
    assert "schema = 1" in text and "[[participants]]" in text and "praktische-kennis = true" in text


@settings(max_examples=60, deadline=None)
@given(name=SHOWN_TEXT.filter(str.strip), question=SHOWN_TEXT, experience=SHOWN_TEXT)
def test_round_trip_for_any_unicode(tmp_path_factory, name, question, experience):
    network = sample_network(name, question, experience)
    path = write(tmp_path_factory.mktemp("net"), network)
    assert parse_network(path) == network


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda text: text.replace("schema = 1", "schema = 2"), "schema"),
        (lambda text: text.replace('name = "Zorgnetwerk Zuid"', 'name = ""'), "name"),
        (lambda text: text.replace('name = "Bram"', 'name = ""'), "participants[2].name"),
        (lambda text: text.replace('name = "Bram"', 'name = "anouk de vries"'), "participants[2].name"),
        (lambda text: text.replace('name = "Bram"', "name = 7"), "participants[2].name"),
        (lambda text: text.replace('"Hoe zeg ik nee?"', "3"), "participants[1].learning_questions"),
        (lambda text: text.replace('experience = "Tien jaar wijkzorg"', "experience = []"),
         "participants[1].experience"),
        (lambda text: text.replace("praktische-kennis = true", 'praktische-kennis = "ja"'),
         "participants[1].intake.answers.praktische-kennis"),
        (lambda text: text.replace("praktische-kennis = true", "zomaar = true"),
         "participants[1].intake.answers.zomaar"),
        (lambda text: text.replace('advice = "past"', 'advice = "misschien"'), "participants[1].intake.advice"),
        (lambda text: text.replace("date = 2026-10-01 10:00:00+01:00", "date = 2026-10-01"),
         "participants[1].intake.date"),
        (lambda text: text.replace('afspraken = [\n    "we beginnen op tijd",\n]', "afspraken = 1"),
         "agreements.afspraken"),
        (lambda text: text.replace('"2026-11-03-bijeenkomst"', '"../geheim"'), "meetings[1]"),
        (lambda text: text.replace('"2026-11-03-bijeenkomst"', "5"), "meetings"),
    ],
)
def test_bad_fields_are_named(tmp_path: Path, change, field):
    path = tmp_path / "n.toml"
    text = sample_network().to_toml()
    changed = change(text)
    assert changed != text, "the test's replacement did not apply"
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_network(path)
    assert caught.value.field == field
    assert str(path) in str(caught.value)


def test_a_syntax_error_names_the_line(tmp_path: Path):
    path = tmp_path / "n.toml"
    path.write_text('schema = 1\nname = "x"\nmeetings = [\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_network(path)
    assert caught.value.line is not None


def test_store_creates_and_refuses_an_existing_name(tmp_path: Path):
    store = NetworkStore(tmp_path / "networks")
    network = store.create("  Zorgnetwerk   Zuid ", theme="Wijk", participants=["Anouk", "Bram"])
    assert (network.id, network.name, network.names) == ("zorgnetwerk-zuid", "Zorgnetwerk Zuid", ["Anouk", "Bram"])
    assert store.load("zorgnetwerk-zuid") == network
    with pytest.raises(NetworkError, match="Er is al een netwerk 'Zorgnetwerk Zuid'"):
        store.create("zorgnetwerk zuid")
    with pytest.raises(NetworkError, match="staat|al deelnemer"):
        store.create("Ander netwerk", participants=["Anouk", "anouk"])
    with pytest.raises(NetworkError, match="mag niet leeg"):
        store.create("   ")
    assert [n.name for n in store.scan()[0]] == ["Zorgnetwerk Zuid"]


def test_network_ids_are_plain_file_names():
    assert network_id("Café Één / Zuid") == "cafe-een-zuid"
    assert network_id("???") == "netwerk"
    assert network_id("Bijeenkomst") == "bijeenkomst"


def test_find_by_id_or_name_case_insensitively(tmp_path: Path):
    store = NetworkStore(tmp_path / "networks")
    store.create("Zorgnetwerk Zuid")
    assert store.find("zorgnetwerk-zuid").name == "Zorgnetwerk Zuid"
    assert store.find("ZORGNETWERK zuid").id == "zorgnetwerk-zuid"
    # a file whose name does not follow the network's name is found by the name inside
    (store.folder / "zorgnetwerk-zuid.toml").rename(store.folder / "zz.toml")
    assert store.find("Zorgnetwerk Zuid").id == "zz"
    with pytest.raises(NetworkError, match="Geen netwerk 'Noord'"):
        store.find("Noord")
    NetworkStore(tmp_path).create("Buiten")  # beside the folder, not in it
    with pytest.raises(NetworkError):
        store.find("../buiten")


def test_find_names_a_broken_file(tmp_path: Path):
    store = NetworkStore(tmp_path)
    (tmp_path / "kapot.toml").write_text('schema = 1\nname = "Kapot"\n[[participants]]\nname = ""\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        store.find("kapot")
    assert caught.value.field == "participants[1].name" and caught.value.path == tmp_path / "kapot.toml"


def test_scan_lists_good_networks_and_reports_broken_ones(tmp_path: Path):
    store = NetworkStore(tmp_path)
    store.create("Beta")
    store.create("alfa")
    broken = tmp_path / "kapot.toml"
    broken.write_text("name = \n", encoding="utf-8")
    networks, problems = store.scan()
    assert [n.name for n in networks] == ["alfa", "Beta"]
    assert problems[0].path == broken and problems[0].line == 1
    assert NetworkStore(tmp_path / "nergens").scan() == ([], [])


def test_save_keeps_a_backup_and_never_overwrites_a_broken_file(tmp_path: Path):
    store = NetworkStore(tmp_path)
    network = store.create("Zorgnetwerk")
    path = store.path(network)
    first = path.read_text(encoding="utf-8")
    network.theme = "Nieuw thema"
    store.save(network)
    assert path.with_name(path.name + ".bak").read_text(encoding="utf-8") == first
    path.write_text('schema = 1\nname = "Zorgnetwerk"\ntheme = 3\n', encoding="utf-8")
    network.theme = "Nog nieuwer"
    with pytest.raises(DataError) as caught:
        store.save(network)
    assert caught.value.field == "theme"
    assert path.read_text(encoding="utf-8") == 'schema = 1\nname = "Zorgnetwerk"\ntheme = 3\n'


def test_add_meeting_rereads_the_file_and_adds_each_id_once(tmp_path: Path):
    store = NetworkStore(tmp_path)
    network = store.create("Zorgnetwerk")
    other_window = store.load(network.id)
    store.add_meeting(network, "2026-11-03-bijeenkomst")
    store.add_meeting(network, "2026-11-03-bijeenkomst")
    assert network.meetings == ["2026-11-03-bijeenkomst"]
    # a copy loaded before the meeting was added does not drop it when saved
    other_window.theme = "Wijkzorg"
    store.save(other_window)
    stored = store.load(network.id)
    assert (stored.theme, stored.meetings) == ("Wijkzorg", ["2026-11-03-bijeenkomst"])
    store.add_meeting(network, "2026-11-24-bijeenkomst")
    assert store.load(network.id).meetings == ["2026-11-03-bijeenkomst", "2026-11-24-bijeenkomst"]


def test_participants_are_found_case_insensitively_and_not_added_twice():
    network = sample_network()
    assert network.participant("bram") is network.participants[1]
    assert network.participant("Chris") is None
    network.add_participant(" Chris ")
    assert network.names[-1] == "Chris"
    with pytest.raises(NetworkError, match="al deelnemer"):
        network.add_participant("CHRIS")


# -- intake ---------------------------------------------------------------------------------------


def test_the_checklist_is_the_seeds_two_lists_in_pairs():
    assert len(WHEN_YES) == len(WHEN_NOT) == 5
    assert WHEN_YES[0].text == "Als vooral praktische kennis helpend is voor het oplossen van een vraagstuk"
    assert WHEN_NOT[3].text == ("Als er niet voldoende tijd is. Je belast jezelf meer en levert minder waarde aan "
                                "de groep")
    assert [item.topic for item in WHEN_YES] == [item.topic for item in WHEN_NOT]
    assert len(ITEMS) == len(CHECKLIST) == 10


def answers(yes: int = 0, no: int = 0) -> dict[str, bool]:
    return {**{item.key: True for item in WHEN_YES[:yes]}, **{item.key: True for item in WHEN_NOT[:no]}}


@pytest.mark.parametrize(
    ("yes", "no", "verdict"),
    [(5, 0, "past"), (3, 0, "past"), (2, 0, "twijfel"), (4, 1, "twijfel"), (2, 2, "twijfel"), (1, 2, "past niet"),
     (0, 1, "past niet"), (0, 5, "past niet"), (0, 0, "twijfel")],
)
def test_advice_from_how_many_items_apply(yes, no, verdict):
    advice = advise(answers(yes, no))
    assert (advice.verdict, advice.yes, advice.no) == (verdict, yes, no)
    assert advice.reasons and advice.sentence


def test_advice_reasons_are_dutch_and_name_what_speaks_against():
    advice = advise({**answers(4), "onvoldoende-tijd": True, "zomaar": True})
    assert advice.reasons[0] == "4 van de 5 punten van 'Wanneer wel?' gelden, 1 van de 5 van 'Wanneer niet?'."
    assert "Tegenstrijdig aangevinkt over tijd: vraag hier nog eens naar." in advice.reasons
    assert any(reason.startswith("Spreekt tegen: 'Als er niet voldoende tijd is.") for reason in advice.reasons)
    assert advise({}).reasons[0].startswith("Er is nog niets aangevinkt")
    assert advise(answers(2)).reasons[-1] == "Nog niet aangevinkt bij 'Wanneer wel?': openheid, tijd en doelen."
    assert advise({item.key: False for item in CHECKLIST}).verdict == "twijfel"


def test_an_intake_keeps_its_answers_and_advice():
    intake = Intake.held({**answers(3), "onbekend": True}, note="Goed gesprek")
    assert intake.advice == "past" and "onbekend" not in intake.answers
    assert intake.advised.verdict == "past" and intake.note == "Goed gesprek"
