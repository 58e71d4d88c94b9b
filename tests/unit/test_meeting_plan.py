"""Meeting plans: editing, time arithmetic, files, agendas, templates and `start --plan`."""

import itertools
import json
import time
from datetime import date, datetime, timedelta

import pytest

from lerend_tui import cli
from lerend_tui.catalogue.workforms import Catalogue, Step, Workform
from lerend_tui.common.clock import FakeClock, SystemClock
from lerend_tui.common.validation import DataError
from lerend_tui.meeting.record import parse_record
from lerend_tui.meeting.running import START_WINDOW
from lerend_tui.plans.plan import (
    MeetingPlan,
    PlanError,
    PlanStore,
    by_day,
    markdown_agenda,
    parse_date,
    parse_plan,
    plan_to_record,
    save_as_template,
    text_agenda,
)
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import load_templates

from ..samples import sample_record


def troika() -> Workform:
    steps = (Step("Casus vertellen", 5, "De casusinbrenger vertelt.", roles=("casusinbrenger",)),
             Step("Adviseren", 15, "De anderen praten, de inbrenger luistert met de rug naar hen toe."),
             Step("Reageren", 5, "Wat nam je mee?", round=True))
    return Workform("troika-consulting", "Troika Consulting", "", "In drietallen: één inbrenger, twee adviseurs.",
                    ("coaching",), 3, 12, 3, 25, steps, roles=("casusinbrenger",))


@pytest.fixture
def catalogue() -> Catalogue:
    return Catalogue({"troika-consulting": troika()})


@pytest.fixture
def template():
    return load_templates().get("bijeenkomst")


@pytest.fixture
def plan(template) -> MeetingPlan:
    return MeetingPlan.from_template(template, name="Avond december", title="Bijeenkomst december",
                                     start="19:00", available_minutes=120)


# -- time ---------------------------------------------------------------------------------------------


def test_a_plan_from_a_template_has_its_phases_clock_times_and_end(plan, template):
    assert [p.title for p in plan.phases] == [p.title for p in template.phases]
    assert plan.template == "bijeenkomst" and plan.total_minutes == template.total_minutes
    times = plan.times()
    assert times[0].text == f"19:00–19:{template.phases[0].minutes:02d}"
    assert all(a.end == b.start for a, b in itertools.pairwise(times))
    assert plan.end == times[-1].text[-5:]


def test_overrun_gives_a_dutch_warning(plan):
    plan.available_minutes = plan.total_minutes
    assert plan.overrun_minutes == 0 and plan.warning() is None
    plan.set_minutes(0, plan.phases[0].minutes + 15)
    assert plan.overrun_minutes == 15
    assert plan.warning().startswith("De planning loopt 15 min uit")
    plan.available_minutes = None
    assert plan.warning() is None


def test_clock_times_run_past_midnight(template):
    late = MeetingPlan.from_template(template, name="Laat", start="23:30")
    assert late.times()[1].text.startswith("23:")
    assert late.end.startswith("0")


