"""Carry-over: the commitments ("stok achter de deur") and actions of the previous meeting come back at the
next meeting's check-in, are ticked off there, and what is not done comes back again.

`records` as in `network.meetings`.
"""

from __future__ import annotations

from dataclasses import replace

from lerend_tui.common.datatypes import datatype
from lerend_tui.meeting.record import CARRIED_KINDS, CARRY_STATUSES, Carried, MeetingRecord
from lerend_tui.network.meetings import NetworkMeeting, Records, held_meetings, network_meetings
from lerend_tui.network.store import Network

CARRIED_ON = ("open", "loopt door")
"""Statuses with which a carried item comes back at the meeting after that too ("open": not ticked off)."""


def carry_over(network: Network, records: Records, current_id: str | None = None) -> list[Carried]:
    """What comes back at the check-in of meeting `current_id` (or of a new meeting when None or unknown).

    From the meeting of the network that last ran before it (a meeting that never ran is passed over): its
    own actions and commitments, and what it carried itself that stayed "open" or "loopt door" (see
    `CARRIED_ON`); "gedaan" and "vervalt" stop there. Everything comes back with status "open" (not ticked off
    yet), the oldest first, each once.
    """
    meetings = network_meetings(network, records)
    ids = [meeting.id for meeting in meetings]
    earlier = [meeting for meeting in (meetings[:ids.index(current_id)] if current_id in ids else meetings)
               if meeting.record.ran]
    if not earlier:
        return []
    previous = earlier[-1]
    entries = [replace(entry, status="open") for entry in previous.record.carried if entry.status in CARRIED_ON]
    entries += [Carried(item.kind, item.text, item.owner, previous.id) for item in previous.record.items
                if item.kind in CARRIED_KINDS]
    unique: dict[tuple[str, str, str, str], Carried] = {}
    for entry in entries:
        unique.setdefault(_key(entry), entry)
    return list(unique.values())


def _key(entry: Carried) -> tuple[str, str, str, str]:
    return entry.kind, entry.text, entry.owner, entry.from_meeting


def set_status(record: MeetingRecord, index: int, status: str) -> Carried:
    """Tick off carried item `index` of `record` as one of `CARRY_STATUSES`; returns the updated entry."""
    if status not in CARRY_STATUSES:
        raise ValueError(f"Onbekende status '{status}': kies uit {', '.join(CARRY_STATUSES)}.")
    record.carried[index] = replace(record.carried[index], status=status)
    return record.carried[index]


def commitments(network: Network, records: Records) -> list[Carried]:
    """Every action and commitment noted in the network's meetings, in the order noted, with what became
    of it: its status in the latest meeting that carried it ("open" when none did yet)."""
    outcome: dict[tuple[str, str, str, str], Carried] = {}
    for meeting in held_meetings(network, records):
        for entry in meeting.record.carried:
            outcome[_key(entry)] = entry
        for item in meeting.record.items:
            if item.kind in CARRIED_KINDS:
                entry = Carried(item.kind, item.text, item.owner, meeting.id)
                outcome.setdefault(_key(entry), entry)
    return list(outcome.values())


@datatype
class OpenCommitment:
    """An action or commitment not ticked off yet, and the meeting it was noted in."""

    entry: Carried
    meeting: NetworkMeeting | None
    """None when that meeting is not there (any more)."""

    @property
    def owner(self) -> str:
        return self.entry.owner

    @property
    def came_from(self) -> str:
        """"uit Oktober: grenzen stellen, 20-10-2026"."""
        if self.meeting is None:
            return f"uit {self.entry.from_meeting}"
        return f"uit {self.meeting.record.title}, {self.meeting.date:%d-%m-%Y}"


def open_commitments(network: Network, records: Records) -> list[OpenCommitment]:
    """Every action and commitment noted in the network's meetings that is not ticked off yet: "open" or
    "loopt door" in the latest meeting that carried it, or not carried yet (see `commitments`); in the order
    noted. "gedaan" and "vervalt" are not open."""
    meetings = {meeting.id: meeting for meeting in network_meetings(network, records)}
    return [OpenCommitment(entry, meetings.get(entry.from_meeting)) for entry in commitments(network, records)
            if entry.status in CARRIED_ON]


__all__ = ["CARRIED_ON", "OpenCommitment", "carry_over", "commitments", "open_commitments", "set_status"]
