"""A meeting plan: the agenda a facilitator prepares before the meeting, as a file and as an agenda to send.

A plan starts from a template (`MeetingPlan.from_template`) or an earlier meeting (`MeetingPlan.from_record`)
and is then shaped with plain methods: add, remove, rename, move, set minutes, choose a work format.

Times: `start` is a time of day, "UU:MM" (text, validated), and `date` an optional calendar day. Clock times
are counted from `start` in whole minutes; a plan that runs past midnight simply reads on ("00:15"). The
actual moment the meeting starts is made only when it is run (`planned_start`).

Plans live as TOML files, one per plan, in `<data>/plans/<slug>.toml` (`PlanStore`), with `schema = 1`; they
are meant to be edited by hand too, so every field is validated on load and a mistake names file and field.
A file that does not parse is never overwritten.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from lerend_tui.common.datatypes import datatype
from lerend_tui.common.sanitise import clean, escape_markdown
from lerend_tui.common.text import dutch_date
from lerend_tui.common.validation import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    MAX_MINUTES,
    DataError,
    Fields,
    Problems,
    drop_none,
    read_folder,
    read_toml,
)
from lerend_tui.meeting.record import (
    CASE_ROLE,
    CONTENT_ROLE,
    MeetingRecord,
    PhaseRecord,
    PlannedSnapshot,
    PlanOrigin,
    StepRecord,
)
from lerend_tui.meeting.running import START_WINDOW
from lerend_tui.storage.meetings import atomic_write_text, slugify
from lerend_tui.templates import PHASE_KINDS, MeetingTemplate, PhaseStep, TemplatePhase, parse_template

if TYPE_CHECKING:
    from lerend_tui.catalogue.workforms import Catalogue, Workform
    from lerend_tui.common.clock import Clock
    from lerend_tui.common.paths import Paths

SCHEMA = 1
DEFAULT_START = "19:00"
TOP_KEYS = frozenset({"schema", "name", "title", "template", "theme", "goal", "start", "date",
                      "available_minutes", "participants", "network", "place", "phases"})
PHASE_KEYS = frozenset({"kind", "title", "minutes", "guidance", "questions", "steps", "workform",
                        "content_by", "case_by"})
STEP_KEYS = frozenset({"title", "minutes", "instruction", "round"})
_TIME = re.compile(r"^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$")
_DATE = re.compile(r"^(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}))$")

Day = date
"""A calendar day: in `MeetingPlan`, whose field `date` hides the type, a method names it so."""


class PlanError(Exception):
    """A plan cannot be found or changed as asked; the message is Dutch."""


def parse_time(text: str) -> int:
    """'19:30' (or '19.30') → minutes after midnight; a `PlanError` otherwise."""
    match = _TIME.match(text.strip())
    if not match:
        raise PlanError(f"Ongeldige starttijd '{text}': verwacht UU:MM, bijvoorbeeld 19:30.")
    return int(match.group(1)) * 60 + int(match.group(2))


def parse_date(text: str) -> date | None:
    """'2026-12-08' or '8-12-2026' (also with / or .) → a date; '' → None; a `PlanError` otherwise."""
    text = text.strip()
    if not text:
        return None
    match = _DATE.match(text)
    if match:
        year, month, day = match.group(1, 2, 3) if match.group(1) else match.group(6, 5, 4)
        try:
            found = date(int(year), int(month), int(day))
        except ValueError:
            pass
        else:
            if EARLIEST_YEAR <= found.year <= LATEST_YEAR:  # what a plan file may hold
                return found
    raise PlanError(f"Ongeldige datum '{text}': verwacht bijvoorbeeld 8-12-2026 of 2026-12-08.")


def clock_text(minutes: int) -> str:
    """Minutes after midnight → 'UU:MM' (past midnight it reads on from 00:00)."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@datatype(frozen=False)
