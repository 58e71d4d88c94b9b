"""What a learning network's meetings add up to, from the network file and the meeting records.

Every function takes the `Network` and `records`, a mapping of meeting id (file stem) to
`MeetingRecord`, e.g. `{stored.id: stored.record for stored in MeetingStore(...).scan()[0]}`. A record
belongs to the network when its id is in `network.meetings` or its `network` field is the network's
id; ids of the network that are not in `records` are skipped (`missing_meetings` lists them).

- carry-over: the commitments ("stok achter de deur") and actions of the previous meeting come back at
  the next meeting's check-in (`carry_over`, `join_network`, `by_owner`, `set_status`);
- learning questions: per person, in which meetings they came up (`learning_questions`);
- fairness: who had which role in which meeting, and whose turn it is (`role_turns`, `role_counts`,
  `role_history`, `whose_turn`);
- trends: attendance and ROTI per meeting (`trends`, `sparkline`);
- the final evaluation: `network_summary` and the Markdown report `network_report`.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol, TypeVar

from lerend_tui.network.store import Network, NetworkStore
from lerend_tui.catalogue.picker import History, suggest
from lerend_tui.meeting.record import (ATTENDANCE_STATES, CARRIED_KINDS, CARRY_STATUSES, CASE_ROLE, CONTENT_ROLE, PRESENT, Carried, MeetingRecord,
                     PhaseRecord, roti_average)
from lerend_tui.common.sanitise import clean, escape_markdown
from lerend_tui.storage.meetings import MeetingStore

Records = Mapping[str, MeetingRecord]

NO_OWNER_LABEL = "iedereen"
"""How the UI names the group of items without an owner: they are for everyone."""
CARRIED_ON = ("open", "loopt door")
"""Statuses with which a carried item comes back at the meeting after that too ("open": not ticked off)."""
FAIRNESS_ROLES = {
    CASE_ROLE: "bracht een casus in",
    CONTENT_ROLE: "bracht de inhoud",
    "gespreksleider": "leidde het gesprek",
}
"""The roles the fairness overview is about, with how the UI says them."""


# -- the network's meetings ------------------------------------------------------------------------


@dataclass(frozen=True)
class NetworkMeeting:
    id: str
    record: MeetingRecord

    @property
    def date(self) -> datetime:
        """When it started, or else when it was planned."""
        return self.record.started or self.record.planned_start


def network_meetings(network: Network, records: Records) -> list[NetworkMeeting]:
    """The network's meetings that are in `records`, oldest first (by planned start)."""
    order = {id_: index for index, id_ in enumerate(network.meetings)}
    chosen = [
        NetworkMeeting(id_, record) for id_, record in records.items()
        if id_ in order or (network.id and record.network == network.id)
    ]
    chosen.sort(key=lambda meeting: (meeting.record.planned_start, order.get(meeting.id, len(order)), meeting.id))
    return chosen


def held_meetings(network: Network, records: Records) -> list[NetworkMeeting]:
    """The network's meetings in which a phase ran (`MeetingRecord.ran`), oldest first: the ones that count
    in carry-over, roles, trends and attendance. A meeting that never ran counts nowhere."""
    return [meeting for meeting in network_meetings(network, records) if meeting.record.ran]


def missing_meetings(network: Network, records: Records) -> list[str]:
    """Ids the network file lists but `records` does not hold (deleted, renamed or unreadable)."""
    return [id_ for id_ in network.meetings if id_ not in records]


# -- carry-over -------------------------------------------------------------------------------------


