"""The report (verslag) of a meeting in Markdown, fit to mail to the participants.

Phases can be left out as confidential (`without`): their notes and their items stay out of the report.
"""

from __future__ import annotations

from collections.abc import Iterable

from .items import LABELS, Item
from .record import MeetingRecord, roti_average

ITEM_HEADINGS = {
    "afspraak": "Afspraken",
    "actie": "Acties",
    "leervraag": "Leervragen",
    "inzicht": "Inzichten",
    "stok": "Stok achter de deur",
}


def markdown_report(record: MeetingRecord, without: Iterable[str] = ()) -> str:
    left_out = {name.casefold() for name in without}
    phases = [p for p in record.phases if p.kind.casefold() not in left_out and p.title.casefold() not in left_out]
    shown = {phase.title for phase in phases}
    items = [item for item in record.items if item.phase in shown]
    when = record.started or record.planned_start
    lines = [f"# {record.title}", ""]
    facts = [when.strftime("%d-%m-%Y %H:%M"), f"sjabloon {record.template}" if record.template else ""]
    if record.participants:
        facts.append("deelnemers: " + ", ".join(record.participants))
    lines += [" · ".join(fact for fact in facts if fact), ""]
    for kind, heading in ITEM_HEADINGS.items():
        of_kind = [item for item in items if item.kind == kind]
        if of_kind:
            lines += [f"## {heading}", "", *(_item_line(item) for item in _by_owner(of_kind)), ""]
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
    lines.append("")
    lines += ["## Notities per fase", ""]
    for phase in phases:
        lines += [f"### {phase.title}", "", phase.notes.strip() or "_Geen notities._", ""]
    if len(phases) < len(record.phases):
        lines += ["_Niet alle fasen staan in dit verslag: sommige zijn vertrouwelijk._", ""]
    return "\n".join(lines)


def _by_owner(items: list[Item]) -> list[Item]:
    """Grouped per person (those without an owner last), in the order they were noted."""
    return sorted(items, key=lambda item: (item.owner == "", item.owner.casefold()))


def _item_line(item: Item) -> str:
    owner = f" — {item.owner}" if item.owner else ""
    return f"- {item.text}{owner}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


__all__ = ["ITEM_HEADINGS", "LABELS", "markdown_report"]
