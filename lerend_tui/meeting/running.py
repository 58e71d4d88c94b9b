"""A meeting in progress: the record, the running phase timer and the schedule, driven by one clock.

The screens call these methods and read these properties; nothing here knows about Textual, so a test
can step through a whole meeting with a `FakeClock`.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from lerend_tui.common.clock import Clock
from lerend_tui.common.datatypes import datatype
from lerend_tui.common.settings import MINIMUM_SECONDS_PER_PERSON, Settings
from lerend_tui.common.text import MONTHS
from lerend_tui.meeting.items import Item, NotesItems
from lerend_tui.meeting.record import CASE_ROLE, CONTENT_ROLE, MeetingRecord, PhaseRecord, StepRecord
from lerend_tui.meeting.rounds import SpeakingRound, round_order
from lerend_tui.meeting.timer import PhaseTimer, Reading
from lerend_tui.templates import MeetingTemplate, TemplatePhase

if TYPE_CHECKING:  # the catalogue and the draw load when a work format is drawn, not at start-up
    from lerend_tui.catalogue.picker import Filters
    from lerend_tui.catalogue.workforms import Workform
    from lerend_tui.meeting.rebudget import Rebudget


START_WINDOW = timedelta(hours=1)
"""How far from its planned start a meeting may begin and still keep the planned clock: setting up early, or
a late start the group catches up on. A meeting that begins further off runs its schedule from then."""


def schedule_start(planned: datetime, started: datetime | None, now: datetime) -> datetime:
    """The moment a meeting's schedule counts from: its planned start, unless it began before it (it keeps its
    length, and ends early) or more than `START_WINDOW` after it, or has not begun and `now` is that far
    past it: then the moment it began (or begins: now). So the schedule never counts hours from a plan's clock."""
    if started is None and now <= planned:
        return planned
    begun = started or now
    return begun if begun < planned or begun - planned > START_WINDOW else planned


@datatype
class AgendaRow:
    index: int
    phase: PhaseRecord
    at: datetime
    """When the phase began, or (from the current one on, if not begun) is expected to begin."""
    current: bool
    actual_minutes: float | None


@datatype
class Schedule:
    rows: tuple[AgendaRow, ...]
    planned_end: datetime
    """The meeting's planned length after `schedule_start`."""
    projected_end: datetime

    @property
    def delta_minutes(self) -> int:
        """Minutes behind the plan (positive) or ahead of it (negative), rounded to whole minutes."""
        return round((self.projected_end - self.planned_end).total_seconds() / 60)

    @property
    def summary(self) -> str:
        delta = self.delta_minutes
        if delta > 0:
            return f"{delta} min achter op schema"
        if delta < 0:
            return f"{-delta} min voor op schema"
        return "op schema"


@datatype
class Focus:
    """The countdown the room should look at: a speaker's turn, else the step, else the phase."""

    kind: str  # "turn", "step" or "phase"
    label: str
    reading: Reading
    key: tuple


