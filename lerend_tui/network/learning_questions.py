"""Learning questions across the network's meetings: per person, in which meetings they came up.

`records` as in `network.meetings`.
"""

from __future__ import annotations

from datetime import datetime

from lerend_tui.common.datatypes import datatype
from lerend_tui.network.meetings import Records, held_meetings
from lerend_tui.network.owners import match_owner
from lerend_tui.network.store import Network


@datatype
class Mention:
    """A learning question (a `leervraag` item) noted in one of the network's meetings."""

    meeting_id: str
    title: str
    """The meeting's title."""
    date: datetime
    text: str
    owner: str


@datatype
class QuestionTrail:
    """One person's learning questions (from the network file) and where they came up in the meetings."""

    name: str
    """A participant, another owner found in the meetings, or "" for questions without an owner."""
    questions: tuple[str, ...]
    mentions: tuple[Mention, ...]

    @property
    def meetings(self) -> list[str]:
        """The ids of the meetings where this person's questions came up, oldest first, each once."""
        return list(dict.fromkeys(mention.meeting_id for mention in self.mentions))


def learning_questions(network: Network, records: Records) -> list[QuestionTrail]:
    """Per participant (in the network's order, also those without any): their questions and the
    `leervraag` items they own or that mention one of their questions; then other owners, then items
    with no owner that mention no one's question (name "")."""
    names = network.names
    found: dict[str, list[Mention]] = {name: [] for name in names}
    for meeting in held_meetings(network, records):
        for item in meeting.record.items:
            if item.kind != "leervraag":
                continue
            mention = Mention(meeting.id, meeting.record.title, meeting.date, item.text, item.owner)
            owner = match_owner(item.owner, names)
            people = [owner] if owner else [p.name for p in network.participants
                                            if any(_mentions(item.text, q) for q in p.learning_questions)]
            for person in people or [""]:
                found.setdefault(person, []).append(mention)
    questions = {participant.name: tuple(participant.learning_questions) for participant in network.participants}
    trails = [QuestionTrail(name, questions.get(name, ()), tuple(mentions)) for name, mentions in found.items()]
    return sorted(trails, key=lambda trail: (trail.name == "", trail.name not in questions))  # stable otherwise


def _mentions(text: str, question: str) -> bool:
    """Whether an item's text and a learning question are about the same: one holds the other."""
    a, b = _plain(text), _plain(question)
    return len(a) >= 8 and len(b) >= 8 and (a in b or b in a)


def _plain(text: str) -> str:
    return " ".join(text.casefold().replace("?", " ").replace(".", " ").split())


__all__ = ["Mention", "QuestionTrail", "learning_questions"]