class PlannedPhase:
    """A phase of a plan: a template's phase (`TemplatePhase`) the facilitator shapes, so mutable, with the
    work format and who brings the content or a case. A meeting run from the plan keeps only what it is
    compared with, as `meeting.record.PlannedSnapshot`."""

    kind: str
    title: str
    minutes: int
    guidance: str = ""
    questions: list[str] = field(default_factory=list)
    steps: list[PhaseStep] = field(default_factory=list)
    """When there are steps, their minutes add up to the phase's."""
    workform: str = ""
    """The id of the chosen (or drawn) work format; "" when none."""
    content_by: str = ""
    """Who brings the content (inhoud) of this phase."""
    case_by: str = ""
    """Who brings the case (casus) of this phase."""


@datatype(frozen=False)
class PhaseTime:
    """A phase's place on the clock: minutes after midnight, and as text."""

    index: int
    phase: PlannedPhase
    start: int
    end: int

    @property
    def text(self) -> str:
        return f"{clock_text(self.start)}–{clock_text(self.end)}"


@datatype(frozen=False)
class MeetingPlan:
    name: str
    """The plan's name; its file is `<slug of name>.toml`."""
    title: str
    """The title of the meeting it becomes."""
    phases: list[PlannedPhase]
    template: str = ""
    """The template the plan came from ("" when none)."""
    theme: str = ""
    goal: str = ""
    start: str = DEFAULT_START
    """A time of day, "UU:MM"."""
    date: date | None = None
    """The day of the meeting, when known."""
    available_minutes: int | None = None
    """The time the group has; None when there is no limit to warn about."""
    participants: list[str] = field(default_factory=list)
    """Who is expected; empty in a network's plan means everyone in the network."""
    network: str = ""
    """The id of the learning network the meeting will belong to; "" when none."""
    place: str = ""
    """Where the meeting is held (plaats); "" for the network's place, or not known yet."""
    path: Path | None = field(default=None, compare=False)
    """The file the plan was read from."""

    # -- making one ------------------------------------------------------------------------------

    @classmethod
    def from_template(cls, template: MeetingTemplate, *, name: str, title: str = "", start: str = DEFAULT_START,
                      available_minutes: int | None = None, network: str = "") -> MeetingPlan:
        start = clock_text(parse_time(start))
        phases = [PlannedPhase(p.kind, p.title, p.minutes, p.guidance, list(p.questions), list(p.steps))
                  for p in template.phases]
        return cls(name=name, title=title or template.title, phases=phases, template=template.name,
                   start=start, available_minutes=available_minutes, network=network)

    @classmethod
    def from_record(cls, record: MeetingRecord, *, name: str, title: str = "",
                    template: MeetingTemplate | None = None) -> MeetingPlan:
        """A plan like an earlier meeting: its phases with their planned minutes and work formats (and the
        template's guidance and questions where `template` still has the phase), starting at the same hour."""
        phases = []
        for record_phase in record.phases:
            minutes, steps = _record_steps(record_phase)
            origin = template.guidance_for(record_phase.kind, record_phase.title) if template else None
            phases.append(PlannedPhase(
                record_phase.kind, record_phase.title, minutes,
                origin.guidance if origin else "", list(origin.questions) if origin else [], steps,
                workform=record_phase.workform,
            ))
        return cls(name=name, title=title or record.title, phases=phases, template=record.template,
                   start=f"{record.planned_start:%H:%M}")

    # -- editing ---------------------------------------------------------------------------------

    def add(self, kind: str, title: str, minutes: int, *, at: int | None = None) -> PlannedPhase:
        """A new phase at position `at` (default: at the end)."""
        if kind not in PHASE_KINDS:
            raise PlanError(f"Onbekende fase-soort '{kind}': kies uit {', '.join(PHASE_KINDS)}.")
        phase = PlannedPhase(kind, _title(title), _minutes(minutes))
        position = len(self.phases) if at is None else at
        if not 0 <= position <= len(self.phases):
            raise PlanError(f"Kan geen fase toevoegen op plaats {position + 1}: de planning heeft "
                            f"{len(self.phases)} fasen.")
        self.phases.insert(position, phase)
        return phase

    def remove(self, index: int) -> PlannedPhase:
        self._check(index)
        if len(self.phases) == 1:
            raise PlanError("De laatste fase kan niet weg: een planning heeft minstens één fase.")
        return self.phases.pop(index)

    def rename(self, index: int, title: str) -> None:
        self._check(index)
        self.phases[index].title = _title(title)

    def move(self, index: int, to: int) -> None:
        """Put phase `index` at position `to`; the others keep their order."""
        self._check(index)
        self._check(to)
        self.phases.insert(to, self.phases.pop(index))

    def set_kind(self, index: int, kind: str) -> None:
        self._check(index)
        if kind not in PHASE_KINDS:
            raise PlanError(f"Onbekende fase-soort '{kind}': kies uit {', '.join(PHASE_KINDS)}.")
        self.phases[index].kind = kind

    def set_minutes(self, index: int, minutes: int) -> None:
        """The phase's minutes; with steps, the last step takes the difference (and must keep a minute)."""
        self._check(index)
        phase = self.phases[index]
        minutes = _minutes(minutes)
        if phase.steps:
            last = phase.steps[-1]
            rest = minutes - (phase.minutes - last.minutes)
            if rest < 1:
                raise PlanError(f"'{phase.title}' heeft stappen van samen {phase.minutes - last.minutes + 1} "
                                f"minuten of meer; {minutes} minuten is te kort.")
            phase.steps[-1] = PhaseStep(last.title, rest, last.instruction, last.round)
        phase.minutes = minutes

    def set_step_minutes(self, index: int, step: int, minutes: int) -> None:
        """A step's minutes; the phase's minutes follow."""
        self._check(index)
        phase = self.phases[index]
        if not 0 <= step < len(phase.steps):
            raise PlanError(f"'{phase.title}' heeft geen stap {step + 1}.")
        old = phase.steps[step]
        phase.steps[step] = PhaseStep(old.title, _minutes(minutes), old.instruction, old.round)
        phase.minutes = sum(s.minutes for s in phase.steps)

    def set_workform(self, index: int, workform: Workform | None) -> None:
        """Run a work format in the phase: its steps become the phase's, and so do its minutes.
        None takes the work format off again (and its steps)."""
        self._check(index)
        phase = self.phases[index]
        if workform is None:
            phase.workform, phase.steps = "", []
            return
        phase.workform = workform.id
        phase.steps = [PhaseStep(s.title, s.minutes, s.instruction, s.round) for s in workform.steps]
        phase.minutes = workform.minutes

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self.phases):
            raise PlanError(f"Er is geen fase {index + 1}: de planning heeft {len(self.phases)} fasen.")

    # -- time ------------------------------------------------------------------------------------

    @property
    def total_minutes(self) -> int:
        return sum(phase.minutes for phase in self.phases)

    @property
    def start_minutes(self) -> int:
        return parse_time(self.start)

    def times(self) -> list[PhaseTime]:
        """Each phase's clock time, from the start."""
        at = self.start_minutes
        rows = []
        for index, phase in enumerate(self.phases):
            rows.append(PhaseTime(index, phase, at, at + phase.minutes))
            at += phase.minutes
        return rows

    @property
    def end(self) -> str:
        return clock_text(self.start_minutes + self.total_minutes)

    @property
    def overrun_minutes(self) -> int:
        """How far the plan runs past the time available (0 when it fits or there is no limit)."""
        if self.available_minutes is None:
            return 0
        return max(self.total_minutes - self.available_minutes, 0)

    def warning(self) -> str | None:
        """A Dutch warning when the plan runs past the time available."""
        over = self.overrun_minutes
        if not over:
            return None
        return (f"De planning loopt {over} min uit: gepland {self.total_minutes} min, "
                f"beschikbaar {self.available_minutes} min.")

    def planned_start(self, clock: Clock) -> datetime:
        """The moment a meeting run from the plan now is planned to start: today at `start`. (A plan's
        `date` is for the agenda; the record of a meeting is dated the day it is held.)"""
        return self.start_on(clock.local(clock.now()).date(), clock)

    def start_on(self, day: Day, clock: Clock) -> datetime:
        """The plan's start time on `day`, with that day's own UTC offset (summer or winter time)."""
        minutes = self.start_minutes
        return clock.local(datetime.combine(day, time(minutes // 60, minutes % 60)))

    def as_template(self) -> MeetingTemplate:
        """The plan's phases with their guidance and questions, as a template: where a meeting run from the
        plan finds the guidance of a phase the plan renamed or added."""
        return MeetingTemplate(
            name=self.template, title=self.title, description=self.theme,
            phases=tuple(TemplatePhase(p.kind, p.title, p.minutes, p.guidance, tuple(p.questions), tuple(p.steps))
                         for p in self.phases),
            source=self.path,
        )

    # -- file ------------------------------------------------------------------------------------

    def to_toml(self) -> str:
        return tomli_w.dumps(drop_none(_plan_table(self)), multiline_strings=True)


def _title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise PlanError("De titel van een fase mag niet leeg zijn.")
    if not title.isprintable():
        raise PlanError("De titel van een fase bevat tekens die niet te tonen zijn.")
    return title


def _minutes(minutes: int) -> int:
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_MINUTES:
        raise PlanError(f"Verwacht een geheel aantal minuten van minstens 1 en hoogstens {MAX_MINUTES}, "
                        f"maar kreeg {minutes!r}.")
    return minutes


def _record_steps(phase: PhaseRecord) -> tuple[int, list[PhaseStep]]:
    """A recorded phase's planned minutes and steps; steps stretched during the meeting (no longer adding
    up to the plan) are left out, unless they add up to the minutes the phase ended up with."""
    steps = [PhaseStep(s.title, s.minutes, s.instruction, s.round) for s in phase.steps]
    total = sum(s.minutes for s in steps)
    if not steps or total == phase.planned_minutes:
        return phase.planned_minutes, steps
    if total == phase.minutes:
        return phase.minutes, steps
    return phase.planned_minutes, []


def _steps_table(steps: list[PhaseStep]) -> list[dict[str, Any]]:
    return [{"title": s.title, "minutes": s.minutes, "instruction": s.instruction or None,
             "round": s.round or None} for s in steps]


def _plan_table(plan: MeetingPlan) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "name": plan.name,
        "title": plan.title,
        "template": plan.template,
        "theme": plan.theme,
        "goal": plan.goal,
        "start": plan.start,
        "date": plan.date,
        "available_minutes": plan.available_minutes,
        "participants": plan.participants or None,
        "network": plan.network or None,
        "place": plan.place or None,
        "phases": [
            {
                "kind": phase.kind,
                "title": phase.title,
                "minutes": phase.minutes,
                "workform": phase.workform or None,
                "content_by": phase.content_by or None,
                "case_by": phase.case_by or None,
                "guidance": phase.guidance or None,
                "questions": phase.questions or None,
                "steps": _steps_table(phase.steps) or None,
            }
            for phase in plan.phases
        ],
    }


def _reject_unknown(fields: Fields, known: frozenset[str]) -> None:
    unknown = sorted(set(fields.table) - known)
    if unknown:
        raise fields.error(unknown[0], f"onbekend veld; bekende velden zijn {', '.join(sorted(known))}")


def _start(fields: Fields) -> str:
    start = fields.text("start", DEFAULT_START)
    if not _TIME.match(start.strip()):
        raise fields.error("start", f"verwacht een tijd als UU:MM (zoals 19:30), maar vond '{start}'")
    return start.strip().replace(".", ":").zfill(5)


def parse_plan(path: Path) -> MeetingPlan:
    """Read and validate a plan file; every problem in it (per field or per phase) is named, with the file
    and the field, in one `DataError`."""
    fields = Fields(read_toml(path), path)
    fields.check_schema(SCHEMA)  # a file of another version: its other fields say nothing
    problems = Problems(path)
    read = problems.read
    read(_reject_unknown, fields, TOP_KEYS)
    phase_tables = read(fields.tables, "phases")
    phases = [read(_parse_phase, phase) for phase in phase_tables or []]
    if phase_tables == []:
        problems.add(fields.error("phases", "verwacht minstens één fase ([[phases]])"))
    name = read(fields.text, "name", allow_empty=False)
    title = read(fields.text, "title", allow_empty=False)
    template = read(fields.text, "template", "")
    theme = read(fields.text, "theme", "")
    goal = read(fields.text, "goal", "")
    start = read(_start, fields)
    day = read(fields.day, "date", None)
    available_minutes = read(fields.minutes, "available_minutes", None)
    participants = read(fields.texts, "participants", [])
    network = read(fields.text, "network", "")
    place = read(fields.text, "place", "")
    problems.raise_any()
    return MeetingPlan(
        name=name.strip(), title=title.strip(), phases=phases, template=template, theme=theme.strip(),
        goal=goal.strip(), start=start, date=day, available_minutes=available_minutes,
        participants=[name.strip() for name in participants if name.strip()], network=network.strip(),
        place=" ".join(place.split()), path=path,
    )


def _parse_phase(phase: Fields) -> PlannedPhase:
    _reject_unknown(phase, PHASE_KEYS)
    minutes = phase.minutes("minutes")
    steps = []
    for step in phase.tables("steps", []):
        _reject_unknown(step, STEP_KEYS)
        steps.append(PhaseStep(step.text("title", allow_empty=False).strip(), step.minutes("minutes"),
                              step.text("instruction", "").strip(), step.flag("round", False)))
    total = sum(step.minutes for step in steps)
    if steps and total != minutes:
        raise phase.error("minutes", f"is {minutes}, maar de stappen duren samen {total} minuten")
    return PlannedPhase(
        kind=phase.choice("kind", PHASE_KINDS),
        title=phase.text("title", allow_empty=False).strip(),
        minutes=minutes,
        guidance=phase.text("guidance", "").strip(),
        questions=list(phase.texts("questions", [])),
        steps=steps,
        workform=phase.text("workform", "").strip(),
        content_by=phase.text("content_by", "").strip(),
        case_by=phase.text("case_by", "").strip(),
    )


# -- the plans on disk -----------------------------------------------------------------------------------


def plan_id(name: str) -> str:
    """The file stem of a plan with this name."""
    return slugify(name)


class PlanStore:
    """The plan files in one folder (`Paths.plans_folder`), made when the first plan is written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def of(cls, paths: Paths) -> PlanStore:
        """The data dir's plans: the one way the program opens them, so that reading never makes a folder."""
        return cls(paths.plans_folder)

    def path(self, plan: MeetingPlan | str) -> Path:
        return self.folder / f"{plan_id(plan.name if isinstance(plan, MeetingPlan) else plan)}.toml"

    def save(self, plan: MeetingPlan) -> Path:
        """Write the plan atomically (the previous version stays as `.bak`). A file there that does not
        parse is never overwritten: its `DataError` says what to repair."""
        if not " ".join(plan.name.split()):
            raise PlanError("De naam van de planning mag niet leeg zijn.")
        path = plan.path if plan.path is not None and plan.path.parent == self.folder else self.path(plan)
        if path.exists():
            parse_plan(path)
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, plan.to_toml(), backup=True)
        plan.path = path
        return path

    def discard(self, plan: MeetingPlan) -> Path:
        """Put the plan's file aside as `<file>.bak` (replacing an older backup): it is no longer listed, and
        renaming it back restores it. Returns where it went."""
        path = plan.path or self.path(plan)
        aside = path.with_name(path.name + ".bak")
        os.replace(path, aside)
        return aside

    def unused_name(self, name: str) -> str:
        """`name`, or with " (2)", " (3)"… added when a plan file by that name is already there."""
        candidate, number = name, 1
        while self.path(candidate).exists():
            number += 1
            candidate = f"{name} ({number})"
        return candidate

    def load(self, id_: str) -> MeetingPlan:
        return parse_plan(self.folder / f"{id_}.toml")

    def scan(self) -> tuple[list[MeetingPlan], list[DataError]]:
        """Every readable plan, by name, and a problem for each file that is not."""
        plans, problems = read_folder(self.folder, parse_plan)
        plans.sort(key=lambda plan: plan.name.casefold())
        return plans, problems

    def find(self, name: str) -> MeetingPlan:
        """The plan in a file (a path), or by file name or plan name (case-insensitive). A matching file
        that does not parse raises its `DataError`; no match raises a Dutch `PlanError`."""
        given = Path(name).expanduser()
        if given.suffix == ".toml" and given.is_file():
            return parse_plan(given)
        for stem in dict.fromkeys([name.strip(), plan_id(name)]):
            path = self.folder / f"{stem}.toml"
            if stem and "/" not in stem and "\\" not in stem and path.is_file():
                return parse_plan(path)
        plans, problems = self.scan()
        wanted = " ".join(name.split()).casefold()
        match = next((plan for plan in plans if plan.name.casefold() == wanted), None)
        if match is not None:
            return match
        hint = " (een of meer planningen zijn onleesbaar; zie 'lerend-tui plan list')" if problems else ""
        raise PlanError(f"Geen planning '{name}' in {self.folder}{hint}. 'lerend-tui plan list' toont de planningen.")


def by_day(plans: list[MeetingPlan], today: date) -> list[MeetingPlan]:
    """The plans as a facilitator looks for them: the coming ones, soonest first; then those without a day,
    by name; then the past ones, the latest first."""
    coming = sorted((p for p in plans if p.date and p.date >= today), key=lambda p: (p.date, p.name.casefold()))
    undated = sorted((p for p in plans if p.date is None), key=lambda p: p.name.casefold())
    past = sorted((p for p in plans if p.date and p.date < today), key=lambda p: (p.date, p.name.casefold()),
                  reverse=True)
    return coming + undated + past


def next_planned(plans: list[MeetingPlan], network: str, after: date) -> MeetingPlan | None:
    """When `network` meets next: its first plan on a day after `after` (None when none is planned)."""
    coming = [plan for plan in plans if network and plan.network == network and plan.date and plan.date > after]
    return min(coming, key=lambda plan: (plan.date, plan.start), default=None)


def save_as_template(plan: MeetingPlan, folder: Path, *, name: str | None = None,
                     source: MeetingTemplate | None = None) -> Path:
    """Write the plan as a reusable template (`<folder>/<name>.toml`, which `templates.load_templates` reads).
    A file there that does not parse is never overwritten. A phase keeps the talk's pages it shows in
    `source`, the template the plan came from (a plan itself does not hold them)."""
    template_name = slugify(name or plan.name)
    path = folder / f"{template_name}.toml"
    if path.exists():
        parse_template(path)
    description = (" ".join(part for part in (plan.theme, plan.goal) if part)
                   or f"Gemaakt van de planning '{plan.name}'.")
    table = {
        "schema": 1,
        "name": template_name,
        "title": plan.title,
        "description": description,
        "phases": [
            {"kind": p.kind, "title": p.title, "minutes": p.minutes, "guidance": p.guidance,
             "questions": p.questions, "steps": _steps_table(p.steps) or None,
             "talk": list(source.talk_for(p.kind, p.title)) if source is not None else None}
            for p in plan.phases
        ],
    }
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, tomli_w.dumps(drop_none(table), multiline_strings=True), backup=True)
    return path


