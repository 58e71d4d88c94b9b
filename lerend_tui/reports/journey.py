"""Where a learning network stands on the talk's journey of five steps, from its own data.

Stap 1 behoefteonderzoek (the theme and its question from practice, the intakes and their advice, meetings
planned), Stap 2 the kick-off, Stap 3 the bijeenkomsten, Stap 4 the evaluatie and Stap 5 adoptie (the
commitments kept and still open). A meeting counts as held when it ran (`MeetingRecord.ran`); which step it
belongs to is its template's (`kick-off`, `evaluatie`, any other a bijeenkomst). A plan of the network counts
as planned from today on, until a meeting ran from it. Each `Step` says its state, what is done, what comes
next and, in the talk's words, what the step is for. The network screen and `lerend-tui network show` draw it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.text import count_text, dutch_date
from lerend_tui.network.carry_over import commitments, open_commitments
from lerend_tui.network.intake import VERDICTS
from lerend_tui.network.meetings import NetworkMeeting, Records, held_meetings
from lerend_tui.network.owners import NO_OWNER_LABEL, by_owner
from lerend_tui.network.store import Network
from lerend_tui.plans.plan import MeetingPlan, plan_id
from lerend_tui.plans.series import EVALUATION, KICKOFF

DONE, BUSY, PLANNED, TO_DO = "gedaan", "bezig", "gepland", "nog te doen"
STATES = (DONE, BUSY, PLANNED, TO_DO)
MARKS = {DONE: "✓", BUSY: "▶", PLANNED: "◷", TO_DO: "○"}
"""A sign per state, beside the state's word (so no one needs colour)."""
SHOWN_DATES = 6
"""How many dates a step lists before it says how many more there are."""

PURPOSES = (
    "Thema bepalen, intakegesprekken houden en bijeenkomsten inplannen.",
    "De randvoorwaarden verzamelen en bepalen om het lerend netwerk op te kunnen starten.",
    "Leren van en met elkaar: inhoud, leren van elkaar, leren leren.",
    "Terugkijken en vieren wat bereikt is, en onderzoeken of en hoe jullie door willen gaan.",
    "Het volhouden en doorgaan: aandacht tijdens de bijeenkomsten (en niet daarna pas).",
)
"""What each step is for, in the talk's words."""
TITLES = ("Behoefteonderzoek", "Kick-off", "Bijeenkomsten", "Evaluatie", "Adoptie")


@datatype
class Step:
    number: int
    state: str
    """One of `STATES`."""
    done: tuple[str, ...] = ()
    """What is done (or planned), a line each."""
    next: tuple[str, ...] = ()
    """What comes next, a line each; empty when nothing does."""

    @property
    def title(self) -> str:
        return TITLES[self.number - 1]

    @property
    def heading(self) -> str:
        """"Stap 2 – Kick-off", as the talk heads it."""
        return f"Stap {self.number} – {self.title}"

    @property
    def purpose(self) -> str:
        return PURPOSES[self.number - 1]

    @property
    def mark(self) -> str:
        return MARKS[self.state]


@datatype
class Journey:
    steps: tuple[Step, ...]

    @property
    def current(self) -> Step | None:
        """The first step not done yet (None when all are)."""
        return next((step for step in self.steps if step.state != DONE), None)


def journey(network: Network, records: Records, plans: Iterable[MeetingPlan], today: date) -> Journey:
    """The five steps of `network`, from its meetings in `records` (as in `network.meetings`) and its plans among
    `plans` (any plans: those of another network are passed over), as they stand on `today`."""
    held = held_meetings(network, records)
    ran_from = {meeting.record.plan.id for meeting in held if meeting.record.plan is not None}
    coming = sorted((plan for plan in plans if plan.network == network.id and network.id
                     and (plan.date is None or plan.date >= today) and _plan_id(plan) not in ran_from),
                    key=lambda plan: (plan.date or date.max, plan.start, plan.name.casefold()))
    by_kind = {kind: ([m for m in held if _kind(m.record.template) == kind],
                      [p for p in coming if _kind(p.template) == kind]) for kind in (KICKOFF, "", EVALUATION)}
    evaluated = bool(by_kind[EVALUATION][0])
    return Journey((
        _needs(network, held, coming),
        _occasion(2, *by_kind[KICKOFF], network, "Plan de kick-off."),
        _meetings(*by_kind[""], ends=evaluated or bool(by_kind[EVALUATION][1])),
        _occasion(4, *by_kind[EVALUATION], network, "Plan de evaluatie na de laatste bijeenkomst."),
        _adoption(network, records, held, evaluated),
    ))


def _plan_id(plan: MeetingPlan) -> str:
    return plan.path.stem if plan.path is not None else plan_id(plan.name)


def _kind(template: str) -> str:
    """The step a meeting of this template belongs to: `KICKOFF`, `EVALUATION`, or "" for a bijeenkomst."""
    return template if template in (KICKOFF, EVALUATION) else ""


def _when(plan: MeetingPlan) -> str:
    return f"{dutch_date(plan.date)}, {plan.start}" if plan.date else "nog zonder datum"


def _dates(days: list[date]) -> str:
    """"12-01, 09-02 en 2 meer"."""
    shown = ", ".join(f"{day:%d-%m}" for day in days[:SHOWN_DATES])
    return shown + (f" en {len(days) - SHOWN_DATES} meer" if len(days) > SHOWN_DATES else "")


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _state(parts: list[bool]) -> str:
    return DONE if all(parts) else BUSY if any(parts) else TO_DO


