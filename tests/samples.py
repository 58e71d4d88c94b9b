"""Sample data the tests of every tier share: meeting records, networks, a plan and a live state, built in
code (no Textual here, so the unit tests can use them too)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lerend_tui.catalogue.workforms import load_catalogue
from lerend_tui.meeting.items import Item
from lerend_tui.meeting.record import Carried, Checkout, MeetingRecord, PlannedSnapshot, PlanOrigin, StepRecord
from lerend_tui.network.store import NetworkStore
from lerend_tui.plans.plan import MeetingPlan, PlanStore
from lerend_tui.storage.live import WRITER, LiveState
from lerend_tui.storage.meetings import MeetingStore
from lerend_tui.templates import load_templates

CET = timezone(timedelta(hours=1))
PEOPLE = ("Anouk", "Bram", "Chris", "Dewi", "Eva", "Fatima")
"""Six participants: enough for every role of a work format."""


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


def full_record():
    """A record with every table the format has: phases with steps, check-out, carried items and a plan."""
    record = sample_record()
    record.phases[3].steps = [StepRecord("Uitleg", 5, "Leg de werkvorm uit.")]
    record.plan = PlanOrigin("Najaar", "najaar", (PlannedSnapshot("checkin", "Opstart en check-in", 15),))
    return record


def finished(record: MeetingRecord, minutes: list[int]) -> MeetingRecord:
    """The record as if every phase ran, each for the given minutes."""
    moment = record.started
    for phase, spent in zip(record.phases, minutes):
        phase.started, phase.elapsed_seconds = moment, spent * 60
        moment += timedelta(minutes=spent)
        phase.ended = moment
    record.ended = moment
    return record


def october_meeting() -> MeetingRecord:
    """A finished meeting with notes in Markdown, items of two kinds and a check-out."""
    october = sample_record("Oktober: grenzen stellen", notes=(
        "Iedereen is er.", "", "## Het artikel\n\nOver **grenzen** in de wijk.", "Casus van Bram: vertrouwelijk.", ""))
    october.planned_start = october.started = datetime(2026, 10, 20, 19, 0, tzinfo=CET)
    october.items = [Item("afspraak", "volgende keer bij Anouk", "", "Evaluatie en afsluiting"),
                     Item("actie", "@Bram stuurt het artikel rond", "Bram", "Inhoud op het thema + opdracht")]
    october.checkout = [Checkout("Anouk", "rustig", 4), Checkout("Bram", "vol", 5)]
    return finished(october, [12, 15, 32, 50, 10])


def store_meetings(paths, *, broken: bool = True) -> dict[str, Path]:
    """Three meetings (October and November finished, one unfinished) and, if asked, a truncated file."""
    store = MeetingStore(paths.meetings)
    november = sample_record("November: zelfregie")
    november.planned_start = november.started = datetime(2026, 11, 17, 19, 0, tzinfo=CET)
    unfinished = sample_record("Onderbroken avond")
    paths_by_title = {}
    for record in (october_meeting(), finished(november, [10, 15, 30, 45, 10]), unfinished):
        paths_by_title[record.title] = store.create(record)
    if broken:
        paths_by_title["kapot"] = paths.meetings / "2026-09-01-kapot.toml"
        paths_by_title["kapot"].write_text('schema = 1\ntitle = "Kapot', encoding="utf-8")
    return paths_by_title


def make_network(paths, participants=("Anouk", "Bram")):
    return NetworkStore(paths.networks).create("Zorgnetwerk Zuid", theme="Wijkzorg", participants=participants)


def two_meetings(paths) -> list[str]:
    """Two recorded meetings of the network, with check-out scores: ROTI 4,0 and 4,5."""
    store = MeetingStore(paths.meetings)
    first = sample_record("Bijeenkomst oktober")
    first.planned_start = first.started = datetime(2026, 10, 27, 19, 0, tzinfo=CET)
    first.ended = first.started + timedelta(hours=2)
    second = sample_record("Bijeenkomst november")
    second.participants = ["Anouk", "Bram", "Chris"]
    second.checkout = [Checkout("Anouk", "blij", 4), Checkout("Bram", "vol", 5), Checkout("Chris")]
    ids = []
    for record in (first, second):
        record.network = "zorgnetwerk-zuid"
        record.carried = []
        ids.append(store.create(record).stem)
    return ids


def planned_evening(paths) -> MeetingPlan:
    """A plan shaped as a facilitator would: a phase moved, a work format in the coaching phase, who brings
    the content and the case, and ten minutes more than the evening has."""
    plan = MeetingPlan.from_template(load_templates().get("bijeenkomst"), name="Zuid december",
                                     title="Zorgnetwerk Zuid · december", start="19:30", available_minutes=100)
    plan.move(1, 2)
    plan.set_workform(3, load_catalogue(None).workforms["troika-consulting"])
    plan.phases[2].content_by, plan.phases[3].case_by = "Anouk", "Bram"
    plan.theme = "Eenzaamheid in de wijk"
    PlanStore(paths.plans).save(plan)
    return plan


def live_state(clock, elapsed, running, **changes) -> LiveState:
    """This program's live state: a step of ten minutes in the coaching phase, `elapsed` seconds into it,
    running or not; `changes` to any of its fields."""
    state = LiveState(
        writer=WRITER, title="Zorgnetwerk Zuid", network="", phase_title="Onderlinge coaching", phase_number=4,
        phase_count=5, focus="step", step_label="Stap 2 van 4: Verhelderende vragen",
        step_instruction="Stel alleen vragen om het probleem te begrijpen.", speaker="", next_speaker="",
        round_progress="", coming_up="Daarna: Adviesronde", planned_seconds=600.0, elapsed_seconds=elapsed,
        phase_planned_seconds=2700.0, phase_elapsed_seconds=900.0 + elapsed, step_planned_seconds=0.0,
        step_elapsed_seconds=0.0, running=running, measured_at=clock.now(), warning_seconds=120.0, count_up=True,
        started=True, planned_start=clock.now(),
    )
    return replace(state, **changes)