# -- into a meeting ---------------------------------------------------------------------------------------


def plan_to_record(plan: MeetingPlan, *, planned_start: datetime, participants: list[str] | None = None,
                   title: str = "", now: datetime | None = None) -> MeetingRecord:
    """A new meeting record that runs the plan: its phases in its order, each with the plan's minutes
    (`planned_minutes`), steps, work format and who brings the content or the case; the meeting's theme
    and goal; and the plan itself as it is now (`record.plan`), to compare with what actually happens.

    With `now` (the meeting starts now), a `planned_start` further than `START_WINDOW` from it moves along:
    the meeting is planned from now and the plan's time stays in `record.plan.start` (`moved_start_words`)."""
    phases = [
        PhaseRecord(kind=p.kind, title=p.title, planned_minutes=p.minutes,
                    steps=[StepRecord(s.title, s.minutes, s.instruction, s.round) for s in p.steps],
                    workform=p.workform,
                    roles={role: name for role, name in ((CONTENT_ROLE, p.content_by), (CASE_ROLE, p.case_by)) if name})
        for p in plan.phases
    ]
    origin = PlanOrigin(
        name=plan.name,
        id=plan.path.stem if plan.path is not None else plan_id(plan.name),
        phases=tuple(PlannedSnapshot(p.kind, p.title, p.minutes, p.workform, p.content_by, p.case_by)
                     for p in plan.phases),
        start=planned_start,
    )
    if now is not None and abs(now - planned_start) > START_WINDOW:
        planned_start = now.replace(microsecond=0)
    return MeetingRecord(title=" ".join(title.split()) or plan.title, template=plan.template,
                         planned_start=planned_start, phases=phases, participants=list(participants or []),
                         theme=plan.theme, goal=plan.goal, plan=origin)


