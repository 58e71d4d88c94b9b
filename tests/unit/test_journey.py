"""The journey of five steps (`reports.journey`), from a network's own data: each step's states."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from lerend_tui.meeting.items import Item
from lerend_tui.meeting.record import Carried, MeetingRecord, PlanOrigin
from lerend_tui.network.intake import Intake
from lerend_tui.network.store import Network, Participant
from lerend_tui.plans.plan import MeetingPlan
from lerend_tui.reports.journey import BUSY, DONE, PLANNED, TO_DO, journey
from lerend_tui.templates import load_templates

from ..samples import CET

TODAY = date(2027, 3, 1)
TEMPLATES = load_templates()


def network(**changes) -> Network:
    people = [Participant("Anouk", intake=Intake.held({"praktische-kennis": True, "complex-vraagstuk": True,
                                                      "voldoende-tijd": True})),
              Participant("Bram", intake=Intake.held({"theoretische-kennis": True})),
              Participant("Chris")]
    base = Network("Zorgnetwerk Zuid", "Wijkzorg", people, id="zuid", question="Hoe betrekken we mantelzorgers?")
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def held(template: str, day: date, *, finished: bool = True, items=(), carried=(), plan: str = "") -> MeetingRecord:
    start = datetime(day.year, day.month, day.day, 19, 30, tzinfo=CET)
    record = MeetingRecord.from_template(TEMPLATES.get(template), title=template, participants=["Anouk", "Bram"],
                                         planned_start=start)
    record.network, record.started = "zuid", start
    record.ended = start + timedelta(hours=2) if finished else None
    record.items, record.carried = list(items), list(carried)
    record.plan = PlanOrigin(plan, plan) if plan else None
    return record


def plan(template: str, day: date | None, name: str = "", network_id: str = "zuid") -> MeetingPlan:
    made = MeetingPlan.from_template(TEMPLATES.get(template), name=name or f"{day} {template}", start="19:30",
                                     network=network_id)
    made.date = day
    return made


def steps(net, records=None, plans=()):
    return journey(net, records or {}, plans, TODAY).steps


def test_a_new_network_has_everything_still_to_do():
    empty = Network("Nieuw", id="nieuw")
    states = [step.state for step in steps(empty)]
    assert states == [TO_DO] * 5
    first = steps(empty)[0]
    assert first.heading == "Stap 1 – Behoefteonderzoek"
    assert first.next == ("Bepaal het thema, eventueel op basis van een vraag uit de praktijk.",
                          "Voeg de deelnemers toe en houd met ieder een intakegesprek.",
                          "Plan de bijeenkomsten in: kick-off, bijeenkomsten en evaluatie.")
    assert [step.purpose for step in steps(empty)][1] == (
        "De randvoorwaarden verzamelen en bepalen om het lerend netwerk op te kunnen starten.")


def test_step_one_counts_the_intakes_and_their_advice_and_names_who_has_none():
    first = steps(network())[0]
    assert first.state == BUSY  # theme and two intakes, nothing planned
    assert "Thema: Wijkzorg" in first.done and "Vraag uit de praktijk: Hoe betrekken we mantelzorgers?" in first.done
    assert "Intake met 2 van de 3 deelnemers (1 past, 1 past niet)" in first.done
    assert first.next == ("Intakegesprek met Chris.",
                          "Plan de bijeenkomsten in: kick-off, bijeenkomsten en evaluatie.")


def test_step_one_is_done_with_a_theme_every_intake_and_meetings_planned():
    net = network()
    net.participants[2].intake = Intake.held({"praktische-kennis": True})
    net.agreements.randvoorwaarden = ["Om de vier weken", "Wat hier gezegd wordt, blijft hier"]
    first = steps(net, plans=[plan("kick-off", date(2027, 3, 9)), plan("bijeenkomst", date(2027, 4, 6))])[0]
    assert first.state == DONE and first.next == ()
    assert "Ingepland: 2 bijeenkomsten, tot dinsdag 6 april 2027" in first.done
    assert "2 randvoorwaarden vastgelegd" in first.done


@pytest.mark.parametrize("number", [2, 4])
def test_the_kickoff_and_the_evaluatie_are_to_do_planned_begun_or_held(number):
    template = "kick-off" if number == 2 else "evaluatie"
    net = network()
    assert steps(net)[number - 1].state == TO_DO

    coming = steps(net, plans=[plan(template, date(2027, 3, 9), name="Start")])[number - 1]
    assert (coming.state, coming.done, coming.next) == (
        PLANNED, ("Gepland: dinsdag 9 maart 2027, 19:30",), ("Bereid de planning 'Start' voor.",))

    begun = steps(net, {"a": held(template, date(2027, 2, 23), finished=False)})[number - 1]
    assert begun.state == BUSY and begun.done == ("Begonnen op dinsdag 23 februari 2027, nog niet afgerond",)

    done = steps(net, {"a": held(template, date(2027, 2, 23))})[number - 1]
    assert done.state == DONE and done.done[0] == "Gehouden op dinsdag 23 februari 2027" and done.next == ()


def test_the_kickoff_tells_what_it_brought_in():
    net = network()
    net.participants[0].learning_questions = ["Hoe zeg ik nee?"]
    net.agreements.afspraken = ["We beginnen op tijd"]
    kickoff = steps(net, {"a": held("kick-off", date(2027, 1, 12))})[1]
    assert kickoff.done[1] == "Opgehaald: 1 leervraag, 0 randvoorwaarden, 1 afspraak"


def test_a_plan_a_meeting_ran_from_or_whose_day_is_past_is_not_planned_any_more():
    net = network()
    ran = held("kick-off", date(2027, 1, 12), plan="kick-off-januari")
    plans = [plan("kick-off", date(2027, 3, 9), name="kick-off-januari"), plan("kick-off", date(2027, 2, 1)),
             plan("kick-off", date(2027, 3, 9), network_id="noord")]
    assert steps(net, plans=plans[1:])[1].state == TO_DO
    assert steps(net, plans=plans)[1].state == PLANNED
    after = steps(net, {"a": ran}, plans)
    assert after[1].state == DONE and "Ingepland: 1 bijeenkomst (1 gehouden)" in after[0].done


def test_the_meetings_are_planned_then_under_way_then_done_when_the_evaluatie_comes():
    net = network()
    assert steps(net)[2].next == ("Plan de bijeenkomsten in, bijvoorbeeld als reeks.",)
    coming = [plan("bijeenkomst", date(2027, 3, 9)), plan("bijeenkomst", date(2027, 4, 6)),
              plan("bijeenkomst", None, name="ooit")]
    planned = steps(net, plans=coming)[2]
    assert planned.state == PLANNED
    assert planned.done == ("Gepland: 3 · 09-03, 06-04",)
    assert planned.next == ("Volgende: dinsdag 9 maart 2027, 19:30 · Bijeenkomst",)

    records = {"a": held("bijeenkomst", date(2027, 2, 9)), "b": held("kick-off", date(2027, 1, 12))}
    going = steps(net, records, coming)[2]
    assert going.state == BUSY and going.done[0] == "Gehouden: 1 · 09-02"

    without_more = steps(net, records)[2]
    assert without_more.state == BUSY and without_more.next == ("Plan de volgende bijeenkomsten, of de evaluatie.",)
    with_evaluation = steps(net, records, [plan("evaluatie", date(2027, 5, 4))])[2]
    assert with_evaluation.state == DONE


def test_many_dates_are_shortened():
    coming = [plan("bijeenkomst", date(2027, 3, 2) + timedelta(weeks=week)) for week in range(9)]
    assert steps(network(), plans=coming)[2].done == ("Gepland: 9 · 02-03, 09-03, 16-03, 23-03, 30-03, 06-04 en 3 meer",)


def test_adoption_counts_the_commitments_kept_and_open_per_person():
    net = network()
    assert steps(net)[4].state == TO_DO
    first = held("bijeenkomst", date(2027, 1, 12), items=[
        Item("stok", "@Anouk belt drie cliënten", "Anouk", "Afsluiting"),
        Item("stok", "@Bram leest het artikel", "Bram", "Afsluiting"),
        Item("actie", "agenda rondsturen", "", "Afsluiting")])
    quiet = steps(net, {"b": held("bijeenkomst", date(2027, 1, 12))})[4]
    assert quiet.state == TO_DO and quiet.next == ("Spreek bij elke afsluiting per persoon een stok achter de deur af.",)

    open_ = steps(net, {"a": first})[4]
    assert open_.state == BUSY
    assert open_.done == ("Stok achter de deur en acties: 0 nagekomen, 3 open",)
    assert open_.next == ("Nog open: Anouk 1, Bram 1, iedereen 1; ze komen terug bij de volgende check-in.",)

    second = held("bijeenkomst", date(2027, 2, 9), carried=[
        Carried("stok", "@Anouk belt drie cliënten", "Anouk", "a", "gedaan"),
        Carried("stok", "@Bram leest het artikel", "Bram", "a", "vervalt"),
        Carried("actie", "agenda rondsturen", "", "a", "gedaan")])
    settled = steps(net, {"a": first, "b": second})[4]
    assert settled.state == BUSY and settled.done == ("Stok achter de deur en acties: 2 nagekomen, 0 open, 1 vervallen",)
    ended = steps(net, {"a": first, "b": second, "c": held("evaluatie", date(2027, 3, 9))})[4]
    assert ended.state == DONE and "Een fase adoptie in 1 bijeenkomst" in ended.done  # the evaluatie's


def test_the_current_step_is_the_first_not_done():
    net = network()
    net.participants[2].intake = Intake.held({})
    records = {"a": held("kick-off", date(2027, 1, 12))}
    result = journey(net, records, [plan("bijeenkomst", date(2027, 3, 9))], TODAY)
    assert result.current is not None and result.current.number == 3