def carry_over(network: Network, records: Records, current_id: str | None = None) -> list[Carried]:
    """What comes back at the check-in of meeting `current_id` (or of a new meeting when None or unknown).

    From the meeting of the network that last ran before it (a meeting that never ran is passed over): its
    own actions and commitments, and what it carried itself that stayed "open" or "loopt door" (see
    `CARRIED_ON`); "gedaan" and "vervalt" stop there. Everything comes back with status "open" (not ticked off yet), the oldest first, each once.
    """
    meetings = network_meetings(network, records)
    ids = [meeting.id for meeting in meetings]
    earlier = [meeting for meeting in (meetings[:ids.index(current_id)] if current_id in ids else meetings)
               if meeting.record.ran]
    if not earlier:
        return []
    previous = earlier[-1]
    entries = [replace(entry, status="open") for entry in previous.record.carried if entry.status in CARRIED_ON]
    entries += [Carried(item.kind, item.text, item.owner, previous.id) for item in previous.record.items
                if item.kind in CARRIED_KINDS]
    unique: dict[tuple[str, str, str, str], Carried] = {}
    for entry in entries:
        unique.setdefault(_key(entry), entry)
    return list(unique.values())


def _key(entry: Carried) -> tuple[str, str, str, str]:
    return entry.kind, entry.text, entry.owner, entry.from_meeting


def join_network(record: MeetingRecord, network: Network, records: Records) -> MeetingRecord:
    """Make a new meeting record part of the network: its `network` field, the network's participants
    (when the record has none) and what the previous meeting carries over. Returns the record.

    The meeting's id still has to be added to the network file once the record is on disk
    (`NetworkStore.add_meeting`).
    """
    record.network = network.id
    if not record.participants:
        record.participants = list(network.names)
    record.carried = carry_over(network, records)
    return record


def create_in_network(record: MeetingRecord, network: Network, store: MeetingStore,
                      networks: NetworkStore) -> Path:
    """Put a new meeting on disk as part of the network (`join_network`), and file its id in the network."""
    join_network(record, network, {stored.id: stored.record for stored in store.scan()[0]})
    path = store.create(record)
    networks.add_meeting(network, path.stem)
    return path


def set_status(record: MeetingRecord, index: int, status: str) -> Carried:
    """Tick off carried item `index` of `record` as one of `CARRY_STATUSES`; returns the updated entry."""
    if status not in CARRY_STATUSES:
        raise ValueError(f"Onbekende status '{status}': kies uit {', '.join(CARRY_STATUSES)}.")
    record.carried[index] = replace(record.carried[index], status=status)
    return record.carried[index]


class _Owned(Protocol):
    @property
    def owner(self) -> str: ...


Owned = TypeVar("Owned", bound=_Owned)


def match_owner(owner: str, names: Sequence[str]) -> str:
    """The participant an `@owner` means: the same name, or the only one whose first name it is
    (case-insensitive); else the owner as written."""
    folded = owner.casefold()
    if not folded:
        return ""
    exact = [name for name in names if name.casefold() == folded]
    if exact:
        return exact[0]
    first = [name for name in names if name.casefold().split()[:1] == [folded]]
    return first[0] if len(first) == 1 else owner


def by_owner(entries: Iterable[Owned], names: Sequence[str] = ()) -> dict[str, list[Owned]]:
    """Items (carried items, meeting items) per person, for the check-in: the participants in the order
    of `names`, then other owners alphabetically, then the key "" (no owner: `NO_OWNER_LABEL`)."""
    groups: dict[str, list[Owned]] = {}
    for entry in entries:
        groups.setdefault(match_owner(entry.owner, names), []).append(entry)
    rank = {name: index for index, name in enumerate(names)}
    return dict(sorted(groups.items(), key=lambda group: (group[0] == "", rank.get(group[0], len(rank)),
                                                          group[0].casefold())))


# -- learning questions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A learning question (a `leervraag` item) noted in one of the network's meetings."""

    meeting_id: str
    title: str
    """The meeting's title."""
    date: datetime
    text: str
    owner: str


@dataclass(frozen=True)
class QuestionTrail:
    """One person's learning questions (from the network file) and where they came up in the meetings."""

    name: str
    """A participant, another owner found in the meetings, or "" for questions without an owner."""
    questions: tuple[str, ...]
    mentions: tuple[Mention, ...]

    @property
    def meetings(self) -> list[str]:
        """The ids of the meetings where this person's questions came up, oldest first, each once."""
        return list(dict.fromkeys(mention.meeting_id for mention in self.mentions))


