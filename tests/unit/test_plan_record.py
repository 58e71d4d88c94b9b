"""A meeting run from a plan keeps the plan as it was, beside what actually happens (issue #7)."""

from datetime import datetime, timedelta, timezone

import pytest

from lerend_tui.meeting.record import PhaseRecord, PlannedSnapshot, PlanOrigin, parse_record
from lerend_tui.plans.plan import MeetingPlan, PlanStore, plan_to_record
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import load_templates

CET = timezone(timedelta(hours=1))
START = datetime(2026, 12, 8, 19, 30, tzinfo=CET)


@pytest.fixture
def plan() -> MeetingPlan:
    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="Avond december",
                                     title="Bijeenkomst december", start="19:30")
    plan.theme, plan.goal = "Eenzaamheid in de wijk", "Elkaars aanpak leren kennen"
    plan.phases[2].content_by = "Anouk de Vries"
    plan.phases[3].case_by = "Bram"
    plan.phases[3].workform = "troika-consulting"
    plan.set_minutes(1, 20)
    return plan


def test_the_record_gets_theme_goal_and_who_brings_what(plan):
    record = plan_to_record(plan, planned_start=START, participants=["Anouk de Vries", "Bram"])
    assert (record.theme, record.goal) == ("Eenzaamheid in de wijk", "Elkaars aanpak leren kennen")
    assert [(p.content_by, p.case_by) for p in record.phases] == [
        ("", ""), ("", ""), ("Anouk de Vries", ""), ("", "Bram"), ("", "")]
    assert record.phases[3].workform == "troika-consulting" and record.phases[1].planned_minutes == 20
    # As roles, so the network's fairness overview counts who brought the content or a case.
    assert record.phases[2].roles == {"inhoud": "Anouk de Vries"} and record.phases[3].roles == {"inbrenger": "Bram"}


def test_a_drawn_work_format_keeps_who_brings_the_content_unless_it_names_someone(plan):
    from lerend_tui.catalogue.workforms import load_catalogue
    from lerend_tui.common.clock import FakeClock
    from lerend_tui.meeting.running import Meeting

    record = plan_to_record(plan, planned_start=START)
    meeting = Meeting(record, FakeClock(), None)
    meeting.go_to(2)
    workform = load_catalogue(None).workforms["troika-consulting"]
    meeting.apply_workform(workform, {"consultant": "Chris"})
    assert record.phases[2].roles == {"inhoud": "Anouk de Vries", "consultant": "Chris"}
    meeting.go_to(3)
    meeting.apply_workform(workform, {"inbrenger": "Chris"})
    assert record.phases[3].case_by == "Chris"


def test_the_record_keeps_the_plan_as_it_was_at_the_start(plan):
    record = plan_to_record(plan, planned_start=START)
    assert record.plan == PlanOrigin("Avond december", "avond-december", (
        PlannedSnapshot("checkin", "Opstart en check-in", 10),
        PlannedSnapshot("reflectie", "Reflectie of verbindende opdracht", 20),
        PlannedSnapshot("inhoud", "Inhoud op het thema + opdracht", 30, content_by="Anouk de Vries"),
        PlannedSnapshot("coaching", "Onderlinge coaching", 45, "troika-consulting", case_by="Bram"),
        PlannedSnapshot("afsluiting", "Evaluatie en afsluiting", 10),
    ), start=START)
    plan.set_minutes(0, 25)  # the plan changes afterwards: the meeting's record does not
    plan.phases[2].content_by = "Chris"
    plan.remove(1)
    assert record.plan.phases[0].minutes == 10 and record.plan.phases[2].content_by == "Anouk de Vries"
    assert len(record.plan.phases) == 5


def test_the_plan_is_named_by_its_file_when_it_has_one(plan, tmp_path):
    store = PlanStore(tmp_path / "plans")
    saved = store.load(store.save(plan).stem)
    saved.path = saved.path.rename(saved.path.with_name("december-hernoemd.toml"))
    record = plan_to_record(saved, planned_start=START)
    assert (record.plan.name, record.plan.id) == ("Avond december", "december-hernoemd")
    assert plan_to_record(MeetingPlan(name="Zómer avond", title="Zomer", phases=plan.phases),
                          planned_start=START).plan.id == "zomer-avond"


def test_a_planned_meeting_is_on_disk_with_its_plan(plan, tmp_path):
    record = plan_to_record(plan, planned_start=START, participants=["Anouk de Vries", "Bram"])
    path = MeetingStore(tmp_path).create(record)
    loaded = parse_record(path)
    assert loaded == record
    assert loaded.planned_phase(loaded.phases[3]) == PlannedSnapshot(
        "coaching", "Onderlinge coaching", 45, "troika-consulting", case_by="Bram")


def test_phases_are_matched_to_the_plan_by_kind_and_title(plan):
    record = plan_to_record(plan, planned_start=START)
    record.phases.insert(2, PhaseRecord("reflectie", "Pauze", 15))
    del record.phases[4]  # the coaching
    pairs = [(planned.title if planned else None, phase.title if phase else None)
             for planned, phase in record.plan.pairs(record.phases)]
    assert pairs == [
        ("Opstart en check-in", "Opstart en check-in"),
        ("Reflectie of verbindende opdracht", "Reflectie of verbindende opdracht"),
        (None, "Pauze"),
        ("Inhoud op het thema + opdracht", "Inhoud op het thema + opdracht"),
        ("Onderlinge coaching", None),
        ("Evaluatie en afsluiting", "Evaluatie en afsluiting"),
    ]
    assert record.planned_phase(record.phases[2]) is None
    assert record.planned_phase(record.phases[3]).content_by == "Anouk de Vries"