def moved_start_words(record: MeetingRecord, clock: Clock) -> str | None:
    """What to tell the facilitator when a meeting runs its schedule from another time than its plan's: "De
    planning begon om 19:30; het schema loopt nu vanaf 08:01." None when it keeps the plan's time."""
    planned = record.plan.start if record.plan is not None else None
    if planned is None or planned == record.planned_start:
        return None
    return (f"De planning ging uit van {clock.local(planned):%H:%M}; "
            f"het schema loopt nu vanaf {clock.local(record.planned_start):%H:%M}.")


def with_plan_guidance(template: MeetingTemplate | None, store: PlanStore, id_: str) -> MeetingTemplate | None:
    """The guidance a meeting run from plan `id_` shows: the plan's phases (which keep the guidance of a phase
    the plan renamed, or gave to one it added) before the template's. Without a readable plan file, the
    template alone."""
    try:
        plan = store.load(id_)
    except (OSError, DataError):
        return template
    own = plan.as_template()
    return MeetingTemplate(own.name, own.title, own.description, own.phases + (template.phases if template else ()))


# -- the agenda out ---------------------------------------------------------------------------------------


def when_text(plan: MeetingPlan) -> str:
    """'dinsdag 8 december 2026, 19:00–21:00', or only the hours when the plan has no date."""
    hours = f"{plan.start}–{plan.end}"
    return f"{dutch_date(plan.date)}, {hours}" if plan.date else hours


