"""Which meeting records are a learning network's: the ground every other network module stands on.

Every function of the network's modules takes the `Network` and `records`, a mapping of meeting id (file
stem) to `MeetingRecord`, e.g. `MeetingStore(...).index.records(network.meetings, network.id)`. A record
belongs to the network when its id is in `network.meetings` or its `network` field is the network's id; ids
of the network that are not in `records` are skipped (`missing_meetings` lists them).

What the meetings add up to lives beside this module: `carry_over` (what comes back at the next check-in),
`learning_questions`, `roles` (who had which role, whose turn it is), `trends` (attendance and ROTI),
`summary` (what the network achieved); `exchange` is what passes between a meeting and the network file.
The Markdown report of a network is `reports.network`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from lerend_tui.common.datatypes import datatype
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.network.store import Network
from lerend_tui.storage.index import MeetingFacts

Records = Mapping[str, MeetingRecord]


@datatype
class NetworkMeeting:
    id: str
    record: MeetingRecord

    @property
    def date(self) -> datetime:
        """When it started, or else when it was planned."""
        return self.record.started or self.record.planned_start


def network_meetings(network: Network, records: Records) -> list[NetworkMeeting]:
    """The network's meetings that are in `records`, oldest first (by planned start)."""
    order = _Order(network)
    chosen = [NetworkMeeting(id_, record) for id_, record in records.items() if order.holds(id_, record.network)]
    chosen.sort(key=lambda meeting: order.key(meeting.id, meeting.record.planned_start))
    return chosen


def last_held(network: Network, meetings: Iterable[MeetingFacts]) -> str | None:
    """The id of the network's meeting that ran last (as `held_meetings` orders them), from the index's facts
    of `meetings`, without reading a record; None when none ran."""
    order = _Order(network)
    held = [facts for facts in meetings if facts.ran and order.holds(facts.id, facts.network)]
    last = max(held, key=lambda facts: order.key(facts.id, facts.planned_start), default=None)
    return None if last is None else last.id


class _Order:
    """Which meetings are the network's, and in what order: by planned start, then as its file lists them,
    then by id."""

    def __init__(self, network: Network) -> None:
        self.network_id = network.id
        self.listed = {id_: index for index, id_ in enumerate(network.meetings)}

    def holds(self, id_: str, its_network: str) -> bool:
        return id_ in self.listed or bool(self.network_id and its_network == self.network_id)

    def key(self, id_: str, planned_start: datetime) -> tuple[datetime, int, str]:
        return planned_start, self.listed.get(id_, len(self.listed)), id_


def held_meetings(network: Network, records: Records) -> list[NetworkMeeting]:
    """The network's meetings in which a phase ran (`MeetingRecord.ran`), oldest first: the ones that count
    in carry-over, roles, trends and attendance. A meeting that never ran counts nowhere."""
    return [meeting for meeting in network_meetings(network, records) if meeting.record.ran]


def missing_meetings(network: Network, records: Records) -> list[str]:
    """Ids the network file lists but `records` does not hold (deleted, renamed or unreadable)."""
    return [id_ for id_ in network.meetings if id_ not in records]


__all__ = ["NetworkMeeting", "Records", "held_meetings", "last_held", "missing_meetings", "network_meetings"]
