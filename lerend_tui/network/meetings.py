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

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.network.store import Network

Records = Mapping[str, MeetingRecord]


@dataclass(frozen=True)
class NetworkMeeting:
    id: str
    record: MeetingRecord

    @property
    def date(self) -> datetime:
        """When it started, or else when it was planned."""
        return self.record.started or self.record.planned_start


def network_meetings(network: Network, records: Records) -> list[NetworkMeeting]:
    """The network's meetings that are in `records`, oldest first (by planned start)."""
    order = {id_: index for index, id_ in enumerate(network.meetings)}
    chosen = [
        NetworkMeeting(id_, record) for id_, record in records.items()
        if id_ in order or (network.id and record.network == network.id)
    ]
    chosen.sort(key=lambda meeting: (meeting.record.planned_start, order.get(meeting.id, len(order)), meeting.id))
    return chosen


def held_meetings(network: Network, records: Records) -> list[NetworkMeeting]:
    """The network's meetings in which a phase ran (`MeetingRecord.ran`), oldest first: the ones that count
    in carry-over, roles, trends and attendance. A meeting that never ran counts nowhere."""
    return [meeting for meeting in network_meetings(network, records) if meeting.record.ran]


def missing_meetings(network: Network, records: Records) -> list[str]:
    """Ids the network file lists but `records` does not hold (deleted, renamed or unreadable)."""
    return [id_ for id_ in network.meetings if id_ not in records]


__all__ = ["NetworkMeeting", "Records", "held_meetings", "missing_meetings", "network_meetings"]
