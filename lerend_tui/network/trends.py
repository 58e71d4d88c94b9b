"""Trends over the network's meetings: attendance and ROTI per meeting, attendance per person, and the
one-line block chart (sparkline) that shows them.

`records` as in `network.meetings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from lerend_tui.common.datatypes import datatype
from lerend_tui.meeting.record import ATTENDANCE_STATES, PRESENT, roti_average
from lerend_tui.network.meetings import Records, held_meetings
from lerend_tui.network.store import Network


@datatype
class TrendPoint:
    meeting_id: str
    title: str
    date: datetime
    attendance: int
    """The participants present at the meeting (else, the check-outs)."""
    roti: float | None
    """The average ROTI of the check-out, or None without scores."""
    finished: bool


def trends(network: Network, records: Records) -> list[TrendPoint]:
    """Attendance and ROTI per meeting of the network, oldest first: the points of a sparkline."""
    return [
        TrendPoint(meeting.id, meeting.record.title, meeting.date,
                   len(meeting.record.present) or len(meeting.record.checkout),
                   roti_average(meeting.record.checkout), meeting.record.finished)
        for meeting in held_meetings(network, records)
    ]


@datatype
class PersonAttendance:
    """How often one participant was there, over the network's meetings that were held with them on the list."""

    name: str
    held: int
    counts: dict[str, int]
    """One of `ATTENDANCE_STATES` → in how many of those meetings it was theirs."""

    @property
    def words(self) -> str:
        """"Bram: 4 van 5 keer aanwezig, 1 keer afgemeld"."""
        others = [f"{count} keer {state}" for state, count in self.counts.items() if state != PRESENT and count]
        return ", ".join([f"{self.name}: {self.counts.get(PRESENT, 0)} van {self.held} keer aanwezig", *others])


def attendance_per_person(network: Network, records: Records) -> list[PersonAttendance]:
    """Per participant of the network (then others on a meeting's list), their attendance at the meetings
    that ran (one never begun had nobody there)."""
    held = [meeting.record for meeting in held_meetings(network, records)]
    names = list(dict.fromkeys([*network.names, *(name for record in held for name in record.participants)]))
    people = []
    for name in names:
        states = [record.attendance_of(name) for record in held if name in record.participants]
        people.append(PersonAttendance(name, len(states), {state: states.count(state) for state in ATTENDANCE_STATES}))
    return people


BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None], low: float | None = None, high: float | None = None) -> str:
    """A one-line chart of `values` in block characters (a space where a value is None), scaled from
    `low` to `high` (default: the smallest and largest value). E.g. ROTI: `sparkline(rotis, 1, 5)`."""
    known = [value for value in values if value is not None]
    if not known:
        return " " * len(values)
    low = min(known) if low is None else low
    high = max(known) if high is None else high
    span = high - low
    top = len(BLOCKS) - 1
    return "".join(
        " " if value is None else BLOCKS[top if span <= 0 else round(min(max((value - low) / span, 0.0), 1.0) * top)]
        for value in values
    )


__all__ = ["BLOCKS", "PersonAttendance", "TrendPoint", "attendance_per_person", "sparkline", "trends"]