def _workform(phase: PlannedPhase, catalogue: Catalogue | None) -> Workform | None:
    if not phase.workform or catalogue is None:
        return None
    return catalogue.workforms.get(phase.workform)


def _workform_name(phase: PlannedPhase, catalogue: Catalogue | None) -> str:
    return catalogue.name_of(phase.workform) if catalogue else phase.workform


def _bringers(plan: MeetingPlan, name: Callable[[str], str]) -> list[str]:
    """Who brings what, with every title and name as `name` gives it (escaped for Markdown, or as it is)."""
    lines = []
    for phase in plan.phases:
        if phase.content_by:
            lines.append(f"{name(phase.title)}: {name(phase.content_by)} brengt de inhoud")
        if phase.case_by:
            lines.append(f"{name(phase.title)}: {name(phase.case_by)} brengt een casus in")
    return lines


def _formats(plan: MeetingPlan, catalogue: Catalogue | None) -> list[tuple[str, str]]:
    """(name, short description) of each work format in the plan, once each, in order."""
    seen: dict[str, tuple[str, str]] = {}
    for phase in plan.phases:
        if phase.workform and phase.workform not in seen:
            found = _workform(phase, catalogue)
            seen[phase.workform] = (found.name, found.summary) if found else (phase.workform, "")
    return list(seen.values())