def learning_questions(network: Network, records: Records) -> list[QuestionTrail]:
    """Per participant (in the network's order, also those without any): their questions and the
    `leervraag` items they own or that mention one of their questions; then other owners, then items
    with no owner that mention no one's question (name "")."""
    names = network.names
    found: dict[str, list[Mention]] = {name: [] for name in names}
    for meeting in held_meetings(network, records):
        for item in meeting.record.items:
            if item.kind != "leervraag":
                continue
            mention = Mention(meeting.id, meeting.record.title, meeting.date, item.text, item.owner)
            owner = match_owner(item.owner, names)
            people = [owner] if owner else [p.name for p in network.participants
                                            if any(_mentions(item.text, q) for q in p.learning_questions)]
            for person in people or [""]:
                found.setdefault(person, []).append(mention)
    questions = {participant.name: tuple(participant.learning_questions) for participant in network.participants}
    trails = [QuestionTrail(name, questions.get(name, ()), tuple(mentions)) for name, mentions in found.items()]
    return sorted(trails, key=lambda trail: (trail.name == "", trail.name not in questions))  # stable otherwise


def _mentions(text: str, question: str) -> bool:
    """Whether an item's text and a learning question are about the same: one holds the other."""
    a, b = _plain(text), _plain(question)
    return len(a) >= 8 and len(b) >= 8 and (a in b or b in a)


def _plain(text: str) -> str:
    return " ".join(text.casefold().replace("?", " ").replace(".", " ").split())


# -- fairness -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleTurn:
    """Someone had a role in a phase of a meeting."""

    meeting_id: str
    date: datetime
    phase: str
    """The phase's title."""
    role: str
    name: str


def role_name(phase: PhaseRecord, role: str) -> str:
    """The role as fairness counts it: an `inbrenger` in an `inhoud` phase brought the content."""
    return CONTENT_ROLE if phase.kind == "inhoud" and role in (CASE_ROLE, CONTENT_ROLE) else role


def role_turns(network: Network, records: Records) -> list[RoleTurn]:
    """Every role anyone had in the network's meetings, oldest meeting first, phases in order."""
    return [
        RoleTurn(meeting.id, meeting.date, phase.title, role_name(phase, role), name)
        for meeting in held_meetings(network, records)
        for phase in meeting.record.phases
        for role, name in phase.roles.items()
        if name
    ]


def role_counts(network: Network, records: Records) -> dict[str, dict[str, int]]:
    """Person → role → how many times they had it; every participant is there (also with no roles),
    others who had roles follow."""
    counts: dict[str, dict[str, int]] = {name: {} for name in network.names}
    for turn in role_turns(network, records):
        person = counts.setdefault(match_owner(turn.name, network.names), {})
        person[turn.role] = person.get(turn.role, 0) + 1
    return counts


def role_history(network: Network, records: Records) -> History:
    """The network's meetings as the draw's `History` (newest first), with content bringers under
    `CONTENT_ROLE`: hand it to `DrawScreen`/`propose_roles` so roles rotate within the network."""
    meetings = held_meetings(network, records)[::-1]
    return History(
        used=[[phase.workform for phase in meeting.record.phases if phase.workform] for meeting in meetings],
        roles=[{role_name(phase, role): name for phase in meeting.record.phases for role, name in phase.roles.items()}
               for meeting in meetings],
    )


def whose_turn(role: str, network: Network, records: Records, rng: random.Random | None = None) -> str | None:
    """"Wie is er aan de beurt?" for `role` among the network's participants (see `picker.suggest`)."""
    return suggest(role, network.names, role_history(network, records).roles, rng)


# -- trends ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    meeting_id: str
    title: str
    date: datetime
    attendance: int
    """The participants present at the meeting (else, the check-outs)."""
    roti: float | None
    """The average ROTI of the check-out, or None without scores."""
    finished: bool


def trends(network: Network, records: Records) -> list[TrendPoint]:
    """Attendance and ROTI per meeting of the network, oldest first: the points of a sparkline."""
    return [
        TrendPoint(meeting.id, meeting.record.title, meeting.date,
                   len(meeting.record.present) or len(meeting.record.checkout),
                   roti_average(meeting.record.checkout), meeting.record.finished)
        for meeting in held_meetings(network, records)
    ]


