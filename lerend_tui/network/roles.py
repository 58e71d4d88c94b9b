"""Fairness: who had which role in which of the network's meetings, and whose turn it is.

`records` as in `network.meetings`.
"""

from __future__ import annotations

import random
from datetime import datetime

from lerend_tui.catalogue.picker import History, suggest
from lerend_tui.common.datatypes import datatype
from lerend_tui.meeting.record import CASE_ROLE, CONTENT_ROLE, PhaseRecord
from lerend_tui.network.meetings import Records, held_meetings
from lerend_tui.network.owners import match_owner
from lerend_tui.network.store import Network

FAIRNESS_ROLES = {
    CASE_ROLE: "bracht een casus in",
    CONTENT_ROLE: "bracht de inhoud",
    "gespreksleider": "leidde het gesprek",
}
"""The roles the fairness overview is about, with how the UI says them."""


@datatype
class RoleTurn:
    """Someone had a role in a phase of a meeting."""

    meeting_id: str
    date: datetime
    phase: str
    """The phase's title."""
    role: str
    name: str


def role_name(phase: PhaseRecord, role: str) -> str:
    """The role as fairness counts it: an `inbrenger` in an `inhoud` phase brought the content."""
    return CONTENT_ROLE if phase.kind == "inhoud" and role in (CASE_ROLE, CONTENT_ROLE) else role


def role_turns(network: Network, records: Records) -> list[RoleTurn]:
    """Every role anyone had in the network's meetings, oldest meeting first, phases in order."""
    return [
        RoleTurn(meeting.id, meeting.date, phase.title, role_name(phase, role), name)
        for meeting in held_meetings(network, records)
        for phase in meeting.record.phases
        for role, name in phase.roles.items()
        if name
    ]


def role_counts(network: Network, records: Records) -> dict[str, dict[str, int]]:
    """Person → role → how many times they had it; every participant is there (also with no roles),
    others who had roles follow."""
    counts: dict[str, dict[str, int]] = {name: {} for name in network.names}
    for turn in role_turns(network, records):
        person = counts.setdefault(match_owner(turn.name, network.names), {})
        person[turn.role] = person.get(turn.role, 0) + 1
    return counts


def role_history(network: Network, records: Records) -> History:
    """The network's meetings as the draw's `History` (newest first), with content bringers under
    `CONTENT_ROLE`: hand it to `DrawScreen`/`propose_roles` so roles rotate within the network."""
    meetings = held_meetings(network, records)[::-1]
    return History(
        used=[[phase.workform for phase in meeting.record.phases if phase.workform] for meeting in meetings],
        roles=[{role_name(phase, role): name for phase in meeting.record.phases for role, name in phase.roles.items()}
               for meeting in meetings],
    )


def whose_turn(role: str, network: Network, records: Records, rng: random.Random | None = None) -> str | None:
    """"Wie is er aan de beurt?" for `role` among the network's participants (see `catalogue.picker.suggest`)."""
    return suggest(role, network.names, role_history(network, records).roles, rng)


__all__ = ["FAIRNESS_ROLES", "RoleTurn", "role_counts", "role_history", "role_name", "role_turns", "whose_turn"]
