"""What the network achieved, in numbers, for the final evaluation (Stap 4).

`records` as in `network.meetings`.
"""

from __future__ import annotations

from lerend_tui.common.datatypes import datatype
from lerend_tui.network.carry_over import CARRIED_ON, commitments
from lerend_tui.network.learning_questions import learning_questions
from lerend_tui.network.meetings import Records, held_meetings, network_meetings
from lerend_tui.network.store import Network


@datatype
class NetworkSummary:
    meetings: int
    """Meetings of the network on disk."""
    held: int
    """Of those, the ones in which a phase ran."""
    questions: int
    """Learning questions in the network file."""
    questions_noted: int
    """`leervraag` items noted in the meetings."""
    people_with_questions: int
    """Participants whose learning questions came up in at least one meeting."""
    commitments: int
    """Actions and commitments noted in the meetings."""
    kept: int
    """Of those, the ones ticked off as "gedaan"."""
    carried_on: int
    """Still "open" or "loopt door"."""
    dropped: int
    """Ticked off as "vervalt"."""
    roti: float | None
    """The average of every ROTI score given in the network's meetings."""


def network_summary(network: Network, records: Records) -> NetworkSummary:
    """What the network achieved, for the final evaluation (Stap 4)."""
    meetings = network_meetings(network, records)
    held = held_meetings(network, records)
    trails = learning_questions(network, records)
    made = commitments(network, records)
    scores = [entry.score for meeting in held for entry in meeting.record.checkout if entry.score is not None]
    return NetworkSummary(
        meetings=len(meetings),
        held=len(held),
        questions=sum(len(participant.learning_questions) for participant in network.participants),
        questions_noted=sum(1 for meeting in held for item in meeting.record.items if item.kind == "leervraag"),
        people_with_questions=sum(1 for trail in trails if trail.name in network.names and trail.mentions),
        commitments=len(made),
        kept=sum(1 for entry in made if entry.status == "gedaan"),
        carried_on=sum(1 for entry in made if entry.status in CARRIED_ON),
        dropped=sum(1 for entry in made if entry.status == "vervalt"),
        roti=sum(scores) / len(scores) if scores else None,
    )


__all__ = ["NetworkSummary", "network_summary"]