@dataclass(frozen=True)
class PersonAttendance:
    """How often one participant was there, over the network's meetings that were held with them on the list."""

    name: str
    held: int
    counts: dict[str, int]
    """One of `ATTENDANCE_STATES` → in how many of those meetings it was theirs."""

    @property
    def words(self) -> str:
        """"Bram: 4 van 5 keer aanwezig, 1 keer afgemeld"."""
        others = [f"{count} keer {state}" for state, count in self.counts.items() if state != PRESENT and count]
        return ", ".join([f"{self.name}: {self.counts.get(PRESENT, 0)} van {self.held} keer aanwezig", *others])


def attendance_per_person(network: Network, records: Records) -> list[PersonAttendance]:
    """Per participant of the network (then others on a meeting's list), their attendance at the meetings
    that ran (one never begun had nobody there)."""
    held = [meeting.record for meeting in held_meetings(network, records)]
    names = list(dict.fromkeys([*network.names, *(name for record in held for name in record.participants)]))
    people = []
    for name in names:
        states = [record.attendance_of(name) for record in held if name in record.participants]
        people.append(PersonAttendance(name, len(states), {state: states.count(state) for state in ATTENDANCE_STATES}))
    return people


BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None], low: float | None = None, high: float | None = None) -> str:
    """A one-line chart of `values` in block characters (a space where a value is None), scaled from
    `low` to `high` (default: the smallest and largest value). E.g. ROTI: `sparkline(rotis, 1, 5)`."""
    known = [value for value in values if value is not None]
    if not known:
        return " " * len(values)
    low = min(known) if low is None else low
    high = max(known) if high is None else high
    span = high - low
    top = len(BLOCKS) - 1
    return "".join(
        " " if value is None else BLOCKS[top if span <= 0 else round(min(max((value - low) / span, 0.0), 1.0) * top)]
        for value in values
    )


# -- final evaluation --------------------------------------------------------------------------------------


def commitments(network: Network, records: Records) -> list[Carried]:
    """Every action and commitment noted in the network's meetings, in the order noted, with what became
    of it: its status in the latest meeting that carried it ("open" when none did yet)."""
    outcome: dict[tuple[str, str, str, str], Carried] = {}
    for meeting in held_meetings(network, records):
        for entry in meeting.record.carried:
            outcome[_key(entry)] = entry
        for item in meeting.record.items:
            if item.kind in CARRIED_KINDS:
                entry = Carried(item.kind, item.text, item.owner, meeting.id)
                outcome.setdefault(_key(entry), entry)
    return list(outcome.values())


@dataclass(frozen=True)
class NetworkSummary:
    meetings: int
    """Meetings of the network on disk."""
    held: int
    """Of those, the ones in which a phase ran."""
    questions: int
    """Learning questions in the network file."""
    questions_noted: int
    """`leervraag` items noted in the meetings."""
    people_with_questions: int
    """Participants whose learning questions came up in at least one meeting."""
    commitments: int
    """Actions and commitments noted in the meetings."""
    kept: int
    """Of those, the ones ticked off as "gedaan"."""
    carried_on: int
    """Still "open" or "loopt door"."""
    dropped: int
    """Ticked off as "vervalt"."""
    roti: float | None
    """The average of every ROTI score given in the network's meetings."""


def network_summary(network: Network, records: Records) -> NetworkSummary:
    """What the network achieved, for the final evaluation (Stap 4)."""
    meetings = network_meetings(network, records)
    held = held_meetings(network, records)
    trails = learning_questions(network, records)
    made = commitments(network, records)
    scores = [entry.score for meeting in held for entry in meeting.record.checkout if entry.score is not None]
    return NetworkSummary(
        meetings=len(meetings),
        held=len(held),
        questions=sum(len(participant.learning_questions) for participant in network.participants),
        questions_noted=sum(1 for meeting in held for item in meeting.record.items if item.kind == "leervraag"),
        people_with_questions=sum(1 for trail in trails if trail.name in network.names and trail.mentions),
        commitments=len(made),
        kept=sum(1 for entry in made if entry.status == "gedaan"),
        carried_on=sum(1 for entry in made if entry.status in CARRIED_ON),
        dropped=sum(1 for entry in made if entry.status == "vervalt"),
        roti=sum(scores) / len(scores) if scores else None,
    )


