"""Items captured from the notes as they are typed: agreements, actions, learning questions, insights
and commitments (the "stok achter de deur").

A note line that begins with one of the labels becomes an item, and stays in the notes as typed;
`@Naam` in the line names its owner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

LABELS = {
    "afspraak": "Afspraak",
    "actie": "Actie",
    "leervraag": "Leervraag",
    "inzicht": "Inzicht",
    "stok": "Stok achter de deur",
    # What a kick-off collects for the network (see `network_meetings.collect_from_meeting`).
    "verwachting": "Verwachting",
    "voorkeur": "Leervoorkeur",
    "randvoorwaarde": "Randvoorwaarde",
}
_KINDS = {label.casefold(): kind for kind, label in LABELS.items()}
_LINE = re.compile(
    r"^\s*(?:[-*•]\s*)?(" + "|".join(map(re.escape, LABELS.values())) + r")\s*:\s*(.*?)\s*$", re.IGNORECASE
)
_OWNER = re.compile(r"@(\w[\w'-]*)")


@dataclass(frozen=True, slots=True)
class Item:
    kind: str
    """A key of `LABELS`."""
    text: str
    owner: str
    phase: str
    """The title of the phase whose notes hold it."""


def parse_items(notes: str, phase: str) -> list[Item]:
    """Every labelled line of `notes`, in order (any case; a leading bullet is allowed)."""
    return list(iter_items(notes, phase))


def iter_items(notes: str, phase: str) -> Iterator[Item]:
    """The items of `parse_items` one by one, reading no further into the notes than asked."""
    for line in notes.splitlines():
        match = _LINE.match(line)
        if match is None or not match.group(2):
            continue
        label, text = match.groups()
        kind = _KINDS[label.casefold()]
        owner = _OWNER.search(text)
        yield Item(kind, text, owner.group(1) if owner else "", phase)


def without_mentions(text: str) -> str:
    """The text as a reader outside the program writes it: "@Bram" as "Bram"."""
    return _OWNER.sub(r"\1", text)


def with_commitments(notes: str, commitments: dict[str, str]) -> str:
    """The notes with a "Stok achter de deur: @Naam …" line added for each commitment not yet in them, so the
    commitments made at the closing are items like any typed one, and come back at the next check-in."""
    lines = [f"{LABELS['stok']}: @{name.split()[0]} {text}" for name, text in commitments.items()]
    new = [line for line in lines if line not in notes.splitlines()]
    if not new:
        return notes
    return (notes.rstrip("\n") + "\n" if notes.strip() else "") + "\n".join(new) + "\n"