def test_a_meeting_run_from_a_plan_is_planned_today_at_the_plans_start(plan):
    """The plan's date is for the agenda; the record is of the day the meeting is held."""
    clock = FakeClock(datetime(2026, 11, 24, 15, 0))
    assert plan.planned_start(clock) == datetime(2026, 11, 24, 19, 0, tzinfo=clock.tz)
    plan.date, plan.start = date(2026, 12, 8), "9:30"
    assert plan.planned_start(clock) == datetime(2026, 11, 24, 9, 30, tzinfo=clock.tz)


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")
def test_a_wall_clock_time_gets_the_utc_offset_of_its_own_day(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    try:
        clock = SystemClock()
        assert clock.local(datetime(2026, 7, 1, 19, 0)).utcoffset() == timedelta(hours=2)
        assert clock.local(datetime(2026, 12, 8, 19, 0)).utcoffset() == timedelta(hours=1)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert FakeClock().local(datetime(2026, 7, 1, 19, 0)) == datetime(2026, 7, 1, 19, 0, tzinfo=FakeClock().tz)


# -- editing ------------------------------------------------------------------------------------------


def test_reorder_add_rename_remove_and_set_minutes(plan):
    titles = [p.title for p in plan.phases]
    plan.move(3, 1)
    assert [p.title for p in plan.phases] == [titles[0], titles[3], titles[1], titles[2], *titles[4:]]
    plan.add("inhoud", "  Gastspreker  ", 20, at=2)
    assert plan.phases[2].title == "Gastspreker" and plan.phases[2].minutes == 20
    plan.rename(2, "Gast uit de praktijk")
    plan.set_minutes(2, 25)
    assert (plan.phases[2].title, plan.phases[2].minutes) == ("Gast uit de praktijk", 25)
    removed = plan.remove(2)
    assert removed.title == "Gast uit de praktijk" and len(plan.phases) == len(titles)
    with pytest.raises(PlanError, match="geen fase 99"):
        plan.move(98, 0)
    with pytest.raises(PlanError, match="Onbekende fase-soort"):
        plan.add("feest", "Taart", 10)
    with pytest.raises(PlanError, match="minstens 1"):
        plan.set_minutes(0, 0)
    while len(plan.phases) > 1:
        plan.remove(0)
    with pytest.raises(PlanError, match="minstens één fase"):
        plan.remove(0)


def test_a_phase_changes_kind_and_a_renamed_phase_keeps_its_guidance(plan, template):
    plan.set_kind(2, "coaching")
    assert plan.phases[2].kind == "coaching"
    with pytest.raises(PlanError, match="Onbekende fase-soort 'feest'"):
        plan.set_kind(2, "feest")
    plan.rename(0, "Welkom en koffie")
    guidance = plan.as_template().guidance_for(plan.phases[0].kind, "Welkom en koffie")
    assert guidance is not None and guidance.guidance == template.phases[0].guidance
    assert template.guidance_for(plan.phases[0].kind, "Welkom en koffie") is None


@pytest.mark.parametrize("text, day", [
    ("2026-12-08", date(2026, 12, 8)), ("8-12-2026", date(2026, 12, 8)), (" 08/12/2026 ", date(2026, 12, 8)),
    ("8.12.2026", date(2026, 12, 8)), ("", None),
])
def test_a_plan_date_is_read_in_dutch_or_iso_order(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["31-2-2026", "morgen", "12-2026", "2026-13-01"])
def test_a_wrong_date_says_what_is_expected(text):
    with pytest.raises(PlanError, match=f"Ongeldige datum '{text}'.*8-12-2026"):
        parse_date(text)


def test_plans_by_day_coming_soonest_first_then_undated_then_past_latest_first(template):
    plans = []
    for name, day in [("Zomer", None), ("Januari", date(2027, 1, 12)), ("Anders", None), ("Oktober", date(2026, 10, 6)),
                      ("December", date(2026, 12, 8)), ("Vandaag", date(2026, 11, 24)), ("Juni", date(2026, 6, 2))]:
        plan = MeetingPlan.from_template(template, name=name)
        plan.date = day
        plans.append(plan)
    assert [plan.name for plan in by_day(plans, date(2026, 11, 24))] == [
        "Vandaag", "December", "Januari", "Anders", "Zomer", "Oktober", "Juni"]


def test_a_new_plan_name_gets_a_number_when_taken(tmp_path, template):
    store = PlanStore(tmp_path)
    assert store.unused_name("Avond") == "Avond"
    store.save(MeetingPlan.from_template(template, name="Avond"))
    assert store.unused_name("Avond") == "Avond (2)"
    store.save(MeetingPlan.from_template(template, name="Avond (2)"))
    assert store.unused_name("avond") == "avond (3)"


def test_a_work_format_brings_its_steps_and_minutes_and_minutes_keep_steps_whole(plan):
    coaching = next(i for i, p in enumerate(plan.phases) if p.kind == "coaching")
    plan.set_workform(coaching, troika())
    phase = plan.phases[coaching]
    assert (phase.workform, phase.minutes, [s.minutes for s in phase.steps]) == ("troika-consulting", 25, [5, 15, 5])
    plan.set_minutes(coaching, 30)
    assert [s.minutes for s in phase.steps] == [5, 15, 10]
    plan.set_step_minutes(coaching, 1, 10)
    assert phase.minutes == 25
    with pytest.raises(PlanError, match="te kort"):
        plan.set_minutes(coaching, 15)
    plan.set_workform(coaching, None)
    assert (phase.workform, phase.steps) == ("", [])


def test_a_plan_from_an_earlier_meeting_keeps_its_phases_and_formats():
    record = sample_record()
    record.phases[3].workform = "troika-consulting"
    record.phases[1].extra_minutes = 5
    plan = MeetingPlan.from_record(record, name="Zoals vorige keer")
    assert [(p.title, p.minutes, p.workform) for p in plan.phases] == [
        (p.title, p.planned_minutes, p.workform) for p in record.phases]
    assert plan.start == f"{record.planned_start:%H:%M}"


# -- files --------------------------------------------------------------------------------------------


def test_round_trip_through_the_store(tmp_path, plan):
    plan.theme, plan.goal, plan.date = "Eenzaamheid in de wijk", "Elkaars aanpak leren kennen", date(2026, 12, 8)
    plan.participants, plan.network = ["Anouk", "Bram"], "zorgnetwerk-zuid"
    plan.phases[2].content_by, plan.phases[3].case_by = "Anouk", "Bram"
    plan.set_workform(3, troika())
    store = PlanStore(tmp_path / "plans")
    path = store.save(plan)
    assert path == tmp_path / "plans" / "avond-december.toml"
    loaded = store.load("avond-december")
    assert loaded == plan and loaded.path == path
    assert store.find("AVOND DECEMBER") == plan and store.find(str(path)) == plan
    plans, problems = store.scan()
    assert plans == [plan] and problems == []
    with pytest.raises(PlanError, match="Geen planning 'niets'"):
        store.find("niets")


PHASE = '[[phases]]\nkind = "checkin"\ntitle = "a"\nminutes = 5\n'


@pytest.mark.parametrize("text, field", [
    ('schema = 2\nname = "x"\ntitle = "x"\n', "schema"),
    ('schema = 1\ntitle = "x"\n[[phases]]\nkind = "checkin"\ntitle = "a"\nminutes = 5\n', "name"),
    ('schema = 1\nname = "x"\ntitle = "x"\nstart = "25:00"\n' + PHASE, "start"),
    ('schema = 1\nname = "x"\ntitle = "x"\ndate = "morgen"\n' + PHASE, "date"),
    ('schema = 1\nname = "x"\ntitle = "x"\navailable_minutes = 0\n' + PHASE, "available_minutes"),
    ('schema = 1\nname = "x"\ntitle = "x"\nphases = []\n', "phases"),
    ('schema = 1\nname = "x"\ntitle = "x"\nthema = "typo"\n' + PHASE, "thema"),
    ('schema = 1\nname = "x"\ntitle = "x"\n[[phases]]\nkind = "feest"\ntitle = "a"\nminutes = 5\n', "phases[1].kind"),
    ('schema = 1\nname = "x"\ntitle = "x"\n[[phases]]\nkind = "checkin"\ntitle = "a"\nminutes = "5"\n',
     "phases[1].minutes"),
    ('schema = 1\nname = "x"\ntitle = "x"\n[[phases]]\nkind = "checkin"\ntitle = "a"\nminutes = 5\n'
     '[[phases.steps]]\ntitle = "s"\nminutes = 3\n', "phases[1].minutes"),
    ('schema = 1\nname = "x"\ntitle = "x"\n[[phases]]\nkind = "checkin"\ntitle = "a"\nminutes = 5\ncase_by = 3\n',
     "phases[1].case_by"),
    ('schema = 1\nname = "x"\ntitle = "x"\nparticipants = "Anouk, Bram"\n' + PHASE, "participants"),
    ('schema = 1\nname = "x"\ntitle = "x"\nnetwork = 3\n' + PHASE, "network"),
])
def test_a_broken_plan_names_file_and_field(tmp_path, text, field):
    path = tmp_path / "kapot.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse_plan(path)
    assert caught.value.path == path and caught.value.field == field
    assert f"{path}, veld '{field}'" in str(caught.value)


def test_a_broken_file_is_never_overwritten(tmp_path, plan):
    store = PlanStore(tmp_path)
    broken = tmp_path / "avond-december.toml"
    broken.write_text('schema = 1\nname = "Avond december"\ntitle = "A"\nstart = "laat"\n', encoding="utf-8")
    with pytest.raises(DataError, match="veld 'start'"):
        store.save(plan)
    assert broken.read_text(encoding="utf-8").endswith('start = "laat"\n')
    plans, problems = store.scan()
    assert plans == [] and [p.path for p in problems] == [broken]


def test_save_as_template_loads_as_a_template(tmp_path, plan):
    plan.move(4, 0)
    plan.add("inhoud", "Gastspreker", 20)
    plan.set_workform(3, troika())
    folder = tmp_path / "templates"
    path = save_as_template(plan, folder, name="Mijn avond")
    templates = load_templates(folder)
    assert templates.problems == []
    template = templates.get("mijn-avond")
    assert template.source == path and template.title == plan.title
    assert [(p.kind, p.title, p.minutes, len(p.steps)) for p in template.phases] == [
        (p.kind, p.title, p.minutes, len(p.steps)) for p in plan.phases]
    again = MeetingPlan.from_template(template, name="Weer")
    assert [p.guidance for p in again.phases] == [p.guidance for p in plan.phases]


def test_a_template_saved_from_a_kick_off_plan_still_shows_the_talk(tmp_path):
    kick_off = load_templates().get("kick-off")
    path = save_as_template(MeetingPlan.from_template(kick_off, name="Onze start"), tmp_path, source=kick_off)
    saved = load_templates(tmp_path).get("onze-start")
    explaining = "Wat is een lerend netwerk? En wat niet?"
    assert saved.source == path and saved.talk_for("inhoud", explaining) == kick_off.talk_for("inhoud", explaining) != ()


# -- into a meeting -----------------------------------------------------------------------------------


def test_a_record_from_a_plan_keeps_its_phases_minutes_and_formats(plan):
    plan.move(3, 1)
    plan.set_workform(1, troika())
    start = datetime(2026, 12, 8, 19, 0, tzinfo=FakeClock().tz)
    record = plan_to_record(plan, planned_start=start, participants=["Anouk", "Bram"])
    assert record.title == plan.title and record.template == "bijeenkomst" and record.planned_start == start
    assert [(p.title, p.planned_minutes, p.workform, [s.minutes for s in p.steps]) for p in record.phases] == [
        (p.title, p.minutes, p.workform, [s.minutes for s in p.steps]) for p in plan.phases]
    assert record.participants == ["Anouk", "Bram"]


# -- agenda -------------------------------------------------------------------------------------------


def agenda_plan(template) -> MeetingPlan:
    plan = MeetingPlan.from_template(template, name="Avond december", title="Bijeenkomst december",
                                     start="19:30", available_minutes=150)
    plan.theme, plan.goal, plan.date = "Eenzaamheid in de wijk", "Elkaars aanpak leren kennen", date(2026, 12, 8)
    plan.participants = ["Anouk de Vries", "Bram", "Chris"]
    plan.phases[2].content_by = "Anouk de Vries"
    plan.phases[3].case_by = "Bram"
    plan.set_workform(3, troika())
    return plan


def test_markdown_agenda(template, catalogue, snapshot):
    agenda = markdown_agenda(agenda_plan(template), catalogue)
    assert "dinsdag 8 december 2026, 19:30–" in agenda
    assert "Troika Consulting**: In drietallen" in agenda and "Bram brengt een casus in" in agenda
    assert "**Deelnemers:** Anouk de Vries, Bram, Chris\n" in agenda
    assert agenda == snapshot


def test_text_agenda_is_plain(template, catalogue):
    agenda = text_agenda(agenda_plan(template), catalogue)
    assert "|" not in agenda and "**" not in agenda and "#" not in agenda
    end = agenda_plan(template).end
    assert agenda.splitlines()[:2] == ["Bijeenkomst december", f"dinsdag 8 december 2026, 19:30–{end}"]
    assert "19:30–19:40  Opstart en check-in" in agenda
    assert "(Troika Consulting)" in agenda and "- Troika Consulting: In drietallen" in agenda
    assert "\nDeelnemers: Anouk de Vries, Bram, Chris\n" in agenda


# -- the command line ---------------------------------------------------------------------------------


def test_plan_list_and_export(tmp_path, data, template, capsys):
    store = PlanStore(tmp_path / "data" / "plans")
    plan = agenda_plan(template)
    plan.phases[3].workform = "bestaat-niet"
    plan.available_minutes = 60
    store.save(plan)
    (store.folder / "kapot.toml").write_text("schema = 1\nname = 3\n", encoding="utf-8")
    assert cli.main([*data, "plan", "list"]) == 0
    out, err = capsys.readouterr()
    assert "avond-december" in out and "loopt" in out and "kapot.toml" in err
    assert cli.main([*data, "plan", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["id"] == "avond-december" and listed[0]["overrun_minutes"] == plan.total_minutes - 60
    assert (listed[0]["theme"], listed[0]["participants"], listed[0]["network"]) == (plan.theme, plan.participants, None)

    target = tmp_path / "agenda.md"
    assert cli.main([*data, "plan", "export", "Avond december", "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert "Agenda geschreven" in out and "bestaat-niet" in err
    assert target.read_text(encoding="utf-8").startswith("# Bijeenkomst december\n")
    assert cli.main([*data, "plan", "export", "avond-december", "--tekst"]) == 0
    assert capsys.readouterr().out.startswith("Bijeenkomst december\ndinsdag 8 december 2026")

    assert cli.main([*data, "plan", "export", "onbekend"]) == 2
    assert "Geen planning 'onbekend'" in capsys.readouterr().err
    assert cli.main([*data, "plan", "export", "kapot"]) == 2
    assert "kapot.toml, veld 'name'" in capsys.readouterr().err


def test_start_from_a_plan(tmp_path, data, template, capsys, no_app):
    plan = MeetingPlan.from_template(template, name="Avond december", start="19:30")
    plan.move(4, 0)
    plan.set_workform(3, troika())
    PlanStore(tmp_path / "data" / "plans").save(plan)
    assert cli.main([*data, "start", "--plan", "avond december", "--participants", "Anouk, Bram"]) == 0
    (record, path), = no_app
    assert [(p.title, p.planned_minutes, p.workform) for p in record.phases] == [
        (p.title, p.minutes, p.workform) for p in plan.phases]
    assert record.participants == ["Anouk", "Bram"] and f"{record.plan.start:%H:%M}" == "19:30"
    # The real clock: within an hour of 19:30 the plan's time holds, else the schedule runs from now.
    now = datetime.now().astimezone()
    if abs(now - record.plan.start) <= START_WINDOW:
        assert record.planned_start == record.plan.start
    else:
        assert abs(now - record.planned_start) < timedelta(minutes=1)
    assert parse_record(path).phases == record.phases

    elsewhere = tmp_path / "mijn-plan.toml"
    elsewhere.write_text(plan.to_toml(), encoding="utf-8")
    assert cli.main([*data, "start", "--plan", str(elsewhere), "--title", "Andere titel", "--at", "20:00"]) == 0
    record = no_app[1][0]
    assert record.title == "Andere titel" and f"{record.planned_start:%H:%M}" == "20:00"
    assert len(MeetingStore(path.parent).scan()[0]) == 2


def test_a_plan_for_a_network_starts_in_it_with_its_participants(tmp_path, data, template, no_app):
    from lerend_tui.network.store import NetworkStore

    network = NetworkStore(tmp_path / "data" / "networks").create("Zorgnetwerk Zuid", participants=["Anouk", "Bram"])
    plan = MeetingPlan.from_template(template, name="Zuid december", network=network.id)
    PlanStore(tmp_path / "data" / "plans").save(plan)
    assert cli.main([*data, "start", "--plan", "zuid december"]) == 0
    (record, path), = no_app
    assert record.network == network.id and record.participants == ["Anouk", "Bram"]
    assert NetworkStore(tmp_path / "data" / "networks").load(network.id).meetings == [path.stem]

    plan.participants = ["Chris"]
    PlanStore(tmp_path / "data" / "plans").save(plan)
    assert cli.main([*data, "start", "--plan", "zuid december"]) == 0
    assert no_app[1][0].participants == ["Chris"]


def test_plan_opens_the_plan_screens_after_checking_the_names(tmp_path, data, template, capsys, monkeypatch):
    opened = []
    monkeypatch.setattr("lerend_tui.app.LerendApp.run", lambda app: opened.append(app._open_plans))
    assert cli.main([*data, "plan"]) == 0
    assert cli.main([*data, "plan", "--template", "kick-off"]) == 0
    assert opened == [{"template": "", "network": "", "make": False},
                      {"template": "kick-off", "network": "", "make": True}]
    assert cli.main([*data, "plan", "--template", "feest"]) == 2
    assert "Onbekend sjabloon 'feest'" in capsys.readouterr().err
    assert cli.main([*data, "plan", "--network", "nergens"]) == 2
    assert "nergens" in capsys.readouterr().err
    assert cli.main([*data, "plan", "edit", "nergens"]) == 2
    assert "Geen planning 'nergens'" in capsys.readouterr().err
    PlanStore(tmp_path / "data" / "plans").save(MeetingPlan.from_template(template, name="Avond"))
    assert cli.main([*data, "plan", "edit", "avond"]) == 0
    assert opened[-1]["plan"].name == "Avond"
    assert cli.main([*data, "start", "--plan", "avond", "--template", "kick-off"]) == 2
    assert "niet allebei" in capsys.readouterr().err


def test_start_from_a_missing_or_broken_plan_says_so_in_dutch(tmp_path, data, capsys, no_app):
    assert cli.main([*data, "start", "--plan", "nergens"]) == 2
    assert "Geen planning 'nergens'" in capsys.readouterr().err
    broken = tmp_path / "data" / "plans" / "kapot.toml"
    broken.parent.mkdir(parents=True)
    broken.write_text('schema = 1\nname = "Kapot"\ntitle = "K"\n[[phases]]\nkind = "checkin"\ntitle = "a"\n',
                      encoding="utf-8")
    assert cli.main([*data, "start", "--plan", "kapot"]) == 2
    err = capsys.readouterr().err
    assert f"{broken}, veld 'phases[1].minutes'" in err and "Traceback" not in err
    assert cli.main([*data, "start", "--plan", "kapot", "--resume"]) == 2
    assert "niet allebei" in capsys.readouterr().err
    assert no_app == []