def collect_from_meeting(network: Network, record: MeetingRecord) -> list[str]:
    """Take into the network what a meeting (the kick-off, mostly) collected: learning questions,
    expectations and learning preferences with an owner who is a participant join that participant;
    agreements (`afspraak`) and `randvoorwaarde` items join the network's agreements. Nothing is added
    twice. Returns a Dutch line for each addition (empty: nothing new)."""
    personal = {"leervraag": ("learning_questions", "Leervraag"), "verwachting": ("expectations", "Verwachting"),
                "voorkeur": ("preferences", "Leervoorkeur")}
    shared = {"afspraak": ("afspraken", "Afspraak"), "randvoorwaarde": ("randvoorwaarden", "Randvoorwaarde")}
    added: list[str] = []
    for item in record.items:
        if item.kind in personal and item.owner:
            participant = network.participant(match_owner(item.owner, network.names))
            field, label = personal[item.kind]
            text = _without_mention(item.text, item.owner)
            if participant is not None and text not in getattr(participant, field):
                getattr(participant, field).append(text)
                added.append(f"{label} van {participant.name}: {text}")
        elif item.kind in shared:
            field, label = shared[item.kind]
            if item.text not in getattr(network.agreements, field):
                getattr(network.agreements, field).append(item.text)
                added.append(f"{label}: {item.text}")
    return added


def _without_mention(text: str, owner: str) -> str:
    """"@Bram hoe plan ik beter?" kept with Bram reads "hoe plan ik beter?"."""
    return " ".join(text.replace(f"@{owner}", " ").split()) or text


def decimal(value: float) -> str:
    """One decimal, with a comma: 4,5."""
    return f"{value:.1f}".replace(".", ",")


