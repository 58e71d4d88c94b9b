"""The report (verslag) of a meeting in Markdown, fit to mail to the participants.

Phases can be left out as confidential (`without`): their notes and their items stay out of the report.
Names and titles are escaped (`escape_markdown`) so they stay the text they are; the notes keep the
Markdown the facilitator typed. Nothing in the report holds a control character (`clean`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lerend_tui.common.sanitise import clean, escape_markdown
from lerend_tui.common.text import decimal, dutch_date
from lerend_tui.meeting.items import LABELS, Item, without_mentions
from lerend_tui.meeting.record import MeetingRecord, PhaseRecord, PlannedSnapshot, PlanOrigin, roti_average

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
    shown = [p for p in record.phases if p.kind.casefold() not in left_out and p.title.casefold() not in left_out]
    sections = (_heading(record), _items(record, shown), _checkout(record), _course(record),
                _plan(record, shown, workform_name), _notes(shown), _left_out(record, shown))
    return clean("\n".join(line for section in sections for line in section))


def _heading(record: MeetingRecord) -> list[str]:
    """The title, when the meeting was, who were there, and its theme and goal."""
    start = record.started or record.planned_start
    when = f"{dutch_date(start)}, {start:%H:%M}" + (f"–{record.ended:%H:%M}" if record.ended else "")
    lines = [f"# {escape_markdown(record.title)}", "", f"Verslag van de bijeenkomst van {when}."]
    if record.participants:
        lines.append("Aanwezig: " + ", ".join(map(escape_markdown, record.participants)) + ".")
    lines.append("")
    about = [f"**{label}:** {escape_markdown(text)}" for label, text in (("Thema", record.theme), ("Doel", record.goal))
             if text]
    return [*lines, "  \n".join(about), ""] if about else lines


def _items(record: MeetingRecord, shown: list[PhaseRecord]) -> list[str]:
    """A section per item kind (`ITEM_HEADINGS`), with the items of the phases in the report."""
    titles = {phase.title for phase in shown}
    items = [item for item in record.items if item.phase in titles]
    lines = []
    for kind, heading in ITEM_HEADINGS.items():
        of_kind = [item for item in items if item.kind == kind]
        if of_kind:
            lines += [f"## {heading}", "", *(_per_person(of_kind) if kind in PER_PERSON else _list(of_kind))]
    return lines


def _checkout(record: MeetingRecord) -> list[str]:
    """Everyone's check-out word and ROTI score, and the average."""
    if not record.checkout:
        return []
    lines = ["## Check-out", ""]
    lines += [f"- {escape_markdown(entry.name)}: {entry.word or '—'}"
              + (f" (ROTI {entry.score})" if entry.score else "") for entry in record.checkout]
    average = roti_average(record.checkout)
    if average is not None:
        lines += ["", f"Gemiddelde ROTI: {decimal(average)}"]
    return [*lines, ""]


def _course(record: MeetingRecord) -> list[str]:
    """Planned and actual minutes of every phase (also the confidential ones: times are not confidential)."""
    lines = ["## Verloop", "", "| Fase | Gepland | Werkelijk |", "| --- | ---: | ---: |"]
    for phase in record.phases:
        actual = _actual_minutes(phase)
        actual_text = "—" if actual is None else f"{actual} min"
        lines.append(f"| {escape_markdown(phase.title)} | {phase.planned_minutes} min | {actual_text} |")
    actual_total = round(sum(phase.elapsed_seconds for phase in record.phases) / 60)
    return [*lines, f"| **Totaal** | **{record.planned_minutes} min** | **{actual_total} min** |", ""]


def _plan(record: MeetingRecord, shown: list[PhaseRecord], workform_name: Callable[[str], str] | None) -> list[str]:
    if record.plan is None:
        return []
    return ["## Planning en verloop", "", *_plan_differences(record, record.plan, shown, workform_name), ""]


def _notes(shown: list[PhaseRecord]) -> list[str]:
    """The notes of the phases in the report, each under its title with who brought what."""
    lines = []
    for phase in shown:
        bringers = _bringers(phase)
        if not phase.notes.strip() and not bringers:
            continue
        lines += [f"### {escape_markdown(phase.title)}", "", *([f"_{bringers}_", ""] if bringers else [])]
        if phase.notes.strip():
            lines += [_below_level_three(phase.notes.strip()), ""]
    return ["## Notities per fase", "", *lines] if lines else []


def _left_out(record: MeetingRecord, shown: list[PhaseRecord]) -> list[str]:
    if len(shown) < len(record.phases):
        return ["_Niet alle fasen staan in dit verslag: sommige zijn vertrouwelijk._", ""]
    return []


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
            assert planned is not None  # `pairs` never gives a pair without both
            lines.append(f"- {escape_markdown(planned.title)}: stond gepland ({planned.minutes} min), "
                         "maar is weggelaten.")
        elif planned is None:
            lines.append(f"- {escape_markdown(phase.title)}: toegevoegd, niet gepland.")
        else:
            changes = _phase_changes(planned, phase, record.finished, workform_name or str,
                                     show_people=id(phase) in shown_ids)
            lines += [f"- {escape_markdown(phase.title)}: {change}." for change in changes]
    heading = f"Volgens de planning ‘{escape_markdown(plan.name)}’." if plan.name else "Volgens een planning."
    as_planned = "Alles ging volgens plan." if record.finished else "Tot nu toe gaat alles volgens plan."
    return [heading, "", *(lines or [as_planned])]


def _phase_changes(planned: PlannedSnapshot, phase: PhaseRecord, finished: bool, workform_name: Callable[[str], str],
                   *, show_people: bool) -> list[str]:
    """What went otherwise than planned in one phase: its time, its work format, who brought what."""
    changes = [*_time_change(planned, phase, finished), *_workform_change(planned, phase, workform_name)]
    if show_people:
        for label, now, before in (("inhoud", phase.content_by, planned.content_by),
                                   ("casus", phase.case_by, planned.case_by)):
            changes += _person_change(label, escape_markdown(now), escape_markdown(before))
    return changes


def _time_change(planned: PlannedSnapshot, phase: PhaseRecord, finished: bool) -> list[str]:
    actual = _actual_minutes(phase)
    if actual is None:
        return ["overgeslagen"] if finished else []
    if actual == planned.minutes:
        return []
    difference = actual - planned.minutes
    return [f"{actual} min in plaats van {planned.minutes} "
            f"({abs(difference)} min {'langer' if difference > 0 else 'korter'})"]


def _workform_change(planned: PlannedSnapshot, phase: PhaseRecord, workform_name: Callable[[str], str]) -> list[str]:
    if phase.workform == planned.workform:
        return []
    workform, planned_workform = (escape_markdown(workform_name(id_)) if id_ else ""
                                  for id_ in (phase.workform, planned.workform))
    if not planned.workform:
        return [f"werkvorm ‘{workform}’, niet gepland"]
    if not phase.workform:
        return [f"werkvorm ‘{planned_workform}’ gepland, maar niet gebruikt"]
    return [f"werkvorm ‘{workform}’ in plaats van ‘{planned_workform}’"]


def _person_change(label: str, now: str, before: str) -> list[str]:
    """Who brought the content or the case (`label`) now and in the plan, both escaped."""
    if now == before:
        return []
    if not before:
        return [f"{label} van {now}, niet gepland"]
    if not now:
        return [f"{label} van {before} gepland, maar niet gebracht"]
    return [f"{label} van {now} in plaats van {before}"]


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
