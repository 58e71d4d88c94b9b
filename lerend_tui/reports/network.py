"""The report of a whole learning network in Markdown, fit to mail: one function per section.

Names and titles are escaped (`escape_markdown`); what people wrote keeps its Markdown, without control
characters (`clean`).
"""

from __future__ import annotations

from collections.abc import Callable

from lerend_tui.common.sanitise import clean, escape_markdown
from lerend_tui.common.text import decimal
from lerend_tui.network.carry_over import commitments
from lerend_tui.network.learning_questions import learning_questions
from lerend_tui.network.meetings import Records, missing_meetings, network_meetings
from lerend_tui.network.owners import NO_OWNER_LABEL, by_owner
from lerend_tui.network.roles import FAIRNESS_ROLES, role_counts
from lerend_tui.network.store import Network, Participant
from lerend_tui.network.summary import NetworkSummary, network_summary
from lerend_tui.network.trends import TrendPoint, attendance_per_person, trends

Section = Callable[[Network, Records], list[str]]
"""One section of the report: its lines, each blank line after it included; none when it has nothing to say."""


def network_report(network: Network, records: Records) -> str:
    """The whole network: participants and their questions, agreements, the meetings with attendance and
    ROTI, what came of the commitments, learning questions and roles."""
    sections: tuple[Section, ...] = (_title, _achieved, _participants, _agreements, _meetings, _commitments,
                                     _questions, _roles, _missing)
    return clean("\n".join(line for section in sections for line in section(network, records)))


def summary_lines(summary: NetworkSummary) -> list[str]:
    """What the network achieved, as a Markdown list (also shown at the end of a network's evaluation)."""
    lines = [f"- Bijeenkomsten gehouden: {summary.held}"
             + (f" (van {summary.meetings})" if summary.meetings != summary.held else "")]
    lines.append(f"- Leervragen: {summary.questions}; in de bijeenkomsten genoteerd: {summary.questions_noted}")
    if summary.commitments:
        lines.append(f"- Stok achter de deur en acties: {summary.commitments}, waarvan {summary.kept} gedaan, "
                     f"{summary.carried_on} lopen nog en {summary.dropped} vervallen")
    if summary.roti is not None:
        lines.append(f"- Gemiddelde ROTI: {decimal(summary.roti)}")
    return lines


def _title(network: Network, records: Records) -> list[str]:
    lines = [f"# Lerend netwerk: {escape_markdown(network.name)}", ""]
    return [*lines, f"Thema: {escape_markdown(network.theme)}", ""] if network.theme else lines


def _achieved(network: Network, records: Records) -> list[str]:
    return ["## Wat we bereikten", "", *summary_lines(network_summary(network, records)), ""]


def _participants(network: Network, records: Records) -> list[str]:
    lines = ["## Deelnemers", ""]
    for participant in network.participants:
        lines += _participant(participant)
    return lines if network.participants else [*lines, "_Nog geen deelnemers._", ""]


def _participant(participant: Participant) -> list[str]:
    lines = [f"### {escape_markdown(participant.name)}", ""]
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
    return lines


def _agreements(network: Network, records: Records) -> list[str]:
    agreements = network.agreements
    if not agreements.randvoorwaarden and not agreements.afspraken:
        return []
    lines = ["## Afspraken", ""]
    for heading, texts in (("Randvoorwaarden", agreements.randvoorwaarden), ("Afspraken", agreements.afspraken)):
        if texts:
            lines += [f"{heading}:", "", *(f"- {text}" for text in texts), ""]
    return lines


def _meetings(network: Network, records: Records) -> list[str]:
    if not network_meetings(network, records):
        return ["## Bijeenkomsten", "", "_Nog geen bijeenkomsten._", ""]
    lines = ["## Bijeenkomsten", "", "| Datum | Bijeenkomst | Aanwezig | ROTI |", "| --- | --- | ---: | ---: |"]
    lines += [_meeting_row(point) for point in trends(network, records)]
    people = [person for person in attendance_per_person(network, records) if person.held]
    if people:
        lines += ["", "Aanwezigheid per persoon:", "",
                  *(f"- {escape_markdown(person.name)}{person.words.removeprefix(person.name)}" for person in people)]
    return [*lines, ""]


def _meeting_row(point: TrendPoint) -> str:
    roti = decimal(point.roti) if point.roti is not None else "—"
    state = "" if point.finished else " (niet afgerond)"
    return f"| {point.date:%d-%m-%Y} | {escape_markdown(point.title)}{state} | {point.attendance} | {roti} |"


def _commitments(network: Network, records: Records) -> list[str]:
    made = commitments(network, records)
    if not made:
        return []
    lines = ["## Stok achter de deur en acties", ""]
    for owner, entries in by_owner(made, network.names).items():
        lines += [f"- {escape_markdown(owner) or NO_OWNER_LABEL}: {entry.text} ({entry.label.lower()}, {entry.status})"
                  for entry in entries]
    return [*lines, ""]


def _questions(network: Network, records: Records) -> list[str]:
    trails = [trail for trail in learning_questions(network, records) if trail.mentions]
    if not trails:
        return []
    titles = {meeting.id: f"{escape_markdown(meeting.record.title)} ({meeting.date:%d-%m-%Y})"
              for meeting in network_meetings(network, records)}
    lines = ["## Leervragen in de bijeenkomsten", ""]
    lines += [f"- {escape_markdown(trail.name) or NO_OWNER_LABEL}: " + "; ".join(titles[id_] for id_ in trail.meetings)
              for trail in trails]
    return [*lines, ""]


def _roles(network: Network, records: Records) -> list[str]:
    counts = role_counts(network, records)
    if not any(counts.values()):
        return []
    roles = [role for role in FAIRNESS_ROLES if any(role in held for held in counts.values())]
    roles += sorted({role for held in counts.values() for role in held} - set(roles))
    lines = ["## Rollen", "", "| Deelnemer | " + " | ".join(map(escape_markdown, roles)) + " |",
             "| --- |" + " ---: |" * len(roles)]
    lines += [f"| {escape_markdown(name)} | " + " | ".join(str(held.get(role, 0)) for role in roles) + " |"
              for name, held in counts.items()]
    return [*lines, ""]


def _missing(network: Network, records: Records) -> list[str]:
    missing = missing_meetings(network, records)
    if not missing:
        return []
    return ["_Niet gevonden (verwijderd of onleesbaar): " + ", ".join(map(escape_markdown, missing)) + "._", ""]


__all__ = ["network_report", "summary_lines"]