def network_report(network: Network, records: Records) -> str:
    """The whole network in Markdown, fit to mail: participants and their questions, agreements, the
    meetings with attendance and ROTI, what came of the commitments, learning questions and roles. Names
    and titles are escaped (`escape_markdown`); what people wrote keeps its Markdown, without control
    characters (`clean`)."""
    meetings = network_meetings(network, records)
    summary = network_summary(network, records)
    lines = [f"# Lerend netwerk: {escape_markdown(network.name)}", ""]
    if network.theme:
        lines += [f"Thema: {escape_markdown(network.theme)}", ""]
    lines += ["## Wat we bereikten", "", *summary_lines(summary), ""]
    lines += ["## Deelnemers", ""]
    for participant in network.participants:
        lines.append(f"### {escape_markdown(participant.name)}")
        lines.append("")
        facts = [
            ("Leervragen", participant.learning_questions),
            ("Ervaring die ze inbrengt", [participant.experience] if participant.experience.strip() else []),
            ("Leervoorkeuren", participant.preferences),
            ("Verwachtingen", participant.expectations),
        ]
        for heading, values in facts:
            if values:
                lines += [f"{heading}:", "", *(f"- {value.strip()}" for value in values), ""]
        if participant.intake is not None and participant.intake.advice:
            lines += [f"Intake: {participant.intake.advice}", ""]
        if not any(values for _, values in facts):
            lines += ["_Nog geen leervragen._", ""]
    if not network.participants:
        lines += ["_Nog geen deelnemers._", ""]
    if network.agreements.randvoorwaarden or network.agreements.afspraken:
        lines += ["## Afspraken", ""]
        if network.agreements.randvoorwaarden:
            lines += ["Randvoorwaarden:", "", *(f"- {text}" for text in network.agreements.randvoorwaarden), ""]
        if network.agreements.afspraken:
            lines += ["Afspraken:", "", *(f"- {text}" for text in network.agreements.afspraken), ""]
    lines += ["## Bijeenkomsten", ""]
    if meetings:
        lines += ["| Datum | Bijeenkomst | Aanwezig | ROTI |", "| --- | --- | ---: | ---: |"]
        for point in trends(network, records):
            roti = decimal(point.roti) if point.roti is not None else "—"
            state = "" if point.finished else " (niet afgerond)"
            lines.append(f"| {point.date:%d-%m-%Y} | {escape_markdown(point.title)}{state} | {point.attendance} | {roti} |")
        people = [person for person in attendance_per_person(network, records) if person.held]
        if people:
            lines += ["", "Aanwezigheid per persoon:", "",
                      *(f"- {escape_markdown(person.name)}{person.words.removeprefix(person.name)}" for person in people)]
    else:
        lines.append("_Nog geen bijeenkomsten._")
    lines.append("")
    made = commitments(network, records)
    if made:
        lines += ["## Stok achter de deur en acties", ""]
        for owner, entries in by_owner(made, network.names).items():
            for entry in entries:
                kind = "Stok achter de deur" if entry.kind == "stok" else "Actie"
                lines.append(f"- {escape_markdown(owner) or NO_OWNER_LABEL}: {entry.text} ({kind.lower()}, {entry.status})")
        lines.append("")
    trails = [trail for trail in learning_questions(network, records) if trail.mentions]
    if trails:
        titles = {meeting.id: f"{escape_markdown(meeting.record.title)} ({meeting.date:%d-%m-%Y})"
                  for meeting in meetings}
        lines += ["## Leervragen in de bijeenkomsten", ""]
        for trail in trails:
            lines.append(f"- {escape_markdown(trail.name) or NO_OWNER_LABEL}: " + "; ".join(titles[id_] for id_ in trail.meetings))
        lines.append("")
    counts = role_counts(network, records)
    if any(counts.values()):
        roles = [role for role in FAIRNESS_ROLES if any(role in held for held in counts.values())]
        roles += sorted({role for held in counts.values() for role in held} - set(roles))
        lines += ["## Rollen", "", "| Deelnemer | " + " | ".join(map(escape_markdown, roles)) + " |",
                  "| --- |" + " ---: |" * len(roles)]
        for name, held in counts.items():
            lines.append(f"| {escape_markdown(name)} | " + " | ".join(str(held.get(role, 0)) for role in roles) + " |")
        lines.append("")
    missing = missing_meetings(network, records)
    if missing:
        lines += ["_Niet gevonden (verwijderd of onleesbaar): " + ", ".join(map(escape_markdown, missing)) + "._", ""]
    return clean("\n".join(lines))


def summary_lines(summary: NetworkSummary) -> list[str]:
    lines = [f"- Bijeenkomsten gehouden: {summary.held}"
             + (f" (van {summary.meetings})" if summary.meetings != summary.held else "")]
    lines.append(f"- Leervragen: {summary.questions}; in de bijeenkomsten genoteerd: {summary.questions_noted}")
    if summary.commitments:
        lines.append(f"- Stok achter de deur en acties: {summary.commitments}, waarvan {summary.kept} gedaan, "
                     f"{summary.carried_on} lopen nog en {summary.dropped} vervallen")
    if summary.roti is not None:
        lines.append(f"- Gemiddelde ROTI: {decimal(summary.roti)}")
    return lines


__all__ = ["BLOCKS", "CARRIED_ON", "CONTENT_ROLE", "FAIRNESS_ROLES", "NO_OWNER_LABEL", "Mention",
           "NetworkMeeting", "NetworkSummary", "PersonAttendance", "QuestionTrail", "Records", "RoleTurn", "TrendPoint",
           "attendance_per_person", "by_owner", "carry_over", "collect_from_meeting", "commitments", "decimal",
           "held_meetings", "join_network", "learning_questions", "match_owner", "missing_meetings",
           "network_meetings", "network_report", "role_counts", "role_history",
           "role_name", "role_turns", "set_status", "sparkline", "network_summary", "trends", "whose_turn"]