def _about(plan: MeetingPlan) -> list[tuple[str, str]]:
    """The agenda's opening facts, each as (label, text): when, and the place, theme, goal and participants if set."""
    facts = [("Wanneer", when_text(plan)), ("Plaats", plan.place), ("Thema", plan.theme), ("Doel", plan.goal),
             ("Deelnemers", ", ".join(plan.participants))]
    return [(label, text) for label, text in facts if text]


def markdown_agenda(plan: MeetingPlan, catalogue: Catalogue | None = None) -> str:
    """The agenda to send to the participants, in Markdown; titles and names escaped (`escape_markdown`)."""
    lines = [f"# {escape_markdown(plan.title)}", "",
             *(f"**{label}:** {escape_markdown(text)}  " for label, text in _about(plan))]
    lines[-1] = lines[-1].rstrip()
    lines += ["", "## Programma", "", "| Tijd | Onderdeel | Duur | Werkvorm |", "| --- | --- | ---: | --- |"]
    for row in plan.times():
        name = _workform_name(row.phase, catalogue) or "—"
        lines.append(f"| {row.text} | {escape_markdown(row.phase.title)} | {row.phase.minutes} min | "
                     f"{escape_markdown(name)} |")
    lines += [f"| {plan.end} | Einde | | |", ""]
    bringers = _bringers(plan, escape_markdown)
    if bringers:
        lines += ["## Wie brengt wat", "", *(f"- {line}" for line in bringers), ""]
    formats = _formats(plan, catalogue)
    if formats:
        lines += ["## Werkvormen", ""]
        for name, summary in formats:
            lines += [f"**{escape_markdown(name)}**" + (f": {summary}" if summary else ""), ""]
    return clean("\n".join(lines))


def text_agenda(plan: MeetingPlan, catalogue: Catalogue | None = None) -> str:
    """The same agenda as plain text, to paste into a mail: cleaned of control characters, not escaped."""
    when, *others = _about(plan)
    lines = [plan.title, when[1], *(f"{label}: {text}" for label, text in others), "", "Programma"]
    for row in plan.times():
        name = _workform_name(row.phase, catalogue)
        lines.append(f"{row.text}  {row.phase.title}" + (f" ({name})" if name else ""))
    lines.append(f"{plan.end}        Einde")
    bringers = _bringers(plan, str)
    if bringers:
        lines += ["", "Wie brengt wat", *(f"- {line}" for line in bringers)]
    formats = _formats(plan, catalogue)
    if formats:
        lines += ["", "Werkvormen", *(f"- {name}" + (f": {summary}" if summary else "") for name, summary in formats)]
    return clean("\n".join(lines)) + "\n"


__all__ = ["DEFAULT_START", "SCHEMA", "MeetingPlan", "PhaseTime", "PlanError", "PlanStore", "PlannedPhase",
           "clock_text", "markdown_agenda", "moved_start_words", "parse_plan", "parse_time", "plan_id",
           "plan_to_record", "save_as_template", "text_agenda"]
