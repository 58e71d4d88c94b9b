"""Looking back at meetings: one summary line per meeting, from what the index knows of it.

The home screen, the review screen and `lerend-tui notes list` all describe a meeting with the same
`Summary`, so the three never disagree on what "actual duration" or "items" means. (The search over the
meetings is the index's, `storage.index.MeetingIndex.search`.)
"""

from __future__ import annotations

from datetime import datetime

from lerend_tui.common.datatypes import datatype
from lerend_tui.storage.index import MeetingFacts


@datatype
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


def summarize(facts: MeetingFacts) -> Summary:
    return Summary(
        id=facts.id,
        title=facts.title,
        template=facts.template,
        when=facts.started or facts.planned_start,
        planned_minutes=facts.planned_minutes,
        actual_minutes=round(facts.elapsed_seconds / 60),
        items=facts.items,
        finished=facts.finished,
        phases=facts.phases,
        current_phase=facts.current_phase,
    )