def _needs(network: Network, held: list[NetworkMeeting], coming: list[MeetingPlan]) -> Step:
    """Stap 1: the theme (and its question), the intakes and their advice, the meetings planned."""
    done: list[str] = []
    to_do: list[str] = []
    if network.theme:
        done.append(f"Thema: {network.theme}")
    else:
        to_do.append("Bepaal het thema, eventueel op basis van een vraag uit de praktijk.")
    if network.question:
        done.append(f"Vraag uit de praktijk: {network.question}")
    people = network.participants
    with_intake = [person for person in people if person.intake is not None]
    if with_intake:
        verdicts = [person.intake.advice for person in with_intake if person.intake is not None]
        advice = ", ".join(f"{verdicts.count(verdict)} {verdict}" for verdict in VERDICTS if verdict in verdicts)
        done.append(f"Intake met {len(with_intake)} van de {count_text(len(people), 'deelnemer', 'deelnemers')}"
                    + (f" ({advice})" if advice else ""))
    missing = [person.name for person in people if person.intake is None]
    if not people:
        to_do.append("Voeg de deelnemers toe en houd met ieder een intakegesprek.")
    elif missing:
        to_do.append(f"Intakegesprek met {_names(missing)}.")
    planned = bool(held or coming)
    if planned:
        done.append(f"Ingepland: {count_text(len(held) + len(coming), 'bijeenkomst', 'bijeenkomsten')}"
                    + (f" ({len(held)} gehouden)" if held else "")
                    + (f", tot {dutch_date(coming[-1].date)}" if coming and coming[-1].date else ""))
    else:
        to_do.append("Plan de bijeenkomsten in: kick-off, bijeenkomsten en evaluatie.")
    if network.agreements.randvoorwaarden:
        done.append(count_text(len(network.agreements.randvoorwaarden), "randvoorwaarde", "randvoorwaarden")
                    + " vastgelegd")
    return Step(1, _state([bool(network.theme), bool(people) and not missing, planned]), tuple(done), tuple(to_do))


def _occasion(number: int, held: list[NetworkMeeting], coming: list[MeetingPlan], network: Network,
              plan_it: str) -> Step:
    """Stap 2 or 4, a single meeting: held (the latest), begun, planned, or still to plan."""
    if held:
        latest = held[-1]
        if not latest.record.finished:
            return Step(number, BUSY, (f"Begonnen op {dutch_date(latest.date.date())}, nog niet afgerond",),
                        ("Rond de bijeenkomst af.",))
        done = [f"Gehouden op {dutch_date(latest.date.date())}"]
        if number == 2:
            questions = sum(len(person.learning_questions) for person in network.participants)
            agreements = network.agreements
            done.append(f"Opgehaald: {count_text(questions, 'leervraag', 'leervragen')}, "
                        f"{count_text(len(agreements.randvoorwaarden), 'randvoorwaarde', 'randvoorwaarden')}, "
                        f"{count_text(len(agreements.afspraken), 'afspraak', 'afspraken')}")
        return Step(number, DONE, tuple(done))
    if coming:
        first = coming[0]
        return Step(number, PLANNED, (f"Gepland: {_when(first)}",), (f"Bereid de planning '{first.name}' voor.",))
    return Step(number, TO_DO, (), (plan_it,))


def _meetings(held: list[NetworkMeeting], coming: list[MeetingPlan], *, ends: bool) -> Step:
    """Stap 3: the bijeenkomsten held and planned, and the next one. Done when none is planned any more and the
    evaluatie is held or planned."""
    done: list[str] = []
    if held:
        done.append(f"Gehouden: {len(held)} · {_dates([meeting.date.date() for meeting in held])}")
    if coming:
        dated = [plan.date for plan in coming if plan.date is not None]
        done.append(f"Gepland: {len(coming)}" + (f" · {_dates(dated)}" if dated else ""))
    if coming:
        upcoming = coming[0]
        return Step(3, BUSY if held else PLANNED, tuple(done), (f"Volgende: {_when(upcoming)} · {upcoming.title}",))
    if held and ends:
        return Step(3, DONE, tuple(done))
    if held:
        return Step(3, BUSY, tuple(done), ("Plan de volgende bijeenkomsten, of de evaluatie.",))
    return Step(3, TO_DO, (), ("Plan de bijeenkomsten in, bijvoorbeeld als reeks.",))


def _adoption(network: Network, records: Records, held: list[NetworkMeeting], evaluated: bool) -> Step:
    """Stap 5: the "stok achter de deur" and actions of every meeting, kept, dropped and still open."""
    noted = commitments(network, records)
    still = open_commitments(network, records)
    done: list[str] = []
    if noted:
        kept = sum(entry.status == "gedaan" for entry in noted)
        dropped = sum(entry.status == "vervalt" for entry in noted)
        done.append(f"Stok achter de deur en acties: {kept} nagekomen, {len(still)} open"
                    + (f", {dropped} vervallen" if dropped else ""))
    with_phase = [meeting for meeting in held if any(phase.kind == "adoptie" for phase in meeting.record.phases)]
    if with_phase:
        done.append(f"Een fase adoptie in {count_text(len(with_phase), 'bijeenkomst', 'bijeenkomsten')}")
    if still:
        owners = by_owner(still, network.names)
        who = ", ".join(f"{owner or NO_OWNER_LABEL} {len(owned)}" for owner, owned in owners.items())
        return Step(5, BUSY, tuple(done), (f"Nog open: {who}; ze komen terug bij de volgende check-in.",))
    if not held or not noted:
        return Step(5, TO_DO, tuple(done), ("Spreek bij elke afsluiting per persoon een stok achter de deur af.",))
    if evaluated:
        return Step(5, DONE, tuple(done))
    return Step(5, BUSY, tuple(done), ("Spreek bij de volgende afsluiting weer een stok achter de deur af.",))


__all__ = ["BUSY", "DONE", "MARKS", "PLANNED", "PURPOSES", "STATES", "TITLES", "TO_DO", "Journey", "Step", "journey"]
