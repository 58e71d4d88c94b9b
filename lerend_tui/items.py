"""Items captured from the notes as they are typed: agreements, actions, learning questions, insights
and commitments (the "stok achter de deur").

A note line that begins with one of the labels becomes an item, and stays in the notes as typed;
`@Naam` in the line names its owner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABELS = {
    "afspraak": "Afspraak",
    "actie": "Actie",
    "leervraag": "Leervraag",
    "inzicht": "Inzicht",
    "stok": "Stok achter de deur",
}
_LINE = re.compile(
    r"^\s*(?:[-*•]\s*)?(afspraak|actie|leervraag|inzicht|stok achter de deur)\s*:\s*(.*?)\s*$", re.IGNORECASE
)
_OWNER = re.compile(r"@(\w[\w'-]*)")


@dataclass(frozen=True)
class Item:
    kind: str
    """A key of `LABELS`."""
    text: str
    owner: str
    phase: str
    """The title of the phase whose notes hold it."""


def parse_items(notes: str, phase: str) -> list[Item]:
    """Every labelled line of `notes`, in order (any case; a leading bullet is allowed)."""
    items = []
    for line in notes.splitlines():
        match = _LINE.match(line)
        if match is None or not match.group(2):
            continue
        label, text = match.groups()
        kind = "stok" if label.lower().startswith("stok") else label.lower()
        owner = _OWNER.search(text)
        items.append(Item(kind, text, owner.group(1) if owner else "", phase))
    return items
