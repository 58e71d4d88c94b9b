"""Looking back at meetings: one summary line per meeting, and the search over them.

The home screen, the review screen and `lerend-tui notes list` all describe a meeting with the same
`Summary`, so the three never disagree on what "actual duration" or "items" means.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.storage.meetings import StoredMeeting


@dataclass(frozen=True)
class Summary:
    id: str
    title: str
    template: str
    when: datetime
    """When the meeting started, or was planned to start if it never did."""
    planned_minutes: int
    actual_minutes: int
    """The minutes the phases took, rounded; 0 while none has started."""
    items: int
    finished: bool
    phases: int
    current_phase: int

    @property
    def progress(self) -> str:
        """The times of a finished meeting, or how far an unfinished one got."""
        if self.finished:
            return f"{self.actual_minutes} van {self.planned_minutes} min"
        return f"onderbroken in fase {self.current_phase + 1} van {self.phases}"

    @property
    def items_text(self) -> str:
        return f"{self.items} {'punt' if self.items == 1 else 'punten'}"

    @property
    def date_text(self) -> str:
        """The date and time as the meeting's own clock showed them."""
        return f"{self.when:%d-%m-%Y %H:%M}"

    def line(self) -> str:
        """One line in Dutch: date, title, template, times and items."""
        return f"{self.date_text}  {self.title}  ·  {self.template}  ·  {self.progress}  ·  {self.items_text}"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id, "title": self.title, "date": self.when.date().isoformat(), "template": self.template,
            "items": self.items, "finished": self.finished,
            "planned_minutes": self.planned_minutes, "actual_minutes": self.actual_minutes,
        }


def summarize(stored: StoredMeeting) -> Summary:
    record = stored.record
    return Summary(
        id=stored.id,
        title=record.title,
        template=record.template,
        when=record.started or record.planned_start,
        planned_minutes=record.planned_minutes,
        actual_minutes=round(sum(phase.elapsed_seconds for phase in record.phases) / 60),
        items=len(record.items),
        finished=record.finished,
        phases=len(record.phases),
        current_phase=record.current_phase,
    )


def searchable_text(record: MeetingRecord) -> str:
    """Everything a facilitator may search a meeting by, case-folded."""
    parts = [record.title, record.template, *record.participants]
    for phase in record.phases:
        parts += [phase.title, phase.notes, phase.workform]
    parts += [f"{item.text} {item.owner}" for item in record.items]
    parts += [f"{entry.name} {entry.word}" for entry in record.checkout]
    return "\n".join(parts).casefold()


def matches(record: MeetingRecord, query: str) -> bool:
    """True when every word of the query occurs somewhere in the meeting (any case, any order)."""
    words = query.casefold().split()
    if not words:
        return True
    text = searchable_text(record)
    return all(word in text for word in words)
