"""What passes between a meeting and its network file: a new meeting joins the network (its participants,
what the previous meeting carries over, its id in the network file); a held meeting (the kick-off, mostly)
gives the network what it collected (learning questions, expectations, preferences, agreements).
"""

from __future__ import annotations

from pathlib import Path

from lerend_tui.meeting.items import LABELS
from lerend_tui.meeting.record import MeetingRecord
from lerend_tui.network.carry_over import carry_over
from lerend_tui.network.meetings import Records, last_held
from lerend_tui.network.owners import match_owner
from lerend_tui.network.store import Network, NetworkStore
from lerend_tui.storage.meetings import MeetingStore


def join_network(record: MeetingRecord, network: Network, records: Records) -> MeetingRecord:
    """Make a new meeting record part of the network: its `network` field, the network's participants
    (when the record has none) and what the previous meeting carries over. Returns the record.

    The meeting's id still has to be added to the network file once the record is on disk
    (`NetworkStore.add_meeting`).
    """
    record.network = network.id
    if not record.participants:
        record.participants = list(network.names)
    record.carried = carry_over(network, records)
    return record


def create_in_network(record: MeetingRecord, network: Network, store: MeetingStore,
                      networks: NetworkStore) -> Path:
    """Put a new meeting on disk as part of the network (`join_network`), and file its id in the network.
    What comes back at its check-in is the last held meeting's (`carry_over`): only that record is read."""
    last = last_held(network, store.index.listing().meetings)
    join_network(record, network, store.index.records([last]) if last is not None else {})
    path = store.create(record)
    networks.add_meeting(network, path.stem)
    return path


def collect_from_meeting(network: Network, record: MeetingRecord) -> list[str]:
    """Take into the network what a meeting (the kick-off, mostly) collected: learning questions,
    expectations and learning preferences with an owner who is a participant join that participant;
    agreements (`afspraak`) and `randvoorwaarde` items join the network's agreements. Nothing is added
    twice. Returns a Dutch line for each addition (empty: nothing new)."""
    personal = {"leervraag": "learning_questions", "verwachting": "expectations", "voorkeur": "preferences"}
    shared = {"afspraak": "afspraken", "randvoorwaarde": "randvoorwaarden"}
    added: list[str] = []
    for item in record.items:
        if item.kind in personal and item.owner:
            participant = network.participant(match_owner(item.owner, network.names))
            field = personal[item.kind]
            text = _without_mention(item.text, item.owner)
            if participant is not None and text not in getattr(participant, field):
                getattr(participant, field).append(text)
                added.append(f"{LABELS[item.kind]} van {participant.name}: {text}")
        elif item.kind in shared:
            field = shared[item.kind]
            if item.text not in getattr(network.agreements, field):
                getattr(network.agreements, field).append(item.text)
                added.append(f"{LABELS[item.kind]}: {item.text}")
    return added


def _without_mention(text: str, owner: str) -> str:
    """"@Bram hoe plan ik beter?" kept with Bram reads "hoe plan ik beter?"."""
    return " ".join(text.replace(f"@{owner}", " ").split()) or text


__all__ = ["collect_from_meeting", "create_in_network", "join_network"]
