import os
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .hostile import SHOWN_TEXT

from lerend_tui.templates import load_templates
from lerend_tui.meeting.items import Item
from lerend_tui.meeting.record import Carried, Checkout, MeetingRecord, parse_record, roti_average
from lerend_tui.storage.meetings import MeetingStore, atomic_write_text, slugify
from lerend_tui.common.validation import DataError

CET = timezone(timedelta(hours=1))


def sample_record(title="Zorgnetwerk", notes=("",) * 5) -> MeetingRecord:
    record = MeetingRecord.from_template(
        load_templates().get("bijeenkomst"), title=title, participants=["Anouk", "Bram"],
        planned_start=datetime(2026, 11, 24, 19, 0, tzinfo=CET),
    )
    for phase, text in zip(record.phases, notes):
        phase.notes = text
    record.started = datetime(2026, 11, 24, 19, 2, 30, tzinfo=CET)
    record.phases[0].started = record.started
    record.phases[0].elapsed_seconds = 61.5
    record.phases[3].workform = "troika-consulting"
    record.phases[3].roles = {"inbrenger": "Anouk", "tijdbewaker": "Bram"}
    record.items = [Item("actie", "@Anouk belt de gemeente", "Anouk", "Opstart en check-in"),
                    Item("inzicht", "luisteren helpt", "", "Onderlinge coaching")]
    record.checkout = [Checkout("Anouk", "energiek", 5), Checkout("Bram", "moe", 3), Checkout("Chris")]
    record.network = "zorgnetwerk-zuid"
    record.carried = [Carried("stok", "@Bram belt drie cliënten", "Bram", "2026-11-03-zorgnetwerk", "gedaan"),
                      Carried("actie", "agenda rondsturen", "", "2026-11-03-zorgnetwerk")]
    return record


def test_file_has_schema_and_toml_datetimes_with_offset(tmp_path: Path):
    path = tmp_path / "m.toml"
    atomic_write_text(path, sample_record().to_toml())
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == 1
    assert data["started"] == datetime(2026, 11, 24, 19, 2, 30, tzinfo=CET)
    assert "started = 2026-11-24 19:02:30+01:00" in path.read_text(encoding="utf-8")
    assert [p["kind"] for p in data["phases"]] == ["checkin", "reflectie", "inhoud", "coaching", "afsluiting"]
    assert "ended" not in data


@settings(max_examples=60, deadline=None)
@given(title=SHOWN_TEXT.filter(bool), notes=st.lists(SHOWN_TEXT, min_size=5, max_size=5))
def test_round_trip_for_any_unicode(tmp_path_factory, title, notes):
    path = tmp_path_factory.mktemp("rt") / "m.toml"
    record = sample_record(title, notes)
    atomic_write_text(path, record.to_toml())
    assert parse_record(path) == record


def test_control_characters_written_are_not_read_back(tmp_path: Path):
    path = tmp_path / "m.toml"
    atomic_write_text(path, sample_record("T \x1b]0;pwned\x07", ("a\x1b[2Jb\r\n", "", "", "", "")).to_toml())
    record = parse_record(path)
    assert (record.title, record.phases[0].notes) == ("T ]0;pwned", "a[2Jb\n")


