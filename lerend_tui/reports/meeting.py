"""The report (verslag) of a meeting in Markdown, fit to mail to the participants.

Phases can be left out as confidential (`without`): their notes and their items stay out of the report.
Names and titles are escaped (`escape_markdown`) so they stay the text they are; the notes keep the
Markdown the facilitator typed. Nothing in the report holds a control character (`clean`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lerend_tui.meeting.items import LABELS, Item, without_mentions
from lerend_tui.meeting.record import MeetingRecord, PhaseRecord, PlanOrigin, PlannedSnapshot, roti_average
from lerend_tui.common.text import dutch_date
from lerend_tui.common.sanitise import clean, escape_markdown

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


PER_PERSON = ("actie", "stok")
"""Item kinds that are somebody's to do: grouped under each person's name."""


def markdown_report(record: MeetingRecord, without: Iterable[str] = (),
                    workform_name: Callable[[str], str] | None = None) -> str:
    """`without`: the titles or kinds of the phases to leave out. `workform_name` gives a work format's name
    for its id (a catalogue's `name_of`); without it, the report names work formats by their ids."""
    left_out = {name.casefold() for name in without}
    phases = [p for p in record.phases if p.kind.casefold() not in left_out and p.title.casefold() not in left_out]
    shown = {phase.title for phase in phases}
    items = [item for item in record.items if item.phase in shown]
    start = record.started or record.planned_start
    when = f"{dutch_date(start)}, {start:%H:%M}" + (f"–{record.ended:%H:%M}" if record.ended else "")
    lines = [f"# {escape_markdown(record.title)}", "", f"Verslag van de bijeenkomst van {when}."]
    if record.participants:
        lines.append("Aanwezig: " + ", ".join(map(escape_markdown, record.participants)) + ".")
    lines.append("")
    about = [f"**{label}:** {escape_markdown(text)}" for label, text in (("Thema", record.theme), ("Doel", record.goal))
             if text]
    if about:
        lines += ["  \n".join(about), ""]
    for kind, heading in ITEM_HEADINGS.items():
        of_kind = [item for item in items if item.kind == kind]
        if of_kind:
            lines += [f"## {heading}", "", *(_per_person(of_kind) if kind in PER_PERSON else _list(of_kind))]
    if record.checkout:
        lines += ["## Check-out", ""]
        lines += [f"- {escape_markdown(entry.name)}: {entry.word or '—'}" + (f" (ROTI {entry.score})" if entry.score else "")
                  for entry in record.checkout]
        average = roti_average(record.checkout)
        if average is not None:
            lines += ["", f"Gemiddelde ROTI: {average:.1f}".replace(".", ",")]
        lines.append("")
    lines += ["## Verloop", "", "| Fase | Gepland | Werkelijk |", "| --- | ---: | ---: |"]
    for phase in record.phases:
        actual = _actual_minutes(phase)
        actual_text = "—" if actual is None else f"{actual} min"
        lines.append(f"| {escape_markdown(phase.title)} | {phase.planned_minutes} min | {actual_text} |")
    actual_total = round(sum(phase.elapsed_seconds for phase in record.phases) / 60)
    lines += [f"| **Totaal** | **{record.planned_minutes} min** | **{actual_total} min** |", ""]
    if record.plan is not None:
        lines += ["## Planning en verloop", "", *_plan_differences(record, record.plan, phases, workform_name), ""]
    with_notes = [phase for phase in phases if phase.notes.strip() or _bringers(phase)]
    if with_notes:
        lines += ["## Notities per fase", ""]
        for phase in with_notes:
            bringers = _bringers(phase)
            lines += [f"### {escape_markdown(phase.title)}", "", *([f"_{bringers}_", ""] if bringers else [])]
            if phase.notes.strip():
                lines += [_below_level_three(phase.notes.strip()), ""]
    if len(phases) < len(record.phases):
        lines += ["_Niet alle fasen staan in dit verslag: sommige zijn vertrouwelijk._", ""]
    return clean("\n".join(lines))


def _actual_minutes(phase: PhaseRecord) -> int | None:
    """The minutes a phase actually took, rounded; None for a phase that never started."""
    return round(phase.elapsed_seconds / 60) if phase.started else None


def _bringers(phase: PhaseRecord) -> str:
    """"Inhoud: Anna · Casus: Bram", for the phases where somebody brought the content or a case."""
    return " · ".join(f"{label}: {escape_markdown(name)}" for label, name in phase.bringers)


def _plan_differences(record: MeetingRecord, plan: PlanOrigin, shown: list[PhaseRecord],
                      workform_name: Callable[[str], str] | None) -> list[str]:
    """Which plan the meeting ran, and only what went otherwise than planned. Who brought what is left out
    for the phases left out of the report as confidential."""
    shown_ids = {id(phase) for phase in shown}
    lines = []
    for planned, phase in plan.pairs(record.phases):
        if phase is None:
            lines.append(f"- {escape_markdown(planned.title)}: stond gepland ({planned.minutes} min), maar is weggelaten.")
        elif planned is None:
            lines.append(f"- {escape_markdown(phase.title)}: toegevoegd, niet gepland.")
        else:
            lines += [f"- {escape_markdown(phase.title)}: {change}." for change in _phase_changes(planned, phase, record.finished, workform_name or str,
                                                                               show_people=id(phase) in shown_ids)]
    heading = f"Volgens de planning ‘{escape_markdown(plan.name)}’." if plan.name else "Volgens een planning."
    as_planned = "Alles ging volgens plan." if record.finished else "Tot nu toe gaat alles volgens plan."
    return [heading, "", *(lines or [as_planned])]


def _phase_changes(planned: PlannedSnapshot, phase: PhaseRecord, finished: bool, workform_name: Callable[[str], str],
                   *, show_people: bool) -> list[str]:
    actual = _actual_minutes(phase)
    workform, planned_workform = (escape_markdown(workform_name(id_)) if id_ else ""
                                  for id_ in (phase.workform, planned.workform))
    changes = []
    if actual is None and finished:
        changes.append("overgeslagen")
    elif actual is not None and actual != planned.minutes:
        difference = actual - planned.minutes
        changes.append(f"{actual} min in plaats van {planned.minutes} "
                       f"({abs(difference)} min {'langer' if difference > 0 else 'korter'})")
    if phase.workform != planned.workform:
        if not planned.workform:
            changes.append(f"werkvorm ‘{workform}’, niet gepland")
        elif not phase.workform:
            changes.append(f"werkvorm ‘{planned_workform}’ gepland, maar niet gebruikt")
        else:
            changes.append(f"werkvorm ‘{workform}’ in plaats van ‘{planned_workform}’")
    if show_people:
        for label, now, before in (("inhoud", phase.content_by, planned.content_by),
                                   ("casus", phase.case_by, planned.case_by)):
            if now == before:
                continue
            now, before = escape_markdown(now), escape_markdown(before)
            if not before:
                changes.append(f"{label} van {now}, niet gepland")
            elif not now:
                changes.append(f"{label} van {before} gepland, maar niet gebracht")
            else:
                changes.append(f"{label} van {now} in plaats van {before}")
    return changes


def _list(items: list[Item]) -> list[str]:
    return [*(f"- {item.text}" + (f" ({escape_markdown(item.owner)})" if item.owner else "") for item in items), ""]


def _per_person(items: list[Item]) -> list[str]:
    """Under each person's name (those without an owner last), in the order they were noted; under the name
    the "@" that marked it in the notes is left out."""
    lines: list[str] = []
    owners = sorted({item.owner for item in items}, key=lambda owner: (owner == "", owner.casefold()))
    for owner in owners:
        lines += [f"**{escape_markdown(owner) or 'Zonder naam'}**", ""]
        lines += [f"- {without_mentions(item.text)}" for item in items if item.owner == owner]
        lines.append("")
    return lines


_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)


def _below_level_three(notes: str) -> str:
    """The facilitator's own headings, moved below the report's phase headings (###) so the outline holds."""
    return _HEADING.sub(lambda match: "#" * min(len(match.group(1)) + 3, 6), notes)


__all__ = ["ITEM_HEADINGS", "LABELS", "markdown_report"]
