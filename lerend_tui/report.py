"""The report (verslag) of a meeting in Markdown, fit to mail to the participants.

Phases can be left out as confidential (`without`): their notes and their items stay out of the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from .items import LABELS, Item
from .record import MeetingRecord, roti_average

ITEM_HEADINGS = {
    "afspraak": "Afspraken",
    "actie": "Acties",
    "leervraag": "Leervragen",
    "inzicht": "Inzichten",
    "stok": "Stok achter de deur",
    "verwachting": "Verwachtingen",
    "voorkeur": "Leervoorkeuren",
    "randvoorwaarde": "Randvoorwaarden",
}


WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
PER_PERSON = ("actie", "stok")
"""Item kinds that are somebody's to do: grouped under each person's name."""


def dutch_date(moment: datetime) -> str:
    """"dinsdag 20 oktober 2026", without depending on the machine's locale."""
    return f"{WEEKDAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def markdown_report(record: MeetingRecord, without: Iterable[str] = ()) -> str:
    left_out = {name.casefold() for name in without}
    phases = [p for p in record.phases if p.kind.casefold() not in left_out and p.title.casefold() not in left_out]
    shown = {phase.title for phase in phases}
    items = [item for item in record.items if item.phase in shown]
    start = record.started or record.planned_start
    when = f"{dutch_date(start)}, {start:%H:%M}" + (f"–{record.ended:%H:%M}" if record.ended else "")
    lines = [f"# {record.title}", "", f"Verslag van de bijeenkomst van {when}."]
    if record.participants:
        lines.append("Aanwezig: " + ", ".join(record.participants) + ".")
    lines.append("")
    for kind, heading in ITEM_HEADINGS.items():
        of_kind = [item for item in items if item.kind == kind]
        if of_kind:
            lines += [f"## {heading}", "", *(_per_person(of_kind) if kind in PER_PERSON else _list(of_kind))]
    if record.checkout:
        lines += ["## Check-out", ""]
        lines += [f"- {entry.name}: {entry.word or '—'}" + (f" (ROTI {entry.score})" if entry.score else "")
                  for entry in record.checkout]
        average = roti_average(record.checkout)
        if average is not None:
            lines += ["", f"Gemiddelde ROTI: {average:.1f}".replace(".", ",")]
        lines.append("")
    lines += ["## Verloop", "", "| Fase | Gepland | Werkelijk |", "| --- | ---: | ---: |"]
    for phase in record.phases:
        actual = f"{round(phase.elapsed_seconds / 60)} min" if phase.started else "—"
        lines.append(f"| {_cell(phase.title)} | {phase.planned_minutes} min | {actual} |")
    actual_total = round(sum(phase.elapsed_seconds for phase in record.phases) / 60)
    lines += [f"| **Totaal** | **{record.planned_minutes} min** | **{actual_total} min** |", ""]
    with_notes = [phase for phase in phases if phase.notes.strip()]
    if with_notes:
        lines += ["## Notities per fase", ""]
        for phase in with_notes:
            lines += [f"### {phase.title}", "", _below_level_three(phase.notes.strip()), ""]
    if len(phases) < len(record.phases):
        lines += ["_Niet alle fasen staan in dit verslag: sommige zijn vertrouwelijk._", ""]
    return "\n".join(lines)


def _list(items: list[Item]) -> list[str]:
    return [*(f"- {item.text}" + (f" ({item.owner})" if item.owner else "") for item in items), ""]


def _per_person(items: list[Item]) -> list[str]:
    """Under each person's name (those without an owner last), in the order they were noted."""
    lines: list[str] = []
    owners = sorted({item.owner for item in items}, key=lambda owner: (owner == "", owner.casefold()))
    for owner in owners:
        lines += [f"**{owner or 'Zonder naam'}**", ""]
        lines += [f"- {item.text}" for item in items if item.owner == owner]
        lines.append("")
    return lines


_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)


def _below_level_three(notes: str) -> str:
    """The facilitator's own headings, moved below the report's phase headings (###) so the outline holds."""
    return _HEADING.sub(lambda match: "#" * min(len(match.group(1)) + 3, 6), notes)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


__all__ = ["ITEM_HEADINGS", "LABELS", "dutch_date", "markdown_report"]