def test_very_long_notes_round_trip(tmp_path: Path):
    path = tmp_path / "m.toml"
    record = sample_record(notes=("regel met 'quotes' en \"\"\" drie\n" * 20000,) + ("",) * 4)
    atomic_write_text(path, record.to_toml())
    assert parse_record(path).phases[0].notes == record.phases[0].notes


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda text: text.replace("schema = 1", "schema = 9"), "schema"),
        (lambda text: text.replace('kind = "reflectie"', 'kind = "pauze"'), "phases[2].kind"),
        (lambda text: text.replace("planned_start = 2026-11-24 19:00:00+01:00", "planned_start = 2026-11-24 19:00:00"), "planned_start"),
        (lambda text: text.replace("current_phase = 0", "current_phase = 7"), "current_phase"),
        (lambda text: text.replace("elapsed_seconds = 61.5", 'elapsed_seconds = "lang"'), "phases[1].elapsed_seconds"),
        (lambda text: text.replace('inbrenger = "Anouk"', "inbrenger = 3"), "phases[4].roles"),
        (lambda text: text.replace('kind = "inzicht"', 'kind = "gedachte"'), "items[2].kind"),
        (lambda text: text.replace("score = 5", "score = 9"), "checkout[1].score"),
        (lambda text: text.replace('status = "gedaan"', 'status = "klaar"'), "carried[1].status"),
        (lambda text: text.replace('kind = "stok"', 'kind = "inzicht"'), "carried[1].kind"),
        (lambda text: text.replace('from_meeting = "2026-11-03-zorgnetwerk"\nstatus = "open"', 'status = "open"'),
         "carried[2].from_meeting"),
        (lambda text: text.replace('network = "zorgnetwerk-zuid"', "network = 6"), "network"),
    ],
)
def test_bad_fields_are_named(tmp_path: Path, change, field):
    path = tmp_path / "m.toml"
    path.write_text(change(sample_record().to_toml()), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_record(path)
    assert caught.value.field == field
    assert str(path) in str(caught.value)


def test_store_names_files_by_date_and_safe_slug(tmp_path: Path):
    store = MeetingStore(tmp_path)
    record = sample_record(title="../../Intervisie: wijk-teams / Zuid!")
    path = store.new_path(record)
    assert path.name == "2026-11-24-intervisie-wijk-teams-zuid.toml"
    store.save(record, path)
    assert store.new_path(record).name == "2026-11-24-intervisie-wijk-teams-zuid-2.toml"


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Café Één", "cafe-een"), ("\x00\x1b[31m", "31m"), ("/", "bijeenkomst"), ("a" * 300, "a" * 60), ("..", "bijeenkomst")],
)
def test_slugify_is_always_a_plain_name(title, slug):
    assert slugify(title) == slug


def test_scan_lists_good_meetings_and_reports_broken_ones(tmp_path: Path):
    store = MeetingStore(tmp_path)
    record = sample_record()
    store.save(record, store.new_path(record))
    broken = tmp_path / "2026-01-01-kapot.toml"
    broken.write_text("title = \n", encoding="utf-8")
    meetings, problems = store.scan()
    assert [m.record.title for m in meetings] == ["Zorgnetwerk"]
    assert problems[0].path == broken and problems[0].line == 1
    assert broken.read_text(encoding="utf-8") == "title = \n"
    assert store.latest_unfinished().record.title == "Zorgnetwerk"


def test_a_truncated_file_is_named_with_a_line_or_field_and_left_as_it_is(tmp_path: Path):
    """Cut a real meeting file anywhere: reading it never crashes, and says where it went wrong."""
    whole = sample_record(notes=("Eerste fase.", "Tweede", "Derde", "Vierde", "Laatste")).to_toml().encode()
    path = tmp_path / "2026-11-24-afgebroken.toml"
    for cut in range(0, len(whole), 23):
        path.write_bytes(whole[:cut])
        try:
            parse_record(path)
        except DataError as error:
            assert error.path == path and (error.line is not None or error.field is not None), str(error)
        assert path.read_bytes() == whole[:cut]
    path.write_text('schema = 1\ntitle = "Half', encoding="utf-8")
    with pytest.raises(DataError, match="regel 2: het bestand houdt halverwege op"):
        parse_record(path)


def test_a_crash_during_the_write_leaves_the_old_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "m.toml"
    atomic_write_text(path, "oud = 1\n")

    def crash(*args):
        raise OSError("stroom weg")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        atomic_write_text(path, "nieuw = 2\n")
    assert path.read_text(encoding="utf-8") == "oud = 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["m.toml"]


def test_saving_keeps_the_previous_version_as_bak(tmp_path: Path):
    store = MeetingStore(tmp_path)
    record = sample_record()
    path = store.create(record)
    assert not path.with_name(path.name + ".bak").exists()
    first = path.read_text(encoding="utf-8")
    record.phases[0].notes = "tweede versie"
    store.save(record, path)
    assert path.with_name(path.name + ".bak").read_text(encoding="utf-8") == first
    record.phases[0].notes = "derde versie"
    store.save(record, path)
    assert "tweede versie" in path.with_name(path.name + ".bak").read_text(encoding="utf-8")
    assert "derde versie" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, path.name + ".bak"]
    assert [m.path for m in store.scan()[0]] == [path]


