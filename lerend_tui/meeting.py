"""A meeting in progress: the record, the running phase timer and the schedule, driven by one clock.

The screens call these methods and read these properties; nothing here knows about Textual, so a test
can step through a whole meeting with a `FakeClock`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .clock import Clock
from .plan import MeetingTemplate, PhasePlan
from .record import MeetingRecord, PhaseRecord
from .timer import PhaseTimer


@dataclass(frozen=True)
class AgendaRow:
    index: int
    phase: PhaseRecord
    planned_at: datetime
    current: bool
    actual_minutes: float | None


@dataclass(frozen=True)
class Schedule:
    rows: tuple[AgendaRow, ...]
    planned_end: datetime
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


class Meeting:
    def __init__(self, record: MeetingRecord, clock: Clock, template: MeetingTemplate | None = None) -> None:
        self.record = record
        self.clock = clock
        self.template = template
        self.timer = self._timer_for(self.current)

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

    def plan_for(self, phase: PhaseRecord) -> PhasePlan | None:
        """The template's guidance and questions for a phase, where the template still has it."""
        return self.template.guidance_for(phase.kind, phase.title) if self.template else None

    def schedule(self) -> Schedule:
        now = self.clock.now()
        rows = []
        planned_at = self.record.planned_start
        for index, phase in enumerate(self.phases):
            actual = self._elapsed(index) / 60 if phase.finished or index == self.index else None
            rows.append(AgendaRow(index, phase, planned_at, index == self.index, actual))
            planned_at += timedelta(minutes=phase.planned_minutes)
        still_to_go = max(self.timer.remaining, 0.0) + 60 * sum(p.minutes for p in self.phases[self.index + 1 :])
        begin = now if self.record.started or now > self.record.planned_start else self.record.planned_start
        return Schedule(tuple(rows), self.record.planned_end, begin + timedelta(seconds=still_to_go))

    # -- what the facilitator does -------------------------------------------------------------

    def toggle_timer(self) -> None:
        if self.timer.running:
            self.timer.pause()
        else:
            self._start_timer()

    def adjust(self, minutes: int) -> None:
        before = self.timer.planned_seconds
        self.timer.adjust(minutes)
        self.current.extra_minutes += round((self.timer.planned_seconds - before) / 60)

    def set_notes(self, text: str) -> None:
        self.current.notes = text

    def go_to(self, index: int) -> None:
        """Open another phase; a running meeting keeps running in the phase it moves to."""
        if index == self.index or not 0 <= index < len(self.phases):
            return
        was_running = self.timer.running
        self.timer.pause()
        self._store_timer()
        now = self._stamp()
        if index > self.index and self.current.started is not None:
            self.current.ended = now
        self.record.current_phase = index
        self.current.ended = None
        self.timer = self._timer_for(self.current)
        if was_running:
            self._start_timer()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def finish(self) -> None:
        self.timer.pause()
        self._store_timer()
        now = self._stamp()
        if self.current.started is not None:
            self.current.ended = now
        self.record.ended = now

    def snapshot(self) -> MeetingRecord:
        """The record brought up to this moment, ready to save."""
        self._store_timer()
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

    def _elapsed(self, index: int) -> float:
        return self.timer.elapsed if index == self.index else self.phases[index].elapsed_seconds

    def _timer_for(self, phase: PhaseRecord) -> PhaseTimer:
        """A timer that picks up where the record left off, also after a restart of the program."""
        running = phase.running_since is not None
        return PhaseTimer(self.clock, 60 * phase.minutes, phase.elapsed_at(self.clock.now()), running=running)

    def _store_timer(self) -> None:
        self.current.elapsed_seconds = self.timer.elapsed
        self.current.running_since = self.clock.now() if self.timer.running else None


# -- setting up a meeting ---------------------------------------------------------------------------

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
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
            raise SetupError(f"Lege naam op plaats {position} in de deelnemerslijst{after}: gebruik komma's tussen namen.")
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