class Meeting:
    def __init__(
        self,
        record: MeetingRecord,
        clock: Clock,
        template: MeetingTemplate | None = None,
        *,
        settings: Settings | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.record = record
        self.clock = clock
        self.template = template
        self.settings = settings or Settings()
        self.rng = rng or random.Random()
        self._signalled: set[tuple] = set()
        self._items: dict[int, NotesItems] = {}
        self.timer = self._timer_for(self.current)
        self.speaking = self._round_for_step()

    # -- what is shown -------------------------------------------------------------------------

    @property
    def phases(self) -> list[PhaseRecord]:
        return self.record.phases

    @property
    def index(self) -> int:
        return self.record.current_phase

    @property
    def current(self) -> PhaseRecord:
        return self.record.phases[self.record.current_phase]

    @property
    def is_last(self) -> bool:
        return self.index == len(self.phases) - 1

    @property
    def next_phase(self) -> PhaseRecord | None:
        return None if self.is_last else self.phases[self.index + 1]

    @property
    def step(self) -> StepRecord | None:
        phase = self.current
        return phase.steps[phase.current_step] if phase.steps else None

    def template_phase(self, phase: PhaseRecord) -> TemplatePhase | None:
        """The template's guidance and questions for a phase, where the template still has it."""
        return self.template.guidance_for(phase.kind, phase.title) if self.template else None

    def reading(self) -> Reading:
        """The phase's countdown now."""
        return self.timer.reading(count_up=self.settings.count_up_overtime)

    def step_reading(self) -> Reading | None:
        step = self.step
        if step is None:
            return None
        elapsed = step.elapsed_seconds + self.timer.elapsed - self.current.step_mark
        planned = 60.0 * step.minutes
        return Reading(planned, elapsed, self.timer.running, self.settings.warning_seconds(planned),
                       self.settings.count_up_overtime)

    @property
    def step_label(self) -> str:
        """"Stap 2 van 4: Rondje"; empty in a phase without steps."""
        step, phase = self.step, self.current
        return f"Stap {phase.current_step + 1} van {len(phase.steps)}: {step.title}" if step is not None else ""

    def focus(self) -> Focus:
        phase, count_up = self.current, self.settings.count_up_overtime
        if self.speaking is not None and not self.speaking.finished:
            turn = self.speaking.turn_timer
            reading = Reading(turn.planned_seconds, turn.elapsed, turn.running,
                              self.settings.warning_seconds(turn.planned_seconds), count_up)
            return Focus("turn", self.speaking.words, reading,
                         ("turn", self.index, phase.current_step, self.speaking.index))
        step_reading = self.step_reading()
        if step_reading is not None:
            return Focus("step", self.step_label, step_reading, ("step", self.index, phase.current_step))
        return Focus("phase", phase.title, self.reading(), ("phase", self.index))

    def coming_up(self) -> str:
        """What comes after the current step or phase, for the room."""
        phase = self.current
        if phase.steps and phase.current_step < len(phase.steps) - 1:
            return f"Daarna: {phase.steps[phase.current_step + 1].title}"
        if self.next_phase is not None:
            return f"Daarna: {self.next_phase.title}"
        return "Daarna: einde van de bijeenkomst"

    def schedule(self) -> Schedule:
        """The agenda's clock times as they follow from what happened: the phases done at the time they began,
        the current one from when it began (or begins), the rest one after another with the minutes they have
        now (after `+`/`-` or a re-budget). The plan's own times stay in the record."""
        now = self.clock.now()
        record = self.record
        start = schedule_start(record.planned_start, record.started, now)
        begin = max(now, start)  # where the current phase's remaining time runs from
        rows = []
        moment = start
        for index, phase in enumerate(self.phases):
            if index < self.index:
                at = phase.started or moment
                moment = phase.ended or at
            elif index == self.index:
                at = phase.started or begin
                moment = begin + timedelta(seconds=max(self.timer.remaining, 0.0))
            else:
                at = moment
                moment += timedelta(minutes=phase.minutes)
            actual = self._elapsed(index) / 60 if phase.finished or index == self.index else None
            rows.append(AgendaRow(index, phase, at, index == self.index, actual))
        return Schedule(tuple(rows), start + timedelta(minutes=record.planned_minutes), moment)

    def rebudget(self, schedule: Schedule | None = None) -> Rebudget | None:
        """What the phases after this one would get to end on the planned time; None if nothing changes.
        Pass the `schedule` when it is at hand (the screen has just computed it)."""
        later = self.phases[self.index + 1 :]
        if not later:
            return None
        drift = (schedule or self.schedule()).delta_minutes  # whole minutes: seconds are no reason to re-plan
        if drift == 0:
            return None
        from lerend_tui.meeting.rebudget import propose  # (loaded once the meeting runs late or early)

        minutes = [phase.minutes for phase in later]
        proposal = propose(minutes, max(sum(minutes) - drift, 0))
        return None if proposal.minutes == minutes else proposal

    def signals(self) -> list[str]:
        """What to signal now, each once: "bell" when a countdown reaches zero, "warning" when its
        warning starts, "advanced" when a step moved on by itself (the `auto_advance_steps` setting)."""
        found: list[str] = []
        focus = self.focus()
        readings = [(focus.key, focus.reading)]
        if focus.kind != "phase":
            readings.append((("phase", self.index), self.reading()))
        for key, reading in readings:
            if not reading.running:
                continue
            if reading.remaining <= 0:
                if (key, "zero") not in self._signalled:
                    self._signalled.add((key, "zero"))
                    found.append("bell")
            elif reading.remaining <= reading.warning_seconds and (key, "warning") not in self._signalled:
                self._signalled.add((key, "warning"))
                found.append("warning")
        if (focus.kind == "step" and focus.reading.running and focus.reading.remaining <= 0
                and self.settings.auto_advance_steps and self.current.current_step < len(self.current.steps) - 1):
            self._go_step(+1)
            found.append("advanced")
        return found

    # -- what the facilitator does -------------------------------------------------------------

    def toggle_timer(self) -> None:
        if self.timer.running:
            self.timer.pause()
            if self.speaking is not None:
                self.speaking.pause()
        else:
            self._start_timer()

    def adjust(self, minutes: int) -> None:
        """A minute more or less for the phase, and for the step it is in."""
        before = self.timer.planned_seconds
        self.timer.adjust(minutes)
        change = round((self.timer.planned_seconds - before) / 60)
        self.current.extra_minutes += change
        if self.step is not None:
            self.step.minutes = max(self.step.minutes + change, 1)

    def accept_rebudget(self) -> None:
        proposal = self.rebudget()
        if proposal is None:
            return
        for phase, minutes in zip(self.phases[self.index + 1 :], proposal.minutes):
            phase.extra_minutes = minutes - phase.planned_minutes

    def draw_filters(self) -> Filters:
        """What a work format for this phase must fit: its kind, the group, the minutes left in it."""
        from lerend_tui.catalogue.picker import Filters

        people = len(self.record.present) or None
        return Filters(self.current.kind, people, max(math.ceil(self.timer.remaining / 60), 1))

    def apply_workform(self, workform: Workform, roles: dict[str, str]) -> None:
        """Run a work format in this phase: its steps become the phase's steps, from the first, and `roles`
        its roles. Who brings the content or a case (planned, or set by hand) stays unless `roles` names
        someone else for it."""
        phase = self.current
        self._close_step()
        phase.steps = [StepRecord(step.title, step.minutes, step.instruction, step.round) for step in workform.steps]
        phase.current_step = 0
        phase.step_mark = self.timer.elapsed
        phase.workform = workform.id
        kept = {role: name for role, name in phase.roles.items() if role in (CONTENT_ROLE, CASE_ROLE)}
        phase.roles = {**kept, **roles}
        phase.round = None
        self.speaking = self._round_for_step()

    def set_attendance(self, attendance: dict[str, str]) -> None:
        """Who is there (participant → one of `ATTENDANCE_STATES`); a round in progress goes on with those
        present (`SpeakingRound.keep_only`), a round nobody has spoken in yet starts anew over them."""
        self.record.attendance = {name: state for name, state in attendance.items() if name in self.record.participants}
        if self.speaking is None or (self.speaking.index == 0 and self.speaking.turn_timer.elapsed == 0):
            self.current.round = None
            self.speaking = self._round_for_step()
        else:
            self.speaking.keep_only(self.record.present)
        if self.speaking is not None and self.timer.running:
            self.speaking.start()
        self._store_round()

    def round_seconds(self) -> float:
        """A speaker's time in this phase's or step's round: its minutes shared by those present, at most the
        `seconds_per_person` setting (a 2' check-in with 5 people gives each 24 seconds)."""
        minutes = self.step.minutes if self.step is not None else self.current.minutes
        people = max(len(self.record.present), 1)
        return max(min(60 * minutes / people, self.settings.round_seconds), MINIMUM_SECONDS_PER_PERSON)

    def set_notes(self, text: str) -> None:
        self.current.notes = text

    def advance(self) -> str:
        """`n`: the next speaker, else the next step, else the next phase. Says which it was, or "end"."""
        if self.speaking is not None and not self.speaking.finished:
            self.speaking.pass_turn()
            return "turn"
        phase = self.current
        if phase.steps and phase.current_step < len(phase.steps) - 1:
            self._go_step(+1)
            return "step"
        if self.is_last:
            return "end"
        self.go_to(self.index + 1)
        return "phase"

    def back(self) -> str:
        """`p`: the previous speaker, else the previous step, else the previous phase."""
        if self.speaking is not None and self.speaking.index > 0:
            self.speaking.back()
            return "turn"
        if self.current.steps and self.current.current_step > 0:
            self._go_step(-1)
            return "step"
        self.go_to(self.index - 1)
        return "phase"

    def go_to(self, index: int) -> None:
        """Open another phase; a running meeting keeps running in the phase it moves to."""
        if index == self.index or not 0 <= index < len(self.phases):
            return
        was_running = self.timer.running
        self.timer.pause()
        self._close_step()
        self._store_timer()
        now = self._stamp()
        if index > self.index and self.current.started is not None:
            self.current.ended = now
        self.record.current_phase = index
        self.current.ended = None
        self.timer = self._timer_for(self.current)
        self.speaking = self._round_for_step()
        if was_running:
            self._start_timer()

    def finish(self) -> None:
        self.timer.pause()
        if self.speaking is not None:
            self.speaking.pause()
        self._close_step()
        self._store_timer()
        now = self._stamp()
        if self.current.started is not None:
            self.current.ended = now
        self.record.ended = now

    def items_in(self, index: int) -> list[Item]:
        """The items the notes of phase `index` hold now (`items.parse_items`; only what changed since the
        last time is read again)."""
        phase = self.phases[index]
        return self._items.setdefault(index, NotesItems()).items(phase.notes, phase.title)

    def snapshot(self) -> MeetingRecord:
        """The record brought up to this moment, ready to save, with the items its notes hold."""
        self._store_timer()
        self.record.items = [item for index in range(len(self.phases)) for item in self.items_in(index)]
        return self.record

    # -- inside ---------------------------------------------------------------------------------

    def _stamp(self) -> datetime:
        """Now, to the second: what the record shows a reader as started and ended."""
        return self.clock.now().replace(microsecond=0)

    def _start_timer(self) -> None:
        now = self._stamp()
        if self.record.started is None:
            self.record.started = now
        if self.current.started is None:
            self.current.started = now
        self.timer.start()
        if self.speaking is not None:
            self.speaking.start()

    def _go_step(self, delta: int) -> None:
        self._close_step()
        self.current.current_step += delta
        self.speaking = self._round_for_step()
        if self.speaking is not None and self.timer.running:
            self.speaking.start()

    def _close_step(self) -> None:
        """Book the time spent in the current step since it was entered, and where its round stands."""
        self._store_round()
        if self.step is not None:
            elapsed = self.timer.elapsed
            self.step.elapsed_seconds += elapsed - self.current.step_mark
            self.current.step_mark = elapsed

    def _round_for_step(self) -> SpeakingRound | None:
        """The speaking round of the check-in, or of a step marked as a round: resumed from the record
        (also when coming back to its step), or drawn now over the participants present."""
        phase = self.current
        wants_round = self.step.round if self.step is not None else phase.kind == "checkin"
        if not wants_round or not self.record.present:
            return None
        running = self.timer.running
        if phase.round is not None and phase.round.get("step", 0) == phase.current_step:
            # The turn ran on while the program was closed, as the phase did.
            downtime = phase.elapsed_at(self.clock.now()) - phase.elapsed_seconds
            table = {**phase.round, "turn_elapsed": phase.round.get("turn_elapsed", 0.0) + downtime}
            return SpeakingRound.from_table(table, self.clock, running=running)
        order = round_order(self.record.present, self.rng, shuffle=self.settings.round_random)
        return SpeakingRound(order, self.round_seconds(), self.clock, running=running)

    def _elapsed(self, index: int) -> float:
        return self.timer.elapsed if index == self.index else self.phases[index].elapsed_seconds

    def _timer_for(self, phase: PhaseRecord) -> PhaseTimer:
        """A timer that picks up where the record left off, also after a restart of the program."""
        running = phase.running_since is not None
        return PhaseTimer(self.clock, 60 * phase.minutes, phase.elapsed_at(self.clock.now()), running=running,
                          warning=self.settings.warning_seconds)

    def _store_timer(self) -> None:
        self.current.elapsed_seconds = self.timer.elapsed
        self.current.running_since = self.clock.now() if self.timer.running else None
        self._store_round()

    def _store_round(self) -> None:
        if self.speaking is not None:
            self.current.round = {**self.speaking.to_table(), "step": self.current.current_step}


# -- setting up a meeting ---------------------------------------------------------------------------

MAX_NAME = 60


class SetupError(ValueError):
    """A facilitator's input for a new meeting that cannot be used; the message is Dutch."""


def parse_participants(text: str) -> list[str]:
    """'Anouk, Bram, Chris' → names; empty, duplicate or unprintable names are refused."""
    if not text.strip():
        return []
    names: list[str] = []
    for position, raw in enumerate(text.split(","), start=1):
        name = " ".join(raw.split())
        if not name:
            after = f" (na '{names[-1]}')" if names else ""
            raise SetupError(f"Lege naam op plaats {position} in de deelnemerslijst{after}: "
                             "gebruik komma's tussen namen.")
        if not name.isprintable():
            raise SetupError(f"De naam op plaats {position} bevat tekens die niet te tonen zijn.")
        if len(name) > MAX_NAME:
            raise SetupError(f"De naam op plaats {position} is langer dan {MAX_NAME} tekens.")
        if name.casefold() in (known.casefold() for known in names):
            raise SetupError(f"'{name}' staat twee keer in de deelnemerslijst.")
        names.append(name)
    return names


def parse_start(text: str, clock: Clock) -> datetime:
    """'19:30' (or '19.30') today in the facilitator's timezone; empty means now."""
    now = clock.local(clock.now())
    if not text.strip():
        return now.replace(microsecond=0)
    hours, separator, minutes = text.strip().replace(".", ":").partition(":")
    if not (separator and hours.isdigit() and minutes.isdigit() and len(minutes) == 2
            and int(hours) < 24 and int(minutes) < 60):
        raise SetupError(f"Ongeldige starttijd '{text}': verwacht UU:MM, bijvoorbeeld 19:30.")
    return now.replace(hour=int(hours), minute=int(minutes), second=0, microsecond=0)


def default_title(template: MeetingTemplate, moment: datetime) -> str:
    return f"{template.title} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def new_meeting_record(
    template: MeetingTemplate, *, title: str, participants: list[str], planned_start: datetime
) -> MeetingRecord:
    title = " ".join(title.split()) or default_title(template, planned_start)
    if not title.isprintable():
        raise SetupError("De titel bevat tekens die niet te tonen zijn.")
    return MeetingRecord.from_template(template, title=title, participants=participants, planned_start=planned_start)