def test_roti_average_counts_the_scores_given():
    assert roti_average(sample_record().checkout) == 4
    assert roti_average([Checkout("Chris")]) is None


# -- a meeting run from a plan: the plan as it was, theme, goal, who brings what -------------------------


def planned_record() -> MeetingRecord:
    """The sample meeting as run from a plan that had a different work format and case-bringer."""
    from lerend_tui.meeting.record import PlannedSnapshot, PlanOrigin

    record = sample_record()
    record.theme, record.goal = "Eenzaamheid in de wijk", "Elkaars aanpak leren kennen"
    record.phases[2].roles["inhoud"] = "Anouk"
    record.phases[3].roles["inbrenger"] = "Bram"
    planned = [PlannedSnapshot(p.kind, p.title, p.planned_minutes, p.workform, p.content_by, p.case_by)
               for p in record.phases]
    planned[3] = PlannedSnapshot("coaching", "Onderlinge coaching", 45, "socratische-intervisie", case_by="Chris")
    record.plan = PlanOrigin("Avond december", "avond-december", tuple(planned))
    return record


def test_a_planned_meeting_round_trips_with_its_plan_as_it_was(tmp_path: Path):
    path = tmp_path / "m.toml"
    record = planned_record()
    atomic_write_text(path, record.to_toml())
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (data["theme"], data["goal"]) == ("Eenzaamheid in de wijk", "Elkaars aanpak leren kennen")
    assert data["phases"][2]["roles"] == {"inhoud": "Anouk"} and data["phases"][3]["roles"]["inbrenger"] == "Bram"
    assert "roles" not in data["phases"][0] and "content_by" not in data["phases"][2]
    assert data["plan"]["name"] == "Avond december" and data["plan"]["id"] == "avond-december"
    assert data["plan"]["phases"][3] == {"kind": "coaching", "title": "Onderlinge coaching", "minutes": 45,
                                         "workform": "socratische-intervisie", "case_by": "Chris"}
    assert data["plan"]["phases"][0] == {"kind": "checkin", "title": "Opstart en check-in", "minutes": 10}
    assert parse_record(path) == record


def test_the_table_of_a_planned_meeting_is_detached_and_written_as_tomli_w_would():
    import tomli_w

    record = planned_record()
    table = record.to_table()
    assert isinstance(table["plan"]["phases"], list)
    record.theme = "later veranderd"
    record.phases[2].roles["inhoud"] = "Chris"
    assert table["theme"] == "Eenzaamheid in de wijk" and table["phases"][2]["roles"] == {"inhoud": "Anouk"}
    assert record.to_toml() == tomli_w.dumps(record.to_table(), multiline_strings=True)


def test_a_meeting_from_before_plans_still_loads(tmp_path: Path):
    path = tmp_path / "m.toml"
    text = sample_record().to_toml()
    assert "theme =" not in text and "[plan]" not in text and "content_by" not in text
    path.write_text(text, encoding="utf-8")
    loaded = parse_record(path)
    assert (loaded.theme, loaded.goal, loaded.plan) == ("", "", None)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda text: text.replace('theme = "Eenzaamheid in de wijk"', "theme = 3"), "theme"),
        (lambda text: text.replace('case_by = "Chris"', 'case_by = ["Chris"]'), "plan.phases[4].case_by"),
        (lambda text: text.replace("minutes = 45\nworkform", "minutes = 0\nworkform"), "plan.phases[4].minutes"),
        (lambda text: text.replace('kind = "checkin"\ntitle = "Opstart en check-in"\nminutes = 10',
                                   'kind = "pauze"\ntitle = "Opstart en check-in"\nminutes = 10'), "plan.phases[1].kind"),
        (lambda text: text.replace('name = "Avond december"', "name = 12"), "plan.name"),
        (lambda text: 'plan = "avond"\n' + text.split("[plan]")[0], "plan"),
    ],
)
def test_bad_plan_fields_are_named(tmp_path: Path, change, field):
    path = tmp_path / "m.toml"
    text = change(planned_record().to_toml())
    assert text != planned_record().to_toml()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_record(path)
    assert caught.value.field == field
    assert str(path) in str(caught.value) and "verwacht" in caught.value.problem
